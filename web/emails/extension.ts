/** Art. 12(3): the deadline is extended. */
import { multiLine } from '../html.ts';
import { formatDate, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { type Email, link, oneLine, p, quote, renderEmail, signature, strong } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/** Art. 12(3): the deadline is extended, by how many months, to when, and why (staff's words). */
export function extensionEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  months: number;
  reasons: string;
  newDueAt: string;
  statusUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.extension;
  const controller = oneLine(input.controllerName);
  const subject = oneLine(x.subject({ controller }));
  const intro = x.intro({ controller, what: t.email.requestShort[right(input.type)] });
  const newDue = x.newDue({ months: input.months, date: formatDate(input.newDueAt, locale) });
  const reasons = multiLine(input.reasons);
  const c = t.email.completion;
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    p(strong(newDue)),
    reasons && quote(x.reasonsTitle, [{ text: reasons }]),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    sig,
  ]);
}
