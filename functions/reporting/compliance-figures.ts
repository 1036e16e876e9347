/**
 * The figures a DPO answers to the regulator with, computed from the rows the report indexes give
 * (functions/reporting/compliance-report.ts reads them). Pure: the same rows give the same figures, so
 * tests check them against fixtures with known answers.
 */
import { clockPaused } from '../domain/deadlines';
import { type Branch, type DenialReason, type DsrRequest, type RequestStatus, RIGHTS, type Right, WITHDRAWN } from '../domain/request';

const DAY_MS = 86_400_000;

/** What the reports read of a request (the indexes project these; never the subject's personal data). */
export type ReportedRequest = Pick<DsrRequest, 'requestId' | 'type' | 'status' | 'receivedAt' | 'dueAt' | 'completedAt' | 'onTime' | 'extension' | 'denial'>;
/** What the reports read of a finished processor branch. */
export type ReportedBranch = Pick<
  Branch,
  'requestId' | 'processorId' | 'kind' | 'action' | 'status' | 'attempts' | 'startedAt' | 'finishedAt' | 'errorClass' | 'staffTask'
>;
/** An open request as the open-by-due index gives it. */
export type ReportedOpenRequest = Pick<DsrRequest, 'requestId' | 'type' | 'status' | 'dueAt' | 'openDue' | 'extension'> &
  Partial<Pick<DsrRequest, 'targetAt' | 'infoRequest' | 'fee'>>;

/** The rows one report is computed from: each read by key or index for the period, never by Scan. */
export interface ReportRows {
  /** Requests received in the period. */
  received: ReportedRequest[];
  /** Requests answered (completed or refused) in the period. */
  answered: ReportedRequest[];
  /** Every request open now. */
  open: ReportedOpenRequest[];
  /** Processor branches that finished in the period. */
  branches: ReportedBranch[];
}

/** Middle value (mean of the two middle ones for an even count) and the 90th percentile (nearest rank). */
export interface Spread {
  count: number;
  median: number;
  p90: number;
}

/** One open request the DPO should look at, with where to open it. */
export interface WatchedRequest {
  requestId: string;
  type: Right;
  status: RequestStatus;
  dueAt: string;
  /** Whole days until the deadline; negative once it has passed. */
  daysLeft: number;
  /** The controller's internal target, when the request has one. */
  targetAt?: string;
}

/** How one processor's branches went in the period. */
export interface ProcessorHealth {
  processorId: string;
  completed: number;
  /** Branches that failed: the processor's problems, not the subject's withdrawals. */
  failed: number;
  /** Branches stopped because the subject withdrew the request: counted apart, never as failures. */
  stopped: number;
  /** Share of branches that finished or failed (stopped ones left out) that failed, 0..1. */
  failureShare: number;
  /** Attempts beyond the first, summed: how often it had to be retried. */
  retries: number;
  /** Seconds from the branch's first attempt to its outcome. */
  duration: Spread | null;
}

/** The compliance figures of one controller for one period. */
export interface ComplianceFigures {
  controllerId: string;
  period: { from: string; to: string };
  received: { total: number; byRight: Record<Right, number>; withdrawn: number };
  answered: {
    total: number;
    byRight: Record<Right, number>;
    completed: number;
    denied: number;
    onTime: number;
    late: number;
    /** Share answered by the deadline, 0..1; null when nothing was answered. */
    onTimeShare: number | null;
    /** Days from receipt to answer. */
    daysToAnswer: Spread | null;
  };
  open: {
    total: number;
    byStatus: Partial<Record<RequestStatus, number>>;
    dueWithin7Days: WatchedRequest[];
    overdue: WatchedRequest[];
    /** Past the controller's internal target but within the legal deadline: shown, never counted overdue. */
    pastTarget: WatchedRequest[];
  };
  /** Deadlines extended in the period (Art. 12(3)), with staff's reasons. */
  extensions: { requestId: string; type: Right; months: number; reasons: string; at: string }[];
  /** Requests refused in the period (Art. 12(4)), by the reason's template. */
  refusals: { requestId: string; type: Right; reason: DenialReason; at: string }[];
  /** Processor branches that finished in the period, by processor: most failing first. */
  processors: ProcessorHealth[];
  /** Up to three processors with the slowest median, slowest first. */
  slowest: string[];
  /** Up to three processors with failures, most failing first. */
  mostFailing: string[];
}

