/**
 * Withdrawal notices the sweep sends: those a withdrawal held because they failed or were cut
 * short, and vendor jobs' (`processors/http/withdrawal.ts`), with the connector engine the status
 * function does without.
 */
import { withdrawnAt } from '../answer/status-view';
import { audit } from '../platform/data/audit';
import { getRequestWithBranches, settleOwedOfRequest } from '../platform/data/requests';
import { errorClass, logger } from '../platform/log';
import { recordWithdrawalNoticeUntold } from '../platform/metrics';
import { type Controller, findProcessor } from '../platform/register';
import { tellVendorJob } from '../processors/http/withdrawal';
import { tellOfWithdrawal } from '../processors/withdrawal-notice';
import { done, schedule, type WithdrawalNoticeDue } from '../retention/scheduled-erasures';

/** Failed notices are sent again this many times in all, then staff are told the processor was not. */
export const WITHDRAWAL_NOTICE_ATTEMPTS = 5;
/** The first retry waits this long (a sweep's interval); each later one twice the one before (15 min to 2 h, about 4 h in all). */
const RETRY_AFTER_MS = 15 * 60_000;

/**
 * The sweep's side of a withdrawal notice: one that failed or was cut short, and a vendor job's,
 * which the status function leaves held (see `processors/withdrawal-notice.ts`): tells the processor
 * again (once: the outbox on the branch says whether it was told meanwhile), or holds it for a
 * later sweep; after {@link WITHDRAWAL_NOTICE_ATTEMPTS} failures staff are told, by the audit
 * event `processor_not_told_of_withdrawal` on the request's timeline and the
 * `WithdrawalNoticesUntold` metric (an alarm). Returns what became of it.
 */
export async function retryWithdrawalNotice(
  held: WithdrawalNoticeDue,
  controller: Controller,
  now = new Date(),
): Promise<'told' | 'cannot_tell' | 'later' | 'given_up'> {
  const found = await getRequestWithBranches(held.requestId);
  const { request, branches } = found;
  // A notice marked sent whose event a crash kept off the trail is recorded now.
  await settleOwedOfRequest(found);
  const branch = branches.find((b) => b.processorId === held.processorId);
  const processor = findProcessor(controller, held.processorId);
  if (!request || !branch || !processor) {
    // Purged, or the processor left the register: nothing left to tell.
    await done(held);
    return 'cannot_tell';
  }
  try {
    const told = await tellOfWithdrawal({ request, controller, branch }, processor, withdrawnAt(request) ?? held.dueAt, now, tellVendorJob);
    if (told === 'under_way') return 'later';
    await done(held);
    return told === 'cannot_tell' ? 'cannot_tell' : 'told';
  } catch (err) {
    const attempts = held.attempts + 1;
    const ids = { requestId: held.requestId, processorId: held.processorId, attempts, errorClass: errorClass(err) };
    if (attempts >= WITHDRAWAL_NOTICE_ATTEMPTS) {
      await audit(held.requestId, 'processor_not_told_of_withdrawal', 'system', { processorId: held.processorId, attempts }, now);
      logger.error('processor could not be told of the withdrawal: staff must tell it', ids);
      recordWithdrawalNoticeUntold();
      await done(held);
      return 'given_up';
    }
    // The next attempt is written before this one is let go: a crash between leaves two, not none.
    await schedule({ ...held, attempts, dueAt: new Date(now.getTime() + RETRY_AFTER_MS * 2 ** (attempts - 1)).toISOString() });
    await done(held);
    logger.warn('processor not told of the withdrawal yet: the sweep tries again', ids);
    return 'later';
  }
}
