/** The frame of the emails to staff that carry no personal data. */
import type { Locale } from '../locale.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { type StaffMailTexts, staffMailTexts } from '../texts/staff-mail/index.ts';
import { type Email, link, type MaybeBlock, oneLine, p, renderEmail, strong } from './email.ts';

const STAFF = /* @__PURE__ */ textsOf(mailTexts, staffMailTexts);

/** The line that opens a request in the staff console; nothing without a URL. */
export function consoleLink(t: StaffMailTexts, consoleUrl: string | undefined): MaybeBlock {
  const w = t.email.reviewWaiting;
  return consoleUrl ? link(oneLine(consoleUrl), w.linkText, w.link) : undefined;
}

/** A staff email with no personal data: the reference, facts about the request, and the console link. */
export function staffNotice(
  locale: Locale,
  subject: string,
  paragraphs: string[],
  extra: MaybeBlock,
  consoleUrl: string,
  linkIntro: string,
  linkText: string,
): Email {
  const t = STAFF[locale];
  return renderEmail(locale, subject, [
    p(t.email.greeting),
    ...paragraphs.map((x, i) => (i === 0 ? p(strong(x)) : p(x))),
    extra,
    link(oneLine(consoleUrl), linkText, linkIntro),
    p(t.email.escalation.noPersonalData),
    p(t.email.escalation.automatic),
  ]);
}
