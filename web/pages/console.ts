/**
 * The staff console: one page for the organisation's staff. Unlike every other page it runs a
 * small script (it calls the staff API with the signed-in person's id token), so it has its own
 * Content-Security-Policy allowing exactly that inline script by its SHA-256 hash, and fetches only
 * from its own origin. The server renders the frame, the filter form, the decision forms and the
 * texts; the script builds every piece of data into the DOM with createElement and textContent,
 * never innerHTML, so names and free text are always shown as text. An approver decides from the
 * request page: the script offers only what the API lists in `allowedDecisions`, posts the decision
 * as JSON with the id token, and shows the request the API answers with. The script is typed
 * TypeScript (web/console/script.ts), built to the text this page serves with its hash.
 */

import { CHANNELS, IDENTITY_METHODS, OBJECTION_SCOPES, REPRESENTATIONS } from '../../functions/domain/request';
import { CONSOLE_SCRIPT, CONSOLE_SCRIPT_HASH } from '../console/script-text.ts';
import { escapeHtml as e, layout, safeHref } from '../html.ts';
import { FORM_RIGHTS, intlLocale, isLocale, LOCALES, type Locale, REQUEST_STATUSES } from '../locale.ts';
import { consoleTexts } from '../texts/console/index.ts';

/**
 * The console's policy: the house policy plus exactly its own script, and calls to its own origin
 * and to the identity provider's token endpoint (where the script trades its sign-in code).
 */
