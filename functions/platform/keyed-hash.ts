import { createHmac } from 'node:crypto';
import { ConfigError, requiredEnv } from './env';

let key: string | undefined;
/** The HMAC key, read at first use: only functions that keep keyed hashes are given it. */
function hashKey(): string {
  key ??= requiredEnv('SUPPRESSION_KEY');
  if (key.length < 32) throw new ConfigError('Environment variable SUPPRESSION_KEY must be at least 32 characters');
  return key;
}

/**
 * HMAC-SHA256 of a value with the service's hashing key (`SUPPRESSION_KEY`), base64url: a value
 * that identifies someone (an address, a client's IP address) kept as something that cannot be
 * reversed, or recomputed from a guess, without the key.
 */
export function keyedHash(value: string): string {
  return createHmac('sha256', hashKey()).update(value, 'utf8').digest('base64url');
}
