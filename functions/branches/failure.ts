import { WITHDRAWN } from '../domain/request';
import { auditOnce } from '../platform/data/audit';
import { finishBranch, getBranch } from '../platform/data/branches';
import { findProcessor } from '../platform/register';
import { type BranchRef, loadRequest } from '../workflow/requests';
import { escalate, failureReason } from './escalation';

/**
 * After its retries, a branch that still fails is recorded as failed with its error class, and the
 * DPO is told; the request goes on without it (staff decide what to do about it).
 */
export async function recordBranchFailure(ref: BranchRef, error: string, now = new Date()): Promise<BranchRef> {
  const { requestId, processorId } = ref;
  // A withdrawal ended the branch itself, and nobody needs to be told.
  if (error === WITHDRAWN) return ref;
  const errorClassName = /^[A-Za-z0-9_.:-]{1,100}$/.test(error) ? error : 'Error';
  // A retry after a crash finds the failure recorded already: its time stays, and what followed
  // it (the audit event, the escalation, each done once) is finished.
  const before = await getBranch(requestId, processorId);
  const branch =
    before?.status === 'failed' && before.errorClass === errorClassName && before.finishedAt
      ? before
      : await finishBranch(requestId, processorId, { status: 'failed', errorClass: errorClassName }, now);
  if (branch) {
    await auditOnce(requestId, 'branch_failed', 'workflow', { processorId, errorClass: errorClassName }, new Date(branch.finishedAt ?? now));
    const { request, controller } = await loadRequest(requestId);
    const processor = findProcessor(controller, processorId);
    if (processor) await escalate(request, controller, processor, branch, failureReason(errorClassName), now);
  }
  return ref;
}
