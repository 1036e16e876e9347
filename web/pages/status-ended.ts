/** A status link that ended when its request's personal data was erased. */

import { escapeHtml as e, escapeUrlPart, layout, type PageOptions } from '../html.ts';
import { formatDate, type Locale, safeLocale } from '../locale.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { statusTexts } from '../texts/status/index.ts';

/** The words this page uses. */
const T = /* @__PURE__ */ textsOf(siteTexts, statusTexts);

/** Says the status link ended, and when the data it belonged to was erased; nothing of the request beyond that, or that it was withdrawn. */
export function renderStatusEnded(input: { locale: Locale; erasedAt: string; withdrawn?: boolean } & PageOptions): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const body = `<h1>${e(t.statusEnded.title)}</h1>
<p class="lead">${e(t.statusEnded[input.withdrawn === true ? 'withdrawnBody' : 'body']({ date: formatDate(input.erasedAt, locale) }))}</p>
<p>${e(t.statusEnded.next)}</p>
<p><a class="button" href="/${escapeUrlPart(locale)}">${e(t.common.newRequest)}</a></p>`;
  return layout({ locale, title: t.statusEnded.title, body, alternates: input.alternates, noindex: true });
}
