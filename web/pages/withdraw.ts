/** The page that asks the subject to confirm a withdrawal. */

import { escapeHtml as e, layout, type PageOptions, safeHref } from '../html.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { statusTexts } from '../texts/status/index.ts';

const T = /* @__PURE__ */ textsOf(siteTexts, statusTexts);

/**
 * Withdraw this request? What withdrawing does and does not undo, a form that POSTs the status key
 * and the confirmation (the only thing that withdraws), and the way back to the status page. Plain
 * HTML: it works without JavaScript, and a link a mail scanner opens withdraws nothing.
 */
export function renderWithdrawConfirm(
  input: {
    locale: Locale;
    controllerName: string;
    requestId: string;
    type: string;
    /** Where the confirmation posts, and the status key it carries. */
    actionUrl: string;
    statusKey: string;
    /** The status page, for "keep my request". */
    statusUrl: string;
    /** The subject will be emailed a receipt (not for a request never confirmed: its address is forgotten). */
    receipt: boolean;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const w = t.withdrawal;
  const typeLabel = (t.requestType as Record<string, string>)[input.type] ?? input.type;
  const body = `<h1>${e(w.title)}</h1>
<p class="lead">${e(w.intro({ controller: input.controllerName }))}</p>
<dl class="facts">
<dt>${e(t.status.reference)}</dt>
<dd><code>${e(input.requestId)}</code></dd>
<dt>${e(t.status.type)}</dt>
<dd>${e(typeLabel)}</dd>
</dl>
<ul>
<li>${e(w.stop)}</li>
<li>${e(w.kept)}</li>
<li>${e(w.noAnswer)}</li>
</ul>
${input.receipt ? `<p>${e(w.receiptNote)}</p>` : ''}
<form method="post" action="${safeHref(input.actionUrl)}">
<input type="hidden" name="key" value="${e(input.statusKey)}">
<input type="hidden" name="confirm" value="yes">
<input type="hidden" name="lang" value="${e(locale)}">
<button type="submit" class="danger">${e(w.confirmButton)}</button>
</form>
<p><a href="${safeHref(input.statusUrl)}">${e(w.keep)}</a></p>`;
  return layout({ locale, title: w.title, body, controllerName: input.controllerName, alternates: input.alternates, noindex: true });
}