const zeroByRight = () => Object.fromEntries(RIGHTS.map((r) => [r, 0])) as Record<Right, number>;

/** Median and p90 of values (sorted here); null for none. */
export function spread(values: number[]): Spread | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const median = n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2;
  const p90 = sorted[Math.ceil(0.9 * n) - 1]!;
  return { count: n, median, p90 };
}

const inPeriod = (at: string | undefined, from: string, to: string) => at !== undefined && at >= from && at < to;

/** The figures for `[from, to)` as of `now`. */
export function complianceFigures(controllerId: string, period: { from: Date; to: Date }, rows: ReportRows, now: Date): ComplianceFigures {
  const from = period.from.toISOString();
  const to = period.to.toISOString();

  const receivedByRight = zeroByRight();
  for (const r of rows.received) receivedByRight[r.type] += 1;

  const answeredByRight = zeroByRight();
  const days: number[] = [];
  let completed = 0;
  let denied = 0;
  let onTime = 0;
  for (const r of rows.answered) {
    answeredByRight[r.type] += 1;
    if (r.status === 'denied') denied += 1;
    else completed += 1;
    if (r.onTime) onTime += 1;
    if (r.receivedAt && r.completedAt) days.push((Date.parse(r.completedAt) - Date.parse(r.receivedAt)) / DAY_MS);
  }

  const byStatus: Partial<Record<RequestStatus, number>> = {};
  const dueWithin7Days: WatchedRequest[] = [];
  const overdue: WatchedRequest[] = [];
  const pastTarget: WatchedRequest[] = [];
  const soon = now.getTime() + 7 * DAY_MS;
  for (const r of rows.open) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    // Unconfirmed requests have no deadline yet (their openDue is the link's expiry); a paused clock
    // (a question, a fee) has none running: its date moves on when it runs again.
    if (r.status === 'awaiting_verification' || !r.dueAt || clockPaused(r)) continue;
    const due = Date.parse(r.dueAt);
    const watched = { requestId: r.requestId, type: r.type, status: r.status, dueAt: r.dueAt, daysLeft: Math.floor((due - now.getTime()) / DAY_MS) };
    if (due < now.getTime()) overdue.push(watched);
    else if (due <= soon) dueWithin7Days.push(watched);
    if (r.targetAt && Date.parse(r.targetAt) < now.getTime() && due >= now.getTime()) pastTarget.push({ ...watched, targetAt: r.targetAt });
  }
  const byDue = (a: WatchedRequest, b: WatchedRequest) => a.dueAt.localeCompare(b.dueAt) || a.requestId.localeCompare(b.requestId);

  // An extension granted in the period is on a request that is open now or was answered since.
  const extensions = new Map<string, ComplianceFigures['extensions'][number]>();
  for (const r of [...rows.open, ...rows.answered]) {
    if (r.extension && inPeriod(r.extension.at, from, to)) {
      extensions.set(r.requestId, { requestId: r.requestId, type: r.type, months: r.extension.months, reasons: r.extension.reasons, at: r.extension.at });
    }
  }
  const refusals = rows.answered
    .filter((r) => r.status === 'denied' && r.denial)
    .map((r) => ({ requestId: r.requestId, type: r.type, reason: r.denial!.reason, at: r.denial!.at }))
    .sort((a, b) => a.at.localeCompare(b.at));

  const processors = processorHealth(rows.branches);
  const timed = processors.filter((p) => p.duration);
  return {
    controllerId,
    period: { from, to },
    received: { total: rows.received.length, byRight: receivedByRight, withdrawn: rows.received.filter((r) => r.status === 'cancelled').length },
    answered: {
      total: rows.answered.length,
      byRight: answeredByRight,
      completed,
      denied,
      onTime,
      late: rows.answered.length - onTime,
      onTimeShare: rows.answered.length ? onTime / rows.answered.length : null,
      daysToAnswer: spread(days),
    },
    open: {
      total: rows.open.length,
      byStatus,
      dueWithin7Days: dueWithin7Days.sort(byDue),
      overdue: overdue.sort(byDue),
      pastTarget: pastTarget.sort((a, b) => a.targetAt!.localeCompare(b.targetAt!) || a.requestId.localeCompare(b.requestId)),
    },
    extensions: [...extensions.values()].sort((a, b) => a.at.localeCompare(b.at)),
    refusals,
    processors,
    slowest: timed
      .sort((a, b) => b.duration!.median - a.duration!.median || a.processorId.localeCompare(b.processorId))
      .slice(0, 3)
      .map((p) => p.processorId),
    mostFailing: processors
      .filter((p) => p.failed > 0)
      .slice(0, 3)
      .map((p) => p.processorId),
  };
}

