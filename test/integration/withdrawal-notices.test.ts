/**
 * Who a withdrawal tells, through the local runtime, beyond the email, OpenDSR and webhook
 * notices of withdrawal.test.ts: the organisation's own Lambda still working is invoked with the
 * versioned withdrawal event, once; a vendor job (Stripe's redaction job, through the connector
 * definition) is cancelled by the sweep where the definition declares how, and recorded as not
 * told where it does not; and a notice that fails (a webhook answering 500) is held and sent by the sweep's
 * retry, once, or after every retry reported to staff.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DeleteCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Processor } from '../../functions/domain/register-schema';
import { DEMO_MAILCHIMP_KEY } from '../../local/fakes/mailchimp';
import { type StripeFake, startStripeFake } from '../../local/fakes/stripe';
import { inhouseLambda } from '../fixtures/inhouse-lambda';
import { branchKey, poll, REQUESTS_TABLE, requestPartition, storedBranch, submitConfirmed, useRuntime } from '../harness';

const CONTROLLER = 'demo-campaign-office';
const SECRET = 'test-volunteer-portal-secret-0123456789abcdef';
type Notice = { type?: string; requestId: string; processorId: string };

// The volunteer portal's own endpoint: answers every event later (202); a withdrawal notice with
// 500 while `failNotices` says so, as a system that is down would.
const notices: { notice: Notice; status: number }[] = [];
let failNotices = 0;
const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const parts = new Map(
      String(req.headers['x-dsr-signature'] ?? '')
        .split(',')
        .map((p) => p.split('=') as [string, string]),
    );
    const expected = createHmac('sha256', SECRET)
      .update(`${parts.get('t')}.${body}`)
      .digest();
    const given = Buffer.from(parts.get('v1') ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    const notice = JSON.parse(body) as Notice;
    if (notice.type !== 'withdrawal') {
      res.writeHead(202).end();
      return;
    }
    const status = failNotices > 0 ? 500 : 204;
    if (failNotices > 0) failNotices--;
    notices.push({ notice, status });
    res.writeHead(status).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));

const local = useRuntime({
  inhouseFunctions: { 'demo-campaign-app': 'test/fixtures/inhouse-lambda.ts' },
  inhouseWebhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dsr`,
  processorSecrets: { 'demo-volunteer-portal-webhook': SECRET },
  environment: { DEMO_INHOUSE_DELAY_MS: '50' },
});

// The campaign office takes donations through Stripe (config/connectors/stripe.json, against the fake).
const DONATIONS = 'donations';
let stripe: StripeFake;
beforeAll(async () => {
  stripe = await startStripeFake({ apiKey: DEMO_MAILCHIMP_KEY, perSecond: 1000 });
  process.env.CONNECTOR_LOCAL_ORIGINS = `${process.env.CONNECTOR_LOCAL_ORIGINS},${stripe.url}`;
  const { readFileSync } = await import('node:fs');
  const { parseRegister } = await import('../../functions/domain/register-schema');
  const { register } = await import('../../functions/platform/register');
  const raw = JSON.parse(readFileSync(new URL('../../config/register.json', import.meta.url), 'utf8'));
  raw.controllers
    .find((c: { id: string }) => c.id === CONTROLLER)
    .processors.push({
      id: DONATIONS,
      kind: 'http',
      name: 'Donations (Stripe)',
      connector: 'stripe',
      settings: {},
      secrets: { apiKey: 'demo/mailchimp-api-key' },
      baseUrl: stripe.url,
      allowedHosts: [new URL(stripe.url).host],
      rights: ['access', 'portability', 'erasure'],
      dataCategories: ['email address', 'payments'],
      purposes: ['taking donations'],
      legalBasis: 'Art. 6(1)(b) contract',
      retention: 'seven years after the donation (bookkeeping)',
    });
  const donations = parseRegister(raw, process.env)
    .controllers.find((c) => c.id === CONTROLLER)!
    .processors.find((p) => p.id === DONATIONS) as Processor;
  register.controllers.find((c) => c.id === CONTROLLER)!.processors.push(donations);
});
afterAll(async () => {
  await stripe?.stop();
  await new Promise<void>((r) => receiver.close(() => r()));
});
beforeEach(() => {
  failNotices = 0;
});

const branchOf = (requestId: string, processorId: string) => storedBranch(local.db, requestId, processorId);
const waitingBranch = (requestId: string, processorId: string) =>
  poll(
    async () => {
      const b = await branchOf(requestId, processorId);
      return b?.status === 'waiting' && b.submittedAt ? b : undefined;
    },
    { timeoutMs: 20_000, failure: async () => `${processorId} is ${(await branchOf(requestId, processorId))?.status}` },
  );
const withdraw = (statusUrl: string) => {
  const url = new URL(statusUrl);
  return fetch(`${url.origin}${url.pathname.replace(/\/status$/, '/cancel')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ key: url.searchParams.get('key')! }).toString(),
  });
};
/** The request's audit events about one processor. */
const eventsOf = async (requestId: string, processorId: string) =>
  (await requestPartition(local.db, requestId))
    .filter((i) => typeof i.event === 'string' && (i.detail as { processorId?: string } | undefined)?.processorId === processorId)
    .map((i) => ({ event: i.event as string, detail: i.detail as Record<string, unknown> }));
