/** Art. 12(5)(a): staff charge a reasonable fee before the request is answered. */
import { multiLine } from '../html.ts';
import { inlineSentence, type Text } from '../local-text.ts';
import { formatMoney, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { oneLineText } from './completion.ts';
import { type Email, link, oneLine, p, quote, referenceLine, renderEmail, signature, strong, withReference } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/**
 * Art. 12(5)(a): the fee (amount in the reader's way of writing money), staff's reason, whom to ask
 * how to pay, that the deadline waits until it is paid, that the request may be withdrawn instead,
 * and where to complain of the fee (Art. 77), as after any answer.
 */
export function feeEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  /** The request's reference: in the subject and the body. */
  requestReference: string;
  statusUrl: string;
  /** A decimal string, e.g. "25.00", and its ISO 4217 currency. */
  amount: string;
  currency: string;
  reason: string;
  dpoEmail: string;
  /** The lead authority: its name from the register, in the email's language or marked with the one it fell back to. */
  supervisoryAuthority: { name: Text; url: string };
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.fee;
  const controller = oneLine(input.controllerName);
  const subject = withReference(t, x.subject({ controller }), input.requestReference);
  const amount = formatMoney(input.amount, input.currency, locale);
  const k = t.email.complaints;
  const authorityUrl = oneLine(input.supervisoryAuthority.url);
  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(x.intro({ controller, what: t.email.requestShort[right(input.type)], amount })),
    referenceLine(t, input.requestReference),
    quote(x.reasonTitle, [{ text: multiLine(input.reason) }]),
    p(strong(x.pauses)),
    p(x.howToPay({ dpoEmail: oneLine(input.dpoEmail) })),
    p(x.withdraw),
    link(oneLine(input.statusUrl), x.linkText),
    link(authorityUrl, authorityUrl, [`${k.completionIntro} `, ...inlineSentence(k.lead, { authority: oneLineText(input.supervisoryAuthority.name) }, locale)]),
    p(k.ownState),
    signature(t, controller),
  ]);
}
