/**
 * Small HTTP helpers for talking to OpenDSR processors: where a processor may be reached,
 * timeouts and bounded bodies. Every call goes through `outboundFetch` (public addresses only,
 * checked after resolution and pinned, no redirects).
 */
import { localOpendsrOrigins } from '../../platform/config';
import { type AddressRule, type OutboundRefusal, OutboundRefused, outboundFetch } from '../../platform/outbound';
import type { OpendsrProcessor } from '../../platform/register';
import { ProcessorError } from '../port';

/** Every call to a processor gives up after this long. */
export const TIMEOUT_MS = 15_000;
/** API answers, discovery documents and certificates are small; anything bigger is refused. */
export const MAX_SMALL_BODY = 256 * 1024;

/** The processor could not be reached or answered 5xx: worth retrying later. */
export const unavailable = (processorId: string, what: string) => new ProcessorError('OpendsrUnavailable', `OpenDSR processor ${processorId}: ${what}`);
/** The processor refused the call (4xx): retrying the same will not help. */
export const rejected = (processorId: string, status: number) =>
  new ProcessorError('OpendsrRejected', `OpenDSR processor ${processorId} refused the call with ${status}`);
/** The processor answered something this service cannot use (not JSON, wrong fields, wrong id). */
export const badResponse = (processorId: string, what: string) => new ProcessorError('OpendsrBadResponse', `OpenDSR processor ${processorId} answered ${what}`);

/** Reads a response body up to `max` bytes; more is an error (the rest is not read). */
export async function readLimited(res: Response, max = MAX_SMALL_BODY): Promise<Buffer> {
  if (!res.body) return Buffer.alloc(0);
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body.cancel().catch(() => undefined);
    throw new RangeError('response too large');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > max) throw new RangeError('response too large');
    chunks.push(Buffer.from(chunk));
  }
  return Buffer.concat(chunks);
}

/** A URL the processor named that this service will not fetch: the reason, never the URL. */
export class OpendsrUrlRefused extends ProcessorError {
  constructor(
    processorId: string,
    readonly reason: OutboundRefusal,
  ) {
    super('OpendsrUrlRefused', `OpenDSR processor ${processorId} named a URL this service does not fetch (${reason})`);
  }
}

/** True when `host` is `base` or a name under it (`files.dsr.vendor.example` under `dsr.vendor.example`). */
const withinHost = (host: string, base: string) => host === base || (!/^[\d.]+$|:/.test(base) && host.endsWith(`.${base}`));

/**
 * Where a URL of processor `p` may be fetched, or why not. Only https, on the host of the
 * register's URL for it or a subdomain of that host (whoever holds a DNS name holds the names
 * under it; a parent or sibling domain is someone else's, a hosting provider's say), at the
 * register URL's port, with no credentials in it. The local runtime's own processors
 * (`OPENDSR_LOCAL_ORIGINS`) are the one exception: a URL on the processor's own origin, when that
 * origin is listed, over http too, on loopback only.
 */
export function checkProcessorUrl(p: OpendsrProcessor, raw: string): { url: URL; addresses: AddressRule } {
  const url = URL.parse(raw);
  if (!url || url.username || url.password) throw new OpendsrUrlRefused(p.id, 'Malformed');
  if (url.origin === URL.parse(p.url)?.origin && localOpendsrOrigins().includes(url.origin)) return { url, addresses: 'loopback' };
  if (url.protocol !== 'https:') throw new OpendsrUrlRefused(p.id, 'NotHttps');
  const declared = new URL(p.url);
  if (declared.protocol !== 'https:' || !withinHost(url.hostname.toLowerCase(), declared.hostname.toLowerCase()) || url.port !== declared.port) {
    throw new OpendsrUrlRefused(p.id, 'OtherHost');
  }
  return { url, addresses: 'public' };
}

/**
 * A call to one of processor `p`'s URLs, with the house timeout (or `timeoutMs`). A URL it may not
 * fetch is `OpendsrUrlRefused` (nothing is sent); network failures and timeouts become `OpendsrUnavailable`.
 */
export async function fetchFrom(
  p: OpendsrProcessor,
  raw: string,
  init: { method?: string; headers?: Record<string, string>; body?: string; timeoutMs?: number } = {},
): Promise<Response> {
  const { url, addresses } = checkProcessorUrl(p, raw);
  try {
    return await outboundFetch(url, { ...init, addresses, signal: AbortSignal.timeout(init.timeoutMs ?? TIMEOUT_MS) });
  } catch (err) {
    if (err instanceof OutboundRefused) throw new OpendsrUrlRefused(p.id, err.reason);
    const cls = (err as { name?: string })?.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw unavailable(p.id, cls);
  }
}

/** Joins the processor's base URL (with its version, e.g. …/v1) and a path. */
export function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
