/**
 * Reads what a compliance report needs for one controller and one period: four bounded queries
 * (received, answered and branch outcomes in the period; open work now), never a Scan, so the cost
 * follows open work and the period's activity, not the history behind them.
 */
import { all } from '../platform/data/paginate';
import { answeredIn, branchOutcomesIn, receivedIn } from '../platform/data/reports';
import { openRequests } from '../platform/data/requests';
import {
  type ComplianceFigures,
  complianceFigures,
  type ReportedBranch,
  type ReportedOpenRequest,
  type ReportedRequest,
  type ReportRows,
} from './compliance-figures';

/** A period of a report: from (inclusive) to (exclusive). */
export interface ReportPeriod {
  from: Date;
  to: Date;
}

/** Requests of a controller received in the period, oldest first (the dashboard's CSV export). */
export const requestsReceived = (controllerId: string, period: ReportPeriod) => receivedIn<ReportedRequest>(controllerId, period);

/** Requests of a controller answered (completed or refused) in the period, oldest first. */
export const requestsAnswered = (controllerId: string, period: ReportPeriod) => answeredIn<ReportedRequest>(controllerId, period);

/** The rows a report is computed from. */
export async function reportRows(controllerId: string, period: ReportPeriod): Promise<ReportRows> {
  const [received, answered, branches, open] = await Promise.all([
    all(requestsReceived(controllerId, period)),
    all(requestsAnswered(controllerId, period)),
    all(branchOutcomesIn<ReportedBranch>(controllerId, period)),
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
