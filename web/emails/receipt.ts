/** The receipt of a confirmed request. */
import { formatDate, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { requestTexts } from '../texts/request/index.ts';
import { siteTexts } from '../texts/site/index.ts';
import { type Email, facts, link, mailto, oneLine, p, renderEmail, signature, strong, withReference } from './email.ts';

const RECEIPT = /* @__PURE__ */ textsOf(siteTexts, mailTexts, requestTexts);

/**
 * To the subject, in their language, once, right after they confirmed: the reference, what they
 * asked for (the kind of request and the right, in plain words), by when the answer is due and
 * why it may take longer, what comes next, the status link and whom to ask. No personal data
 * but the reference (the address it goes to is theirs).
 */
export function requestReceiptEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  requestReference: string;
  dueAt: string;
  statusUrl: string;
  dpoEmail: string;
  /** A request staff recorded: how and when it reached them, and whether the person confirmed it by the link (else staff attested who asked). */
  entered?: { channel: 'letter' | 'phone' | 'email' | 'in_person'; receivedAt: string; confirmedByLink: boolean };
}): Email {
  const locale = safeLocale(input.locale);
  const t = RECEIPT[locale];
  const r = t.receipt;
  const type = right(input.type);
  const controller = oneLine(input.controllerName);
  const reference = oneLine(input.requestReference);
  const entered = input.entered && { channel: r.entered.channels[input.entered.channel], date: formatDate(input.entered.receivedAt, locale) };
  // Recorded by staff without the person's click, the email must not thank them for confirming.
  const attested = entered && !input.entered!.confirmedByLink;
  return renderEmail(locale, withReference(t, attested ? r.entered.subject({ controller }) : r.subject({ controller }), reference), [
    p(t.email.greeting),
    p(strong(attested ? r.entered.intro({ controller, ...entered }) : r.intro({ controller }))),
    facts(r.factsTitle, [
      [r.reference, reference],
      [r.type, t.requestType[type]],
      [r.right, t.rights[type].title],
      ...(entered ? [[r.entered.received, r.entered.how(entered)] as [string, string]] : []),
      [r.due, formatDate(input.dueAt, locale)],
    ]),
    p(t.rights[type].summary),
    p(t.confirmed.next[type]),
    p(r.deadline),
    link(input.statusUrl, t.common.statusLink, r.statusIntro),
    mailto(oneLine(input.dpoEmail), t.status.questions),
    p(r.keep),
    signature(t, controller),
  ]);
}
