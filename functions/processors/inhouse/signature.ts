/**
 * The signature of a webhook processor's requests and callbacks, as Stripe signs its webhooks:
 * the header `X-DSR-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">` under
 * the processor's shared secret. A timestamp outside {@link REPLAY_WINDOW_SECONDS} of now is
 * refused, so a captured request cannot be sent again later. Several `v1=` entries may be given
 * (while a secret is rotated); one matching is enough.
 */
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../platform/tokens';

/** The header the signature travels in (lower case, as the HTTP middleware normalises headers). */
export const SIGNATURE_HEADER = 'x-dsr-signature';
/** How far a signature's timestamp may be from now, either way. */
export const REPLAY_WINDOW_SECONDS = 300;

/** Why a signature was refused: the header is missing or malformed, its time is outside the window, or no `v1` matches. */
export type SignatureRefusal = 'missing' | 'malformed' | 'outside the replay window' | 'does not match';

const hmac = (secret: string, t: number, body: string | Buffer) =>
  createHmac('sha256', secret)
    .update(`${t}.`, 'utf8')
    .update(typeof body === 'string' ? Buffer.from(body, 'utf8') : body)
    .digest('hex');

/** The header value for `body` signed at `now`. */
export function signatureHeader(secret: string, body: string | Buffer, now = new Date()): string {
  const t = Math.floor(now.getTime() / 1000);
  return `t=${t},v1=${hmac(secret, t, body)}`;
}

/** Checks a header value against the raw body: undefined when it holds, else why not. */
export function verifySignature(header: string | undefined, body: Buffer, secret: string, now = new Date()): SignatureRefusal | undefined {
  if (!header) return 'missing';
  let t: number | undefined;
  const v1: string[] = [];
  for (const part of header.split(',')) {
    const [key, value, ...rest] = part.trim().split('=');
    if (rest.length || !key || value === undefined) return 'malformed';
    if (key === 't') {
      if (!/^\d{1,12}$/.test(value) || t !== undefined) return 'malformed';
      t = Number(value);
    } else if (key === 'v1') {
      if (!/^[0-9a-f]{64}$/.test(value)) return 'malformed';
      v1.push(value);
    }
  }
  if (t === undefined || v1.length === 0) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - t) > REPLAY_WINDOW_SECONDS) return 'outside the replay window';
  const expected = hmac(secret, t, body);
  return v1.some((v) => constantTimeEqual(v, expected)) ? undefined : 'does not match';
}
