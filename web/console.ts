/**
 * The staff console: one page for the organisation's staff. Unlike every other page it runs a
 * small script (it calls the staff API with the signed-in person's id token), so it has its own
 * Content-Security-Policy allowing exactly that inline script by its SHA-256 hash, and fetches only
 * from its own origin. The server renders the frame, the filter form and the texts; the script
 * builds every piece of data into the DOM with createElement and textContent, never innerHTML,
 * so names and free text are always shown as text.
 */
import { createHash } from 'node:crypto';
import { escapeHtml as e, layout, safeHref } from './html.ts';
import { consoleTexts } from './console-texts.ts';
import { FORM_RIGHTS, LOCALES, REQUEST_STATUSES, isLocale, texts, type Locale } from './i18n.ts';

/** Where the page keeps the id token: this tab only, gone when it closes. */
const TOKEN_KEY = 'dsr.staff.idToken';

/** The Intl locale behind each language (as the server-rendered pages use). */
const INTL_LOCALE: Record<Locale, string> = { en: 'en-GB', sv: 'sv-SE', sl: 'sl-SI' };

/**
 * The page's script. A constant: its hash goes into the CSP, and everything that varies (texts,
 * sign-in URL, locale) reaches it as JSON in a non-executed data block.
 */
export const CONSOLE_SCRIPT = `
(function () {
  'use strict';
  var cfg = JSON.parse(document.getElementById('console-config').textContent);
  var t = cfg.texts;
  var KEY = ${JSON.stringify(TOKEN_KEY)};
  var $ = function (id) { return document.getElementById(id); };
  var dateFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  var timeFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  var eventFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

  function date(iso) { var d = new Date(iso); return iso && !isNaN(d.getTime()) ? dateFmt.format(d) : '\\u2014'; }
  function dateTime(iso, fmt) { var d = new Date(iso); return iso && !isNaN(d.getTime()) ? (fmt || timeFmt).format(d) + ' UTC' : '\\u2014'; }
  function label(map, key) { return Object.prototype.hasOwnProperty.call(map, key) ? map[key] : String(key); }
  function el(tag, text, cls) {
    var n = document.createElement(tag);
    if (text !== undefined && text !== null) n.textContent = String(text);
    if (cls) n.className = cls;
    return n;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function row(cells) { var tr = el('tr'); cells.forEach(function (c) { var td = el('td'); if (c instanceof Node) td.appendChild(c); else td.textContent = c === undefined || c === null ? '' : String(c); tr.appendChild(td); }); return tr; }
  function tag(text, cls) { return el('span', text, 'tag' + (cls ? ' ' + cls : '')); }

  // The id token from the sign-in redirect's fragment: kept for this tab, and the URL cleaned.
  if (location.hash.length > 1) {
    var fragment = new URLSearchParams(location.hash.slice(1));
    var fromSignIn = fragment.get('id_token');
    if (fromSignIn) sessionStorage.setItem(KEY, fromSignIn);
    history.replaceState(null, '', location.pathname + location.search);
  }

  function claims(token) {
    try {
      var part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
      var bin = atob(part);
      var bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
      return JSON.parse(new TextDecoder().decode(bytes));
    } catch (err) { return null; }
  }
  function token() {
    var tok = sessionStorage.getItem(KEY);
    if (!tok) return null;
    var c = claims(tok);
    if (!c || (typeof c.exp === 'number' && c.exp * 1000 <= Date.now())) { sessionStorage.removeItem(KEY); return null; }
    return tok;
  }

  function message(text, kind) {
    var box = $('console-message');
    clear(box);
    box.className = text ? 'panel' + (kind ? ' ' + kind : '') : '';
    if (text) box.appendChild(el('p', text));
  }
  function forget() {
    sessionStorage.removeItem(KEY);
    clear($('requests-body'));
    clear($('request-facts'));
    clear($('subject-facts'));
    $('detail-view').hidden = true;
    $('request-heading').textContent = t.requestTitle;
    clear($('branches-body'));
    clear($('timeline-body'));
  }
  function showSignIn(why) {
    forget();
    $('console-app').hidden = true;
    $('console-signin').hidden = false;
    var note = $('signin-message');
    clear(note);
    if (why) note.appendChild(el('p', why, 'panel warn'));
  }
  function showList() { $('detail-view').hidden = true; $('list-view').hidden = false; }

  // Calls the staff API; 401 sends the person back to sign in, 403 says they have no access.
  function api(path) {
    var tok = token();
    if (!tok) { showSignIn(t.sessionEnded); return Promise.resolve(null); }
    return fetch(path, { headers: { authorization: 'Bearer ' + tok, accept: 'application/json' }, cache: 'no-store', credentials: 'omit' })
      .then(function (res) {
        if (res.status === 401) { showSignIn(t.sessionEnded); return null; }
        if (res.status === 403) { $('list-view').hidden = true; $('detail-view').hidden = true; message(t.noAccess, 'warn'); return null; }
        if (res.status === 404) { message(t.notFound, 'warn'); return null; }
        if (!res.ok) { message(t.loadFailed, 'warn'); return null; }
        return res.json();
      }, function () { message(t.loadFailed, 'warn'); return null; });
  }

  function query() {
    var form = $('filters');
    var q = new URLSearchParams();
    ['status', 'type', 'dueWithinDays'].forEach(function (name) { var v = form.elements[name].value.trim(); if (v) q.set(name, v); });
    if (form.elements.overdue.checked) q.set('overdue', 'true');
    var s = q.toString();
    return s ? '?' + s : '';
  }

  function loadList() {
    message(t.loading);
    return api('/v1/staff/requests' + query()).then(function (data) {
      if (!data) return;
      message('');
      $('list-view').hidden = false;
      var body = $('requests-body');
      clear(body);
      var list = data.requests || [];
      $('requests-empty').hidden = list.length > 0;
      list.forEach(function (r) {
        var open = el('button', r.requestId, 'link');
        open.type = 'button';
        var tr = row([open, r.controllerId, label(t.type, r.type), label(t.requestStatus, r.status), date(r.receivedAt), date(r.dueAt), r.overdue ? tag(t.overdue, 'failed') : '']);
        tr.dataset.requestId = r.requestId;
        if (r.overdue) tr.className = 'overdue';
        tr.addEventListener('click', function () { loadRequest(r.requestId); });
        body.appendChild(tr);
      });
    });
  }

  function fact(dl, term, value) { dl.appendChild(el('dt', term)); dl.appendChild(el('dd', value)); }
  function detailText(detail) {
    if (!detail) return '';
    return Object.keys(detail).map(function (k) { return k + ': ' + detail[k]; }).join(', ');
  }

  function loadRequest(requestId) {
    message(t.loading);
    return api('/v1/staff/requests/' + encodeURIComponent(requestId)).then(function (data) {
      if (!data) return;
      message('');
      var r = data.request;
      $('list-view').hidden = true;
      $('detail-view').hidden = false;
      $('request-heading').textContent = t.requestTitle + ' ' + r.requestId;
      var facts = $('request-facts');
      clear(facts);
      fact(facts, t.colReference, r.requestId);
      fact(facts, t.colController, r.controllerName || r.controllerId);
      fact(facts, t.colType, label(t.type, r.type));
      fact(facts, t.colStatus, label(t.requestStatus, r.status));
      fact(facts, t.created, dateTime(r.createdAt));
      fact(facts, t.colReceived, dateTime(r.receivedAt));
      fact(facts, t.colDue, date(r.dueAt) + (r.overdue ? ' (' + t.overdue + ')' : ''));
      if (r.completedAt) fact(facts, t.completed, dateTime(r.completedAt));
      var subject = $('subject-facts');
      clear(subject);
      fact(subject, t.email, r.email || '\\u2014');
      fact(subject, t.name, r.name || t.noName);

      var bbody = $('branches-body');
      clear(bbody);
      (data.branches || []).forEach(function (b) {
        bbody.appendChild(row([b.processorName || b.processorId, b.kind, b.action, tag(label(t.branchStatus, b.status), b.status), b.attempts, b.errorClass || '', dateTime(b.finishedAt)]));
      });
      $('branches-empty').hidden = (data.branches || []).length > 0;

      var tbody = $('timeline-body');
      clear(tbody);
      (data.timeline || []).forEach(function (ev) {
        tbody.appendChild(row([dateTime(ev.at, eventFmt), ev.event, label(t.actor, ev.actor), detailText(ev.detail)]));
      });
      $('timeline-empty').hidden = (data.timeline || []).length > 0;
      $('request-heading').focus();
    });
  }

  $('filters').addEventListener('submit', function (ev) { ev.preventDefault(); showList(); loadList(); });
  $('back').addEventListener('click', function () { showList(); loadList(); });
  $('sign-out').addEventListener('click', function () { showSignIn(''); });

  var tok = token();
  if (!tok) { showSignIn(''); return; }
  var who = claims(tok) || {};
  $('who').textContent = t.signedInAs + ' ' + (who['cognito:username'] || who.sub || '');
  $('console-signin').hidden = true;
  $('console-app').hidden = false;
  loadList();
})();
`;