/** Branch outcomes by processor, most failing first (then by name). */
function processorHealth(branches: ReportedBranch[]): ProcessorHealth[] {
  const by = new Map<string, { completed: number; failed: number; stopped: number; retries: number; seconds: number[] }>();
  for (const b of branches) {
    const p = by.get(b.processorId) ?? { completed: 0, failed: 0, stopped: 0, retries: 0, seconds: [] };
    if (b.status === 'failed' && b.errorClass === WITHDRAWN) {
      // The subject withdrew: nothing went wrong at the processor, and its time to answer was cut short.
      p.stopped += 1;
      by.set(b.processorId, p);
      continue;
    }
    if (b.status === 'failed') p.failed += 1;
    else if (b.status === 'completed') p.completed += 1;
    p.retries += Math.max(0, (b.attempts ?? 1) - 1);
    if (b.startedAt && b.finishedAt) p.seconds.push((Date.parse(b.finishedAt) - Date.parse(b.startedAt)) / 1000);
    by.set(b.processorId, p);
  }
  return [...by.entries()]
    .map(([processorId, p]) => ({
      processorId,
      completed: p.completed,
      failed: p.failed,
      stopped: p.stopped,
      failureShare: p.completed + p.failed ? p.failed / (p.completed + p.failed) : 0,
      retries: p.retries,
      duration: spread(p.seconds),
    }))
    .sort((a, b) => b.failed - a.failed || b.failureShare - a.failureShare || a.processorId.localeCompare(b.processorId));
}

/** One week of the dashboard's charts (weeks start on Monday, UTC). */
export interface WeekFigures {
  weekStart: string;
  received: Record<Right, number>;
  answered: number;
  onTime: number;
}

const mondayOf = (iso: string) => {
  const d = new Date(iso.slice(0, 10));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
};

/** Received (by right), answered and answered on time per week of the period, every week present. */
export function weeklySeries(rows: Pick<ReportRows, 'received' | 'answered'>, period: { from: Date; to: Date }): WeekFigures[] {
  const weeks = new Map<string, WeekFigures>();
  for (let d = new Date(mondayOf(period.from.toISOString())); d < period.to; d.setUTCDate(d.getUTCDate() + 7)) {
    const weekStart = d.toISOString().slice(0, 10);
    weeks.set(weekStart, { weekStart, received: zeroByRight(), answered: 0, onTime: 0 });
  }
  for (const r of rows.received) {
    const w = weeks.get(mondayOf(r.receivedAt!));
    if (w) w.received[r.type] += 1;
  }
  for (const r of rows.answered) {
    const w = weeks.get(mondayOf(r.completedAt!));
    if (!w) continue;
    w.answered += 1;
    if (r.onTime) w.onTime += 1;
  }
  return [...weeks.values()];
}

/** Open requests by how far away their deadline is. */
export interface OpenByDue {
  overdue: number;
  week: number;
  fortnight: number;
  later: number;
  /** Not confirmed yet: no deadline runs. */
  unconfirmed: number;
}

export function openByDue(open: ReportedOpenRequest[], now: Date): OpenByDue {
  const out: OpenByDue = { overdue: 0, week: 0, fortnight: 0, later: 0, unconfirmed: 0 };
  for (const r of open) {
    if (r.status === 'awaiting_verification' || !r.dueAt) {
      out.unconfirmed += 1;
      continue;
    }
    const days = (Date.parse(r.dueAt) - now.getTime()) / DAY_MS;
    if (days < 0) out.overdue += 1;
    else if (days <= 7) out.week += 1;
    else if (days <= 14) out.fortnight += 1;
    else out.later += 1;
  }
  return out;
}
