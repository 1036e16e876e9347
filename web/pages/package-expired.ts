/** A download link that no longer works. */

import { DEFAULT_DOWNLOAD_TTL_DAYS, escapeHtml as e, escapeUrlPart, layout, type PageOptions } from '../html.ts';
import type { Text } from '../local-text.ts';
import { formatDate, type Locale, safeLocale } from '../locale.ts';
import { textsOf } from '../texts/merge.ts';
import { requestTexts } from '../texts/request/index.ts';
import { siteTexts } from '../texts/site/index.ts';

/** The words this page uses. */
const T = /* @__PURE__ */ textsOf(siteTexts, requestTexts);

/**
 * A download link that has expired or is not valid; with `deletedAt`, one whose package the
 * service's own retention has deleted since the link expired (and says so).
 */
export function renderPackageExpired(
  input: {
    locale: Locale;
    downloadTtlDays?: number;
    deletedAt?: string /** Whose package it was, when the link was once good. */;
    controllerName?: Text;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const title = input.deletedAt ? t.packageExpired.deletedTitle : t.packageExpired.title;
  const lead = input.deletedAt
    ? t.packageExpired.deletedBody({ date: formatDate(input.deletedAt, locale) })
    : t.packageExpired.body({ days: input.downloadTtlDays ?? DEFAULT_DOWNLOAD_TTL_DAYS });
  const body = `<h1>${e(title)}</h1>
<p class="lead">${e(lead)}</p>
<p>${e(t.packageExpired.next)}</p>
<p><a class="button" href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  return layout({
    locale,
    title,
    body,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}
