import { describe, expect, it, vi } from 'vitest';

// escalation.ts also sends the escalation, so loading it reads the table's and the mailer's configuration.
vi.hoisted(() => {
  Object.assign(process.env, {
    REQUESTS_TABLE: 'unit-requests',
    SENDER_EMAIL: 'dsr@example.org',
    PUBLIC_BASE_URL: 'https://dsr.example.org',
  });
});

import { escalationCutShort, escalationDueAt, failureReason } from '../../../functions/branches/escalation';
import type { Branch, DsrRequest } from '../../../functions/domain/request';
import { CLAIM_TIMEOUT_MS as EMAIL_CLAIM_MS } from '../../../functions/platform/outbox';
import { findController, findProcessor } from '../../../functions/platform/register';

const DAY = 86_400_000;
const association = findController('demo-association')!;
/** The demo's bookkeeping firm: reached by email, escalated after 14 days without an answer. */
const emailVendor = findProcessor(association, 'bookkeeping')!;
const openDsrVendor = findProcessor(association, 'newsletter')!;

const DUE = '2026-04-06T23:59:59.999Z';
const request = (over: Partial<DsrRequest> = {}): DsrRequest => ({
  requestId: '00000000-0000-4000-8000-000000000002',
  controllerId: association.id,
  type: 'erasure',
  locale: 'en',
  email: 'ada@example.org',
  status: 'in_progress',
  version: 2,
  createdAt: '2026-03-05T10:00:00Z',
  verifyExpiresAt: '2026-03-12T10:00:00Z',
  statusKey: 'k',
  receivedAt: '2026-03-05T10:05:00Z',
  dueAt: DUE,
  history: [],
  ...over,
});
const branch = (processorId: string, over: Partial<Branch> = {}): Branch => ({
  requestId: '00000000-0000-4000-8000-000000000002',
  processorId,
  kind: 'email',
  action: 'delete',
  status: 'waiting',
  attempts: 1,
  ...over,
});
const iso = (ms: number) => new Date(ms).toISOString();

describe('when a processor that has not answered goes to staff', () => {
  it('escalates a vendor reached by email once its own cut-off has passed since the request went out', () => {
    expect(escalationDueAt(emailVendor, branch('bookkeeping', { submittedAt: '2026-03-06T09:00:00.000Z' }), request())?.toISOString()).toBe(
      '2026-03-20T09:00:00.000Z',
    );
  });

  it('escalates a vendor that has not answered five days before the deadline, even when its cut-off comes later', () => {
    const late = branch('bookkeeping', { submittedAt: '2026-03-30T09:00:00.000Z' });
    expect(escalationDueAt(emailVendor, late, request())?.toISOString()).toBe(iso(Date.parse(DUE) - 5 * DAY));
  });

  it('counts from the deadline alone for a vendor whose email has not gone out yet', () => {
    expect(escalationDueAt(emailVendor, branch('bookkeeping'), request())?.toISOString()).toBe(iso(Date.parse(DUE) - 5 * DAY));
  });

  it('escalates a processor not reached by email five days before the deadline, whenever it was asked', () => {
    const asked = branch('newsletter', { kind: 'opendsr', submittedAt: '2026-03-06T09:00:00.000Z' });
    expect(escalationDueAt(openDsrVendor, asked, request())?.toISOString()).toBe(iso(Date.parse(DUE) - 5 * DAY));
  });

  it('escalates nothing for a request without a deadline', () => {
    expect(escalationDueAt(emailVendor, branch('bookkeeping', { submittedAt: '2026-03-06T09:00:00.000Z' }), request({ dueAt: undefined }))).toBeUndefined();
  });
});

describe('an escalation a crash cut short', () => {
  const now = new Date('2026-03-20T12:00:00.000Z');
  const ago = (ms: number) => iso(now.getTime() - ms);

  it('is one that began longer ago than its claim lasts and was never recorded as sent', () => {
    expect(escalationCutShort(branch('bookkeeping', { escalationStartedAt: ago(EMAIL_CLAIM_MS + 1) }), now)).toBe(true);
  });

  it('is not one still inside its claim: the step that began it may still be sending', () => {
    expect(escalationCutShort(branch('bookkeeping', { escalationStartedAt: ago(EMAIL_CLAIM_MS - 1) }), now)).toBe(false);
    expect(escalationCutShort(branch('bookkeeping', { escalationStartedAt: ago(EMAIL_CLAIM_MS) }), now)).toBe(false);
  });

  it('is not one recorded as sent, nor one that never began', () => {
    expect(escalationCutShort(branch('bookkeeping', { escalationStartedAt: ago(DAY), escalatedAt: ago(DAY) }), now)).toBe(false);
    expect(escalationCutShort(branch('bookkeeping'), now)).toBe(false);
  });
});

describe('why a failed branch goes to the DPO', () => {
  it('says its wait ran out when Step Functions timed the task or its heartbeat out', () => {
    expect(failureReason('States.Timeout')).toBe('timed_out');
    expect(failureReason('States.HeartbeatTimeout')).toBe('timed_out');
  });

  it('says it failed for any other error, or none recorded', () => {
    expect(failureReason('ProcessorError')).toBe('failed');
    expect(failureReason('States.TaskFailed')).toBe('failed');
    expect(failureReason(undefined)).toBe('failed');
  });
});
