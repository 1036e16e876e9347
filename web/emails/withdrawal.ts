/** Withdrawal: the subject's receipt, and the notice to a vendor or staff member who was still working on the request. */
import { formatDate, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { statusTexts } from '../texts/status/index.ts';
import { taskTexts } from '../texts/task/index.ts';
import { type Email, facts, link, oneLine, p, renderEmail, signature, strong } from './email.ts';

const SUBJECT = /* @__PURE__ */ textsOf(siteTexts, mailTexts, statusTexts);
const TASK = /* @__PURE__ */ textsOf(mailTexts, taskTexts);

/**
 * To the subject, in their language: the withdrawal is recorded, when, of which request; what was
 * done stays done, and whoever was still working on it was told to stop. No personal data but the
 * reference (the address it goes to is theirs).
 */
export function withdrawalReceiptEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  requestReference: string;
  withdrawnAt: string;
  statusUrl: string;
  formUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = SUBJECT[locale];
  const w = t.withdrawal.receipt;
  const controller = oneLine(input.controllerName);
  const reference = oneLine(input.requestReference);
  return renderEmail(locale, oneLine(w.subject({ controller, reference })), [
    p(t.email.greeting),
    p(strong(w.intro({ controller, date: formatDate(input.withdrawnAt, locale) }))),
    facts(w.factsTitle, [
      [w.reference, reference],
      [w.type, t.requestType[right(input.type)]],
    ]),
    p(w.done),
    link(input.formUrl, w.formLink, w.again),
    link(input.statusUrl, t.common.statusLink),
    signature(t, controller),
  ]);
}

/**
 * To the vendor's privacy contact or the staff member a request was sent to, in the controller's
 * language: the person withdrew it, so stop and do not answer. The reference only, no identities:
 * they have those from the first email, and need nothing more to find the request.
 */
export function taskWithdrawnEmail(input: { locale: Locale; controllerName: string; processorName: string; requestReference: string }): Email {
  const locale = safeLocale(input.locale);
  const t = TASK[locale];
  const w = t.email.withdrawn;
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  return renderEmail(locale, oneLine(w.subject(r)), [
    p(t.email.greeting),
    p(strong(w.intro(r))),
    p(w.nothingMore),
    p(t.email.task.reference(r)),
    signature(t, r.controller),
  ]);
}
