import { createHash } from 'node:crypto';
import type { Actor, AuditEvent } from '../domain/request';

/**
 * A request's audit trail as a hash chain (docs/ARCHITECTURE.md, "Audit trail"). Each event
 * carries its sequence number, the hash of the event before it and its own hash over a canonical
 * serialisation of what it says, so an edited, removed, inserted or reordered event is detectable
 * in an exported record. Pure: the store writes the chain, this module computes and checks it.
 *
 * What it does not do: someone who can rewrite the whole table can recompute every hash. Only a
 * head kept elsewhere (an earlier export, see {@link ChainAnchor}) catches that.
 */

/** The hash algorithm, as an exported record names it. */
export const AUDIT_HASH_ALGORITHM = 'sha256';
/** How events are serialised before hashing, as an exported record names it. */
export const AUDIT_CANONICALISATION =
  'RFC 8785 (JCS) of {requestId, seq, event, at, actor, detail, prevHash}: keys sorted by UTF-16 code units, no whitespace, absent detail left out; UTF-8; hex digest';
/** `prevHash` of the first event: there is none before it. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit event as stored and exported: its place in the chain and the hashes that bind it. */
export interface ChainedAuditEvent extends AuditEvent {
  /** 1, 2, 3…: the event's place in its request's trail. */
  seq: number;
  /** `hash` of event `seq - 1`, or {@link GENESIS_HASH} for the first. */
  prevHash: string;
  /** SHA-256 (hex) of the canonical form of the event with `requestId` and `prevHash`. */
  hash: string;
}

/** A request's exported audit trail: `GET /v1/staff/requests/{requestId}/audit`. */
export interface AuditRecord {
  requestId: string;
  controllerId: string;
  exportedAt: string;
  algorithm: typeof AUDIT_HASH_ALGORITHM;
  canonicalisation: string;
  events: ChainedAuditEvent[];
  /** How many events the trail held when exported. */
  count: number;
  /** The last event's hash ({@link GENESIS_HASH} for an empty trail). */
  head: string;
}

/** What an earlier export (or anyone keeping heads) knew: the chain then had `count` events ending in `head`. */
export interface ChainAnchor {
  count: number;
  head: string;
}

/** Why a record does not verify. */
export type ChainBreak =
  | 'malformed' // not a record, or an event lacks a field
  | 'gap' // an event's number is missing
  | 'reordered' // events out of order, or one number twice
  | 'broken_link' // prevHash is not the previous event's hash
  | 'edited' // the event's content does not give its hash
  | 'truncated' // fewer events than the record's count
  | 'head_mismatch' // the last event's hash is not the record's head
  | 'anchor_mismatch'; // the chain does not pass through a head known from before

export type ChainVerdict = { valid: true } | { valid: false; brokenAt: number; reason: ChainBreak; explanation: string };

/**
 * JSON with object keys sorted by UTF-16 code units and no whitespace. For the values audit events
 * hold (strings, finite numbers, booleans, null, arrays, plain objects) this is RFC 8785 (JCS):
 * JCS serialises strings and numbers as ECMAScript's JSON.stringify does. Undefined properties
 * are left out, as JSON.stringify leaves them out.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON has no form for a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
}

/** What an event's hash covers: the event, its request and its place after `prevHash`. */
export interface ChainInput {
  requestId: string;
  seq: number;
  event: string;
  at: string;
  actor: Actor;
  detail?: AuditEvent['detail'];
  prevHash: string;
}

/** The hash of one event: SHA-256 (hex) over its canonical form. */
export function auditEventHash(input: ChainInput): string {
  const { requestId, seq, event, at, actor, detail, prevHash } = input;
  return createHash('sha256').update(canonicalJson({ requestId, seq, event, at, actor, detail, prevHash }), 'utf8').digest('hex');
}

/** The next event of a chain whose last event is `last` (none: the first event). */
export function chainNext(requestId: string, last: Pick<ChainedAuditEvent, 'seq' | 'hash'> | undefined, event: AuditEvent): ChainedAuditEvent {
  const seq = last ? last.seq + 1 : 1;
  const prevHash = last ? last.hash : GENESIS_HASH;
  const { event: name, at, actor, detail } = event;
  const chained: ChainedAuditEvent = { seq, event: name, at, actor, ...(detail ? { detail } : {}), prevHash, hash: '' };
  chained.hash = auditEventHash({ requestId, ...chained });
  return chained;
}

