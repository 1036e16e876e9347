/**
 * The retention sweep: for every retention rule the register declares at a controller's own
 * stores, find the records older than the rule's period, write a report of what it would erase,
 * and where the controller enforces the rule erase them, through the same per-item code a
 * subject's erasure request uses (functions/processors/dynamodb/adapter.ts).
 *
 * Finding the records is a paginated Scan of the store's table filtered on the rule's date: a
 * rule must look at every record of the controller's own data, and no index orders a store by an
 * arbitrary date. The service's own requests table is never scanned.
 */
import { isOlderThan, type RetentionRule } from '../domain/retention-rules';
import { setting } from '../platform/config';
import { audit } from '../platform/data/audit';
import { and, le, lt, notExists, or, scanExpression } from '../platform/data/expressions';
import { paginate } from '../platform/data/paginate';
import { type RetentionRun, recordRunProgress, runAuditId } from '../platform/data/retention-runs';
import { errorClass, logger } from '../platform/log';
import type { Controller, DynamoDbProcessor, Register } from '../platform/register';
import { eraseItem, type ItemErasure, keyExists, tableKey } from '../processors/dynamodb/adapter';
import { putReport, reportKey } from './reports';
import { newRun, startRetentionRun } from './runs';
import { runSqlRetentionRule, type SqlRuleAtTable, sqlRetentionRulesOf } from './sql-rules';

export { RETENTION_REPORTS_PREFIX } from './reports';

/** A rule with the controller and store that declare it. */
export interface RuleAtStore {
  controller: Controller;
  store: DynamoDbProcessor;
  rule: RetentionRule;
}

/** Every retention rule of the register, controller by controller, store by store. */
export function retentionRulesOf(register: Register): RuleAtStore[] {
  return register.controllers.flatMap((controller) =>
    controller.processors.flatMap((store) => (store.kind === 'dynamodb' ? store.retentionRules.map((rule) => ({ controller, store, rule })) : [])),
  );
}

type Key = Record<string, unknown>;

/** What a rule found in one run: the run as recorded, and the keys (personal data, for the report only). */
export interface RetentionFindings {
  scope: RuleAtStore;
  run: RetentionRun;
  /** Records the rule erases (if enforced): older than the cutoff, and nothing protects them. */
  toErase: Key[];
  keptUnderLegalHold: { key: Key; holdUntil: string; holdBasis?: string }[];
  keptRestricted: Key[];
}

/** The erasure a rule does, as its store declares it. */
function erasureOf({ store, rule }: RuleAtStore): ItemErasure {
  if (rule.action === 'anonymise' && store.erasure.mode === 'anonymise') return store.erasure;
  if (rule.action === 'anonymise') throw new Error(`retention rule ${rule.id}: ${store.id} declares no anonymisation`);
  return { mode: 'delete' };
}

/**
 * The condition every record must still meet when it is erased: old enough by this run's
 * cutoff (a date refreshed since the report lets it stay), no legal hold in force (the hold
 * wins), no restriction, and for anonymising not anonymised already (so a repeat is a no-op).
 */
function stillDue({ rule }: RuleAtStore, key: string[], cutoff: string, now: string) {
  return and(
    keyExists(key),
    lt(rule.countsFrom, cutoff),
    or(notExists('holdUntil'), le('holdUntil', now)),
    notExists('restrictedFor'),
    rule.action === 'anonymise' ? notExists('anonymisedAt') : undefined,
  );
}

/** Every record of the store older than the cutoff, page by page: its key and the marks that protect it. */
function olderThan(scope: RuleAtStore, key: string[], cutoff: string): AsyncGenerator<Record<string, unknown>> {
  const { store, rule } = scope;
  const projection = [...new Set([...key, rule.countsFrom, 'holdUntil', 'holdBasis', 'restrictedFor'])];
  const old = lt(rule.countsFrom, cutoff);
  // An anonymising rule has done its part on a record already anonymised (by a request, or an earlier run).
  const filter = rule.action === 'anonymise' ? and(old, notExists('anonymisedAt')) : old;
  return paginate({ scan: { TableName: store.table, ...scanExpression({ filter, projection }), ConsistentRead: true } });
}

/** Writes (or rewrites, with the outcome) a run's report: the only place the matched keys are kept. */
async function writeReport(f: RetentionFindings, outcome?: { erased: Key[]; changedSinceReport: Key[]; deferred: Key[] }): Promise<void> {
  const { run, scope } = f;
  const report = {
    controllerId: run.controllerId,
    processorId: run.processorId,
    table: scope.store.table,
    ruleId: run.ruleId,
    description: run.description,
    countsFrom: scope.rule.countsFrom,
    afterMonths: scope.rule.afterMonths,
    action: run.action,
    mode: run.mode,
    runAt: run.runAt,
    cutoff: run.cutoff,
    wouldErase: f.toErase,
    keptUnderLegalHold: f.keptUnderLegalHold,
    keptRestricted: f.keptRestricted,
    ...(outcome ? { outcome } : {}),
  };
  await putReport(run, report);
}

export { startRetentionRun } from './runs';

/**
 * The first half of a rule's run: finds the records older than the cutoff, sorts out those a
 * legal hold or a restriction keeps, and writes the report. A dry run ends here.
 */
