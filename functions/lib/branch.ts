import { processorKind } from '../processors';
import { ProcessorError } from '../processors/types';
import { ExportWriter, exportKey } from './exports';
import { errorClass, logger } from './log';
import { findProcessor } from './register';
import { audit, finishBranch, startBranch } from './store';
import { loadRequest, MissingRecord, type BranchRef } from './workflow';

/**
 * Runs one processor's part: export (access) or erase (erasure). A completed branch is not run
 * again. Errors leave with their class only, so no personal data reaches the workflow history.
 */
export async function runBranch({ requestId, processorId }: BranchRef): Promise<BranchRef> {
  const { request, controller } = await loadRequest(requestId);
  const processor = findProcessor(controller, processorId);
  if (!processor) throw new MissingRecord(`processor ${processorId} not declared by ${controller.id}`);
  const before = await startBranch(requestId, processorId);
  if (!before) return { requestId, processorId }; // completed by an earlier attempt
  const subject = { email: request.email, ...(request.name ? { name: request.name } : {}) };
  const kind = processorKind(processor);
  try {
    if (request.type === 'access') {
      const out = new ExportWriter(exportKey(requestId, processorId));
      await kind.exportData(processor, subject, out);
      const recordCount = await out.close();
      await finishBranch(requestId, processorId, { status: 'completed', recordCount, exportKey: out.key });
      await audit(requestId, 'branch_completed', 'workflow', { processorId, action: 'export', recordCount });
    } else {
      const { recordCount } = await kind.erase(processor, subject);
      await finishBranch(requestId, processorId, { status: 'completed', recordCount });
      await audit(requestId, 'branch_completed', 'workflow', { processorId, action: processor.erasure.mode, recordCount });
    }
  } catch (err) {
    const cls = errorClass(err);
    logger.warn('processor attempt failed', { requestId, processorId, errorClass: cls, attempt: before.attempts + 1 });
    throw new ProcessorError(cls, `processor ${processorId} failed with ${cls}`);
  }
  return { requestId, processorId };
}
