/** To the staff member a manual task is assigned to. */
import type { BranchAction } from '../../functions/domain/request';
import { multiLine } from '../html.ts';
import { type Locale, type Right, safeLocale } from '../locale.ts';
import type { Correction, TaskIdentities } from '../tasks.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { taskTexts } from '../texts/task/index.ts';
import { type Email, link, oneLine, p, quote, renderEmail, signature, strong } from './email.ts';
import { taskParts } from './task-parts.ts';

const TASK = /* @__PURE__ */ textsOf(mailTexts, taskTexts);

/**
 * To the staff member a manual task is assigned to: the request, what this action asks (with the
 * correction, for `rectify`), the register's instructions, who it is about, and the one-time link
 * to record the outcome with a note.
 */
export function staffTaskEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  type: Right;
  /** What the task is; by default the right's usual action. */
  action?: BranchAction;
  correction?: Correction;
  requestReference: string;
  /** The register's instructions (a manual processor); a staff task at another kind of processor has none. */
  instructions?: string;
  identities: TaskIdentities & { email: string };
  taskUrl: string;
  dueAt: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = TASK[locale];
  const s = t.email.staff;
  const k = t.email.task;
  const { type, todo, r, asked, url, due, person, correction } = taskParts(t, locale, input);
  const subject = oneLine(s.subject({ ...r, what: t.email.requestShort[type] }));
  const instructions = multiLine(input.instructions);
  const sig = signature(t, r.controller);
  const intro = s.intro({ ...r, asked });

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    p(strong(s.action[todo])),
    correction,
    instructions && quote(s.instructionsTitle, [{ text: instructions }]),
    person,
    p(s.finish),
    link(url, s.linkText),
    p(strong(due), ' ', k.linkOnce),
    p(k.reference(r)),
    sig,
  ]);
}
