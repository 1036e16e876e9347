/**
 * What a processor's status report does to its branch, whether it came as a callback or by
 * polling: pending/in_progress record the expected completion; completed fetches the results and
 * completes the branch; cancelled fails it. A branch that is already final is left alone.
 */
import { completeBranch } from '../../branches/outcome';
import type { Branch } from '../../domain/request';
import { audit, auditEvent } from '../../platform/data/audit';
import { updateBranch } from '../../platform/data/branches';
import { touchLink } from '../../platform/data/opendsr-links';
import { logger } from '../../platform/log';
import type { OpendsrProcessor } from '../../platform/register';
import { OpendsrUrlRefused } from './http';
import { OpendsrResultsRefused, storeResults } from './results';
import type { OpendsrStatusReport } from './types';

/** What a status report did; `refused`: its results were not fetched or not kept (the branch waits on). */
export type Applied = 'recorded' | 'completed' | 'failed' | 'already_final' | 'refused';

const isoOrUndefined = (t: string | undefined) => (t ? new Date(t).toISOString() : undefined);

export async function applyStatus(
  p: OpendsrProcessor,
  branch: Branch,
  report: OpendsrStatusReport,
  via: 'callback' | 'poll' | 'submit',
  at = new Date(),
): Promise<Applied> {
  const { requestId, processorId } = branch;
  const ref = { requestId, processorId };
  if (branch.status === 'completed' || branch.status === 'failed') {
    logger.info('OpenDSR status for a branch already answered', { ...ref, status: report.request_status, via });
    return 'already_final';
  }
  if (via === 'callback') await touchLink(report.subject_request_id, at);
  const expectedCompletionAt = isoOrUndefined(report.expected_completion_time);

  switch (report.request_status) {
    case 'pending':
    case 'in_progress': {
      await updateBranch(requestId, processorId, {
        ...(expectedCompletionAt ? { expectedCompletionAt } : {}),
        ...(via === 'poll' ? { lastPolledAt: at.toISOString() } : {}),
      });
      logger.info('OpenDSR request under way', { ...ref, status: report.request_status, via });
      return 'recorded';
    }
    case 'cancelled': {
      const done = await completeBranch(requestId, processorId, { status: 'failed', errorClass: 'ProcessorCancelled' });
      logger.info('OpenDSR request cancelled by the processor', { ...ref, via });
      return done ? 'failed' : 'already_final';
    }
    case 'completed': {
      let stored: { recordCount?: number; exportKey?: string; attachmentKey?: string; attachmentName?: string } = {};
      if (branch.action === 'export' && report.results_url) {
        try {
          stored = await storeResults(p, ref, report.results_url, report.results_count);
        } catch (err) {
          if (!(err instanceof OpendsrUrlRefused || err instanceof OpendsrResultsRefused)) throw err;
          // The branch waits on: a forged answer must not end it, and the processor's own answer
          // (a callback or the next poll) still can. The trail shows the refusal; the URL is not kept.
          await audit(requestId, 'opendsr_results_refused', 'system', { processorId, via, reason: err.reason }, at);
          logger.warn('OpenDSR results refused', { ...ref, via, reason: err.reason });
          return 'refused';
        }
      } else {
        stored = { recordCount: report.results_count ?? 0 };
      }
      const done = await completeBranch(requestId, processorId, { status: 'completed', ...stored }, at, [
        auditEvent('opendsr_completed', 'system', { processorId, via, recordCount: stored.recordCount ?? 0 }, at),
      ]);
      logger.info('OpenDSR request completed', { ...ref, via, recordCount: stored.recordCount ?? 0, answered: done });
      return done ? 'completed' : 'already_final';
    }
  }
}
