/**
 * Audit trails: appending to a trail's hash chain (the chain itself is
 * functions/platform/audit-chain.ts) and reading it back. Events are never updated or deleted.
 */
import type { Actor, AuditEvent } from '../../domain/request';
import { type ChainedAuditEvent, canonicalJson, chainNext } from '../audit-chain';
import { isConditionFailure } from '../aws/dynamodb';
import { and, beginsWith, between, eq, exists, notExists, queryExpression, type UpdateSpec } from './expressions';
import { auditEventKey, auditPartition, auditPrefix, auditRangeEnd, type ItemKey, trailOf } from './keys';
import { all, first } from './paginate';
import { putItem, queryItems, updateItem } from './table';

/** Writers of one request's trail race for the next number (the Map's branches run in parallel): tries before giving up. */
const AUDIT_WRITE_ATTEMPTS = 20;

/** The error an audit write ends with when other writers kept taking the next number. */
export class AuditContentionError extends Error {
  override name = 'AuditContentionError';
}

/** A trail's events, in chain order, read consistently. */
function trailEvents(trailId: string, opts: { after?: number; newestFirst?: boolean; limit?: number } = {}): AsyncGenerator<ChainedAuditEvent> {
  const pk = eq('pk', auditPartition(trailId));
  const range = opts.after === undefined ? beginsWith('sk', auditPrefix) : between('sk', auditEventKey(trailId, opts.after + 1).sk, auditRangeEnd);
  return queryItems<ChainedAuditEvent>({
    ...queryExpression(and(pk, range)),
    ConsistentRead: true,
    ...(opts.newestFirst ? { ScanIndexForward: false } : {}),
    ...(opts.limit ? { Limit: opts.limit } : {}),
  });
}

/** The last event of a trail, read consistently (the chain's head), or none. */
const lastAuditEvent = (trailId: string) => first(trailEvents(trailId, { newestFirst: true, limit: 1 }));

/** A trail's events numbered above `seq`, in chain order, read consistently. */
const auditEventsAfter = (trailId: string, seq: number) => all(trailEvents(trailId, { after: seq }));

/** How an audit event is appended. */
export interface AuditOptions {
  /** Only if the trail does not hold it yet (see {@link auditOnce}). */
  once?: boolean;
  /**
   * The chain's head as the caller knows it (null: a trail not started, e.g. a request just
   * created), so the first attempt needs no read; a wrong guess only costs a retry. With `once`,
   * the caller knows the trail up to it does not hold the event (checked again after a lost race).
   */
  head?: ChainedAuditEvent | null;
}

/**
 * Appends an audit event to the request's hash chain (functions/platform/audit-chain.ts): knows the
 * chain's head, writes the next number only if nobody holds it yet (one conditional put, no
 * transaction), and on losing that race reads the events written since and tries the number
 * after them, after a short random wait. Each try costs one read and one write, so parallel
 * branches finishing at once (each with an event) get through quickly even on a slow table.
 * `requestId` may also name a trail that is not a request's (see `auditPartition` in keys.ts).
 * Returns the event as written (undefined when `once` found it written already).
 */
export async function audit(
  requestId: string,
  event: string,
  actor: Actor,
  detail?: AuditEvent['detail'],
  at = new Date(),
  opts: AuditOptions = {},
): Promise<ChainedAuditEvent | undefined> {
  const item: AuditEvent = { event, at: at.toISOString(), actor, ...(detail ? { detail } : {}) };
  const same = canonicalJson(sameness(item));
  // `once` reads the whole trail (it must look at every event), unless the caller read it; otherwise the head alone will do.
  let last: ChainedAuditEvent | undefined;
  if (opts.once && opts.head === undefined) {
    const trail = await auditEventsAfter(requestId, 0);
    if (trail.some((e) => canonicalJson(sameness(e)) === same)) return undefined;
    last = trail.at(-1);
  } else {
    // The caller's idea of the head saves a read; a wrong guess only costs a retry.
    last = opts.head !== undefined ? (opts.head ?? undefined) : await lastAuditEvent(requestId);
  }
  for (let attempt = 1; ; attempt++) {
    const next = chainNext(requestId, last, item);
    try {
      await putItem(auditEventKey(requestId, next.seq), next, notExists('pk'));
      return next;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      if (attempt >= AUDIT_WRITE_ATTEMPTS) throw new AuditContentionError(`audit event not recorded after ${attempt} attempts`);
      // Full jitter, growing: writers that collided spread out rather than collide again.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 5 * 2 ** attempt)));
      const written = await auditEventsAfter(requestId, last?.seq ?? 0);
      if (opts.once && written.some((e) => canonicalJson(sameness(e)) === same)) return undefined;
      last = written.at(-1) ?? last;
    }
  }
}

