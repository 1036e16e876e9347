/**
 * Processor branches of a request: one item each, moved through `pending`, `running` or
 * `waiting`, and `completed` or `failed` by conditional writes; a completed branch is never
 * overwritten. Its once-only emails' marks are written through the outbox (`platform/data/outbox.ts`).
 */
import type { AuditEvent, Branch, BranchAction } from '../../domain/request';
import { owing, settleOwed } from './audit';
import { and, type Condition, eq, exists, isIn, lt, ne, not, notExists, or, projectionExpression, type UpdateSpec } from './expressions';
import { branchKey } from './keys';
import { batchGet } from './paginate';
import { getItem, putNew, requestsTable, updateItem } from './table';

/**
 * Creates a branch in `pending` unless it exists (plan may run twice). Its `controllerId` puts it,
 * once finished, in the branch-outcomes index the reports read.
 */
export async function ensureBranch(
  requestId: string,
  processorId: string,
  kind: string,
  action: BranchAction,
  opts: { staffTask?: boolean; controllerId?: string } = {},
): Promise<void> {
  const branch: Branch = {
    requestId,
    processorId,
    kind,
    action,
    status: 'pending',
    attempts: 0,
    ...(opts.staffTask ? { staffTask: true } : {}),
    ...(opts.controllerId ? { controllerId: opts.controllerId } : {}),
  };
  await putNew(branchKey(requestId, processorId), branch);
}

export async function getBranch(requestId: string, processorId: string): Promise<Branch | undefined> {
  return getItem<Branch>(branchKey(requestId, processorId));
}

/**
 * What each of these branches' processors answered (`answer`, with the branch's ids): the answers
 * the report indexes do not project, read by key, a hundred a call. Branches without one are left out.
 */
export async function branchAnswers(
  refs: readonly Pick<Branch, 'requestId' | 'processorId'>[],
): Promise<Required<Pick<Branch, 'requestId' | 'processorId' | 'answer'>>[]> {
  const keys = refs.map((r) => branchKey(r.requestId, r.processorId));
  const answers: Required<Pick<Branch, 'requestId' | 'processorId' | 'answer'>>[] = [];
  for await (const item of batchGet<Pick<Branch, 'requestId' | 'processorId' | 'answer'>>(
    requestsTable(),
    keys,
    projectionExpression(['requestId', 'processorId', 'answer']),
  )) {
    if (item.answer) answers.push({ requestId: item.requestId, processorId: item.processorId, answer: item.answer });
  }
  return answers;
}

/** The branch is still open (not `completed` or `failed`): a condition for writes that must not touch a finished branch. */
export const notFinal: Condition = not(isIn('status', ['completed', 'failed']));

/** One conditional update of a branch: the branch as now stored (or as it was, with `ALL_OLD`), undefined when the condition did not hold. */
async function updateBranchItem(
  requestId: string,
  processorId: string,
  spec: UpdateSpec,
  returnValues: 'ALL_NEW' | 'ALL_OLD' = 'ALL_NEW',
): Promise<Branch | undefined> {
  const stored = await updateItem(branchKey(requestId, processorId), spec, returnValues);
  return stored === false ? undefined : (stored as unknown as Branch);
}

/**
 * Marks a branch as running and counts the attempt. Returns the branch as it was before, or
 * undefined if it had already completed (so a retry or re-drive does not act twice).
 */
export async function startBranch(requestId: string, processorId: string, at = new Date()): Promise<Branch | undefined> {
  return updateBranchItem(
    requestId,
    processorId,
    {
      set: { status: 'running' },
      increment: { attempts: 1 },
      setIfMissing: { startedAt: at.toISOString() },
      remove: ['errorClass'],
      condition: and(exists('pk'), ne('status', 'completed')),
    },
    'ALL_OLD',
  );
}

/**
 * A branch starts waiting on a task token: records the token, counts the attempt, and returns the
 * branch as now stored; undefined if it is already final (answered before the token existed).
 */
export async function startWaiting(requestId: string, processorId: string, taskToken: string, at = new Date()): Promise<Branch | undefined> {
  return updateBranchItem(requestId, processorId, {
    set: { status: 'waiting', taskToken },
    increment: { attempts: 1 },
    setIfMissing: { startedAt: at.toISOString() },
    condition: and(exists('pk'), notFinal),
  });
}

/** A branch's final outcome and what it records with it. */
export type BranchOutcome = { status: 'completed' | 'failed' } & Partial<Omit<Branch, 'requestId' | 'processorId' | 'kind' | 'action' | 'status' | 'attempts'>>;

