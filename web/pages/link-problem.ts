/** A verification link that has expired, was used, or does not work. */

import { DEFAULT_VERIFY_TTL_DAYS, escapeHtml as e, escapeUrlPart, layout, type PageOptions } from '../html.ts';
import type { Text } from '../local-text.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { textsOf } from '../texts/merge.ts';
import { requestTexts } from '../texts/request/index.ts';
import { siteTexts } from '../texts/site/index.ts';

/** The words this page uses. */
const T = /* @__PURE__ */ textsOf(siteTexts, requestTexts);

/**
 * A verification link that cannot be used: expired, already used, or not valid. It never links to
 * the status page: a used link would otherwise hand the status key (read, withdraw, answer) to
 * whoever holds the verification email, for as long as the request lasts.
 */
export function renderLinkProblem(
  input: {
    locale: Locale;
    reason: 'expired' | 'used' | 'invalid';
    verifyTtlDays?: number /** Whose request the link was for, when the link was once good. */;
    controllerName?: Text;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const reason = input.reason === 'expired' || input.reason === 'used' ? input.reason : 'invalid';
  const newRequest = `<p><a class="button" href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  let title: string;
  let body: string;
  if (reason === 'expired') {
    title = t.linkProblem.expired.title;
    body = `<p class="lead">${e(t.linkProblem.expired.body({ days: input.verifyTtlDays ?? DEFAULT_VERIFY_TTL_DAYS }))}</p>
<p>${e(t.linkProblem.expired.next)}</p>
${newRequest}`;
  } else if (reason === 'used') {
    title = t.linkProblem.used.title;
    body = `<p class="lead">${e(t.linkProblem.used.body)}</p>
<p>${e(t.linkProblem.used.statusShownOnce)}</p>
<p>${e(t.linkProblem.used.next)}</p>
<p><a href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  } else {
    title = t.linkProblem.invalid.title;
    body = `<p class="lead">${e(t.linkProblem.invalid.body)}</p>
<p>${e(t.linkProblem.invalid.next)}</p>
${newRequest}`;
  }
  return layout({
    locale,
    title,
    body: `<h1>${e(title)}</h1>\n${body}`,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}
