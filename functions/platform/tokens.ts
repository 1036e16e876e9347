import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh 256-bit token, URL-safe. Only its hash is ever stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Compares two secrets in time that does not depend on where they differ. */
export function constantTimeEqual(presented: string | undefined, stored: string | undefined): boolean {
  if (!presented || !stored) return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(stored);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Compares a presented token with a stored hash in constant time. */
export function tokenMatches(token: string, storedHash: string | undefined): boolean {
  return constantTimeEqual(hashToken(token), storedHash);
}

/** Tokens as they appear in links: base64url of 32 bytes. Anything else is rejected before any lookup. */
export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
