import { describe, expect, it, vi } from 'vitest';

// sweep.ts carries its decisions out too, so loading it reads the configuration of every step it runs.
vi.hoisted(() => {
  Object.assign(process.env, {
    REQUESTS_TABLE: 'unit-requests',
    SENDER_EMAIL: 'dsr@example.org',
    PUBLIC_BASE_URL: 'https://dsr.example.org',
    PACKAGE_BUCKET: 'unit-packages',
    STATE_MACHINE_ARN: 'arn:aws:states:eu-north-1:123456789012:stateMachine:unit',
    SUPPRESSION_KEY_SECRET: 'unused-by-these-rules',
  });
});

import type { Branch, DsrRequest, RequestStatus } from '../../../functions/domain/request';
import { findController, findProcessor } from '../../../functions/platform/register';
import { noAnswerEscalationDue, sweepDuty } from '../../../functions/workflow/sweep';

const DAY = 86_400_000;
const NOW = '2026-03-20T12:00:00.000Z';
const association = findController('demo-association')!;
const emailVendor = findProcessor(association, 'bookkeeping')!;

describe('what the sweep does with an open request', () => {
  const open = (status: RequestStatus, verifyExpiresAt = '2026-03-21T12:00:00.000Z') => ({ status, verifyExpiresAt });

  it('closes a request whose verification link expired unused', () => {
    expect(sweepDuty(open('awaiting_verification', '2026-03-20T11:59:59.999Z'), NOW)).toBe('close_unverified');
    expect(sweepDuty(open('awaiting_verification', NOW), NOW)).toBe('close_unverified');
  });

  it('leaves a request alone while its verification link still runs', () => {
    expect(sweepDuty(open('awaiting_verification', '2026-03-20T12:00:00.001Z'), NOW)).toBeUndefined();
  });

  it('sees a refusal through to its notice', () => {
    expect(sweepDuty(open('denied'), NOW)).toBe('see_refusal_through');
  });

  it.each(['received', 'in_progress', 'in_review'] as const)('looks after a request %s: its workflow runs and its branches are watched', (status) => {
    expect(sweepDuty(open(status), NOW)).toBe('look_after');
  });

  it.each(['completed', 'closed_unverified', 'cancelled', 'undeliverable'] as const)(
    'finishes the close of a request %s still in the open index, which a crash cut short',
    (status) => {
      expect(sweepDuty(open(status, '2026-03-01T00:00:00.000Z'), NOW)).toBe('see_close_through');
    },
  );
});

describe('when the sweep tells staff of a vendor that has not answered', () => {
  const request = { dueAt: '2026-04-06T23:59:59.999Z' } as DsrRequest;
  const waiting = (over: Partial<Branch> = {}) =>
    ({ processorId: 'bookkeeping', kind: 'email', status: 'waiting', submittedAt: '2026-03-06T09:00:00.000Z', ...over }) as Branch;
  // The demo's bookkeeping firm is escalated 14 days after its email went out.
  const cutoff = Date.parse('2026-03-06T09:00:00.000Z') + 14 * DAY;

  it('escalates a vendor whose time to answer has run out', () => {
    expect(noAnswerEscalationDue(emailVendor, waiting(), request, new Date(cutoff))).toBe(true);
    expect(noAnswerEscalationDue(emailVendor, waiting(), request, new Date(cutoff + DAY))).toBe(true);
  });

  it('waits while the vendor still has time', () => {
    expect(noAnswerEscalationDue(emailVendor, waiting(), request, new Date(cutoff - 1))).toBe(false);
  });

  it('does not escalate a vendor twice', () => {
    expect(noAnswerEscalationDue(emailVendor, waiting({ escalatedAt: '2026-03-20T09:00:00.000Z' }), request, new Date(cutoff + DAY))).toBe(false);
  });

  it('does not escalate for a request without a deadline', () => {
    expect(noAnswerEscalationDue(emailVendor, waiting(), { ...request, dueAt: undefined }, new Date(cutoff + DAY))).toBe(false);
  });
});
