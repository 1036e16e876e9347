/**
 * The OpenDSR processor kind against the demo OpenDSR processor, over real HTTP: the emulators
 * (dynalite, s3rver), the demo server, and the callback handler behind a small local HTTP server
 * that hands it API Gateway v2 events as the gateway does.
 */
import { randomUUID, sign } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Branch, DsrRequest } from '../../functions/domain/request';
import type { OpendsrProcessor } from '../../functions/platform/register';
import { type DemoOpendsr, startDemoOpendsr } from '../../local/demo-opendsr/server';
import { type Emulators, startEmulators } from '../../local/emulators';
import { closeServer, listen, readBody } from '../../local/http-util';
import { PACKAGE_BUCKET, provision, REQUESTS_TABLE } from '../../local/provision';
import { removeDir, tempDataDir } from '../harness';

const CERTS = join(import.meta.dirname, '../../local/demo-opendsr/certs');
const key = (name: string) => readFileSync(join(CERTS, name), 'utf8');

let dataDir: string;
let emulators: Emulators;
/** Calls back (the register's URL for the newsletter). */
let demo: DemoOpendsr;
/** Never calls back: the controller has to poll. */
let silent: DemoOpendsr;
let gateway: Server;
let callbackUrl: string;

// Loaded after the environment is set: handler modules read it at their cold start.
let store: typeof import('../../functions/platform/data/requests') &
  typeof import('../../functions/platform/data/branches') &
  typeof import('../../functions/platform/data/audit');
let kind: typeof import('../../functions/processors/opendsr/adapter')['opendsrProcessor'];
let registered: OpendsrProcessor;
let getLink: typeof import('../../functions/platform/data/opendsr-links')['getLink'];
let readExport: typeof import('../../functions/platform/package-bucket')['readExport'];
/** What the handlers logged (Powertools writes JSON lines to stdout, warnings and errors to stderr). */
const logged: string[] = [];
const writes = [process.stdout, process.stderr].map((stream) => ({ stream, write: stream.write }));

beforeAll(async () => {
  for (const { stream, write } of writes) {
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      logged.push(String(chunk));
      return (write as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    }) as typeof stream.write;
  }
  dataDir = tempDataDir();
  emulators = await startEmulators({ dataDir, ports: { dynamodb: 0, ses: 0, s3: 0 } });
  await provision({
    endpoints: emulators.urls,
    requestsTable: {
      logicalId: 'Requests',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
    },
  });
  demo = await startDemoOpendsr({ port: 0, dataDir, callbackDelayMs: 300, callbackRetryMs: 50, quiet: true });
  silent = await startDemoOpendsr({ port: 0, dataDir: join(dataDir, 'silent'), callbackDelayMs: 100, sendCallbacks: false, quiet: true });

  // The callback route, as the gateway serves it.
  gateway = createServer(async (req, res) => {
    const body = await readBody(req, 1024 * 1024);
    const { handler } = await import('../../functions/handlers/processor-api/opendsr-callback');
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(',') : (v ?? '')]));
    const event = {
      version: '2.0',
      routeKey: 'POST /v1/opendsr/callback',
      rawPath: req.url!,
      rawQueryString: '',
      headers,
      requestContext: { http: { method: req.method!, path: req.url! } },
      // as the gateway passes a binary-safe body
      body: body.toString('base64'),
      isBase64Encoded: true,
    } as unknown as APIGatewayProxyEventV2;
    const out = (await handler(event, {} as Context)) as APIGatewayProxyStructuredResultV2;
    res.writeHead(out.statusCode ?? 200, out.headers as Record<string, string>);
    res.end(out.body ?? '');
  });
  const port = await listen(gateway, 0);

  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_ENDPOINT_URL_DYNAMODB: emulators.urls.dynamodb,
    AWS_ENDPOINT_URL_S3: emulators.urls.s3,
    AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:9', // no branch here holds a task token
    REQUESTS_TABLE,
    PACKAGE_BUCKET,
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DEMO_NEWSLETTER_URL: demo.url,
    // As the local runtime allows its demo processor: these origins alone over http and loopback.
    OPENDSR_LOCAL_ORIGINS: [demo.url, silent.url].map((u) => new URL(u).origin).join(','),
    POWERTOOLS_LOG_LEVEL: 'INFO',
  });
  callbackUrl = `http://127.0.0.1:${port}/v1/opendsr/callback`;
  // The test submits and polls as the AwaitProcessor and sweep functions do, with what they are given.
  (await import('../../functions/platform/config')).configure('REQUESTS_TABLE', 'PACKAGE_BUCKET', 'PUBLIC_BASE_URL');
  store = {
    ...(await import('../../functions/platform/data/requests')),
    ...(await import('../../functions/platform/data/branches')),
    ...(await import('../../functions/platform/data/audit')),
  };
  kind = (await import('../../functions/processors/opendsr/adapter')).opendsrProcessor;
  ({ getLink } = await import('../../functions/platform/data/opendsr-links'));
  ({ readExport } = await import('../../functions/platform/package-bucket'));
  const { register } = await import('../../functions/platform/register');
  registered = register.controllers[0]!.processors.find((p) => p.id === 'newsletter') as OpendsrProcessor;
});

