import { ensureExecution } from './execution';
import { errorClass, logger } from './log';
import { register } from './register';
import { audit, openRequests, transition } from './store';

/** What one sweep did, by count. */
export interface SweepReport {
  closedUnverified: number;
  ensured: number;
  failed: number;
}

/**
 * The periodic sweep over open requests (the sparse index, never a Scan):
 * - a request whose verification link expired unused is closed as `closed_unverified`, and the
 *   address and name it was submitted with are erased: nobody proved they were theirs;
 * - a confirmed request makes sure its workflow runs, so requests in flight at a crash or restart
 *   finish (every step is idempotent).
 */
export async function sweep(at = new Date()): Promise<SweepReport> {
  const report: SweepReport = { closedUnverified: 0, ensured: 0, failed: 0 };
  const now = at.toISOString();
  for (const controller of register.controllers) {
    for await (const open of openRequests(controller.id)) {
      try {
        if (open.status === 'awaiting_verification') {
          if (open.verifyExpiresAt > now) continue;
          const closed = await transition(open.requestId, ['awaiting_verification'], 'closed_unverified', {
            // The token hash stays so the dead link can say it expired rather than that it is unknown.
            remove: ['openCtl', 'openDue', 'email', 'name'],
            condition: { expression: 'verifyExpiresAt <= :now', values: { ':now': now } },
          }, at);
          if (closed) {
            await audit(open.requestId, 'closed_unverified', 'system', undefined, at);
            report.closedUnverified++;
          }
        } else if (open.status === 'received' || open.status === 'in_progress') {
          await ensureExecution(open.requestId);
          report.ensured++;
        }
      } catch (err) {
        // One request's trouble must not stop the sweep for the others.
        report.failed++;
        logger.error('sweep could not handle a request', { requestId: open.requestId, errorClass: errorClass(err) });
      }
    }
  }
  logger.info('sweep finished', { ...report });
  return report;
}
