/**
 * The `webhook` kind through the local runtime: a receiver of the test's own (node:http, checking
 * the service's signature as the README's does) answers at once (200 with the answer) or later
 * (202, then a signed callback). A callback with a bad signature or a replayed timestamp is
 * refused with a 4xx and records nothing.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_BUCKET } from '../../local/provision';
import { bucketClient, captureOutput, poll, requestPartition, storedBranch, submitConfirmed, useRuntime, waitForFinal } from '../harness';

const CONTROLLER = 'demo-campaign-office';
const SECRET = 'test-volunteer-portal-secret-0123456789abcdef';

type Event = { requestId: string; action: string; right: string; subject: { email: string }; callback: { url: string; token?: string } };
const received: { event: Event; signature: string }[] = [];
let reply: (event: Event) => { status: number; body?: unknown } = () => ({ status: 202 });
let unsigned = 0;

const sign = (body: string, t = Math.floor(Date.now() / 1000), secret = SECRET) =>
  `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
function signedBySecret(header: string, body: string): boolean {
  const parts = new Map(header.split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.get('t'));
  const expected = Buffer.from(sign(body, t).split('v1=')[1]!, 'hex');
  const given = Buffer.from(parts.get('v1') ?? '', 'hex');
  return Math.abs(Date.now() / 1000 - t) <= 300 && given.length === expected.length && timingSafeEqual(given, expected);
}

// The organisation's endpoint, started before the runtime so the register can point at it.
const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const signature = String(req.headers['x-dsr-signature'] ?? '');
    if (!signedBySecret(signature, body)) {
      unsigned++;
      res.writeHead(401).end();
      return;
    }
    const event = JSON.parse(body) as Event;
    received.push({ event, signature });
    const { status, body: answer } = reply(event);
    res.writeHead(status, { 'content-type': 'application/json' }).end(answer === undefined ? '' : JSON.stringify(answer));
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dsr`;
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

const local = useRuntime({
  inhouseWebhookUrl: receiverUrl,
  processorSecrets: { 'demo-volunteer-portal-webhook': SECRET },
  environment: { DEMO_INHOUSE_DELAY_MS: '50' },
});
const output = captureOutput();
let s3: S3Client;
beforeAll(() => {
  s3 = bucketClient(local.rt.urls.s3);
});
beforeEach(() => {
  reply = () => ({ status: 202 });
});

const branchOf = async (requestId: string) => (await storedBranch(local.db, requestId, 'volunteer-portal'))!;
const waitForBranch = (requestId: string, status: string) =>
  poll(async () => ((await branchOf(requestId))?.status === status ? branchOf(requestId) : undefined), {
    timeoutMs: 20_000,
    failure: async () => `branch still ${(await branchOf(requestId))?.status}`,
  });
const eventFor = (requestId: string) =>
  poll(async () => received.find((r) => r.event.requestId === requestId)?.event, { timeoutMs: 20_000, failure: () => 'the endpoint was not called' });
/** What the request holds about this processor: its branch and its audit events (the campaign app's Lambda answers meanwhile). */
const portalItems = async (requestId: string) =>
  (await requestPartition(local.db, requestId)).filter(
    (i) => i.sk === 'BRANCH#volunteer-portal' || (i.detail as { processorId?: string } | undefined)?.processorId === 'volunteer-portal',
  );
/** The branch waits and its submission is recorded (the step has ended). */
const waitForSubmitted = (requestId: string) =>
  poll(async () => ((await portalItems(requestId)).some((i) => i.event === 'branch_submitted') ? true : undefined), {
    timeoutMs: 20_000,
    failure: () => 'the submission was not recorded',
  });
const callback = (url: string, body: string, signature?: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(signature ? { 'x-dsr-signature': signature } : {}) }, body });

