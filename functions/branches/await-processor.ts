import { WITHDRAWN } from '../domain/request';
import { finishBranch, getBranch, notFinal, startWaiting } from '../platform/data/branches';
import { branchOwner, sendOnce } from '../platform/outbox';
import { asyncKind } from '../processors/async-kinds';
import { type BranchRef, MissingRecord } from '../workflow/requests';
import { auditSubmitted, endExpiredWait, resumeAnswered } from './outcome';
import { branchContext, failAttempt } from './run-processor';

/**
 * Step `AwaitProcessor`: a processor that answers later, or a staff task at any processor. Records
 * the task token the workflow waits on, resumes at once if the answer already came, and otherwise
 * sends the request out (until `submittedAt` is recorded). The answer arrives through `completeBranch`.
 */
export async function awaitBranch(ref: BranchRef & { taskToken: string }): Promise<void> {
  const { requestId, processorId, taskToken } = ref;
  const { request, controller, processor } = await branchContext(ref);
  if (request.status === 'cancelled') {
    // Withdrawn before this branch was sent out: end it without asking the processor.
    await finishBranch(requestId, processorId, { status: 'failed', errorClass: WITHDRAWN });
  }
  const waiting = await startWaiting(requestId, processorId, taskToken);
  if (!waiting) {
    // Answered before this token existed (a fast callback, a retry, or a re-drive after a restart).
    const answered = await getBranch(requestId, processorId);
    if (!answered) throw new MissingRecord(`branch ${processorId} of request ${requestId} not found`);
    await resumeAnswered({ ...answered, taskToken });
    return;
  }
  // A re-driven wait: its task's timeout counts afresh, so the end Plan gave it is enforced here.
  if (await endExpiredWait(waiting, new Date(), taskToken)) return;
  if (waiting.submittedAt) {
    // Sent and recorded before a crash; the audit event may be what the crash cut off.
    await auditSubmitted(waiting);
    return;
  }
  // The submission is an outbox message of the branch: a claim (`submitStartedAt`) taken over
  // without `submittedAt` follows a crash between sending and recording, so its email says it is a
  // repeat. One step runs at a time, so any standing claim is such a crash's (stale after 0 ms).
  try {
    await sendOnce({
      message: { owner: branchOwner(requestId, processorId), startedAt: 'submitStartedAt', sentAt: 'submittedAt', condition: notFinal },
      staleAfterMs: 0,
      // A staff task goes to staff whatever the processor's kind (e.g. a correction at one of our stores).
      send: (repeat) => asyncKind(processor, waiting).submit(processor, { request, controller, branch: waiting, repeat }),
      sentAt: () => new Date().toISOString(),
    });
  } catch (err) {
    // Not sent (SES or the processor refused): the claim is given back, and the next attempt is a first one again.
    return failAttempt(ref, err, waiting.attempts + 1);
  }
  const submitted = await getBranch(requestId, processorId);
  if (submitted?.submittedAt) await auditSubmitted(submitted);
}
