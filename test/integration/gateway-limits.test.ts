/**
 * The local gateway as API Gateway and Lambda are: an invocation payload over Lambda's 6 MB is
 * refused before any handler runs, and each route is throttled as the template's stage says.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway, MAX_INVOCATION_BYTES, TokenBucket } from '../../local/gateway';
import type { RouteModel } from '../../local/synth';
import { useRuntime } from '../harness';

const route = (routeKey: string, throttle?: RouteModel['throttle']): RouteModel => {
  const [method, path] = routeKey.split(' ');
  return { routeKey, method, path, functionLogicalId: 'Echo', payloadFormatVersion: '2.0', ...(throttle ? { throttle } : {}) };
};

describe('the gateway on its own', () => {
  const invoked: string[] = [];
  let gateway: LocalGateway;
  beforeAll(async () => {
    gateway = new LocalGateway({
      routes: [route('POST /upload'), route('GET /limited', { rateLimit: 1, burstLimit: 3 }), route('GET /other', { rateLimit: 1, burstLimit: 3 })],
      lambdas: {
        invoke: async (_id, event) => {
          invoked.push((event as { routeKey: string }).routeKey);
          return { statusCode: 200, body: 'ok' };
        },
      },
    });
    await gateway.start(0);
  });
  afterAll(() => gateway.stop());

  const upload = (body: Buffer | string, type: string) => fetch(`${gateway.url}/upload`, { method: 'POST', headers: { 'content-type': type }, body });

  it('refuses a binary body whose base64 event exceeds 6 MB with 413, without invoking the handler', async () => {
    invoked.length = 0;
    // 4.8 MB of bytes is 6.4 MB as base64: under API Gateway's 10 MB, over Lambda's invocation limit.
    const res = await upload(Buffer.alloc(4.8 * 1024 * 1024, 7), 'application/octet-stream');
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: 'Request Too Long' });
    expect(invoked).toEqual([]);
  });

  it('refuses a text body just over the limit, and passes one whose whole event fits', async () => {
    invoked.length = 0;
    expect((await upload('x'.repeat(MAX_INVOCATION_BYTES), 'text/plain')).status).toBe(413);
    const fits = await upload('x'.repeat(MAX_INVOCATION_BYTES - 4096), 'text/plain');
    expect(fits.status).toBe(200);
    // 4 MB of bytes (5.3 MB as base64) fits too.
    expect((await upload(Buffer.alloc(4 * 1024 * 1024, 7), 'application/octet-stream')).status).toBe(200);
    expect(invoked).toEqual(['POST /upload', 'POST /upload']);
  });

  it("throttles a route by its token bucket with 429, leaving other routes' buckets alone", async () => {
    invoked.length = 0;
    const statuses = await Promise.all(Array.from({ length: 5 }, () => fetch(`${gateway.url}/limited`).then((r) => r.status)));
    expect(statuses.sort()).toEqual([200, 200, 200, 429, 429]);
    const refused = await fetch(`${gateway.url}/limited`);
    expect([refused.status, await refused.json()]).toEqual([429, { message: 'Too Many Requests' }]);
    expect((await fetch(`${gateway.url}/other`)).status).toBe(200);
    expect(invoked.filter((k) => k === 'GET /limited')).toHaveLength(3);
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await fetch(`${gateway.url}/limited`)).status).toBe(200);
  });
});

describe('a token bucket', () => {
  it('holds the burst and refills at the rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ rateLimit: 2, burstLimit: 4 }, () => now);
    expect(Array.from({ length: 5 }, () => bucket.take())).toEqual([true, true, true, true, false]);
    now = 499;
    expect(bucket.take()).toBe(false);
    now = 500;
    expect(bucket.take()).toBe(true);
    now = 60_000;
    expect(Array.from({ length: 5 }, () => bucket.take())).toEqual([true, true, true, true, false]);
  });
});

describe('the local runtime with the stack template', () => {
  const local = useRuntime({ routeThrottles: true });

  it("reads every route's throttle from the stage: public, staff and processors each their own", () => {
    const byKey = Object.fromEntries(local.rt.model.routes.map((r) => [r.routeKey, r.throttle]));
    expect(byKey['POST /v1/requests']).toEqual({ rateLimit: 10, burstLimit: 20 });
    expect(byKey['GET /v1/staff/requests']).toEqual({ rateLimit: 10, burstLimit: 20 });
    expect(byKey['POST /v1/opendsr/callback']).toEqual({ rateLimit: 20, burstLimit: 40 });
    expect(local.rt.model.routes.every((r) => r.throttle)).toBe(true);
  });

  it('answers 429 once a public route has spent its burst, while the staff console still answers', async () => {
    const { gateway } = local.rt.urls;
    const statuses = await Promise.all(Array.from({ length: 40 }, () => fetch(`${gateway}/transparency/nobody`).then((r) => r.status)));
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
    expect(statuses.filter((s) => s !== 429).length).toBeLessThan(40);
    expect((await fetch(`${gateway}/console`)).status).toBe(200);
  });

  it('refuses a request body over the invocation limit before intake runs', async () => {
    const res = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ controller: 'demo-association', type: 'access', email: 'big@example.org', message: 'x'.repeat(6.5 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ message: 'Request Too Long' });
  });
});