/** The withdrawal notices held for the sweep, of one request. */
const heldNotices = async (requestId: string) =>
  (
    await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `DUE#${CONTROLLER}` },
        ConsistentRead: true,
      }),
    )
  ).Items!.filter((i) => i.kind === 'withdrawal_notice' && i.requestId === requestId);
const stripeCalls = (method: string, path: RegExp) => stripe.calls().filter((c) => c.method === method && path.test(c.path));

describe('telling a lambda processor of a withdrawal', () => {
  it('invokes the function still working with the versioned withdrawal event, once', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      type: 'erasure',
      email: 'lambda-withdraw@example.org',
      locale: 'en',
      controller: CONTROLLER,
    });
    await waitingBranch(requestId, 'campaign-app');
    expect((await withdraw(statusUrl)).status).toBe(200);
    expect((await withdraw(statusUrl)).status).toBe(409);
    await local.rt.sweep();
    const told = (inhouseLambda.events as unknown as Notice[]).filter((e) => e.requestId === requestId && e.type === 'withdrawal');
    expect(told).toEqual([
      { version: '1', type: 'withdrawal', requestId, processorId: 'campaign-app', controllerId: CONTROLLER, withdrawnAt: expect.any(String) },
    ]);
    expect((await eventsOf(requestId, 'campaign-app')).filter((e) => e.event === 'processor_told_of_withdrawal')).toHaveLength(1);
    expect((await branchOf(requestId, 'campaign-app'))!.withdrawalNoticedAt).toBeDefined();
    expect(await heldNotices(requestId)).toEqual([]);
    // The page says what is being done, not that everyone was told.
    const page = await (await fetch(statusUrl)).text();
    expect(page).not.toContain('told the organisations that were still handling it');
    expect(page).toContain('are telling the organisations that were still handling it to stop, wherever they offer a way to be told');
  });
});

describe('telling a vendor job of a withdrawal', () => {
  /** An erasure at Stripe whose redaction job the branch waits on. */
  async function waitingOnRedaction(email: string) {
    stripe.seed({ email, name: 'Dana Donor', charges: 1 });
    const request = await submitConfirmed(local.rt, { type: 'erasure', email, locale: 'en', controller: CONTROLLER });
    const branch = await waitingBranch(request.requestId, DONATIONS);
    const jobId = (JSON.parse(branch.externalId as string) as { jobIds: string[] }).jobIds[0]!;
    return { ...request, jobId };
  }
  const readJob = (jobId: string) => fetch(`${stripe.url}/v1/privacy/redaction_jobs/${jobId}`, { headers: { authorization: `Bearer ${DEMO_MAILCHIMP_KEY}` } });

  it('cancels the job where the connector declares how (a Stripe redaction job not yet run), once', async () => {
    const { requestId, statusUrl, jobId } = await waitingOnRedaction('donor-withdraws@example.org');
    expect(JSON.parse((await branchOf(requestId, DONATIONS))!.externalId)).toMatchObject({ step: 'startRedaction' });
    // Validated meanwhile: Stripe cancels a job that is ready (or failed) only.
    expect(((await (await readJob(jobId)).json()) as { status: string }).status).toBe('ready');
    expect((await withdraw(statusUrl)).status).toBe(200);
    // The status function holds the notice; the sweep, which has the connector engine, sends it.
    expect(stripeCalls('POST', /\/cancel$/)).toEqual([]);
    expect(await heldNotices(requestId)).toHaveLength(1);
    await local.rt.sweep();
    expect(stripeCalls('POST', /\/cancel$/)).toEqual([{ method: 'POST', path: `/v1/privacy/redaction_jobs/${jobId}/cancel`, status: 200 }]);
    expect(stripe.jobs().find((j) => j.id === jobId)!.status).toBe('canceled');
    expect(stripeCalls('POST', /\/run$/)).toEqual([]);
    const events = await eventsOf(requestId, DONATIONS);
    expect(events.filter((e) => e.event === 'processor_told_of_withdrawal')).toHaveLength(1);
    expect(events.filter((e) => e.event === 'vendor_cannot_be_told_of_withdrawal')).toEqual([]);
    expect(await heldNotices(requestId)).toEqual([]);
  });

  it('records that the vendor could not be told where the connector declares no cancel (a redaction job running), and claims nothing', async () => {
    const { requestId, statusUrl, jobId } = await waitingOnRedaction('donor-redacting@example.org');
    // The sweep finds the job ready and runs it: Stripe documents a running job as not cancellable.
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: branchKey(requestId, DONATIONS),
        UpdateExpression: 'SET lastPolledAt = :then',
        ExpressionAttributeValues: { ':then': new Date(Date.now() - 3_600_000).toISOString() },
      }),
    );
    await local.rt.sweep();
    expect(JSON.parse((await branchOf(requestId, DONATIONS))!.externalId)).toMatchObject({ step: 'runRedaction' });
    const cancelsBefore = stripeCalls('POST', /\/cancel$/).length;
    expect((await withdraw(statusUrl)).status).toBe(200);
    await local.rt.sweep();
    expect(stripeCalls('POST', /\/cancel$/)).toHaveLength(cancelsBefore);
    expect(stripe.jobs().find((j) => j.id === jobId)!.status).not.toBe('canceled');
    const events = await eventsOf(requestId, DONATIONS);
    expect(events.filter((e) => e.event === 'processor_told_of_withdrawal')).toEqual([]);
    expect(events.filter((e) => e.event === 'vendor_cannot_be_told_of_withdrawal')).toEqual([
      { event: 'vendor_cannot_be_told_of_withdrawal', detail: { processorId: DONATIONS, step: 'runRedaction' } },
    ]);
    const branch = (await branchOf(requestId, DONATIONS))!;
    expect(branch.withdrawalNoticedAt).toBeUndefined();
    expect(branch.status).toBe('failed');
    expect(await heldNotices(requestId)).toEqual([]);
  });
});

