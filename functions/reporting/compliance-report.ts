/**
 * Reads what a compliance report needs for one controller and one period: four bounded queries
 * (received, answered and branch outcomes in the period; open work now), never a Scan, so the cost
 * follows open work and the period's activity, not the history behind them.
 */
import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ddb } from '../platform/aws/dynamodb';
import { ANSWERED_INDEX, BRANCH_OUTCOMES_INDEX, RECEIVED_INDEX } from '../platform/data/indexes';
import { openRequests } from '../platform/data/store';
import { requiredEnv } from '../platform/env';
import {
  type ComplianceFigures,
  complianceFigures,
  type ReportedBranch,
  type ReportedOpenRequest,
  type ReportedRequest,
  type ReportRows,
} from './compliance-figures';

const TABLE = requiredEnv('REQUESTS_TABLE');

/** A period of a report: from (inclusive) to (exclusive). */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

/** Items of one controller in a report index whose sort key falls in `[from, to)`, page by page. */
export async function* inPeriod<T>(indexName: string, sortKey: string, controllerId: string, period: ReportPeriod): AsyncGenerator<T> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: indexName,
        KeyConditionExpression: 'controllerId = :c AND #at BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#at': sortKey },
        // BETWEEN is inclusive: the upper bound is the last millisecond before `to`.
        ExpressionAttributeValues: { ':c': controllerId, ':from': period.from.toISOString(), ':to': new Date(period.to.getTime() - 1).toISOString() },
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) yield item as T;
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** Requests of a controller received in the period, oldest first (the dashboard's CSV export). */
export const requestsReceived = (controllerId: string, period: ReportPeriod) => inPeriod<ReportedRequest>(RECEIVED_INDEX, 'receivedAt', controllerId, period);

/** The rows a report is computed from. */
export async function reportRows(controllerId: string, period: ReportPeriod): Promise<ReportRows> {
  const [received, answered, branches, open] = await Promise.all([
    all(requestsReceived(controllerId, period)),
    all(inPeriod<ReportedRequest>(ANSWERED_INDEX, 'completedAt', controllerId, period)),
    all(inPeriod<ReportedBranch>(BRANCH_OUTCOMES_INDEX, 'finishedAt', controllerId, period)),
    all(openRequests(controllerId) as AsyncIterable<ReportedOpenRequest>),
  ]);
  return { received, answered, branches, open };
}

/** The compliance figures of one controller for `period` as of `now`. */
export async function complianceReport(controllerId: string, period: ReportPeriod, now = new Date()): Promise<ComplianceFigures> {
  return complianceFigures(controllerId, period, await reportRows(controllerId, period), now);
}

/** The `days` before `end`, as a report period. */
export function lastDays(days: number, end: Date): ReportPeriod {
  return { from: new Date(end.getTime() - days * 86_400_000), to: end };
}
