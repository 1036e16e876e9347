import { processorKind } from '../processors';
import { ProcessorError, type BranchContext } from '../processors/types';
import { resumeWaitingTask } from './branch-outcome';
import { ExportWriter, exportKey } from './exports';
import { errorClass, logger } from './log';
import { findProcessor } from './register';
import type { BranchAction } from './request';
import { audit, finishBranch, getBranch, startBranch, updateBranch } from './store';
import { loadRequest, MissingRecord, type BranchRef } from './workflow';

/** Loads what a branch acts on; the branch must exist (Plan creates it). */
async function branchContext({ requestId, processorId }: BranchRef) {
  const { request, controller } = await loadRequest(requestId);
  const processor = findProcessor(controller, processorId);
  if (!processor) throw new MissingRecord(`processor ${processorId} not declared by ${controller.id}`);
  return { request, controller, processor, kind: processorKind(processor) };
}

/** Re-throws an attempt's error with its class only, after recording the class on the branch. */
async function failAttempt(ref: BranchRef, err: unknown, attempt: number): Promise<never> {
  const cls = errorClass(err);
  logger.warn('processor attempt failed', { ...ref, errorClass: cls, attempt });
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
  const { request, controller, processor, kind } = await branchContext(ref);
  if (kind.mode !== 'sync') throw new MissingRecord(`processor ${processorId} answers later; it is not run directly`);
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

/**
 * Step `AwaitProcessor`: a processor that answers later. Records the task token the workflow
 * waits on, resumes at once if the answer already came, and otherwise sends the request out
 * (until `submittedAt` is recorded). The answer arrives through `completeBranch`.
 */
export async function awaitBranch(ref: BranchRef & { taskToken: string }): Promise<void> {
  const { requestId, processorId, taskToken } = ref;
  const { request, controller, processor, kind } = await branchContext(ref);
  if (kind.mode !== 'async') throw new MissingRecord(`processor ${processorId} answers at once; it is not awaited`);
  const waiting = await updateBranch(requestId, processorId, { taskToken, status: 'waiting' });
  if (!waiting) {
    // Answered before this token existed (a fast callback, or a re-drive after a restart).
    const answered = await getBranch(requestId, processorId);
    if (!answered) throw new MissingRecord(`branch ${processorId} of request ${requestId} not found`);
    await resumeWaitingTask({ ...answered, taskToken });
    return;
  }
  if (waiting.submittedAt) return;
  try {
    await kind.submit(processor, { request, controller, branch: waiting });
  } catch (err) {
    return failAttempt(ref, err, waiting.attempts + 1);
  }
  if (await updateBranch(requestId, processorId, { submittedAt: new Date().toISOString() }, { onlyIfAbsent: 'submittedAt' })) {
    await audit(requestId, 'branch_submitted', 'workflow', { processorId, kind: processor.kind });
  }
}
