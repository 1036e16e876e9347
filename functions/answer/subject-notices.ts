import { answerCorrectionEmail } from '../../web/emails/answer-correction';
import { asRepeat, type Email } from '../../web/emails/email';
import { extensionEmail } from '../../web/emails/extension';
import { feeEmail } from '../../web/emails/fee';
import { informationRequestEmail } from '../../web/emails/information-request';
import { restrictionLiftNoticeEmail } from '../../web/emails/restriction-lift';
import { inLocaleOf } from '../domain/register-schema';
import type { Branch, DsrRequest } from '../domain/request';
import { getRequestWithBranches } from '../platform/data/requests';
import { links } from '../platform/links';
import { errorClass, logger } from '../platform/log';
import { sendEmail, subjectMail } from '../platform/mailer';
import { requestOwner, sendOnce } from '../platform/outbox';
import { type Controller, processorNameIn } from '../platform/register';
import { done, type SubjectNotice, schedule } from '../retention/scheduled-erasures';

/** The decisions whose facts the subject must be told of (Art. 12(3), 12(5)(a), 12(6), 18(3), and a corrected answer). */
export const NOTICE_FACTS = ['extension', 'fee', 'infoRequest', 'restrictionLift', 'answerCorrection'] as const;
export type NoticeFact = (typeof NOTICE_FACTS)[number];

/** Notices recorded but not yet sent: the decision is written first, the email follows. */
export const pendingNotices = (request: Pick<DsrRequest, NoticeFact>): NoticeFact[] =>
  NOTICE_FACTS.filter((fact) => request[fact] && !request[fact]!.notifiedAt);

function noticeEmail(fact: NoticeFact, request: DsrRequest, controller: Controller, branches: Branch[]): Email {
  const say = inLocaleOf(controller, request.locale);
  const common = {
    locale: request.locale,
    controllerName: say(controller.name).text,
    requestReference: request.requestId,
    statusUrl: links.status(request.requestId, request.statusKey),
  };
  switch (fact) {
    case 'extension': {
      const e = request.extension!;
      return extensionEmail({ ...common, type: request.type, months: e.months, reasons: e.reasons, newDueAt: request.dueAt! });
    }
    case 'fee': {
      const f = request.fee!;
      return feeEmail({
        ...common,
        type: request.type,
        amount: f.amount,
        currency: f.currency,
        reason: f.reason,
        dpoEmail: controller.dpoEmail,
        supervisoryAuthority: { name: say(controller.supervisoryAuthority.name), url: controller.supervisoryAuthority.url },
      });
    }
    case 'infoRequest': {
      const q = request.infoRequest!;
      return informationRequestEmail({ ...common, type: request.type, question: q.text, pausesClock: q.pausesClock, dueAt: request.dueAt! });
    }
    case 'answerCorrection': {
      const c = request.answerCorrection!;
      const b = branches.find((x) => x.processorId === c.processorId);
      return answerCorrectionEmail({
        ...common,
        dpoEmail: controller.dpoEmail,
        why: c.why,
        outcome: {
          processorName: processorNameIn(controller, c.processorId, request.locale),
          status: 'completed',
          action: b?.action ?? 'erase',
          ...(b?.recordCount !== undefined ? { recordCount: b.recordCount } : {}),
          ...(b?.answer ? { answer: b.answer } : {}),
        },
      });
    }
    case 'restrictionLift': {
      const restricted = branches.filter((b) => b.action === 'restrict' && b.status === 'completed');
      return restrictionLiftNoticeEmail({
        ...common,
        liftAt: request.restrictionLift!.liftAt,
        processorNames: restricted.map((b) => processorNameIn(controller, b.processorId, request.locale).text),
      });
    }
  }
}

/**
 * Sends the subject every notice a staff decision recorded and that has not gone out yet, then
 * marks it sent. Staff decisions call it at once; the sweep calls it again for whatever an outage
 * left unsent, so a recorded decision is never left untold (a crash between sending and marking
 * sends it again, marked as such: at least once, never none). Returns how many were sent.
 */
export async function sendPendingNotices(request: DsrRequest, controller: Controller, branches: Branch[], now = new Date()): Promise<number> {
  let sent = 0;
  for (const fact of pendingNotices(request)) {
    // A question answered before its email went out needs no email any more.
    if (fact === 'infoRequest' && request.infoRequest?.answeredAt) continue;
    // Nor does a fee paid before its email went out, or one of a request no longer waiting for it (withdrawn, refused).
    if (fact === 'fee' && (request.fee?.paidAt || request.status !== 'in_review')) continue;
    // Through the outbox, on the decision's fact. Staff's decision and the sweep may both try: a
    // claim found standing may have sent, so the attempt that takes it over says it is sent again.
    const email = noticeEmail(fact, request, controller, branches);
    const { marked } = await sendOnce({
      message: { owner: requestOwner(request.requestId), startedAt: [fact, 'sendStartedAt'], sentAt: [fact, 'notifiedAt'] },
      event: { event: 'subject_notice_sent', actor: 'system', detail: { notice: fact } },
      staleAfterMs: 0,
      at: now,
      send: (again) => sendEmail(request.email, again ? asRepeat(email, request.locale) : email, subjectMail(request)),
    });
    if (marked) sent++;
  }
  return sent;
}

/** Keeps a notice until it is sent; call before recording the decision it tells of. */
export async function holdNotice(controllerId: string, requestId: string, now = new Date()): Promise<SubjectNotice> {
  const notice: SubjectNotice = { kind: 'subject_notice', controllerId, requestId, processorId: 'subject', dueAt: now.toISOString() };
  await schedule(notice);
  return notice;
}

/**
 * Sends what a decision recorded and lets go of the held notice. Called right after the decision
 * and by the sweep; a failure leaves the notice held for the next sweep (staff still get their answer).
 */
export async function deliverNotice(notice: SubjectNotice, controller: Controller, now = new Date()): Promise<void> {
  try {
    const { request, branches } = await getRequestWithBranches(notice.requestId);
    if (request) await sendPendingNotices(request, controller, branches, now);
    await done(notice);
  } catch (err) {
    logger.warn('subject notice left for the sweep', { requestId: notice.requestId, errorClass: errorClass(err) });
  }
}