afterAll(async () => {
  for (const { stream, write } of writes) stream.write = write;
  await demo?.stop();
  await silent?.stop();
  if (gateway) await closeServer(gateway);
  await emulators?.stop();
  if (dataDir) removeDir(dataDir);
});

/** A confirmed request with a waiting newsletter branch, as Plan and AwaitProcessor leave it. */
async function waitingBranch(type: 'access' | 'erasure', email: string) {
  const requestId = randomUUID();
  const now = new Date().toISOString();
  const request: DsrRequest = {
    requestId,
    controllerId: 'demo-association',
    type,
    locale: 'en',
    email,
    status: 'in_progress',
    version: 1,
    createdAt: now,
    verifyExpiresAt: now,
    statusKey: 'k',
    history: [],
  };
  await store.createRequest(request);
  await store.ensureBranch(requestId, 'newsletter', 'opendsr', type === 'access' ? 'export' : 'erase');
  const branch = (await store.updateBranch(requestId, 'newsletter', { status: 'waiting' }))!;
  return { request, branch, ctx: { request, controller: (await import('../../functions/platform/register')).register.controllers[0]!, branch } };
}

/** What AwaitProcessor does around the kind's submit. */
async function submitted(p: OpendsrProcessor, type: 'access' | 'erasure', email: string) {
  const w = await waitingBranch(type, email);
  await kind.submit(p, w.ctx);
  const branch = (await store.updateBranch(w.request.requestId, 'newsletter', { submittedAt: new Date().toISOString() }))!;
  return { ...w, branch, ctx: { ...w.ctx, branch } };
}

/** Lets this test's own processor at `url` be reached over http on loopback, as the runtime does for its demo. */
function allowLocal(url: string) {
  process.env.OPENDSR_LOCAL_ORIGINS = `${process.env.OPENDSR_LOCAL_ORIGINS},${new URL(url).origin}`;
}

const branchOf = async (requestId: string) => (await store.getBranch(requestId, 'newsletter'))!;

async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A callback signed with `keyFile` (by default the demo processor's own key). */
function postCallback(body: Record<string, unknown> | string, opts: { keyFile?: string; domain?: string; tamper?: (raw: Buffer) => Buffer } = {}) {
  const raw = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const signature = sign('sha256', raw, key(opts.keyFile ?? 'demo-localhost.key')).toString('base64');
  return fetch(callbackUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'X-OpenDSR-Processor-Domain': opts.domain ?? 'localhost', 'X-OpenDSR-Signature': signature },
    body: opts.tamper ? opts.tamper(raw) : raw,
  });
}

