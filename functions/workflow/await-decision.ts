import { asRepeat } from '../../web/emails/email';
import { reviewWaitingEmail } from '../../web/emails/review-waiting';
import { inLocale, staffEmailOf } from '../domain/register-schema';
import { eq } from '../platform/data/expressions';
import { updateRequestIf } from '../platform/data/requests';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import { requestOwner, sendOnce } from '../platform/outbox';
import { loadRequest, type RequestRef } from './requests';
import { resumeReview } from './routing';

/**
 * Step `AwaitDecision` (waitForTaskToken): records the token the decision will resume, and emails
 * staff once per review with a console link (the outbox's `reviewNotifyStartedAt`/`reviewNotifiedAt`). A review decided before the token was recorded is
 * resumed at once: the token write is guarded by the request still being in review.
 */
export async function awaitDecision({ requestId, taskToken }: RequestRef & { taskToken: string }, now = new Date()): Promise<void> {
  const { request, controller } = await loadRequest(requestId);
  const waiting =
    request.status === 'in_review' ? await updateRequestIf(requestId, { set: { reviewTaskToken: taskToken } }, eq('status', 'in_review')) : undefined;
  if (!waiting) {
    await resumeReview(requestId, taskToken);
    return;
  }
  if (waiting.reviewNotifiedAt) return;
  const locale = controller.locales[0]!;
  const email = reviewWaitingEmail({
    locale,
    controllerName: inLocale(controller.name, locale, controller).text,
    requestReference: requestId,
    type: request.type,
    reasons: waiting.reviewReasons ?? [],
    dueAt: waiting.dueAt!,
    consoleUrl: links.console(requestId),
  });
  // Through the outbox: this step runs once at a time, so a claim it finds was cut short by a crash.
  await sendOnce({
    message: { owner: requestOwner(requestId), startedAt: 'reviewNotifyStartedAt', sentAt: 'reviewNotifiedAt' },
    event: { event: 'staff_notified', actor: 'workflow', detail: { stage: waiting.reviewStage ?? 'screening' } },
    staleAfterMs: 0,
    at: now,
    send: (again) => sendEmail(staffEmailOf(controller), again ? asRepeat(email, locale) : email, { kind: 'staff', controllerId: controller.id, requestId }),
  });
}
