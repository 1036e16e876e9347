/**
 * Public transparency figures (issue 5): per calendar year, how many requests a controller
 * received, complied with and refused, and the median days to answer. Aggregates only. They are
 * computed with each digest and kept as one item, so the public page costs one read however often
 * it is loaded.
 */
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ddb } from './aws/dynamodb';
import { spread, type ReportedRequest } from './compliance-figures';
import { inPeriod, requestsReceived } from './compliance-report';
import { requiredEnv } from './env';
import { ANSWERED_INDEX } from './report-indexes';

const TABLE = requiredEnv('REQUESTS_TABLE');
const DAY_MS = 86_400_000;
const key = (controllerId: string) => ({ pk: `REPORT#${controllerId}`, sk: 'TRANSPARENCY' });

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
  /** Counted after {@link FINAL_AFTER_MONTHS}: the figures no longer change and are not counted again. */
  final?: boolean;
}

/**
 * Months after a year ends by which its figures stand: every request received in it was due by then
 * (one month, and two more if extended). Received and answered are counted by dates inside the year,
 * so only a withdrawal could still change them, and a request can be withdrawn only while open.
 */
const FINAL_AFTER_MONTHS = 3;

/** The published figures: the year so far and the year before. */
export interface TransparencyFigures {
  controllerId: string;
  updatedAt: string;
  years: TransparencyYear[];
}

async function yearFigures(controllerId: string, year: number, now: Date): Promise<TransparencyYear> {
  const period = { from: new Date(Date.UTC(year, 0, 1)), to: new Date(Math.min(Date.UTC(year + 1, 0, 1), now.getTime())) };
  let received = 0;
  let withdrawn = 0;
  for await (const r of requestsReceived(controllerId, period)) {
    received += 1;
    if (r.status === 'cancelled') withdrawn += 1;
  }
  let compliedWith = 0;
  let refused = 0;
  const days: number[] = [];
  for await (const r of inPeriod<ReportedRequest>(ANSWERED_INDEX, 'completedAt', controllerId, period)) {
    if (r.status === 'denied') refused += 1;
    else compliedWith += 1;
    if (r.receivedAt && r.completedAt) days.push((Date.parse(r.completedAt) - Date.parse(r.receivedAt)) / DAY_MS);
  }
  const median = spread(days)?.median;
  return {
    year,
    toDate: period.to.getTime() < Date.UTC(year + 1, 0, 1),
    received,
    compliedWith,
    refused,
    withdrawn,
    medianDaysToAnswer: median === undefined ? null : Math.round(median * 10) / 10,
  };
}

/**
 * Computes this year's and last year's figures and stores them for the public page. Last year's are
 * counted again only until they are final, so a digest reads this year's activity, not the history.
 */
export async function refreshTransparency(controllerId: string, now = new Date()): Promise<TransparencyFigures> {
  const year = now.getUTCFullYear();
  const published = (await publishedTransparency(controllerId))?.years.find((y) => y.year === year - 1 && y.final);
  const lastYear = published ?? {
    ...(await yearFigures(controllerId, year - 1, now)),
    ...(now.getTime() >= Date.UTC(year, FINAL_AFTER_MONTHS, 1) ? { final: true } : {}),
  };
  const figures: TransparencyFigures = {
    controllerId,
    updatedAt: now.toISOString(),
    years: [await yearFigures(controllerId, year, now), lastYear],
  };
  await ddb.send(new PutCommand({ TableName: TABLE, Item: { ...key(controllerId), ...figures } }));
  return figures;
}

/** The figures last published, if any. */
export async function publishedTransparency(controllerId: string): Promise<TransparencyFigures | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: TABLE, Key: key(controllerId) }));
  if (!out.Item) return undefined;
  const { pk: _pk, sk: _sk, ...figures } = out.Item;
  return figures as TransparencyFigures;
}
