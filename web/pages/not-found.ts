/** A page that does not exist. */

import { escapeHtml as e, escapeUrlPart, layout, type PageOptions } from '../html.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { siteTexts } from '../texts/site/index.ts';

export function renderNotFound(input: { locale: Locale } & PageOptions): string {
  const locale = safeLocale(input.locale);
  const t = siteTexts[locale];
  const body = `<h1>${e(t.notFound.title)}</h1>
<p class="lead">${e(t.notFound.body)}</p>
<p><a href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  return layout({
    locale,
    title: t.notFound.title,
    body,
    alternates: input.alternates,
    noindex: true,
  });
}