export async function reportRetentionRule(scope: RuleAtStore, started: RetentionRun): Promise<RetentionFindings> {
  const { store, rule } = scope;
  const run: RetentionRun = { ...started, reportKey: reportKey(started) };
  const { runAt: now, cutoff } = run;
  const key = await tableKey(store.table);
  const findings: RetentionFindings = { scope, run, toErase: [], keptUnderLegalHold: [], keptRestricted: [] };
  let matched = 0;
  for await (const item of olderThan(scope, key, cutoff)) {
    // The filter already compared; this keeps the rule's meaning in one place (retention-rules.ts).
    if (!isOlderThan(item[rule.countsFrom], new Date(cutoff))) continue;
    matched++;
    const itemKey = Object.fromEntries(key.map((k) => [k, item[k]]));
    if (typeof item.holdUntil === 'string' && item.holdUntil > now) {
      findings.keptUnderLegalHold.push({
        key: itemKey,
        holdUntil: item.holdUntil,
        ...(typeof item.holdBasis === 'string' ? { holdBasis: item.holdBasis } : {}),
      });
    } else if (item.restrictedFor !== undefined) {
      findings.keptRestricted.push(itemKey);
    } else {
      findings.toErase.push(itemKey);
    }
  }
  await writeReport(findings);
  const counts = {
    matched,
    wouldErase: findings.toErase.length,
    keptUnderLegalHold: findings.keptUnderLegalHold.length,
    keptRestricted: findings.keptRestricted.length,
  };
  findings.run = await recordRunProgress(run, {
    ...counts,
    reportKey: run.reportKey,
    status: rule.enforce ? 'reported' : 'completed',
    ...(rule.enforce ? {} : { endedAt: new Date().toISOString() }),
  });
  await audit(runAuditId(run), 'retention_reported', 'system', { ruleId: rule.id, ...counts });
  return findings;
}

/**
 * The second half of an enforced rule's run: erases what the report listed, each record only if
 * it is still due (see `stillDue`), at most `limit` of them (the rest wait for the next run, which
 * finds them again). Safe to repeat: an erased record no longer matches.
 */
export async function enforceRetentionRule(findings: RetentionFindings, limit = setting('RETENTION_BATCH_SIZE')): Promise<RetentionRun> {
  const { scope, run } = findings;
  const key = await tableKey(scope.store.table);
  const condition = stillDue(scope, key, run.cutoff, run.runAt);
  const erasure = erasureOf(scope);
  const now = new Date();
  const outcome = { erased: [] as Key[], changedSinceReport: [] as Key[], deferred: findings.toErase.slice(limit) };
  for (const Key of findings.toErase.slice(0, limit)) {
    const erased = await eraseItem(scope.store.table, Key, erasure, condition, now);
    (erased ? outcome.erased : outcome.changedSinceReport).push(Key);
  }
  await writeReport(findings, outcome);
  const counts = { erased: outcome.erased.length, changedSinceReport: outcome.changedSinceReport.length, deferred: outcome.deferred.length };
  const done = await recordRunProgress(run, { ...counts, status: 'completed', endedAt: new Date().toISOString() });
  await audit(runAuditId(run), scope.rule.action === 'anonymise' ? 'retention_anonymised' : 'retention_deleted', 'system', { ruleId: run.ruleId, ...counts });
  return done;
}

/**
 * Runs every rule of the register: a report for each, erasures for the enforced ones; the DynamoDB
 * stores' rules, then the SQL tables' (sql-rules.ts), children before parents. A rule that fails is
 * recorded as failed (its error class only) and the others still run. Returns the runs.
 */
export async function sweepRetentionRules(register: Register, runAt = new Date()): Promise<RetentionRun[]> {
  const runs: RetentionRun[] = [];
  const scopes: Array<['dynamodb', RuleAtStore] | ['sql', SqlRuleAtTable]> = [
    ...retentionRulesOf(register).map((s) => ['dynamodb', s] as ['dynamodb', RuleAtStore]),
    ...sqlRetentionRulesOf(register).map((s) => ['sql', s] as ['sql', SqlRuleAtTable]),
  ];
  for (const [kind, scope] of scopes) {
    let run: RetentionRun | undefined;
    try {
      if (kind === 'sql') {
        run = await startRetentionRun(scope, runAt);
        runs.push(await runSqlRetentionRule(scope, run));
        continue;
      }
      run = await startRetentionRun(scope, runAt);
      const findings = await reportRetentionRule(scope, run);
      run = findings.run;
      runs.push(scope.rule.enforce ? await enforceRetentionRule(findings) : run);
    } catch (err) {
      const failed = errorClass(err);
      logger.error('retention rule failed', { controllerId: scope.controller.id, ruleId: scope.rule.id, errorClass: failed });
      const unstarted: RetentionRun = { ...newRun(scope, runAt), status: 'failed' };
      runs.push(await recordFailure(run ?? unstarted, failed));
    }
  }
  return runs;
}

/** Records a run as failed by its error class; the next run starts afresh. Best effort: the table itself may be what failed. */
async function recordFailure(run: RetentionRun, failed: string): Promise<RetentionRun> {
  const change = { status: 'failed' as const, errors: run.errors + 1, errorClass: failed, endedAt: new Date().toISOString() };
  if (run.status === 'failed') return { ...run, ...change };
  try {
    const stored = await recordRunProgress(run, change);
    await audit(runAuditId(run), 'retention_failed', 'system', { ruleId: run.ruleId, errorClass: failed });
    return stored;
  } catch {
    return { ...run, ...change };
  }
}
