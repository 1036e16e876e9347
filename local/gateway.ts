/**
 * A local HTTP API (API Gateway v2): serves exactly the template's routes, hands each request to
 * its Lambda as a payload format 2.0 event and maps the result back per the 2.0 rules. Routes
 * with a JWT authorizer in the template are checked as API Gateway checks them (see
 * `authorizeJwt`). Beside the template's routes it serves the local pages it is given (the local
 * staff sign-in under `/local/`), which exist only here.
 * Logs carry the route, status and error class only: never paths' query strings, bodies, tokens
 * or error messages (they may hold personal data or tokens).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { decodeProtectedHeader, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { BodyTooLargeError, closeServer, DEFAULT_HOST, listen, readBody, urlFor } from './http-util.ts';
import type { Invoker } from './lambda-host.ts';
import type { JwtAuthorizerModel, RouteModel, RouteThrottle } from './synth.ts';

/** API Gateway's payload limit. */
export const MAX_REQUEST_BYTES = 10 * 1024 * 1024;
/**
 * Lambda's synchronous invocation limit on the request payload: the whole event as JSON (a binary
 * body base64-encoded in it), 6 MiB. A body under API Gateway's 10 MB can still exceed it.
 */
export const MAX_INVOCATION_BYTES = 6 * 1024 * 1024;
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
      cookies = [
        ...(cookies ?? []),
        ...value
          .split(';')
          .map((c) => c.trim())
          .filter(Boolean),
      ];
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
  const host = headers.host ?? 'localhost';
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

// ---- JWT authorizers -------------------------------------------------------------------------

/**
 * What a JWT authorizer trusts: the identity provider's issuer, the accepted audiences and its
 * public keys. In AWS these are the authorizer's `JwtConfiguration` and the keys API Gateway
 * fetches from the issuer's `jwks_uri`; locally the staff sign-in (`staff-auth.ts`) provides them
 * for every JWT authorizer of the template (`synth.ts`, `JwtAuthorizerModel`, says why).
 */
export interface JwtTrust {
  readonly issuer: string;
  readonly audiences: string[];
  readonly keys: JWTVerifyGetKey;
}

/** `requestContext.authorizer` of a payload 2.0 event whose route has a JWT authorizer. */
export interface JwtAuthorizerContext {
  jwt: { claims: Record<string, string>; scopes: string[] | null };
}

export type JwtAuthorization =
  | { ok: true; context: JwtAuthorizerContext }
  /** `reason` is for the log: a fixed word, never token content. */
  | { ok: false; result: HttpResult; reason: string };

/** HTTP APIs' JWT authorizers accept RSA signatures only. */
const JWT_ALGORITHMS = ['RS256', 'RS384', 'RS512'];

/**
 * A claim's value as an HTTP API hands it to the integration: every value a string.
 *
 * - strings as they are; numbers in decimal (`"exp": "1612061676"`); booleans as `"true"`/`"false"`;
 * - arrays as Go prints a slice, elements space-separated in brackets: `["viewer","approver"]`
 *   arrives as `"[viewer approver]"` (and a one-element array as `"[viewer]"`).
 *
 * Sources: the Lambda event of an HTTP API JWT authorizer shown in
 * awsdocs/amazon-api-gateway-developer-guide issue #113 (numeric claims as strings,
 * `"scopes": null` without a `scope` claim); the bracketed, space-separated arrays as reported
 * from AWS in aws-solutions-library-samples/guidance-for-claude-code-with-amazon-bedrock
 * issue #802 / pull request #803 (`'[id1 id2 id3]'`, "a STRING, not array") and recorded as
 * observed in KensioSoftware/yulin issue #302 (`[GroupA GroupB]`, "not JSON and not
 * comma-separated"). AWS does not publish this format for HTTP APIs (REST APIs' newer JWT
 * authorizers keep JSON types: a different product). Objects and null were not observed: they
 * are passed as JSON text here.
 */
