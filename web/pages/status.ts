/** The status page of one request. */

import { escapeHtml as e, errorText, layout, multiLine, type PageOptions, paragraphsOf, safeHref } from '../html.ts';
import { htmlText, type Text } from '../local-text.ts';
import { formatDate, formatDateTime, formatMoney, type Locale, safeLocale } from '../locale.ts';
import { textsOf } from '../texts/merge.ts';
import { requestTexts } from '../texts/request/index.ts';
import { siteTexts } from '../texts/site/index.ts';
import { statusTexts } from '../texts/status/index.ts';

/** The words this page uses. */
const T = /* @__PURE__ */ textsOf(siteTexts, requestTexts, statusTexts);

/** The statuses a request ends in: nothing more will change, so the page does not ask for a reload. */
const FINAL = ['completed', 'denied', 'closed_unverified', 'cancelled', 'undeliverable'];

/** The longest answer the reply form takes; the reply handler checks the same limit. */
import { INFO_ANSWER_MAX_CHARS } from '../../functions/domain/request';

/** The most a subject may write in answer to staff's question. */
export const ANSWER_MAX_CHARS = INFO_ANSWER_MAX_CHARS;

/**
 * The subject's view of a request: dates, status, and progress per processor (`waiting`: a vendor,
 * an OpenDSR processor or staff have yet to answer; `stopped`: ended by the subject's withdrawal;
 * `kept`: finished, some of the data kept on a legal basis).
 * No personal data.
 */
