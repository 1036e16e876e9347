/**
 * The staff console: one page for the organisation's staff. Unlike every other page it runs a
 * small script (it calls the staff API with the signed-in person's id token), so it has its own
 * Content-Security-Policy allowing exactly that inline script by its SHA-256 hash, and fetches only
 * from its own origin. The server renders the frame, the filter form, the decision forms and the
 * texts; the script builds every piece of data into the DOM with createElement and textContent,
 * never innerHTML, so names and free text are always shown as text. An approver decides from the
 * request page: the script offers only what the API lists in `allowedDecisions`, posts the decision
 * as JSON with the id token, and shows the request the API answers with.
 */
import { createHash } from 'node:crypto';
import { escapeHtml as e, layout, safeHref } from './html.ts';
import { FORM_RIGHTS, isLocale, LOCALES, type Locale, REQUEST_STATUSES } from './locale.ts';
import { consoleTexts } from './texts/console/index.ts';

/** Where the page keeps the id token: this tab only, gone when it closes. */
const TOKEN_KEY = 'dsr.staff.idToken';
/** Where a request asked for by `?request=` waits while the person signs in. */
const OPEN_KEY = 'dsr.staff.open';
/**
 * Where the page's language waits while the person signs in: the identity provider sends them back
 * to the one callback URL it knows, without `?lang=`.
 */
