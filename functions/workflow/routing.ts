import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { sendReceipt } from '../answer/receipt';
import { escalateUntoldFailures } from '../branches/escalation';
import { auditMissingOutcomes } from '../branches/events';
import { type Branch, type DsrRequest, FINAL_STATUSES, type ReviewReason, type ReviewStage, subjectName, subjectOf, WITHDRAWN } from '../domain/request';
import { actionFor, type BranchMode, modeOf } from '../domain/rights';
import { sfn } from '../platform/aws/sfn';
import { auditEvent } from '../platform/data/audit';
import { ensureBranch, updateBranch } from '../platform/data/branches';
import { eq } from '../platform/data/expressions';
import { identityRequests, recordIdentityRequest } from '../platform/data/identities';
import { clearReviewToken, setOnce, settleRequestOwed, transitionReturning } from '../platform/data/requests';
import { errorClass, logger } from '../platform/log';
import type { Controller } from '../platform/register';
import { suppressionHash } from '../retention/scheduled-erasures';
import { type BranchRef, loadRequest, type RequestRef } from './requests';

const DAY_MS = 86_400_000;
/** Errors that mean the task a token belonged to is gone: the re-driven execution resumes itself. */
const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Where the workflow goes next, decided from what DynamoDB records (so a re-driven or resumed
 * execution always takes the right turn): wait for staff, process at the processors, or answer.
 */
export type NextStep = 'review' | 'process' | 'answer';

/** Route's output: the turn, and for `process` the branches the Map runs (ids and numbers only). */
export type Route = RequestRef & { next: NextStep; branches: PlannedBranch[] };

/**
 * Step `Route`: `{requestId}` → `{requestId, next, branches}`. Screening comes first (once passed
 * it is recorded); then the branches are planned and run until each is final; then the closing
 * check; then the answer. Every decision is read back from the request, so running it twice takes
 * the same turn.
 */
export async function routeRequest({ requestId }: RequestRef, now = new Date()): Promise<Route> {
  const { request, controller, branches } = await loadRequest(requestId, { withBranches: true });
  const to = (next: NextStep, planned: PlannedBranch[] = []) => ({ requestId, next, branches: planned });
  // The receipt the verify step could not send (a crash, SES down) goes with the next turn.
  await sendReceipt(request, controller, now);
  if (FINAL_STATUSES.includes(request.status) || request.status === 'awaiting_verification') return to('answer');
  if (request.status === 'in_review') return to('review');
  if (!request.screenedAt) {
    const reasons = await screeningReasons(request, controller, now);
    if (reasons.length > 0) {
      await openReview(request, 'screening', reasons, now);
      return to('review');
    }
    await setOnce(requestId, 'screenedAt', { screenedAt: now.toISOString() });
    return to('process', await planBranches(request, controller, branches, now));
  }
  if (!request.plannedAt || branches.some((b) => b.status !== 'completed' && b.status !== 'failed')) {
    return to('process', await planBranches(request, controller, branches, now));
  }
  if (await auditMissingOutcomes(requestId, branches)) logger.warn('branch outcome events recorded by Route', { requestId });
  if (await escalateUntoldFailures(request, controller, branches, now)) logger.warn('failed branches escalated by Route', { requestId });
  if (!request.closingReviewedAt) {
    const reasons = closingReasons(request, controller, branches);
    if (reasons.length > 0) {
      await openReview(request, 'closing', reasons, now);
      return to('review');
    }
  }
  return to('answer');
}

/** A Map item: which branch, the task it runs in (see `modeOf`), how long it may wait, and how long between heartbeats. */
export interface PlannedBranch extends BranchRef {
  mode: BranchMode;
  timeoutSeconds: number;
  heartbeatSeconds: number;
}

/** The sweep heartbeats every 15 minutes; two days without one means it is not running. */
const MAX_HEARTBEAT_SECONDS = 2 * 86_400;

/** A waiting branch gives up this long before the deadline, so staff can still act on time. */
const WAIT_MARGIN_MS = 3 * 86_400_000;
/** However close the deadline, a waiting branch gets at least this long (seconds). */
const MIN_WAIT_SECONDS = 3_600;

/**
 * Route's `process` turn: the request is in progress, with one branch per processor the right
 * concerns (see `actionFor`). Returns the branches still to run: a branch already completed or
 * failed is not run again (staff retry a failed one by resetting it to pending first).
 */
