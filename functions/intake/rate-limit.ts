/**
 * Limits on how many requests (and so verification emails) one address and one client address
 * may set off per hour, so the form cannot be used to flood someone's mailbox or the service.
 * Each limit is one counter item per hour window, counted by a single conditional write (no read
 * first, no transaction). Addresses and IP addresses are kept as keyed hashes only, and the items
 * expire (DynamoDB TTL on `expiresAt`). Nothing about the subject is looked up: known and unknown
 * addresses are limited alike.
 */

import { setting } from '../platform/config';
import type { RateLimitCounter } from '../platform/data/keys';
import { countInWindow } from '../platform/data/rate-limits';
import { keyedHash } from '../platform/keyed-hash';

const WINDOW_MS = 3_600_000;

/** A limit was reached: which one, and when the window ends. */
export class RateLimited extends Error {
  override name = 'RateLimited';
  constructor(
    public readonly limit: 'email' | 'client',
    public readonly retryAfterSeconds: number,
  ) {
    super(limit === 'email' ? 'too many requests for this address within an hour' : 'too many requests from this client address within an hour');
  }
}

/** Counts one more in this hour's window of `counter`; false when it already holds `limit`. */
function count(counter: RateLimitCounter, hash: string, limit: number, windowStart: number): Promise<boolean> {
  return countInWindow(counter, hash, new Date(windowStart), limit, Math.floor((windowStart + 2 * WINDOW_MS) / 1000));
}

/**
 * Takes one request's allowance for the client address (when known) and then the email address;
 * throws {@link RateLimited} when either is used up for this hour.
 */
export async function takeIntakeAllowance(email: string, clientIp: string | undefined, now = new Date()): Promise<void> {
  const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  const retryAfterSeconds = Math.ceil((windowStart + WINDOW_MS - now.getTime()) / 1000);
  if (clientIp && !(await count('intake-client', keyedHash(`client:${clientIp}`), setting('INTAKE_LIMIT_PER_CLIENT'), windowStart))) {
    throw new RateLimited('client', retryAfterSeconds);
  }
  if (!(await count('intake-address', keyedHash(email.trim().toLowerCase()), setting('INTAKE_LIMIT_PER_ADDRESS'), windowStart))) {
    throw new RateLimited('email', retryAfterSeconds);
  }
}
