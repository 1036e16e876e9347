/**
 * The DPO's compliance digest as an email: the figures of one period in tables a mail program
 * shows as they are (inline styles, no images, no scripts), with the same content as plain text.
 * Each part is described once as blocks and rendered twice, so the two never drift apart.
 * Request references and console links only: the digest names nobody.
 */

import { RIGHTS } from '../../functions/domain/request';
import type { RetentionRun } from '../../functions/platform/data/retention-runs';
import type { ComplianceFigures, WatchedRequest } from '../../functions/reporting/compliance-figures';
import type { KeptAnswer } from '../../functions/reporting/processor-answers';
import { escapeHtml as e, safeHref } from '../html.ts';
import { formatDate, formatNumber, type Locale } from '../locale.ts';
import { type ReportTexts, reportTexts } from '../texts/reports/index.ts';
import type { Email } from './email.ts';

/** A table cell: text, or text linking somewhere. */
type Cell = string | { text: string; href: string };
/** One piece of the email, rendered both as HTML and as text. */
type Block = { h: string } | { p: string; href?: string } | { head: string[]; rows: Cell[][]; numeric?: number[] };

/** Requests listed by name in one table of the email; the rest are counted (the CSV lists all). */
const MAX_LISTED = 50;
const FONT = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const CELL = 'padding:4px 8px;border-bottom:1px solid #d9d9d9;text-align:left;vertical-align:top';

/** `{name}` placeholders of a console text filled in. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

function html(blocks: Block[]): string {
  return blocks
    .map((b) => {
      if ('h' in b) return `<h2 style="font-size:17px;margin:24px 0 8px">${e(b.h)}</h2>`;
      if ('p' in b)
        return `<p style="margin:0 0 12px">${b.href ? `<a href="${safeHref(b.href)}" style="color:#0b4f8a;font-weight:bold">${e(b.p)}</a>` : e(b.p)}</p>`;
      const align = (i: number) => (b.numeric?.includes(i) ? ';text-align:right' : '');
      // Links are request references: kept on one line, in a monospace face.
      const cell = (c: Cell, i: number) =>
        `<td style="${CELL}${align(i)}">${typeof c === 'string' ? e(c) : `<a href="${safeHref(c.href)}" style="color:#0b4f8a;white-space:nowrap;font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px">${e(c.text)}</a>`}</td>`;
      return `<table role="table" cellpadding="0" cellspacing="0" style="border-collapse:collapse;margin:0 0 16px;font-size:14px">
<thead><tr>${b.head.map((h, i) => `<th style="${CELL};font-weight:bold${align(i)}">${e(h)}</th>`).join('')}</tr></thead>
<tbody>
${b.rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('\n')}
</tbody></table>`;
    })
    .join('\n');
}

function text(blocks: Block[]): string {
  const cellText = (c: Cell) => (typeof c === 'string' ? c : `${c.text} <${c.href}>`);
  return `${blocks
    .map((b) => {
      if ('h' in b) return `${b.h}\n${'-'.repeat(b.h.length)}`;
      if ('p' in b) return b.href ? `${b.p}: ${b.href}` : b.p;
      return [b.head.join(' | '), ...b.rows.map((r) => r.map(cellText).join(' | '))].join('\n');
    })
    .join('\n\n')}\n`;
}

/** What the digest needs besides the figures. */
export interface DigestEmailInput {
  figures: ComplianceFigures;
  locale: Locale;
  controllerName: string;
  /** Time zone the dates are shown in (the digest schedule's). */
  timezone: string;
  /** Processor names by id, from the register. */
  processorNames: Record<string, string>;
  /** The console at one request (`links.console`), and the console itself. */
  consoleUrl: (requestId: string) => string;
  consoleHome: string;
  /** The latest run of each of the controller's retention rules in the period. */
  retentionRuns?: RetentionRun[];
  /** What processors answered they kept (`retained`, `partly`) at the period's requests. */
  keptAnswers?: KeptAnswer[];
}

