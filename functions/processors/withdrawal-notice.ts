import { asRepeat } from '../../web/emails/email';
import { taskWithdrawnEmail } from '../../web/emails/withdrawal';
import { audit } from '../platform/data/audit';
import { sendEmail } from '../platform/mailer';
import { branchOwner, CLAIM_TIMEOUT_MS, sendOnce } from '../platform/outbox';
import type { Processor } from '../platform/register';
import type { BranchContext } from './port';

/**
 * Tells whoever was emailed a task (a vendor's privacy contact, a staff member) that the person
 * withdrew the request: once, through the outbox on the branch. Nobody is told of a request that
 * never went out to them. Two withdrawals at once (a double click) send one; a claim a crash cut
 * short goes again, marked as possibly sent before, once it is older than any attempt runs.
 */
export async function emailWithdrawal(to: string, p: Processor, { request, controller, branch }: BranchContext, now: Date): Promise<void> {
  if (!branch.submittedAt && !branch.submitStartedAt) return;
  const locale = controller.locales[0]!;
  const email = taskWithdrawnEmail({ locale, controllerName: controller.name, processorName: p.name, requestReference: request.requestId });
  const { marked } = await sendOnce({
    message: { owner: branchOwner(branch.requestId, branch.processorId), startedAt: 'withdrawalNoticeStartedAt', sentAt: 'withdrawalNoticedAt' },
    staleAfterMs: CLAIM_TIMEOUT_MS,
    at: now,
    send: (again) => sendEmail(to, again ? asRepeat(email, locale) : email),
  });
  if (marked) await audit(branch.requestId, 'processor_told_of_withdrawal', 'system', { processorId: branch.processorId }, now);
}