/** Records a branch's outcome; a completed branch is never overwritten. Returns the branch as now stored, or undefined if it was already completed. */
export async function finishBranch(
  requestId: string,
  processorId: string,
  outcome: BranchOutcome,
  at = new Date(),
  owe?: readonly AuditEvent[],
): Promise<Branch | undefined> {
  const { status, ...rest } = outcome;
  return updateBranchItem(requestId, processorId, {
    set: { ...rest, status, finishedAt: at.toISOString() },
    ...owing(owe),
    condition: and(exists('pk'), ne('status', 'completed')),
  });
}

/**
 * Staff's correction of a completed branch's answer (and, for "nothing held", its count), kept
 * with what it said before. Undefined when the branch is not completed.
 */
export async function correctBranchAnswer(
  requestId: string,
  processorId: string,
  set: Pick<Branch, 'answer' | 'answerCorrection'> & Partial<Pick<Branch, 'recordCount'>>,
  owe?: readonly AuditEvent[],
): Promise<Branch | undefined> {
  return updateBranchItem(requestId, processorId, { set, ...owing(owe), condition: and(exists('pk'), eq('status', 'completed')) });
}

/** Records on the trail the audit events a branch owes, as read (see `settleOwed`). */
export const settleBranchOwed = (branch: Pick<Branch, 'requestId' | 'processorId' | 'auditOwed'>): Promise<number> =>
  settleOwed(branchKey(branch.requestId, branch.processorId), branch.auditOwed);

/**
 * Sets attributes on a branch that is not final yet. With `onlyIfAbsent`, only the first such
 * write happens (e.g. the OpenDSR id, the time a vendor was reminded). Returns the branch as now
 * stored, or undefined if the guard did not hold.
 */
export async function updateBranch(
  requestId: string,
  processorId: string,
  set: Partial<Branch>,
  opts: { onlyIfAbsent?: keyof Branch; evenIfFinal?: boolean } = {},
): Promise<Branch | undefined> {
  return updateBranchItem(requestId, processorId, {
    set,
    condition: and(exists('pk'), opts.evenIfFinal ? undefined : notFinal, opts.onlyIfAbsent ? notExists(opts.onlyIfAbsent) : undefined),
  });
}

/**
 * Claims the watch of a waiting branch's vendor job (`jobWatchStartedAt`, and `lastPolledAt` with
 * it): only while the branch still waits on the jobs `seen` names, and no other watch holds a claim
 * begun after `staleBefore` (one a crash left behind runs out). The watch that holds it alone runs
 * the action's later steps, so two sweeps at once never send a step twice. The branch as now
 * stored, or undefined when another watch, a newer job state or the end of the branch came first.
 */
export async function claimJobWatch(requestId: string, processorId: string, seen: string, at: string, staleBefore: string): Promise<Branch | undefined> {
  return updateBranchItem(requestId, processorId, {
    set: { jobWatchStartedAt: at, lastPolledAt: at },
    condition: and(exists('pk'), notFinal, eq('externalId', seen), or(notExists('jobWatchStartedAt'), lt('jobWatchStartedAt', staleBefore))),
  });
}

/**
 * Ends the watch claimed at `at`: the jobs still run, or the later steps started the next ones
 * (`externalId`, the new job state). Only that claim's: a later watch's is left alone. False when
 * the claim was no longer this watch's (it ran out and another took over).
 */
export async function endJobWatch(requestId: string, processorId: string, at: string, externalId?: string): Promise<boolean> {
  const ended = await updateBranchItem(requestId, processorId, {
    ...(externalId ? { set: { externalId } } : {}),
    remove: ['jobWatchStartedAt'],
    condition: and(exists('pk'), notFinal, eq('jobWatchStartedAt', at)),
  });
  return ended !== undefined;
}

/** What a branch's last attempt leaves behind, cleared when staff retry it. */
const ATTEMPT_TRACES = [
  'errorClass',
  'finishedAt',
  'taskToken',
  'submitStartedAt',
  'submittedAt',
  'linkTokenHash',
  'reminderStartedAt',
  'remindedAt',
  'escalationStartedAt',
  'escalationReason',
  'escalatedAt',
  'lastPolledAt',
  'jobWatchStartedAt',
  'resumedAt',
] as const;

/**
 * Staff retry a failed branch: it goes back to `pending` with what its last attempt left behind
 * cleared, so Route's next plan runs it again (and an async processor is asked again). The OpenDSR id
 * stays: a processor that did the work before our side gave up recognises the id and reports it,
 * rather than doing the work a second time. Only a failed branch is reset: returns it as now
 * stored, or undefined otherwise. `owe`: the audit events that record the retry.
 */
export async function resetFailedBranch(requestId: string, processorId: string, owe?: readonly AuditEvent[]): Promise<Branch | undefined> {
  return updateBranchItem(requestId, processorId, {
    set: { status: 'pending' },
    remove: ATTEMPT_TRACES,
    ...owing(owe),
    condition: and(exists('pk'), eq('status', 'failed')),
  });
}
