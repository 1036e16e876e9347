/** The page after the form: check your email. */

import { DEFAULT_VERIFY_TTL_DAYS, escapeHtml as e, escapeUrlPart, layout, type PageOptions, safeHref } from '../html.ts';
import { htmlSentence, type Text } from '../local-text.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { intakeTexts } from '../texts/intake/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';

/** The words this page uses. */
const T = /* @__PURE__ */ textsOf(siteTexts, intakeTexts);

/**
 * After the no-JavaScript form post: check your email. Shows the address typed, so a typo can be
 * seen, for a short while after the post (`address`); after that says it no longer shows it
 * (`addressHidden`). Says nothing about whether data exists.
 */
export function renderRequestAccepted(
  input: {
    locale: Locale;
    controllerName: Text;
    verifyTtlDays?: number;
    /** The controller's form, to send again. */
    formUrl?: string;
    /** The address the link was sent to, as typed. */
    address?: string;
    /** The page is shown again after the address's short while. */
    addressHidden?: boolean;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const address = input.address
    ? `<p>${e(t.accepted.sentTo)} <strong class="address">${e(input.address)}</strong></p>
<p>${e(t.accepted.typo)}</p>
`
    : input.addressHidden
      ? `<p>${e(t.accepted.addressHidden)}</p>
`
      : '';
  const body = `<h1>${e(t.accepted.title)}</h1>
<p class="lead">${htmlSentence(t.accepted.body, { controller: input.controllerName }, locale)}</p>
${address}<p>${e(t.accepted.expires({ days: input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS }))}</p>
<p>${e(t.accepted.noDataHint)}</p>
<h2>${e(t.accepted.noEmailTitle)}</h2>
<p>${e(t.accepted.noEmail)}</p>
<p><a href="${input.formUrl ? safeHref(input.formUrl) : `/${escapeUrlPart(locale)}`}">${e(t.accepted.sendAgain)}</a></p>`;
  return layout({
    locale,
    title: t.accepted.title,
    body,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}
