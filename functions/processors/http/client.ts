/**
 * One call of a connector: on an allowed host only (every redirect checked too), through the
 * outbound guard (public addresses, or the local runtime's own fakes at loopback), with a timeout
 * and a cap on the body. Nothing here logs a URL, a header or a body: they may hold the subject.
 */
import { localConnectorOrigins } from '../../platform/config';
import { OutboundRefused, outboundFetch } from '../../platform/outbound';
import { hostRefused, notJson, tooLarge, unavailable } from './errors';
import { hostAllowed } from './template';

/** Where a call may go and how much it may bring back. */
export interface CallLimits {
  processorId: string;
  allowedHosts: readonly string[];
  maxResponseBytes: number;
  timeoutMs: number;
}

/** What a call sends. */
export interface CallSpec {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

/** What came back: the status, headers and (read only when asked) the JSON body. */
export interface CallAnswer {
  status: number;
  headers: Headers;
  url: URL;
  response: Response;
}

/** Redirects followed at most; each one's target is checked like the first URL. */
const MAX_REDIRECTS = 5;

/** Refuses a URL off the allowed hosts, or over plain http unless it is one of the local runtime's fakes. */
export function checkUrl(limits: CallLimits, step: string, url: URL, what: string): 'public' | 'loopback' {
  if (!hostAllowed(url.host, limits.allowedHosts)) throw hostRefused(limits.processorId, step, what);
  if (localConnectorOrigins().includes(url.origin)) return 'loopback';
  if (url.protocol !== 'https:' || url.username || url.password) throw hostRefused(limits.processorId, step, what);
  return 'public';
}

/** Sends one request, following redirects on allowed hosts (a 303 as GET, 307/308 as sent). */
export async function send(limits: CallLimits, step: string, spec: CallSpec): Promise<CallAnswer> {
  let { method, url, body } = spec;
  for (let hop = 0; ; hop++) {
    const addresses = checkUrl(limits, step, url, hop ? 'a redirect' : 'the request');
    let response: Response;
    try {
      response = await outboundFetch(url, {
        method,
        headers: spec.headers,
        ...(body !== undefined ? { body } : {}),
        addresses,
        signal: AbortSignal.timeout(limits.timeoutMs),
      });
    } catch (err) {
      if (err instanceof OutboundRefused) throw hostRefused(limits.processorId, step, `an address (${err.reason})`);
      throw unavailable(limits.processorId, step, `no answer (${(err as Error).name})`);
    }
    const location = response.headers.get('location');
    if (![301, 302, 303, 307, 308].includes(response.status) || !location) return { status: response.status, headers: response.headers, url, response };
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw unavailable(limits.processorId, step, 'too many redirects');
    url = new URL(location, url);
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
    }
  }
}

/** The body as JSON, read up to the cap: more, or anything but JSON, fails the branch. An empty body is `null`. */
export async function readJson(limits: CallLimits, step: string, answer: CallAnswer): Promise<unknown> {
  const { response } = answer;
  if (!response.body) return null;
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limits.maxResponseBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge(limits.processorId, step);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > limits.maxResponseBytes) throw tooLarge(limits.processorId, step);
      chunks.push(Buffer.from(chunk));
    }
  } catch (err) {
    await response.body.cancel().catch(() => undefined);
    if ((err as Error).name === 'ConnectorResponseTooLarge') throw err;
    throw unavailable(limits.processorId, step, 'the answer broke off');
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return null;
  const type = response.headers.get('content-type') ?? '';
  if (type && !/[/+]json\b/i.test(type)) throw notJson(limits.processorId, step, answer.status);
  try {
    return JSON.parse(text);
  } catch {
    throw notJson(limits.processorId, step, answer.status);
  }
}

/** Discards a body that is not read. */
export async function discard(answer: CallAnswer): Promise<void> {
  await answer.response.body?.cancel().catch(() => undefined);
}
