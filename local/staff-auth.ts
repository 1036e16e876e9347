/**
 * The local stand-in for the staff user pool (Cognito): what `npm start` signs staff in with.
 *
 * In AWS the console sends staff to the Cognito hosted UI (`STAFF_SIGN_IN_URL`), which answers
 * with an id token in the URL fragment of `<base>/console` (implicit grant), and the HTTP API's
 * JWT authorizer checks that token against the pool's keys, issuer and the console's app client
 * id. Locally this module is that identity provider: one RS256 key pair, generated once and kept
 * under `<dataDir>/staff-auth/` (so tokens survive a restart), the issuer `<gateway>/local`, the
 * audience `local-console`, and a few pages the gateway serves beside the template's routes:
 *
 * - `GET  /local/sign-in`: a form (username, role, controllers), clearly marked as local only;
 * - `POST /local/sign-in`: signs an id token with the claims a Cognito id token of the pool has
 *   and redirects to `<gateway>/console#id_token=...&token_type=Bearer&expires_in=3600`;
 * - `GET  /local/.well-known/jwks.json` and `/local/.well-known/openid-configuration`.
 *
 * There is no password: anyone who can reach the local gateway (this machine only) signs in as
 * whom they like. The gateway's authorizer (`gateway.ts`) trusts this issuer for every JWT
 * authorizer of the template (`synth.ts` says why). Tokens are never logged.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { calculateJwkThumbprint, createLocalJWKSet, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey, SignJWT } from 'jose';
import type { HttpResult, JwtTrust, LocalPage, LocalPageRequest } from './gateway.ts';

/** The `aud` of local id tokens: stands for the console's app client id. */
export const LOCAL_AUDIENCE = 'local-console';
/** The issuer is the gateway's URL with this path. */
export const ISSUER_PATH = '/local';
export const SIGN_IN_PATH = `${ISSUER_PATH}/sign-in`;
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

export class LocalStaffAuth implements JwtTrust {
  private base?: string;
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
  get signInUrl(): string {
    return `${this.gateway}${SIGN_IN_PATH}`;
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

  /** The claims of a Cognito id token of the pool for this person, issued now. */
  idTokenClaims(member: LocalStaffMember, now = new Date()): IdTokenClaims {
    const iat = Math.floor(now.getTime() / 1000);
    return {
      sub: localSub(member.username),
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

  /** Signs claims with the pool's key (or another key, to make a token the pool never issued). */
  sign(claims: IdTokenClaims, key: LocalSigningKey = this.key): Promise<string> {
    return signClaims(key, claims);
  }

  /** The pages the gateway serves beside the template's routes. */
  pages(): LocalPage[] {
    return [
      { method: 'GET', path: SIGN_IN_PATH, handle: () => html(200, signInPage()) },
      { method: 'POST', path: SIGN_IN_PATH, handle: (req) => this.signIn(req) },
      { method: 'GET', path: JWKS_PATH, handle: () => json(200, this.jwks()) },
      {
        method: 'GET',
        path: DISCOVERY_PATH,
        handle: () =>
          json(200, {
            issuer: this.issuer,
            authorization_endpoint: this.signInUrl,
            jwks_uri: this.jwksUrl,
            response_types_supported: ['token'],
            subject_types_supported: ['public'],
            id_token_signing_alg_values_supported: [ALG],
            scopes_supported: ['openid', 'email', 'profile'],
          }),
      },
    ];
  }

  private async signIn(req: LocalPageRequest): Promise<HttpResult> {
    const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      return html(415, signInPage({ error: 'Send the form (application/x-www-form-urlencoded).' }));
    }
    const form = new URLSearchParams(req.body.toString('utf8'));
    const parsed = parseSignInForm(form);
    if ('error' in parsed) return html(400, signInPage({ error: parsed.error, values: parsed.values }));
    const token = await this.sign(this.idTokenClaims(parsed.member));
    // As the hosted UI's implicit grant answers: the token in the fragment, never sent to a server.
    const fragment = new URLSearchParams({ id_token: token, token_type: 'Bearer', expires_in: String(ID_TOKEN_SECONDS) });
    return {
      statusCode: 302,
      headers: { location: `${this.consoleUrl}#${fragment.toString()}`, 'cache-control': 'no-store', 'content-type': 'text/plain; charset=utf-8' },
      cookies: [],
      body: Buffer.alloc(0),
    };
  }
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

function signInPage(opts: { error?: string; values?: FormValues } = {}): string {
  const v = opts.values ?? { username: '', role: 'viewer', controllers: '*' };
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
