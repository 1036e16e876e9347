import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { type Branch, type DsrRequest, type ReviewReason, type ReviewStage, WITHDRAWN } from '../domain/request';
import { sfn } from '../platform/aws/sfn';
import { audit } from '../platform/data/audit';
import { eq } from '../platform/data/expressions';
import { identityRequests, recordIdentityRequest } from '../platform/data/identities';
import { clearReviewToken, transition, transitionReturning } from '../platform/data/requests';
import { errorClass, logger } from '../platform/log';
import type { Controller } from '../platform/register';
import { suppressionHash } from '../retention/scheduled-erasures';

const DAY_MS = 86_400_000;
/** Errors that mean the task a token belonged to is gone: the re-driven execution resumes itself. */
const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * The edge cases staff decide before anything is done (Art. 12(5), 12(6), 16, 21(1), 28). The
 * repeat check keeps a keyed hash of the address per request, never the address itself.
 */
export async function screeningReasons(request: DsrRequest, controller: Controller, _now = new Date()): Promise<ReviewReason[]> {
  const reasons: ReviewReason[] = [];
  const rules = controller.review;
  if (rules.repeatWindowDays > 0) {
    const receivedAt = request.receivedAt ?? request.createdAt;
    const identity = suppressionHash(request.email);
    await recordIdentityRequest(controller.id, identity, request.requestId, request.type, receivedAt);
    const since = new Date(Date.parse(receivedAt) - rules.repeatWindowDays * DAY_MS).toISOString();
    const earlier = (await identityRequests(controller.id, identity, since)).filter(
      (r) => r.requestId !== request.requestId && r.type === request.type && r.receivedAt <= receivedAt,
    );
    if (earlier.length > 0) reasons.push('repeat_request');
  }
  if (rules.identityCheckRights.includes(request.type) && !(rules.identityCheckOnlyWithoutName && request.name)) reasons.push('identity_check');
  if (request.type === 'objection' && request.details?.objection?.scope !== 'direct_marketing') reasons.push('objection_weighing');
  if (request.type === 'rectification') reasons.push('rectification');
  if (request.details?.viaCustomer) reasons.push('controller_as_processor');
  return reasons;
}

/** What staff look at before the subject is answered: failed branches and erasures a legal hold blocked in part. */
export function closingReasons(_request: DsrRequest, controller: Controller, branches: Branch[]): ReviewReason[] {
  const reasons: ReviewReason[] = [];
  if (branches.some((b) => b.status === 'failed' && b.errorClass !== WITHDRAWN)) reasons.push('branch_failed');
  if (controller.review.legalHoldNeedsApproval && branches.some((b) => (b.heldCount ?? 0) > 0)) reasons.push('legal_hold_partial');
  return reasons;
}

/** What a request in review records about it, removed when it leaves review. */
export const REVIEW_FIELDS = ['reviewStage', 'reviewReasons', 'reviewOpenedAt', 'reviewNotifyStartedAt', 'reviewNotifiedAt'] as const;

/**
 * A closing review whose reasons no longer hold (a failed branch that a late answer completed
 * after all) needs nobody: the request goes on to its answer, and Route checks again (a new
 * reason opens a new review). Staff who decide meanwhile find it gone, as if another had decided.
 * Returns whether it closed the review.
 */
export async function closeReviewIfResolved(request: DsrRequest, controller: Controller, branches: Branch[], now = new Date()): Promise<boolean> {
  if (request.status !== 'in_review' || request.reviewStage !== 'closing') return false;
  if (closingReasons(request, controller, branches).length > 0) return false;
  const resumed = await transitionReturning(
    request.requestId,
    ['in_review'],
    'in_progress',
    {
      remove: [...REVIEW_FIELDS],
      condition: eq('reviewStage', 'closing'),
    },
    now,
  );
  if (!resumed) return false;
  await audit(request.requestId, 'review_closed', 'system', { stage: 'closing', why: 'reasons_gone' }, now);
  await resumeReview(request.requestId, resumed.reviewTaskToken);
  return true;
}

/** Opens a review: the request waits for staff (`in_review`) with its stage and reasons. */
export async function openReview(request: DsrRequest, stage: ReviewStage, reasons: ReviewReason[], now: Date): Promise<void> {
  const from = stage === 'screening' ? (['received', 'in_progress'] as const) : (['in_progress'] as const);
  const opened = await transition(
    request.requestId,
    from,
    'in_review',
    {
      set: { reviewStage: stage, reviewReasons: reasons, reviewOpenedAt: now.toISOString() },
      remove: ['reviewNotifyStartedAt', 'reviewNotifiedAt', 'reviewTaskToken'],
    },
    now,
  );
  if (opened) await audit(request.requestId, 'review_opened', 'workflow', { stage, reasons: reasons.join(',') }, now);
}

/**
 * Resumes a review's waiting task (ids only in the output), then forgets the token; a token whose
 * task is gone is ignored. The sweep calls it too, for a decision whose resume a crash cut short.
 */
export async function resumeReview(requestId: string, taskToken: string | undefined): Promise<void> {
  if (!taskToken) return;
  try {
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ requestId }) }));
  } catch (err) {
    if (!GONE.has(errorClass(err))) throw err;
    logger.info('review task already gone', { requestId, errorClass: errorClass(err) });
  }
  await clearReviewToken(requestId, taskToken);
}
