/**
 * A request's close, seen through. The status change that closes a request keeps it in the
 * open-requests index; its event is then recorded on the audit trail, at the time of the close,
 * and only then does the request leave the index. Whatever cuts this short (a crash, a Lambda
 * retry given up) leaves the request where the sweep finds it and finishes the close, once.
 */
import { type Actor, type AuditEvent, type ClosingStatus, type DsrRequest, isClosing } from '../domain/request';
import { auditOnce } from '../platform/data/audit';
import { eq } from '../platform/data/expressions';
import { settleRequestOwed, updateRequestIf } from '../platform/data/requests';

/** The audit event each close is recorded by. */
const CLOSE_EVENTS: Record<ClosingStatus, { event: string; actor: Actor; detail?: (r: DsrRequest) => AuditEvent['detail'] }> = {
  completed: { event: 'request_completed', actor: 'workflow', detail: (r) => (r.onTime === undefined ? undefined : { onTime: r.onTime }) },
  closed_unverified: { event: 'closed_unverified', actor: 'system' },
  cancelled: { event: 'request_withdrawn', actor: 'subject' },
  undeliverable: { event: 'undeliverable', actor: 'system' },
};

/**
 * Records the close of `request` (as stored after its closing status change) and takes it out of
 * the open-requests index; safe to repeat. Returns false for a request that is not closed.
 */
export async function seeCloseThrough(request: DsrRequest): Promise<boolean> {
  const { status } = request;
  if (!isClosing(status)) return false;
  // The history's entry is the close's own time, the same on every try, so the event is recorded once.
  const closedAt = request.history.findLast((h) => h.status === status)?.at;
  if (!closedAt) return false;
  const close = CLOSE_EVENTS[status];
  // What the request owes the trail goes first: once out of the index, no sweep would find it.
  await settleRequestOwed(request);
  await auditOnce(request.requestId, close.event, close.actor, close.detail?.(request), new Date(closedAt));
  if (request.openCtl) await updateRequestIf(request.requestId, { remove: ['openCtl', 'openDue'] }, eq('status', status));
  return true;
}