const completedBody = (externalId: string, extra: Record<string, unknown> = {}) => ({
  controller_id: 'demo-association',
  expected_completion_time: new Date().toISOString(),
  status_callback_url: callbackUrl,
  subject_request_id: externalId,
  request_status: 'completed',
  results_count: 0,
  ...extra,
});

describe('an OpenDSR processor that calls back', () => {
  it('completes an access branch from a valid callback, with the records as the export', async () => {
    const { request, branch } = await submitted(registered, 'access', 'Ada@Example.org ');
    expect(branch.externalId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(branch.expectedCompletionAt).toBeDefined();
    // the processor got the address hashed, not as it is
    const atDemo = demo.requests().find((r) => r.subjectRequestId === branch.externalId)!;
    expect(atDemo.identity.format).toBe('sha256');
    expect(atDemo.identity.value).toMatch(/^[0-9a-f]{64}$/);
    expect(atDemo.callbackUrls).toEqual([callbackUrl]);
    // the link item finds the branch from the processor's id
    expect(await getLink(branch.externalId!)).toMatchObject({ requestId: request.requestId, processorId: 'newsletter', callbackUrl });

    const done = await until('the branch to complete', async () => {
      const b = await branchOf(request.requestId);
      return b.status === 'completed' && b;
    });
    expect(done.recordCount).toBe(1);
    expect(done.exportKey).toMatch(new RegExp(`^exports/${request.requestId}/newsletter/[0-9a-f-]{36}\\.ndjson$`));
    const records = [];
    for await (const r of readExport(done.exportKey!)) records.push(r);
    expect(records).toEqual([expect.objectContaining({ subscriberId: 'nl-501', email: 'ada@example.org', topics: ['association news', 'events'] })]);
    // pending, then completed: both accepted (the demo notes a callback once our answer reaches it,
    // which may be after the branch completed)
    const sent = await until('the demo to note both callbacks', async () => {
      const mine = demo.callbacks().filter((c) => c.subjectRequestId === branch.externalId);
      return mine.length >= 2 && mine;
    });
    expect(sent.map((c) => [c.status, c.httpStatus])).toEqual([
      ['pending', 200],
      ['completed', 200],
    ]);
  });

  it("completes an erasure branch with the processor's count, and the subscriber is gone there", async () => {
    const { request } = await submitted(registered, 'erasure', 'bo@example.org');
    const done = await until('the branch to complete', async () => {
      const b = await branchOf(request.requestId);
      return b.status === 'completed' && b;
    });
    expect(done.recordCount).toBe(1);
    expect(done.exportKey).toBeUndefined();
    expect(demo.subscribers().map((s) => s.subscriberId)).not.toContain('nl-502');
    // the erasure sticks: the demo started again on the same data still does not have the subscriber
    const restarted = await startDemoOpendsr({ port: 0, dataDir, sendCallbacks: false, quiet: true });
    try {
      expect(restarted.subscribers().map((s) => s.subscriberId)).toEqual(['nl-501', 'nl-503']);
      expect(restarted.requests().find((r) => r.subjectRequestId === done.externalId)?.status).toBe('completed');
    } finally {
      await restarted.stop();
    }
  });

  it('completes once when the same callback comes twice', async () => {
    const { request, branch } = await submitted(registered, 'access', 'cecilia@example.org');
    const done = await until('the branch to complete', async () => {
      const b = await branchOf(request.requestId);
      return b.status === 'completed' && b;
    });
    const again = await postCallback(completedBody(branch.externalId!, { results_count: 7 }));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ message: 'already answered' });
    const after = await branchOf(request.requestId);
    expect(after.finishedAt).toBe(done.finishedAt);
    expect(after.recordCount).toBe(1);
    const events = await store.listAudit(request.requestId);
    expect(events.filter((e) => e.event === 'branch_completed')).toHaveLength(1);
  });
});

