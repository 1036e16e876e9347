/**
 * Intake rate-limit counters: one item per limit and hour window, counted by a single conditional
 * `ADD` (no read first, no transaction) and expired by the table's TTL on `expiresAt`.
 */
import { lt, notExists, or } from './expressions';
import { type RateLimitCounter, rateLimitKey } from './keys';
import { updateItem } from './table';

/**
 * Counts one more in a window of a counter (a keyed hash of what it limits); false when it
 * already holds `limit`. The item expires at `expiresAt` (epoch seconds).
 */
export async function countInWindow(counter: RateLimitCounter, hash: string, windowStart: Date, limit: number, expiresAt: number): Promise<boolean> {
  const counted = await updateItem(rateLimitKey(counter, hash, windowStart), {
    add: { count: 1 },
    set: { expiresAt },
    condition: or(notExists('count'), lt('count', limit)),
  });
  return counted !== false;
}
