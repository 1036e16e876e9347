/**
 * Plumbing every vendor fake shares: routing by method and path pattern, JSON answers, a rate
 * limit answering 429 with `Retry-After` as vendors do, and faults a test plants for the next
 * calls to a path (a status, a redirect, an HTML page, an oversized body, an endless page chain).
 * Fakes keep their state in memory; they log method, route and status only, never an address.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, DEFAULT_HOST, listen, readBody, urlFor } from '../http-util.ts';

/** One call as a route sees it. */
export interface FakeCall {
  method: string;
  url: URL;
  params: Record<string, string>;
  headers: IncomingMessage['headers'];
  body: unknown;
}

/** A route's answer. */
export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Something a test makes the next `times` matching calls answer instead of the route. */
export interface Fault {
  /** Matched against `METHOD /path` (no query). */
  match: RegExp;
  times?: number;
  answer: FakeAnswer | { raw: string | Buffer; status?: number; headers?: Record<string, string> };
}

type Handler = (call: FakeCall) => FakeAnswer | Promise<FakeAnswer>;

/** A vendor's rate limit: calls per rolling second; more answer 429 with `Retry-After: 1`. */
export interface FakeRateLimit {
  perSecond: number;
}

export class FakeServer {
  private server?: Server;
  private readonly routes: { method: string; pattern: RegExp; keys: string[]; handler: Handler }[] = [];
  private readonly faults: Fault[] = [];
  private readonly recent: number[] = [];
  /** Every call answered, as `METHOD /path status`, for tests and the bench. */
  readonly calls: { route: string; status: number; at: number }[] = [];
  rateLimit?: FakeRateLimit;
  url = '';
  port = 0;

  constructor(
    readonly name: string,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** Adds a route; `:name` segments become `params`. */
  route(method: string, path: string, handler: Handler): this {
    const keys: string[] = [];
    const pattern = new RegExp(`^${path.replace(/:([A-Za-z_]+)/g, (_m, k: string) => (keys.push(k), '([^/]+)'))}$`);
    this.routes.push({ method, pattern, keys, handler });
    return this;
  }

  /** Plants a fault for the next matching calls (default one). */
  fault(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  /** Removes planted faults and forgets calls. */
  reset(): void {
    this.faults.length = 0;
    this.calls.length = 0;
    this.recent.length = 0;
  }

  async start(port = 0, host = DEFAULT_HOST): Promise<string> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch((err) => {
        this.log(`${req.method} failed: ${(err as Error).name}`);
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
        res.end('{"title":"Internal Server Error"}');
      });
    });
    this.port = await listen(this.server, port, host);
    this.url = urlFor(host, this.port);
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const line = `${method} ${url.pathname}`;
    const send = (status: number, body: string | Buffer, headers: Record<string, string>) => {
      this.calls.push({ route: line, status, at: Date.now() });
      this.log(`${method} ${status}`);
      res.writeHead(status, headers);
      res.end(body);
    };
    const now = Date.now();
    while (this.recent.length && this.recent[0]! <= now - 1000) this.recent.shift();
    if (this.rateLimit && this.recent.length >= this.rateLimit.perSecond) {
      const json = JSON.stringify({ type: 'about:blank', title: 'Too Many Requests', status: 429 });
      return send(429, json, { 'content-type': 'application/problem+json', 'retry-after': '1' });
    }
    this.recent.push(now);
    const fault = this.faults.find((f) => f.match.test(line) && (f.times ?? 1) > 0);
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      await readBody(req, 1024 * 1024).catch(() => undefined);
      const a = fault.answer;
      if ('raw' in a) return send(a.status ?? 200, a.raw, a.headers ?? {});
      return send(a.status, a.body === undefined ? '' : JSON.stringify(a.body), { 'content-type': 'application/json', ...a.headers });
    }
    for (const r of this.routes) {
      const m = r.method === method ? r.pattern.exec(url.pathname) : null;
      if (!m) continue;
      const raw = await readBody(req, 1024 * 1024);
      let body: unknown;
      try {
        body = raw.length ? JSON.parse(raw.toString('utf8')) : undefined;
      } catch {
        return send(400, JSON.stringify({ title: 'Invalid Resource', status: 400 }), { 'content-type': 'application/problem+json' });
      }
      const params = Object.fromEntries(r.keys.map((k, i) => [k, decodeURIComponent(m[i + 1]!)]));
      const a = await r.handler({ method, url, params, headers: req.headers, body });
      const type = a.status >= 400 ? 'application/problem+json' : 'application/json';
      return send(a.status, a.body === undefined ? '' : JSON.stringify(a.body), { 'content-type': type, ...a.headers });
    }
    send(404, JSON.stringify({ title: 'Resource Not Found', status: 404 }), { 'content-type': 'application/problem+json' });
  }
}
