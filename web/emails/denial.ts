/** A refusal (Art. 12(4)), and the default words of each refusal template. */
import type { DenialReason } from '../../functions/domain/request';
import { multiLine } from '../html.ts';
import { inlineSentence, type Text } from '../local-text.ts';
import { type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { oneLineText } from './completion.ts';
import { type Email, link, mailto, oneLine, p, quote, referenceLine, renderEmail, signature, strong, withReference } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/**
 * A refusal (Art. 12(4)): staff's reasons as they wrote them (line breaks kept), then the right to
 * lodge a complaint and to seek a judicial remedy: with the controller's lead supervisory authority,
 * named, or with the one where the person lives or works (Art. 77).
 */
export function denialEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  reasonText: string;
  /** The lead authority: its name from the register, in the email's language or marked with the one it fell back to. */
  supervisoryAuthority: { name: Text; url: string };
  dpoEmail: string;
  /** The request's reference: in the subject and the body. */
  requestReference: string;
  statusUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const d = t.email.denial;
  const c = t.email.completion;
  const controller = oneLine(input.controllerName);
  const subject = withReference(t, d.subject({ controller }), input.requestReference);
  const intro = d.intro({ controller, what: t.email.requestShort[right(input.type)] });
  const reasons = multiLine(input.reasonText);
  const k = t.email.complaints;
  const lead = inlineSentence(k.lead, { authority: oneLineText(input.supervisoryAuthority.name) }, locale);
  const authorityUrl = oneLine(input.supervisoryAuthority.url);
  const dpo = oneLine(input.dpoEmail);
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    referenceLine(t, input.requestReference),
    reasons && quote(d.reasonsTitle, [{ text: reasons }]),
    p(strong(k.denialIntro)),
    link(authorityUrl, authorityUrl, lead),
    p(k.ownState),
    mailto(dpo, c.questions),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    sig,
  ]);
}

/**
 * The default text of a refusal template in the subject's language, which staff edit before it is
 * sent. `processor_only` names the customer when the subject gave one; `other` starts empty.
 */
export function denialReasonText(reason: DenialReason, locale: Locale, ctx: { controllerName: string; viaCustomer?: string }): string {
  if (reason === 'other') return '';
  const template = answerTexts[safeLocale(locale)].email.denialReason[reason];
  if (!template) return '';
  const customer = ctx.viaCustomer ? oneLine(ctx.viaCustomer) : undefined;
  return template({ controller: oneLine(ctx.controllerName), ...(customer ? { customer } : {}) });
}
