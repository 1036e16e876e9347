/** Small HTTP helpers for talking to OpenDSR processors with global fetch: timeouts and bounded bodies. */
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

/** fetch with the house timeout; network failures and timeouts become `OpendsrUnavailable`. */
export async function fetchFrom(processorId: string, url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { redirect: 'error', ...init, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (err) {
    const cls = (err as { name?: string })?.name === 'TimeoutError' ? 'timed out' : 'could not be reached';
    throw unavailable(processorId, cls);
  }
}

/** Joins the processor's base URL (with its version, e.g. …/v1) and a path. */
export function endpoint(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}
