/** To staff: the subject answered their question. */
import { type Locale, safeLocale } from '../locale.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { staffMailTexts } from '../texts/staff-mail/index.ts';
import { type Email, oneLine } from './email.ts';
import { staffNotice } from './staff-notice.ts';

const STAFF = /* @__PURE__ */ textsOf(mailTexts, staffMailTexts);

/** To staff: the subject answered their question (Art. 12(6)); the answer itself is in the console only. */
export function subjectAnsweredEmail(input: { locale: Locale; controllerName: string; requestReference: string; consoleUrl: string }): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.subjectAnswered;
  const r = { controller: oneLine(input.controllerName), processor: '', reference: oneLine(input.requestReference) };
  return staffNotice(locale, x.subject(r), [x.intro(r)], undefined, input.consoleUrl, t.email.reviewWaiting.link, t.email.reviewWaiting.linkText);
}
