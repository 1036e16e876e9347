/**
 * Limits on how many requests (and so verification emails) one mailbox, one mail domain and one
 * client address may set off per hour, so the form cannot be used to flood someone's mailbox or
 * the service. A mailbox is counted by its canonical address (`functions/intake/mailbox-address.ts`:
 * case, `+tag` and Gmail's dots aside), so `victim+1@example.net` counts as `victim@example.net`;
 * the domain limit covers catch-all domains, where every local part reaches one person.
 * Each limit is one counter item per hour window, counted by a single conditional write (no read
 * first, no transaction). Addresses, domains and IP addresses are kept as keyed hashes only, and
 * the items expire (DynamoDB TTL on `expiresAt`). Nothing about the subject is looked up: known and
 * unknown addresses are limited alike.
 */

import { setting } from '../platform/config';
import type { RateLimitCounter } from '../platform/data/keys';
import { countInWindow } from '../platform/data/rate-limits';
import { keyedHash } from '../platform/keyed-hash';
import { canonicalMailbox, mailDomain } from './mailbox-address';

const WINDOW_MS = 3_600_000;

/** Which limit was reached: the address's mailbox, its mail domain, or the client address. */
export type IntakeLimit = 'email' | 'domain' | 'client';

const MESSAGES: Record<IntakeLimit, string> = {
  email: 'too many requests for this address within an hour',
  domain: "too many requests for this address's domain within an hour",
  client: 'too many requests from this client address within an hour',
};

/** A limit was reached: which one, and when the window ends. */
export class RateLimited extends Error {
  override name = 'RateLimited';
  constructor(
    public readonly limit: IntakeLimit,
    public readonly retryAfterSeconds: number,
  ) {
    super(MESSAGES[limit]);
  }

  /** The request's field the limit concerns: a domain's limit is the address's too. */
  get field(): 'email' | 'client' {
    return this.limit === 'client' ? 'client' : 'email';
  }
}

/** Counts one more in this hour's window of `counter`; false when it already holds `limit`. */
function count(counter: RateLimitCounter, hash: string, limit: number, windowStart: number): Promise<boolean> {
  return countInWindow(counter, hash, new Date(windowStart), limit, Math.floor((windowStart + 2 * WINDOW_MS) / 1000));
}

/**
 * Takes one request's allowance for the client address (when known), then the mailbox, then its
 * domain; throws {@link RateLimited} when one is used up for this hour. A request refused by the
 * mailbox's limit takes nothing from its domain's, so one flooded address cannot lock out a domain.
 */
export async function takeIntakeAllowance(email: string, clientIp: string | undefined, now = new Date()): Promise<void> {
  const windowStart = Math.floor(now.getTime() / WINDOW_MS) * WINDOW_MS;
  const retryAfterSeconds = Math.ceil((windowStart + WINDOW_MS - now.getTime()) / 1000);
  if (clientIp && !(await count('intake-client', keyedHash(`client:${clientIp}`), setting('INTAKE_LIMIT_PER_CLIENT'), windowStart))) {
    throw new RateLimited('client', retryAfterSeconds);
  }
  if (!(await count('intake-address', keyedHash(canonicalMailbox(email)), setting('INTAKE_LIMIT_PER_ADDRESS'), windowStart))) {
    throw new RateLimited('email', retryAfterSeconds);
  }
  if (!(await count('intake-domain', keyedHash(`domain:${mailDomain(email)}`), setting('INTAKE_LIMIT_PER_DOMAIN'), windowStart))) {
    throw new RateLimited('domain', retryAfterSeconds);
  }
}
