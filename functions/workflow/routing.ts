import { escalateUntoldFailures } from '../branches/escalation';
import { auditMissingOutcomes } from '../branches/events';
import { FINAL_STATUSES } from '../domain/request';
import { setOnce } from '../platform/data/requests';
import { logger } from '../platform/log';
import { loadRequest, type RequestRef } from './requests';
import { closingReasons, openReview, screeningReasons } from './review';

/**
 * Where the workflow goes next, decided from what DynamoDB records (so a re-driven or resumed
 * execution always takes the right turn): wait for staff, process at the processors, or answer.
 */
export type NextStep = 'review' | 'process' | 'answer';

/**
 * Step `Route`: `{requestId}` → `{requestId, next}`. Screening comes first (once passed it is
 * recorded); then the branches run until each is final; then the closing check; then the answer.
 * Every decision is read back from the request, so running it twice takes the same turn.
 */
export async function routeRequest({ requestId }: RequestRef, now = new Date()): Promise<RequestRef & { next: NextStep }> {
  const { request, controller, branches } = await loadRequest(requestId, { withBranches: true });
  const to = (next: NextStep) => ({ requestId, next });
  if (FINAL_STATUSES.includes(request.status) || request.status === 'awaiting_verification') return to('answer');
  if (request.status === 'in_review') return to('review');
  if (!request.screenedAt) {
    const reasons = await screeningReasons(request, controller, now);
    if (reasons.length > 0) {
      await openReview(request, 'screening', reasons, now);
      return to('review');
    }
    await setOnce(requestId, 'screenedAt', { screenedAt: now.toISOString() });
    return to('process');
  }
  if (!request.plannedAt || branches.some((b) => b.status !== 'completed' && b.status !== 'failed')) return to('process');
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
