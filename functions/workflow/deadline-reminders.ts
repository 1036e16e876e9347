import { type DeadlineStage, deadlineEmail } from '../../web/emails/deadline';
import { asRepeat } from '../../web/emails/email';
import { inLocale } from '../domain/register-schema';
import type { DsrRequest } from '../domain/request';
import { audit } from '../platform/data/audit';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import { CLAIM_TIMEOUT_MS, requestOwner, sendOnce } from '../platform/outbox';
import type { Controller } from '../platform/register';

const DAY_MS = 86_400_000;

/** Which reminder is due at `now` for a request due at `dueAt`, if any. */
export function deadlineStage(dueAt: string, now: Date): DeadlineStage | undefined {
  const left = Date.parse(dueAt) - now.getTime();
  if (left < 0) return 'overdue';
  if (left <= 2 * DAY_MS) return 'in_2_days';
  if (left <= 7 * DAY_MS) return 'in_7_days';
  return undefined;
}

/** Each reminder's marks on the request: when sending began, and when it went. */
const MARKS: Record<DeadlineStage, { startedAt: keyof DsrRequest; sentAt: keyof DsrRequest }> = {
  in_7_days: { startedAt: 'dueReminder7StartedAt', sentAt: 'dueReminder7At' },
  in_2_days: { startedAt: 'dueReminder2StartedAt', sentAt: 'dueReminder2At' },
  overdue: { startedAt: 'overdueAlertStartedAt', sentAt: 'overdueAlertedAt' },
};

/** What an extension clears, so the reminders count towards the new date. */
export const DEADLINE_REMINDER_MARKS = Object.values(MARKS).flatMap((m) => [m.startedAt, m.sentAt]);

/**
 * Reminds the DPO of an unanswered request 7 and 2 days before its deadline, and alerts once it
 * has passed. Each once, through the outbox: two sweeps at once send one, and a reminder a crash
 * cut short goes again, marked, once its claim ran out (while its stage is still the one due).
 */
export async function remindOfDeadline(
  request: Pick<DsrRequest, 'requestId' | 'dueAt'>,
  controller: Controller,
  now = new Date(),
): Promise<DeadlineStage | undefined> {
  if (!request.dueAt) return undefined;
  const stage = deadlineStage(request.dueAt, now);
  if (!stage) return undefined;
  const locale = controller.locales[0]!;
  const email = deadlineEmail({
    locale,
    controllerName: inLocale(controller.name, locale, controller).text,
    requestReference: request.requestId,
    stage,
    dueAt: request.dueAt,
    consoleUrl: links.console(request.requestId),
  });
  const { outcome, marked } = await sendOnce({
    message: { owner: requestOwner(request.requestId), ...MARKS[stage] },
    staleAfterMs: CLAIM_TIMEOUT_MS,
    at: now,
    send: (again) =>
      sendEmail(controller.dpoEmail, again ? asRepeat(email, locale) : email, { kind: 'dpo', controllerId: controller.id, requestId: request.requestId }),
  });
  if (outcome === 'skipped') return undefined;
  if (marked) await audit(request.requestId, 'deadline_reminder', 'system', { stage }, now);
  return stage;
}
