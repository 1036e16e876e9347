import { configure } from '../../platform/config';
import { logger } from '../../platform/log';
import { register } from '../../platform/register';
import { sweepRetentionRules } from '../../retention/sweep';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET', 'RETENTION_BATCH_SIZE');

/** A rule that could not finish; named by error class in the run record, counted here. */
class RetentionRunFailed extends Error {
  override name = 'RetentionRunFailed';
}

/**
 * Scheduled daily: runs every retention rule of the register (a report, then erasures where the
 * controller enforces the rule). Logs ids and counts only. Fails, after every rule had its turn,
 * when one of them failed, so the failure shows in the function's error metrics.
 */
export const handler = async (): Promise<{ runs: number; failed: number }> => {
  const runs = await sweepRetentionRules(register);
  // Counts and ids only: what each run found and did, never a record's content.
  const LOGGED = [
    'controllerId',
    'ruleId',
    'mode',
    'status',
    'matched',
    'wouldErase',
    'keptUnderLegalHold',
    'keptRestricted',
    'keptReferenced',
    'erased',
    'changedSinceReport',
    'deferred',
  ] as const;
  for (const run of runs) logger.info('retention rule run', Object.fromEntries(LOGGED.map((k) => [k, run[k]])));
  const failed = runs.filter((r) => r.status === 'failed').length;
  if (failed > 0) throw new RetentionRunFailed(`${failed} of ${runs.length} retention rule runs failed`);
  return { runs: runs.length, failed };
};
