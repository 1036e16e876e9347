/**
 * The local stand-in for the staff user pool (local/staff-auth.ts) and the gateway's JWT
 * authorizer (local/gateway.ts): signing in (authorization code with PKCE) issues an id token like
 * Cognito's hosted UI;
 * routes with a JWT authorizer in the template are checked as API Gateway checks them, and the
 * handler gets the claims as an HTTP API hands them over.
 *
 * The first group runs the gateway on a small hand-made template whose handler echoes its event
 * (test/fixtures/staff-auth/echo-event.mjs); the second runs the runtime on the real stack.
 */
import { createLocalJWKSet, generateSecret, type JSONWebKeySet, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flattenClaim, LocalGateway } from '../../local/gateway';
import { LambdaHost } from '../../local/lambda-host';
import { generateSigningKey, issueLocalToken, LOCAL_AUDIENCE, LocalStaffAuth, localSub } from '../../local/staff-auth';
import { type CfnTemplate, readStackModel } from '../../local/synth';
import { authorizeParams, codeOf, newSignInAttempt, type Runtime, removeDir, type SignInAttempt, start, tempDataDir, tradeCode } from '../harness';

declare global {
  // eslint-disable-next-line no-var
  var staffAuthEchoCalls: number | undefined;
}
const calls = () => globalThis.staffAuthEchoCalls ?? 0;
const nowSeconds = () => Math.floor(Date.now() / 1000);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const UNAUTHORIZED = { message: 'Unauthorized' };

// ---- a hand-made template: the shape CDK writes for HttpJwtAuthorizer on a Cognito user pool ----

const ECHO = 'test/fixtures/staff-auth/echo-event.mjs';
const integration = (fn: string) => ({
  Type: 'AWS::ApiGatewayV2::Integration',
  Properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: { 'Fn::GetAtt': [fn, 'Arn'] }, PayloadFormatVersion: '2.0' },
});
const route = (key: string, extra: Record<string, unknown> = {}) => ({
  Type: 'AWS::ApiGatewayV2::Route',
  Properties: {
    ApiId: { Ref: 'Api' },
    RouteKey: key,
    Target: { 'Fn::Join': ['', ['integrations/', { Ref: 'EchoIntegration' }]] },
    AuthorizationType: 'NONE',
    ...extra,
  },
});
const jwtRoute = (key: string, authorizer = 'Authorizer', extra: Record<string, unknown> = {}) =>
  route(key, { AuthorizationType: 'JWT', AuthorizerId: { Ref: authorizer }, ...extra });
const authorizer = (
  identitySource: string,
  issuer: unknown = {
    'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: 'Pool' }]],
  },
) => ({
  Type: 'AWS::ApiGatewayV2::Authorizer',
  Properties: {
    ApiId: { Ref: 'Api' },
    AuthorizerType: 'JWT',
    IdentitySource: [identitySource],
    JwtConfiguration: { Audience: [{ Ref: 'Client' }], Issuer: issuer },
    Name: 'StaffJwtAuthorizer',
  },
});

function template(extra: Record<string, unknown> = {}): CfnTemplate {
  return {
    Resources: {
      EchoFn: { Type: 'AWS::Lambda::Function', Properties: { Timeout: 5 }, Metadata: { 'dsr:entry': ECHO } },
      Table: {
        Type: 'AWS::DynamoDB::Table',
        Properties: { KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }] },
      },
      Machine: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { DefinitionString: '{"StartAt":"Done","States":{"Done":{"Type":"Pass","End":true}}}' },
      },
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { ProtocolType: 'HTTP' } },
      Pool: { Type: 'AWS::Cognito::UserPool', Properties: {} },
      Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' } } },
      Authorizer: authorizer('$request.header.Authorization'),
      QueryAuthorizer: authorizer('$request.querystring.token'),
      EchoIntegration: integration('EchoFn'),
      Items: jwtRoute('GET /staff/items'),
      Item: jwtRoute('GET /staff/items/{id}'),
      Scoped: jwtRoute('GET /staff/scoped', 'Authorizer', { AuthorizationScopes: ['dsr/read'] }),
      ByQuery: jwtRoute('GET /staff/by-query', 'QueryAuthorizer'),
      Public: route('GET /public'),
      ...extra,
    },
  };
}

