import { createHmac } from 'node:crypto';
import { setting } from './config';

/**
 * HMAC-SHA256 of a value with the service's hashing key (read from the secret `SUPPRESSION_KEY_SECRET` names), base64url: a value
 * that identifies someone (an address, a client's IP address) kept as something that cannot be
 * reversed, or recomputed from a guess, without the key.
 */
export function keyedHash(value: string): string {
  return createHmac('sha256', setting('SUPPRESSION_KEY_SECRET')).update(value, 'utf8').digest('base64url');
}