/**
 * Appends an event unless the trail already holds one of the same name, time, actor and detail:
 * for a step that records a change and then its event, so a retry after a crash between the two
 * records the event that was missed, and never a second. `at` must be the time the change
 * recorded (e.g. the branch's `submittedAt`), which tells occurrences apart. Checked again after
 * losing a race, so two writers at once record it once.
 */
export async function auditOnce(requestId: string, event: string, actor: Actor, detail: AuditEvent['detail'], at: Date): Promise<void> {
  await audit(requestId, event, actor, detail, at, { once: true });
}

/** What makes two audit events the same occurrence for {@link auditOnce}. */
const sameness = (e: AuditEvent) => ({ event: e.event, at: e.at, actor: e.actor, detail: e.detail ?? null });

/** A request's audit trail in chain order (by sequence number). */
export function listAudit(requestId: string): Promise<ChainedAuditEvent[]> {
  return all(trailEvents(requestId));
}

/**
 * The attribute an item keeps its owed events in: a string set of {@link owedEntry} entries,
 * each an audit event written in the same update as the change it records, and taken out once
 * the event is on the trail ({@link settleOwed}). A crash between the two leaves the entry, and
 * whoever reads the item next (a retry, the sweep, a close, staff reading the trail) records it.
 */
export const AUDIT_OWED = 'auditOwed';

/** An audit event at `at`. */
export const auditEvent = (event: string, actor: Actor, detail: AuditEvent['detail'], at: Date): AuditEvent => ({
  event,
  at: at.toISOString(),
  actor,
  ...(detail ? { detail } : {}),
});

/** How an owed event is kept: its canonical JSON, so the same event is the same entry. */
export const owedEntry = (event: AuditEvent): string => canonicalJson(event);

/** The part of an update that owes `events`: add it to the update that makes the change they record. */
export const owing = (events: readonly AuditEvent[] | undefined): Pick<UpdateSpec, 'addToSet'> =>
  events?.length ? { addToSet: { [AUDIT_OWED]: events.map(owedEntry) } } : {};

const isOwed = (e: unknown): e is AuditEvent =>
  typeof e === 'object' &&
  e !== null &&
  typeof (e as AuditEvent).event === 'string' &&
  typeof (e as AuditEvent).at === 'string' &&
  typeof (e as AuditEvent).actor === 'string';

/**
 * Records on the trail the events `owner` owes (its {@link AUDIT_OWED} entries as read), once
 * each, in the order they happened, then takes them off the item. Safe to repeat and to run
 * beside the writer: {@link auditOnce} records each occurrence once. Returns how many it saw.
 */
export async function settleOwed(owner: ItemKey, owed: Iterable<string> | undefined): Promise<number> {
  const entries = [...(owed ?? [])];
  if (entries.length === 0) return 0;
  await recordOwed(owner, entries);
  await updateItem(owner, { deleteFromSet: { [AUDIT_OWED]: entries }, condition: exists('pk') });
  return entries.length;
}

/**
 * Records on the trail those of the events `owner` owes that it does not hold yet, and leaves the
 * item as it is (the next {@link settleOwed} takes them off): for a reader that may only append to
 * the trail, such as the staff API's views, which write nothing when nothing is missing.
 */
export async function recordOwed(owner: ItemKey, owed: Iterable<string> | undefined): Promise<void> {
  const entries = [...(owed ?? [])];
  if (entries.length === 0) return;
  const events = entries
    .map((entry) => {
      try {
        return JSON.parse(entry) as unknown;
      } catch {
        return undefined;
      }
    })
    .filter(isOwed)
    .sort((a, b) => a.at.localeCompare(b.at));
  const trailId = trailOf(owner);
  // One read of the trail for them all; each append checks again only if it loses a race.
  const trail = await auditEventsAfter(trailId, 0);
  const recorded = new Set(trail.map((e) => canonicalJson(sameness(e))));
  let head: ChainedAuditEvent | null = trail.at(-1) ?? null;
  for (const e of events) {
    if (recorded.has(canonicalJson(sameness(e)))) continue;
    head = (await audit(trailId, e.event, e.actor, e.detail, new Date(e.at), { once: true, head })) ?? (await lastAuditEvent(trailId)) ?? null;
  }
}
