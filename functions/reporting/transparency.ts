/**
 * Public transparency figures: per calendar year, how many requests a controller
 * received, complied with, refused and saw withdrawn, and the median days to answer. Aggregates
 * only. They are computed with each digest and kept as one item, so the public page costs one read
 * however often it is loaded.
 *
 * The digest must not read the history, so the figures are a running tally kept in an item of its
 * own: each refresh reads only what was received or answered since the last one, and looks again
 * at the requests that were still open then (only their ending can change a year's figures: a
 * withdrawal). Its cost follows the period's activity and open work, as the digest's does.
 */
import type { DigestSettings } from '../domain/register-schema';
import { FINAL_STATUSES, type RequestStatus } from '../domain/request';
import { parseScheduleExpression } from '../domain/schedule-expressions';
import { getTransparency, getTransparencyTally, putTransparency, putTransparencyTally } from '../platform/data/reports';
import { requestStatuses } from '../platform/data/requests';
import { logger } from '../platform/log';
import type { ReportedRequest } from './compliance-figures';
import { type ReportPeriod, requestsAnswered, requestsReceived } from './compliance-report';

const DAY_MS = 86_400_000;
/**
 * Longer than any Lambda runs: a write can carry a time up to this much older than the moment it
 * lands, so a tally counts for good only what is older than this, and reads the rest again.
 */
const SETTLE_MS = 15 * 60_000;
/**
 * Open requests a year's tally keeps ids of (an item holds at most 400 KB). A controller with more
 * open at once is counted from scratch each time instead: right, but reading the year.
 */
const MAX_OPEN_IDS = 8_000;

/** One calendar year's public figures. */
export interface TransparencyYear {
  year: number;
  /** Whether the year is still running (figures to date). */
  toDate: boolean;
  received: number;
  /** Answered by doing what was asked. */
  compliedWith: number;
  refused: number;
  withdrawn: number;
  /** Median days from receipt to answer, one decimal; null when nothing was answered. */
  medianDaysToAnswer: number | null;
  /** The year has ended and none of its requests is open: these figures no longer change. */
  final?: boolean;
}

/** The published figures: the year so far and the year before. */
export interface TransparencyFigures {
  controllerId: string;
  updatedAt: string;
  years: TransparencyYear[];
}

/** What one year's figures are built from; counted for good, never read again. */
interface YearTally {
  year: number;
  /** Requests received before this are counted in `received` (and `withdrawn`, or `openIds`). */
  receivedTo: string;
  received: number;
  withdrawn: number;
  /** Counted as received, and open when last looked at: looked at again until they end. */
  openIds: string[];
  /** Requests answered before this are counted in `compliedWith`, `refused` and `days`. */
  answeredTo: string;
  compliedWith: number;
  refused: number;
  /** Days from receipt to answer, to the hundredth, and how many requests took that long. */
  days: Record<string, number>;
}

const yearStart = (year: number) => new Date(Date.UTC(year, 0, 1));
const later = (a: string, b: string) => (a > b ? a : b);
const isOpen = (status: RequestStatus) => !FINAL_STATUSES.includes(status);

function emptyTally(year: number): YearTally {
  const start = yearStart(year).toISOString();
  return { year, receivedTo: start, received: 0, withdrawn: 0, openIds: [], answeredTo: start, compliedWith: 0, refused: 0, days: {} };
}

/** What `read` finds in `[from, to)`; nothing, without a query, once a year's tally has reached its end. */
function since(
  read: (controllerId: string, period: ReportPeriod) => AsyncGenerator<ReportedRequest>,
  controllerId: string,
  from: string,
  to: Date,
): AsyncIterable<ReportedRequest> {
  return Date.parse(from) < to.getTime() ? read(controllerId, { from: new Date(from), to }) : (async function* () {})();
}

/** The median of a tally of values (value → how many), or undefined when it holds none. */
function medianOf(tally: Map<number, number>): number | undefined {
  const values = [...tally.keys()].sort((a, b) => a - b);
  const n = values.reduce((sum, v) => sum + tally.get(v)!, 0);
  if (!n) return undefined;
  // The values at positions ⌊(n-1)/2⌋ and ⌊n/2⌋ (0-based) of the sorted list: one for odd n.
  const at = (position: number) => {
    let seen = 0;
    for (const v of values) {
      seen += tally.get(v)!;
      if (seen > position) return v;
    }
    return values[values.length - 1]!;
  };
  return (at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2))) / 2;
}

