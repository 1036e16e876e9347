/**
 * The `lambda` kind through the local runtime: the organisation's own function (a fixture the
 * runtime serves on Lambda's Invoke API) answers at once in its return value, or later by the
 * one-time callback its event carries; a callback without that token records nothing.
 */
import { GetObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PACKAGE_BUCKET } from '../../local/provision';
import { inhouseLambda } from '../fixtures/inhouse-lambda';
import { bucketClient, captureOutput, poll, requestPartition, storedBranch, submitConfirmed, useRuntime, waitForFinal } from '../harness';

const CONTROLLER = 'demo-campaign-office';
const local = useRuntime({
  inhouseFunctions: { 'demo-campaign-app': 'test/fixtures/inhouse-lambda.ts' },
  environment: { DEMO_INHOUSE_DELAY_MS: '50' },
});
const output = captureOutput();
let s3: S3Client;

beforeAll(() => {
  s3 = bucketClient(local.rt.urls.s3);
});
beforeEach(() => {
  inhouseLambda.reply = undefined;
});

const branchOf = async (requestId: string) => (await storedBranch(local.db, requestId, 'campaign-app'))!;
const waitForBranch = (requestId: string, status: string) =>
  poll(async () => ((await branchOf(requestId))?.status === status ? branchOf(requestId) : undefined), {
    timeoutMs: 20_000,
    failure: async () => `branch still ${(await branchOf(requestId))?.status}`,
  });
const eventFor = (requestId: string) =>
  poll(async () => inhouseLambda.events.find((e) => e.requestId === requestId), { timeoutMs: 20_000, failure: () => 'the function was not invoked' });
/** What the request holds about this processor: its branch and its audit events (the volunteer portal answers meanwhile). */
const appItems = async (requestId: string) =>
  (await requestPartition(local.db, requestId)).filter(
    (i) => i.sk === 'BRANCH#campaign-app' || (i.detail as { processorId?: string } | undefined)?.processorId === 'campaign-app',
  );
