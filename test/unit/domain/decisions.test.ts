import { describe, expect, it, vi } from 'vitest';

// decisions.ts and review.ts also carry decisions out, so loading them reads the table's and the mailer's configuration.
vi.hoisted(() => {
  Object.assign(process.env, {
    REQUESTS_TABLE: 'unit-requests',
    SENDER_EMAIL: 'dsr@example.org',
    PUBLIC_BASE_URL: 'https://dsr.example.org',
  });
});

import { extendedDueDate, resumedDueDate } from '../../../functions/domain/deadlines';
import { allowedDecisions, decisionSchema } from '../../../functions/domain/decision-rules';
import type { Branch, DsrRequest } from '../../../functions/domain/request';
import { findController } from '../../../functions/platform/register';
import { closingReasons, screeningReasons } from '../../../functions/workflow/routing';

const association = findController('demo-association')!;
const NOW = new Date('2026-03-10T12:00:00Z');

function request(over: Partial<DsrRequest> = {}): DsrRequest {
  return {
    requestId: '00000000-0000-4000-8000-000000000001',
    controllerId: association.id,
    type: 'access',
    locale: 'en',
    email: 'ada@example.org',
    status: 'in_review',
    version: 3,
    createdAt: '2026-03-05T10:00:00Z',
    verifyExpiresAt: '2026-03-12T10:00:00Z',
    statusKey: 'k',
    receivedAt: '2026-03-05T10:05:00Z',
    dueAt: '2026-04-06T23:59:59.999Z',
    history: [],
    reviewStage: 'screening',
    ...over,
  };
}
const branch = (processorId: string, over: Partial<Branch> = {}): Branch => ({
  requestId: '00000000-0000-4000-8000-000000000001',
  processorId,
  kind: 'dynamodb',
  action: 'delete',
  status: 'completed',
  attempts: 1,
  ...over,
});

describe('what staff may decide', () => {
  it('offers approve, refuse and a question during the first review, and only approve, retry and complete when closing', () => {
    expect(allowedDecisions(request(), [], association, NOW)).toEqual({
      approve: true,
      deny: true,
      extend: { maxMonths: 2 },
      request_info: true,
      retry_branch: [],
      complete_task: [],
      lift_restriction: false,
      correct_answer: [],
      charge_fee: true,
      record_fee_payment: false,
    });
    const failed = [branch('members', { status: 'failed', errorClass: 'States.Timeout' }), branch('invoices')];
    expect(allowedDecisions(request({ reviewStage: 'closing' }), failed, association, NOW)).toEqual({
      approve: true,
      deny: false,
      extend: { maxMonths: 2 },
      request_info: false,
      retry_branch: ['members'],
      complete_task: ['members'],
      lift_restriction: false,
      correct_answer: ['invoices'],
      charge_fee: false,
      record_fee_payment: false,
    });
  });

  it('does not offer to retry a branch the subject ended by withdrawing', () => {
    const withdrawn = [branch('members', { status: 'failed', errorClass: 'RequestWithdrawn' })];
    expect(allowedDecisions(request({ reviewStage: 'closing' }), withdrawn, association, NOW).retry_branch).toEqual([]);
  });

  it('lets staff complete a waiting staff task while the request is in progress, but decide nothing else', () => {
    const waiting = [
      branch('shared-mailbox', { kind: 'manual', status: 'waiting' }),
      branch('newsletter', { kind: 'opendsr', status: 'waiting', staffTask: true }),
      branch('bookkeeping', { kind: 'email', status: 'waiting' }),
    ];
    expect(allowedDecisions(request({ status: 'in_progress', reviewStage: undefined }), waiting, association, NOW)).toEqual({
      approve: false,
      deny: false,
      extend: { maxMonths: 2 },
      request_info: false,
      retry_branch: [],
      complete_task: ['shared-mailbox', 'newsletter'],
      lift_restriction: false,
      correct_answer: [],
      charge_fee: false,
      record_fee_payment: false,
    });
  });

  it("lets staff correct a finished system's answer while the subject's address is kept, and not once it is erased", () => {
    const done = [branch('invoices', { answer: { outcome: 'done' } }), branch('members', { status: 'waiting' })];
    expect(allowedDecisions(request({ status: 'completed', reviewStage: undefined }), done, association, NOW).correct_answer).toEqual(['invoices']);
    expect(
      allowedDecisions(request({ status: 'completed', reviewStage: undefined, personalDataErasedAt: NOW.toISOString() }), done, association, NOW)
        .correct_answer,
    ).toEqual([]);
    expect(allowedDecisions(request({ status: 'denied', reviewStage: undefined }), done, association, NOW).correct_answer).toEqual([]);
  });

  it('extends only within the first month and by two months in all (Art. 12(3))', () => {
    const afterFirstMonth = new Date('2026-04-07T00:00:00Z');
    expect(allowedDecisions(request(), [], association, afterFirstMonth).extend).toBe(false);
    const once = request({
      dueAt: '2026-05-06T23:59:59.999Z',
      extension: { months: 1, reasons: 'r', by: 'a', at: NOW.toISOString(), originalDueAt: '2026-04-06T23:59:59.999Z' },
    });
    expect(allowedDecisions(once, [], association, NOW).extend).toEqual({ maxMonths: 1 });
    // The first month's end counts, not the extended deadline.
    expect(allowedDecisions(once, [], association, new Date('2026-04-20T00:00:00Z')).extend).toBe(false);
    const twice = request({ extension: { months: 2, reasons: 'r', by: 'a', at: NOW.toISOString(), originalDueAt: '2026-04-06T23:59:59.999Z' } });
    expect(allowedDecisions(twice, [], association, NOW).extend).toBe(false);
    expect(allowedDecisions(request({ status: 'completed' }), [], association, NOW).extend).toBe(false);
  });

  it('lifts a restriction only once it is in place, and only once (Art. 18(3))', () => {
    const restricted = [branch('members', { action: 'restrict', recordCount: 1 }), branch('bookkeeping', { kind: 'email', action: 'restrict' })];
    const done = request({ type: 'restriction', status: 'completed', reviewStage: undefined });
    expect(allowedDecisions(done, restricted, association, NOW).lift_restriction).toBe(true);
    expect(allowedDecisions({ ...done, status: 'in_progress' }, restricted, association, NOW).lift_restriction).toBe(false);
    expect(
      allowedDecisions({ ...done, restrictionLift: { by: 'a', at: NOW.toISOString(), liftAt: NOW.toISOString() } }, restricted, association, NOW)
        .lift_restriction,
    ).toBe(false);
    expect(allowedDecisions(done, [branch('members', { action: 'restrict', recordCount: 0 })], association, NOW).lift_restriction).toBe(false);
    // The subject must be told first: not once the service's own retention erased their address.
    expect(
      allowedDecisions({ ...done, email: undefined as never, personalDataErasedAt: NOW.toISOString() }, restricted, association, NOW).lift_restriction,
    ).toBe(false);
  });

  it('asks one question at a time', () => {
    const open = request({ infoRequest: { text: 'q', by: 'a', at: NOW.toISOString(), pausesClock: true } });
    expect(allowedDecisions(open, [], association, NOW).request_info).toBe(false);
    const answered = request({ infoRequest: { text: 'q', by: 'a', at: NOW.toISOString(), pausesClock: true, answeredAt: NOW.toISOString(), answer: 'a' } });
    expect(allowedDecisions(answered, [], association, NOW).request_info).toBe(true);
  });
});

