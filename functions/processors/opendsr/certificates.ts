/**
 * A processor's signing certificate, found through its discovery document (§6.3
 * `processor_certificate`) at the URL the register declares for it (never one a caller names:
 * §8.8 step 3 allows this whitelist), and the check of a signed message against it (§8.8).
 * Cached per cold start for a bounded time, and a failed fetch for a minute; a message that fails
 * against a cached certificate fetches it again (at most once a minute), so a processor can rotate its key.
 */
import type { X509Certificate } from 'node:crypto';
import type { OpendsrProcessor } from '../../platform/register';
import { endpoint, fetchFrom, readLimited } from './http';
import { type Discovery, discoverySchema, HEADERS } from './types';
import { decodeSignature, OpendsrVerificationError, parsePemBundle, trustRootsOf, verifyBodySignature, verifyCertificate } from './verify';

/** How long a fetched certificate is used before it is fetched again. */
export const CERTIFICATE_TTL_MS = 60 * 60_000;
/** A failing message may refresh a cached certificate only this often (forged callbacks cannot make us fetch in a loop). */
const REFRESH_AFTER_MS = 60_000;
/** A failed fetch is remembered this long before the next message may try again. */
export const FAILURE_TTL_MS = 60_000;

interface Entry {
  discovery: Discovery;
  bundle: X509Certificate[];
  fetchedAt: number;
}

/** By the processor's base URL. At most one entry per OpenDSR processor in the register. */
const cache = new Map<string, Promise<Entry>>();
/** When the cached fetch of a processor failed, by base URL (the cache then holds the failure). */
const failedAt = new Map<string, number>();
/** When a failing message last made us fetch a processor's certificate again, by base URL. */
const lastRefresh = new Map<string, number>();

async function fetchEntry(p: OpendsrProcessor): Promise<Entry> {
  try {
    const res = await fetchFrom(p, endpoint(p.url, '/discovery'), { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error('discovery failed');
    const discovery = discoverySchema.parse(JSON.parse((await readLimited(res)).toString('utf8')));
    // On the processor's own host, like every URL it names; never a redirect elsewhere.
    const certRes = await fetchFrom(p, discovery.processor_certificate);
    if (!certRes.ok) throw new Error('certificate download failed');
    const bundle = parsePemBundle((await readLimited(certRes)).toString('utf8'));
    return { discovery, bundle, fetchedAt: Date.now() };
  } catch (err) {
    if (err instanceof OpendsrVerificationError) throw err;
    throw new OpendsrVerificationError('CertificateUnavailable');
  }
}

/** The processor's discovery document and certificate bundle, from the cache when fresh. */
export function discover(p: OpendsrProcessor, opts: { refresh?: boolean } = {}): Promise<Entry> {
  const cached = cache.get(p.url);
  const failed = failedAt.get(p.url);
  // A fetch that failed a moment ago is not tried again, refresh or not: a burst of forged
  // callbacks naming this processor costs one outbound call, not one each.
  if (cached && failed !== undefined && Date.now() - failed < FAILURE_TTL_MS) return cached;
  if (cached && failed === undefined && !opts.refresh) {
    return cached.then((e) => (Date.now() - e.fetchedAt > CERTIFICATE_TTL_MS ? discover(p, { refresh: true }) : e));
  }
  const entry = fetchEntry(p);
  cache.set(p.url, entry);
  failedAt.delete(p.url);
  entry.catch(() => {
    if (cache.get(p.url) === entry) failedAt.set(p.url, Date.now());
  });
  return entry;
}

/** Forgets every cached certificate (tests). */
export function clearCertificateCache(): void {
  cache.clear();
  failedAt.clear();
  lastRefresh.clear();
}

/** The first value of a header under any of its names, from a lower-cased record or a fetch Headers. */
export function header(headers: Headers | Record<string, string | undefined>, names: readonly string[]): string | undefined {
  for (const name of names) {
    const v = headers instanceof Headers ? headers.get(name) : headers[name];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/**
 * Checks a signed message (a callback or an API response) from processor `p`: the domain header
 * names the processor's domain, its certificate chains to the processor's trust roots, is valid
 * now and holds the domain, and the signature header is valid for the raw body bytes.
 * Throws `OpendsrVerificationError` naming the failed check.
 */
export async function verifySigned(
  p: OpendsrProcessor,
  headers: Headers | Record<string, string | undefined>,
  rawBody: Uint8Array,
  now = new Date(),
): Promise<void> {
  const domain = header(headers, HEADERS.domain);
  if (!domain) throw new OpendsrVerificationError('MissingHeader');
  if (domain.trim().toLowerCase() !== p.domain.toLowerCase()) throw new OpendsrVerificationError('UnknownDomain');
  const signature = decodeSignature(header(headers, HEADERS.signature));
  const roots = trustRootsOf(p.trustRoots);
  const check = (e: Entry) => verifyBodySignature(verifyCertificate(e.bundle, roots, p.domain, now), rawBody, signature);
  const entry = await discover(p);
  try {
    check(entry);
  } catch (err) {
    const now = Date.now();
    if (!(err instanceof OpendsrVerificationError) || now - entry.fetchedAt < REFRESH_AFTER_MS || now - (lastRefresh.get(p.url) ?? 0) < REFRESH_AFTER_MS)
      throw err;
    // Perhaps the processor rotated its certificate since we cached it.
    lastRefresh.set(p.url, now);
    check(await discover(p, { refresh: true }));
  }
}
