import { escalate } from '../branches/escalation';
import { type DropReason, type MailFeedback, parseMailFeedback } from '../domain/mail-feedback';
import { type DsrRequest, FINAL_STATUSES, UNPROVEN_PERSONAL_DATA } from '../domain/request';
import { auditOnce } from '../platform/data/audit';
import { getRequest, getRequestWithBranches, transitionReturning } from '../platform/data/requests';
import { logger } from '../platform/log';
import { recordMailFeedback, recordRequestClosed, recordStaffMailUndeliverable } from '../platform/metrics';
import { findController, findProcessor } from '../platform/register';
import { deleteAttachments } from '../retention/request-purge';
import { seeCloseThrough } from './close';

/** What one SES event led to, for the log and the tests. */
export type FeedbackOutcome =
  | 'dropped'
  | 'recorded'
  | 'closed_undeliverable'
  | 'branch_escalated'
  | 'staff_alarm'
  /** The request or branch it names is gone or already final: nothing to do but the record. */
  | 'nothing_to_do';

/**
 * One bounce or complaint event from SES (EventBridge), matched to what was sent by its message
 * tags, never by the address it also carries:
 * - a verification email that bounced for good closes its request as `undeliverable`, and the
 *   address and name go at once, as for a request never confirmed (nobody proved they were theirs);
 * - a vendor's or staff member's task that bounced for good escalates its branch to the DPO now,
 *   rather than when its reminder or deadline comes;
 * - mail to the DPO or staff that bounced for good counts `StaffMailUndeliverable`, the operations alarm;
 * - every bounce (a transient one too) and every complaint is recorded on the request's audit trail.
 * A malformed or unknown event is logged by its reason only and dropped: throwing would only have
 * EventBridge and Lambda retry what can never be read.
 */
export async function handleMailFeedback(event: unknown, now = new Date()): Promise<FeedbackOutcome> {
  const parsed = parseMailFeedback(event);
  if (!parsed.ok) {
    logDropped(parsed.reason);
    return 'dropped';
  }
  const feedback = parsed.feedback;
  const { tag } = feedback;
  recordMailFeedback(feedback.type === 'bounce' ? `bounce_${feedback.bounce.toLowerCase()}` : 'complaint', tag.kind);
  logger.info('mail feedback', {
    type: feedback.type,
    kind: tag.kind,
    controllerId: tag.controllerId,
    requestId: tag.requestId,
    processorId: tag.processorId,
    ...(feedback.type === 'bounce' ? { bounceType: feedback.bounce, bounceSubType: feedback.subType } : { feedbackType: feedback.feedbackType }),
  });
  if (tag.requestId) await recordOnRequest(tag.requestId, feedback);
  if (feedback.type === 'complaint' || feedback.bounce !== 'Permanent') return 'recorded';

  switch (tag.kind) {
    case 'verification':
      return tag.requestId ? closeUndeliverable(tag.requestId, now) : 'nothing_to_do';
    case 'processor_task':
    case 'staff_task':
      return tag.requestId && tag.processorId ? escalateBranch(tag.requestId, tag.processorId, now) : 'nothing_to_do';
    case 'dpo':
    case 'staff':
      recordStaffMailUndeliverable();
      logger.error('mail to the controller\u2019s own people bounced', { kind: tag.kind, controllerId: tag.controllerId, requestId: tag.requestId });
      return 'staff_alarm';
    default:
      return 'recorded';
  }
}

function logDropped(reason: DropReason): void {
  logger.warn('mail feedback dropped', { reason });
}

/** The bounce or complaint on the request's trail, once however often EventBridge delivers it (SES's feedback id and time tell occurrences apart). */
async function recordOnRequest(requestId: string, feedback: MailFeedback): Promise<void> {
  const { tag } = feedback;
  const detail = {
    kind: tag.kind,
    feedbackId: feedback.feedbackId,
    ...(tag.processorId ? { processorId: tag.processorId } : {}),
    ...(feedback.type === 'bounce' ? { bounceType: feedback.bounce, bounceSubType: feedback.subType } : {}),
    ...(feedback.type === 'complaint' && feedback.feedbackType ? { feedbackType: feedback.feedbackType } : {}),
  };
  const { request } = await getRequestWithBranches(requestId);
  // A tag naming no request of ours (another stack's mail through the same account) is not recorded.
  if (!request) return;
  await auditOnce(requestId, feedback.type === 'bounce' ? 'email_bounced' : 'email_complaint', 'system', detail, new Date(feedback.at));
}

/**
 * Closes a request whose verification email bounced for good, erasing what was never proven to be
 * the sender's. A delivery again after a crash finds it closed and sees the close through.
 */
async function closeUndeliverable(requestId: string, now: Date): Promise<FeedbackOutcome> {
  const request = await getRequest(requestId);
  if (!request) return 'nothing_to_do';
  let closed: DsrRequest | undefined = request.status === 'undeliverable' ? request : undefined;
  if (request.status === 'awaiting_verification') {
    // The files go first (a mandate): a crash after leaves their keys on the request for the next try.
    await deleteAttachments(request);
    closed = await transitionReturning(
      requestId,
      ['awaiting_verification'],
      'undeliverable',
      { set: { personalDataErasedAt: now.toISOString() }, remove: [...UNPROVEN_PERSONAL_DATA] },
      now,
    );
    if (closed) recordRequestClosed(request.type, 'undeliverable');
  }
  return closed && (await seeCloseThrough(closed)) ? 'closed_undeliverable' : 'nothing_to_do';
}

/** The DPO hears at once of a branch whose task email bounced: nobody is working on it. */
async function escalateBranch(requestId: string, processorId: string, now: Date): Promise<FeedbackOutcome> {
  const { request, branches } = await getRequestWithBranches(requestId);
  const controller = request && findController(request.controllerId);
  const processor = controller && findProcessor(controller, processorId);
  const branch = branches.find((b) => b.processorId === processorId);
  if (!request || !controller || !processor || !branch) return 'nothing_to_do';
  if (FINAL_STATUSES.includes(request.status) || branch.status === 'completed') return 'nothing_to_do';
  return (await escalate(request, controller, processor, branch, 'undeliverable', now)) ? 'branch_escalated' : 'nothing_to_do';
}