describe('a callback that cannot be trusted', () => {
  it('refuses a callback signed by a key the certificate does not hold, and changes nothing', async () => {
    const { request, branch } = await submitted({ ...registered, url: silent.url }, 'access', 'ada@example.org');
    const before = await branchOf(request.requestId);
    const res = await postCallback(completedBody(branch.externalId!), { keyFile: 'test/other-root-localhost.key' });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe(JSON.stringify({ message: 'signature verification failed' }));
    expect(await branchOf(request.requestId)).toEqual(before);
  });

  it('refuses a callback whose body was changed after signing', async () => {
    const { request, branch } = await submitted({ ...registered, url: silent.url }, 'access', 'ada@example.org');
    const res = await postCallback(completedBody(branch.externalId!, { request_status: 'pending' }), {
      tamper: (raw) => Buffer.from(raw.toString('utf8').replace('"pending"', '"completed"')),
    });
    expect(res.status).toBe(403);
    expect((await branchOf(request.requestId)).status).toBe('waiting');
  });

  it('refuses a callback from a domain the register does not declare, or without the headers', async () => {
    const res = await postCallback(completedBody(randomUUID()), { domain: 'evil.example' });
    expect(res.status).toBe(403);
    const bare = await fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(bare.status).toBe(403);
  });

  it('answers 400 naming the field for a signed callback that is malformed, or sent to another URL', async () => {
    const { request, branch } = await submitted({ ...registered, url: silent.url }, 'access', 'ada@example.org');
    const notJson = await postCallback('{"subject_request_id": ');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ message: 'body is not valid JSON', errors: { body: 'not valid JSON' } });
    const noStatus = await postCallback({ ...completedBody(branch.externalId!), request_status: 'done' });
    expect(noStatus.status).toBe(400);
    expect(((await noStatus.json()) as { errors: unknown }).errors).toEqual({ request_status: 'missing or malformed' });
    const elsewhere = await postCallback(completedBody(branch.externalId!, { status_callback_url: 'https://elsewhere.example/cb' }));
    expect(elsewhere.status).toBe(400);
    expect(((await elsewhere.json()) as { errors: unknown }).errors).toHaveProperty('status_callback_url');
    const unknown = await postCallback(completedBody(randomUUID()));
    expect(unknown.status).toBe(404);
    expect((await branchOf(request.requestId)).status).toBe('waiting');
  });
});

/** The package bucket's objects under a request's exports. */
async function objectsOf(requestId: string): Promise<string[]> {
  const { s3 } = await import('../../functions/platform/aws/s3');
  const { ListObjectsV2Command } = await import('@aws-sdk/client-s3');
  const out = await s3.send(new ListObjectsV2Command({ Bucket: PACKAGE_BUCKET, Prefix: `exports/${requestId}/` }));
  return (out.Contents ?? []).map((o) => o.Key!);
}

