/**
 * Runs of retention rules, recorded in the requests table the way a request is: one run item per
 * rule and run, and an audit trail through `audit()`. Ids, dates and counts only: the keys of the
 * records a rule matched may identify people, so they live in the encrypted report in S3 alone.
 *
 * - run: `RETENTION#<controllerId>` / `<runAt>#<ruleId>` (a Query by controller and time, for the digest);
 * - its audit events: `RETENTION_RUN#<controllerId>#<ruleId>#<runAt>` / `AUDIT#...`.
 */
import { PutCommand, QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { RetentionAction } from '../domain/retention-rules';
import { ddb } from '../platform/aws/dynamodb';
import { requiredEnv } from '../platform/env';

const TABLE = requiredEnv('REQUESTS_TABLE');

/** Where a run stands: `reported` is an enforced rule between its report and its erasures. */
export type RetentionRunStatus = 'started' | 'reported' | 'completed' | 'failed';

/** One run of one retention rule: what it looked at, found, kept and erased. No personal data. */
export interface RetentionRun {
  controllerId: string;
  ruleId: string;
  /** The store (a `dynamodb` processor of the register). */
  processorId: string;
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
  /** Deleted or anonymised by this run (enforced rules). */
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

const runKey = (controllerId: string, runAt: string, ruleId: string) => ({ pk: `RETENTION#${controllerId}`, sk: `${runAt}#${ruleId}` });

/** The audit partition of one run (see `auditPartition` in store.ts). */
export const runAuditId = (run: Pick<RetentionRun, 'controllerId' | 'ruleId' | 'runAt'>): string =>
  `RETENTION_RUN#${run.controllerId}#${run.ruleId}#${run.runAt}`;

/** Records that a run started: a new item, as runs are named by their start time and rule. */
export async function recordRunStart(run: RetentionRun): Promise<void> {
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { ...runKey(run.controllerId, run.runAt, run.ruleId), ...run } }));
}

/** Records what a run found or did so far; the run's identity never changes. */
export async function recordRunProgress(run: RetentionRun, set: Partial<Omit<RetentionRun, 'controllerId' | 'ruleId' | 'runAt'>>): Promise<RetentionRun> {
  const entries = Object.entries(set).filter(([, v]) => v !== undefined);
  const out = await ddb.send(
    new UpdateCommand({
      TableName: TABLE,
      Key: runKey(run.controllerId, run.runAt, run.ruleId),
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
      ReturnValues: 'ALL_NEW',
    }),
  );
  const { pk: _pk, sk: _sk, ...stored } = out.Attributes ?? {};
  return stored as unknown as RetentionRun;
}

/**
 * The runs of a controller's retention rules since `since` (an ISO time), newest first: for the
 * DPO digest. One Query on the controller's partition; nothing is scanned.
 */
export async function latestRetentionRuns(controllerId: string, since: string): Promise<RetentionRun[]> {
  const runs: RetentionRun[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': `RETENTION#${controllerId}`, ':since': since },
        ScanIndexForward: false,
        ExclusiveStartKey,
      }),
    );
    for (const { pk: _pk, sk: _sk, ...run } of out.Items ?? []) runs.push(run as RetentionRun);
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return runs;
}