export function flattenClaim(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return `[${value.map(flattenClaim).join(' ')}]`;
  return JSON.stringify(value) ?? '';
}

const unauthorized = (wwwAuthenticate?: string): HttpResult => ({
  statusCode: 401,
  headers: { 'content-type': 'application/json', ...(wwwAuthenticate ? { 'www-authenticate': wwwAuthenticate } : {}) },
  cookies: [],
  body: Buffer.from(JSON.stringify({ message: 'Unauthorized' })),
});
const forbidden = (): HttpResult => ({
  statusCode: 403,
  headers: { 'content-type': 'application/json' },
  cookies: [],
  body: Buffer.from(JSON.stringify({ message: 'Forbidden' })),
});
/** The header API Gateway adds to a 401 for a token it refused (RFC 6750 form). */
const INVALID_TOKEN = 'Bearer scope="" error="invalid_token"';
/** The one description AWS documents (HTTP API JWT authorizer troubleshooting). */
const INVALID_AUDIENCE = `${INVALID_TOKEN} error_description="the token does not have a valid audience"`;

/** The identity source's value: `$request.header.<Name>` (case-insensitive) or `$request.querystring.<name>`. */
function identityOf(source: string, headers: IncomingMessage['headers'], rawQueryString: string): string | undefined {
  const header = /^\$request\.header\.(.+)$/.exec(source);
  if (header) {
    const v = headers[header[1]!.toLowerCase()];
    return Array.isArray(v) ? v.join(',') : v;
  }
  const query = /^\$request\.querystring\.(.+)$/.exec(source);
  if (query) return new URLSearchParams(rawQueryString).getAll(query[1]!).join(',') || undefined;
  return undefined;
}

/**
 * Authorizes a request the way an HTTP API JWT authorizer does (AWS, "Control access to HTTP APIs
 * with JWT authorizers" and "Troubleshooting issues with HTTP API JWT authorizers"):
 *
 * 1. the token from the identity source, alone or prefixed with `Bearer `; none: 401;
 * 2. an RSA signature (RS256/384/512) by the issuer's key named by the header's `kid`;
 * 3. `iss` equal to the issuer; `aud` one of the audiences, or, only when there is no `aud`,
 *    `client_id` one of them (401 with `error_description="the token does not have a valid
 *    audience"`); `exp` after now, `nbf` and `iat` not after now;
 * 4. when the route has authorization scopes, `scope` (or `scp`) must hold one: else 403;
 *
 * and hands the claims on as `{ jwt: { claims, scopes } }`, each claim flattened to a string
 * ({@link flattenClaim}); `scopes` is null when the token has no `scope` claim. Refusals answer
 * `{"message":"Unauthorized"}` (`Forbidden` for scopes) and never reach the handler.
 */
