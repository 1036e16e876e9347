/**
 * Staff as the local identity provider (the stand-in for the Cognito hosted UI) signs them in, as
 * the console does: the authorization code flow with PKCE (S256), state and nonce; and what they post.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Fetch } from './requests.ts';
import type { Runtime } from './runtime.ts';

/** Who signs in at the local form. */
export interface LocalMember {
  username: string;
  role: string;
  controllers: string;
}

/** One sign-in's secrets, as the console keeps them in the tab: the PKCE verifier, the state and the nonce. */
export interface SignInAttempt {
  verifier: string;
  challenge: string;
  state: string;
  nonce: string;
}

/** A fresh sign-in attempt. */
export function newSignInAttempt(): SignInAttempt {
  const verifier = randomBytes(32).toString('base64url');
  return {
    verifier,
    challenge: createHash('sha256').update(verifier).digest('base64url'),
    state: randomBytes(16).toString('base64url'),
    nonce: randomBytes(16).toString('base64url'),
  };
}

/** The authorize parameters the console sends for an attempt. */
export function authorizeParams(gateway: string, attempt: SignInAttempt): Record<string, string> {
  return {
    response_type: 'code',
    client_id: 'local-console',
    redirect_uri: `${gateway}/console`,
    scope: 'openid email profile',
    state: attempt.state,
    nonce: attempt.nonce,
    code_challenge: attempt.challenge,
    code_challenge_method: 'S256',
  };
}

/** Posts the local sign-in form with an attempt's parameters; the answer redirects to the console with a code. */
export function signIn(gateway: string, member: LocalMember, via: Fetch = fetch, attempt = newSignInAttempt()): Promise<Response> {
  return via(`${gateway}/local/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...authorizeParams(gateway, attempt), ...member }).toString(),
  });
}

/** The code and state a sign-in's redirect carries, if it carries them. */
export function codeOf(signedIn: Response, gateway: string): { code: string; state: string | null } | undefined {
  const location = signedIn.headers.get('location');
  if (!location) return undefined;
  const query = new URL(location, gateway).searchParams;
  const code = query.get('code');
  return code ? { code, state: query.get('state') } : undefined;
}

/** Trades a code at the local token endpoint, with the verifier (or another). */
export function tradeCode(gateway: string, code: string, verifier: string, via: Fetch = fetch, redirectUri = `${gateway}/console`): Promise<Response> {
  return via(`${gateway}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: 'local-console',
      code,
      redirect_uri: redirectUri,
      code_verifier: verifier,
    }).toString(),
  });
}

/** Signs in through the whole code flow and returns the id token, or undefined when a step fails. */
export async function signInForToken(gateway: string, member: LocalMember, via: Fetch = fetch): Promise<string | undefined> {
  const attempt = newSignInAttempt();
  const res = await signIn(gateway, member, via, attempt);
  const issued = codeOf(res, gateway);
  if (![302, 303].includes(res.status) || !issued || issued.state !== attempt.state) return undefined;
  const traded = await tradeCode(gateway, issued.code, attempt.verifier, via);
  if (traded.status !== 200) return undefined;
  return ((await traded.json()) as { id_token?: string }).id_token;
}

/** Signs in at the local identity provider and returns the id token; throws if it gives none. */
export async function staffToken(rt: Runtime, role: string, controllers = '*', username = 'staff-1'): Promise<string> {
  const token = await signInForToken(rt.urls.gateway, { username, role, controllers });
  if (!token) throw new Error('sign-in gave no id token');
  return token;
}

/** A staff decision through the staff API, as the console posts it. */
export function decideOn(gateway: string | Runtime, token: string, requestId: string, body: Record<string, unknown>, via: Fetch = fetch): Promise<Response> {
  const base = typeof gateway === 'string' ? gateway : gateway.urls.gateway;
  return via(`${base}/v1/staff/requests/${requestId}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}
