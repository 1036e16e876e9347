/** A one-click unsubscribe link opened in a browser. */

import { escapeHtml as e, layout, safeHref } from '../html.ts';
import { htmlSentence, type Text } from '../local-text.ts';
import { type Locale, safeLocale } from '../locale.ts';
import { requestTexts } from '../texts/request/index.ts';

/**
 * A one-click unsubscribe link opened in a browser (RFC 8058): a button that POSTs, because mail
 * scanners open links with GET and must not unsubscribe anyone. `done` after the POST.
 */
export function renderUnsubscribePage(input: { locale: Locale; controllerName: Text; purposeName: Text; actionUrl?: string; done?: boolean }): string {
  const locale = safeLocale(input.locale);
  const u = requestTexts[locale].unsubscribe;
  const names = { controller: input.controllerName, purpose: input.purposeName };
  const title = input.done ? u.doneTitle : u.title;
  const body = input.done
    ? `<p class="lead">${htmlSentence(u.done, names, locale)}</p>`
    : `<p class="lead">${htmlSentence(u.confirm, names, locale)}</p>
<form method="post" action="${safeHref(input.actionUrl ?? '')}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${e(u.button)}</button>
</form>`;
  return layout({ locale, title, body: `<h1>${e(title)}</h1>\n${body}`, noindex: true });
}
