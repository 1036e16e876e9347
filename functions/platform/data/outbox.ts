/**
 * The outbox's records: a once-only message is kept as two attributes of the item it belongs to
 * (a request or a branch): when sending began (the claim) and when it went (the mark). Each write
 * is one conditional update of that item. The rules that use them are in `platform/outbox.ts`.
 */
import type { AuditEvent } from '../../domain/request';
import { owing } from './audit';
import { and, type Condition, eq, exists, lt, notExists, or, type Path } from './expressions';
import { branchKey, type ItemKey, requestKey } from './keys';
import { updateItem } from './table';

/** Longer than any Lambda runs: a claim this old whose message was never marked sent was cut short by a crash. */
export const CLAIM_TIMEOUT_MS = 15 * 60_000;

/** Where one once-only message is recorded. */
export interface OutboxMessage {
  /** The item the message belongs to: {@link requestOwner} or {@link branchOwner}. */
  owner: ItemKey;
  /** When sending began: the claim. */
  startedAt: Path;
  /** When it went: the mark that it is done. */
  sentAt: Path;
  /** What must also hold of the owner for a claim (e.g. the decision the message tells of is still there). */
  condition?: Condition;
  /** Attributes written with the claim (e.g. why a branch is escalated). */
  withClaim?: Record<string, unknown>;
}

/** The request a message belongs to. */
export const requestOwner = (requestId: string): ItemKey => requestKey(requestId);
/** The branch a message belongs to. */
export const branchOwner = (requestId: string, processorId: string): ItemKey => branchKey(requestId, processorId);

const steps = (path: Path): readonly string[] => (typeof path === 'string' ? [path] : path);

/** A nested mark needs its map (a decision's fact): DynamoDB refuses to set a path under a missing one. */
const parentExists = (path: Path): Condition | undefined => (steps(path).length > 1 ? exists(steps(path).slice(0, -1)) : undefined);

/** The value at `path` of an item as read back. */
export function valueAt(item: Record<string, unknown> | undefined, path: Path): unknown {
  let value: unknown = item;
  for (const step of steps(path)) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[step] : undefined;
  return value;
}

/** What a claim found: not claimed, or claimed over an earlier claim (`previous`) a crash left behind. */
export type Claim = { claimed: false } | { claimed: true; previous?: string };

/**
 * Claims sending `message` at `at`: when it was not sent, and no claim stands or the one standing
 * began before `staleBefore` (any one, without it). A claim taken over is returned as `previous`.
 */
export async function claimMessage(message: OutboxMessage, at: string, staleBefore?: string): Promise<Claim> {
  const before = await updateItem(
    message.owner,
    {
      set: message.withClaim,
      setPaths: [[message.startedAt, at]],
      condition: and(
        exists('pk'),
        parentExists(message.startedAt),
        notExists(message.sentAt),
        staleBefore === undefined ? undefined : or(notExists(message.startedAt), lt(message.startedAt, staleBefore)),
        message.condition,
      ),
    },
    'ALL_OLD',
  );
  if (before === false) return { claimed: false };
  const previous = valueAt(before, message.startedAt);
  return typeof previous === 'string' ? { claimed: true, previous } : { claimed: true };
}

/** Marks `message` sent at `at`, owing `event` with the mark; false when it was marked already (or its owner is gone). */
export async function markMessageSent(message: OutboxMessage, at: string, event?: AuditEvent): Promise<boolean> {
  const marked = await updateItem(message.owner, {
    setPaths: [[message.sentAt, at]],
    ...owing(event && [event]),
    condition: and(exists('pk'), parentExists(message.sentAt), notExists(message.sentAt)),
  });
  return marked !== false;
}

/**
 * Gives back the claim made at `at` whose message could not be sent: removed, or put back to the
 * claim it took over (that attempt may have sent, so the next must still say it is sent again).
 * Only that claim: a later attempt's is left alone.
 */
export async function releaseMessage(message: OutboxMessage, at: string, previous?: string): Promise<void> {
  const condition = and(exists('pk'), parentExists(message.startedAt), eq(message.startedAt, at));
  await updateItem(message.owner, previous ? { setPaths: [[message.startedAt, previous]], condition } : { remove: [message.startedAt], condition });
}
