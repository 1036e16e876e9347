/** Art. 12(6): staff ask the subject for more information. */
import { multiLine } from '../html.ts';
import { formatDate, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { type Email, link, oneLine, p, quote, referenceLine, renderEmail, signature, strong, withReference } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/**
 * Art. 12(6): staff ask the subject for more. The question (staff's words), where to answer (the
 * status page, never by replying), and whether the deadline waits meanwhile.
 */
export function informationRequestEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  question: string;
  /** The request's reference: in the subject and the body. */
  requestReference: string;
  statusUrl: string;
  pausesClock: boolean;
  dueAt: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.infoRequest;
  const controller = oneLine(input.controllerName);
  const subject = withReference(t, x.subject({ controller }), input.requestReference);
  const intro = x.intro({ controller, what: t.email.requestShort[right(input.type)] });
  const question = multiLine(input.question);
  const clock = input.pausesClock === true ? x.pauses : x.runs({ date: formatDate(input.dueAt, locale) });
  const url = oneLine(input.statusUrl);
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    referenceLine(t, input.requestReference),
    quote(x.questionTitle, [{ text: question }]),
    p(x.howToAnswer),
    link(url, x.linkText),
    p(strong(clock)),
    sig,
  ]);
}