describe('the webhook kind', () => {
  it('POSTs the versioned event, signed, and records an answer given at once with its records', async () => {
    reply = (e) => ({ status: 200, body: { answer: { outcome: 'done' }, records: [{ record: 'volunteer', email: e.subject.email, skills: ['driving'] }] } });
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email: 'hook-now@example.org', locale: 'en', controller: CONTROLLER });
    const event = await eventFor(requestId);
    expect(event).toMatchObject({
      version: '1',
      requestId,
      processorId: 'volunteer-portal',
      right: 'access',
      action: 'export',
      subject: { email: 'hook-now@example.org' },
    });
    expect(event.callback).toEqual({ url: `${local.rt.urls.gateway}/v1/webhooks/callback/${requestId}/volunteer-portal` });
    const branch = await waitForBranch(requestId, 'completed');
    expect(branch).toMatchObject({ answer: { outcome: 'done' }, recordCount: 1 });
    const object = await s3.send(new GetObjectCommand({ Bucket: PACKAGE_BUCKET, Key: branch.exportKey }));
    expect(JSON.parse(await object.Body!.transformToString())).toEqual({ record: 'volunteer', email: 'hook-now@example.org', skills: ['driving'] });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    expect(unsigned).toBe(0);
  });

  it('answers later by a signed callback; a bad signature or a replayed timestamp is refused and records nothing', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      type: 'erasure',
      email: 'hook-later@example.org',
      locale: 'en',
      controller: CONTROLLER,
    });
    const event = await eventFor(requestId);
    expect(event.action).toBe('erase');
    await waitForSubmitted(requestId);
    const before = await portalItems(requestId);
    const body = JSON.stringify({ answer: { outcome: 'done' } });
    const now = Math.floor(Date.now() / 1000);

    const refusals: [string | undefined, string][] = [
      [undefined, 'missing'],
      ['t=abc,v1=00', 'malformed'],
      [sign(body, now, 'another-secret-of-at-least-32-characters'), 'does not match'],
      [sign(JSON.stringify({ answer: { outcome: 'not_found' } }), now), 'does not match'],
      // A request captured ten minutes ago, sent again: rightly signed, too old.
      [sign(body, now - 600), 'outside the replay window'],
      [sign(body, now + 600), 'outside the replay window'],
    ];
    for (const [signature, problem] of refusals) {
      const res = await callback(event.callback.url, body, signature);
      expect(res.status, problem).toBe(401);
      expect(await res.json()).toMatchObject({ errors: { 'x-dsr-signature': problem } });
    }
    expect(await portalItems(requestId)).toEqual(before);

    const answered = await callback(event.callback.url, body, sign(body));
    expect(answered.status).toBe(200);
    expect(await branchOf(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'done' } });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
  });

  it('records an erasure answered `retained` (or `partly`) by callback', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email: 'hook-hold@example.org', locale: 'en', controller: CONTROLLER });
    const event = await eventFor(requestId);
    await waitForBranch(requestId, 'waiting');
    const body = JSON.stringify({ answer: { outcome: 'retained', basis: 'Bookkeeping Act (1999:1078): donation records', until: '2033-12-31' } });
    expect((await callback(event.callback.url, body, sign(body))).status).toBe(200);
    expect((await branchOf(requestId)).answer).toEqual({ outcome: 'retained', basis: 'Bookkeeping Act (1999:1078): donation records', until: '2033-12-31' });
    await waitForFinal(statusUrl);
  });

  it('refuses a callback whose answer lacks what the outcome needs, naming the field, and records nothing', async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email: 'hook-vague@example.org', locale: 'en', controller: CONTROLLER });
    const event = await eventFor(requestId);
    await waitForSubmitted(requestId);
    const before = await portalItems(requestId);
    const answers: [unknown, Record<string, unknown>][] = [
      [{ outcome: 'retained', until: '2033-12-31' }, { 'answer.basis': expect.stringContaining('basis is required when outcome is retained') }],
      [{ outcome: 'retained', basis: 'Bookkeeping Act', until: '2021-06-30' }, { 'answer.until': 'until must be a date in the future' }],
      [{ outcome: 'partly', reason: 'Bookkeeping Act' }, { 'answer.kept': expect.stringContaining('kept is required when outcome is partly') }],
    ];
    for (const [answer, errors] of answers) {
      const body = JSON.stringify({ answer });
      const res = await callback(event.callback.url, body, sign(body));
      expect(res.status).toBe(400);
      const refused = (await res.json()) as { message: string; errors: Record<string, string> };
      expect(refused.errors).toEqual(errors);
      expect(refused.message).toContain(Object.keys(errors)[0]);
    }
    expect(await portalItems(requestId)).toEqual(before);
  });

  it('fails the branch on an answer at once with a past until, storing nothing of it', async () => {
    reply = () => ({ status: 200, body: { answer: { outcome: 'partly', kept: 'Donation records', reason: 'Bookkeeping Act', until: '2019-01-01' } } });
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email: 'hook-past@example.org', locale: 'en', controller: CONTROLLER });
    const branch = await waitForBranch(requestId, 'failed');
    expect(branch.errorClass).toBe('WebhookBadResponse');
    expect(branch.answer).toBeUndefined();
    expect((await portalItems(requestId)).some((i) => i.event === 'branch_completed')).toBe(false);
    const refusal = output
      .join('')
      .split('\n')
      .find((l) => l.includes('webhook processor answered invalid fields') && l.includes(requestId));
    expect(refusal).toContain('answer.until');
  });

  it('fails the branch when the endpoint refuses the request', async () => {
    reply = () => ({ status: 403 });
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email: 'hook-refused@example.org', locale: 'en', controller: CONTROLLER });
    expect((await waitForBranch(requestId, 'failed')).errorClass).toBe('WebhookRejected');
  });

  it('refuses a callback for a branch that is not a webhook’s or a Lambda’s', async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'access', email: 'hook-other@example.org', locale: 'en' });
    const body = JSON.stringify({ answer: { outcome: 'done' } });
    const res = await callback(`${local.rt.urls.gateway}/v1/webhooks/callback/${requestId}/bookkeeping`, body, sign(body));
    expect(res.status).toBe(404);
  });

  it('never logs the subject', () => {
    const logs = output.join('');
    for (const local of ['hook-now', 'hook-later', 'hook-hold', 'hook-vague', 'hook-past', 'hook-refused', 'hook-other'])
      expect(logs).not.toContain(`${local}@example.org`);
  });
});