describe('a signed callback whose results are elsewhere (SSRF)', () => {
  /** Stands for the SES emulator's mailbox (`GET /store`: every email, other people's tokens in them). */
  let mailbox: Server;
  let mailboxUrl: string;
  let mailboxHits = 0;
  beforeAll(async () => {
    mailbox = createServer((_req, res) => {
      mailboxHits++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify([{ to: 'someone.else@example.org', text: 'Confirm: /verify?token=secret' }]));
    });
    mailboxUrl = `http://localhost:${await listen(mailbox, 0)}/store`;
  });
  afterAll(async () => {
    if (mailbox) await closeServer(mailbox);
  });

  it.each([
    ['the local mailbox', () => mailboxUrl, 'NotHttps'],
    ['the mailbox under https', () => mailboxUrl.replace('http:', 'https:'), 'OtherHost'],
    ['another host', () => 'https://elsewhere.example/results/1', 'OtherHost'],
    ['the instance metadata service', () => 'http://169.254.169.254/latest/meta-data/', 'NotHttps'],
  ])('refuses results at %s: 400 naming results_url, audited, the branch waits on, nothing stored', async (_what, url, reason) => {
    const { request, branch } = await submitted({ ...registered, url: silent.url }, 'access', 'ada@example.org');
    const res = await postCallback(completedBody(branch.externalId!, { results_url: url(), results_count: 3 }));
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: unknown }).errors).toEqual({ results_url: expect.any(String) });
    const after = await branchOf(request.requestId);
    expect(after.status).toBe('waiting');
    expect(after.exportKey).toBeUndefined();
    expect(after.attachmentKey).toBeUndefined();
    const events = await store.listAudit(request.requestId);
    expect(events.filter((e) => e.event === 'opendsr_results_refused').map((e) => [e.actor, e.detail])).toEqual([
      ['system', { processorId: 'newsletter', via: 'callback', reason }],
    ]);
    expect(JSON.stringify(events)).not.toContain(url());
    expect(await objectsOf(request.requestId)).toEqual([]);
    expect(mailboxHits).toBe(0);
  });

  it("still completes from the processor's own answer afterwards", async () => {
    const p = { ...registered, url: silent.url };
    const { request, ctx } = await submitted(p, 'access', 'bo@example.org');
    expect((await postCallback(completedBody(ctx.branch.externalId!, { results_url: mailboxUrl }))).status).toBe(400);
    await until('the silent processor to finish', async () =>
      silent.requests().find((r) => r.subjectRequestId === ctx.branch.externalId && r.status === 'completed'),
    );
    await kind.watch!(p, { ...ctx, branch: await branchOf(request.requestId) }, new Date(Date.now() + 61 * 60_000));
    const done = await branchOf(request.requestId);
    expect(done.status).toBe('completed');
    expect(done.recordCount).toBe(1);
    expect(mailboxHits).toBe(0);
  });
});

describe('discovery that fails', () => {
  it('is fetched once for a burst of forged callbacks, and again only after a minute', async () => {
    let hits = 0;
    const down = createServer((_req, res) => {
      hits++;
      res.writeHead(503);
      res.end();
    });
    const port = await listen(down, 0);
    const p = { ...registered, url: `http://localhost:${port}/v1` };
    allowLocal(p.url);
    const { verifySigned, FAILURE_TTL_MS } = await import('../../functions/processors/opendsr/certificates');
    const raw = Buffer.from('{"forged":true}');
    const headers = {
      'x-opendsr-processor-domain': 'localhost',
      'x-opendsr-signature': sign('sha256', raw, key('test/other-root-localhost.key')).toString('base64'),
    };
    try {
      const burst = await Promise.allSettled(Array.from({ length: 10 }, () => verifySigned(p, headers, raw)));
      for (let i = 0; i < 10; i++) burst.push(...(await Promise.allSettled([verifySigned(p, headers, raw)])));
      expect(burst.every((r) => r.status === 'rejected' && (r.reason as { reason?: string }).reason === 'CertificateUnavailable')).toBe(true);
      expect(hits).toBe(1);
      const later = Date.now() + FAILURE_TTL_MS + 1;
      const now = Date.now;
      Date.now = () => later;
      try {
        await expect(verifySigned(p, headers, raw)).rejects.toMatchObject({ reason: 'CertificateUnavailable' });
      } finally {
        Date.now = now;
      }
      expect(hits).toBe(2);
    } finally {
      await closeServer(down);
    }
  });
});

