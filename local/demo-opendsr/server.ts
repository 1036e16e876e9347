/**
 * "Demo Newsletter": a small OpenDSR v2 processor (opengdpr/opengdpr specification §6-9) for the
 * local runtime and the tests. DEMO ONLY: it signs with the committed demo key in ./certs.
 *
 *   GET    /v1/discovery          what it supports and where its certificate is
 *   GET    /v1/certificate.pem    its signing certificate (SAN DNS:localhost, under the demo root)
 *   POST   /v1/requests           a new request: 201 with a signed receipt
 *   GET    /v1/requests/{id}      the request's status, signed
 *   DELETE /v1/requests/{id}      cancels a request that is not completed yet: 202, signed
 *   GET    /v1/results/{id}       an access request's records, as a JSON array
 *   POST   /v1/portability        a portability package sent to the demo receiving controller
 *                                 (./portability-receiver.ts; another controller, same demo port)
 *
 * After a request it calls every `status_callback_urls` entry with a signed `pending`, and after
 * `callbackDelayMs` does the work (access: a snapshot of the subscriber's records; erasure:
 * removes the subscriber from its data file) and calls back `completed` with `results_count`
 * (and `results_url` for access). Its data lives in `<dataDir>/demo-opendsr/` (subscribers and
 * requests), so erasures and requests in flight survive a restart. Log lines carry ids only.
 */
import { createHash, sign } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { closeServer, listen, readBody } from '../http-util.ts';
import { portabilityReceiver, type ReceivedPackage } from './portability-receiver.ts';

const HERE = import.meta.dirname;
const DOMAIN = 'localhost';
const CONTROLLER_ID = 'demo-association';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TYPES = ['access', 'portability', 'erasure'] as const;
const MAX_BODY = 64 * 1024;

export interface Subscriber {
  subscriberId: string;
  email: string;
  name?: string;
  subscribedAt: string;
  topics: string[];
  frequency: string;
  lastOpenedAt?: string;
}

export type DemoStatus = 'pending' | 'in_progress' | 'completed' | 'cancelled';

/** A request as the demo keeps it. Holds the identity the controller sent: test and demo data only. */
export interface DemoRequest {
  subjectRequestId: string;
  type: (typeof TYPES)[number];
  identity: { format: 'raw' | 'sha256'; value: string };
  callbackUrls: string[];
  submittedTime: string;
  receivedAt: string;
  expectedCompletionAt: string;
  status: DemoStatus;
  completedAt?: string;
  cancelledAt?: string;
  results?: Record<string, unknown>[];
  resultsCount?: number;
}

/** One callback the demo sent (or tried to). */
export interface SentCallback {
  subjectRequestId: string;
  url: string;
  status: DemoStatus;
  /** The controller's answer, or 0 when it could not be reached. */
  httpStatus: number;
  attempt: number;
}

export interface DemoOpendsrOptions {
  /** 0 picks a free port; default DEMO_NEWSLETTER_PORT or 8090. */
  port?: number;
  /** Its data goes to `<dataDir>/demo-opendsr/`. */
  dataDir: string;
  /** How long after a request it completes it (default 2000 ms). */
  callbackDelayMs?: number;
  /** Send callbacks at all (default true); without them the controller has to poll. */
  sendCallbacks?: boolean;
  /** First retry delay of a callback that failed (doubles, 5 attempts in all); default 1000 ms. */
  callbackRetryMs?: number;
  quiet?: boolean;
  log?: (line: string) => void;
}

