import { type DeadlineStage, deadlineEmail } from '../../web/emails/deadline';
import type { DsrRequest } from '../domain/request';
import { audit } from '../platform/data/audit';
import { setOnce } from '../platform/data/requests';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
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

const FLAG: Record<DeadlineStage, keyof DsrRequest> = {
  in_7_days: 'dueReminder7At',
  in_2_days: 'dueReminder2At',
  overdue: 'overdueAlertedAt',
};

/**
 * Reminds the DPO of an unanswered request 7 and 2 days before its deadline, and alerts once it
 * has passed. Each once: the flag is claimed with a conditional write before the email goes.
 */
export async function remindOfDeadline(
  request: Pick<DsrRequest, 'requestId' | 'dueAt'>,
  controller: Controller,
  now = new Date(),
): Promise<DeadlineStage | undefined> {
  if (!request.dueAt) return undefined;
  const stage = deadlineStage(request.dueAt, now);
  if (!stage) return undefined;
  const flag = FLAG[stage];
  if (!(await setOnce(request.requestId, flag, { [flag]: now.toISOString() }))) return undefined;
  await sendEmail(
    controller.dpoEmail,
    deadlineEmail({
      locale: controller.locales[0]!,
      controllerName: controller.name,
      requestReference: request.requestId,
      stage,
      dueAt: request.dueAt,
      consoleUrl: links.console(request.requestId),
    }),
  );
  await audit(request.requestId, 'deadline_reminder', 'system', { stage }, now);
  return stage;
}