export function consoleCsp(tokenUrl: string): string {
  let tokenOrigin = '';
  try {
    const origin = new URL(tokenUrl).origin;
    if (/^https?:\/\//.test(origin)) tokenOrigin = ` ${origin}`;
  } catch {
    // Not a URL: no other origin is allowed.
  }
  return [
    "default-src 'none'",
    `script-src '${CONSOLE_SCRIPT_HASH}'`,
    "style-src 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self'${tokenOrigin}`,
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/** JSON safe inside a <script> data block: no `<`, `>`, `&` or line separators as such. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONSOLE_STYLE = `<style>
header.site .bar,main,footer.site .bar{max-width:72rem}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.filters .field{margin:0}
pre.message{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;max-height:24rem;overflow:auto}
.filters input[type=number]{display:block;width:8rem;font:inherit;padding:.55rem .6rem;border:2px solid #1b1b1b;min-height:2.75rem}
.filters .check{display:flex;gap:.5rem;align-items:center;min-height:2.75rem}
.filters .check input{width:1.25rem;height:1.25rem}
.filters .check label{display:inline}
button.link{background:none;border:0;color:#0b4f8a;text-decoration:underline;font-weight:400;padding:0;min-height:0;font-family:ui-monospace,monospace;font-size:.9rem}
button.link:hover{background:none;color:#06335a}
button.secondary{background:#fff;color:#0b4f8a}
#requests-body tr{cursor:pointer}
#requests-body tr:hover{background:#f3f6f9}
tr.overdue td{background:#fff4f4}
.who{display:flex;gap:1rem;align-items:center;justify-content:flex-end;flex-wrap:wrap}
.table-wrap{overflow-x:auto}
tr.needs-staff td{background:#fffbea}
.prewrap{white-space:pre-wrap;overflow-wrap:anywhere}
#decisions details{border:1px solid #8a8a8a;border-radius:4px;padding:.5rem 1rem;margin:0 0 1rem}
#decisions summary{cursor:pointer;font-weight:700;min-height:2rem}
#decisions details[open] summary{margin-bottom:1rem}
.actions{display:flex;flex-wrap:wrap;gap:.25rem}
.actions button{padding:.3rem .7rem;min-height:2.25rem}
#form-complete,#form-correct{border-left:6px solid #0b4f8a;padding:0 0 0 1rem}
[aria-invalid=true]{border-color:#b00020}
nav.views{display:flex;gap:.5rem;margin:0 0 1rem}
nav.views button[aria-current=page]{background:#0b4f8a;color:#fff}
.chart-box svg{width:100%;max-width:40rem;height:auto;display:block}
details.chart-figures{margin:0 0 1.5rem}
details.chart-figures summary{cursor:pointer;min-height:2.75rem;padding:.5rem 0}
details.chart-figures tbody th{white-space:nowrap}
ul.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;font-size:.9rem}
.swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.35rem;vertical-align:-.1rem}
input[type=date]{display:block;font:inherit;padding:.5rem .6rem;border:2px solid #1b1b1b;min-height:2.75rem}
.own-title{font-weight:700;margin:0 0 .35rem}
.own-text{border-left:4px solid #8a8a8a;padding:.25rem 0 .25rem .75rem;margin:0;color:#3d3d3d}
@media (min-width:60rem){.deny-texts{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem;align-items:start}}
button.link{overflow-wrap:anywhere;text-align:left}
@media (max-width:40rem){
#requests,#requests tbody,#requests tr,#requests td,#requests caption{display:block}
#requests thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
#requests caption{text-align:left}
#requests tr{border:1px solid #8a8a8a;border-radius:4px;margin:0 0 .75rem;padding:.5rem .75rem}
#requests td{border:0;padding:.15rem 0}
#requests td[data-label]::before{content:attr(data-label) ": ";font-weight:700}
#requests td:empty{display:none}
}
</style>`;

/**
 * The console page in one language; `signInUrl` is the identity provider's authorize URL for the
 * console (the script adds state, nonce and the PKCE challenge), `tokenUrl` its token endpoint.
 */
export function renderConsolePage(input: { locale: Locale; signInUrl: string; tokenUrl: string }): string {
  const locale: Locale = isLocale(input.locale) ? input.locale : 'en';
  const t = consoleTexts[locale];
  const option = (value: string, text: string) => `<option value="${e(value)}">${e(text)}</option>`;
  // A chart's figures as a table the script fills (its caption the chart's title). A wide table
  // scrolls in its box on a phone, which the keyboard reaches too.
  const figures = (chart: string) =>
    `<details class="chart-figures"><summary>${e(t.report.figuresTable)}</summary><div class="table-wrap" id="figures-${chart}" tabindex="0"></div></details>`;
  const th = (...cols: string[]) => `<tr>${cols.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
  const config = { texts: t, locale, locales: LOCALES, intlLocale: intlLocale(locale), rights: FORM_RIGHTS, tokenUrl: input.tokenUrl };

  const body = `${CONSOLE_STYLE}
<h1 id="view-heading" tabindex="-1">${e(t.title)}</h1>
<noscript><p class="panel warn">${e(t.needsScript)}</p></noscript>
<div id="console-signin" hidden>
<div id="signin-message"></div>
<p>${e(t.signInIntro)}</p>
<p><a class="button" id="sign-in" href="${safeHref(input.signInUrl)}">${e(t.signIn)}</a></p>
</div>
<div id="console-app" hidden>
<p class="who"><span id="who"></span> <button type="button" class="secondary" id="sign-out">${e(t.signOut)}</button></p>
<p class="hint" id="time-zone"></p>
<nav class="views" aria-label="${e(t.title)}"><button type="button" class="secondary" id="nav-requests" aria-current="page">${e(t.report.requestsTab)}</button> <button type="button" class="secondary" id="nav-dashboard">${e(t.report.dashboardTitle)}</button></nav>
<div id="console-message" role="status" aria-live="polite"></div>
<section id="dashboard-view" aria-labelledby="view-heading" hidden>
<form id="dashboard-form" class="filters">
<div class="field"><label for="dash-controller">${e(t.colController)}</label><select id="dash-controller" name="controller"></select></div>
<div class="field"><label for="dash-from">${e(t.report.from)}</label><input type="date" id="dash-from" name="from"></div>
<div class="field"><label for="dash-to">${e(t.report.to)}</label><input type="date" id="dash-to" name="to"></div>
<button type="submit">${e(t.report.show)}</button>
<button type="button" class="secondary" id="export-requests">${e(t.report.exportCsv)}</button>
</form>
<dl class="facts" id="dashboard-facts"></dl>
<h3>${e(t.report.perWeekTitle)}</h3>
<div id="chart-weeks" class="chart-box"></div>
<ul class="legend" id="legend-weeks"></ul>
${figures('weeks')}
<h3>${e(t.report.onTimeTitle)}</h3>
<div id="chart-ontime" class="chart-box"></div>
${figures('ontime')}
<h3>${e(t.report.openByDueTitle)}</h3>
<div id="chart-open" class="chart-box"></div>
${figures('open')}
<h3>${e(t.report.healthTitle)}</h3>
<div id="chart-health" class="chart-box"></div>
${figures('health')}
<p id="health-empty" hidden>${e(t.report.noData)}</p>
</section>
<section id="list-view" aria-labelledby="list-caption">
<form id="filters" class="filters" role="search" aria-label="${e(t.filtersTitle)}">
<div class="field"><label for="filter-status">${e(t.filterStatus)}</label>
<select id="filter-status" name="status">${option('', t.any)}${REQUEST_STATUSES.map((s) => option(s, t.requestStatus[s])).join('')}</select></div>
<div class="field"><label for="filter-type">${e(t.filterType)}</label>
<select id="filter-type" name="type">${option('', t.any)}${FORM_RIGHTS.map((r) => option(r, t.type[r])).join('')}</select></div>
<div class="field"><label for="filter-due">${e(t.filterDue)}</label>
<input type="number" id="filter-due" name="dueWithinDays" min="1" max="365" step="1" inputmode="numeric"></div>
<div class="field check"><input type="checkbox" id="filter-overdue" name="overdue" value="true"><label for="filter-overdue">${e(t.filterOverdue)}</label></div>
<button type="submit">${e(t.apply)}</button>
</form>
<div class="table-wrap">
<table id="requests">
<caption id="list-caption">${e(t.listCaption)}</caption>
<thead>${th(t.colReference, t.colController, t.colType, t.colStatus, t.colReceived, t.colDue, t.colWaiting, t.colOverdue)}</thead>
<tbody id="requests-body"></tbody>
</table>
</div>
<p id="requests-empty" hidden>${e(t.empty)}</p>
<details id="enter-box" hidden><summary>${e(t.enter.title)}</summary>
<p class="hint">${e(t.enter.hint)}</p>
<form id="form-enter" enctype="multipart/form-data">
<div class="field"><label for="enter-controller">${e(t.enter.controller)}</label>
<input id="enter-controller" name="controller" required autocomplete="off"></div>
<div class="field"><label for="enter-type">${e(t.enter.type)}</label>
<select id="enter-type" name="type" required>${FORM_RIGHTS.map((r) => option(r, t.type[r])).join('')}</select></div>
<div class="field"><label for="enter-channel">${e(t.enter.channel)}</label>
<select id="enter-channel" name="channel" required>${CHANNELS.map((c) => option(c, t.enter.channels[c])).join('')}</select></div>
<div class="field"><label for="enter-received">${e(t.enter.receivedOn)}</label>
<input type="date" id="enter-received" name="receivedOn" required></div>
<div class="field"><label for="enter-email">${e(t.enter.email)}</label>
<input type="email" id="enter-email" name="email" required autocomplete="off"></div>
<div class="field"><label for="enter-name">${e(t.enter.name)}</label>
<input id="enter-name" name="name" autocomplete="off"></div>
<div class="field"><label for="enter-locale">${e(t.enter.locale)}</label>
<select id="enter-locale" name="locale">${LOCALES.map((l) => option(l, l)).join('')}</select></div>
<div class="field"><label for="enter-message">${e(t.enter.message)}</label>
<textarea id="enter-message" name="message"></textarea></div>
<div class="field"><label for="enter-on-behalf-of">${e(t.enter.onBehalfOf)}</label>
<select id="enter-on-behalf-of" name="onBehalfOf"><option value="">${e(t.enter.onBehalfOfs.self)}</option>${REPRESENTATIONS.map((r) => option(r, t.enter.onBehalfOfs[r])).join('')}</select></div>
<div class="field"><label for="enter-subject-name">${e(t.enter.subjectName)}</label>
<input id="enter-subject-name" name="subjectName" autocomplete="off"></div>
<div class="field"><label for="enter-subject-email">${e(t.enter.subjectEmail)}</label>
<input type="email" id="enter-subject-email" name="subjectEmail" autocomplete="off"></div>
<div class="field"><label for="enter-identity">${e(t.enter.identity)}</label>
<select id="enter-identity" name="identity" required>${IDENTITY_METHODS.map((m) => option(m, t.enter.identities[m])).join('')}</select></div>
<div class="field"><label for="enter-reason">${e(t.enter.reason)}</label>
<p class="hint" id="enter-reason-hint">${e(t.enter.reasonHint)}</p>
<textarea id="enter-reason" name="attestationReason" aria-describedby="enter-reason-hint"></textarea></div>
<div class="field"><label for="enter-attachments">${e(t.enter.attachments)}</label>
<input type="file" id="enter-attachments" name="attachments" multiple></div>
<button type="submit">${e(t.enter.submit)}</button>
</form>
<div id="enter-message-box" role="status" aria-live="polite" tabindex="-1"></div>
</details>
<section id="inbound-section" aria-labelledby="inbound-title" hidden>
<h2 id="inbound-title">${e(t.inbound.title)}</h2>
<p class="hint">${e(t.inbound.hint)}</p>
<div class="table-wrap">
<table id="inbound">
<caption>${e(t.inbound.caption)}</caption>
<thead>${th(t.colReceived, t.colController, t.inbound.colReason, t.inbound.colSuggested, t.inbound.colAttachments, t.inbound.message)}</thead>
<tbody id="inbound-body"></tbody>
</table>
</div>
<p id="inbound-empty" hidden>${e(t.inbound.empty)}</p>
<div id="inbound-detail" class="panel" hidden>
<dl class="facts" id="inbound-facts"></dl>
<pre id="inbound-text" class="message" tabindex="-1"></pre>
<p id="inbound-viewer" class="hint" hidden>${e(t.inbound.viewerNote)}</p>
<form id="inbound-form" hidden>
<div class="field"><label for="inbound-type">${e(t.inbound.chooseRight)}</label>
<select id="inbound-type" name="type">${FORM_RIGHTS.map((r) => option(r, t.type[r])).join('')}</select></div>
<div class="field"><label for="inbound-inaccurate">${e(t.inbound.inaccurate)}</label><textarea id="inbound-inaccurate" name="inaccurate" rows="2"></textarea></div>
<div class="field"><label for="inbound-corrected">${e(t.inbound.corrected)}</label><textarea id="inbound-corrected" name="corrected" rows="2"></textarea></div>
<div class="field"><label for="inbound-scope">${e(t.inbound.objectionScope)}</label>
<select id="inbound-scope" name="objectionScope">${option('', t.any)}${OBJECTION_SCOPES.map((o) => option(o, t.objectionScope[o])).join('')}</select></div>
<button type="submit" id="inbound-accept">${e(t.inbound.accept)}</button>
<button type="button" class="secondary" id="inbound-discard">${e(t.inbound.discard)}</button>
</form>
</div>
<div id="inbound-message" role="status" aria-live="polite"></div>
</section>
</section>
<section id="detail-view" aria-labelledby="view-heading" hidden>
<p><button type="button" class="secondary" id="back">${e(t.back)}</button></p>
<section id="review-panel" class="panel warn" aria-labelledby="review-title" hidden>
<h3 id="review-title">${e(t.reviewTitle)}</h3>
<dl class="facts" id="review-facts"></dl>
</section>
<dl class="facts" id="request-facts"></dl>
<h3>${e(t.subjectTitle)}</h3>
<dl class="facts" id="subject-facts"></dl>
<div id="details-section" hidden>
<h3>${e(t.detailsTitle)}</h3>
<dl class="facts" id="details-facts"></dl>
</div>
<div id="history-section" hidden>
<h3>${e(t.historyTitle)}</h3>
<dl class="facts" id="history-facts"></dl>
</div>
<section id="decisions" aria-labelledby="decisions-title" hidden>
<h3 id="decisions-title">${e(t.decisionsTitle)}</h3>
<p id="decide-note" hidden></p>
<div id="approve-box" hidden>
<p class="hint">${e(t.approveHint)}</p>
<p><button type="button" id="decide-approve">${e(t.approve)}</button></p>
</div>
<div id="lift-box" hidden>
<p class="hint">${e(t.liftHint)}</p>
<p><button type="button" id="decide-lift">${e(t.liftRestriction)}</button></p>
</div>
<details id="deny-box" hidden><summary>${e(t.denyTitle)}</summary>
<form id="form-deny">
<div class="field"><label for="deny-reason">${e(t.denyTemplate)}</label>
<select id="deny-reason" name="reason" required></select></div>
<div class="deny-texts">
<div class="field" id="deny-own" hidden><p class="own-title" id="deny-own-title"></p>
<p class="prewrap own-text" id="deny-own-text"></p></div>
<div class="field"><label for="deny-text">${e(t.denyText)}</label>
<p class="hint" id="deny-hint">${e(t.denyHint)}</p>
<textarea id="deny-text" name="text" rows="10" required aria-describedby="deny-hint"></textarea></div>
</div>
<button type="submit" class="danger">${e(t.denySubmit)}</button>
</form>
</details>
<details id="extend-box" hidden><summary>${e(t.extendTitle)}</summary>
<form id="form-extend">
<div class="field"><label for="extend-months">${e(t.extendMonths)}</label>
<select id="extend-months" name="months">${option('1', t.extendBy.one)}${option('2', t.extendBy.two)}</select></div>
<div class="field"><label for="extend-reasons">${e(t.extendReasons)}</label>
<textarea id="extend-reasons" name="reasons" required></textarea></div>
<button type="submit">${e(t.extendSubmit)}</button>
</form>
</details>
<div id="payment-box" hidden>
<p class="hint">${e(t.recordPaymentHint)}</p>
<p><button type="button" id="decide-payment">${e(t.recordPayment)}</button></p>
</div>
<details id="fee-box" hidden><summary>${e(t.feeTitle)}</summary>
<form id="form-fee">
<p class="hint" id="fee-hint">${e(t.feeHint)}</p>
<div class="field"><label for="fee-amount">${e(t.feeAmount)}</label>
<input id="fee-amount" name="amount" required inputmode="decimal" pattern="[0-9]{1,9}([.][0-9]{1,2})?" autocomplete="off" aria-describedby="fee-hint"></div>
<div class="field"><label for="fee-currency">${e(t.feeCurrency)}</label>
<input id="fee-currency" name="currency" required maxlength="3" autocomplete="off" autocapitalize="characters"></div>
<div class="field"><label for="fee-reason">${e(t.feeReason)}</label>
<textarea id="fee-reason" name="reason" required></textarea></div>
<button type="submit">${e(t.feeSubmit)}</button>
</form>
</details>
<details id="info-box" hidden><summary>${e(t.infoTitle)}</summary>
<form id="form-info">
<div class="field"><label for="info-text">${e(t.infoText)}</label>
<p class="hint" id="info-hint">${e(t.infoHint)}</p>
<textarea id="info-text" name="text" required aria-describedby="info-hint"></textarea></div>
<button type="submit">${e(t.infoSubmit)}</button>
</form>
</details>
</section>
<div id="decision-message" role="status" aria-live="polite" tabindex="-1"></div>
<h3>${e(t.branchesTitle)}</h3>
<div class="table-wrap">
<table id="branches">
<thead>${th(t.colProcessor, t.colKind, t.colAction, t.colStatus, t.colAttempts, t.colError, t.colFinished, t.colAnswer, t.colNote, t.colActions)}</thead>
<tbody id="branches-body"></tbody>
</table>
</div>
<p id="branches-empty" hidden>${e(t.noBranches)}</p>
<form id="form-complete" hidden>
<h4 id="complete-heading">${e(t.completeTitle)}</h4>
<input type="hidden" name="processorId" value="">
<div class="field"><label for="complete-note">${e(t.completeNote)}</label>
<textarea id="complete-note" name="note" required></textarea></div>
<p><button type="submit">${e(t.markDone)}</button> <button type="button" class="secondary" id="complete-cancel">${e(t.cancel)}</button></p>
</form>
<form id="form-correct" hidden>
<h4 id="correct-heading">${e(t.correctTitle)}</h4>
<input type="hidden" name="processorId" value="">
<div class="field"><label for="correct-outcome">${e(t.correctOutcome)}</label>
<select id="correct-outcome" name="outcome" required>${(['done', 'not_found', 'retained', 'partly'] as const).map((o) => `<option value="${o}">${e(t.answerOutcome[o])}</option>`).join('')}</select></div>
<div class="field"><label for="correct-basis">${e(t.correctBasis)}</label><textarea id="correct-basis" name="basis" rows="2"></textarea></div>
<div class="field"><label for="correct-kept">${e(t.correctKept)}</label><textarea id="correct-kept" name="kept" rows="2"></textarea></div>
<div class="field"><label for="correct-reason">${e(t.correctReason)}</label><textarea id="correct-reason" name="reason" rows="2"></textarea></div>
<div class="field"><label for="correct-until">${e(t.correctUntil)}</label><input type="date" id="correct-until" name="until"></div>
<div class="field"><label for="correct-why">${e(t.correctWhy)}</label><textarea id="correct-why" name="why" required></textarea></div>
<p><button type="submit">${e(t.correctSubmit)}</button> <button type="button" class="secondary" id="correct-cancel">${e(t.cancel)}</button></p>
</form>
<h3>${e(t.timelineTitle)}</h3>
<p class="hint" id="export-audit-hint">${e(t.exportAuditHint)}</p>
<p><button type="button" class="secondary" id="export-audit" aria-describedby="export-audit-hint">${e(t.exportAudit)}</button></p>
<div class="table-wrap">
<table id="timeline">
<thead>${th(t.colAt, t.colEvent, t.colActor, t.colDetail)}</thead>
<tbody id="timeline-body"></tbody>
</table>
</div>
<p id="timeline-empty" hidden>${e(t.noEvents)}</p>
</section>
</div>
<script type="application/json" id="console-config">${scriptJson(config)}</script>
<script>${CONSOLE_SCRIPT}</script>`;

  return layout({
    locale,
    title: t.title,
    body,
    siteName: t.siteName,
    footer: t.footer,
    noindex: true,
    alternates: Object.fromEntries(LOCALES.map((l) => [l, `/console?lang=${l}`])) as Record<Locale, string>,
  });
}