export interface DemoOpendsr {
  /** Base URL including the version, e.g. http://localhost:8090/v1. */
  url: string;
  port: number;
  stop(): Promise<void>;
  /** What it received (tests). */
  requests(): DemoRequest[];
  /** The callbacks it sent (tests). */
  callbacks(): SentCallback[];
  /** Its current subscribers (tests). */
  subscribers(): Subscriber[];
  /** Where the demo receiving controller takes portability packages (Art. 20(2)). */
  portabilityUrl: string;
  /** The portability packages it received (tests). */
  portabilityPackages(): ReceivedPackage[];
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest('hex');
const normalise = (email: string) => email.trim().toLowerCase();

function matches(s: Subscriber, identity: DemoRequest['identity']): boolean {
  return identity.format === 'raw' ? normalise(s.email) === normalise(identity.value) : sha256(normalise(s.email)) === identity.value.trim().toLowerCase();
}

/** Writes a file atomically (a crash leaves the old or the new, never half). */
function writeJson(file: string, value: unknown): void {
  writeFileSync(`${file}.tmp`, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(`${file}.tmp`, file);
}

function envPort(): number {
  const raw = process.env.DEMO_NEWSLETTER_PORT;
  const n = raw ? Number(raw) : 8090;
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`DEMO_NEWSLETTER_PORT must be a port number, got "${raw}"`);
  return n;
}

export async function startDemoOpendsr(opts: DemoOpendsrOptions): Promise<DemoOpendsr> {
  const log = opts.quiet ? () => undefined : (opts.log ?? ((line: string) => console.log(`[demo-newsletter] ${line}`)));
  const delay = opts.callbackDelayMs ?? 2000;
  const retryMs = opts.callbackRetryMs ?? 1000;
  const sendCallbacks = opts.sendCallbacks ?? true;
  const dir = join(opts.dataDir, 'demo-opendsr');
  mkdirSync(dir, { recursive: true });
  const subscribersFile = join(dir, 'subscribers.json');
  const requestsFile = join(dir, 'requests.json');
  if (!existsSync(subscribersFile)) {
    const seed = JSON.parse(readFileSync(join(HERE, 'subscribers.json'), 'utf8')) as { subscribers: Subscriber[] };
    writeJson(subscribersFile, { subscribers: seed.subscribers });
  }
  const readSubscribers = () => (JSON.parse(readFileSync(subscribersFile, 'utf8')) as { subscribers: Subscriber[] }).subscribers;
  const requests = new Map<string, DemoRequest>(
    existsSync(requestsFile) ? (JSON.parse(readFileSync(requestsFile, 'utf8')) as DemoRequest[]).map((r) => [r.subjectRequestId, r]) : [],
  );
  const saveRequests = () => writeJson(requestsFile, [...requests.values()]);
  const receiver = portabilityReceiver(dir, (line) => log(`[receiver] ${line}`));

  const key = readFileSync(join(HERE, 'certs', 'demo-localhost.key'), 'utf8');
  const certificate = readFileSync(join(HERE, 'certs', 'demo-localhost.pem'), 'utf8');
  const signed = (body: Buffer) => ({
    'x-opendsr-processor-domain': DOMAIN,
    'x-opendsr-signature': sign('sha256', body, key).toString('base64'),
  });

  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const inFlight = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>) => {
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p)).catch(() => undefined);
    return p;
  };
  let stopping = false;
  const stopped = new AbortController();
  /** A pause that ends early when the server stops. */
  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      later(ms, resolve);
      stopped.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  const sent: SentCallback[] = [];
  let base = '';

  const statusBody = (r: DemoRequest) => ({
    controller_id: CONTROLLER_ID,
    expected_completion_time: r.expectedCompletionAt,
    subject_request_id: r.subjectRequestId,
    request_status: r.status,
    api_version: '2.0',
    ...(r.status === 'completed' && r.type !== 'erasure' ? { results_url: `${base}/results/${r.subjectRequestId}` } : {}),
    ...(r.status === 'completed' ? { results_count: r.resultsCount ?? 0 } : {}),
  });

  /** Sends one signed callback to one URL, retrying failures with backoff. */
  async function callback(r: DemoRequest, url: string): Promise<void> {
    const status = r.status;
    const body = Buffer.from(JSON.stringify({ ...statusBody(r), status_callback_url: url }));
    for (let attempt = 1; attempt <= 5 && !stopping; attempt++) {
      let httpStatus = 0;
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...signed(body) },
          body,
          signal: AbortSignal.any([AbortSignal.timeout(30_000), stopped.signal]),
        });
        httpStatus = res.status;
        await res.body?.cancel().catch(() => undefined);
      } catch {
        httpStatus = 0;
      }
      sent.push({ subjectRequestId: r.subjectRequestId, url, status, httpStatus, attempt });
      log(`callback ${status} for ${r.subjectRequestId}: ${httpStatus || 'unreachable'} (attempt ${attempt})`);
      // 2xx: done; 4xx other than 408/429: the controller refuses it, retrying will not help
      if ((httpStatus >= 200 && httpStatus < 300) || (httpStatus >= 400 && httpStatus < 500 && httpStatus !== 408 && httpStatus !== 429)) return;
      await sleep(retryMs * 2 ** (attempt - 1));
    }
  }

  function notify(r: DemoRequest): void {
    if (!sendCallbacks) return;
    for (const url of r.callbackUrls) void track(callback(r, url));
  }

  /** Does the work of a request and reports it. */
  function complete(id: string): void {
    const r = requests.get(id);
    if (!r || (r.status !== 'pending' && r.status !== 'in_progress')) return;
    const subscribers = readSubscribers();
    const mine = subscribers.filter((s) => matches(s, r.identity));
    if (r.type === 'erasure') {
      writeJson(subscribersFile, { subscribers: subscribers.filter((s) => !mine.includes(s)) });
      r.resultsCount = mine.length;
    } else {
      r.results = mine.map((s) => ({ ...s, source: 'Demo Newsletter subscriber database' }));
      r.resultsCount = mine.length;
    }
    r.status = 'completed';
    r.completedAt = new Date().toISOString();
    saveRequests();
    log(`request ${id} (${r.type}) completed: ${r.resultsCount} record(s)`);
    notify(r);
  }

  const error = (res: ServerResponse, code: number, message: string) => {
    res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(JSON.stringify({ error: { code, message } }));
  };
  const signedJson = (res: ServerResponse, code: number, value: unknown) => {
    const body = Buffer.from(JSON.stringify(value));
    res.writeHead(code, { 'content-type': 'application/json; charset=utf-8', ...signed(body) });
    res.end(body);
  };

  function create(res: ServerResponse, raw: Buffer): void {
    let b: Record<string, unknown>;
    try {
      b = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return error(res, 400, 'body is not valid JSON');
    }
    if (!b || typeof b !== 'object') return error(res, 400, 'body must be a JSON object');
    const id = b.subject_request_id;
    if (typeof id !== 'string' || !UUID_V4.test(id)) return error(res, 400, 'subject_request_id must be a lower-case UUID v4');
    if (b.regulation !== 'gdpr') return error(res, 400, 'regulation must be gdpr');
    const type = b.subject_request_type as DemoRequest['type'];
    if (!TYPES.includes(type)) return error(res, 400, 'subject_request_type is not supported');
    const identities = Array.isArray(b.subject_identities) ? (b.subject_identities as Record<string, unknown>[]) : [];
    const email = identities.find(
      (i) => i?.identity_type === 'email' && (i.identity_format === 'raw' || i.identity_format === 'sha256') && typeof i.identity_value === 'string',
    );
    if (!email) return error(res, 400, 'subject_identities needs an email identity, raw or sha256');
    if (typeof b.submitted_time !== 'string' || Number.isNaN(Date.parse(b.submitted_time))) return error(res, 400, 'submitted_time must be an RFC 3339 time');
    const urls = b.status_callback_urls ?? [];
    if (!Array.isArray(urls) || !urls.every((u) => typeof u === 'string' && /^https?:\/\//.test(u)))
      return error(res, 400, 'status_callback_urls must be http(s) URLs');
    if (requests.has(id)) return error(res, 400, 'subject_request_id already exists');
    const now = new Date();
    const r: DemoRequest = {
      subjectRequestId: id,
      type,
      identity: { format: email.identity_format as 'raw' | 'sha256', value: email.identity_value as string },
      callbackUrls: urls as string[],
      submittedTime: b.submitted_time,
      receivedAt: now.toISOString(),
      expectedCompletionAt: new Date(now.getTime() + Math.max(delay, 1000)).toISOString(),
      status: 'pending',
    };
    requests.set(id, r);
    saveRequests();
    log(`request ${id} (${type}) received`);
    signedJson(res, 201, {
      controller_id: CONTROLLER_ID,
      expected_completion_time: r.expectedCompletionAt,
      received_time: r.receivedAt,
      encoded_request: raw.toString('base64'),
      subject_request_id: id,
    });
    notify(r);
    later(delay, () => complete(id));
  }

  function cancel(res: ServerResponse, r: DemoRequest): void {
    if (r.status !== 'pending' && r.status !== 'in_progress') return error(res, 400, `request is ${r.status} and cannot be cancelled`);
    r.status = 'cancelled';
    r.cancelledAt = new Date().toISOString();
    saveRequests();
    log(`request ${r.subjectRequestId} cancelled`);
    signedJson(res, 202, { controller_id: CONTROLLER_ID, subject_request_id: r.subjectRequestId, received_time: r.cancelledAt, api_version: '2.0' });
    notify(r);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/v1/discovery') {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end(
        JSON.stringify({
          api_version: '2.0',
          supported_identities: [
            { identity_type: 'email', identity_format: 'raw' },
            { identity_type: 'email', identity_format: 'sha256' },
          ],
          supported_subject_request_types: [...TYPES],
          processor_certificate: `${base}/certificate.pem`,
        }),
      );
      return;
    }
    if (method === 'GET' && path === '/v1/certificate.pem') {
      res.writeHead(200, { 'content-type': 'application/x-pem-file' });
      res.end(certificate);
      return;
    }
    if (method === 'POST' && path === '/v1/requests') {
      return create(res, await readBody(req, MAX_BODY));
    }
    if (method === 'POST' && path === '/v1/portability') return receiver.handle(req, res);
    const m = /^\/v1\/(requests|results)\/([^/]+)$/.exec(path);
    const r = m ? requests.get(m[2]!) : undefined;
    if (m && !r) return error(res, 404, 'unknown subject_request_id');
    if (m && r) {
      if (m[1] === 'requests' && method === 'GET') return signedJson(res, 200, statusBody(r));
      if (m[1] === 'requests' && method === 'DELETE') return cancel(res, r);
      if (m[1] === 'results' && method === 'GET') {
        if (r.status !== 'completed' || r.type === 'erasure') return error(res, 404, 'no results for this request');
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
        res.end(JSON.stringify(r.results ?? []));
        return;
      }
    }
    error(res, 404, 'not found');
  }

  const server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) error(res, 500, 'internal error');
      else res.destroy();
    });
  });
  const port = await listen(server, opts.port ?? envPort());
  base = `http://localhost:${port}/v1`;
  log(`listening on ${base}`);

  // Requests in flight at the last stop are finished now.
  for (const r of requests.values()) if (r.status === 'pending' || r.status === 'in_progress') later(delay, () => complete(r.subjectRequestId));

  return {
    url: base,
    port,
    async stop() {
      stopping = true;
      stopped.abort();
      for (const t of timers) clearTimeout(t);
      timers.clear();
      await Promise.allSettled([...inFlight]);
      await closeServer(server);
    },
    requests: () => structuredClone([...requests.values()]),
    callbacks: () => structuredClone(sent),
    subscribers: () => readSubscribers(),
    portabilityUrl: `${base}/portability`,
    portabilityPackages: () => receiver.received(),
  };
}
