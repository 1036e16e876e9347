/**
 * Telling a processor the subject withdrew a request it was sent and has not answered. One module
 * for every kind rather than each adapter's `cancel`, because the status function runs it: loading
 * every adapter would bring what they answer with (exports, package bucket) into a function that
 * only tells. Each notice is safe to repeat: emails and webhook notices go once, through the outbox
 * on the branch; an OpenDSR `DELETE` can simply be sent again.
 */
import { asRepeat } from '../../web/emails/email';
import { taskWithdrawnEmail } from '../../web/emails/withdrawal';
import { inLocale, staffEmailOf } from '../domain/register-schema';
import type { Branch, DsrRequest } from '../domain/request';
import { audit } from '../platform/data/audit';
import { logger } from '../platform/log';
import { branchMail, sendEmail } from '../platform/mailer';
import { branchOwner, CLAIM_TIMEOUT_MS, type OutboxMessage, sendOnce } from '../platform/outbox';
import type { Controller, Processor, WebhookProcessor } from '../platform/register';
import { inhouseWithdrawal } from './inhouse/event';
import { cancelRequest } from './opendsr/client';
import { postSigned } from './webhook/post';

/** How each kind that was sent the request hears of its withdrawal. */
export type WithdrawalNotice = 'opendsr' | 'email' | 'webhook' | 'none';

/**
 * Tells the processor of one branch, if it was sent the request: a staff task's or a manual
 * processor's staff and an email vendor by email, a webhook by a signed notice, an OpenDSR
 * processor by `DELETE /requests/{id}`. A `lambda` processor is not told (an invocation the
 * function may not understand; its late answer is refused as for any ended branch), nor an `http`
 * connector (its vendors' APIs declare no cancellation). Returns how it was told.
 */
export async function tellOfWithdrawal(
  ctx: { request: DsrRequest; controller: Controller; branch: Branch },
  p: Processor,
  withdrawnAt: string,
  now = new Date(),
): Promise<WithdrawalNotice> {
  const { request, controller, branch } = ctx;
  // Nobody is told of a request that never went out to them.
  if (!branch.submittedAt && !branch.submitStartedAt && !branch.externalId) return 'none';
  const message: OutboxMessage = {
    owner: branchOwner(branch.requestId, branch.processorId),
    startedAt: 'withdrawalNoticeStartedAt',
    sentAt: 'withdrawalNoticedAt',
  };
  const once = (send: (again: boolean) => Promise<unknown>) => sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, at: now, send });
  if (branch.staffTask || p.kind === 'manual' || p.kind === 'email') {
    const to = branch.staffTask ? staffEmailOf(controller) : p.kind === 'manual' ? p.assigneeEmail : p.kind === 'email' ? p.contactEmail : '';
    const locale = controller.locales[0]!;
    const email = taskWithdrawnEmail({
      locale,
      controllerName: inLocale(controller.name, locale, controller).text,
      processorName: inLocale(p.name, locale, controller).text,
      requestReference: request.requestId,
    });
    const { marked } = await once((again) => sendEmail(to, again ? asRepeat(email, locale) : email, branchMail('withdrawal_notice', request, branch)));
    if (marked) await audit(branch.requestId, 'processor_told_of_withdrawal', 'system', { processorId: branch.processorId }, now);
    return 'email';
  }
  if (p.kind === 'opendsr') {
    if (!branch.externalId) return 'none';
    const known = await cancelRequest(p, branch.externalId);
    logger.info('OpenDSR request withdrawn', { requestId: branch.requestId, processorId: branch.processorId, known });
    return 'opendsr';
  }
  if (p.kind === 'webhook') {
    const body = JSON.stringify(inhouseWithdrawal(request, branch, withdrawnAt));
    const { marked } = await once(async () => {
      const res = await postSigned(p as WebhookProcessor, body);
      await res.body?.cancel().catch(() => undefined);
    });
    if (marked) await audit(branch.requestId, 'processor_told_of_withdrawal', 'system', { processorId: branch.processorId }, now);
    return 'webhook';
  }
  return 'none';
}