export function renderStatusPage(
  input: {
    locale: Locale;
    controllerName: Text;
    requestId: string;
    type: string;
    status: string;
    receivedAt?: string;
    dueAt?: string;
    completedAt?: string;
    /** When the subject withdrew it (a `cancelled` request). */
    withdrawnAt?: string;
    processors: { name: Text; status: string }[];
    /** While the request can still be withdrawn: the confirmation page the withdraw button opens (a GET carrying the status key). */
    withdraw?: { actionUrl: string; statusKey: string };
    /** Art. 12(3): the deadline was extended; `newDueAt` is the new deadline, `reasons` staff's words. */
    extension?: { months: number; reasons: string; newDueAt: string };
    /** Art. 12(4): the refusal as sent to the subject (staff's words). */
    denial?: { text: string };
    /**
     * Access and portability, answered: until when the emailed download link works. The page says
     * the link was emailed and never shows it: the status link may be shared or bookmarked, the
     * download link is the data itself.
     */
    download?: { expiresAt: string };
    /** The controller's data protection officer, for questions about the request. */
    dpoEmail?: string;
    /** The service's own retention: when the package was deleted, and when the subject's personal data was erased. */
    packageDeletedAt?: string;
    personalDataErasedAt?: string;
    /**
     * Art. 12(6): staff's question. While it is not answered the page shows a reply form that posts
     * the status key and the answer to `replyUrl`.
     */
    infoRequest?: { question: string; pausesClock: boolean; answeredAt?: string; replyUrl: string; statusKey: string };
    /** Art. 12(5)(a): a fee staff charged (amount as a decimal string, ISO 4217 currency, their reason), and when it was paid. */
    fee?: { amount: string; currency: string; reason: string; paidAt?: string };
    /** The reply form re-rendered after a bad answer: what was typed and why it was refused. */
    values?: { answer?: string };
    errors?: { answer?: string };
    /** The time the page is rendered at (whether the download link still works). */
    now?: Date;
  } & PageOptions,
): string {
  const locale = safeLocale(input.locale);
  const t = T[locale];
  const typeLabel = (t.requestType as Record<string, string>)[input.type] ?? input.type;
  const status = (t.status.requestStatus as Record<string, { label: string; description: string }>)[input.status];
  const branchLabel = (s: string) => (t.status.branchStatus as Record<string, string>)[s] ?? s;
  // A branch stopped by a withdrawal is no problem: plain, not red.
  const tagClass = (s: string) => (s === 'failed' ? 'tag failed' : s === 'completed' ? 'tag completed' : s === 'waiting' ? 'tag waiting' : 'tag');
  const row = (label: string, value: string | undefined) => (value ? `<dt>${e(label)}</dt>\n<dd>${value}</dd>` : '');
  const date = (iso: string | undefined) => (iso ? e(formatDate(iso, locale)) : undefined);
  const k = t.status;
  // Staff's open question is the status the subject sees: one status, and a deadline that waits with it.
  const openQuestion = input.infoRequest && !input.infoRequest.answeredAt ? input.infoRequest : undefined;
  // So is a fee not paid yet, while the request is still open (a withdrawn one says so instead).
  const feeWaits = input.fee && !input.fee.paidAt && !FINAL.includes(input.status) ? input.fee : undefined;
  const shown = openQuestion ? k.awaitingAnswer : feeWaits ? k.awaitingFee : status;
  const due = openQuestion?.pausesClock === true ? e(k.dueAtPaused) : feeWaits ? e(k.dueAtPausedForFee) : date(input.dueAt);
  const final = FINAL.includes(input.status);

  const facts = `<dl class="facts">
${row(t.status.controller, htmlText(input.controllerName, locale))}
${row(t.status.reference, `<code>${e(input.requestId)}</code>`)}
${row(t.status.type, e(typeLabel))}
${shown ? '' : row(t.status.status, `<strong>${e(input.status)}</strong>`)}
${row(t.status.receivedAt, date(input.receivedAt))}
${input.status === 'cancelled' ? '' : row(t.status.dueAt, due)}
${row(k.answeredAt, date(input.infoRequest?.answeredAt))}
${row(t.status.completedAt, date(input.completedAt))}
${row(t.status.withdrawnAt, date(input.withdrawnAt))}
</dl>`;

  const systems = input.processors.length
    ? `<table>
<caption>${e(t.status.systemsTitle)}</caption>
<thead><tr><th scope="col">${e(t.status.systemCol)}</th><th scope="col">${e(t.status.statusCol)}</th></tr></thead>
<tbody>
${input.processors
  .map((p) => `<tr><th scope="row">${htmlText(p.name, locale)}</th><td><span class="${tagClass(p.status)}">${e(branchLabel(p.status))}</span></td></tr>`)
  .join('\n')}
</tbody>
</table>`
    : `<h2>${e(t.status.systemsTitle)}</h2>\n<p>${e(t.status.noSystemsYet)}</p>`;

  // A plain form to the page that asks to confirm: it works without JavaScript, and only that page's POST withdraws.
  const withdraw = input.withdraw
    ? `<h2>${e(t.status.withdrawTitle)}</h2>
<p>${e(t.status.withdrawExplain)}</p>
<form method="get" action="${e(input.withdraw.actionUrl)}">
<input type="hidden" name="key" value="${e(input.withdraw.statusKey)}">
<input type="hidden" name="lang" value="${e(locale)}">
<button type="submit" class="danger">${e(t.status.withdrawButton)}</button>
</form>`
    : '';
  const extension = input.extension
    ? `<div class="panel">
<h2>${e(k.extensionTitle)}</h2>
<p>${e(k.extension({ months: input.extension.months, date: formatDate(input.extension.newDueAt, locale) }))}</p>
${multiLine(input.extension.reasons) ? `<p><strong>${e(k.extensionReasons)}</strong></p>\n${paragraphsOf(input.extension.reasons)}` : ''}
</div>`
    : '';
  const denial =
    input.denial && multiLine(input.denial.text)
      ? `<div class="panel warn">
<h2>${e(k.denialTitle)}</h2>
${paragraphsOf(input.denial.text)}
</div>`
      : '';
  const retention = [
    input.packageDeletedAt ? k.packageDeleted({ date: formatDate(input.packageDeletedAt, locale) }) : '',
    input.personalDataErasedAt ? k.personalDataErased({ date: formatDate(input.personalDataErasedAt, locale) }) : '',
  ]
    .filter(Boolean)
    .map((line) => `<p>${e(line)}</p>`)
    .join('\n');
  const money = (f: { amount: string; currency: string }) => formatMoney(f.amount, f.currency, locale);
  const fee = feeWaits
    ? `<div class="panel warn" id="fee">
<h2>${e(k.feeTitle)}</h2>
<p><strong>${e(k.feeAmount({ amount: money(feeWaits) }))}</strong></p>
<p><strong>${e(k.feeReason)}</strong></p>
<blockquote>${paragraphsOf(feeWaits.reason)}</blockquote>
<p>${e(k.feeHowToPay)}</p>
</div>`
    : input.fee?.paidAt
      ? `<div class="panel" id="fee"><p>${e(k.feePaid({ amount: money(input.fee), date: formatDate(input.fee.paidAt, locale) }))}</p></div>`
      : '';
  const answerError = input.errors?.answer;
  const question = openQuestion
    ? `<div class="panel warn">
<h2>${e(k.infoRequestTitle)}</h2>
<p>${e(k.infoRequestIntro)}</p>
<blockquote>${paragraphsOf(openQuestion.question)}</blockquote>
<p>${e(openQuestion.pausesClock === true ? k.clockPaused : k.clockRuns)}</p>
<form method="post" action="${safeHref(openQuestion.replyUrl)}" enctype="application/x-www-form-urlencoded" accept-charset="utf-8">
<input type="hidden" name="key" value="${e(openQuestion.statusKey)}">
<div class="field${answerError ? ' invalid' : ''}">
<label for="answer">${e(k.answerLabel)}</label>
<p class="hint" id="answer-hint">${e(k.answerHint)}</p>
${answerError ? `<p class="field-error" id="answer-error"><span class="visually-hidden">${e(t.common.errorPrefix)}: </span>${errorText(locale, k.answerError)}</p>` : ''}
<textarea id="answer" name="answer" rows="6" required maxlength="${ANSWER_MAX_CHARS}"${answerError ? ' aria-invalid="true"' : ''} aria-describedby="answer-hint${answerError ? ' answer-error' : ''}">${e(input.values?.answer ?? '')}</textarea>
</div>
<button type="submit">${e(k.answerButton)}</button>
</form>
</div>`
    : '';
  const download =
    input.download && !input.packageDeletedAt
      ? `<div class="panel" id="download">
<h2>${e(k.downloadTitle)}</h2>
<p>${e(
          input.download.expiresAt > (input.now ?? new Date()).toISOString()
            ? k.downloadEmailed({ date: formatDateTime(input.download.expiresAt, locale) })
            : k.downloadExpired({ date: formatDateTime(input.download.expiresAt, locale) }),
        )}</p>
</div>`
      : '';
  const dpo = input.dpoEmail ? `<p>${e(k.questions)} <a href="mailto:${e(input.dpoEmail)}">${e(input.dpoEmail)}</a></p>` : '';
  const body = `<h1>${e(t.status.title)}</h1>
${shown ? `<div class="panel"><p><strong>${e(t.status.status)}: ${e(shown.label)}</strong></p><p>${e(shown.description)}</p></div>` : ''}
${question}
${fee}
${denial}
${extension}
${download}
${facts}
${retention ? `<div class="panel" id="retention">\n${retention}\n</div>` : ''}
${systems}
${final ? '' : `<p class="hint">${e(t.status.refreshHint)}</p>`}
${dpo}
${withdraw}`;
  return layout({
    locale,
    title: answerError ? `${t.common.errorPrefix}: ${t.status.title}` : t.status.title,
    body,
    controllerName: input.controllerName,
    alternates: input.alternates,
    noindex: true,
  });
}
