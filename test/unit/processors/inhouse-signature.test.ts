import { describe, expect, it } from 'vitest';
import { REPLAY_WINDOW_SECONDS, signatureHeader, verifySignature } from '../../../functions/processors/inhouse/signature';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const body = Buffer.from('{"answer":{"outcome":"done"}}');
const now = new Date('2026-12-06T12:00:00Z');

describe('the webhook signature (t=...,v1=...)', () => {
  it('holds for the body it signed, at the time it names', () => {
    const header = signatureHeader(SECRET, body, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(header, body, SECRET, now)).toBeUndefined();
    // Any v1 of several (a secret being rotated) is enough.
    expect(
      verifySignature(`${header.replace(/v1=/, 'v1=0000000000000000000000000000000000000000000000000000000000000000,v1=')}`, body, SECRET, now),
    ).toBeUndefined();
  });

  it('refuses another body, another secret, a missing or malformed header', () => {
    const header = signatureHeader(SECRET, body, now);
    expect(verifySignature(header, Buffer.from('{"answer":{"outcome":"not_found"}}'), SECRET, now)).toBe('does not match');
    expect(verifySignature(header, body, `${SECRET}x`, now)).toBe('does not match');
    expect(verifySignature(undefined, body, SECRET, now)).toBe('missing');
    for (const bad of ['t=1', 'v1=ab', 't=x,v1=ab', `t=1,t=2,v1=${'a'.repeat(64)}`, 'garbage'])
      expect(verifySignature(bad, body, SECRET, now), bad).toBe('malformed');
  });

  it('refuses a timestamp outside the replay window either way', () => {
    const at = (seconds: number) => new Date(now.getTime() + seconds * 1000);
    expect(verifySignature(signatureHeader(SECRET, body, at(-REPLAY_WINDOW_SECONDS)), body, SECRET, now)).toBeUndefined();
    expect(verifySignature(signatureHeader(SECRET, body, at(-REPLAY_WINDOW_SECONDS - 1)), body, SECRET, now)).toBe('outside the replay window');
    expect(verifySignature(signatureHeader(SECRET, body, at(REPLAY_WINDOW_SECONDS + 1)), body, SECRET, now)).toBe('outside the replay window');
  });
});
