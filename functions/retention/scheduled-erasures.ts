import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from '../platform/aws/dynamodb';
import { conditionExpression, eq, updateExpression } from '../platform/data/expressions';
import { deleteScheduled, deleteSuppression, putScheduled, putSuppression, scheduledDue, suppressedUntil } from '../platform/data/scheduled';
import { keyedHash } from '../platform/keyed-hash';

/**
 * Erasures that are decided now and carried out later, kept in the requests table:
 * - the end of a legal hold: items kept (restricted) at a controller's store are deleted;
 * - the end of a suppression: the keyed hash of an address is dropped from a suppression list;
 * - the end of a restriction (Art. 18(3)): items restricted for a request are released.
 * Each is one item of the requests table per controller, sorted by when it is due, so the sweep
 * finds what is due with one Query, never a Scan (functions/platform/data/scheduled.ts).
 */

/** A legal hold ending: these items of `table` are deleted then. Keys only, no personal data. */
export interface HoldEnd {
  kind: 'legal_hold_end';
  controllerId: string;
  requestId: string;
  processorId: string;
  dueAt: string;
  table: string;
  keys: Record<string, unknown>[];
}

/** A suppression ending: the entry `hash` of the processor's list is dropped then. */
export interface SuppressionEnd {
  kind: 'suppression_end';
  controllerId: string;
  requestId: string;
  processorId: string;
  dueAt: string;
  hash: string;
}

/**
 * A restriction ending (Art. 18(3)): these items of `table`, restricted for the request, are
 * released then. Scheduled when staff lift a restriction, after the subject has been told.
 */
export interface RestrictionEnd {
  kind: 'restriction_end';
  controllerId: string;
  requestId: string;
  processorId: string;
  dueAt: string;
  table: string;
  keys: Record<string, unknown>[];
}

/**
 * A notice to the subject that a staff decision recorded (an extension, a question, a restriction
 * lift), kept until it is sent: written before the decision, removed once the email went out, so
 * the sweep sends whatever an outage left behind.
 */
export interface SubjectNotice {
  kind: 'subject_notice';
  controllerId: string;
  requestId: string;
  processorId: 'subject';
  dueAt: string;
}

/**
 * A processor still to be told that the subject withdrew the request: written before telling it,
 * removed once it is told, so a notice that failed (a vendor down) is sent again by the sweep,
 * `attempts` times at most before staff are told it never went.
 */
export interface WithdrawalNoticeDue {
  kind: 'withdrawal_notice';
  controllerId: string;
  requestId: string;
  processorId: string;
  dueAt: string;
  /** Attempts that failed so far. */
  attempts: number;
}

export type ScheduledErasure = HoldEnd | SuppressionEnd | RestrictionEnd | SubjectNotice | WithdrawalNoticeDue;

/** Records an erasure to carry out later. Idempotent: a retry writes the same item. */
export async function schedule(e: ScheduledErasure): Promise<void> {
  await putScheduled(e);
}

/** Everything due by `now` for one controller, earliest first. */
export function due(controllerId: string, now: Date): AsyncGenerator<ScheduledErasure> {
  return scheduledDue<ScheduledErasure>(controllerId, now);
}

/** Removes a scheduled erasure once carried out. */
export async function done(e: ScheduledErasure): Promise<void> {
  await deleteScheduled(e);
}

// ---- Suppression lists ---------------------------------------------------------------------

/** The keyed hash a suppression list keeps instead of the address: not reversible without the key. */
export function suppressionHash(email: string): string {
  return keyedHash(email.trim().toLowerCase());
}

/** Puts an address on a processor's suppression list until `until`, and schedules dropping it. */
export async function suppress(controllerId: string, processorId: string, requestId: string, email: string, until: string): Promise<void> {
  const hash = suppressionHash(email);
  await putSuppression(controllerId, processorId, hash, until);
  await schedule({ kind: 'suppression_end', controllerId, requestId, processorId, dueAt: until, hash });
}

/** Whether an address is on a processor's suppression list now (for the list to check before adding). */
export async function isSuppressed(controllerId: string, processorId: string, email: string, now = new Date()): Promise<boolean> {
  const until = await suppressedUntil(controllerId, processorId, suppressionHash(email));
  return until !== undefined && until > now.toISOString();
}

/** Writes to each key, counting the writes whose condition held (an item changed since is left alone). */
async function eachKey(keys: Record<string, unknown>[], write: (Key: Record<string, unknown>) => Promise<unknown>): Promise<number> {
  let count = 0;
  for (const Key of keys) {
    try {
      await write(Key);
      count++;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
    }
  }
  return count;
}

/** Carries out one due erasure: deletes the held items, releases restricted ones, or drops the suppression entry; safe to repeat. The caller records it, then lets it go (`done`). */
export async function carryOut(e: Exclude<ScheduledErasure, SubjectNotice | WithdrawalNoticeDue>): Promise<number> {
  let count = 1;
  if (e.kind === 'suppression_end') {
    await deleteSuppression(e.controllerId, e.processorId, e.hash);
  } else if (e.kind === 'restriction_end') {
    // Only items still restricted for this request: another request may have restricted them since.
    count = await eachKey(e.keys, (Key) =>
      ddb.send(
        new UpdateCommand({
          TableName: e.table,
          Key,
          ...updateExpression({ remove: ['restricted', 'restrictedAt', 'restrictedFor'], condition: eq('restrictedFor', e.requestId) }),
        }),
      ),
    );
  } else {
    // Only items still under this hold: a later request may have changed them.
    count = await eachKey(e.keys, (Key) =>
      ddb.send(
        new DeleteCommand({
          TableName: e.table,
          Key,
          ...conditionExpression(eq('holdUntil', e.dueAt)),
        }),
      ),
    );
  }
  return count;
}