const postCallback = (url: string, body: unknown, token?: string) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('the lambda kind', () => {
  it('is invoked with the versioned event and answers at once: its answer and records are recorded', async () => {
    inhouseLambda.reply = (e) => ({
      answer: { outcome: 'done' },
      records: [
        { record: 'volunteer', email: e.subject.email },
        { record: 'action', name: 'Leafleting' },
      ],
    });
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email: 'lambda-now@example.org', locale: 'en', controller: CONTROLLER });
    const event = await eventFor(requestId);
    expect(event).toMatchObject({
      version: '1',
      requestId,
      processorId: 'campaign-app',
      controllerId: CONTROLLER,
      right: 'access',
      action: 'export',
      subject: { email: 'lambda-now@example.org' },
    });
    expect(event.callback.url).toBe(`${local.rt.urls.gateway}/v1/webhooks/callback/${requestId}/campaign-app`);
    expect(event.callback.token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const branch = await waitForBranch(requestId, 'completed');
    expect(branch).toMatchObject({ answer: { outcome: 'done' }, recordCount: 2 });
    const object = await s3.send(new GetObjectCommand({ Bucket: PACKAGE_BUCKET, Key: branch.exportKey }));
    const lines = (await object.Body!.transformToString())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { record: 'volunteer', email: 'lambda-now@example.org' },
      { record: 'action', name: 'Leafleting' },
    ]);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
  });

  it('answers later through the callback; a callback without the event’s token is refused and records nothing', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      type: 'erasure',
      email: 'lambda-later@example.org',
      locale: 'en',
      controller: CONTROLLER,
    });
    const event = await eventFor(requestId);
    expect(event.action).toBe('erase');
    // Waiting, and the submit step has ended (its event recorded).
    await poll(async () => ((await appItems(requestId)).some((i) => i.event === 'branch_submitted') ? true : undefined), {
      timeoutMs: 20_000,
      failure: () => 'the submission was not recorded',
    });
    expect((await branchOf(requestId)).status).toBe('waiting');
    const before = await appItems(requestId);

    for (const token of [undefined, 'A'.repeat(43), 'not-a-token']) {
      const refused = await postCallback(event.callback.url, { answer: { outcome: 'done' } }, token);
      expect(refused.status).toBe(401);
      expect(await refused.json()).toMatchObject({ errors: { authorization: 'is not the token of this branch' } });
    }
    expect(await appItems(requestId)).toEqual(before);

    const garbage = await postCallback(event.callback.url, { answer: { outcome: 'erased-probably' } }, event.callback.token);
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ errors: { 'answer.outcome': 'outcome must be one of: done, not_found, retained, partly' } });
    // The one answer schema: a kept answer says on what basis, until a date still to come.
    const past = await postCallback(
      event.callback.url,
      { answer: { outcome: 'retained', basis: 'Bookkeeping Act', until: '2020-01-01' } },
      event.callback.token,
    );
    expect(past.status).toBe(400);
    expect(await past.json()).toEqual({
      message: 'The answer has invalid fields: answer.until (until must be a date in the future)',
      errors: { 'answer.until': 'until must be a date in the future' },
    });
    const partly = await postCallback(event.callback.url, { answer: { outcome: 'partly', kept: 'Donation records' } }, event.callback.token);
    expect(partly.status).toBe(400);
    expect(((await partly.json()) as { errors: unknown }).errors).toEqual({
      'answer.reason': expect.stringContaining('reason is required when outcome is partly'),
    });
    expect(await appItems(requestId)).toEqual(before);

    const answered = await postCallback(event.callback.url, { answer: { outcome: 'done' } }, event.callback.token);
    expect(answered.status).toBe(200);
    expect(await branchOf(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'done' } });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    // A second use changes nothing.
    expect(await (await postCallback(event.callback.url, { answer: { outcome: 'not_found' } }, event.callback.token)).json()).toMatchObject({
      message: 'already answered',
    });
    expect((await branchOf(requestId)).answer).toEqual({ outcome: 'done' });
  });

  it('records an erasure the function answers `retained`, with its basis and until when', async () => {
    inhouseLambda.reply = () => ({ answer: { outcome: 'retained', basis: 'Bookkeeping Act (1999:1078)', until: '2033-12-31' } });
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      type: 'erasure',
      email: 'lambda-hold@example.org',
      locale: 'en',
      controller: CONTROLLER,
    });
    const branch = await waitForBranch(requestId, 'completed');
    expect(branch.answer).toEqual({ outcome: 'retained', basis: 'Bookkeeping Act (1999:1078)', until: '2033-12-31' });
    await waitForFinal(statusUrl);
  });

  it('fails the branch loudly on an answer it cannot use, naming the class, never the value', async () => {
    inhouseLambda.reply = () => ({ answer: { outcome: 'erased' }, secretNote: 'lambda-bad@example.org' });
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email: 'lambda-bad@example.org', locale: 'en', controller: CONTROLLER });
    const branch = await waitForBranch(requestId, 'failed');
    expect(branch.errorClass).toBe('LambdaBadResponse');
    expect(branch.answer).toBeUndefined();
  });

  it('refuses an answer at once that keeps the data until a date already past: the branch fails by class, nothing of the answer stored', async () => {
    inhouseLambda.reply = () => ({ answer: { outcome: 'retained', basis: 'Bookkeeping Act (1999:1078)', until: '2020-12-31' } });
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email: 'lambda-past@example.org', locale: 'en', controller: CONTROLLER });
    const branch = await waitForBranch(requestId, 'failed');
    expect(branch.errorClass).toBe('LambdaBadResponse');
    expect(branch.answer).toBeUndefined();
    expect((await appItems(requestId)).some((i) => i.event === 'branch_completed')).toBe(false);
    // The operator's log names the field, and only the field.
    const refusal = output
      .join('')
      .split('\n')
      .find((l) => l.includes('Lambda processor answered invalid fields') && l.includes(requestId));
    expect(refusal).toContain('answer.until');
    expect(refusal).not.toContain('2020-12-31');
  });

  it('never logs the subject', () => {
    const logs = output.join('');
    for (const address of [
      'lambda-now@example.org',
      'lambda-later@example.org',
      'lambda-hold@example.org',
      'lambda-bad@example.org',
      'lambda-past@example.org',
    ])
      expect(logs).not.toContain(address);
  });
});