/**
 * Brings one year's tally up to `now` and gives the figures it shows now: what was counted for good,
 * plus what happened since that is too recent to count for good yet.
 */
async function refreshYear(controllerId: string, before: YearTally, now: Date): Promise<{ tally: YearTally; figures: TransparencyYear }> {
  const yearEnd = yearStart(before.year + 1).getTime();
  const to = new Date(Math.min(yearEnd, now.getTime()));
  const settled = new Date(Math.min(to.getTime(), now.getTime() - SETTLE_MS)).toISOString();
  const tally: YearTally = { ...before, openIds: [], days: { ...before.days } };

  // Requests open last time: a withdrawal is the one ending that changes the received year's figures.
  const statuses = await requestStatuses(before.openIds);
  for (const id of before.openIds) {
    const status = statuses.get(id);
    if (status === 'cancelled') tally.withdrawn += 1;
    else if (status && isOpen(status)) tally.openIds.push(id);
  }
  let received = tally.received;
  let withdrawn = tally.withdrawn;
  for await (const r of since(requestsReceived, controllerId, before.receivedTo, to)) {
    received += 1;
    if (r.status === 'cancelled') withdrawn += 1;
    if (r.receivedAt! >= settled) continue;
    tally.received += 1;
    if (r.status === 'cancelled') tally.withdrawn += 1;
    else if (isOpen(r.status)) tally.openIds.push(r.requestId);
  }
  tally.receivedTo = later(before.receivedTo, settled);

  let compliedWith = tally.compliedWith;
  let refused = tally.refused;
  const days = new Map(Object.entries(tally.days).map(([d, n]) => [Number(d), n]));
  for await (const r of since(requestsAnswered, controllerId, before.answeredTo, to)) {
    const took = r.receivedAt && r.completedAt ? Math.round(((Date.parse(r.completedAt) - Date.parse(r.receivedAt)) / DAY_MS) * 100) / 100 : undefined;
    const refusal = r.status === 'denied';
    if (refusal) refused += 1;
    else compliedWith += 1;
    if (took !== undefined) days.set(took, (days.get(took) ?? 0) + 1);
    if (r.completedAt! >= settled) continue;
    if (refusal) tally.refused += 1;
    else tally.compliedWith += 1;
    if (took !== undefined) tally.days[String(took)] = (tally.days[String(took)] ?? 0) + 1;
  }
  tally.answeredTo = later(before.answeredTo, settled);

  const median = medianOf(days);
  const ended = now.getTime() >= yearEnd + SETTLE_MS;
  return {
    tally,
    figures: {
      year: tally.year,
      toDate: to.getTime() < yearEnd,
      received,
      compliedWith,
      refused,
      withdrawn,
      medianDaysToAnswer: median === undefined ? null : Math.round(median * 10) / 10,
      ...(ended && !tally.openIds.length ? { final: true } : {}),
    },
  };
}

/**
 * Brings this year's and last year's figures up to `now` and stores them for the public page. The
 * first refresh counts the two years; every later one reads only what changed since.
 */
export async function refreshTransparency(controllerId: string, now = new Date(), { maxOpenIds = MAX_OPEN_IDS } = {}): Promise<TransparencyFigures> {
  const year = now.getUTCFullYear();
  const refreshed = [];
  for (const y of [year, year - 1]) {
    const stored = await getTransparencyTally<YearTally>(controllerId, y);
    const { tally, figures } = await refreshYear(controllerId, stored ?? emptyTally(y), now);
    // The tally first: published figures a crash left behind are refreshed from it next time.
    if (tally.openIds.length <= maxOpenIds) await putTransparencyTally(controllerId, y, tally);
    else
      logger.warn('transparency tally not kept: too many open requests; the year is counted again each time', {
        controllerId,
        year: y,
        open: tally.openIds.length,
      });
    refreshed.push(figures);
  }
  const figures: TransparencyFigures = { controllerId, updatedAt: now.toISOString(), years: refreshed };
  await putTransparency(controllerId, figures);
  return figures;
}

/** The figures last published, if any. */
export async function publishedTransparency(controllerId: string): Promise<TransparencyFigures | undefined> {
  return getTransparency<TransparencyFigures>(controllerId);
}

/**
 * When the next digest refreshes the figures: while none are published, the latest the first can
 * appear. Undefined when the schedule never fires again.
 */
export function nextTransparencyRefresh(digest: DigestSettings, now = new Date()): Date | undefined {
  return parseScheduleExpression(digest.schedule, digest.timezone).nextAfter(now);
}
