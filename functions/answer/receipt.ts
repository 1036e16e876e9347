import { asRepeat } from '../../web/emails/email';
import { requestReceiptEmail } from '../../web/emails/receipt';
import { inLocale } from '../domain/register-schema';
import type { DsrRequest } from '../domain/request';
import { links } from '../platform/links';
import { errorClass, logger } from '../platform/log';
import { sendEmail, subjectMail } from '../platform/mailer';
import { CLAIM_TIMEOUT_MS, requestOwner, sendOnce } from '../platform/outbox';
import type { Controller } from '../platform/register';

/**
 * Whether the subject is still owed the receipt of their confirmation: confirmed through the
 * verification link or recorded by staff who attested the identity (a one-click unsubscribe and a mailing tool's event are answered by their
 * result alone), not sent yet, and the request still open with its address.
 */
export function receiptOwed(request: DsrRequest): boolean {
  return (
    (request.verifyTokenUsedHash !== undefined || request.entry?.identity.method === 'attested') &&
    request.receiptSentAt === undefined &&
    request.dueAt !== undefined &&
    Boolean(request.email) &&
    !request.personalDataErasedAt &&
    ['received', 'in_review', 'in_progress'].includes(request.status)
  );
}

/**
 * The receipt of a confirmed request, once, through the outbox (`receiptStartedAt`, then
 * `receiptSentAt`): the verify step sends it; Route, which runs next for every confirmed request
 * (and again on a re-drive), sends what a failed or cut-short attempt left unsent. A failure is
 * logged, never thrown: the request goes on without its receipt rather than not at all.
 */
export async function sendReceipt(request: DsrRequest, controller: Controller, now = new Date()): Promise<void> {
  if (!receiptOwed(request)) return;
  try {
    const email = requestReceiptEmail({
      locale: request.locale,
      controllerName: inLocale(controller.name, request.locale, controller).text,
      type: request.type,
      requestReference: request.requestId,
      dueAt: request.dueAt!,
      statusUrl: links.status(request.requestId, request.statusKey),
      dpoEmail: controller.dpoEmail,
      ...(request.entry
        ? {
            entered: {
              channel: request.entry.channel,
              receivedAt: request.entry.receivedAt,
              confirmedByLink: request.entry.identity.method === 'verification_email',
            },
          }
        : {}),
    });
    await sendOnce({
      message: { owner: requestOwner(request.requestId), startedAt: 'receiptStartedAt', sentAt: 'receiptSentAt' },
      event: { event: 'subject_notice_sent', actor: 'system', detail: { notice: 'receipt' } },
      // The verify step and Route may try at once: only a claim older than any run was cut short.
      staleAfterMs: CLAIM_TIMEOUT_MS,
      at: now,
      send: (again) => sendEmail(request.email, again ? asRepeat(email, request.locale) : email, subjectMail(request)),
    });
  } catch (err) {
    logger.warn('receipt not sent', { requestId: request.requestId, errorClass: errorClass(err) });
  }
}
