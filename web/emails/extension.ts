/** Art. 12(3): the deadline is extended. */
import { multiLine } from '../html.ts';
import { formatDate, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { type Email, link, oneLine, p, quote, referenceLine, renderEmail, signature, strong, withReference } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/** Art. 12(3): the deadline is extended, by how many months, to when, and why (staff's words). */
export function extensionEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  months: number;
  reasons: string;
  newDueAt: string;
  /** The request's reference: in the subject and the body. */
  requestReference: string;
  statusUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.extension;
  const controller = oneLine(input.controllerName);
  const subject = withReference(t, x.subject({ controller }), input.requestReference);
  const intro = x.intro({ controller, what: t.email.requestShort[right(input.type)] });
  const newDue = x.newDue({ months: input.months, date: formatDate(input.newDueAt, locale) });
  const reasons = multiLine(input.reasons);
  const c = t.email.completion;
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    referenceLine(t, input.requestReference),
    p(strong(newDue)),
    reasons && quote(x.reasonsTitle, [{ text: reasons }]),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    sig,
  ]);
}
