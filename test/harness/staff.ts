/** Staff as the local identity provider (the stand-in for the Cognito hosted UI) signs them in, and what they post. */
import type { Fetch } from './requests.ts';
import type { Runtime } from './runtime.ts';

/** Posts the local sign-in form; the answer redirects to the console with the id token in its fragment. */
export function signIn(
  gateway: string,
  { username, role, controllers }: { username: string; role: string; controllers: string },
  via: Fetch = fetch,
): Promise<Response> {
  return via(`${gateway}/local/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, role, controllers }).toString(),
  });
}

/** The id token a sign-in's redirect carries, if it carries one. */
export function idTokenOf(signedIn: Response, gateway: string): string | undefined {
  const location = signedIn.headers.get('location');
  if (!location) return undefined;
  return new URLSearchParams(new URL(location, gateway).hash.slice(1)).get('id_token') ?? undefined;
}

/** Signs in at the local identity provider and returns the id token; throws if it gives none. */
export async function staffToken(rt: Runtime, role: string, controllers = '*', username = 'staff-1'): Promise<string> {
  const res = await signIn(rt.urls.gateway, { username, role, controllers });
  if (![302, 303].includes(res.status)) throw new Error(`sign-in answered ${res.status}`);
  const token = idTokenOf(res, rt.urls.gateway);
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
