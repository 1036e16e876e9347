/**
 * A local HTTP API (API Gateway v2): serves exactly the template's routes, hands each request to
 * its Lambda as a payload format 2.0 event and maps the result back per the 2.0 rules.
 * Logs carry the route, status and error class only: never paths' query strings, bodies or
 * error messages (they may hold personal data or tokens).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { BodyTooLargeError, DEFAULT_HOST, closeServer, listen, readBody, urlFor } from './http-util.ts';
import type { Invoker } from './lambda-host.ts';
import type { RouteModel } from './synth.ts';

/** API Gateway's payload limit. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/** Lambda's synchronous response limit. */
const MAX_RESPONSE_BYTES = 6 * 1024 * 1024;
/** HTTP APIs wait at most 30 s for an integration. */
const INTEGRATION_TIMEOUT_MS = 30_000;

type Segment = { kind: 'literal'; value: string } | { kind: 'param'; name: string } | { kind: 'greedy'; name: string };

interface CompiledRoute {
  route: RouteModel;
  method: string | undefined;
  segments: Segment[] | undefined;
}

function splitPath(path: string): string[] {
  return path.split('/').filter((s, i, all) => !(i === 0 && s === '') && !(i === all.length - 1 && s === '' && all.length > 1));
}

function compile(route: RouteModel): CompiledRoute {
  if (!route.path) return { route, method: undefined, segments: undefined };
  const segments = splitPath(route.path).map<Segment>((s) => {
    const m = /^\{([^}+]+)(\+)?\}$/.exec(s);
    if (!m) return { kind: 'literal', value: s };
    return m[2] ? { kind: 'greedy', name: m[1]! } : { kind: 'param', name: m[1]! };
  });
  return { route, method: route.method, segments };
}

/** Orders matching routes as API Gateway does: literal segments first, then parameters, greedy last; a method before ANY. */
function rank(r: CompiledRoute): number[] {
  if (!r.segments) return [3];
  return [...r.segments.map((s) => (s.kind === 'literal' ? 0 : s.kind === 'param' ? 1 : 2)), r.method === 'ANY' ? 1 : 0];
}

function compareRank(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

function matchRoute(r: CompiledRoute, method: string, parts: string[]): Record<string, string> | undefined {
  if (!r.segments) return {}; // $default
  if (r.method !== 'ANY' && r.method !== method) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < r.segments.length; i++) {
    const seg = r.segments[i]!;
    if (seg.kind === 'greedy') {
      if (i >= parts.length) return undefined;
      params[seg.name] = parts.slice(i).join('/');
      return params;
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    if (seg.kind === 'literal' && seg.value !== part) return undefined;
    if (seg.kind === 'param') params[seg.name] = part;
  }
  return parts.length === r.segments.length ? params : undefined;
}

export class Router {
  private readonly routes: CompiledRoute[];
  constructor(routes: RouteModel[]) {
    this.routes = routes.map(compile);
  }
  /** The best route for a method and a raw (still percent-encoded) path, with decoded path parameters. */
  match(method: string, rawPath: string): { route: RouteModel; pathParameters: Record<string, string> } | undefined {
    let parts: string[];
    try {
      parts = splitPath(rawPath).map((p) => decodeURIComponent(p));
    } catch {
      return undefined;
    }
    const candidates = this.routes
      .map((r) => ({ r, params: matchRoute(r, method.toUpperCase(), parts) }))
      .filter((c): c is { r: CompiledRoute; params: Record<string, string> } => c.params !== undefined)
      .sort((a, b) => compareRank(rank(a.r), rank(b.r)));
    const best = candidates[0];
    return best ? { route: best.r.route, pathParameters: best.params } : undefined;
  }
}

/** Content types HTTP APIs hand to Lambda as text; everything else (form posts too) arrives base64-encoded. */
export function isTextContentType(contentType: string | undefined): boolean {
  if (!contentType) return false;
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  return type.startsWith('text/') || ['application/json', 'application/xml', 'application/javascript'].includes(type);
}

export function buildEvent(
  req: IncomingMessage,
  body: Buffer,
  route: RouteModel,
  pathParameters: Record<string, string>,
  requestId: string,
): APIGatewayProxyEventV2 {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const rawPath = q === -1 ? url : url.slice(0, q);
  const rawQueryString = q === -1 ? '' : url.slice(q + 1);
  const sourceIp = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

  const headers: Record<string, string> = {};
  let cookies: string[] | undefined;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i]!.toLowerCase();
    const value = req.rawHeaders[i + 1]!;
    if (name === 'cookie') {
      cookies = [...(cookies ?? []), ...value.split(';').map((c) => c.trim()).filter(Boolean)];
      continue;
    }
    headers[name] = name in headers ? `${headers[name]},${value}` : value;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for'] ? `${headers['x-forwarded-for']}, ${sourceIp}` : sourceIp;
  headers['x-forwarded-proto'] ??= 'http';
  headers['x-forwarded-port'] ??= String(req.socket.localPort ?? '');

  let queryStringParameters: Record<string, string> | undefined;
  if (rawQueryString) {
    queryStringParameters = {};
    for (const [k, v] of new URLSearchParams(rawQueryString)) {
      queryStringParameters[k] = k in queryStringParameters ? `${queryStringParameters[k]},${v}` : v;
    }
  }

  const now = new Date();
  const host = headers['host'] ?? 'localhost';
  const text = isTextContentType(headers['content-type']);
  return {
    version: '2.0',
    routeKey: route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: host,
      domainPrefix: host.split('.')[0]!,
      http: {
        method: (req.method ?? 'GET').toUpperCase(),
        path: rawPath,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: route.routeKey,
      stage: '$default',
      time: formatRequestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(body.length ? { body: text ? body.toString('utf8') : body.toString('base64') } : {}),
    isBase64Encoded: body.length ? !text : false,
  };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** API Gateway's CLF-style time, e.g. 12/Mar/2020:19:03:58 +0000 */
function formatRequestTime(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  cookies: string[];
  body: Buffer;
}

/** Maps a handler's result per the 2.0 rules: a `statusCode` object as is; anything else is a 200 JSON body. */
export function mapResult(result: unknown): HttpResult {
  if (result && typeof result === 'object' && !Array.isArray(result) && 'statusCode' in result) {
    const r = result as { statusCode: unknown; headers?: Record<string, unknown>; cookies?: unknown; body?: unknown; isBase64Encoded?: unknown };
    const statusCode = Number(r.statusCode);
    if (!Number.isInteger(statusCode) || statusCode < 100 || statusCode > 599) throw new Error('malformed Lambda proxy response');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(r.headers ?? {})) if (v !== undefined && v !== null) headers[k.toLowerCase()] = String(v);
    const cookies = Array.isArray(r.cookies) ? r.cookies.map(String) : [];
    const bodyText = r.body === undefined || r.body === null ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    const body = r.isBase64Encoded === true ? Buffer.from(bodyText, 'base64') : Buffer.from(bodyText, 'utf8');
    return { statusCode, headers, cookies, body };
  }
  const text = typeof result === 'string' ? result : JSON.stringify(result);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(text, 'utf8') };
}

