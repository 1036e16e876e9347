import { describe, expect, it, vi } from 'vitest';

// review.ts also opens and resumes reviews, so loading it reads the table's and the mailer's configuration.
vi.hoisted(() => {
  Object.assign(process.env, {
    REQUESTS_TABLE: 'unit-requests',
    SENDER_EMAIL: 'dsr@example.org',
    PUBLIC_BASE_URL: 'https://dsr.example.org',
  });
});

import { staffEmailOf } from '../../../functions/domain/register-schema';
import type { Branch, DsrRequest } from '../../../functions/domain/request';
import { findController } from '../../../functions/platform/register';
import { closingReasons, screeningReasons } from '../../../functions/workflow/routing';

// The demo association checks no repeats (repeatWindowDays 0), so screening needs no table.
const association = findController('demo-association')!;
const withRules = (rules: Partial<typeof association.review>) => ({ ...association, review: { ...association.review, ...rules } });

const request = (over: Partial<DsrRequest> = {}): DsrRequest => ({
  requestId: '00000000-0000-4000-8000-000000000003',
  controllerId: association.id,
  type: 'access',
  locale: 'en',
  email: 'ada@example.org',
  status: 'received',
  version: 2,
  createdAt: '2026-03-05T10:00:00Z',
  verifyExpiresAt: '2026-03-12T10:00:00Z',
  statusKey: 'k',
  receivedAt: '2026-03-05T10:05:00Z',
  dueAt: '2026-04-06T23:59:59.999Z',
  history: [],
  ...over,
});
const branch = (processorId: string, over: Partial<Branch> = {}): Branch => ({
  requestId: '00000000-0000-4000-8000-000000000003',
  processorId,
  kind: 'dynamodb',
  action: 'delete',
  status: 'completed',
  attempts: 1,
  ...over,
});

describe('what staff look at before anything is done', () => {
  it('lets a plain request through without a review', async () => {
    expect(await screeningReasons(request(), association)).toEqual([]);
    expect(await screeningReasons(request({ type: 'erasure' }), association)).toEqual([]);
  });

  it('asks staff to decide every rectification (Art. 16)', async () => {
    expect(await screeningReasons(request({ type: 'rectification' }), association)).toEqual(['rectification']);
  });

  it('asks staff to weigh an objection to anything but direct marketing (Art. 21(1))', async () => {
    expect(await screeningReasons(request({ type: 'objection', details: { objection: { scope: 'other' } } }), association)).toEqual(['objection_weighing']);
    expect(await screeningReasons(request({ type: 'objection' }), association)).toEqual(['objection_weighing']);
    expect(await screeningReasons(request({ type: 'objection', details: { objection: { scope: 'direct_marketing' } } }), association)).toEqual([]);
  });

  it('asks staff about data the controller holds for a customer (Art. 28)', async () => {
    expect(await screeningReasons(request({ details: { viaCustomer: 'A union' } }), association)).toEqual(['controller_as_processor']);
  });

  it('asks staff to check the identity for the rights the controller names (Art. 12(6))', async () => {
    const checks = withRules({ identityCheckRights: ['access', 'portability'] });
    expect(await screeningReasons(request({ type: 'access' }), checks)).toEqual(['identity_check']);
    expect(await screeningReasons(request({ type: 'access', name: 'Ada' }), checks)).toEqual(['identity_check']);
    expect(await screeningReasons(request({ type: 'erasure' }), checks)).toEqual([]);
  });

  it('skips the identity check for a subject who gave a name, when the controller says so', async () => {
    const checks = withRules({ identityCheckRights: ['access'], identityCheckOnlyWithoutName: true });
    expect(await screeningReasons(request({ type: 'access', name: 'Ada' }), checks)).toEqual([]);
    expect(await screeningReasons(request({ type: 'access' }), checks)).toEqual(['identity_check']);
  });

  it('gives every reason that holds, in one review', async () => {
    const checks = withRules({ identityCheckRights: ['rectification'] });
    expect(await screeningReasons(request({ type: 'rectification', details: { viaCustomer: 'A union' } }), checks)).toEqual([
      'identity_check',
      'rectification',
      'controller_as_processor',
    ]);
  });
});

describe('what staff look at before the subject is answered', () => {
  it('answers at once when every processor did its part', () => {
    expect(closingReasons(request(), association, [branch('members'), branch('invoices')])).toEqual([]);
  });

  it('holds the answer for a branch that failed, once however many failed', () => {
    const failed = [
      branch('members', { status: 'failed', errorClass: 'States.Timeout' }),
      branch('invoices', { status: 'failed', errorClass: 'ProcessorError' }),
    ];
    expect(closingReasons(request(), association, failed)).toEqual(['branch_failed']);
  });

  it('does not hold the answer for branches ended by the withdrawal of the request', () => {
    expect(closingReasons(request(), association, [branch('members', { status: 'failed', errorClass: 'RequestWithdrawn' })])).toEqual([]);
  });

  it('holds an erasure a legal hold blocked in part only when the controller wants to approve those', () => {
    const held = [branch('invoices', { action: 'legal_hold', heldCount: 1 })];
    expect(closingReasons(request({ type: 'erasure' }), association, held)).toEqual([]);
    expect(closingReasons(request({ type: 'erasure' }), withRules({ legalHoldNeedsApproval: true }), held)).toEqual(['legal_hold_partial']);
    expect(closingReasons(request({ type: 'erasure' }), withRules({ legalHoldNeedsApproval: true }), [branch('invoices', { heldCount: 0 })])).toEqual([]);
  });
});

describe("who hears of a controller's reviews", () => {
  it('is the staff address the controller names, else its DPO', () => {
    expect(staffEmailOf(withRules({ staffEmail: 'office@example.org' }))).toBe('office@example.org');
    expect(staffEmailOf(withRules({ staffEmail: undefined }))).toBe(association.dpoEmail);
  });
});