describe('a decision as posted', () => {
  it.each([
    [{ decision: 'deny', reason: 'excessive', text: '' }, 'text'],
    [{ decision: 'deny', reason: 'because', text: 'x' }, 'reason'],
    [{ decision: 'extend', months: 3, reasons: 'x' }, 'months'],
    [{ decision: 'complete_task', processorId: 'Members!', note: 'x' }, 'processorId'],
    [{ decision: 'approve', note: 'extra' }, ''],
    [{ decision: 'request_info', text: 'a\u0000b' }, 'text'],
    [{ decision: 'charge_fee', amount: -1, currency: 'EUR', reason: 'x' }, 'amount'],
    [{ decision: 'charge_fee', amount: 12.345, currency: 'EUR', reason: 'x' }, 'amount'],
    [{ decision: 'charge_fee', amount: '1e3', currency: 'EUR', reason: 'x' }, 'amount'],
    [{ decision: 'charge_fee', amount: 10, currency: 'EURO', reason: 'x' }, 'currency'],
    [{ decision: 'charge_fee', amount: 10, currency: 'ABC', reason: 'x' }, 'currency'],
    [{ decision: 'charge_fee', amount: 10, currency: 'EUR', reason: '' }, 'reason'],
    [{ decision: 'record_fee_payment', paidAt: 'now' }, ''],
  ])('refuses %j, naming %s', (body, field) => {
    const result = decisionSchema.safeParse(body);
    expect(result.success).toBe(false);
    const named = result.error!.issues.map((i) => String(i.path[0] ?? ''));
    if (field) expect(named).toContain(field);
    expect(result.error!.issues[0]!.message.length).toBeGreaterThan(5);
  });
});