const LANG_KEY = 'dsr.staff.lang';

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
  var OPEN_KEY = ${JSON.stringify(OPEN_KEY)};
  var LANG_KEY = ${JSON.stringify(LANG_KEY)};
  var REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  var $ = function (id) { return document.getElementById(id); };
  var dateFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeZone: 'UTC' });
  var timeFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
  var eventFmt = new Intl.DateTimeFormat(cfg.intlLocale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });
  // The request on the page, and the one the refusal text was prefilled for (edits survive a reload of the same request).
  var current = null;
  var denyFor = null;
  // The refusal templates of the request on the page.
  var templates = [];

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
  function button(text, cls, onClick) { var b = el('button', text, cls); b.type = 'button'; b.addEventListener('click', onClick); return b; }

  // The id token from the sign-in redirect's fragment: kept for this tab, and the URL cleaned.
  if (location.hash.length > 1) {
    var fragment = new URLSearchParams(location.hash.slice(1));
    var fromSignIn = fragment.get('id_token');
    if (fromSignIn) sessionStorage.setItem(KEY, fromSignIn);
    history.replaceState(null, '', location.pathname + location.search);
    // Back from signing in: in the language the person signed in from.
    var signedInFrom = sessionStorage.getItem(LANG_KEY);
    sessionStorage.removeItem(LANG_KEY);
    if (fromSignIn && signedInFrom && signedInFrom !== cfg.locale && cfg.locales.indexOf(signedInFrom) >= 0) {
      location.replace(location.pathname + '?lang=' + encodeURIComponent(signedInFrom));
      return;
    }
  }
  $('sign-in').addEventListener('click', function () { sessionStorage.setItem(LANG_KEY, cfg.locale); });
  // A link from a staff email opens one request (?request=id); kept across the sign-in redirect.
  var asked = new URLSearchParams(location.search).get('request');
  if (asked && REQUEST_ID.test(asked)) sessionStorage.setItem(OPEN_KEY, asked);

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

  function say(box, text, kind) {
    clear(box);
    box.className = text ? 'panel' + (kind ? ' ' + kind : '') : '';
    if (text) box.appendChild(el('p', text));
  }
  function message(text, kind) { say($('console-message'), text, kind); }
  function resetDecisions() {
    ['form-deny', 'form-extend', 'form-info', 'form-complete'].forEach(function (id) { $(id).reset(); });
    ['deny-box', 'extend-box', 'info-box'].forEach(function (id) { $(id).open = false; });
    $('form-complete').hidden = true;
    say($('decision-message'), '');
    denyFor = null;
  }
  function forget() {
    sessionStorage.removeItem(KEY);
    current = null;
    clear($('requests-body'));
    ['request-facts', 'subject-facts', 'review-facts', 'details-facts', 'history-facts', 'deny-reason'].forEach(function (id) { clear($(id)); });
    resetDecisions();
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
  function showList() {
    current = null;
    $('detail-view').hidden = true;
    $('dashboard-view').hidden = true;
    $('list-view').hidden = false;
    $('nav-requests').setAttribute('aria-current', 'page');
    $('nav-dashboard').removeAttribute('aria-current');
  }

  // Calls the staff API and hands on a good answer's body as \`read\` takes it (json, blob);
  // 401 sends the person back to sign in, 403 says they have no access.
  function api(path, read) {
    var tok = token();
    if (!tok) { showSignIn(t.sessionEnded); return Promise.resolve(null); }
    return fetch(path, { headers: { authorization: 'Bearer ' + tok, accept: 'application/json' }, cache: 'no-store', credentials: 'omit' })
      .then(function (res) {
        if (res.status === 401) { showSignIn(t.sessionEnded); return null; }
        if (res.status === 403) { $('list-view').hidden = true; $('detail-view').hidden = true; message(t.noAccess, 'warn'); return null; }
        if (res.status === 404) { message(t.notFound, 'warn'); return null; }
        if (!res.ok) { message(t.loadFailed, 'warn'); return null; }
        return read === 'blob' ? res.blob() : res.json();
      }, function () { message(t.loadFailed, 'warn'); return null; });
  }

  // The audit trail as a file: the token cannot ride on a plain link, so the script fetches it
  // and saves it through a Blob URL.
  function exportAudit() {
    var requestId = current;
    if (!requestId) return;
    api('/v1/staff/requests/' + encodeURIComponent(requestId) + '/audit', 'blob').then(function (blob) {
      if (blob) saveBlob(blob, 'audit-' + requestId + '.json');
    });
  }

  // A file fetched with the token (which cannot ride on a plain link), saved through a Blob URL.
  function saveBlob(blob, fileName) {
    var url = URL.createObjectURL(blob);
    var a = el('a');
    a.href = url;
    a.download = fileName;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  // ---- Dashboard: the figures of a period, drawn as SVG built node by node, text as textContent.
  var SVG_NS = 'http://www.w3.org/2000/svg';
  var COLOURS = ['#0b4f8a', '#b35c00', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#5d4037'];
  var dayFmt = new Intl.DateTimeFormat(cfg.intlLocale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  function svg(tagName, attrs, text) {
    var n = document.createElementNS(SVG_NS, tagName);
    Object.keys(attrs || {}).forEach(function (k) { n.setAttribute(k, String(attrs[k])); });
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function chart(id, title, w, h) {
    var box = $(id);
    clear(box);
    var s = svg('svg', { viewBox: '0 0 ' + w + ' ' + h, role: 'img', 'aria-label': title, class: 'chart' });
    s.appendChild(svg('title', {}, title));
    box.appendChild(s);
    return s;
  }
  function pct(x) { return x === null || x === undefined ? '\u2014' : Math.round(x * 1000) / 10 + ' %'; }
  function legend(id, items) {
    var ul = $(id);
    clear(ul);
    items.forEach(function (item) {
      var li = el('li');
      var swatch = el('span', '', 'swatch');
      swatch.style.background = item.colour;
      li.appendChild(swatch);
      li.appendChild(document.createTextNode(item.text));
      ul.appendChild(li);
    });
  }
  function bar(s, x, y, w, h, colour, tip) {
    var r = svg('rect', { x: x, y: y, width: Math.max(0, w), height: Math.max(0, h), fill: colour });
    r.appendChild(svg('title', {}, tip));
    s.appendChild(r);
  }
  function axis(s, left, top, bottom, right, max, unit) {
    s.appendChild(svg('line', { x1: left, y1: bottom, x2: right, y2: bottom, stroke: '#1b1b1b' }));
    s.appendChild(svg('text', { x: left - 4, y: top + 8, 'text-anchor': 'end', 'font-size': 11 }, max + (unit || '')));
    s.appendChild(svg('text', { x: left - 4, y: bottom, 'text-anchor': 'end', 'font-size': 11 }, '0'));
  }
  function weekLabels(s, weeks, left, step, y) {
    var every = Math.max(1, Math.ceil(weeks.length / 8));
    weeks.forEach(function (w, i) {
      if (i % every === 0) s.appendChild(svg('text', { x: left + i * step + step / 2, y: y, 'text-anchor': 'middle', 'font-size': 10 }, dayFmt.format(new Date(w.weekStart))));
    });
  }
  function drawWeeks(weeks) {
    var W = 640, H = 220, L = 40, T = 10, B = H - 30, R = W - 10;
    var totals = weeks.map(function (w) { return cfg.rights.reduce(function (sum, r) { return sum + (w.received[r] || 0); }, 0); });
    var max = Math.max.apply(null, [1].concat(totals));
    var step = (R - L) / Math.max(1, weeks.length);
    var s = chart('chart-weeks', t.report.perWeekTitle, W, H);
    axis(s, L, T, B, R, max);
    weeks.forEach(function (w, i) {
      var y = B;
      cfg.rights.forEach(function (right, j) {
        var n = w.received[right] || 0;
        if (!n) return;
        var h = (B - T) * n / max;
        y -= h;
        bar(s, L + i * step + 2, y, step - 4, h, COLOURS[j % COLOURS.length], t.report.weekOf + ' ' + date(w.weekStart) + ': ' + label(t.type, right) + ' ' + n);
      });
    });
    weekLabels(s, weeks, L, step, H - 12);
    legend('legend-weeks', cfg.rights.map(function (r, j) { return { colour: COLOURS[j % COLOURS.length], text: label(t.type, r) }; }));
  }
  function drawOnTime(weeks) {
    var W = 640, H = 200, L = 40, T = 10, B = H - 30, R = W - 10;
    var step = (R - L) / Math.max(1, weeks.length);
    var s = chart('chart-ontime', t.report.onTimeTitle, W, H);
    axis(s, L, T, B, R, 100, ' %');
    weeks.forEach(function (w, i) {
      var x = L + i * step + 2;
      if (!w.answered) { s.appendChild(svg('text', { x: x + (step - 4) / 2, y: B - 4, 'text-anchor': 'middle', 'font-size': 10 }, '\u2014')); return; }
      var share = w.onTime / w.answered;
      bar(s, x, B - (B - T) * share, step - 4, (B - T) * share, '#0b4f8a', t.report.weekOf + ' ' + date(w.weekStart) + ': ' + pct(share) + ' (' + w.onTime + '/' + w.answered + ')');
    });
    weekLabels(s, weeks, L, step, H - 12);
  }
  // One row per item: its label above a bar (long names need the width), the figures after the bar.
  function drawHorizontal(id, title, rows, max) {
    var W = 640, R = W - 250, rowH = 38;
    var H = Math.max(1, rows.length) * rowH + 6;
    var s = chart(id, title, W, H);
    rows.forEach(function (r, i) {
      var y = 4 + i * rowH;
      s.appendChild(svg('text', { x: 0, y: y + 12, 'font-size': 12 }, r.label));
      var x = 0;
      r.parts.forEach(function (p) {
        var w = R * p.value / Math.max(1, max);
        bar(s, x, y + 17, w, 14, p.colour, r.label + ': ' + p.tip);
        x += w;
      });
      s.appendChild(svg('text', { x: x + 6, y: y + 29, 'font-size': 12 }, r.note));
    });
  }
  function drawOpen(open) {
    var keys = ['overdue', 'week', 'fortnight', 'later', 'unconfirmed'];
    var colours = { overdue: '#c62828', week: '#b35c00', fortnight: '#0b4f8a', later: '#5d8fb8', unconfirmed: '#8a8a8a' };
    var max = Math.max.apply(null, [1].concat(keys.map(function (k) { return open[k] || 0; })));
    drawHorizontal('chart-open', t.report.openByDueTitle, keys.map(function (k) {
      return { label: t.report.buckets[k], note: String(open[k] || 0), parts: [{ value: open[k] || 0, colour: colours[k], tip: String(open[k] || 0) }] };
    }), max);
  }
  function duration(seconds) {
    return seconds < 120 ? Math.round(seconds) + ' s' : seconds < 7200 ? Math.round(seconds / 60) + ' min' : Math.round(seconds / 360) / 10 + ' h';
  }
  function drawHealth(figures, names) {
    var rows = figures.processors || [];
    var max = Math.max.apply(null, [1].concat(rows.map(function (p) { return p.completed + p.failed; })));
    drawHorizontal('chart-health', t.report.healthTitle, rows.map(function (p) {
      var median = p.duration ? ' \u00b7 ' + t.report.medianTime + ' ' + duration(p.duration.median) : '';
      return {
        label: names[p.processorId] || p.processorId,
        note: p.failed + '/' + (p.completed + p.failed) + ' ' + t.report.failed.toLowerCase() + median,
        parts: [
          { value: p.completed, colour: '#2e7d32', tip: t.report.completed + ' ' + p.completed },
          { value: p.failed, colour: '#c62828', tip: t.report.failed + ' ' + p.failed },
        ],
      };
    }), max);
    $('health-empty').hidden = rows.length > 0;
  }
  function dashboardQuery() {
    var form = $('dashboard-form');
    var q = new URLSearchParams();
    ['controller', 'from', 'to'].forEach(function (name) { var v = form.elements[name].value; if (v) q.set(name, v); });
    var s = q.toString();
    return s ? '?' + s : '';
  }
  function loadDashboard() {
    message(t.loading);
    return api('/v1/staff/reports' + dashboardQuery()).then(function (data) {
      if (!data) return;
      message('');
      var f = data.figures;
      var form = $('dashboard-form');
      var select = form.elements.controller;
      clear(select);
      (data.controllers || []).forEach(function (c) { var o = el('option', c.name); o.value = c.id; select.appendChild(o); });
      select.value = f.controllerId;
      form.elements.from.value = f.period.from.slice(0, 10);
      form.elements.to.value = new Date(Date.parse(f.period.to) - 1).toISOString().slice(0, 10);
      var facts = $('dashboard-facts');
      clear(facts);
      fact(facts, t.report.received, String(f.received.total));
      fact(facts, t.report.answered, String(f.answered.total));
      fact(facts, t.report.onTimeShare, pct(f.answered.onTimeShare));
      fact(facts, t.report.medianDays, f.answered.daysToAnswer ? String(Math.round(f.answered.daysToAnswer.median * 10) / 10) : '\u2014');
      fact(facts, t.report.p90Days, f.answered.daysToAnswer ? String(Math.round(f.answered.daysToAnswer.p90 * 10) / 10) : '\u2014');
      fact(facts, t.report.openNow, String(f.open.total));
      fact(facts, t.report.overdue, String(f.open.overdue.length), f.open.overdue.length ? 'overdue-count' : '');
      drawWeeks(data.weeks || []);
      drawOnTime(data.weeks || []);
      drawOpen(data.openByDue || {});
      drawHealth(f, data.processorNames || {});
    });
  }
  function exportRequests() {
    var q = dashboardQuery();
    api('/v1/staff/reports/requests.csv' + q, 'blob').then(function (blob) {
      if (blob) saveBlob(blob, 'requests-' + ($('dashboard-form').elements.controller.value || 'all') + '.csv');
    });
  }
  function showDashboard() {
    current = null;
    $('list-view').hidden = true;
    $('detail-view').hidden = true;
    $('dashboard-view').hidden = false;
    $('nav-dashboard').setAttribute('aria-current', 'page');
    $('nav-requests').removeAttribute('aria-current');
    return loadDashboard();
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
        var tr = row([open, r.controllerId, label(t.type, r.type), label(t.requestStatus, r.status), date(r.receivedAt), date(r.dueAt),
          r.waitsForStaff ? tag(t.waitingTag, 'waiting') : '', r.overdue ? tag(t.overdue, 'failed') : '']);
        tr.dataset.requestId = r.requestId;
        tr.className = (r.overdue ? 'overdue' : '') + (r.waitsForStaff ? ' needs-staff' : '');
        tr.addEventListener('click', function () { loadRequest(r.requestId); });
        body.appendChild(tr);
      });
    });
  }

  function fact(dl, term, value, cls) {
    dl.appendChild(el('dt', term));
    var dd = value instanceof Node ? el('dd') : el('dd', value, cls);
    if (value instanceof Node) dd.appendChild(value);
    dl.appendChild(dd);
  }
  function detailText(detail) {
    if (!detail) return '';
    return Object.keys(detail).map(function (k) { return k + ': ' + detail[k]; }).join(', ');
  }
  function names(list) { return (list || []).map(function (x) { return x.name || x.id; }).join(', '); }

  // What the subject wrote: free text, shown as text with its line breaks.
  function renderDetails(details) {
    var dl = $('details-facts');
    clear(dl);
    var L = t.detailsLabel;
    var d = details || {};
    if (d.rectification) {
      if (d.rectification.attribute) fact(dl, L.rectifyAttribute, d.rectification.attribute);
      fact(dl, L.inaccurate, d.rectification.inaccurate, 'prewrap');
      fact(dl, L.corrected, d.rectification.corrected, 'prewrap');
    }
    if (d.objection) {
      fact(dl, L.objectionScope, label(t.objectionScope, d.objection.scope));
      if (d.objection.grounds) fact(dl, L.objectionGrounds, d.objection.grounds, 'prewrap');
    }
    if (d.consentPurposes) fact(dl, L.consentPurposes, names(d.consentPurposes));
    if (d.transmitTo) fact(dl, L.transmitTo, d.transmitTo.name || d.transmitTo.id);
    if (d.viaCustomer) fact(dl, L.viaCustomer, d.viaCustomer);
    if (d.message) fact(dl, L.message, d.message, 'prewrap');
    $('details-section').hidden = !dl.firstChild;
  }

  function renderReview(review) {
    var dl = $('review-facts');
    clear(dl);
    $('review-panel').hidden = !review;
    if (!review) return;
    fact(dl, t.reviewStageLabel, label(t.reviewStage, review.stage));
    fact(dl, t.reviewOpened, dateTime(review.openedAt));
    var reasons = el('ul');
    (review.reasons || []).forEach(function (reason) { reasons.appendChild(el('li', label(t.reviewReason, reason))); });
    fact(dl, t.reviewReasonsLabel, reasons);
  }

  // Earlier decisions: a refusal, an extension, a question to the subject and their answer.
  function renderHistory(r) {
    var dl = $('history-facts');
    clear(dl);
    var by = function (who, at) { return t.decidedBy + ' ' + who + ', ' + dateTime(at); };
    if (r.denial) {
      fact(dl, t.denialLabel, label(t.denialReason, r.denial.reason) + ' (' + by(r.denial.by, r.denial.at) + ')');
      fact(dl, t.denyText, r.denial.text, 'prewrap');
    }
    if (r.extension) {
      fact(dl, t.extensionLabel, r.extension.months + ' ' + t.monthsUnit + ' (' + by(r.extension.by, r.extension.at) + ')');
      fact(dl, t.extendReasons, r.extension.reasons, 'prewrap');
      fact(dl, t.originalDue, date(r.extension.originalDueAt));
    }
    if (r.infoRequest) {
      var q = r.infoRequest;
      fact(dl, t.infoRequestLabel, q.text + '\\n(' + by(q.by, q.at) + ')', 'prewrap');
      if (q.answeredAt) fact(dl, t.infoAnswer, (q.answer || '') + '\\n(' + dateTime(q.answeredAt) + ')', 'prewrap');
      else fact(dl, t.infoAnswer, t.noAnswerYet + (q.pausesClock ? '. ' + t.clockPaused : ''));
    }
    $('history-section').hidden = !dl.firstChild;
  }

  function renderDecisions(data) {
    var allowed = data.allowedDecisions || {};
    var any = !!(allowed.approve || allowed.deny || allowed.extend || allowed.request_info || allowed.lift_restriction);
    $('decisions').hidden = !(any || data.review);
    $('decide-note').textContent = !data.mayDecide ? t.viewerNote : any ? '' : t.noDecisions;
    $('decide-note').hidden = !$('decide-note').textContent;
    $('approve-box').hidden = !allowed.approve;
    $('deny-box').hidden = !allowed.deny;
    $('extend-box').hidden = !allowed.extend;
    $('info-box').hidden = !allowed.request_info;
    $('lift-box').hidden = !allowed.lift_restriction;

    var max = allowed.extend ? allowed.extend.maxMonths : 0;
    Array.prototype.forEach.call($('extend-months').options, function (o) { o.disabled = o.hidden = Number(o.value) > max; });
    if ($('extend-months').selectedOptions[0] && $('extend-months').selectedOptions[0].disabled) $('extend-months').value = '1';

    var select = $('deny-reason');
    var keep = denyFor === data.request.requestId && $('deny-text').value.trim() !== '' ? select.value : null;
    clear(select);
    templates = data.denialTemplates || [];
    templates.forEach(function (tpl) { var o = el('option', label(t.denialReason, tpl.reason)); o.value = tpl.reason; select.appendChild(o); });
    if (keep !== null && templates.some(function (tpl) { return tpl.reason === keep; })) { select.value = keep; return; }
    denyFor = data.request.requestId;
    fillTemplate();
  }
  function fillTemplate() {
    var reason = $('deny-reason').value;
    var tpl = templates.filter(function (x) { return x.reason === reason; })[0];
    $('deny-text').value = tpl ? tpl.text : '';
  }

  function renderBranches(data) {
    var allowed = data.allowedDecisions || {};
    var retry = allowed.retry_branch || [];
    var complete = allowed.complete_task || [];
    var bbody = $('branches-body');
    clear(bbody);
    (data.branches || []).forEach(function (b) {
      var action = el('span', label(t.branchAction, b.action));
      if (b.staffTask) { action.appendChild(document.createTextNode(' ')); action.appendChild(tag(t.staffTaskTag)); }
      var actions = el('span', null, 'actions');
      if (retry.indexOf(b.processorId) >= 0) {
        actions.appendChild(button(t.retry, 'secondary', function () { decide({ decision: 'retry_branch', processorId: b.processorId }); }));
      }
      if (complete.indexOf(b.processorId) >= 0) {
        actions.appendChild(button(t.markDone, 'secondary', function () { openComplete(b); }));
      }
      var tr = row([b.processorName || b.processorId, b.kind, action, tag(label(t.branchStatus, b.status), b.status), b.attempts, b.errorClass || '',
        dateTime(b.finishedAt), el('span', b.note || '', 'prewrap'), actions]);
      tr.dataset.processorId = b.processorId;
      bbody.appendChild(tr);
    });
    $('branches-empty').hidden = (data.branches || []).length > 0;
  }

  function openComplete(b) {
    var form = $('form-complete');
    form.reset();
    form.elements.processorId.value = b.processorId;
    $('complete-heading').textContent = t.completeTitle + ': ' + (b.processorName || b.processorId);
    form.hidden = false;
    $('complete-note').focus();
  }

  function renderRequest(data) {
    var r = data.request;
    current = r.requestId;
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
    if (r.transmittedAt) fact(facts, t.transmitted, dateTime(r.transmittedAt));
    if (r.completedAt) fact(facts, t.completed, dateTime(r.completedAt));
    if (r.packageDeletedAt) fact(facts, t.packageDeleted, dateTime(r.packageDeletedAt));
    var subject = $('subject-facts');
    clear(subject);
    if (r.personalDataErasedAt) {
      // The address and name are gone by the service's own retention, not missing.
      fact(subject, t.personalDataErased, dateTime(r.personalDataErasedAt));
      fact(subject, t.email, t.erased);
      fact(subject, t.name, t.erased);
    } else {
      fact(subject, t.email, r.email || '\\u2014');
      fact(subject, t.name, r.name || t.noName);
    }

    renderReview(data.review);
    renderDetails(r.details);
    renderHistory(r);
    renderDecisions(data);
    renderBranches(data);

    var tbody = $('timeline-body');
    clear(tbody);
    (data.timeline || []).forEach(function (ev) {
      tbody.appendChild(row([dateTime(ev.at, eventFmt), ev.event, label(t.actor, ev.actor), detailText(ev.detail)]));
    });
    $('timeline-empty').hidden = (data.timeline || []).length > 0;
  }

  function loadRequest(requestId, keepMessage) {
    message(t.loading);
    if (!keepMessage || requestId !== current) resetDecisions();
    return api('/v1/staff/requests/' + encodeURIComponent(requestId)).then(function (data) {
      if (!data) return;
      message('');
      renderRequest(data);
      if (!keepMessage) $('request-heading').focus();
    });
  }

  // While a decision is on its way nothing else can be sent.
  function setBusy(on) {
    $('decisions').setAttribute('aria-busy', on ? 'true' : 'false');
    Array.prototype.forEach.call($('detail-view').querySelectorAll('button, select, textarea'), function (c) { c.disabled = on; });
  }
  function markInvalid(form, errors) {
    Array.prototype.forEach.call(form ? form.elements : [], function (c) {
      if (c.name) c.setAttribute('aria-invalid', errors && Object.prototype.hasOwnProperty.call(errors, c.name) ? 'true' : 'false');
    });
  }
  function refused(lead, body) {
    var box = $('decision-message');
    say(box, lead, 'warn');
    if (body && typeof body.message === 'string') box.appendChild(el('p', body.message));
    var errors = body && body.errors && typeof body.errors === 'object' ? body.errors : {};
    var keys = Object.keys(errors);
    if (keys.length) {
      var ul = el('ul');
      keys.forEach(function (k) { ul.appendChild(el('li', k + ': ' + errors[k])); });
      box.appendChild(ul);
    }
    box.focus();
  }

  // POSTs one decision with the id token; the answer is the request as it is now, shown at once.
  function decide(body, form) {
    var tok = token();
    if (!tok) { showSignIn(t.sessionEnded); return; }
    var requestId = current;
    if (!requestId) return;
    setBusy(true);
    say($('decision-message'), t.sending);
    fetch('/v1/staff/requests/' + encodeURIComponent(requestId) + '/decisions', {
      method: 'POST',
      headers: { authorization: 'Bearer ' + tok, accept: 'application/json', 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
      credentials: 'omit',
    }).then(function (res) {
      if (res.status === 401) { setBusy(false); showSignIn(t.sessionEnded); return; }
      return res.json().catch(function () { return null; }).then(function (data) {
        setBusy(false);
        if (res.ok && data && data.request) {
          markInvalid(form, null);
          if (form) form.reset();
          if (form && form.parentNode && form.parentNode.tagName === 'DETAILS') form.parentNode.open = false;
          $('form-complete').hidden = true;
          if (body.decision === 'deny') denyFor = null;
          renderRequest(data);
          say($('decision-message'), t.decisionSaved);
          $('decision-message').focus();
          return;
        }
        markInvalid(form, data && data.errors);
        if (res.status === 403) refused(t.decideForbidden, data);
        else if (res.status === 409) { refused(t.decisionConflict, data); loadRequest(requestId, true); }
        else if (res.status >= 400 && res.status < 500) refused(t.decisionRefused, data);
        else refused(t.decisionFailed, null);
      });
    }, function () { setBusy(false); refused(t.decisionFailed, null); });
  }

  function value(form, name) { return form.elements[name].value; }
  $('decide-approve').addEventListener('click', function () { decide({ decision: 'approve' }); });
  $('decide-lift').addEventListener('click', function () { if (window.confirm(t.confirmLift)) decide({ decision: 'lift_restriction' }); });
  $('deny-reason').addEventListener('change', fillTemplate);
  $('form-deny').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (!window.confirm(t.confirmDeny)) return;
    decide({ decision: 'deny', reason: value(this, 'reason'), text: value(this, 'text') }, this);
  });
  $('form-extend').addEventListener('submit', function (ev) {
    ev.preventDefault();
    decide({ decision: 'extend', months: Number(value(this, 'months')), reasons: value(this, 'reasons') }, this);
  });
  $('form-info').addEventListener('submit', function (ev) {
    ev.preventDefault();
    decide({ decision: 'request_info', text: value(this, 'text') }, this);
  });
  $('form-complete').addEventListener('submit', function (ev) {
    ev.preventDefault();
    decide({ decision: 'complete_task', processorId: value(this, 'processorId'), note: value(this, 'note') }, this);
  });
  $('complete-cancel').addEventListener('click', function () { $('form-complete').reset(); $('form-complete').hidden = true; });

  $('export-audit').addEventListener('click', exportAudit);
  $('nav-requests').addEventListener('click', function () { showList(); loadList(); });
  $('nav-dashboard').addEventListener('click', showDashboard);
  $('dashboard-form').addEventListener('submit', function (ev) { ev.preventDefault(); loadDashboard(); });
  $('export-requests').addEventListener('click', exportRequests);
  $('filters').addEventListener('submit', function (ev) { ev.preventDefault(); showList(); loadList(); });
  $('back').addEventListener('click', function () { showList(); loadList(); });
  $('sign-out').addEventListener('click', function () { sessionStorage.removeItem(OPEN_KEY); showSignIn(''); });

  var tok = token();
  if (!tok) { showSignIn(''); return; }
  var who = claims(tok) || {};
  $('who').textContent = t.signedInAs + ' ' + (who['cognito:username'] || who.sub || '');
  $('console-signin').hidden = true;
  $('console-app').hidden = false;
  var wanted = sessionStorage.getItem(OPEN_KEY);
  sessionStorage.removeItem(OPEN_KEY);
  if (wanted) {
    var rest = new URLSearchParams(location.search);
    rest.delete('request');
    history.replaceState(null, '', location.pathname + (rest.toString() ? '?' + rest.toString() : ''));
    loadRequest(wanted);
  } else loadList();
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
tr.needs-staff td{background:#fffbea}
.prewrap{white-space:pre-wrap;overflow-wrap:anywhere}
#decisions details{border:1px solid #8a8a8a;border-radius:4px;padding:.5rem 1rem;margin:0 0 1rem}
#decisions summary{cursor:pointer;font-weight:700;min-height:2rem}
#decisions details[open] summary{margin-bottom:1rem}
.actions{display:flex;flex-wrap:wrap;gap:.25rem}
.actions button{padding:.3rem .7rem;min-height:2.25rem}
#form-complete{border-left:6px solid #0b4f8a;padding:0 0 0 1rem}
[aria-invalid=true]{border-color:#b00020}
nav.views{display:flex;gap:.5rem;margin:0 0 1rem}
nav.views button[aria-current=page]{background:#0b4f8a;color:#fff}
.chart-box svg{width:100%;max-width:40rem;height:auto;display:block}
ul.legend{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;padding:0;font-size:.9rem}
.swatch{display:inline-block;width:.9rem;height:.9rem;margin-right:.35rem;vertical-align:-.1rem}
input[type=date]{display:block;font:inherit;padding:.5rem .6rem;border:2px solid #1b1b1b;min-height:2.75rem}
</style>`;

/** The console page in one language; `signInUrl` is the identity provider's sign-in page. */
export function renderConsolePage(input: { locale: Locale; signInUrl: string }): string {
  const locale: Locale = isLocale(input.locale) ? input.locale : 'en';
  const t = consoleTexts[locale];
  const option = (value: string, text: string) => `<option value="${e(value)}">${e(text)}</option>`;
  const th = (...cols: string[]) => `<tr>${cols.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr>`;
  const config = { texts: t, locale, locales: LOCALES, intlLocale: INTL_LOCALE[locale], rights: FORM_RIGHTS };

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
<nav class="views" aria-label="${e(t.title)}"><button type="button" class="secondary" id="nav-requests" aria-current="page">${e(t.report.requestsTab)}</button> <button type="button" class="secondary" id="nav-dashboard">${e(t.report.dashboardTitle)}</button></nav>
<div id="console-message" role="status" aria-live="polite"></div>
<section id="dashboard-view" aria-labelledby="dashboard-title" hidden>
<h2 id="dashboard-title">${e(t.report.dashboardTitle)}</h2>
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
<h3>${e(t.report.onTimeTitle)}</h3>
<div id="chart-ontime" class="chart-box"></div>
<h3>${e(t.report.openByDueTitle)}</h3>
<div id="chart-open" class="chart-box"></div>
<h3>${e(t.report.healthTitle)}</h3>
<div id="chart-health" class="chart-box"></div>
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
</section>
<section id="detail-view" hidden>
<p><button type="button" class="secondary" id="back">${e(t.back)}</button></p>
<h2 id="request-heading" tabindex="-1">${e(t.requestTitle)}</h2>
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
<div class="field"><label for="deny-text">${e(t.denyText)}</label>
<p class="hint" id="deny-hint">${e(t.denyHint)}</p>
<textarea id="deny-text" name="text" rows="10" required aria-describedby="deny-hint"></textarea></div>
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
<thead>${th(t.colProcessor, t.colKind, t.colAction, t.colStatus, t.colAttempts, t.colError, t.colFinished, t.colNote, t.colActions)}</thead>
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
