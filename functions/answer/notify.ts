import { completionEmail } from '../../web/emails/completion';
import { asRepeat } from '../../web/emails/email';
import { inLocaleOf } from '../domain/register-schema';
import type { AuditEvent, Branch, DsrRequest } from '../domain/request';
import { MODES } from '../domain/rights';
import { setting } from '../platform/config';
import { updateRequest } from '../platform/data/requests';
import { links } from '../platform/links';
import { type Email, sendEmail, subjectMail } from '../platform/mailer';
import { requestOwner, sendOnce } from '../platform/outbox';
import { type Controller, findProcessor, inDeclaredOrder, type Processor } from '../platform/register';
import { hashToken, newToken } from '../platform/tokens';
import { refusalEmailFor } from '../staff/decisions';

/**
 * Sends the subject's answer once, through the outbox (`notifyStartedAt`, then `notifiedAt`). SES
 * cannot deduplicate, so an attempt that finds sending begun and never recorded follows a crash
 * between the two: the email may have gone, and rather than risk sending none this one goes marked
 * as sent again. NotifySubject runs once at a time, so any claim it finds was cut short. `email`
 * is built only once this attempt holds the claim. `subject_notified` (with `detail`) is owed with the mark.
 */
async function sendAnswer(request: DsrRequest, email: () => Promise<Email>, at: Date, detail: AuditEvent['detail']): Promise<void> {
  await sendOnce({
    message: { owner: requestOwner(request.requestId), startedAt: 'notifyStartedAt', sentAt: 'notifiedAt' },
    staleAfterMs: 0,
    at,
    event: { event: 'subject_notified', actor: 'workflow', detail },
    send: async (again) => {
      const answer = await email();
      await sendEmail(request.email, again ? asRepeat(answer, request.locale) : answer, subjectMail(request));
    },
  });
}

/**
 * Tells the subject the outcome: for access and portability the one download link (and where a
 * portability package was sent), for the other rights what was done at each processor, with the
 * purposes withdrawn or the kind of objection. Sent once: a request that records `notifiedAt` is not emailed again.
 */
export async function notifySubject(request: DsrRequest, controller: Controller, branches: Branch[], at = new Date()): Promise<void> {
  // Withdrawn: the subject saw it on the status page; there is no result to send.
  if (request.notifiedAt || request.status === 'cancelled') return;
  if (request.status === 'denied') {
    // Art. 12(4): the refusal with staff's reasons and the remedies, once.
    await sendAnswer(request, async () => refusalEmailFor(request, controller), at, { refused: true });
    return;
  }
  // A fresh token on every attempt that sends: only its hash is stored, so an earlier attempt's is unknown.
  const downloadLink = async (): Promise<{ downloadUrl: string; viewUrl?: string; downloadExpiresAt: string } | undefined> => {
    if ((request.type !== 'access' && request.type !== 'portability') || !request.packageKey) return undefined;
    const token = newToken();
    const downloadExpiresAt = new Date(at.getTime() + setting('DOWNLOAD_TTL_DAYS') * 86_400_000).toISOString();
    await updateRequest(request.requestId, { downloadTokenHash: hashToken(token), downloadExpiresAt });
    return {
      downloadUrl: links.download(request.requestId, token),
      ...(request.type === 'access' ? { viewUrl: links.packageView(request.requestId, token) } : {}),
      downloadExpiresAt,
    };
  };
  const say = inLocaleOf(controller, request.locale);
  const processorName = (id: string) => {
    const p = findProcessor(controller, id);
    return p ? say(p.name) : id;
  };
  const outcomes = inDeclaredOrder(controller, branches).map((b) => ({
    processorName: processorName(b.processorId),
    status: b.status === 'completed' ? ('completed' as const) : ('failed' as const),
    action: b.action,
    ...(b.recordCount !== undefined ? { recordCount: b.recordCount } : {}),
    ...(b.maskedCount !== undefined ? { maskedCount: b.maskedCount } : {}),
    ...(b.heldCount !== undefined
      ? { heldCount: b.heldCount, holdUntil: b.holdUntil, ...(b.holdBasis !== undefined ? { holdBasis: say(b.holdBasis) } : {}) }
      : {}),
    ...(b.suppressedUntil ? { suppressedUntil: b.suppressedUntil } : {}),
    ...(b.staffTask ? { staffTask: true } : {}),
    ...(b.answer ? { answer: b.answer } : {}),
    ...(b.notLookedUp?.length ? { notLookedUp: b.notLookedUp } : {}),
  }));
  // Art. 19: the other organisations we told of a change (correction, erasure, restriction) are those that confirmed it.
  const recipientsTold =
    request.type !== 'access' && request.type !== 'portability'
      ? inDeclaredOrder(controller, branches)
          .filter((b) => b.status === 'completed' && MODES[b.kind as Processor['kind']] !== 'sync' && b.kind !== 'manual')
          .map((b) => processorName(b.processorId))
      : [];
  const details = request.details ?? {};
  const target = request.transmittedAt && details.transmitTo ? controller.portabilityTargets.find((t) => t.id === details.transmitTo) : undefined;
  const transmittedTo = target ? say(target.name) : undefined;
  const consentPurposes = (details.consentPurposes ?? []).map((id) => {
    const purpose = controller.consentPurposes.find((p) => p.id === id);
    return purpose ? say(purpose.name) : id;
  });
  await sendAnswer(
    request,
    async () =>
      completionEmail({
        locale: request.locale,
        controllerName: say(controller.name),
        type: request.type,
        requestReference: request.requestId,
        statusUrl: links.status(request.requestId, request.statusKey),
        onTime: !request.dueAt || at.toISOString() <= request.dueAt,
        ...(await downloadLink()),
        outcomes,
        ...(recipientsTold.length ? { recipientsTold } : {}),
        ...(transmittedTo ? { transmittedTo } : {}),
        ...(consentPurposes.length ? { consentPurposes } : {}),
        ...(details.objection ? { objectionScope: details.objection.scope } : {}),
        supervisoryAuthority: { name: say(controller.supervisoryAuthority.name), url: controller.supervisoryAuthority.url },
        dpoEmail: controller.dpoEmail,
      }),
    at,
    { failedBranches: outcomes.filter((o) => o.status === 'failed').length },
  );
}