describe('a fee (Art. 12(5)(a))', () => {
  const fee = { amount: '25.00', currency: 'EUR', reason: 'A repeat.', by: 'dpo.anna', at: '2026-03-06T10:00:00Z' };

  it('takes an amount with two decimals at most, as a number or a string, and an ISO 4217 code', () => {
    for (const amount of [25, 25.5, '25.50', '0.01', '100000']) {
      expect(decisionSchema.safeParse({ decision: 'charge_fee', amount, currency: 'SEK', reason: 'r' }).success, String(amount)).toBe(true);
    }
    expect(decisionSchema.safeParse({ decision: 'charge_fee', amount: 1, currency: 'SEK', reason: 'r' }).data).toMatchObject({ amount: '1' });
  });

  it('is charged once, in the first review, and while it waits only its payment (or a refusal) moves the request on', () => {
    expect(allowedDecisions(request({ infoRequest: { text: 'q', by: 'x', at: fee.at, pausesClock: true } }), [], association, NOW).charge_fee).toBe(false);
    const waiting = allowedDecisions(request({ fee }), [], association, NOW);
    expect(waiting).toMatchObject({ charge_fee: false, record_fee_payment: true, approve: false, request_info: false, deny: true });
    const paid = allowedDecisions(
      request({ status: 'in_progress', reviewStage: undefined, fee: { ...fee, paidAt: '2026-03-09T10:00:00Z' } }),
      [],
      association,
      NOW,
    );
    expect(paid).toMatchObject({ charge_fee: false, record_fee_payment: false });
  });
});

describe('why a request waits for staff', () => {
  it('screens rectifications, objections to other processing and data held for a customer', async () => {
    expect(await screeningReasons(request({ type: 'rectification' }), association)).toEqual(['rectification']);
    expect(await screeningReasons(request({ type: 'objection', details: { objection: { scope: 'other' } } }), association)).toEqual(['objection_weighing']);
    expect(await screeningReasons(request({ type: 'objection', details: { objection: { scope: 'direct_marketing' } } }), association)).toEqual([]);
    expect(await screeningReasons(request({ type: 'erasure', details: { viaCustomer: 'A union' } }), association)).toEqual(['controller_as_processor']);
    expect(await screeningReasons(request({ type: 'access' }), association)).toEqual([]);
  });

  it("asks staff to check the identity when the controller's rule says so (Art. 12(6))", async () => {
    const strict = { ...association, review: { ...association.review, identityCheckRights: ['access' as const], identityCheckOnlyWithoutName: true } };
    expect(await screeningReasons(request({ type: 'access' }), strict)).toEqual(['identity_check']);
    expect(await screeningReasons(request({ type: 'access', name: 'Ada' }), strict)).toEqual([]);
    expect(await screeningReasons(request({ type: 'erasure' }), strict)).toEqual([]);
  });

  it('holds the answer for failed branches, and for legal holds when the controller asks for that', () => {
    const held = [branch('invoices', { action: 'legal_hold', heldCount: 2 })];
    expect(closingReasons(request(), association, held)).toEqual([]);
    const strict = { ...association, review: { ...association.review, legalHoldNeedsApproval: true } };
    expect(closingReasons(request(), strict, held)).toEqual(['legal_hold_partial']);
    expect(closingReasons(request(), strict, [...held, branch('members', { status: 'failed', errorClass: 'States.Timeout' })])).toEqual([
      'branch_failed',
      'legal_hold_partial',
    ]);
    expect(closingReasons(request(), association, [branch('members', { status: 'failed', errorClass: 'RequestWithdrawn' })])).toEqual([]);
  });
});

describe('deadlines moved by staff and by waiting for the subject', () => {
  it.each([
    ['2026-04-06T23:59:59.999Z', 1, '2026-05-06T23:59:59.999Z'],
    ['2026-04-06T23:59:59.999Z', 2, '2026-06-08T23:59:59.999Z'], // 6 June 2026 is a Saturday (and Sweden's national day)
    ['2026-12-31T23:59:59.999Z', 2, '2027-03-01T23:59:59.999Z'], // no 31 Feb, 28 Feb 2027 is a Sunday
    ['2027-12-31T23:59:59.999Z', 2, '2028-02-29T23:59:59.999Z'], // leap year
  ])('extends %s by %i month(s) to %s', (due, months, expected) => {
    expect(extendedDueDate(new Date(due), months, association.publicHolidays).toISOString()).toBe(expected);
  });

  it('moves a paused deadline on by the pause, to the end of a working day', () => {
    const due = new Date('2026-04-06T23:59:59.999Z'); // a Monday
    expect(resumedDueDate(due, 3 * 86_400_000).toISOString()).toBe('2026-04-09T23:59:59.999Z');
    expect(resumedDueDate(due, 5 * 86_400_000).toISOString()).toBe('2026-04-13T23:59:59.999Z'); // Saturday → Monday
    expect(resumedDueDate(due, -1).toISOString()).toBe(due.toISOString());
  });
});
