/**
 * Telling a vendor job of a withdrawal (the `http` kind): an `http` branch waits only on a vendor
 * job (its calls otherwise answer at once). The job's `cancel` request stops it where the connector
 * definition declares one; without one the vendor cannot be told, which is recorded once for staff
 * (`vendor_cannot_be_told_of_withdrawal`) and never claimed as told. Run by the sweep, which
 * bundles the connector engine anyway (`processors/withdrawal-notice.ts` says why not the status function).
 */
import type { Right } from '../../domain/request';
import { audit } from '../../platform/data/audit';
import { logger } from '../../platform/log';
import { branchOwner, CLAIM_TIMEOUT_MS, sendOnce } from '../../platform/outbox';
import type { VendorJobTeller } from '../withdrawal-notice';
import { connectorFor } from './catalogue';
import { type ActionJobs, cancelJobs } from './engine';

export const tellVendorJob: VendorJobTeller = async ({ controller, branch }, p, now, once) => {
  const { requestId, processorId, externalId } = branch;
  if (!externalId) return 'nothing_to_tell';
  const jobs = JSON.parse(externalId) as ActionJobs & { action: Right };
  const connector = connectorFor(p);
  if (connector.steps[jobs.step]?.job?.cancel) {
    return once(async () => {
      await cancelJobs({ connector, processor: p, controllerId: controller.id, requestId, action: jobs.action }, jobs.step, jobs.jobIds);
      logger.info('vendor job cancelled', { requestId, processorId, jobs: jobs.jobIds.length });
    });
  }
  const { marked } = await sendOnce({
    message: { owner: branchOwner(requestId, processorId), startedAt: 'withdrawalUntoldStartedAt', sentAt: 'withdrawalUntoldAt' },
    staleAfterMs: CLAIM_TIMEOUT_MS,
    at: now,
    send: async () => undefined,
  });
  if (marked) {
    await audit(requestId, 'vendor_cannot_be_told_of_withdrawal', 'system', { processorId, step: jobs.step }, now);
    logger.warn('vendor job cannot be cancelled: the vendor was not told of the withdrawal', { requestId, processorId, connector: p.connector });
  }
  return 'cannot_tell';
};
