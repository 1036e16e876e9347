/** After the subject answered staff's question. */

import { escapeHtml as e, layout } from '../html.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { requestTexts } from '../texts/request/index.ts';

/** After the subject answered staff's question: thanks, and where to follow the request. */
export function renderReplyReceived(input: { locale: Locale; controllerName?: string }): string {
  const locale = safeLocale(input.locale);
  const k = requestTexts[locale].replyReceived;
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>
<p>${e(k.next)}</p>`;
  return layout({ locale, title: k.title, body, controllerName: input.controllerName, noindex: true });
}
