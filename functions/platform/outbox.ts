/**
 * One outbox for every message that must go once (emails to the subject, staff, the DPO and
 * vendors). SES has no idempotency key, so "once" means at least once, a repeat marked as such:
 *
 * 1. Intent: a claim records when sending began (`startedAt`), by one conditional write that holds
 *    only while the message is not marked sent and no other claim stands, or the one standing is
 *    older than `staleAfterMs` (longer than any attempt runs: {@link CLAIM_TIMEOUT_MS}; 0, any
 *    claim, where no other attempt can be under way, as in a workflow step, which runs once at a time).
 * 2. Sent: `send(again)` sends it. `again` is true when the claim took over one that was never
 *    marked sent: a crash between SES taking the message and its mark, so the message may have
 *    gone, and the caller sends it marked "Sent again" (`asRepeat`) rather than risk none.
 * 3. Done: `sentAt` is marked. A send that fails gives the claim back (or the one it took over),
 *    so a retry after an outage is a first send again, and a repeat stays a repeat.
 *
 * The repair is this same call: whoever comes next for the message (a step's retry or re-drive,
 * the sweep's walk over open requests and their branches, Route before the closing review) calls
 * {@link sendOnce} again, and the claim decides whether it goes, and whether as sent again.
 * {@link cutShort} tells a reader which messages that will be.
 *
 * Storage: the two marks are attributes of the item that owns the message (the request or a
 * branch), named per message (`notifyStartedAt`/`notifiedAt`, `escalationStartedAt`/`escalatedAt`,
 * `<fact>.sendStartedAt`/`<fact>.notifiedAt`, ...), not an item of their own. So every step is one
 * single-item conditional write (the local runtime's DynamoDB has no transactions), the claim can carry the owner's
 * own guard (the branch exists, the decision's fact is still there), a write that starts over
 * (a new review, an extension resetting the reminders, staff retrying a branch) removes the marks
 * with the change itself, and requests in flight keep the marks they already have.
 *
 * Not `@aws-lambda-powertools/idempotency`: it makes a function idempotent by its payload, keeping
 * a record of its own and, once an in-progress record expires, simply running the function again,
 * with no way to tell that run it follows a crash, so the repeat could not say "Sent again". Its
 * record apart from the owner item could also not be reset by the owner's own conditional writes,
 * and it would add a dependency for what three conditional updates do.
 */
import type { AuditEvent } from '../domain/request';
import { owedEntry, settleOwed } from './data/audit';
import { CLAIM_TIMEOUT_MS, claimMessage, markMessageSent, type OutboxMessage, releaseMessage, valueAt } from './data/outbox';

export { branchOwner, CLAIM_TIMEOUT_MS, type OutboxMessage, requestOwner } from './data/outbox';

/** How one call went: `skipped` when the message was sent already or another attempt is sending it. */
export type SendOutcome = 'sent' | 'sent_again' | 'skipped';

/** One message to send once. */
export interface SendOnce {
  message: OutboxMessage;
  /** How old a claim must be before another attempt takes it over as cut short; 0: any claim standing is. */
  staleAfterMs: number;
  /** Sends the message; `again` when an earlier attempt may have sent it (mark it "Sent again"). */
  send: (again: boolean) => Promise<unknown>;
  /** The time of this attempt: the claim's (and, unless `sentAt` says otherwise, the mark's). */
  at?: Date;
  /** The time to mark it sent, when that is not the claim's (e.g. after a slow submission). */
  sentAt?: () => string;
  /**
   * The audit event that records the message sent, at the mark's time: written with the mark as
   * owed (platform/data/audit.ts, `settleOwed`), then put on the owner's trail, so a crash between
   * the two leaves it for the next reader of the owner rather than losing it.
   */
  event?: Omit<AuditEvent, 'at'>;
}

/** What {@link sendOnce} did; `marked` when this call marked it sent (so its audit event is written once). */
export interface SendResult {
  outcome: SendOutcome;
  marked: boolean;
  /** When this attempt's claim began (its `startedAt`). */
  startedAt: string;
}

/** Sends `message` at least once and marks it done; see the module's comment. A failed send throws after its claim is given back. */
export async function sendOnce({ message, staleAfterMs, send, at = new Date(), sentAt, event }: SendOnce): Promise<SendResult> {
  const startedAt = at.toISOString();
  const claim = await claimMessage(message, startedAt, staleAfterMs > 0 ? new Date(at.getTime() - staleAfterMs).toISOString() : undefined);
  if (!claim.claimed) return { outcome: 'skipped', marked: false, startedAt };
  const again = claim.previous !== undefined;
  try {
    await send(again);
  } catch (err) {
    await releaseMessage(message, startedAt, claim.previous).catch(() => undefined);
    throw err;
  }
  const markedAt = sentAt ? sentAt() : startedAt;
  const recorded = event && { ...event, at: markedAt };
  const marked = await markMessageSent(message, markedAt, recorded);
  if (marked && recorded) await settleOwed(message.owner, [owedEntry(recorded)]);
  return { outcome: again ? 'sent_again' : 'sent', marked, startedAt };
}

/** A message whose sending began before `staleAfterMs` ago and was never marked sent: the next {@link sendOnce} sends it again. */
export function cutShort(
  item: Record<string, unknown>,
  message: Pick<OutboxMessage, 'startedAt' | 'sentAt'>,
  now: Date,
  staleAfterMs = CLAIM_TIMEOUT_MS,
): boolean {
  const started = valueAt(item, message.startedAt);
  return valueAt(item, message.sentAt) === undefined && typeof started === 'string' && Date.parse(started) < now.getTime() - staleAfterMs;
}