/** A request's trail as an exportable record; `events` in chain order, as the store reads them. */
export function auditRecord(requestId: string, controllerId: string, events: ChainedAuditEvent[], exportedAt: Date): AuditRecord {
  return {
    requestId,
    controllerId,
    exportedAt: exportedAt.toISOString(),
    algorithm: AUDIT_HASH_ALGORITHM,
    canonicalisation: AUDIT_CANONICALISATION,
    events: events.map(({ seq, event, at, actor, detail, prevHash, hash }) => ({ seq, event, at, actor, ...(detail ? { detail } : {}), prevHash, hash })),
    count: events.length,
    head: events.at(-1)?.hash ?? GENESIS_HASH,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isEvent = (e: unknown): e is ChainedAuditEvent =>
  isObject(e) &&
  Number.isInteger(e.seq) &&
  typeof e.event === 'string' &&
  typeof e.at === 'string' &&
  typeof e.actor === 'string' &&
  typeof e.prevHash === 'string' &&
  typeof e.hash === 'string' &&
  (e.detail === undefined || isObject(e.detail));

const broken = (brokenAt: number, reason: ChainBreak, explanation: string): ChainVerdict => ({ valid: false, brokenAt, reason, explanation });

/**
 * Checks an exported record: every event's number, its link to the event before and its hash,
 * then `count` and `head` against the events (a dropped last event with count and head left as
 * exported). With `anchor` (a count and head known from before, e.g. an earlier export), the
 * chain must pass through it: that catches a dropped tail even when count and head were rewritten
 * to match. Reports the first break, by the sequence number where it shows.
 */
export function verifyAuditChain(record: unknown, anchor?: ChainAnchor): ChainVerdict {
  if (!isObject(record) || typeof record.requestId !== 'string' || !Array.isArray(record.events)) {
    return broken(0, 'malformed', 'not an audit record: requestId and events are needed');
  }
  const requestId = record.requestId;
  const events: unknown[] = record.events;
  for (let i = 0; i < events.length; i++) {
    const expected = i + 1;
    const e = events[i];
    if (!isEvent(e)) return broken(expected, 'malformed', `event ${expected} lacks seq, event, at, actor, prevHash or hash`);
    if (e.seq !== expected) {
      // A later event carrying the missing number means the order changed; none means it is gone.
      const later = events.slice(i + 1).some((x) => isObject(x) && x.seq === expected);
      if (e.seq > expected && !later) return broken(expected, 'gap', `event ${expected} is missing (next is ${e.seq})`);
      return broken(expected, 'reordered', `event ${e.seq} stands where event ${expected} belongs`);
    }
    const prev = i === 0 ? GENESIS_HASH : (events[i - 1] as ChainedAuditEvent).hash;
    if (e.prevHash !== prev) return broken(expected, 'broken_link', `event ${expected} does not follow the hash of event ${expected - 1}`);
    if (auditEventHash({ requestId, ...e }) !== e.hash) return broken(expected, 'edited', `event ${expected} does not match its hash: its content changed`);
  }
  const last = events.at(-1) as ChainedAuditEvent | undefined;
  if (record.count !== undefined && record.count !== events.length) {
    return broken(events.length + 1, 'truncated', `the record counts ${String(record.count)} events but holds ${events.length}`);
  }
  if (record.head !== undefined && record.head !== (last?.hash ?? GENESIS_HASH)) {
    return broken(events.length, 'head_mismatch', "the last event's hash is not the record's head");
  }
  if (anchor && anchor.count > 0) {
    const at = events[anchor.count - 1] as ChainedAuditEvent | undefined;
    if (!at) return broken(events.length + 1, 'truncated', `the chain had ${anchor.count} events before, now ${events.length}`);
    if (at.hash !== anchor.head) return broken(anchor.count, 'anchor_mismatch', `event ${anchor.count} is not the one known before`);
  }
  return { valid: true };
}
