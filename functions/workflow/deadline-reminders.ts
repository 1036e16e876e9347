import { type DeadlineStage, deadlineEmail, targetEmail } from '../../web/emails/deadline';
import { asRepeat } from '../../web/emails/email';
import { clockPaused } from '../domain/deadlines';
import { inLocale, staffEmailOf } from '../domain/register-schema';
import type { DsrRequest } from '../domain/request';
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

/** The internal target's reminder: when sending began, and when it went. */
const TARGET_MARKS = { startedAt: 'targetReminderStartedAt', sentAt: 'targetReminderAt' } as const satisfies Record<string, keyof DsrRequest>;

/** What an extension or a pause clears, so the reminders count towards the new dates. */
export const DEADLINE_REMINDER_MARKS: (keyof DsrRequest)[] = [
  ...Object.values(MARKS).flatMap((m) => [m.startedAt, m.sentAt]),
  TARGET_MARKS.startedAt,
  TARGET_MARKS.sentAt,
];

/**
 * Whether staff are reminded of the internal target at `now`: from the start of its (UTC) day, so
 * there is still time to meet it, while the legal deadline has not passed (the overdue alert says more).
 */
export function targetReminderDue(request: Pick<DsrRequest, 'targetAt' | 'dueAt'>, now: Date): boolean {
  if (!request.targetAt || !request.dueAt) return false;
  const today = now.toISOString().slice(0, 10);
  return today >= request.targetAt.slice(0, 10) && now.toISOString() <= request.dueAt;
}

/**
 * Reminds staff once that a request's internal target (the register's `target`) is due today, or
 * passed, through the outbox like the deadline reminders. It alerts nobody: the request is not overdue.
 */
export async function remindOfTarget(
  request: Pick<DsrRequest, 'requestId' | 'dueAt' | 'targetAt' | 'infoRequest' | 'fee'>,
  controller: Controller,
  now = new Date(),
): Promise<boolean> {
  if (clockPaused(request) || !targetReminderDue(request, now)) return false;
  const locale = controller.locales[0]!;
  const email = targetEmail({
    locale,
    controllerName: inLocale(controller.name, locale, controller).text,
    requestReference: request.requestId,
    targetAt: request.targetAt!,
    dueAt: request.dueAt!,
    consoleUrl: links.console(request.requestId),
  });
  const { outcome } = await sendOnce({
    message: { owner: requestOwner(request.requestId), ...TARGET_MARKS },
    event: { event: 'target_reminder', actor: 'system', detail: { targetAt: request.targetAt! } },
    staleAfterMs: CLAIM_TIMEOUT_MS,
    at: now,
    send: (again) =>
      sendEmail(staffEmailOf(controller), again ? asRepeat(email, locale) : email, {
        kind: 'staff',
        controllerId: controller.id,
        requestId: request.requestId,
      }),
  });
  if (outcome === 'skipped') return false;
  return true;
}

/**
 * Reminds the DPO of an unanswered request 7 and 2 days before its deadline, and alerts once it
 * has passed. Each once, through the outbox: two sweeps at once send one, and a reminder a crash
 * cut short goes again, marked, once its claim ran out (while its stage is still the one due).
 */
export async function remindOfDeadline(
  request: Pick<DsrRequest, 'requestId' | 'dueAt' | 'infoRequest' | 'fee'>,
  controller: Controller,
  now = new Date(),
): Promise<DeadlineStage | undefined> {
  // While the clock waits (a question, a fee), the date on the request is not the one it will be answered by.
  if (!request.dueAt || clockPaused(request)) return undefined;
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
  const { outcome } = await sendOnce({
    message: { owner: requestOwner(request.requestId), ...MARKS[stage] },
    event: { event: 'deadline_reminder', actor: 'system', detail: { stage } },
    staleAfterMs: CLAIM_TIMEOUT_MS,
    at: now,
    send: (again) =>
      sendEmail(controller.dpoEmail, again ? asRepeat(email, locale) : email, { kind: 'dpo', controllerId: controller.id, requestId: request.requestId }),
  });
  if (outcome === 'skipped') return undefined;
  return stage;
}
