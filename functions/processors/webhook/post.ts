/**
 * A signed POST to a `webhook` processor: its event, or the withdrawal notice. Apart from the kind's
 * adapter so that what only signs and posts (the withdrawal, in the status function) does not load
 * what answers (records stored under exports).
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { localOpendsrOrigins } from '../../platform/config';
import { type AddressRule, OutboundRefused, outboundFetch } from '../../platform/outbound';
import type { WebhookProcessor } from '../../platform/register';
import { SIGNATURE_HEADER, signatureHeader } from '../inhouse/signature';
import { ProcessorError } from '../port';

/** A call gives up after this long (AwaitProcessor runs for 60 s); a slow system answers 202 and calls back. */
export const TIMEOUT_MS = 30_000;
/** A signing key shorter than this is refused: HMAC-SHA256 wants 32 bytes of key. */
const MIN_SECRET_LENGTH = 32;

const unavailable = (id: string, what: string) => new ProcessorError('WebhookUnavailable', `webhook processor ${id}: ${what}`);
const rejected = (id: string, status: number) => new ProcessorError('WebhookRejected', `webhook processor ${id} refused the request with ${status}`);

/** The processor's signing key, from Secrets Manager (cached a few seconds); too short or missing stops the branch. */
export async function signingSecret(p: WebhookProcessor): Promise<string> {
  const value = await getSecret<string>(p.secret);
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) {
    throw new ProcessorError('WebhookSecretInvalid', `the secret of webhook processor ${p.id} holds fewer than ${MIN_SECRET_LENGTH} characters`);
  }
  return value;
}

/**
 * Where the processor may be reached: https at public addresses, or a receiver the local runtime
 * runs itself (its origin in `OPENDSR_LOCAL_ORIGINS`), over http too, on loopback only.
 */
function target(p: WebhookProcessor): { url: URL; addresses: AddressRule } {
  const url = new URL(p.url);
  if (url.username || url.password) throw new ProcessorError('WebhookUrlRefused', `webhook processor ${p.id}: credentials in the URL`);
  if (localOpendsrOrigins().includes(url.origin)) return { url, addresses: 'loopback' };
  if (url.protocol !== 'https:') throw new ProcessorError('WebhookUrlRefused', `webhook processor ${p.id}: not https`);
  return { url, addresses: 'public' };
}

/** POSTs a JSON body signed with the processor's secret; a 2xx is returned (its body unread), anything else throws. */
export async function postSigned(p: WebhookProcessor, body: string): Promise<Response> {
  const { url, addresses } = target(p);
  const secret = await signingSecret(p);
  let res: Response;
  try {
    res = await outboundFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(secret, body) },
      body,
      addresses,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    if (err instanceof OutboundRefused) throw new ProcessorError('WebhookUrlRefused', `webhook processor ${p.id}: ${err.reason}`);
    throw unavailable(p.id, (err as { name?: string })?.name === 'TimeoutError' ? 'timed out' : 'could not be reached');
  }
  if (res.status >= 500 || res.status === 429) {
    await res.body?.cancel().catch(() => undefined);
    throw unavailable(p.id, `answered ${res.status}`);
  }
  if (res.status < 200 || res.status > 299) {
    await res.body?.cancel().catch(() => undefined);
    throw rejected(p.id, res.status);
  }
  return res;
}
