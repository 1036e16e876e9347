/** A processor's answer the subject was told was wrong: what is right, and why it changed. */
import { inlineSentence, inlineText, plainText } from '../local-text.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { type Outcome, outcomePhrase } from './completion.ts';
import { type Email, link, list, mailto, oneLine, p, referenceLine, renderEmail, signature, withReference } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/**
 * Staff corrected a processor's answer after the subject had the result: the email says which
 * system, what is right now (in the completion email's words) and staff's reason.
 */
export function answerCorrectionEmail(input: {
  locale: Locale;
  controllerName: string;
  requestReference: string;
  outcome: Outcome;
  why: string;
  statusUrl: string;
  dpoEmail: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.answerCorrection;
  const controller = oneLine(input.controllerName);
  const system = input.outcome.processorName;
  return renderEmail(locale, withReference(t, x.subject({ controller }), input.requestReference), [
    p(t.email.greeting),
    p(
      ...inlineSentence(
        x.intro,
        { controller, system: typeof system === 'string' ? oneLine(system) : { ...system, text: oneLine(plainText(system)) } },
        locale,
      ),
    ),
    referenceLine(t, input.requestReference),
    list(x.nowTitle, [[inlineText(system, locale, true), ': ', ...outcomePhrase(t, locale, input.outcome)]]),
    p(x.why({ why: input.why })),
    p(x.sorry),
    link(input.statusUrl, t.common.statusLink, t.email.completion.statusIntro),
    mailto(oneLine(input.dpoEmail), t.email.completion.questions),
    signature(t, controller),
  ]);
}
