/**
 * The local stand-in for the staff user pool (Cognito): what `npm start` signs staff in with.
 *
 * In AWS the console sends staff to the Cognito hosted UI's authorize endpoint
 * (`STAFF_SIGN_IN_URL`, authorization code flow with PKCE), which answers with a one-time code
 * in the query of `<base>/console`; the console trades it with its PKCE verifier at the token
 * endpoint (`STAFF_TOKEN_URL`) for an id token, and the HTTP API's JWT authorizer checks that
 * token against the pool's keys, issuer and the console's app client id. Locally this module is
 * that identity provider: one RS256 key pair, generated once and kept under
 * `<dataDir>/staff-auth/` (so tokens survive a restart), the issuer `<gateway>/local`, the
 * audience `local-console`, and a few pages the gateway serves beside the template's routes:
 *
 * - `GET  /local/sign-in?response_type=code&client_id=&redirect_uri=&state=&nonce=&code_challenge=&code_challenge_method=S256`:
 *   a form (username, role, controllers), clearly marked as local only. It is no kinder than
 *   Cognito: only `code`, only the console's client and redirect URI, and PKCE with S256 is
 *   required (Cognito lets a public client leave PKCE out; the console always sends it);
 * - `POST /local/sign-in`: the form with those parameters; redirects to
 *   `<gateway>/console?code=...&state=...` with a code that works once, for five minutes;
 * - `POST /local/token`: `grant_type=authorization_code`, `client_id`, `code`, `redirect_uri`,
 *   `code_verifier`; answers `{id_token, access_token, token_type, expires_in}` once the verifier's
 *   SHA-256 matches the challenge (the id token carries the `nonce` of the sign-in);
 * - `GET  /local/.well-known/jwks.json` and `/local/.well-known/openid-configuration`.
 *
 * There is no password: anyone who can reach the local gateway (this machine only) signs in as
 * whom they like. The gateway's authorizer (`gateway.ts`) trusts this issuer for every JWT
 * authorizer of the template (`synth.ts` says why). Tokens are never logged.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey, SignJWT } from 'jose';
import type { HttpResult, JwtTrust, LocalPage, LocalPageRequest } from './gateway.ts';

/** The `aud` of local id tokens: stands for the console's app client id. */
export const LOCAL_AUDIENCE = 'local-console';
/** The issuer is the gateway's URL with this path. */
export const ISSUER_PATH = '/local';
export const SIGN_IN_PATH = `${ISSUER_PATH}/sign-in`;
export const TOKEN_PATH = `${ISSUER_PATH}/token`;
/** How long a sign-in's code may be traded for tokens (Cognito's authorization codes: five minutes). */
export const CODE_SECONDS = 300;
/** The scopes the console asks for. */
export const CONSOLE_SCOPES = 'openid email profile';
export const JWKS_PATH = `${ISSUER_PATH}/.well-known/jwks.json`;
export const DISCOVERY_PATH = `${ISSUER_PATH}/.well-known/openid-configuration`;
/** The console page: the app client's callback URL in AWS. */
export const CONSOLE_PATH = '/console';
/** An id token's lifetime, as the app client sets it (`idTokenValidity`, one hour). */
export const ID_TOKEN_SECONDS = 3600;
/** The roles of the sign-in form; `none` is a user in no group (no `cognito:groups` claim, as Cognito does). */
export const LOCAL_ROLES = ['viewer', 'approver', 'none'] as const;
export type LocalRole = (typeof LOCAL_ROLES)[number];

const ALG = 'RS256';
const KEY_FILE = 'signing-key.json';
const PRIVATE_FIELDS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

type PrivateKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];

/** A signing key: the private key and its public JWK (with `kid`, `alg`, `use`). */
export interface LocalSigningKey {
  kid: string;
  privateKey: PrivateKey;
  publicJwk: JWK;
}