/** A processor's kept answer in the reader's words: its basis, or what was kept and why, and until when. */
export function keptAnswerText(answer: KeptAnswer['answer'], r: ReportTexts['report'], locale: Locale): string {
  // Free text of the processor's, on one line of the table.
  const line = (s: string) => s.replace(/\s+/g, ' ').trim();
  // `until` is a calendar date: shown as that day wherever the reader is.
  const until = answer.until ? fill(r.answerUntil, { date: formatDate(answer.until, locale, 'UTC') }) : '';
  return answer.outcome === 'retained'
    ? fill(r.answerRetained, { basis: line(answer.basis) }) + until
    : fill(r.answerPartly, { kept: line(answer.kept), reason: line(answer.reason) }) + until;
}

/** The digest email: subject, text and HTML, from the figures. */
export function digestEmail(input: DigestEmailInput): Email {
  const { figures: f, locale } = input;
  const t = reportTexts[locale];
  const r = t.report;
  const n = (x: number) => formatNumber(x, locale);
  const date = (iso: string) => formatDate(iso, locale, input.timezone);
  const pct = (share: number | null) => (share === null ? '–' : `${formatNumber(Math.round(share * 1000) / 10, locale)} %`);
  const days = (x: number | undefined) => (x === undefined ? '–' : formatNumber(Math.round(x * 10) / 10, locale));
  // The period's last day is the day before `to` (which is exclusive).
  const words = { controller: input.controllerName, from: date(f.period.from), to: date(new Date(Date.parse(f.period.to) - 1).toISOString()) };
  const subject = fill(r.digestSubject, words).replace(/[\r\n]+/g, ' ');

  // A long list is cut in the email (the CSV has every request), most urgent first.
  const watched = (title: string, list: WatchedRequest[]): Block[] => [
    { h: `${title} (${n(list.length)})` },
    list.length
      ? {
          head: [r.request, r.right, r.status, r.dueAt, r.daysLeft],
          rows: list
            .slice(0, MAX_LISTED)
            .map((w) => [{ text: w.requestId, href: input.consoleUrl(w.requestId) }, t.type[w.type], t.requestStatus[w.status], date(w.dueAt), n(w.daysLeft)]),
          numeric: [4],
        }
      : { p: r.none },
    ...(list.length > MAX_LISTED ? [{ p: fill(r.moreInCsv, { n: n(list.length - MAX_LISTED) }) }] : []),
  ];
  // Only for a controller that sets itself a target, and only when a request passed it.
  const pastTargetSection = (list: WatchedRequest[]): Block[] =>
    list.length
      ? [
          { h: `${r.pastTargetTitle} (${n(list.length)})` },
          { p: r.pastTargetNote },
          {
            head: [r.request, r.right, r.status, r.targetAt, r.dueAt, r.daysLeft],
            rows: list
              .slice(0, MAX_LISTED)
              .map((w) => [
                { text: w.requestId, href: input.consoleUrl(w.requestId) },
                t.type[w.type],
                t.requestStatus[w.status],
                date(w.targetAt!),
                date(w.dueAt),
                n(w.daysLeft),
              ]),
            numeric: [5],
          },
          ...(list.length > MAX_LISTED ? [{ p: fill(r.moreInCsv, { n: n(list.length - MAX_LISTED) }) }] : []),
        ]
      : [];
  const name = (id: string) => input.processorNames[id] ?? id;
  const seconds = (s: number | undefined) =>
    s === undefined ? '–' : s < 120 ? `${n(Math.round(s))} s` : s < 7200 ? `${n(Math.round(s / 60))} min` : `${days(s / 3600)} h`;

  const keptSection = (kept: KeptAnswer[]): Block[] =>
    kept.length
      ? [
          { h: `${r.keptTitle} (${n(kept.length)})` },
          {
            head: [r.request, r.processor, r.answer],
            rows: kept
              .slice(0, MAX_LISTED)
              .map((k) => [{ text: k.requestId, href: input.consoleUrl(k.requestId) }, name(k.processorId), keptAnswerText(k.answer, r, locale)]),
          },
          ...(kept.length > MAX_LISTED ? [{ p: fill(r.moreInConsole, { n: n(kept.length - MAX_LISTED) }) }] : []),
        ]
      : [];

  const blocks: Block[] = [
    { p: fill(r.digestIntro, words) },
    { h: r.summaryTitle },
    {
      head: ['', ''],
      rows: [
        [r.received, n(f.received.total)],
        [r.answered, n(f.answered.total)],
        [r.onTimeShare, pct(f.answered.onTimeShare)],
        [r.medianDays, days(f.answered.daysToAnswer?.median)],
        [r.p90Days, days(f.answered.daysToAnswer?.p90)],
        [r.withdrawn, n(f.received.withdrawn)],
        [r.openNow, n(f.open.total)],
        [r.dueSoon, n(f.open.dueWithin7Days.length)],
        [r.overdue, n(f.open.overdue.length)],
        ...(f.open.pastTarget.length ? [[r.pastTarget, n(f.open.pastTarget.length)]] : []),
      ],
      numeric: [1],
    },
    ...watched(r.overdueTitle, f.open.overdue),
    ...watched(r.dueSoonTitle, f.open.dueWithin7Days),
    ...pastTargetSection(f.open.pastTarget),
    { h: r.byRightTitle },
    {
      head: [r.right, r.received, r.answered],
      rows: RIGHTS.map((right) => [t.type[right], n(f.received.byRight[right]), n(f.answered.byRight[right])]),
      numeric: [1, 2],
    },
    { h: r.openByStatusTitle },
    Object.keys(f.open.byStatus).length
      ? {
          head: [r.status, r.count],
          rows: Object.entries(f.open.byStatus).map(([s, c]) => [t.requestStatus[s as keyof ReportTexts['requestStatus']], n(c!)]),
          numeric: [1],
        }
      : { p: r.none },
    { h: `${r.extensionsTitle} (${n(f.extensions.length)})` },
    f.extensions.length
      ? {
          head: [r.request, r.right, r.months, r.reasons],
          rows: f.extensions.map((x) => [{ text: x.requestId, href: input.consoleUrl(x.requestId) }, t.type[x.type], n(x.months), x.reasons]),
        }
      : { p: r.none },
    { h: `${r.refusalsTitle} (${n(f.refusals.length)})` },
    f.refusals.length
      ? {
          head: [r.request, r.right, r.reason],
          rows: f.refusals.map((x) => [{ text: x.requestId, href: input.consoleUrl(x.requestId) }, t.type[x.type], t.denialReason[x.reason]]),
        }
      : { p: r.none },
    { h: r.processorsTitle },
    f.processors.length
      ? {
          head: [r.processor, r.completed, r.failed, r.stopped, r.failureShare, r.medianTime, r.retries],
          rows: f.processors.map((p) => [
            name(p.processorId),
            n(p.completed),
            n(p.failed),
            n(p.stopped),
            pct(p.failureShare),
            seconds(p.duration?.median),
            n(p.retries),
          ]),
          numeric: [1, 2, 3, 4, 5, 6],
        }
      : { p: r.none },
    ...(f.processors.length
      ? [{ p: `${r.slowest}: ${f.slowest.map(name).join(', ') || r.none} ${r.mostFailing}: ${f.mostFailing.map(name).join(', ') || r.none}` }]
      : []),
    ...keptSection(input.keptAnswers ?? []),
    ...(input.retentionRuns?.length
      ? [
          { h: r.retentionTitle },
          {
            head: [r.rule, r.store, r.mode, r.matched, r.wouldErase, r.erased, r.keptHeld, r.status],
            rows: input.retentionRuns.map((run) => [
              run.description,
              // A SQL rule names its table: one database holds many.
              run.table ? `${name(run.processorId)} (${run.table})` : name(run.processorId),
              r.modes[run.mode],
              n(run.matched ?? 0),
              n(run.wouldErase ?? 0),
              n(run.erased ?? 0),
              n((run.keptUnderLegalHold ?? 0) + (run.keptRestricted ?? 0) + (run.keptReferenced ?? 0)),
              run.status,
            ]),
            numeric: [3, 4, 5, 6],
          } satisfies Block,
        ]
      : []),
    { p: r.csvNote },
    { p: r.consoleLink, href: input.consoleHome },
  ];

  return {
    subject,
    text: text(blocks),
    html: `<!doctype html>
<html lang="${e(locale)}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(subject)}</title></head>
<body style="margin:0;padding:0;background:#ffffff">
<div style="max-width:48rem;margin:0 auto;padding:24px 16px;${FONT};font-size:15px;line-height:1.5;color:#1b1b1b">
<h1 style="font-size:20px;margin:0 0 16px">${e(subject)}</h1>
${html(blocks)}
</div>
</body>
</html>
`,
  };
}
