/**
 * What the catalogue's vendor fakes share: an in-process node:http server with a route table,
 * the vendor's authentication check, a per-second rate limit that answers in the vendor's own
 * 429 shape, and a log of every call (method, path, status; never bodies) for tests to read.
 *
 * Fakes hold test data only. They are never kinder than the vendor: an unknown route is a 404, a
 * missing credential a 401, a body that is not what the vendor parses a 400.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { closeServer, listen, readBody, urlFor } from '../http-util.ts';

const MAX_BODY = 1024 * 1024;

/** One request as a route sees it. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the form fields of an `application/x-www-form-urlencoded` body; undefined when empty. */
  body: unknown;
  /** The fake's own base URL, for links it writes into answers (`next_page`, `links.next`). */
  base: string;
}

/** What a route answers. A body that is a string is sent as it is. */
export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A route: method and a path pattern whose `{name}` segments become `params`. */
export interface FakeRoute {
  method: string;
  path: string;
  handle(req: FakeRequest, params: Record<string, string>): FakeReply;
}

/** One call the fake answered (tests). */
export interface FakeCall {
  method: string;
  path: string;
  status: number;
}

/** How a vendor limits its callers. */
export interface FakeRateLimit {
  /** Calls allowed in each wall-clock second; undefined: no limit except `throttleNext`. */
  perSecond?: number;
  /** The vendor's 429, given the seconds until the window resets. */
  reply(resetSeconds: number): FakeReply;
}

export interface VendorFakeOptions {
  /** Short name for messages, e.g. `stripe`. */
  name: string;
  routes: FakeRoute[];
  /** Whether the request carries the credential the fake was started with. */
  authorized(headers: IncomingHttpHeaders, query: URLSearchParams): boolean;
  /** The vendor's 401. */
  unauthorized: FakeReply;
  /** The vendor's 404 for a route it does not have. */
  noRoute: FakeReply;
  rateLimit: FakeRateLimit;
}

/** A running fake. */
export interface VendorFake {
  url: string;
  port: number;
  /** Every call answered, in order. */
  calls(): FakeCall[];
  /** How many calls were answered 429. */
  rateLimited(): number;
  /** Answers the next `n` calls 429, whatever the per-second limit (tests of retry). */
  throttleNext(n: number): void;
  /** Answers the next `n` calls (to `method` and `path` when given) with this reply (tests of 404, 5xx and garbage). */
  failNext(n: number, reply: FakeReply, on?: { method: string; path: RegExp }): void;
  stop(): Promise<void>;
}

function compile(pattern: string): (path: string) => Record<string, string> | undefined {
  const names: string[] = [];
  const source = pattern.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{(\w+)\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  const re = new RegExp(`^${source}$`);
  return (path) => {
    const m = re.exec(path);
    if (!m) return undefined;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
  };
}

function parseBody(raw: Buffer, contentType: string | undefined): unknown {
  if (raw.length === 0) return undefined;
  const text = raw.toString('utf8');
  if (contentType?.startsWith('application/x-www-form-urlencoded')) return Object.fromEntries(new URLSearchParams(text));
  return JSON.parse(text);
}

/** Starts a fake on `port` (0: a free port) of 127.0.0.1. */
export async function startVendorFake(opts: VendorFakeOptions, port = 0): Promise<VendorFake> {
  const routes = opts.routes.map((r) => ({ ...r, match: compile(r.path) }));
  const calls: FakeCall[] = [];
  let limited = 0;
  let forced = 0;
  const failures: { reply: FakeReply; on?: { method: string; path: RegExp } }[] = [];
  let windowSecond = 0;
  let windowCount = 0;
  let base = '';

  const answer = (req: FakeRequest): FakeReply => {
    if (forced > 0) {
      forced--;
      limited++;
      return opts.rateLimit.reply(1);
    }
    const limit = opts.rateLimit.perSecond;
    if (limit !== undefined) {
      const second = Math.floor(Date.now() / 1000);
      if (second !== windowSecond) {
        windowSecond = second;
        windowCount = 0;
      }
      if (++windowCount > limit) {
        limited++;
        return opts.rateLimit.reply(1);
      }
    }
    const at = failures.findIndex(({ on }) => !on || (on.method === req.method && on.path.test(req.path)));
    if (at >= 0) return failures.splice(at, 1)[0]!.reply;
    if (!opts.authorized(req.headers, req.query)) return opts.unauthorized;
    for (const route of routes) {
      if (route.method !== req.method) continue;
      const params = route.match(req.path);
      if (params) return route.handle(req, params);
    }
    return opts.noRoute;
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    const send = (reply: FakeReply) => {
      calls.push({ method: req.method ?? 'GET', path: url.pathname, status: reply.status });
      const isText = typeof reply.body === 'string';
      const payload = reply.body === undefined ? '' : isText ? (reply.body as string) : JSON.stringify(reply.body);
      res.writeHead(reply.status, {
        ...(reply.body === undefined ? {} : { 'content-type': isText ? 'text/html; charset=utf-8' : 'application/json' }),
        ...reply.headers,
      });
      res.end(payload);
    };
    readBody(req, MAX_BODY).then(
      (raw) => {
        let body: unknown;
        try {
          body = parseBody(raw, req.headers['content-type']);
        } catch {
          return send({ status: 400, body: { error: `${opts.name} fake: the body is not valid JSON` } });
        }
        try {
          send(answer({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers, body, base }));
        } catch (e) {
          send({ status: 500, body: { error: `${opts.name} fake: ${(e as Error).message}` } });
        }
      },
      () => send({ status: 413, body: { error: `${opts.name} fake: body too large` } }),
    );
  });
  const bound = await listen(server, port);
  base = urlFor('127.0.0.1', bound);
  return {
    url: base,
    port: bound,
    calls: () => [...calls],
    rateLimited: () => limited,
    throttleNext: (n) => {
      forced += n;
    },
    failNext: (n, reply, on) => {
      for (let i = 0; i < n; i++) failures.push({ reply, ...(on ? { on } : {}) });
    },
    stop: () => closeServer(server),
  };
}

/** The bearer token of an `Authorization` header, if it has one. */
export function bearer(headers: IncomingHttpHeaders): string | undefined {
  const h = headers.authorization;
  return h?.startsWith('Bearer ') ? h.slice('Bearer '.length) : undefined;
}

/** The user and password of a Basic `Authorization` header, if it has one. */
export function basic(headers: IncomingHttpHeaders): { user: string; password: string } | undefined {
  const h = headers.authorization;
  if (!h?.startsWith('Basic ')) return undefined;
  const decoded = Buffer.from(h.slice('Basic '.length), 'base64').toString('utf8');
  const at = decoded.indexOf(':');
  return at < 0 ? undefined : { user: decoded.slice(0, at), password: decoded.slice(at + 1) };
}

/** A page of `items` starting after the item whose key is `after` (cursor pagination). */
export function pageAfter<T>(items: T[], key: (item: T) => string, after: string | null, limit: number): { page: T[]; hasMore: boolean } | undefined {
  let start = 0;
  if (after) {
    const at = items.findIndex((i) => key(i) === after);
    if (at < 0) return undefined;
    start = at + 1;
  }
  const page = items.slice(start, start + limit);
  return { page, hasMore: start + limit < items.length };
}

/** A whole number from a query parameter within [min, max], `fallback` when absent, undefined when invalid. */
export function intParam(raw: string | null | undefined, fallback: number, min: number, max: number): number | undefined {
  if (raw === null || raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const n = Number(raw);
  return n >= min && n <= max ? n : undefined;
}
