/**
 * Erasures decided now and carried out later (functions/retention/scheduled-erasures.ts says
 * which), with the two kinds of item they read: what a restriction marked, and suppression list
 * entries. Scheduled items sit in one partition per controller, sorted by when they are due, so
 * what is due is one Query, never a Scan.
 */
import { and, eq, le, queryExpression } from './expressions';
import { dueBy, restrictedKey, restrictedPartition, type ScheduledKeyParts, scheduledErasureKey, scheduledPartition, suppressionKey } from './keys';
import { all } from './paginate';
import { deleteItem, getItem, putItem, queryItems } from './table';

/** Records an erasure to carry out later. Idempotent: a retry writes the same item. */
export async function putScheduled(e: ScheduledKeyParts): Promise<void> {
  await putItem(scheduledErasureKey(e), e);
}

/** Everything due by `now` for one controller, earliest first. */
export function scheduledDue<T extends ScheduledKeyParts>(controllerId: string, now: Date): AsyncGenerator<T> {
  return queryItems<T>(queryExpression(and(eq('pk', scheduledPartition(controllerId)), le('sk', dueBy(now.toISOString())))));
}

/** Removes a scheduled erasure once carried out. */
export async function deleteScheduled(e: ScheduledKeyParts): Promise<void> {
  await deleteItem(scheduledErasureKey(e));
}

/** What a restriction marked at one store: keys only. */
export interface RestrictedItems {
  processorId: string;
  table: string;
  keys: Record<string, unknown>[];
}

/** Records the keys a restriction marked at a store, for lifting it later. Idempotent. */
export async function recordRestricted(requestId: string, processorId: string, table: string, keys: Record<string, unknown>[]): Promise<void> {
  await putItem(restrictedKey(requestId, processorId), { requestId, processorId, table, keys });
}

/** What a request restricted, store by store. */
export async function restrictedBy(requestId: string): Promise<RestrictedItems[]> {
  const items = await all(queryItems<RestrictedItems>({ ...queryExpression(eq('pk', restrictedPartition(requestId))), ConsistentRead: true }));
  return items.map((i) => ({ processorId: String(i.processorId), table: String(i.table), keys: i.keys }));
}

/** Puts a keyed hash on a processor's suppression list until `until`. */
export async function putSuppression(controllerId: string, processorId: string, hash: string, until: string): Promise<void> {
  await putItem(suppressionKey(controllerId, processorId, hash), { controllerId, processorId, until });
}

/** Until when a keyed hash is on a processor's suppression list, if it is. */
export async function suppressedUntil(controllerId: string, processorId: string, hash: string): Promise<string | undefined> {
  const entry = await getItem<{ until: string }>(suppressionKey(controllerId, processorId, hash), { consistent: false });
  return entry ? String(entry.until) : undefined;
}

export async function deleteSuppression(controllerId: string, processorId: string, hash: string): Promise<void> {
  await deleteItem(suppressionKey(controllerId, processorId, hash));
}
