/**
 * Compliance figures and request lists as CSV (RFC 4180, CRLF), for the DPO's spreadsheet: the
 * digest's attachment and the console's export. Ids, rights, dates and outcomes only.
 */

import { RIGHTS } from '../domain/request';
import { csvCell } from '../platform/csv';
import type { RetentionRun } from '../platform/data/retention-runs';
import type { ComplianceFigures, ReportedRequest, Spread } from './compliance-figures';

const lines = (rows: unknown[][]) => rows.map((r) => `${r.map(csvCell).join(',')}\r\n`).join('');

/**
 * The digest's figures in long form, one figure a row: `section,item,measure,value` (e.g.
 * `received,access,count,12`, `processor,crm,failed,2`), so any period's file has the same columns.
 */
export function figuresCsv(f: ComplianceFigures, retentionRuns: RetentionRun[] = []): string {
  const rows: unknown[][] = [['section', 'item', 'measure', 'value']];
  const spread = (section: string, item: string, unit: string, s: Spread | null) => {
    if (!s) return;
    rows.push([section, item, 'count', s.count], [section, item, `median_${unit}`, round(s.median)], [section, item, `p90_${unit}`, round(s.p90)]);
  };
  rows.push(['period', 'from', 'time', f.period.from], ['period', 'to', 'time', f.period.to]);
  rows.push(['received', 'total', 'count', f.received.total], ['received', 'withdrawn', 'count', f.received.withdrawn]);
  for (const right of RIGHTS) rows.push(['received', right, 'count', f.received.byRight[right]]);
  const a = f.answered;
  rows.push(['answered', 'total', 'count', a.total], ['answered', 'completed', 'count', a.completed], ['answered', 'denied', 'count', a.denied]);
  rows.push(['answered', 'on_time', 'count', a.onTime], ['answered', 'late', 'count', a.late]);
  if (a.onTimeShare !== null) rows.push(['answered', 'on_time', 'share', round(a.onTimeShare, 4)]);
  for (const right of RIGHTS) rows.push(['answered', right, 'count', a.byRight[right]]);
  spread('answered', 'days_to_answer', 'days', a.daysToAnswer);
  rows.push(['open', 'total', 'count', f.open.total]);
  for (const [status, count] of Object.entries(f.open.byStatus)) rows.push(['open', status, 'count', count]);
  for (const w of f.open.overdue) rows.push(['overdue', w.requestId, 'due_at', w.dueAt]);
  for (const w of f.open.dueWithin7Days) rows.push(['due_within_7_days', w.requestId, 'due_at', w.dueAt]);
  for (const w of f.open.pastTarget) rows.push(['past_internal_target', w.requestId, 'target_at', w.targetAt!]);
  for (const x of f.extensions) rows.push(['extension', x.requestId, 'months', x.months], ['extension', x.requestId, 'reasons', x.reasons]);
  for (const x of f.refusals) rows.push(['refusal', x.requestId, 'reason', x.reason]);
  for (const p of f.processors) {
    rows.push(['processor', p.processorId, 'completed', p.completed], ['processor', p.processorId, 'failed', p.failed]);
    rows.push(['processor', p.processorId, 'stopped', p.stopped]);
    rows.push(['processor', p.processorId, 'failure_share', round(p.failureShare, 4)], ['processor', p.processorId, 'retries', p.retries]);
    spread('processor', p.processorId, 'seconds', p.duration);
  }
  for (const run of retentionRuns) {
    const measures: [string, unknown][] = [
      ['mode', run.mode],
      ['status', run.status],
      ['run_at', run.runAt],
      ['cutoff', run.cutoff],
      ['matched', run.matched ?? 0],
      ['would_erase', run.wouldErase ?? 0],
      ['erased', run.erased ?? 0],
      ['kept_legal_hold', run.keptUnderLegalHold ?? 0],
      ['kept_restricted', run.keptRestricted ?? 0],
      // SQL rules: rows declared tables still refer to, and rows left for the next run.
      ...(run.table
        ? ([
            ['table', run.table],
            ['kept_referenced', run.keptReferenced ?? 0],
            ['deferred', run.deferred ?? 0],
          ] as [string, unknown][])
        : []),
    ];
    for (const [measure, value] of measures) rows.push(['retention_rule', run.ruleId, measure, value]);
  }
  return lines(rows);
}

/** Requests as rows for the console's export: one request a row, no personal data. */
export function requestsCsv(requests: Iterable<ReportedRequest>): string {
  const rows: unknown[][] = [['requestId', 'right', 'status', 'receivedAt', 'dueAt', 'answeredAt', 'onTime', 'extendedMonths', 'refusalReason']];
  for (const r of requests) {
    rows.push([r.requestId, r.type, r.status, r.receivedAt, r.dueAt, r.completedAt, r.onTime, r.extension?.months, r.denial?.reason]);
  }
  return lines(rows);
}

function round(x: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