describe('the JWT authorizer of the local gateway (hand-made template)', () => {
  const model = readStackModel(template());
  let dataDir: string;
  let auth: LocalStaffAuth;
  let gateway: LocalGateway;
  let url: string;
  const logs: string[] = [];

  beforeAll(async () => {
    dataDir = tempDataDir();
    auth = await LocalStaffAuth.open(dataDir);
    gateway = new LocalGateway({ routes: model.routes, lambdas: new LambdaHost(model.functions), log: (l) => logs.push(l), jwt: auth, pages: auth.pages() });
    url = await gateway.start(0);
    auth.bind(url);
  });

  afterAll(async () => {
    await gateway?.stop();
    removeDir(dataDir);
  });

  /** Calls a route and tells whether the handler ran. */
  const call = async (path: string, headers: Record<string, string> = {}) => {
    const before = calls();
    const res = await fetch(`${url}${path}`, { headers });
    const body: any = await res.json();
    return { status: res.status, body, handlerRan: calls() > before, wwwAuthenticate: res.headers.get('www-authenticate') };
  };

  it("reads each route's JWT authorizer from the template, and records the issuer and audience it replaces with the local ones", () => {
    const byKey = new Map(model.routes.map((r) => [r.routeKey, r]));
    expect(byKey.get('GET /staff/items')?.authorizer).toEqual({
      logicalId: 'Authorizer',
      identitySource: '$request.header.Authorization',
      scopes: [],
      templateIssuer: 'https://cognito-idp.${AWS::Region}.amazonaws.com/${Pool}',
      templateAudience: ['${Client}'],
      userPoolLogicalId: 'Pool',
      clientLogicalIds: ['Client'],
    });
    expect(byKey.get('GET /staff/scoped')?.authorizer?.scopes).toEqual(['dsr/read']);
    expect(byKey.get('GET /staff/by-query')?.authorizer?.identitySource).toBe('$request.querystring.token');
    expect(byKey.get('GET /public')?.authorizer).toBeUndefined();
  });

  it('refuses to start on authorizers it cannot stand in for, rather than serving their routes open', () => {
    expect(() => readStackModel(template({ Iam: route('GET /iam', { AuthorizationType: 'AWS_IAM' }) }))).toThrow(/AWS_IAM is not supported/);
    expect(() => readStackModel(template({ Authorizer: authorizer('$request.header.Authorization', 'https://login.example.com/') }))).toThrow(
      /Cognito user pool of this stack only/,
    );
    expect(() => readStackModel(template({ Authorizer: authorizer('$context.identity.sourceIp') }))).toThrow(/identity source/);
  });

  it('answers 401 {"message":"Unauthorized"} without a token, and the handler does not run', async () => {
    for (const headers of [{}, { authorization: '' }, { authorization: 'Bearer ' }, { 'x-other': 'Bearer abc' }] as Record<string, string>[]) {
      const res = await call('/staff/items', headers);
      expect(res, JSON.stringify(headers)).toMatchObject({ status: 401, body: UNAUTHORIZED, handlerRan: false });
    }
    expect((await call('/staff/items/42')).status).toBe(401);
  });

  it('answers 401 to tokens signed by another key, expired, for another audience or issuer, not yet valid or malformed', async () => {
    const now = nowSeconds();
    const otherKey = await generateSigningKey();
    const forgedKid = await generateSigningKey({ kid: auth.key.kid }); // another key claiming to be the pool's
    const cases: Record<string, string> = {
      'another key': await issueLocalToken(auth, {}, otherKey),
      'another key, same kid': await issueLocalToken(auth, {}, forgedKid),
      expired: await issueLocalToken(auth, { iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }),
      'expired a second ago': await issueLocalToken(auth, { iat: now - 3601, exp: now - 1 }),
      'another audience': await issueLocalToken(auth, { aud: 'another-client' }),
      'another issuer': await issueLocalToken(auth, { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_other' }),
      'no exp': await issueLocalToken(auth, { exp: undefined }),
      'not before later': await issueLocalToken(auth, { nbf: now + 600 }),
      'issued in the future': await issueLocalToken(auth, { iat: now + 600, exp: now + 4200 }),
      HS256: await new SignJWT({ ...auth.idTokenClaims({ username: 'x', groups: ['approver'], controllers: '*' }) })
        .setProtectedHeader({ alg: 'HS256', kid: auth.key.kid })
        .sign(await generateSecret('HS256')),
      'no kid': await new SignJWT({ ...auth.idTokenClaims({ username: 'x', groups: ['approver'], controllers: '*' }) })
        .setProtectedHeader({ alg: 'RS256' })
        .sign(auth.key.privateKey),
      garbage: 'not.a.token',
    };
    for (const [name, token] of Object.entries(cases)) {
      const res = await call('/staff/items', bearer(token));
      expect(res, name).toMatchObject({ status: 401, body: UNAUTHORIZED, handlerRan: false });
      expect(res.wwwAuthenticate, name).toMatch(/^Bearer scope="" error="invalid_token"/);
    }
    // the one refusal AWS documents word for word
    expect((await call('/staff/items', bearer(cases['another audience']!))).wwwAuthenticate).toBe(
      'Bearer scope="" error="invalid_token" error_description="the token does not have a valid audience"',
    );
  });

  it('lets a valid token through, with or without "Bearer ", and hands the handler its claims as API Gateway does', async () => {
    const claims = auth.idTokenClaims({ username: 'dpo.anna', groups: ['viewer', 'approver'], controllers: 'ctl-a,ctl-b' });
    const token = await auth.sign(claims);
    for (const authorization of [`Bearer ${token}`, token]) {
      const res = await call('/staff/items/r-1', { authorization });
      expect(res.status).toBe(200);
      expect(res.handlerRan).toBe(true);
      const event = res.body;
      expect(event.routeKey).toBe('GET /staff/items/{id}');
      expect(event.pathParameters).toEqual({ id: 'r-1' });
      // every claim a string; arrays as "[a b]"; numbers in decimal; scopes null (an id token has no scope)
      expect(event.requestContext.authorizer).toEqual({
        jwt: {
          claims: {
            sub: localSub('dpo.anna'),
            'cognito:groups': '[viewer approver]',
            email_verified: 'true',
            iss: `${url}/local`,
            'cognito:username': 'dpo.anna',
            aud: LOCAL_AUDIENCE,
            token_use: 'id',
            auth_time: String(claims.auth_time),
            exp: String(claims.exp),
            iat: String(claims.iat),
            jti: claims.jti,
            email: 'dpo.anna@staff.local',
            'custom:controllers': 'ctl-a,ctl-b',
          },
          scopes: null,
        },
      });
      // API Gateway passes the Authorization header on to the integration too
      expect(event.headers.authorization).toBe(authorization);
    }
    const one = await call('/staff/items', bearer(await issueLocalToken(auth, { 'cognito:groups': ['viewer'] })));
    expect(one.body.requestContext.authorizer.jwt.claims['cognito:groups']).toBe('[viewer]');
  });

  it('accepts client_id when the token has no aud, and judges aud when it has both', async () => {
    const accessLike = await issueLocalToken(auth, { aud: undefined, client_id: LOCAL_AUDIENCE, token_use: 'access' });
    expect((await call('/staff/items', bearer(accessLike))).status).toBe(200);
    const both = await issueLocalToken(auth, { aud: 'another-client', client_id: LOCAL_AUDIENCE });
    expect((await call('/staff/items', bearer(both))).status).toBe(401);
    const neither = await issueLocalToken(auth, { aud: undefined });
    expect((await call('/staff/items', bearer(neither))).status).toBe(401);
  });

  it("checks a route's authorization scopes: 403 without one of them, the token's scopes handed over with one", async () => {
    const noScope = await call('/staff/scoped', bearer(await issueLocalToken(auth)));
    expect(noScope).toMatchObject({ status: 403, body: { message: 'Forbidden' }, handlerRan: false });
    const scoped = await call('/staff/scoped', bearer(await issueLocalToken(auth, { scope: 'openid dsr/read' })));
    expect(scoped.status).toBe(200);
    expect(scoped.body.requestContext.authorizer.jwt.scopes).toEqual(['openid', 'dsr/read']);
  });

  it('reads the token from the identity source the authorizer names (a query parameter here)', async () => {
    const token = await issueLocalToken(auth);
    expect((await call('/staff/by-query', bearer(token))).status).toBe(401);
    expect((await call(`/staff/by-query?token=${token}`)).status).toBe(200);
  });

  it('leaves routes without an authorizer as they were: no token needed, no authorizer in the event', async () => {
    const res = await call('/public');
    expect(res.status).toBe(200);
    expect(res.body.requestContext.authorizer).toBeUndefined();
    const withToken = await call('/public', bearer(await issueLocalToken(auth)));
    expect(withToken.body.requestContext.authorizer).toBeUndefined();
  });

  it('never logs a token', async () => {
    logs.length = 0;
    const token = await issueLocalToken(auth);
    await call('/staff/items', bearer(token));
    await call('/staff/items', bearer(await issueLocalToken(auth, { aud: 'x' })));
    await call(`/staff/by-query?token=${token}`);
    const attempt = newSignInAttempt();
    const signIn = await fetch(`${url}/local/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...authorizeParams(url, attempt), username: 'anna', role: 'viewer', controllers: '*' }).toString(),
    });
    expect(signIn.status).toBe(302);
    const { code } = codeOf(signIn, url)!;
    const traded = await tradeCode(url, code, attempt.verifier);
    expect(traded.status).toBe(200);
    const { id_token: issued, access_token: access } = (await traded.json()) as { id_token: string; access_token: string };
    const text = logs.join('\n');
    expect(logs.length).toBeGreaterThanOrEqual(4);
    expect(text).not.toContain(code);
    for (const t of [token, issued, access]) {
      expect(text).not.toContain(t);
      expect(text).not.toContain(t.split('.')[1]!); // not even the payload
    }
    expect(text).toContain('(authorizer: audience)');
  });

  it('formats claim values as HTTP APIs do', () => {
    expect(flattenClaim('a b')).toBe('a b');
    expect(flattenClaim(1612061676)).toBe('1612061676');
    expect(flattenClaim(true)).toBe('true');
    expect(flattenClaim(['viewer', 'approver'])).toBe('[viewer approver]');
    expect(flattenClaim([])).toBe('[]');
  });
});

// ---- the runtime on the real stack ---------------------------------------------------------------

describe('local staff sign-in on the runtime (real stack)', () => {
  let dataDir: string;
  let rt: Runtime;

  beforeAll(async () => {
    dataDir = tempDataDir();
    rt = await start(dataDir);
  });

  afterAll(async () => {
    await rt?.stop();
    removeDir(dataDir);
  });

  /** Posts the sign-in form with an attempt's authorize parameters (or others over them). */
  const signIn = (fields: Record<string, string>, attempt: SignInAttempt = newSignInAttempt(), authorize: Record<string, string> = {}) =>
    Object.assign(
      fetch(`${rt.urls.gateway}/local/sign-in`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...authorizeParams(rt.urls.gateway, attempt), ...authorize, ...fields }).toString(),
      }),
      { attempt },
    );
  /** The id token a sign-in's code is traded for, verified against the published keys. */
  const tokenOf = async (signingIn: Promise<Response> & { attempt: SignInAttempt }) => {
    const res = await signingIn;
    const traded = await tradeCode(rt.urls.gateway, codeOf(res, rt.urls.gateway)!.code, signingIn.attempt.verifier);
    expect(traded.status).toBe(200);
    const token = ((await traded.json()) as { id_token: string }).id_token;
    const jwks = (await (await fetch(`${rt.urls.gateway}/local/.well-known/jwks.json`)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(token, createLocalJWKSet(jwks), {
      issuer: `${rt.urls.gateway}/local`,
      audience: 'local-console',
      algorithms: ['RS256'],
    });
    return { token, payload, protectedHeader };
  };
  /** A concrete path for a route key, e.g. /v1/staff/requests/x for /v1/staff/requests/{requestId}. */
  const pathOf = (path: string) => path.replace(/\{[^}]+\}/g, 'x');

  it('serves the sign-in form, marked as local and for development only, carrying the authorize request on', async () => {
    const attempt = newSignInAttempt();
    const authorize = new URL(rt.staffAuth.signInUrl);
    for (const [k, v] of Object.entries({ state: attempt.state, nonce: attempt.nonce, code_challenge: attempt.challenge, code_challenge_method: 'S256' }))
      authorize.searchParams.set(k, v);
    const res = await fetch(authorize);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain('Local sign-in — development only');
    expect(html).toMatch(/<form method="post" action="\/local\/sign-in">/);
    expect(html).toMatch(/<input id="username" name="username"/);
    for (const role of ['viewer', 'approver', 'none']) expect(html).toContain(`<option value="${role}"`);
    expect(html).toMatch(/<input id="controllers" name="controllers"[^>]*value="\*"/);
    for (const [name, value] of Object.entries(authorizeParams(rt.urls.gateway, attempt)))
      expect(html).toContain(`<input type="hidden" name="${name}" value="${value.replace(/&/g, '&amp;')}">`);
    expect(rt.staffAuth.signInUrl).toBe(
      `${rt.urls.gateway}/local/sign-in?response_type=code&client_id=local-console&redirect_uri=${encodeURIComponent(`${rt.urls.gateway}/console`)}&scope=openid+email+profile`,
    );
    expect(process.env.STAFF_SIGN_IN_URL).toBe(rt.staffAuth.signInUrl);
    expect(process.env.STAFF_TOKEN_URL).toBe(`${rt.urls.gateway}/local/token`);
  });

  it('refuses an authorize request the console client would not be granted: implicit grant, no PKCE, another client or callback', async () => {
    const attempt = newSignInAttempt();
    const refusals: [Record<string, string>, RegExp][] = [
      [{ response_type: 'token' }, /response_type must be code/],
      [{ code_challenge_method: 'plain' }, /code_challenge_method must be S256/],
      [{ code_challenge: '' }, /code_challenge must be/],
      [{ client_id: 'another-client' }, /client_id/],
      [{ redirect_uri: 'https://evil.example/console' }, /redirect_uri/],
      [{ scope: 'email' }, /openid/],
    ];
    for (const [override, reason] of refusals) {
      const authorize = new URL(`${rt.urls.gateway}/local/sign-in`);
      for (const [k, v] of Object.entries({ ...authorizeParams(rt.urls.gateway, attempt), ...override })) authorize.searchParams.set(k, v);
      const form = await fetch(authorize);
      expect(form.status, JSON.stringify(override)).toBe(400);
      expect(await form.text()).toMatch(reason);
      const posted = await signIn({ username: 'anna', role: 'viewer', controllers: '*' }, attempt, override);
      expect(posted.status, JSON.stringify(override)).toBe(400);
      expect(posted.headers.get('location')).toBeNull();
    }
  });

  it('trades a code once, within its client and callback, and only with the verifier of its challenge', async () => {
    const gateway = rt.urls.gateway;
    const codeFor = async (attempt = newSignInAttempt()) =>
      codeOf(await signIn({ username: 'anna', role: 'viewer', controllers: '*' }, attempt), gateway)!.code;
    const invalid = async (res: Response) => {
      expect(res.status).toBe(400);
      expect(res.headers.get('cache-control')).toBe('no-store');
      return ((await res.json()) as { error: string }).error;
    };
    const attempt = newSignInAttempt();
    // Another verifier (an attacker holding only the code) gets nothing, and the code is spent.
    let code = await codeFor(attempt);
    expect(await invalid(await tradeCode(gateway, code, newSignInAttempt().verifier))).toBe('invalid_grant');
    expect(await invalid(await tradeCode(gateway, code, attempt.verifier))).toBe('invalid_grant');
    // Another callback.
    code = await codeFor(attempt);
    expect(await invalid(await tradeCode(gateway, code, attempt.verifier, fetch, 'https://evil.example/console'))).toBe('invalid_grant');
    // The right verifier, once.
    code = await codeFor(attempt);
    const traded = await tradeCode(gateway, code, attempt.verifier);
    expect(traded.status).toBe(200);
    expect(traded.headers.get('cache-control')).toBe('no-store');
    const tokens = (await traded.json()) as Record<string, unknown>;
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, id_token: expect.any(String), access_token: expect.any(String) });
    expect(await invalid(await tradeCode(gateway, code, attempt.verifier))).toBe('invalid_grant');
    // Only the code grant, only for the console client.
    const other = (fields: Record<string, string>) =>
      fetch(`${gateway}/local/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });
    expect(await invalid(await other({ grant_type: 'implicit', client_id: 'local-console' }))).toBe('unsupported_grant_type');
    expect(await invalid(await other({ grant_type: 'authorization_code', client_id: 'x', code: await codeFor(), code_verifier: attempt.verifier }))).toBe(
      'invalid_client',
    );
    // The access token says what it is, has no audience, and the staff API refuses it: only id tokens say who and where.
    const access = JSON.parse(Buffer.from(String(tokens.access_token).split('.')[1]!, 'base64url').toString());
    expect(access).toMatchObject({ token_use: 'access', client_id: 'local-console', scope: 'openid email profile' });
    expect(access.aud).toBeUndefined();
  });

  it('refuses an id token that says it is not one (token_use), past the authorizer', async () => {
    const notId = await issueLocalToken(rt, { 'cognito:groups': ['approver'], token_use: 'access' });
    const res = await fetch(`${rt.urls.gateway}/v1/staff/requests`, { headers: { ...bearer(notId), accept: 'application/json' } });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errors: { authorization: 'not an id token' } });
  });

  it('signs in: 302 to the console with a code and the state in the query, traded for an id token with the nonce', async () => {
    const signingIn = signIn({ username: 'dpo.anna', role: 'approver', controllers: 'demo-association, other-ctl' });
    const res = await signingIn;
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toBe(`${rt.urls.gateway}/console?code=${codeOf(res, rt.urls.gateway)!.code}&state=${signingIn.attempt.state}`);
    expect(location).not.toContain('#');
    const { payload, protectedHeader } = await tokenOf(signingIn);
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: rt.staffAuth.key.kid });
    expect(payload).toMatchObject({
      iss: `${rt.urls.gateway}/local`,
      aud: 'local-console',
      sub: localSub('dpo.anna'),
      'cognito:username': 'dpo.anna',
      email: 'dpo.anna@staff.local',
      'cognito:groups': ['approver'],
      'custom:controllers': 'demo-association,other-ctl',
      token_use: 'id',
      nonce: signingIn.attempt.nonce,
    });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(payload.auth_time).toBe(payload.iat);
    expect(Math.abs(payload.iat! - nowSeconds())).toBeLessThan(60);
    // the same person, the same sub
    expect((await tokenOf(signIn({ username: 'dpo.anna', role: 'viewer', controllers: '*' }))).payload.sub).toBe(payload.sub);
  });

  it('signs in a user in no group without cognito:groups, and * for all controllers', async () => {
    const { payload } = await tokenOf(signIn({ username: 'nobody', role: 'none', controllers: 'a, *' }));
    expect(payload['cognito:groups']).toBeUndefined();
    expect(payload['custom:controllers']).toBe('*');
  });

  it('refuses a bad form with the form again and no token', async () => {
    for (const fields of [
      { username: '', role: 'viewer', controllers: '*' },
      { username: 'a@b', role: 'viewer', controllers: '*' },
      { username: 'anna', role: 'admin', controllers: '*' },
      { username: 'anna', role: 'viewer', controllers: '' },
    ]) {
      const res = await signIn(fields);
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(await res.clone().text()).toContain('name="code_challenge"');
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('role="alert"');
    }
  });

  it('publishes its keys and an OpenID configuration under the issuer', async () => {
    const config: any = await (await fetch(`${rt.urls.gateway}/local/.well-known/openid-configuration`)).json();
    expect(config).toMatchObject({
      issuer: `${rt.urls.gateway}/local`,
      authorization_endpoint: `${rt.urls.gateway}/local/sign-in`,
      token_endpoint: `${rt.urls.gateway}/local/token`,
      jwks_uri: `${rt.urls.gateway}/local/.well-known/jwks.json`,
      response_types_supported: ['code'],
      code_challenge_methods_supported: ['S256'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks: any = await (await fetch(config.jwks_uri)).json();
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: rt.staffAuth.key.kid });
    expect(jwks.keys[0].d).toBeUndefined();
  });

  it('puts every staff route of the real template behind the JWT authorizer: 401 without a valid token', async () => {
    const jwtRoutes = rt.model.routes.filter((r) => r.authorizer);
    expect(jwtRoutes.map((r) => r.routeKey)).toEqual(expect.arrayContaining(['GET /v1/staff/requests', 'GET /v1/staff/requests/{requestId}']));
    for (const r of rt.model.routes.filter((x) => x.path?.startsWith('/v1/staff'))) expect(r.authorizer, r.routeKey).toBeDefined();
    const now = nowSeconds();
    const bad = {
      none: undefined,
      'another key': await issueLocalToken(rt, { 'cognito:groups': ['approver'] }, await generateSigningKey()),
      expired: await issueLocalToken(rt, { 'cognito:groups': ['approver'], iat: now - 7200, exp: now - 3600 }),
      'another audience': await issueLocalToken(rt, { 'cognito:groups': ['approver'], aud: 'another-client' }),
    };
    for (const r of jwtRoutes) {
      for (const [name, token] of Object.entries(bad)) {
        const res = await fetch(`${rt.urls.gateway}${pathOf(r.path!)}`, { method: r.method, headers: token ? bearer(token) : {} });
        expect(res.status, `${r.routeKey}, ${name}`).toBe(401);
        expect(await res.json()).toEqual(UNAUTHORIZED);
      }
    }
  });

  it("lets a signed-in member's token through to the staff API, and serves the console without one", async () => {
    const { token } = await tokenOf(signIn({ username: 'dpo.anna', role: 'approver', controllers: '*' }));
    // past the authorizer, the handler reads the flattened "[approver]" as the approver role
    expect((await fetch(`${rt.urls.gateway}/v1/staff/requests`, { headers: bearer(token) })).status).toBe(200);
    // a member in no group passes the authorizer (a valid token) and is refused by the handler
    const { token: groupless } = await tokenOf(signIn({ username: 'nobody', role: 'none', controllers: '*' }));
    expect((await fetch(`${rt.urls.gateway}/v1/staff/requests`, { headers: bearer(groupless) })).status).toBe(403);
    const page = await fetch(`${rt.urls.gateway}/console`);
    expect([401, 404]).not.toContain(page.status);
  });

  it('keeps its key in the data directory: a token from before a restart still passes', async () => {
    const token = await issueLocalToken(rt, { 'cognito:groups': ['approver'] });
    const kid = rt.staffAuth.key.kid;
    const ports = rt.ports;
    await rt.stop();
    rt = await start(dataDir, ports);
    expect(rt.staffAuth.key.kid).toBe(kid);
    const res = await fetch(`${rt.urls.gateway}/v1/staff/requests`, { headers: bearer(token) });
    expect(res.status).toBe(200);
  });
});
