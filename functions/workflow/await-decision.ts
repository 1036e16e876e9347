import { reviewWaitingEmail } from '../../web/emails/review-waiting';
import { staffEmailOf } from '../domain/register-schema';
import { audit } from '../platform/data/audit';
import { eq } from '../platform/data/expressions';
import { setOnce, updateRequestIf } from '../platform/data/requests';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import { loadRequest, type RequestRef } from './requests';
import { resumeReview } from './review';

/**
 * Step `AwaitDecision` (waitForTaskToken): records the token the decision will resume, and emails
 * staff once per review with a console link. A review decided before the token was recorded is
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
  await sendEmail(
    staffEmailOf(controller),
    reviewWaitingEmail({
      locale: controller.locales[0]!,
      controllerName: controller.name,
      requestReference: requestId,
      type: request.type,
      reasons: waiting.reviewReasons ?? [],
      dueAt: waiting.dueAt!,
      consoleUrl: links.console(requestId),
    }),
  );
  if (await setOnce(requestId, 'reviewNotifiedAt', { reviewNotifiedAt: now.toISOString() })) {
    await audit(requestId, 'staff_notified', 'workflow', { stage: waiting.reviewStage ?? 'screening' }, now);
  }
}
