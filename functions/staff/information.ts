import { subjectAnsweredEmail } from '../../web/emails/subject-answered';
import { pausedDeadlines } from '../domain/deadlines';
import { inLocale, staffEmailOf } from '../domain/register-schema';
import type { DsrRequest } from '../domain/request';
import { audit } from '../platform/data/audit';
import { and, eq, exists, notExists } from '../platform/data/expressions';
import { updateRequestIf } from '../platform/data/requests';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import type { Controller } from '../platform/register';
import { DEADLINE_REMINDER_MARKS } from '../workflow/deadline-reminders';

/**
 * The subject answers staff's request for more information (Art. 12(6)). Recorded once, guarded by
 * the question still being open; when the register says the clock pauses meanwhile, the deadline
 * moves on by the time the question waited. Staff are told, with a console link (no answer in the
 * email: it may hold personal data). Returns false when there was no open question.
 */
export async function answerInformationRequest(request: DsrRequest, controller: Controller, answer: string, now = new Date()): Promise<boolean> {
  const question = request.infoRequest;
  if (!question || question.answeredAt) return false;
  const at = now.toISOString();
  const pausedMs = now.getTime() - Date.parse(question.at);
  const moved =
    question.pausesClock && request.dueAt
      ? pausedDeadlines({ dueAt: request.dueAt, targetAt: request.targetAt }, { pausedAt: new Date(question.at), resumedAt: now }, controller)
      : undefined;
  const newDue = moved?.dueAt;
  const answered = await updateRequestIf(
    request.requestId,
    {
      set: {
        infoRequest: { ...question, answeredAt: at, answer },
        ...(moved ? { dueAt: moved.dueAt, ...(moved.targetAt ? { targetAt: moved.targetAt } : {}), ...(request.openCtl ? { openDue: moved.dueAt } : {}) } : {}),
      },
      // The reminders count towards the moved dates.
      ...(moved ? { remove: [...DEADLINE_REMINDER_MARKS, ...(moved.targetAt ? [] : (['targetAt'] as const))] } : {}),
    },
    and(exists('infoRequest'), notExists(['infoRequest', 'answeredAt']), eq(['infoRequest', 'at'], question.at)),
  );
  if (!answered) return false;
  await audit(
    request.requestId,
    'information_provided',
    'subject',
    { clockPaused: !!newDue, ...(newDue ? { pausedHours: Math.round(pausedMs / 3_600_000) } : {}) },
    now,
  );
  await sendEmail(
    staffEmailOf(controller),
    subjectAnsweredEmail({
      locale: controller.locales[0]!,
      controllerName: inLocale(controller.name, controller.locales[0]!, controller).text,
      requestReference: request.requestId,
      consoleUrl: links.console(request.requestId),
    }),
    { kind: 'staff', controllerId: controller.id, requestId: request.requestId },
  );
  return true;
}