describe('an OpenDSR processor that never calls back', () => {
  it('is polled after pollAfterMinutes and the branch completes from its status', async () => {
    const p = { ...registered, url: silent.url };
    const { request, ctx } = await submitted(p, 'access', 'ada@example.org');
    await until('the silent processor to finish', async () =>
      silent.requests().find((r) => r.subjectRequestId === ctx.branch.externalId && r.status === 'completed'),
    );
    // too early: not asked
    await kind.watch!(p, ctx, new Date(Date.now() + 59 * 60_000));
    expect((await branchOf(request.requestId)).lastPolledAt).toBeUndefined();

    const later = new Date(Date.now() + 61 * 60_000);
    await kind.watch!(p, { ...ctx, branch: await branchOf(request.requestId) }, later);
    const done = await branchOf(request.requestId);
    expect(done.status).toBe('completed');
    expect(done.recordCount).toBe(1);
    expect(done.lastPolledAt).toBe(later.toISOString());
    expect(silent.callbacks()).toEqual([]);
  });

  it('records the expected completion while the processor is still working, and polls again only a period later', async () => {
    const slow = await startDemoOpendsr({ port: 0, dataDir: join(dataDir, 'slow'), callbackDelayMs: 60_000, sendCallbacks: false, quiet: true });
    allowLocal(slow.url);
    try {
      const p = { ...registered, url: slow.url };
      const { request, ctx } = await submitted(p, 'erasure', 'cecilia@example.org');
      const first = new Date(Date.now() + 61 * 60_000);
      await kind.watch!(p, ctx, first);
      const polled: Branch = await branchOf(request.requestId);
      expect(polled.status).toBe('waiting');
      expect(polled.lastPolledAt).toBe(first.toISOString());
      expect(polled.expectedCompletionAt).toBeDefined();
      await kind.watch!(p, { ...ctx, branch: polled }, new Date(first.getTime() + 30 * 60_000));
      expect((await branchOf(request.requestId)).lastPolledAt).toBe(first.toISOString());

      // cancelled at the processor: the branch fails with that class
      await kind.cancel!(p, { ...ctx, branch: polled });
      expect(slow.requests()[0]!.status).toBe('cancelled');
      await kind.watch!(p, { ...ctx, branch: polled }, new Date(first.getTime() + 61 * 60_000));
      const failed = await branchOf(request.requestId);
      expect(failed.status).toBe('failed');
      expect(failed.errorClass).toBe('ProcessorCancelled');
    } finally {
      await slow.stop();
    }
  });

  it('counts a duplicate submission (the processor already has the id) as submitted', async () => {
    const p = { ...registered, url: silent.url };
    const { request, ctx } = await submitted(p, 'access', 'bo@example.org');
    const id = ctx.branch.externalId;
    // a retry of the same step: same id, the processor answers 400 and is asked for the status
    await kind.submit(p, ctx);
    expect((await branchOf(request.requestId)).externalId).toBe(id);
    expect(silent.requests().filter((r) => r.subjectRequestId === id)).toHaveLength(1);
  });
});