export async function authorizeJwt(
  authorizer: JwtAuthorizerModel,
  identity: string | undefined,
  trust: JwtTrust | undefined,
  now: Date = new Date(),
): Promise<JwtAuthorization> {
  const refuse = (reason: string, header?: string): JwtAuthorization => ({ ok: false, result: unauthorized(header), reason });
  const token = identity
    ?.trim()
    .replace(/^Bearer\s+/i, '')
    .trim();
  if (!token) return refuse('no token');
  // fail closed: a JWT route without anything to trust lets no one in
  if (!trust) return refuse('no issuer configured', INVALID_TOKEN);

  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    return refuse('malformed token', INVALID_TOKEN);
  }
  if (typeof header.alg !== 'string' || !JWT_ALGORITHMS.includes(header.alg)) return refuse('algorithm', INVALID_TOKEN);
  if (typeof header.kid !== 'string' || !header.kid) return refuse('no kid', INVALID_TOKEN);

  let claims: JWTPayload;
  try {
    // signature, and exp/nbf when present (no clock tolerance); issuer and audience below
    ({ payload: claims } = await jwtVerify(token, trust.keys, { algorithms: JWT_ALGORITHMS, currentDate: now }));
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    const reason =
      code === 'ERR_JWT_EXPIRED'
        ? 'expired'
        : code === 'ERR_JWKS_NO_MATCHING_KEY'
          ? 'unknown key'
          : code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED'
            ? 'bad signature'
            : code === 'ERR_JWT_CLAIM_VALIDATION_FAILED'
              ? 'not yet valid'
              : 'invalid token';
    return refuse(reason, INVALID_TOKEN);
  }
  const nowSeconds = Math.floor(now.getTime() / 1000);
  if (claims.iss !== trust.issuer) return refuse('issuer', INVALID_TOKEN);
  const audiences =
    claims.aud !== undefined ? (Array.isArray(claims.aud) ? claims.aud : [claims.aud]) : claims.client_id !== undefined ? [claims.client_id] : [];
  if (!audiences.some((a) => typeof a === 'string' && trust.audiences.includes(a))) return refuse('audience', INVALID_AUDIENCE);
  if (typeof claims.exp !== 'number') return refuse('no exp', INVALID_TOKEN);
  if (typeof claims.iat === 'number' && claims.iat > nowSeconds) return refuse('issued in the future', INVALID_TOKEN);

  const scopeClaim = claims.scope ?? claims.scp;
  const tokenScopes = typeof scopeClaim === 'string' ? scopeClaim.split(' ').filter(Boolean) : Array.isArray(scopeClaim) ? scopeClaim.map(String) : undefined;
  if (authorizer.scopes.length && !authorizer.scopes.some((s) => tokenScopes?.includes(s))) {
    return { ok: false, result: forbidden(), reason: 'scope' };
  }
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(claims)) flat[k] = flattenClaim(v);
  return { ok: true, context: { jwt: { claims: flat, scopes: tokenScopes ?? null } } };
}

// ---- local pages -----------------------------------------------------------------------------

/** What a local page gets of a request. */
export interface LocalPageRequest {
  method: string;
  headers: Record<string, string | undefined>;
  query: URLSearchParams;
  body: Buffer;
}

/** A page the local gateway serves beside the template's routes (it is in no template: local only). */
export interface LocalPage {
  method: 'GET' | 'POST';
  /** An exact path under `/local/`. */
  path: string;
  handle(req: LocalPageRequest): HttpResult | Promise<HttpResult>;
}

/** Local pages live here, where no template route may be. */
export const LOCAL_PAGES_PREFIX = '/local/';

export interface GatewayOptions {
  routes: RouteModel[];
  lambdas: Invoker;
  host?: string;
  log?: (line: string) => void;
  /** What the template's JWT authorizers trust; without it their routes let no one in. */
  jwt?: JwtTrust;
  /** Local-only pages (the staff sign-in), served beside the template's routes. */
  pages?: LocalPage[];
  /** Apply each route's throttle from the template, as API Gateway does (default true). */
  throttle?: boolean;
}