describe('a withdrawal notice that fails', () => {
  it('is sent again by the sweep, once, when the webhook answered 500', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email: 'hook-down@example.org', locale: 'en', controller: CONTROLLER });
    await waitingBranch(requestId, 'volunteer-portal');
    failNotices = 1;
    expect((await withdraw(statusUrl)).status).toBe(200);
    const mine = () => notices.filter((n) => n.notice.requestId === requestId).map((n) => n.status);
    expect(mine()).toEqual([500]);
    expect((await branchOf(requestId, 'volunteer-portal'))!.withdrawalNoticedAt).toBeUndefined();
    expect(await heldNotices(requestId)).toHaveLength(1);

    await local.rt.sweep();
    expect(mine()).toEqual([500, 204]);
    await local.rt.sweep();
    expect(mine()).toEqual([500, 204]);
    expect((await branchOf(requestId, 'volunteer-portal'))!.withdrawalNoticedAt).toBeDefined();
    expect((await eventsOf(requestId, 'volunteer-portal')).filter((e) => e.event === 'processor_told_of_withdrawal')).toHaveLength(1);
    expect(await heldNotices(requestId)).toEqual([]);
  });

  it('is retried later with a count, and after the last attempt fails staff are told it never went', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email: 'hook-gone@example.org', locale: 'en', controller: CONTROLLER });
    await waitingBranch(requestId, 'volunteer-portal');
    failNotices = 100;
    expect((await withdraw(statusUrl)).status).toBe(200);
    await local.rt.sweep();
    // The retry failed too: held for a later sweep, counted.
    const [held] = await heldNotices(requestId);
    expect(held).toMatchObject({ attempts: 1, processorId: 'volunteer-portal' });
    expect(Date.parse(held!.dueAt)).toBeGreaterThan(Date.now());
    // Four failures in: the last attempt, made due now.
    await local.db.send(new DeleteCommand({ TableName: REQUESTS_TABLE, Key: { pk: held!.pk, sk: held!.sk } }));
    const now = new Date(Date.now() - 1000).toISOString();
    await local.db.send(
      new PutCommand({ TableName: REQUESTS_TABLE, Item: { ...held, attempts: 4, dueAt: now, sk: `${now}#withdrawal_notice#${requestId}#volunteer-portal` } }),
    );
    await local.rt.sweep();
    expect(await heldNotices(requestId)).toEqual([]);
    const events = await eventsOf(requestId, 'volunteer-portal');
    expect(events.filter((e) => e.event === 'processor_told_of_withdrawal')).toEqual([]);
    expect(events.filter((e) => e.event === 'processor_not_told_of_withdrawal')).toEqual([
      { event: 'processor_not_told_of_withdrawal', detail: { processorId: 'volunteer-portal', attempts: 5 } },
    ]);
    expect(notices.filter((n) => n.notice.requestId === requestId).map((n) => n.status)).toEqual([500, 500, 500]);
  });
});
