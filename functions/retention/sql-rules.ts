/**
 * Retention rules at the tables of a controller's SQL databases, run the way the DynamoDB stores'
 * rules are (sweep.ts): a run record, a report of what the rule would change, and where enforced
 * the changes, in batches (functions/processors/sql/retention.ts). Tables go children first, and
 * within a table delete rules before mask and restrict rules, so a row old enough for both stages
 * of a two-stage rule is deleted rather than restricted first.
 */
import { type SqlProcessor, type SqlTable, staffText } from '../domain/register-schema';
import { legalHoldCutoff, type SqlRetentionRule } from '../domain/retention-rules';
import { erasureOrder } from '../domain/sql-order';
import { audit } from '../platform/data/audit';
import { type RetentionRun, recordRunProgress, runAuditId } from '../platform/data/retention-runs';
import type { Controller, Register } from '../platform/register';
import { enforceRuleRows, findRuleRows, type SqlRuleScope } from '../processors/sql/retention';
import { putReport, reportKey } from './reports';

/** A rule with the controller, database and table that declare it. */
export interface SqlRuleAtTable extends SqlRuleScope {
  controller: Controller;
}

const ACTION_ORDER: Record<SqlRetentionRule['action'], number> = { delete: 0, mask: 1, restrict: 2 };

/** Every SQL table's rule of the register: controller by controller, database by database, tables in erasure order. */
export function sqlRetentionRulesOf(register: Register): SqlRuleAtTable[] {
  return register.controllers.flatMap((controller) =>
    controller.processors.flatMap((store) =>
      store.kind === 'sql'
        ? erasureOrder(store.tables).flatMap((table: SqlTable) =>
            [...table.retentionRules]
              .sort((a, b) => ACTION_ORDER[a.action] - ACTION_ORDER[b.action])
              .map((rule) => ({ controller, store: store as SqlProcessor, table, rule })),
          )
        : [],
    ),
  );
}

const AUDIT_EVENT = { delete: 'retention_deleted', mask: 'retention_masked', restrict: 'retention_restricted' } as const;

/**
 * Runs a rule: counts and lists what it finds (a dry run ends there, with its report), then, if
 * enforced, changes the due rows batch by batch and rewrites the report with what it changed. A
 * batch that fails ends the run (recorded with what the batches before it changed) and is thrown,
 * for the sweep to record the failure.
 */
export async function runSqlRetentionRule(scope: SqlRuleAtTable, started: RetentionRun): Promise<RetentionRun> {
  const { store, table, rule } = scope;
  const runAt = new Date(started.runAt);
  const found = await findRuleRows(scope, runAt);
  // The report is read by staff and the DPO: in the controller's first language.
  const holdBasis = table.erasure.mode === 'legal_hold' ? staffText(scope.controller, table.erasure.legalBasis) : undefined;
  const report = {
    controllerId: started.controllerId,
    processorId: store.id,
    table: table.name,
    ruleId: rule.id,
    description: rule.description,
    countsFrom: rule.countsFrom,
    afterMonths: rule.afterMonths,
    action: rule.action,
    mode: started.mode,
    runAt: started.runAt,
    cutoff: started.cutoff,
    ...(table.erasure.mode === 'legal_hold' ? { holdCutoff: legalHoldCutoff(table.erasure.holdDays, runAt).toISOString() } : {}),
    counts: found.counts,
    // Bounded like the run: a table of a million expired rows lists the first maxRowsPerRun.
    listedUpTo: rule.maxRowsPerRun,
    wouldErase: found.due,
    keptUnderLegalHold: found.held.map((h) => ({ ...h, holdBasis })),
  };
  const counts = {
    matched: found.counts.due + found.counts.held + found.counts.restricted + found.counts.referenced,
    wouldErase: found.counts.due,
    keptUnderLegalHold: found.counts.held,
    keptRestricted: found.counts.restricted,
    keptReferenced: found.counts.referenced,
  };
  await putReport(started, report);
  let run = await recordRunProgress(started, {
    ...counts,
    reportKey: reportKey(started),
    status: rule.enforce ? 'reported' : 'completed',
    ...(rule.enforce ? {} : { endedAt: new Date().toISOString() }),
  });
  await audit(runAuditId(run), 'retention_reported', 'system', { ruleId: rule.id, ...counts });
  if (!rule.enforce) return run;

  const { changed, failure } = await enforceRuleRows(scope, runAt);
  const outcome = { erased: changed, deferred: Math.max(0, found.counts.due - changed.length) };
  await putReport(started, { ...report, outcome: { ...outcome, ...(failure ? { failedWith: failure.name } : {}) } });
  const done = { erased: outcome.erased.length, deferred: outcome.deferred };
  run = await recordRunProgress(run, { ...done, ...(failure ? {} : { status: 'completed', endedAt: new Date().toISOString() }) });
  if (changed.length > 0 || !failure) await audit(runAuditId(run), AUDIT_EVENT[rule.action], 'system', { ruleId: rule.id, ...done });
  if (failure) throw failure;
  return run;
}