/** The script's CSP source, computed once at module load. */
export const CONSOLE_SCRIPT_HASH = `sha256-${createHash('sha256').update(CONSOLE_SCRIPT, 'utf8').digest('base64')}`;

/** The console's policy: the house policy plus exactly its own script and calls to its own origin. */
export const CONSOLE_CSP = [
  "default-src 'none'",
  `script-src '${CONSOLE_SCRIPT_HASH}'`,
  "style-src 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** JSON safe inside a <script> data block: no `<`, `>`, `&` or line separators as such. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const CONSOLE_STYLE = `<style>
header.site .bar,main,footer.site .bar{max-width:72rem}
.filters{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-end}
.filters .field{margin:0}
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
</style>`;

/** The console page in one language; `signInUrl` is the identity provider's sign-in page. */
export function renderConsolePage(input: { locale: Locale; signInUrl: string }): string {
  const locale: Locale = isLocale(input.locale) ? input.locale : 'en';
  const t = consoleTexts[locale];
  const option = (value: string, text: string) => `<option value="${e(value)}">${e(text)}</option>`;
  const th = (...cols: string[]) => `<tr>${cols.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
  const config = { texts: t, intlLocale: INTL_LOCALE[locale] };

  const body = `${CONSOLE_STYLE}
<h1>${e(t.title)}</h1>
<noscript><p class="panel warn">${e(t.needsScript)}</p></noscript>
<div id="console-signin" hidden>
<div id="signin-message"></div>
<p>${e(t.signInIntro)}</p>
<p><a class="button" id="sign-in" href="${safeHref(input.signInUrl)}">${e(t.signIn)}</a></p>
</div>
<div id="console-app" hidden>
<p class="who"><span id="who"></span> <button type="button" class="secondary" id="sign-out">${e(t.signOut)}</button></p>
<div id="console-message" role="status" aria-live="polite"></div>
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
<thead>${th(t.colReference, t.colController, t.colType, t.colStatus, t.colReceived, t.colDue, t.colOverdue)}</thead>
<tbody id="requests-body"></tbody>
</table>
</div>
<p id="requests-empty" hidden>${e(t.empty)}</p>
</section>
<section id="detail-view" hidden>
<p><button type="button" class="secondary" id="back">${e(t.back)}</button></p>
<h2 id="request-heading" tabindex="-1">${e(t.requestTitle)}</h2>
<dl class="facts" id="request-facts"></dl>
<h3>${e(t.subjectTitle)}</h3>
<dl class="facts" id="subject-facts"></dl>
<h3>${e(t.branchesTitle)}</h3>
<div class="table-wrap">
<table id="branches">
<thead>${th(t.colProcessor, t.colKind, t.colAction, t.colStatus, t.colAttempts, t.colError, t.colFinished)}</thead>
<tbody id="branches-body"></tbody>
</table>
</div>
<p id="branches-empty" hidden>${e(t.noBranches)}</p>
<h3>${e(t.timelineTitle)}</h3>
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
