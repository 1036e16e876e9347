import { syncKind } from '../processors/sync-kinds';
import { ProcessorError, type BranchContext } from '../processors/types';
import { ExportWriter, exportKey } from './exports';
import { errorClass, logger } from './log';
import { findProcessor } from './register';
import type { BranchAction } from './request';
import { audit, finishBranch, startBranch, updateBranch } from './store';
import { loadRequest, MissingRecord, type BranchRef } from './workflow';

/** Loads what a branch acts on; the processor must be declared. */
export async function branchContext({ requestId, processorId }: BranchRef) {
  const { request, controller } = await loadRequest(requestId);
  const processor = findProcessor(controller, processorId);
  if (!processor) throw new MissingRecord(`processor ${processorId} not declared by ${controller.id}`);
  return { request, controller, processor };
}

/** Re-throws an attempt's error with its class only, after recording the class on the branch. */
export async function failAttempt(ref: BranchRef, err: unknown, attempt: number): Promise<never> {
  const cls = errorClass(err);
  // Ids only: `ref` may carry the task token, a secret that resumes the workflow.
  logger.warn('processor attempt failed', { requestId: ref.requestId, processorId: ref.processorId, errorClass: cls, attempt });
  await updateBranch(ref.requestId, ref.processorId, { errorClass: cls }).catch(() => undefined);
  throw new ProcessorError(cls, `processor ${ref.processorId} failed with ${cls}`);
}

/**
 * Step `RunProcessor`: one processor that answers at once (the controller's own stores) exports
 * (access) or erases (erasure). A completed branch is not run again. Errors leave with their class
 * only, so no personal data reaches the workflow history.
 */
export async function runBranch(ref: BranchRef): Promise<BranchRef> {
  const { requestId, processorId } = ref;
  const { request, controller, processor } = await branchContext(ref);
  const kind = syncKind(processor);
  if (request.status === 'cancelled') return ref; // withdrawn: nothing more is done
  const before = await startBranch(requestId, processorId);
  if (!before) return ref; // completed by an earlier attempt
  const subject = { email: request.email, ...(request.name ? { name: request.name } : {}) };
  const ctx: BranchContext = { request, controller, branch: before };
  try {
    if (request.type === 'access') {
      const out = new ExportWriter(exportKey(requestId, processorId));
      await kind.exportData(processor, subject, out, ctx);
      const recordCount = await out.close();
      await finishBranch(requestId, processorId, { status: 'completed', recordCount, exportKey: out.key });
      await audit(requestId, 'branch_completed', 'workflow', { processorId, action: 'export', recordCount });
    } else {
      const outcome = await kind.erase(processor, subject, ctx);
      await finishBranch(requestId, processorId, { status: 'completed', ...outcome });
      await audit(requestId, 'branch_completed', 'workflow', {
        processorId,
        action: before.action as BranchAction,
        recordCount: outcome.recordCount,
        ...(outcome.heldCount !== undefined ? { heldCount: outcome.heldCount } : {}),
      });
    }
  } catch (err) {
    return failAttempt(ref, err, before.attempts + 1);
  }
  return ref;
}
