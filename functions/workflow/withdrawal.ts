import { completeBranch } from '../branches/outcome';
import { UNPROVEN_PERSONAL_DATA, WITHDRAWN } from '../domain/request';
import { purgeSchedule } from '../domain/request-retention';
import { audit } from '../platform/data/audit';
import { getRequestWithBranches, transitionReturning } from '../platform/data/requests';
import { errorClass, logger } from '../platform/log';
import { recordRequestClosed } from '../platform/metrics';
import { findController, findProcessor } from '../platform/register';
import { cancelRequest } from '../processors/opendsr/client';
import { resumeReview } from './routing';

/**
 * The subject withdraws a request that is not finished. It becomes `cancelled` at once; each
 * processor still working on it is told (OpenDSR: `DELETE /requests/{id}`) and its branch ends,
 * which lets the workflow run to its end without a package or a completion email. What was
 * already done stays done. Returns false if the request had already finished.
 */
export async function withdrawRequest(requestId: string, now = new Date()): Promise<boolean> {
  const { request, branches } = await getRequestWithBranches(requestId);
  if (!request) return false;
  // Unconfirmed: nothing started, and nobody proved the address theirs: keep none of it. Confirmed:
  // kept for the controller's retention period, scheduled in the same write.
  const unconfirmed = request.status === 'awaiting_verification';
  const controller = findController(request.controllerId);
  const withdrawn = await transitionReturning(
    requestId,
    ['awaiting_verification', 'received', 'in_review', 'in_progress'],
    'cancelled',
    unconfirmed
      ? { set: { personalDataErasedAt: now.toISOString() }, remove: ['openCtl', 'openDue', 'verifyTokenHash', ...UNPROVEN_PERSONAL_DATA] }
      : { set: controller ? purgeSchedule(controller, now.toISOString(), request) : {}, remove: ['openCtl', 'openDue'] },
    now,
  );
  if (!withdrawn) return false;
  await audit(requestId, 'request_withdrawn', 'subject', undefined, now);
  recordRequestClosed(request.type, 'withdrawn');
  // A review waiting for staff ends too: the workflow runs on to its end and finds the request final.
  if (request.status === 'in_review') await resumeReview(requestId, withdrawn.reviewTaskToken);

  for (const branch of branches) {
    if (branch.status === 'completed' || branch.status === 'failed') continue;
    const processor = controller && findProcessor(controller, branch.processorId);
    if (processor?.kind === 'opendsr' && branch.externalId) {
      // Best effort: the processor may already be done, or down; the withdrawal stands either way.
      await cancelRequest(processor, branch.externalId).catch((err) => {
        logger.warn('OpenDSR withdrawal failed', { requestId, processorId: branch.processorId, errorClass: errorClass(err) });
      });
    }
    await completeBranch(requestId, branch.processorId, { status: 'failed', errorClass: WITHDRAWN }, now);
  }
  return true;
}