/**
 * A route's token bucket, as API Gateway throttles: it holds up to `burstLimit` requests and refills
 * at `rateLimit` a second; a request that finds it empty is refused with 429 before anything else.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limits: RouteThrottle,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = limits.burstLimit;
    this.last = now();
  }

  /** Takes one request's token; false when none is left. */
  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.limits.burstLimit, this.tokens + ((now - this.last) / 1000) * this.limits.rateLimit);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export class LocalGateway {
  private readonly router: Router;
  private server?: Server;
  private readonly log: (line: string) => void;
  url?: string;
  /** Until true, every request gets 503 (the runtime is still starting). */
  ready = true;

  private readonly pages: LocalPage[];
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly opts: GatewayOptions) {
    this.router = new Router(opts.routes);
    if (opts.throttle !== false) {
      for (const route of opts.routes) if (route.throttle) this.buckets.set(route.routeKey, new TokenBucket(route.throttle));
    }
    this.log = opts.log ?? (() => undefined);
    this.pages = opts.pages ?? [];
    for (const page of this.pages) {
      if (!page.path.startsWith(LOCAL_PAGES_PREFIX)) throw new Error(`local page ${page.path} must be under ${LOCAL_PAGES_PREFIX}`);
    }
    for (const route of opts.routes) {
      if (route.path?.startsWith(LOCAL_PAGES_PREFIX) || route.path === LOCAL_PAGES_PREFIX.slice(0, -1)) {
        throw new Error(`route ${route.routeKey}: ${LOCAL_PAGES_PREFIX} is where the local runtime serves its own pages`);
      }
    }
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
    const page = this.pages.find((p) => p.path === rawPath && p.method === method);
    if (page) {
      await this.servePage(page, req, res, requestId, started);
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
    if (this.buckets.get(route.routeKey)?.take() === false) {
      req.resume();
      this.send(res, requestId, this.json(429, 'Too Many Requests'));
      this.log(`gateway: ${route.routeKey} → 429 (throttled)`);
      return;
    }
    let outcome = '';
    let result: HttpResult;
    let authorizerContext: JwtAuthorizerContext | undefined;
    if (route.authorizer) {
      const rawQuery = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
      const auth = await authorizeJwt(route.authorizer, identityOf(route.authorizer.identitySource, req.headers, rawQuery), this.opts.jwt);
      if (!auth.ok) {
        req.resume();
        this.send(res, requestId, auth.result);
        this.log(`gateway: ${route.routeKey} → ${auth.result.statusCode} (authorizer: ${auth.reason}) ${Date.now() - started} ms`);
        return;
      }
      authorizerContext = auth.context;
    }
    try {
      const body = await readBody(req, MAX_REQUEST_BYTES);
      const event = buildEvent(req, body, route, pathParameters, requestId);
      if (authorizerContext) (event.requestContext as { authorizer?: JwtAuthorizerContext }).authorizer = authorizerContext;
      // Lambda refuses the invocation (RequestEntityTooLargeException) and the handler never runs.
      if (Buffer.byteLength(JSON.stringify(event)) > MAX_INVOCATION_BYTES) {
        this.send(res, requestId, this.json(413, 'Request Too Long'));
        this.log(`gateway: ${route.routeKey} → 413 (invocation payload over 6 MB) ${Date.now() - started} ms`);
        return;
      }
      let timer: NodeJS.Timeout | undefined;
      const raw = await Promise.race([
        this.opts.lambdas.invoke(route.functionLogicalId, event),
        new Promise<'timeout'>((r) => {
          timer = setTimeout(() => r('timeout'), INTEGRATION_TIMEOUT_MS);
        }),
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
      ({ result, outcome } = this.failure(e));
    }
    this.send(res, requestId, result);
    this.log(`gateway: ${route.routeKey} → ${result.statusCode}${outcome} ${Date.now() - started} ms`);
  }

  /** A request that failed in the gateway or its handler: 413 for a large body, else 500 naming only the error class (messages may carry personal data). */
  private failure(e: unknown): { result: HttpResult; outcome: string } {
    if (e instanceof BodyTooLargeError) return { result: this.json(413, 'Request Entity Too Large'), outcome: '' };
    return { result: this.json(500, 'Internal Server Error'), outcome: ` (${(e as Error)?.name ?? 'Error'})` };
  }

  private async servePage(page: LocalPage, req: IncomingMessage, res: ServerResponse, requestId: string, started: number): Promise<void> {
    let result: HttpResult;
    let outcome = '';
    try {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) headers[k] = Array.isArray(v) ? v.join(',') : v;
      const body = await readBody(req, MAX_REQUEST_BYTES);
      result = await page.handle({ method: page.method, headers, query: new URLSearchParams(q === -1 ? '' : url.slice(q + 1)), body });
    } catch (e) {
      ({ result, outcome } = this.failure(e));
    }
    this.send(res, requestId, result);
    // the path only: a page's answer may carry a token (the sign-in's redirect), never logged
    this.log(`gateway: ${page.method} ${page.path} (local) → ${result.statusCode}${outcome} ${Date.now() - started} ms`);
  }
}
