/**
 * A counted OpenDSR v2 processor for the fault and crash suites: it answers like the demo
 * newsletter (local/demo-opendsr, signing with the same committed demo key, so the demo
 * register's `newsletter` processor trusts it), but a share of its answers are faults:
 *
 *   error-before  503 and nothing done
 *   error-after   the call is carried out, then 500
 *   timeout       carried out, answered only after the caller's 15 s timeout
 *   hang          nothing done, never answered (the caller gives up)
 *   malformed     carried out, answered 2xx with a signed body that is not JSON
 *
 * and every status callback is sent twice. It behaves as the specification asks of a processor:
 * a `subject_request_id` it already has is refused (409) and the work for one id is done once. It
 * counts, per identity (a unique test address each), the distinct ids it was sent and the erasures
 * and exports it carried out, which is what "exactly once at the processor" means here: one
 * processor-side request per branch, however often the service retried or crashed.
 */
import { createHash, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { closeServer, listen, readBody } from '../../local/http-util.ts';
import { seeded } from '../fixtures/compliance.ts';

const CERTS = join(import.meta.dirname, '..', '..', 'local', 'demo-opendsr', 'certs');
const KEY = readFileSync(join(CERTS, 'demo-localhost.key'), 'utf8');
const CERTIFICATE = readFileSync(join(CERTS, 'demo-localhost.pem'), 'utf8');
/** Longer than the client's TIMEOUT_MS (functions/processors/opendsr/http.ts). */
const LATE_ANSWER_MS = 16_000;

export const FAULTS = ['error-before', 'error-after', 'timeout', 'hang', 'malformed'] as const;
export type Fault = (typeof FAULTS)[number];

export interface FakeRequest {
  id: string;
  type: 'access' | 'portability' | 'erasure';
  /** The identity as sent (sha256 of the address). */
  identity: string;
  callbackUrl: string;
  status: 'pending' | 'completed' | 'cancelled';
  posts: number;
}

export interface FakeOpendsrOptions {
  /** Share of calls (0..1) answered with a fault. */
  faultRate: number;
  /** Seed of the fault sequence, so a failing run can be repeated. */
  seed?: number;
  /** How long after a request it completes it; default 200 ms. */
  completeAfterMs?: number;
  port?: number;
}

export interface FakeOpendsr {
  url: string;
  port: number;
  /** Requests by subject_request_id. */
  requests: Map<string, FakeRequest>;
  /** Work done (erasure or export), per identity, per subject_request_id: each must be 1 and one id per identity. */
  work: Map<string, Map<string, number>>;
  /** Faults injected, by kind. */
  injected: Record<Fault, number>;
  /** Callbacks delivered with 2xx / attempts made. */
  callbacks: { delivered: number; attempts: number };
  /** Stop injecting faults (e.g. once a run's fault phase is over). */
  heal(): void;
  stop(): Promise<void>;
}

/** The address's identity as the register's `sha256` format sends it. */
export const identityOf = (email: string) => createHash('sha256').update(email.trim().toLowerCase(), 'utf8').digest('hex');

export async function startFakeOpendsr(opts: FakeOpendsrOptions): Promise<FakeOpendsr> {
  const random = seeded(opts.seed ?? 1);
  let faultRate = opts.faultRate;
  const completeAfter = opts.completeAfterMs ?? 200;
  const requests = new Map<string, FakeRequest>();
  const work = new Map<string, Map<string, number>>();
  const injected = Object.fromEntries(FAULTS.map((f) => [f, 0])) as Record<Fault, number>;
  const callbacks = { delivered: 0, attempts: 0 };
  const timers = new Set<NodeJS.Timeout>();
  let stopping = false;
  let base = '';

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };
  const pickFault = (): Fault | undefined => (random() < faultRate ? FAULTS[Math.floor(random() * FAULTS.length)] : undefined);
  const signedHeaders = (body: Buffer) => ({
    'content-type': 'application/json; charset=utf-8',
    'x-opendsr-processor-domain': 'localhost',
    'x-opendsr-signature': sign('sha256', body, KEY).toString('base64'),
  });
  const statusBody = (r: FakeRequest) => ({
    subject_request_id: r.id,
    request_status: r.status,
    expected_completion_time: new Date(Date.now() + 60_000).toISOString(),
    api_version: '2.0',
    ...(r.status === 'completed' ? { results_count: 1 } : {}),
    ...(r.status === 'completed' && r.type !== 'erasure' ? { results_url: `${base}/results/${r.id}` } : {}),
  });

  /** Answers `value` signed, or with the fault drawn for this call (`effect` runs unless the fault says nothing is done). */
  function answer(res: ServerResponse, code: number, value: () => unknown, fault: Fault | undefined, effect: () => void = () => undefined): void {
    if (fault) injected[fault]++;
    if (fault === 'hang') return; // the connection stays open until the caller gives up
    if (fault === 'error-before') {
      res.writeHead(503).end('{"error":"unavailable"}');
      return;
    }
    effect();
    if (fault === 'error-after') {
      res.writeHead(500).end('{"error":"internal"}');
      return;
    }
    const body = Buffer.from(fault === 'malformed' ? '{"subject_request_id": <html>oops' : JSON.stringify(value()));
    if (fault === 'timeout')
      later(LATE_ANSWER_MS, () => {
        if (!res.destroyed) res.writeHead(code, signedHeaders(body)).end(body);
      });
    else res.writeHead(code, signedHeaders(body)).end(body);
  }

  /** Sends a callback until the controller takes it (2xx) or refuses it for good (4xx). */
  async function callback(r: FakeRequest): Promise<void> {
    const body = Buffer.from(JSON.stringify({ ...statusBody(r), status_callback_url: r.callbackUrl }));
    for (let attempt = 0; !stopping; attempt++) {
      callbacks.attempts++;
      try {
        const res = await fetch(r.callbackUrl, { method: 'POST', headers: signedHeaders(body), body, signal: AbortSignal.timeout(20_000) });
        await res.body?.cancel().catch(() => undefined);
        if (res.ok) {
          callbacks.delivered++;
          return;
        }
        if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return;
      } catch {
        /* not reachable now (e.g. the runtime is down): try again */
      }
      await new Promise((resolve) => later(Math.min(200 * 2 ** attempt, 3_000), () => resolve(undefined)));
    }
  }

  function complete(r: FakeRequest): void {
    if (r.status !== 'pending') return;
    const mine = work.get(r.identity) ?? new Map<string, number>();
    mine.set(r.id, (mine.get(r.id) ?? 0) + 1);
    work.set(r.identity, mine);
    r.status = 'completed';
    // Answered twice, at once: the controller must take one and shrug off the other.
    void callback(r);
    void callback(r);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/v1/discovery') {
      const doc = {
        api_version: '2.0',
        supported_identities: [{ identity_type: 'email', identity_format: 'sha256' }],
        supported_subject_request_types: ['access', 'portability', 'erasure'],
        processor_certificate: `${base}/certificate.pem`,
      };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
      return;
    }
    if (method === 'GET' && path === '/v1/certificate.pem') {
      res.writeHead(200, { 'content-type': 'application/x-pem-file' }).end(CERTIFICATE);
      return;
    }
    if (method === 'POST' && path === '/v1/requests') {
      const b = JSON.parse((await readBody(req, 64 * 1024)).toString('utf8')) as {
        subject_request_id: string;
        subject_request_type: FakeRequest['type'];
        subject_identities: { identity_value: string }[];
        status_callback_urls: string[];
      };
      const known = requests.get(b.subject_request_id);
      if (known) {
        known.posts++;
        res.writeHead(409, { 'content-type': 'application/json' }).end('{"error":"subject_request_id already exists"}');
        return;
      }
      const r: FakeRequest = {
        id: b.subject_request_id,
        type: b.subject_request_type,
        identity: b.subject_identities[0]!.identity_value,
        callbackUrl: b.status_callback_urls[0]!,
        status: 'pending',
        posts: 1,
      };
      return answer(
        res,
        201,
        () => ({ subject_request_id: r.id, received_time: new Date().toISOString() }),
        pickFault(),
        () => {
          requests.set(r.id, r);
          later(completeAfter, () => complete(r));
        },
      );
    }
    const m = /^\/v1\/(requests|results)\/([^/]+)$/.exec(path);
    const r = m ? requests.get(m[2]!) : undefined;
    if (m && r && method === 'GET') {
      if (m[1] === 'requests') return answer(res, 200, () => statusBody(r), pickFault());
      return answer(res, 200, () => [{ id: r.id, list: 'weekly' }], pickFault());
    }
    if (m && r && method === 'DELETE') {
      return answer(
        res,
        202,
        () => ({ subject_request_id: r.id, api_version: '2.0' }),
        pickFault(),
        () => {
          if (r.status === 'pending') r.status = 'cancelled';
        },
      );
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"unknown"}');
  }

  const server: Server = createServer((req, res) => {
    route(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const port = await listen(server, opts.port ?? 0);
  base = `http://localhost:${port}/v1`;
  return {
    url: base,
    port,
    requests,
    work,
    injected,
    callbacks,
    heal: () => {
      faultRate = 0;
    },
    async stop() {
      stopping = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await closeServer(server);
    },
  };
}
