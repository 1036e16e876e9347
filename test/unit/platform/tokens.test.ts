import { describe, expect, it } from 'vitest';
import { constantTimeEqual, hashToken, newToken, TOKEN_PATTERN, tokenMatches } from '../../../functions/platform/tokens';

describe('tokens', () => {
  it('makes tokens of 256 random bits that differ every time', () => {
    const tokens = new Set(Array.from({ length: 200 }, newToken));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(Buffer.from(t, 'base64url')).toHaveLength(32);
      expect(t).toMatch(TOKEN_PATTERN);
    }
  });

  it('stores only a hash that does not contain the token', () => {
    const token = newToken();
    const hash = hashToken(token);
    expect(hash).not.toContain(token);
    expect(tokenMatches(token, hash)).toBe(true);
  });

  it('rejects a different token, a missing hash and a changed hash', () => {
    const hash = hashToken(newToken());
    expect(tokenMatches(newToken(), hash)).toBe(false);
    expect(tokenMatches(newToken(), undefined)).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual(undefined, 'abc')).toBe(false);
  });
});
