/**
 * Runs of retention rules, recorded in the requests table the way a request is: one run item per
 * rule and run, and an audit trail of its own (`retentionRunTrail` in keys.ts, through `audit()`).
 * Ids, dates and counts only: the keys of the records a rule matched may identify people, so they
 * live in the encrypted report in S3 alone.
 */
import type { RetentionAction } from '../../domain/retention-rules';
import { and, eq, exists, ge, queryExpression } from './expressions';
import { retentionRunKey, retentionRunPartition, retentionRunTrail } from './keys';
import { all } from './paginate';
import { putItem, queryItems, update } from './table';

/** Where a run stands: `reported` is an enforced rule between its report and its erasures. */
export type RetentionRunStatus = 'started' | 'reported' | 'completed' | 'failed';

/** One run of one retention rule: what it looked at, found, kept and erased. No personal data. */
export interface RetentionRun {
  controllerId: string;
  ruleId: string;
  /** The store: a `dynamodb` processor of the register, or a `sql` one. */
  processorId: string;
  /** The table of a `sql` processor the rule is declared at. */
  table?: string;
  /** The rule's description, as the register had it at the run. */
  description: string;
  action: RetentionAction;
  /** `dry_run`: reported only; `enforced`: reported, then erased. */
  mode: 'dry_run' | 'enforced';
  /** When the run started; the runs of one invocation share it. */
  runAt: string;
  /** Records dated before this were old enough. */
  cutoff: string;
  status: RetentionRunStatus;
  /** Records older than the cutoff (not yet anonymised, for an anonymising rule). */
  matched?: number;
  /** Of those, the ones the rule would erase: matched less those kept. */
  wouldErase?: number;
  /** Kept because a legal hold protects them (Art. 17(3)(b)); the hold wins over the rule. */
  keptUnderLegalHold?: number;
  /** Kept because a subject's restriction covers them (Art. 18). */
  keptRestricted?: number;
  /** SQL delete rules: kept because rows of a declared table still refer to them (they go when those rows have gone). */
  keptReferenced?: number;
  /** Deleted, anonymised, masked or restricted by this run (enforced rules). */
  erased?: number;
  /** Listed in the report but changed before the erasure (a newer date, a hold, gone): left alone. */
  changedSinceReport?: number;
  /** Left for the next run: more than one run erases. */
  deferred?: number;
  /** Writes that failed other than by their condition. */
  errors: number;
  errorClass?: string;
  /** The report's key in the package bucket (the matched records' keys are there, not here). */
  reportKey?: string;
  /** Not `finishedAt`: with `controllerId` that would put the run in the branch-outcomes index. */
  endedAt?: string;
}

/** The audit trail id of one run: pass it to `audit()` as the request id. */
export const runAuditId = (run: Pick<RetentionRun, 'controllerId' | 'ruleId' | 'runAt'>): string => retentionRunTrail(run);

/** Records that a run started: a new item, as runs are named by their start time and rule. */
export async function recordRunStart(run: RetentionRun): Promise<void> {
  await putItem(retentionRunKey(run.controllerId, run.runAt, run.ruleId), run);
}

/** Records what a run found or did so far; the run's identity never changes. */
export async function recordRunProgress(run: RetentionRun, set: Partial<Omit<RetentionRun, 'controllerId' | 'ruleId' | 'runAt'>>): Promise<RetentionRun> {
  return (await update(retentionRunKey(run.controllerId, run.runAt, run.ruleId), { set, condition: exists('pk') }, 'ALL_NEW')) as unknown as RetentionRun;
}

/**
 * The runs of a controller's retention rules since `since` (an ISO time), newest first: for the
 * DPO digest. One Query on the controller's partition; nothing is scanned.
 */
export function latestRetentionRuns(controllerId: string, since: string): Promise<RetentionRun[]> {
  return all(
    queryItems<RetentionRun>({
      ...queryExpression(and(eq('pk', retentionRunPartition(controllerId)), ge('sk', since))),
      ScanIndexForward: false,
    }),
  );
}
