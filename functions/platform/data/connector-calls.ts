/**
 * The rate limit of a connector, shared by every Lambda that calls the vendor: a generic cell rate
 * algorithm (a token bucket kept as one time) in the requests table. Each call takes the next slot
 * with one conditional update and waits for it, so a burst queues at the limit's pace instead of
 * drawing 429s; no read first, no lock, no transaction. A caller that will not wait past a time
 * takes a slot only up to it: a queue longer than that is left as it is, no slot spent.
 */
import { and, ge, le, lt, notExists, or } from './expressions';
import { connectorCallsKey } from './keys';
import { getItem, updateItem } from './table';

/** How long an idle schedule is kept (TTL on `expiresAt`). */
const KEEP_SECONDS = 24 * 3600;

/**
 * Headroom per second of calls: a vendor counts calls as they arrive, and timers and the network
 * move each by some milliseconds, so slots exactly 1/perSecond apart put an 11th call into one of
 * its seconds about as often as not. Every perSecond slots span a second and this much.
 */
export const JITTER_ALLOWANCE_MS = 50;

/** The time between two slots of a connector limited to `perSecond` calls a second. */
export const slotInterval = (perSecond: number): number => (1000 + JITTER_ALLOWANCE_MS) / perSecond;

/**
 * Takes the next call slot of a processor's connector at `perSecond` calls a second, letting
 * `burst` go at once after a pause. Returns the epoch milliseconds the call may go at (now or later),
 * or undefined when the next slot lies after `latest`: then nothing is taken, so a caller that gives
 * up leaves the vendor no gap (a slot taken and not used would be a call the limit never makes).
 */
export async function takeCallSlot(
  controllerId: string,
  processorId: string,
  perSecond: number,
  burst: number,
  now = Date.now(),
  latest = Number.POSITIVE_INFINITY,
): Promise<number | undefined> {
  const interval = slotInterval(perSecond);
  // The earliest slot an idle schedule hands out: `burst` slots may lie in the past, so go at once.
  const floor = now - (burst - 1) * interval;
  const key = connectorCallsKey(controllerId, processorId);
  const expiresAt = Math.floor(now / 1000) + KEEP_SECONDS;
  for (;;) {
    // A busy schedule: the next slot is the one after the last handed out.
    const bounded = Number.isFinite(latest) ? le('next', latest) : undefined;
    const queued = await updateItem(key, { add: { next: interval }, set: { expiresAt }, condition: and(ge('next', floor), bounded) }, 'ALL_NEW');
    if (queued) return (queued.next as number) - interval;
    // An idle one (or new): start from the floor. A race with another taker retries the first.
    const started = await updateItem(key, { set: { next: floor + interval, expiresAt }, condition: or(notExists('next'), lt('next', floor)) }, 'ALL_NEW');
    if (started) return floor;
    // Neither: the queue reaches past `latest`, or another taker moved it in between.
    if (bounded && ((await getItem<{ next?: number }>(key))?.next ?? floor) > latest) return undefined;
  }
}