export interface GatewayOptions {
  routes: RouteModel[];
  lambdas: Invoker;
  host?: string;
  log?: (line: string) => void;
}

export class LocalGateway {
  private readonly router: Router;
  private server?: Server;
  private readonly log: (line: string) => void;
  url?: string;
  /** Until true, every request gets 503 (the runtime is still starting). */
  ready = true;

  constructor(private readonly opts: GatewayOptions) {
    this.router = new Router(opts.routes);
    this.log = opts.log ?? (() => undefined);
  }

  async start(port = 3000, host = this.opts.host ?? DEFAULT_HOST): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    const bound = await listen(this.server, port, host);
    this.url = urlFor(host === DEFAULT_HOST ? 'localhost' : host, bound);
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.server) await closeServer(this.server, 5_000);
  }

  private send(res: ServerResponse, requestId: string, r: HttpResult): void {
    if (res.headersSent) return;
    res.statusCode = r.statusCode;
    for (const [k, v] of Object.entries(r.headers)) res.setHeader(k, v);
    if (r.cookies.length) res.setHeader('set-cookie', r.cookies);
    res.setHeader('apigw-requestid', requestId);
    res.setHeader('content-length', r.body.length);
    res.end(r.body);
  }

  private json(statusCode: number, message: string): HttpResult {
    return { statusCode, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(JSON.stringify({ message })) };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = Date.now();
    const requestId = randomUUID();
    const method = (req.method ?? 'GET').toUpperCase();
    const rawPath = (req.url ?? '/').split('?')[0]!;
    if (!this.ready) {
      req.resume();
      this.send(res, requestId, this.json(503, 'Service Unavailable'));
      return;
    }
    const match = this.router.match(method, rawPath);
    if (!match) {
      req.resume();
      this.send(res, requestId, this.json(404, 'Not Found'));
      this.log(`gateway: ${method} (no route) → 404`);
      return;
    }
    const { route, pathParameters } = match;
    let outcome = '';
    let result: HttpResult;
    try {
      const body = await readBody(req, MAX_REQUEST_BYTES);
      const event = buildEvent(req, body, route, pathParameters, requestId);
      let timer: NodeJS.Timeout | undefined;
      const raw = await Promise.race([
        this.opts.lambdas.invoke(route.functionLogicalId, event),
        new Promise<'timeout'>((r) => { timer = setTimeout(() => r('timeout'), INTEGRATION_TIMEOUT_MS); }),
      ]).finally(() => clearTimeout(timer));
      if (raw === 'timeout') {
        outcome = ' (integration timeout)';
        result = this.json(503, 'Service Unavailable');
      } else if (JSON.stringify(raw ?? null).length > MAX_RESPONSE_BYTES) {
        outcome = ' (response too large)';
        result = this.json(500, 'Internal Server Error');
      } else {
        result = mapResult(raw);
      }
    } catch (e) {
      if (e instanceof BodyTooLargeError) {
        result = this.json(413, 'Request Entity Too Large');
      } else {
        // only the error class: messages may carry personal data
        outcome = ` (${(e as Error)?.name ?? 'Error'})`;
        result = this.json(500, 'Internal Server Error');
      }
    }
    this.send(res, requestId, result);
    this.log(`gateway: ${route.routeKey} → ${result.statusCode}${outcome} ${Date.now() - started} ms`);
  }
}
