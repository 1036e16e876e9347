/** What the verification link opens: the confirm button, and the page after it. */

import { escapeHtml as e, escapeUrlPart, layout, type PageOptions, safeHref } from '../html.ts';
import { asRight, formatDate, type Locale, type Right, safeLocale } from '../locale.ts';
import { textsOf } from '../texts/merge.ts';
import { requestTexts } from '../texts/request/index.ts';
import { siteTexts } from '../texts/site/index.ts';

/** The words this page uses. */
const T = /* @__PURE__ */ textsOf(siteTexts, requestTexts);

/**
 * What the link in the verification email opens: one button that POSTs the token. Opening the
 * link alone (as mail scanners do) confirms nothing.
 */
export function renderConfirmPage(
  input: {
    locale: Locale;
    requestId: string;
    token: string;
    type: Right;
    controllerName: string;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const type = asRight(input.type);
  const controller = input.controllerName;
  const erasureNotes =
    type === 'erasure'
      ? `<div class="panel warn">
<p><strong>${e(t.confirm.irreversible)}</strong></p>
<p>${e(t.confirm.kept)}</p>
</div>`
      : '';
  const body = `<h1>${e(t.confirm.title[type])}</h1>
<p class="lead">${e(t.confirm.what[type]({ controller }))}</p>
${erasureNotes}
<form method="post" action="/v1/requests/${escapeUrlPart(input.requestId)}/verify" enctype="application/x-www-form-urlencoded">
<input type="hidden" name="token" value="${e(input.token)}">
<button type="submit"${type === 'erasure' ? ' class="danger"' : ''}>${e(t.confirm.button[type])}</button>
</form>
<p>${e(t.confirm.notYou)}</p>`;
  return layout({
    locale,
    title: t.confirm.title[type],
    body,
    controllerName: controller,
    alternates: input.alternates,
    noindex: true,
  });
}

/** After the confirm button: the request is received, with its deadline and the status link. */
export function renderConfirmed(
  input: {
    locale: Locale;
    controllerName: string;
    type: Right;
    dueAt: string;
    statusUrl: string;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const type = asRight(input.type);
  const body = `<h1>${e(t.confirmed.title)}</h1>
<div class="panel">
<p class="lead">${e(t.confirmed.received({ controller: input.controllerName }))}</p>
<p><strong>${e(t.confirmed.due({ date: formatDate(input.dueAt, locale) }))}</strong></p>
</div>
<p>${e(t.confirmed.next[type])}</p>
<p>${e(t.confirmed.statusIntro)}</p>
<p><a href="${safeHref(input.statusUrl)}">${e(t.common.statusLink)}</a></p>`;
  return layout({
    locale,
    title: t.confirmed.title,
    body,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}
