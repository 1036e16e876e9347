/**
 * A retention rule's run as it starts, the same at a DynamoDB store and at a SQL table: its record
 * and audit event are written before anything is read, so a run cut short is still on file.
 */
import { type RetentionRule, retentionCutoff } from '../domain/retention-rules';
import { audit } from '../platform/data/audit';
import { type RetentionRun, recordRunStart, runAuditId } from '../platform/data/retention-runs';

/** Where a rule runs: its controller, its store, and at a database the table. */
export interface RunScope {
  controller: { id: string };
  store: { id: string };
  table?: { name: string };
  rule: Pick<RetentionRule, 'id' | 'description' | 'enforce' | 'afterMonths'> & { action: RetentionRun['action'] };
}

/** A run of a rule as it starts: nothing found yet. */
export function newRun({ controller, store, table, rule }: RunScope, runAt: Date): RetentionRun {
  return {
    controllerId: controller.id,
    ruleId: rule.id,
    processorId: store.id,
    ...(table ? { table: table.name } : {}),
    description: rule.description,
    action: rule.action,
    mode: rule.enforce ? 'enforced' : 'dry_run',
    runAt: runAt.toISOString(),
    cutoff: retentionCutoff(rule.afterMonths, runAt).toISOString(),
    status: 'started',
    errors: 0,
  };
}

/** Records that a rule's run starts, with its cutoff, before it reads anything. */
export async function startRetentionRun(scope: RunScope, runAt: Date): Promise<RetentionRun> {
  const run = newRun(scope, runAt);
  await recordRunStart(run);
  await audit(runAuditId(run), 'retention_run_started', 'system', { ruleId: run.ruleId, processorId: run.processorId, mode: run.mode, cutoff: run.cutoff });
  return run;
}
