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
}): Email {
  const locale = safeLocale(input.locale);
  const t = RECEIPT[locale];
  const r = t.receipt;
  const type = right(input.type);
  const controller = oneLine(input.controllerName);
  const reference = oneLine(input.requestReference);
  return renderEmail(locale, withReference(t, r.subject({ controller }), reference), [
    p(t.email.greeting),
    p(strong(r.intro({ controller }))),
    facts(r.factsTitle, [
      [r.reference, reference],
      [r.type, t.requestType[type]],
      [r.right, t.rights[type].title],
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