function publicPart(jwk: JWK, kid: string): JWK {
  const pub: JWK = { ...jwk };
  for (const f of PRIVATE_FIELDS) delete pub[f];
  return { ...pub, kid, alg: ALG, use: 'sig' };
}

/** A fresh RS256 key, kept in memory only (tests use one to sign tokens the local pool never issued). */
export async function generateSigningKey(opts: { kid?: string } = {}): Promise<LocalSigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(ALG, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const kid = opts.kid ?? (await calculateJwkThumbprint(jwk));
  return { kid, privateKey, publicJwk: publicPart(jwk, kid) };
}

/** The key of `<dir>/signing-key.json`, created (readable by this user only) when missing. */
export async function loadOrCreateSigningKey(dir: string): Promise<LocalSigningKey> {
  const file = join(dir, KEY_FILE);
  if (!existsSync(file)) {
    const key = await generateSigningKey();
    const jwk = { ...(await exportJWK(key.privateKey)), kid: key.kid, alg: ALG, use: 'sig' };
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(jwk), { mode: 0o600 });
    renameSync(tmp, file);
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
  if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string' || typeof jwk.kid !== 'string') {
    throw new Error(`${file} is not an RSA private key of the local staff sign-in: delete it to get a new one`);
  }
  const privateKey = (await importJWK(jwk, ALG)) as PrivateKey;
  return { kid: jwk.kid, privateKey, publicJwk: publicPart(jwk, jwk.kid) };
}

/** Who signs in: the form's fields. */
export interface LocalStaffMember {
  username: string;
  /** Cognito groups; none: the claim is left out, as Cognito does for a user in no group. */
  groups: string[];
  /** `*` or comma-separated controller ids. */
  controllers: string;
}

/** The claims of an id token of the local pool (those of a Cognito id token the console needs). */
export type IdTokenClaims = Record<string, unknown>;