describe('results that are not a JSON array', () => {
  it('streams the arrays of a JSON object as records, and keeps other formats as an attachment', async () => {
    const files: Record<string, { type: string; body: string }> = {
      '/object': { type: 'application/json', body: JSON.stringify({ profile: { plan: 'free' }, opens: [{ at: '2025-01-01' }, { at: '2025-02-01' }] }) },
      '/export.csv': { type: 'text/csv', body: 'subscriber,topic\nnl-1,jazz\n' },
      '/broken': { type: 'application/json', body: '[{"a": 1}, {"b": ' },
      '/page.html': { type: 'text/html', body: '<!doctype html><script>alert(1)</script>' },
      '/fake.pdf': { type: 'application/pdf', body: '<html><script>alert(1)</script></html>' },
    };
    const server = createServer((req, res) => {
      if (req.url === '/huge') {
        // declares more than the cap, and would send it
        res.writeHead(200, { 'content-type': 'application/zip', 'content-length': String(300 * 1024 * 1024) });
        res.write(Buffer.alloc(1024));
        return;
      }
      const f = files[req.url!];
      res.writeHead(f ? 200 : 404, { 'content-type': f?.type ?? 'text/plain' });
      res.end(f?.body ?? '');
    });
    const port = await listen(server, 0);
    try {
      const { storeResults: store } = await import('../../functions/processors/opendsr/results');
      const { readObject } = await import('../../functions/platform/package-bucket');
      const text = async (k: string) => Buffer.concat(await (await readObject(k)).toArray()).toString('utf8');
      const ref = { requestId: randomUUID(), processorId: 'newsletter' };
      const base = `http://127.0.0.1:${port}`;
      const p = { ...registered, url: `${base}/v1` };
      allowLocal(base);
      const storeResults = (r: typeof ref, url: string, count?: number) => store(p, r, url, count);

      const fromObject = await storeResults(ref, `http://127.0.0.1:${port}/object`, 2);
      expect(fromObject).toEqual({
        exportKey: expect.stringMatching(new RegExp(`^exports/${ref.requestId}/newsletter/[0-9a-f-]{36}\\.ndjson$`)),
        recordCount: 3,
      });
      const records = [];
      for await (const r of readExport(fromObject.exportKey!)) records.push(r);
      expect(records).toEqual([{ at: '2025-01-01' }, { at: '2025-02-01' }, { profile: { plan: 'free' } }]);

      const csv = await storeResults(ref, `http://127.0.0.1:${port}/export.csv`, 1);
      expect(csv).toEqual({
        attachmentKey: expect.stringMatching(new RegExp(`^exports/${ref.requestId}/newsletter/[0-9a-f-]{36}/export\\.csv$`)),
        attachmentName: 'export.csv',
        recordCount: 1,
      });
      expect(await text(csv.attachmentKey!)).toBe(files['/export.csv']!.body);

      const other = { requestId: randomUUID(), processorId: 'newsletter' };
      const broken = await storeResults(other, `http://127.0.0.1:${port}/broken`);
      expect(broken).toEqual({
        attachmentKey: expect.stringMatching(new RegExp(`^exports/${other.requestId}/newsletter/[0-9a-f-]{36}/broken\\.json$`)),
        attachmentName: 'broken.json',
      });
      expect(await text(broken.attachmentKey!)).toBe(files['/broken']!.body);

      await expect(storeResults(other, `http://127.0.0.1:${port}/gone`)).rejects.toMatchObject({ name: 'OpendsrRejected' });
      // what the package does not take, or more than the cap: refused, and nothing kept
      const refused = { requestId: randomUUID(), processorId: 'newsletter' };
      await expect(storeResults(refused, `${base}/page.html`)).rejects.toMatchObject({ name: 'OpendsrResultsRefused', reason: 'TypeNotAccepted' });
      await expect(storeResults(refused, `${base}/fake.pdf`)).rejects.toMatchObject({ name: 'OpendsrResultsRefused', reason: 'ContentDoesNotMatch' });
      await expect(storeResults(refused, `${base}/huge`)).rejects.toMatchObject({ name: 'OpendsrResultsRefused', reason: 'TooLarge' });
      expect(await objectsOf(refused.requestId)).toEqual([]);

      // Regression (found by the fault suite): a processor that answers twice, once with records and
      // once with a body cut short, stores the results twice at once. The second used to overwrite and
      // then delete the very object the first had completed the branch with, and the package could
      // never be built. Each now writes its own objects: what the first stored stays.
      const twice = { requestId: randomUUID(), processorId: 'newsletter' };
      const [good, bad] = await Promise.all([
        storeResults(twice, `http://127.0.0.1:${port}/object`, 2),
        storeResults(twice, `http://127.0.0.1:${port}/broken`),
      ]);
      expect(good.exportKey).not.toBe(bad.exportKey);
      const kept = [];
      for await (const r of readExport(good.exportKey!)) kept.push(r);
      expect(kept).toEqual([{ at: '2025-01-01' }, { at: '2025-02-01' }, { profile: { plan: 'free' } }]);
    } finally {
      await closeServer(server);
    }
  });
});

describe('logs', () => {
  it('say why a callback was refused, by processor id and reason only, and hold no personal data', () => {
    const lines = logged
      .join('')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.message === 'OpenDSR callback refused').map((l) => [l.processorId, l.reason])).toEqual(
      expect.arrayContaining([
        ['newsletter', 'SignatureMismatch'],
        [undefined, 'UnknownDomain'],
        [undefined, 'MissingHeader'],
      ]),
    );
    const all = logged.join('');
    expect(all).toContain('OpenDSR callback accepted');
    expect(all).not.toMatch(/example\.org/i);
    expect(all).not.toMatch(/[0-9a-f]{64}/); // no hashed addresses either
  });
});
