/** To an email-only vendor's privacy contact (Art. 28(3)(e)). */
import type { BranchAction } from '../../functions/domain/request';
import { type Locale, type Right, safeLocale } from '../locale.ts';
import type { Correction, TaskIdentities } from '../tasks.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { taskTexts } from '../texts/task/index.ts';
import { type Email, link, oneLine, p, renderEmail, signature, strong } from './email.ts';
import { taskParts } from './task-parts.ts';

const TASK = /* @__PURE__ */ textsOf(mailTexts, taskTexts);

/**
 * To an email-only vendor's privacy contact (Art. 28(3)(e)): which controller asks, about whom,
 * what to do for this right and action (with the correction, for `rectify`), the one-time link to
 * answer through, and by when. The reminder variant says so in the subject and the first line.
 * Written in the controller's language.
 */
export function vendorRequestEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  type: Right;
  /** What the vendor is asked to do; by default the right's usual action. */
  action?: BranchAction;
  correction?: Correction;
  requestReference: string;
  identities: TaskIdentities;
  taskUrl: string;
  dueAt: string;
  reminder?: boolean;
}): Email {
  const locale = safeLocale(input.locale);
  const t = TASK[locale];
  const v = t.email.vendor;
  const k = t.email.task;
  const { type, todo, r, asked, url, due, person, correction } = taskParts(t, locale, input);
  const main = v.subject({ ...r, what: t.email.requestWhat[type] });
  const subject = oneLine(input.reminder ? `${v.reminder}: ${main}` : main);
  const sig = signature(t, r.controller);
  const intro = v.intro({ ...r, asked });

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    input.reminder && p(strong(v.reminderIntro)),
    p(intro),
    person,
    p(v.todo[todo]),
    correction,
    link(url, v.linkText),
    p(strong(due), ' ', k.linkOnce),
    p(k.reference(r)),
    sig,
  ]);
}
