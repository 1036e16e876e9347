/**
 * What the compliance reports and transparency figures read and keep: the report indexes by
 * period (functions/platform/data/indexes.ts), and the transparency items (the published figures
 * and each year's tally). Aggregates and ids only, never personal data.
 */
import { and, between, eq, queryExpression } from './expressions';
import { ANSWERED_INDEX, BRANCH_OUTCOMES_INDEX, RECEIVED_INDEX } from './indexes';
import { transparencyKey, transparencyTallyKey } from './keys';
import { getItem, putItem, queryItems } from './table';

/** A period: from (inclusive) to (exclusive). */
export interface Period {
  from: Date;
  to: Date;
}

/** Items of one controller in a report index whose sort key falls in the period, oldest first. */
function inPeriod<T>(indexName: string, sortKey: string, controllerId: string, period: Period): AsyncGenerator<T> {
  // BETWEEN is inclusive: the upper bound is the last millisecond before `to`.
  const to = new Date(period.to.getTime() - 1).toISOString();
  return queryItems<T>({ IndexName: indexName, ...queryExpression(and(eq('controllerId', controllerId), between(sortKey, period.from.toISOString(), to))) });
}

/** Requests of a controller received in the period (the received-by-controller index's projection). */
export const receivedIn = <T>(controllerId: string, period: Period) => inPeriod<T>(RECEIVED_INDEX, 'receivedAt', controllerId, period);
/** Requests of a controller answered (completed or refused) in the period. */
export const answeredIn = <T>(controllerId: string, period: Period) => inPeriod<T>(ANSWERED_INDEX, 'completedAt', controllerId, period);
/** Branches of a controller's requests that finished in the period. */
export const branchOutcomesIn = <T>(controllerId: string, period: Period) => inPeriod<T>(BRANCH_OUTCOMES_INDEX, 'finishedAt', controllerId, period);

/** A controller's published transparency figures, if any. */
export function getTransparency<T>(controllerId: string): Promise<T | undefined> {
  return getItem<T>(transparencyKey(controllerId), { consistent: false });
}

export async function putTransparency(controllerId: string, figures: object): Promise<void> {
  await putItem(transparencyKey(controllerId), figures);
}

/** What a year's transparency figures are counted from, if kept. */
export function getTransparencyTally<T>(controllerId: string, year: number): Promise<T | undefined> {
  return getItem<T>(transparencyTallyKey(controllerId, year), { consistent: false });
}

export async function putTransparencyTally(controllerId: string, year: number, tally: object): Promise<void> {
  await putItem(transparencyTallyKey(controllerId, year), tally);
}
