import { SendTaskFailureCommand, SendTaskHeartbeatCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { type AuditEvent, type Branch, WAIT_EXPIRED, WITHDRAWN } from '../domain/request';
import { sfn } from '../platform/aws/sfn';
import { auditOnce } from '../platform/data/audit';
import { type BranchOutcome, finishBranch, settleBranchOwed, updateBranch } from '../platform/data/branches';
import { errorClass, logger } from '../platform/log';
import { outcomeEvent } from './events';

/** Errors that mean the task the token belonged to is gone: the re-driven execution resumes itself. */
const GONE = new Set(['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken']);

/**
 * Resumes the workflow task a waiting branch holds, with success or failure as the branch ended.
 * The output is ids only. A token whose task is gone is not an error: see ARCHITECTURE.md.
 */
export async function resumeWaitingTask(branch: Branch, at = new Date()): Promise<void> {
  if (!branch.taskToken) return;
  try {
    if (branch.status === 'completed') {
      await sfn.send(
        new SendTaskSuccessCommand({
          taskToken: branch.taskToken,
          output: JSON.stringify({ requestId: branch.requestId, processorId: branch.processorId }),
        }),
      );
    } else {
      await sfn.send(
        new SendTaskFailureCommand({ taskToken: branch.taskToken, error: branch.errorClass ?? 'ProcessorFailed', cause: 'see the branch record' }),
      );
    }
  } catch (err) {
    if (!GONE.has(errorClass(err))) throw err;
    logger.info('waiting task already gone', { requestId: branch.requestId, processorId: branch.processorId, errorClass: errorClass(err) });
  }
  // Recorded, so the sweep can tell a resume a crash or timeout cut short (see resumeIfCutShort).
  await updateBranch(branch.requestId, branch.processorId, { resumedAt: at.toISOString() }, { onlyIfAbsent: 'resumedAt', evenIfFinal: true });
}

/**
 * How long after a branch ended the sweep leaves its resume to the code that recorded it. Racing
 * it would be harmless (the second answer finds the task gone); the grace only spares the call.
 */
const RESUME_GRACE_MS = 60_000;

/**
 * Resumes the waiting task of a branch that ended without its resume recorded, once that had time
 * to happen: a crash or a timed-out Lambda between recording the outcome and resuming would
 * otherwise leave the workflow waiting for its heartbeat to time out (days). Sending again is
 * harmless: a task already resumed answers as gone. The outcome's audit event, which comes before
 * the resume, is recorded if it is missing. True when it resumed.
 */
export async function resumeIfCutShort(branch: Branch, now: Date): Promise<boolean> {
  if (branch.status !== 'completed' && branch.status !== 'failed') return false;
  if (!branch.taskToken || branch.resumedAt || !branch.finishedAt) return false;
  if (Date.parse(branch.finishedAt) > now.getTime() - RESUME_GRACE_MS) return false;
  // What was cut short may include the outcome's audit event (recorded before the resume).
  if (branch.submittedAt) await auditSubmitted(branch);
  await auditOutcome(branch);
  await resumeWaitingTask(branch, now);
  logger.warn('waiting task resumed by the sweep', { requestId: branch.requestId, processorId: branch.processorId });
  return true;
}

/** Whether a branch's wait has reached the end Plan gave it. */
export const waitExpired = (branch: Pick<Branch, 'waitUntil'>, now: Date): boolean => branch.waitUntil !== undefined && now.toISOString() >= branch.waitUntil;

/**
 * Ends a wait that reached the end Plan gave it, as its timeout would have: a wait re-driven after
 * a failure or a restart counts its TimeoutSeconds afresh, which could take it past the deadline.
 * The task fails with {@link WAIT_EXPIRED} (not retried; RecordBranchFailure escalates it as timed
 * out). True if it ended one; false if not due, or its task is gone.
 */
export async function endExpiredWait(branch: Branch, now: Date, taskToken = branch.taskToken): Promise<boolean> {
  if (!taskToken || !waitExpired(branch, now)) return false;
  try {
    await sfn.send(new SendTaskFailureCommand({ taskToken, error: WAIT_EXPIRED, cause: 'The wait reached the end its plan gave it' }));
  } catch (err) {
    if (GONE.has(errorClass(err))) return false;
    throw err;
  }
  logger.warn('wait ended at its planned end', { requestId: branch.requestId, processorId: branch.processorId });
  return true;
}

/** Tells Step Functions a waiting branch is still being looked after; false if its task is gone. */
export async function heartbeat(branch: Branch): Promise<boolean> {
  if (!branch.taskToken) return false;
  try {
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: branch.taskToken }));
    return true;
  } catch (err) {
    if (GONE.has(errorClass(err))) return false;
    throw err;
  }
}

/**
 * Records the answer of a processor that answers later (a callback, a vendor's link, a staff
 * member's note) and resumes the workflow. One conditional write: a second answer for a
 * completed branch changes nothing and returns false.
 */
export async function completeBranch(
  requestId: string,
  processorId: string,
  outcome: BranchOutcome,
  at = new Date(),
  owe?: readonly AuditEvent[],
): Promise<boolean> {
  const branch = await finishBranch(requestId, processorId, outcome, at, owe);
  if (!branch) return false;
  // The submit step may have been cut short before the submission's event, and its retry finds
  // the branch answered and stops: the answer proves it went, so say so first.
  await auditAnsweredSubmission(branch);
  await auditOutcome(branch);
  await settleBranchOwed(branch);
  await resumeWaitingTask(branch);
  return true;
}

/**
 * A submit step run again (a retry after its timeout, a re-drive) that finds its branch answered
 * already resumes at once; the answer may have been cut short before its events (its retry finds
 * the branch answered and stops), so they are recorded first if missing, as the answer would.
 */
export async function resumeAnswered(branch: Branch): Promise<void> {
  if (branch.status === 'completed' || (branch.status === 'failed' && branch.errorClass !== WITHDRAWN)) {
    await auditAnsweredSubmission(branch);
    await auditOutcome(branch);
  }
  await resumeWaitingTask(branch);
}

/** The outcome's event, at the time the branch recorded it: once, whichever of the answer, a retried step or the sweep records it. */
function auditOutcome(branch: Branch): Promise<void> {
  const { event, detail } = outcomeEvent(branch);
  return auditOnce(branch.requestId, event, 'workflow', detail, new Date(branch.finishedAt!));
}

/** The branch went out to its processor (or to staff): one audit event, at the time recorded on the branch. */
export function auditSubmitted(branch: Branch): Promise<void> {
  return auditOnce(
    branch.requestId,
    'branch_submitted',
    'workflow',
    { processorId: branch.processorId, kind: branch.kind, ...(branch.staffTask ? { staffTask: true } : {}) },
    new Date(branch.submittedAt!),
  );
}

/**
 * The submission event of a branch just answered (so it went out), if the submit step was cut
 * short before it: after recording `submittedAt`, or before even that (stopped between SES taking
 * the email and the record), when the time sending began (`submitStartedAt`) stands for it.
 * Elsewhere a begun send is no proof it went: only `completeBranch`, the answer, calls this.
 */
function auditAnsweredSubmission(branch: Branch): Promise<void> {
  const at = branch.submittedAt ?? branch.submitStartedAt;
  return at ? auditSubmitted({ ...branch, submittedAt: at }) : Promise.resolve();
}
