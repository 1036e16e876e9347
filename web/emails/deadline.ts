/** To the DPO: a request that is not answered nears its deadline, or has passed it. */
import { formatDateTime, type Locale, safeLocale } from '../locale.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { staffMailTexts } from '../texts/staff-mail/index.ts';
import { type Email, oneLine, p, renderEmail, strong } from './email.ts';
import { consoleLink } from './staff-notice.ts';

const STAFF = /* @__PURE__ */ textsOf(mailTexts, staffMailTexts);

/** How close a request is to its deadline when staff are reminded. */
export type DeadlineStage = 'in_7_days' | 'in_2_days' | 'overdue';

/**
 * To the DPO: a request that is not answered is due in 7 days, in 2 days, or overdue. Reference and
 * dates only, never the subject's personal data.
 */
export function deadlineEmail(input: {
  locale: Locale;
  controllerName: string;
  requestReference: string;
  stage: DeadlineStage;
  dueAt: string;
  consoleUrl?: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.deadline;
  const r = { controller: oneLine(input.controllerName), processor: '', reference: oneLine(input.requestReference) };
  const subject = oneLine(x.subject[input.stage](r));
  const due = x.due({ date: formatDateTime(input.dueAt, locale) });
  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(strong(x.intro[input.stage](r))),
    p(due),
    p(x.advice),
    consoleLink(t, input.consoleUrl),
    p(t.email.escalation.automatic),
  ]);
}

/**
 * To staff: the controller's internal target for a request (earlier than the law's) is today or
 * passed, and it is not answered. Said as a target, never as overdue. Reference and dates only.
 */
export function targetEmail(input: {
  locale: Locale;
  controllerName: string;
  requestReference: string;
  targetAt: string;
  dueAt: string;
  consoleUrl?: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.target;
  const r = { controller: oneLine(input.controllerName), processor: '', reference: oneLine(input.requestReference) };
  return renderEmail(locale, oneLine(x.subject(r)), [
    p(t.email.greeting),
    p(strong(x.intro(r))),
    p(x.target({ date: formatDateTime(input.targetAt, locale) })),
    p(x.due({ date: formatDateTime(input.dueAt, locale) })),
    consoleLink(t, input.consoleUrl),
    p(t.email.escalation.automatic),
  ]);
}
