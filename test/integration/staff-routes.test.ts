import { beforeAll, describe, expect, it } from 'vitest';
import { generateSigningKey, issueLocalToken } from '../../local/staff-auth';
import type { RouteModel } from '../../local/synth';
import { confirmFromEmail, submit, useRuntime, waitForEmail } from '../harness';

/**
 * Every staff route is guarded: the routes are read from the synthesized template (the runtime's
 * model, as the gateway serves them), so a route added behind the JWT authorizer is covered here
 * without touching this file. For each: no token or a bad one is refused by the authorizer (401),
 * a valid token without a staff role by the handler (403), and a viewer may not decide (403).
 */

const local = useRuntime();
/** A confirmed request the callers below could see: a refusal is about the role, not a missing request. */
let requestId: string;

const DECISIONS_ROUTE = 'POST /v1/staff/requests/{requestId}/decisions';
/** Methods that change something: on a staff route, deciding. */
const isDeciding = (r: RouteModel) => !['GET', 'HEAD', 'OPTIONS'].includes(r.method ?? '');

beforeAll(async () => {
  ({ requestId } = await submit(local.rt, { controller: 'demo-association', type: 'access', email: 'ada@example.org', name: 'Ada Lindqvist' }));
  expect((await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'ada@example.org'))).status).toBe(200);
});

const guarded = () => local.rt.model.routes.filter((r) => r.authorizer);

/** Calls a route with a concrete path (the request above for {requestId}) and, for a POST, an empty JSON body. */
function call(route: RouteModel, token?: string): Promise<Response> {
  const path = route.path!.replace('{requestId}', requestId).replace(/\{[^}]+\}/g, 'x');
  return fetch(`${local.rt.urls.gateway}${path}`, {
    method: route.method,
    headers: {
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(isDeciding(route) ? { 'content-type': 'application/json' } : {}),
    },
    ...(isDeciding(route) ? { body: '{}' } : {}),
  });
}

describe('every route of the template behind the JWT authorizer', () => {
  it('is found in the template: the staff list, one request, its audit export and the decisions', () => {
    const keys = guarded().map((r) => r.routeKey);
    expect(keys).toEqual(
      expect.arrayContaining([
        'GET /v1/staff/requests',
        'GET /v1/staff/requests/{requestId}',
        'GET /v1/staff/requests/{requestId}/audit',
        'GET /v1/staff/requests/{requestId}/attachments/{file}',
        DECISIONS_ROUTE,
      ]),
    );
    for (const r of local.rt.model.routes.filter((x) => x.path?.startsWith('/v1/staff/'))) expect(r.authorizer, r.routeKey).toBeDefined();
    expect(
      guarded()
        .filter(isDeciding)
        .map((r) => r.routeKey),
    ).toContain(DECISIONS_ROUTE);
  });

  it('answers 401 without a token, with an expired one and with one signed by another key', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tokens: Record<string, string | undefined> = {
      none: undefined,
      expired: await issueLocalToken(local.rt, { 'cognito:groups': ['approver'], iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }),
      'another key': await issueLocalToken(local.rt, { 'cognito:groups': ['approver'] }, await generateSigningKey()),
      'another audience': await issueLocalToken(local.rt, { 'cognito:groups': ['approver'], aud: 'another-client' }),
      malformed: 'not.a.token',
    };
    for (const route of guarded()) {
      for (const [name, token] of Object.entries(tokens)) {
        const res = await call(route, token);
        expect(res.status, `${route.routeKey}, ${name}`).toBe(401);
        expect(await res.json()).toEqual({ message: 'Unauthorized' });
      }
    }
  });

  it('answers 403 to a valid token of someone in no staff group', async () => {
    const groupless = await issueLocalToken(local.rt, { 'cognito:groups': undefined, 'custom:controllers': '*' });
    const otherGroup = await issueLocalToken(local.rt, { 'cognito:groups': ['admins'], 'custom:controllers': '*' });
    for (const route of guarded()) {
      expect((await call(route, groupless)).status, `${route.routeKey}, no group`).toBe(403);
      expect((await call(route, otherGroup)).status, `${route.routeKey}, another group`).toBe(403);
    }
  });

  it('answers 403 to a viewer on every deciding route, even for a request the viewer may read', async () => {
    const viewer = await issueLocalToken(local.rt, { 'cognito:groups': ['viewer'], 'custom:controllers': 'demo-association' });
    expect((await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, { headers: { authorization: `Bearer ${viewer}` } })).status).toBe(200);
    const deciding = guarded().filter(isDeciding);
    expect(deciding.length).toBeGreaterThan(0);
    for (const route of deciding) expect((await call(route, viewer)).status, route.routeKey).toBe(403);
  });

  it('lets an approver past the authorizer and the role check on every route (the refusals above are about the token)', async () => {
    const approver = await issueLocalToken(local.rt, { 'cognito:groups': ['approver'], 'custom:controllers': 'demo-association' });
    for (const route of guarded()) {
      // An empty decision is refused as bad input, a read answers: anything but 401 or 403.
      expect([401, 403], route.routeKey).not.toContain((await call(route, approver)).status);
    }
  });
});
