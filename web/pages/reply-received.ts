/** After the subject answered staff's question. */

import { escapeHtml as e, layout, safeHref } from '../html.ts';
import type { Text } from '../local-text.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { textsOf } from '../texts/merge.ts';
import { requestTexts } from '../texts/request/index.ts';
import { siteTexts } from '../texts/site/index.ts';

/** The words this page uses. */
const T = /* @__PURE__ */ textsOf(siteTexts, requestTexts);

/** After the subject answered staff's question: thanks, and the way back to the request's status page. */
export function renderReplyReceived(input: {
  locale: Locale /** The status page, in the language the subject used. */;
  statusUrl: string;
  controllerName?: Text;
}): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const k = t.replyReceived;
  const body = `<h1>${e(k.title)}</h1>
<p class="lead">${e(k.body)}</p>
<p><a href="${safeHref(input.statusUrl)}">${e(t.common.statusLink)}</a></p>`;
  return layout({ locale, title: k.title, body, controllerName: input.controllerName, noindex: true });
}