async function planBranches(request: DsrRequest, controller: Controller, existing: Branch[], now: Date): Promise<PlannedBranch[]> {
  const { requestId } = request;
  const started = await transitionReturning(
    requestId,
    ['received'],
    'in_progress',
    { owe: [auditEvent('processing_started', 'workflow', undefined, now)] },
    now,
  );
  if (started) await settleRequestOwed(started);
  const final = new Set(existing.filter((b) => b.status === 'completed' || b.status === 'failed').map((b) => b.processorId));
  const dueMs = Date.parse(request.dueAt ?? now.toISOString());
  const timeoutSeconds = Math.max(MIN_WAIT_SECONDS, Math.floor((dueMs - WAIT_MARGIN_MS - now.getTime()) / 1000));
  const heartbeatSeconds = Math.min(MAX_HEARTBEAT_SECONDS, Math.floor(timeoutSeconds / 2));
  const branches: PlannedBranch[] = [];
  for (const p of controller.processors) {
    const planned = actionFor(p, request, controller);
    if (!planned) continue;
    await ensureBranch(requestId, p.id, p.kind, planned.action, { staffTask: planned.staffTask, controllerId: request.controllerId });
    if (final.has(p.id)) continue;
    const mode = modeOf(p, planned);
    if (mode === 'async') await updateBranch(requestId, p.id, { waitUntil: new Date(now.getTime() + timeoutSeconds * 1000).toISOString() });
    branches.push({ requestId, processorId: p.id, mode, timeoutSeconds, heartbeatSeconds });
  }
  const planned = await setOnce(requestId, 'plannedAt', { plannedAt: now.toISOString() }, [
    auditEvent('branches_planned', 'workflow', { branches: branches.length }, now),
  ]);
  if (planned) await settleRequestOwed(planned);
  return branches;
}

/**
 * The edge cases staff decide before anything is done (Art. 12(5), 12(6), 16, 21(1), 28). The
 * repeat check keeps a keyed hash of the address per request, never the address itself.
 */
export async function screeningReasons(request: DsrRequest, controller: Controller, _now = new Date()): Promise<ReviewReason[]> {
  const reasons: ReviewReason[] = [];
  const rules = controller.review;
  if (rules.repeatWindowDays > 0) {
    const receivedAt = request.receivedAt ?? request.createdAt;
    const identity = suppressionHash(subjectOf(request).email);
    await recordIdentityRequest(controller.id, identity, request.requestId, request.type, receivedAt);
    const since = new Date(Date.parse(receivedAt) - rules.repeatWindowDays * DAY_MS).toISOString();
    const earlier = (await identityRequests(controller.id, identity, since)).filter(
      (r) => r.requestId !== request.requestId && r.type === request.type && r.receivedAt <= receivedAt,
    );
    if (earlier.length > 0) reasons.push('repeat_request');
  }
  if (rules.identityCheckRights.includes(request.type) && !(rules.identityCheckOnlyWithoutName && subjectName(request))) reasons.push('identity_check');
  if (request.type === 'objection' && request.details?.objection?.scope !== 'direct_marketing') reasons.push('objection_weighing');
  if (request.type === 'rectification') reasons.push('rectification');
  if (request.details?.viaCustomer) reasons.push('controller_as_processor');
  if (request.onBehalfOf) reasons.push('representation');
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
      owe: [auditEvent('review_closed', 'system', { stage: 'closing', why: 'reasons_gone' }, now)],
    },
    now,
  );
  if (!resumed) return false;
  await settleRequestOwed(resumed);
  await resumeReview(request.requestId, resumed.reviewTaskToken);
  return true;
}

/** Opens a review: the request waits for staff (`in_review`) with its stage and reasons. */
export async function openReview(request: DsrRequest, stage: ReviewStage, reasons: ReviewReason[], now: Date): Promise<void> {
  const from = stage === 'screening' ? (['received', 'in_progress'] as const) : (['in_progress'] as const);
  const opened = await transitionReturning(
    request.requestId,
    from,
    'in_review',
    {
      set: { reviewStage: stage, reviewReasons: reasons, reviewOpenedAt: now.toISOString() },
      remove: ['reviewNotifyStartedAt', 'reviewNotifiedAt', 'reviewTaskToken'],
      owe: [auditEvent('review_opened', 'workflow', { stage, reasons: reasons.join(',') }, now)],
    },
    now,
  );
  if (opened) await settleRequestOwed(opened);
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
