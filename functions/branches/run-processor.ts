import { lookupIdentitiesOf, missingIdentities } from '../domain/identifiers';
import { subjectName, subjectOf } from '../domain/request';
import { audit, auditOnce } from '../platform/data/audit';
import { type BranchOutcome, finishBranch, getBranch, startBranch, updateBranch } from '../platform/data/branches';
import { errorClass, logger } from '../platform/log';
import { ExportWriter, exportKey } from '../platform/package-bucket';
import { findProcessor, type Processor } from '../platform/register';
import { type BranchContext, ProcessorError, type Subject, type SyncProcessorKind } from '../processors/port';
import { type BranchRef, loadRequest, MissingRecord } from '../workflow/requests';
import { outcomeEvent, storeCompletedDetail } from './events';

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
 * The kinds a function that runs branches at once answers for (`RunProcessor`: the controllers'
 * DynamoDB stores; `RunDatabaseProcessor`: their SQL databases), chosen by its handler, so
 * the function loads none of the waiting kinds' email, HTTP and configuration.
 */
export type SyncKinds = Partial<Record<Processor['kind'], SyncProcessorKind>>;

/** What one sync action did, as the branch records it. */
type SyncOutcome = Omit<BranchOutcome, 'status'> & { recordCount: number };

/** Does the branch's action at a store that answers at once. */
async function act(kind: SyncProcessorKind, processor: Processor, subject: Subject, ctx: BranchContext): Promise<SyncOutcome> {
  const { request, branch } = ctx;
  switch (branch.action) {
    case 'export': {
      const out = new ExportWriter(exportKey(request.requestId, branch.processorId));
      await kind.exportData(processor, subject, out, ctx);
      return { recordCount: await out.close(), exportKey: out.key };
    }
    case 'rectify': {
      const wanted = request.details?.rectification;
      // Plan makes a sync correction only of a named attribute; without one it is a staff task.
      if (!wanted?.attribute) throw new ProcessorError('MissingCorrection', `request ${request.requestId} names no attribute to correct`);
      return kind.rectify(processor, subject, { attribute: wanted.attribute, corrected: wanted.corrected }, ctx);
    }
    case 'restrict':
      return kind.restrict(processor, subject, ctx);
    default:
      return kind.erase(processor, subject, ctx);
  }
}

/**
 * Step `RunProcessor`: one processor that answers at once (the controller's own stores) does the
 * branch's action: export, erase, rectify or restrict. A completed branch is not run again. Errors
 * leave with their class only, so no personal data reaches the workflow history.
 */
export async function runBranch(ref: BranchRef, kinds: SyncKinds): Promise<BranchRef> {
  const { requestId, processorId } = ref;
  const { request, controller, processor } = await branchContext(ref);
  const kind = kinds[processor.kind];
  if (!kind) throw new Error(`processor kind ${processor.kind} does not answer at once`);
  if (request.status === 'cancelled') return ref; // withdrawn: nothing more is done
  const before = await startBranch(requestId, processorId);
  if (!before) {
    // Completed by an earlier attempt, which may have been stopped (a crash, its timeout) before its event.
    const done = await getBranch(requestId, processorId);
    if (done?.status === 'completed' && done.finishedAt) {
      const { event, detail } = outcomeEvent(done);
      await auditOnce(requestId, event, 'workflow', detail, new Date(done.finishedAt));
    }
    return ref;
  }
  const subject: Subject = {
    ...subjectOf(request),
    ...(subjectName(request) ? { name: subjectName(request) } : {}),
  };
  try {
    // A staff task waits for staff (AwaitProcessor); running it here would skip them.
    if (before.staffTask) throw new ProcessorError('StaffTaskNotRun', `branch ${processorId} is a staff task`);
    // A store that finds people only by what the request lacks (no phone number) is not searched
    // with another identity's value; the branch ends saying it was not looked up, not "nothing held".
    const missing = missingIdentities(lookupIdentitiesOf(processor), subject);
    const outcome: SyncOutcome = missing.length
      ? { recordCount: 0, notLookedUp: missing }
      : await act(kind, processor, subject, { request, controller, branch: before });
    // The event's time is the branch's `finishedAt`, so a retry that finds it missing writes the same one.
    const at = new Date();
    await finishBranch(requestId, processorId, { status: 'completed', ...outcome }, at);
    await audit(requestId, 'branch_completed', 'workflow', storeCompletedDetail({ ...before, ...outcome }), at);
  } catch (err) {
    return failAttempt(ref, err, before.attempts + 1);
  }
  return ref;
}
