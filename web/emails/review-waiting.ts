/** To staff: a request waits for their decision. */
import type { ReviewReason } from '../../functions/domain/request';
import { formatDateTime, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { staffMailTexts } from '../texts/staff-mail/index.ts';
import { type Email, list, oneLine } from './email.ts';
import { staffNotice } from './staff-notice.ts';

const STAFF = /* @__PURE__ */ textsOf(mailTexts, staffMailTexts);

/**
 * To staff (in the controller's first language): a request waits for their decision, why, and by
 * when it must be answered. Ids, the right, reasons and dates only: never the subject's data.
 */
export function reviewWaitingEmail(input: {
  locale: Locale;
  controllerName: string;
  requestReference: string;
  type: Right;
  reasons: ReviewReason[];
  dueAt: string;
  consoleUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.reviewWaiting;
  const r = {
    controller: oneLine(input.controllerName),
    processor: '',
    reference: oneLine(input.requestReference),
    what: t.email.requestShort[right(input.type)],
  };
  const reasons = [...new Set(input.reasons)].map((reason) => x.reasons[reason]).filter(Boolean);
  return staffNotice(
    locale,
    x.subject(r),
    [x.intro(r), x.due({ date: formatDateTime(input.dueAt, locale) })],
    reasons.length > 0 &&
      list(
        x.reasonsTitle,
        reasons.map((s) => [s]),
      ),
    input.consoleUrl,
    x.link,
    x.linkText,
  );
}
