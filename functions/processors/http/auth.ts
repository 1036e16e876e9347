/**
 * A connector's authentication: each secret by the name the register gives it (Secrets Manager in
 * AWS, the local runtime's endpoint locally), cached by Parameters for five minutes so a rotated
 * key is picked up. An OAuth 2.0 token is fetched from an allowed host and kept until it expires.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { Connector } from '../../domain/connector-schema';
import type { HttpProcessor } from '../../domain/register-schema';
import { type CallLimits, readJson, send } from './client';
import { misconfigured, unavailable } from './errors';
import { render, type TemplateScope } from './template';

type SecretOrText = string | { secret: string };

async function secretValue(p: HttpProcessor, ref: SecretOrText): Promise<string> {
  if (typeof ref === 'string') return ref;
  const name = p.secrets[ref.secret];
  if (!name) throw misconfigured(p.id, `the register names no secret for ${ref.secret}`);
  let value: unknown;
  try {
    value = await getSecret(name);
  } catch (err) {
    const cause = ((err as { cause?: unknown })?.cause ?? err) as Error | undefined;
    throw misconfigured(p.id, `the secret for ${ref.secret} could not be read (${cause?.name ?? 'Error'})`);
  }
  if (typeof value !== 'string' || !value) throw misconfigured(p.id, `the secret for ${ref.secret} has no text value`);
  return value;
}

const tokens = new Map<string, { token: string; until: number }>();

/** Headers and query parameters that authenticate a call. */
export interface Credentials {
  headers: Record<string, string>;
  query: Record<string, string>;
}

/** The credentials of a connector at a processor, for every call of this run. */
export async function credentials(connector: Connector, p: HttpProcessor, limits: CallLimits, baseUrl: string, scope: TemplateScope): Promise<Credentials> {
  const auth = connector.auth;
  switch (auth.type) {
    case 'none':
      return { headers: {}, query: {} };
    case 'bearer':
      return { headers: { authorization: `Bearer ${await secretValue(p, auth.token)}` }, query: {} };
    case 'basic': {
      const pair = `${await secretValue(p, auth.username)}:${await secretValue(p, auth.password)}`;
      return { headers: { authorization: `Basic ${Buffer.from(pair).toString('base64')}` }, query: {} };
    }
    case 'api_key': {
      const value = `${auth.prefix}${await secretValue(p, auth.key)}`;
      return auth.in === 'header' ? { headers: { [auth.name.toLowerCase()]: value }, query: {} } : { headers: {}, query: { [auth.name]: value } };
    }
    case 'oauth2_client_credentials': {
      const cacheKey = `${baseUrl}#${p.id}`;
      const cached = tokens.get(cacheKey);
      if (cached && cached.until > Date.now() + 30_000) return { headers: { authorization: `Bearer ${cached.token}` }, query: {} };
      const id = await secretValue(p, auth.clientId);
      const secret = await secretValue(p, auth.clientSecret);
      const form = new URLSearchParams({ grant_type: 'client_credentials', ...(auth.scope ? { scope: auth.scope } : {}) });
      const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
      if (auth.clientAuth === 'basic')
        headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;
      else {
        form.set('client_id', id);
        form.set('client_secret', secret);
      }
      const url = new URL(render(auth.tokenUrl, scope, encodeURIComponent), `${baseUrl.replace(/\/+$/, '')}/`);
      const answer = await send(limits, 'token', { method: 'POST', url, headers, body: form.toString() });
      if (answer.status !== 200) throw unavailable(p.id, 'token', `the token endpoint answered ${answer.status}`);
      const body = (await readJson(limits, 'token', answer)) as { access_token?: unknown; expires_in?: unknown } | null;
      if (typeof body?.access_token !== 'string') throw unavailable(p.id, 'token', 'the token endpoint sent no access_token');
      const ttl = typeof body.expires_in === 'number' ? body.expires_in * 1000 : 300_000;
      tokens.set(cacheKey, { token: body.access_token, until: Date.now() + ttl });
      return { headers: { authorization: `Bearer ${body.access_token}` }, query: {} };
    }
  }
}