/** A `sub` that stays the same for a username (Cognito's are UUIDs; this one is derived, not random). */
export function localSub(username: string): string {
  const h = createHash('sha256').update(`local-staff:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

async function signClaims(key: LocalSigningKey, claims: IdTokenClaims): Promise<string> {
  const payload = Object.fromEntries(Object.entries(claims).filter(([, v]) => v !== undefined));
  return new SignJWT(payload).setProtectedHeader({ alg: ALG, kid: key.kid, typ: 'JWT' }).sign(key.privateKey);
}

/** What the console asks the authorize endpoint for, checked. */
export interface AuthorizationRequest {
  clientId: string;
  redirectUri: string;
  scope: string;
  state?: string;
  nonce?: string;
  codeChallenge: string;
}

/** A code handed out by a sign-in, until it is traded (once) or expires. */
interface IssuedCode {
  request: AuthorizationRequest;
  member: LocalStaffMember;
  expiresAt: number;
}

const PKCE_CHALLENGE_RE = /^[A-Za-z0-9_-]{43}$/;
const PKCE_VERIFIER_RE = /^[A-Za-z0-9._~-]{43,128}$/;
/** `state` and `nonce` as they come back: printable, bounded. */
const OPAQUE_RE = /^[\x21-\x7e]{1,512}$/;
const AUTHORIZE_FIELDS = ['response_type', 'client_id', 'redirect_uri', 'scope', 'state', 'nonce', 'code_challenge', 'code_challenge_method'] as const;

export class LocalStaffAuth implements JwtTrust {
  private base?: string;
  /** Codes not yet traded, by code: in memory (a restart ends sign-ins under way, as their five minutes would). */
  private readonly codes = new Map<string, IssuedCode>();
  readonly audience = LOCAL_AUDIENCE;
  /** JwtTrust: the pool's public keys, by `kid` (what API Gateway fetches from the pool's jwks_uri). */
  readonly keys: JWTVerifyGetKey;

  private constructor(readonly key: LocalSigningKey) {
    this.keys = createLocalJWKSet(this.jwks());
  }

  /** The staff sign-in of a data directory: its key from `<dataDir>/staff-auth/`, made on first use. */
  static async open(dataDir: string): Promise<LocalStaffAuth> {
    return new LocalStaffAuth(await loadOrCreateSigningKey(join(dataDir, 'staff-auth')));
  }

  /** Sets the gateway's URL, which the issuer and the pages' links are made of. */
  bind(gatewayUrl: string): this {
    this.base = gatewayUrl.replace(/\/+$/, '');
    return this;
  }

  private get gateway(): string {
    if (!this.base) throw new Error('the local staff sign-in has no gateway URL yet (bind it first)');
    return this.base;
  }

  get issuer(): string {
    return `${this.gateway}${ISSUER_PATH}`;
  }
  /** The authorize URL of the console's client, as `STAFF_SIGN_IN_URL` gives it (the console adds state, nonce and PKCE). */
  get signInUrl(): string {
    const q = new URLSearchParams({ response_type: 'code', client_id: LOCAL_AUDIENCE, redirect_uri: this.consoleUrl, scope: CONSOLE_SCOPES });
    return `${this.gateway}${SIGN_IN_PATH}?${q.toString()}`;
  }
  /** The token endpoint (`STAFF_TOKEN_URL`). */
  get tokenUrl(): string {
    return `${this.gateway}${TOKEN_PATH}`;
  }
  get consoleUrl(): string {
    return `${this.gateway}${CONSOLE_PATH}`;
  }
  get jwksUrl(): string {
    return `${this.gateway}${JWKS_PATH}`;
  }

  /** JwtTrust: the audiences the authorizer accepts (the console's app client id, locally). */
  get audiences(): string[] {
    return [LOCAL_AUDIENCE];
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.key.publicJwk] };
  }

  /** The claims of a Cognito id token of the pool for this person, issued now (with the sign-in's `nonce`, if it sent one). */
  idTokenClaims(member: LocalStaffMember, now = new Date(), nonce?: string): IdTokenClaims {
    const iat = Math.floor(now.getTime() / 1000);
    return {
      sub: localSub(member.username),
      ...(nonce ? { nonce } : {}),
      ...(member.groups.length ? { 'cognito:groups': [...member.groups] } : {}),
      email_verified: true,
      iss: this.issuer,
      'cognito:username': member.username,
      aud: LOCAL_AUDIENCE,
      token_use: 'id',
      auth_time: iat,
      exp: iat + ID_TOKEN_SECONDS,
      iat,
      jti: randomUUID(),
      email: `${member.username}@staff.local`,
      'custom:controllers': member.controllers,
    };
  }

  /** The claims of a Cognito access token for this person: no `aud`, the client in `client_id`, `token_use: access`. */
  accessTokenClaims(member: LocalStaffMember, now = new Date()): IdTokenClaims {
    const iat = Math.floor(now.getTime() / 1000);
    return {
      sub: localSub(member.username),
      ...(member.groups.length ? { 'cognito:groups': [...member.groups] } : {}),
      iss: this.issuer,
      client_id: LOCAL_AUDIENCE,
      token_use: 'access',
      scope: CONSOLE_SCOPES,
      auth_time: iat,
      exp: iat + ID_TOKEN_SECONDS,
      iat,
      jti: randomUUID(),
      username: member.username,
    };
  }

  /** Signs claims with the pool's key (or another key, to make a token the pool never issued). */
  sign(claims: IdTokenClaims, key: LocalSigningKey = this.key): Promise<string> {
    return signClaims(key, claims);
  }

  /** The pages the gateway serves beside the template's routes. */
  pages(): LocalPage[] {
    return [
      { method: 'GET', path: SIGN_IN_PATH, handle: (req) => this.signInForm(req) },
      { method: 'POST', path: SIGN_IN_PATH, handle: (req) => this.signIn(req) },
      { method: 'POST', path: TOKEN_PATH, handle: (req) => this.token(req) },
      { method: 'GET', path: JWKS_PATH, handle: () => json(200, this.jwks()) },
      {
        method: 'GET',
        path: DISCOVERY_PATH,
        handle: () =>
          json(200, {
            issuer: this.issuer,
            authorization_endpoint: `${this.gateway}${SIGN_IN_PATH}`,
            token_endpoint: this.tokenUrl,
            jwks_uri: this.jwksUrl,
            response_types_supported: ['code'],
            grant_types_supported: ['authorization_code'],
            code_challenge_methods_supported: ['S256'],
            token_endpoint_auth_methods_supported: ['none'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: [ALG],
            scopes_supported: ['openid', 'email', 'profile'],
          }),
      },
    ];
  }

  /**
   * The authorize request's parameters, checked as the console's Cognito app client would: the
   * code flow only, this client and its one redirect URI, PKCE with S256. An error names the
   * parameter; like Cognito for a bad client or redirect, it is shown, never redirected.
   */
  parseAuthorization(params: URLSearchParams): { request: AuthorizationRequest } | { error: string } {
    for (const name of AUTHORIZE_FIELDS) if (params.getAll(name).length > 1) return { error: `${name} is repeated` };
    if (params.get('client_id') !== LOCAL_AUDIENCE) return { error: 'client_id is not the console client' };
    if (params.get('redirect_uri') !== this.consoleUrl) return { error: "redirect_uri is not the console client's callback URL" };
    if (params.get('response_type') !== 'code') return { error: 'response_type must be code (the console client allows the code flow only)' };
    if (params.get('code_challenge_method') !== 'S256') return { error: 'code_challenge_method must be S256' };
    const codeChallenge = params.get('code_challenge') ?? '';
    if (!PKCE_CHALLENGE_RE.test(codeChallenge)) return { error: 'code_challenge must be a base64url SHA-256 (43 characters)' };
    const scope = params.get('scope') ?? '';
    if (!scope.split(' ').includes('openid')) return { error: 'scope must include openid' };
    const state = params.get('state') ?? undefined;
    const nonce = params.get('nonce') ?? undefined;
    if (state !== undefined && !OPAQUE_RE.test(state)) return { error: 'state is malformed' };
    if (nonce !== undefined && !OPAQUE_RE.test(nonce)) return { error: 'nonce is malformed' };
    return { request: { clientId: LOCAL_AUDIENCE, redirectUri: this.consoleUrl, scope, state, nonce, codeChallenge } };
  }

  private signInForm(req: LocalPageRequest): HttpResult {
    const parsed = this.parseAuthorization(req.query);
    if ('error' in parsed) return html(400, errorPage(parsed.error));
    return html(200, signInPage({ authorize: authorizeFields(req.query) }));
  }

  private async signIn(req: LocalPageRequest): Promise<HttpResult> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return html(415, errorPage('Send the form (application/x-www-form-urlencoded).'));
    const form = new URLSearchParams(req.body.toString('utf8'));
    const authorization = this.parseAuthorization(form);
    if ('error' in authorization) return html(400, errorPage(authorization.error));
    const parsed = parseSignInForm(form);
    if ('error' in parsed) return html(400, signInPage({ error: parsed.error, values: parsed.values, authorize: authorizeFields(form) }));
    const code = randomBytes(32).toString('base64url');
    this.forgetExpiredCodes();
    this.codes.set(code, { request: authorization.request, member: parsed.member, expiresAt: Date.now() + CODE_SECONDS * 1000 });
    // As the hosted UI answers the code flow: the code (and the state, as sent) in the callback's query.
    const query = new URLSearchParams({ code, ...(authorization.request.state !== undefined ? { state: authorization.request.state } : {}) });
    return {
      statusCode: 302,
      headers: {
        location: `${authorization.request.redirectUri}?${query.toString()}`,
        'cache-control': 'no-store',
        'content-type': 'text/plain; charset=utf-8',
      },
      cookies: [],
      body: Buffer.alloc(0),
    };
  }

  /** The token endpoint: a code, once, for the client and redirect it was issued to, with the verifier of its challenge. */
  private async token(req: LocalPageRequest): Promise<HttpResult> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') return oauthError(400, 'invalid_request', 'send application/x-www-form-urlencoded');
    const form = new URLSearchParams(req.body.toString('utf8'));
    if (form.get('grant_type') !== 'authorization_code') return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code');
    if (form.get('client_id') !== LOCAL_AUDIENCE) return oauthError(400, 'invalid_client', 'client_id is not the console client');
    const code = form.get('code') ?? '';
    const issued = this.codes.get(code);
    // A code works once: looked at is used, whatever follows.
    this.codes.delete(code);
    if (!issued || issued.expiresAt <= Date.now()) return oauthError(400, 'invalid_grant', 'the code is unknown, used or expired');
    if (form.get('redirect_uri') !== issued.request.redirectUri) return oauthError(400, 'invalid_grant', 'redirect_uri is not the one the code was issued to');
    const verifier = form.get('code_verifier') ?? '';
    if (!PKCE_VERIFIER_RE.test(verifier)) return oauthError(400, 'invalid_grant', 'code_verifier is missing or malformed');
    if (createHash('sha256').update(verifier, 'ascii').digest('base64url') !== issued.request.codeChallenge) {
      return oauthError(400, 'invalid_grant', 'code_verifier does not match the code_challenge');
    }
    const now = new Date();
    const idToken = await this.sign(this.idTokenClaims(issued.member, now, issued.request.nonce));
    const accessToken = await this.sign(this.accessTokenClaims(issued.member, now));
    const body = { id_token: idToken, access_token: accessToken, token_type: 'Bearer', expires_in: ID_TOKEN_SECONDS };
    return { ...json(200, body), headers: { 'content-type': 'application/json', 'cache-control': 'no-store', pragma: 'no-cache' } };
  }

  private forgetExpiredCodes(): void {
    const now = Date.now();
    for (const [code, issued] of this.codes) if (issued.expiresAt <= now) this.codes.delete(code);
  }
}

/** The authorize parameters a form carries on, as they came. */
function authorizeFields(params: URLSearchParams): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const name of AUTHORIZE_FIELDS) {
    const v = params.get(name);
    if (v !== null) fields[name] = v;
  }
  return fields;
}

function oauthError(statusCode: number, error: string, description: string): HttpResult {
  return { ...json(statusCode, { error, error_description: description }), headers: { 'content-type': 'application/json', 'cache-control': 'no-store' } };
}

const USERNAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const CONTROLLER_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

type FormValues = { username: string; role: string; controllers: string };

/** The sign-in form's fields, checked. */
export function parseSignInForm(form: URLSearchParams): { member: LocalStaffMember } | { error: string; values: FormValues } {
  const values: FormValues = {
    username: (form.get('username') ?? '').trim(),
    role: form.get('role') ?? '',
    controllers: (form.get('controllers') ?? '').trim(),
  };
  if (!USERNAME_RE.test(values.username)) {
    return { error: 'Username: 1 to 64 letters, digits, dots, dashes or underscores (it becomes <username>@staff.local).', values };
  }
  if (!(LOCAL_ROLES as readonly string[]).includes(values.role)) return { error: `Role: one of ${LOCAL_ROLES.join(', ')}.`, values };
  const ids = values.controllers
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const controllers = ids.includes('*') ? '*' : ids.join(',');
  if (!ids.length || (controllers !== '*' && !ids.every((id) => CONTROLLER_RE.test(id)))) {
    return { error: 'Controllers: * for all, or controller ids separated by commas.', values };
  }
  const role = values.role as LocalRole;
  return { member: { username: values.username, groups: role === 'none' ? [] : [role], controllers } };
}

/** Anything that carries the local staff sign-in: the runtime, or the sign-in itself. */
export type TokenSource = { staffAuth: LocalStaffAuth } | LocalStaffAuth;

/**
 * Mints an id token for tests: the claims the sign-in form would give `test-staff` (viewer of
 * every controller), with `overrides` applied (a claim set to `undefined` is left out), signed by
 * the local pool's key or by `signWith` (a token the pool never issued).
 *
 *   issueLocalToken(rt)                                        // valid
 *   issueLocalToken(rt, { exp: past, iat: past - 3600 })       // expired
 *   issueLocalToken(rt, { aud: 'another-client' })             // wrong audience
 *   issueLocalToken(rt, {}, await generateSigningKey())        // wrong key
 */
export async function issueLocalToken(source: TokenSource, overrides: IdTokenClaims = {}, signWith?: LocalSigningKey): Promise<string> {
  const auth = source instanceof LocalStaffAuth ? source : source.staffAuth;
  const claims = { ...auth.idTokenClaims({ username: 'test-staff', groups: ['viewer'], controllers: '*' }), ...overrides };
  return auth.sign(claims, signWith);
}

// ---- pages -----------------------------------------------------------------------------------

function html(statusCode: number, text: string): HttpResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    },
    cookies: [],
    body: Buffer.from(text, 'utf8'),
  };
}

function json(statusCode: number, value: unknown): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json' }, cookies: [], body: Buffer.from(JSON.stringify(value)) };
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The sign-in refused before the form: a bad authorize request. */
function errorPage(error: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Local sign-in — development only</title></head>
<body><main><h1>Local sign-in — development only</h1>
<p role="alert">The sign-in request was refused: ${escapeHtml(error)}. Start again from the staff console.</p>
</main></body>
</html>
`;
}

function signInPage(opts: { error?: string; values?: FormValues; authorize: Record<string, string> }): string {
  const v = opts.values ?? { username: '', role: 'viewer', controllers: '*' };
  const hidden = Object.entries(opts.authorize)
    .map(([name, value]) => `  <input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('\n');
  const option = (role: string, label: string) => `<option value="${role}"${v.role === role ? ' selected' : ''}>${label}</option>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local sign-in — development only</title>
<style>
  body { font-family: system-ui, sans-serif; max-width: 32rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; }
  .banner { background: #fff3cd; border: 2px solid #b58105; padding: .75rem 1rem; border-radius: .25rem; }
  .error { background: #fde2e1; border: 2px solid #b3261e; padding: .5rem 1rem; border-radius: .25rem; }
  label { display: block; margin-top: 1rem; font-weight: 600; }
  input, select { display: block; width: 100%; padding: .4rem; font-size: 1rem; box-sizing: border-box; }
  small { color: #555; }
  button { margin-top: 1.5rem; padding: .5rem 1.25rem; font-size: 1rem; }
</style>
</head>
<body>
<main>
<h1>Local sign-in — development only</h1>
<p class="banner" role="note"><strong>Development only.</strong> This page stands in for the Cognito sign-in of the
deployed service while it runs on this machine (<code>npm start</code>). There is no password: choose who you are.
It issues an id token signed by a local key that only this local runtime trusts.</p>
${opts.error ? `<p class="error" role="alert">${escapeHtml(opts.error)}</p>` : ''}
<form method="post" action="${SIGN_IN_PATH}">
${hidden}
  <label for="username">Username</label>
  <input id="username" name="username" required maxlength="64" pattern="[A-Za-z0-9][A-Za-z0-9._\\-]*" autocomplete="username" value="${escapeHtml(v.username)}">
  <small>Your email will be <em>username</em>@staff.local.</small>
  <label for="role">Role</label>
  <select id="role" name="role">
    ${option('viewer', 'viewer — reads requests')}
    ${option('approver', 'approver — reads and decides')}
    ${option('none', 'none — in no group (sees nothing)')}
  </select>
  <label for="controllers">Controllers</label>
  <input id="controllers" name="controllers" required value="${escapeHtml(v.controllers)}">
  <small><code>*</code> for all, or controller ids separated by commas.</small>
  <button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`;
}
