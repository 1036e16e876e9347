/**
 * The mailing tool's side of unsubscribing (issue 16, item 5) on the local runtime: Mailchimp's
 * webhook (a GET that checks the URL, form-encoded POSTs, the key in the URL since Mailchimp signs
 * nothing) withdraws consent like a one-click link, and the suppression check answers a signup
 * form, with the controller's API key, whether the address may be added again.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { captureOutput, poll, REQUESTS_TABLE, useRuntime } from '../harness';

const local = useRuntime();
const output = captureOutput();
let webhookKey: string;
let apiKey: string;

beforeAll(async () => {
  // The keys as the operator reads them from Secrets Manager (locally the runtime's endpoint), to
  // put one in Mailchimp's webhook URL and give the other to the signup form.
  const sm = new SecretsManagerClient({
    endpoint: local.rt.urls.secrets,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const read = async (id: string) => (await sm.send(new GetSecretValueCommand({ SecretId: id }))).SecretString!;
  webhookKey = await read('dsr/demo-association/mailchimp-webhook-key');
  apiKey = await read('dsr/demo-association/suppression-check-key');
});

const webhookUrl = (key?: string, tool = 'mailchimp') =>
  `${local.rt.urls.gateway}/v1/mailing-tools/demo-association/${tool}${key === undefined ? '' : `?key=${encodeURIComponent(key)}`}`;

/** A Mailchimp webhook POST, as Mailchimp sends it: form-encoded, nested names flattened. */
const mailchimp = (fields: Record<string, string>, key = webhookKey) =>
  fetch(webhookUrl(key), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'MailChimp' },
    body: new URLSearchParams(fields).toString(),
  });

const unsubscribeEvent = (email: string, listId = 'demo-members') => ({
  type: 'unsubscribe',
  fired_at: '2026-03-26 21:40:57',
  'data[action]': 'unsub',
  'data[reason]': 'manual',
  'data[id]': '8a25ff1d98',
  'data[list_id]': listId,
  'data[email]': email,
  'data[email_type]': 'html',
  'data[merges][EMAIL]': email,
  'data[ip_opt]': '10.20.10.30',
  'data[campaign_id]': 'cb398d21d2',
});

const check = (body: unknown, key: string | null = apiKey, contentType = 'application/json') =>
  fetch(`${local.rt.urls.gateway}/v1/suppression/check`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(key === null ? {} : { authorization: `Bearer ${key}` }) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

const onMailingList = async (email: string) =>
  (
    await local.db.send(
      new QueryCommand({
        TableName: 'demo-mailing-list',
        IndexName: 'by-email',
        KeyConditionExpression: 'email = :e',
        ExpressionAttributeValues: { ':e': email },
      }),
    )
  ).Items ?? [];

describe("Mailchimp's webhook", () => {
  it("answers Mailchimp's check of the URL with its key, and refuses a missing, wrong or unknown one", async () => {
    expect((await fetch(webhookUrl(webhookKey))).status).toBe(200);
    const missing = await fetch(webhookUrl());
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({ errors: { key: 'missing' } });
    const wrong = await fetch(webhookUrl('x'.repeat(64)));
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ errors: { key: 'not valid' } });
    expect((await fetch(webhookUrl(webhookKey, 'sendgrid'))).status).toBe(404);
    // The suppression check's key is not the webhook's.
    expect((await mailchimp(unsubscribeEvent('eve@example.org'), apiKey)).status).toBe(403);
  });

  it('withdraws consent to the list’s purpose: the store erases and suppresses, and the suppression check then says so', async () => {
    const email = 'dan@example.org';
    expect(await onMailingList(email)).toHaveLength(1);
    const before = await check({ email });
    expect(before.status).toBe(200);
    expect(await before.json()).toEqual({ suppressed: false });

    const res = await mailchimp(unsubscribeEvent(email));
    expect(res.status).toBe(200);
    const { requestId } = (await res.json()) as { requestId: string };
    // Mailchimp retries a webhook it thinks failed: the same event makes the same one request.
    expect(((await (await mailchimp(unsubscribeEvent(email))).json()) as { requestId: string }).requestId).toBe(requestId);

    const request = await poll(
      async () => {
        const item = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item;
        return item?.status === 'completed' ? item : undefined;
      },
      { timeoutMs: 30_000, failure: () => `request ${requestId} did not complete` },
    );
    expect(request).toMatchObject({ type: 'withdraw_consent', controllerId: 'demo-association', details: { consentPurposes: ['newsletter'] } });
    expect(await onMailingList(email)).toEqual([]);
    const trail = await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `REQ#${requestId}`, ':a': 'AUDIT#' },
      }),
    );
    expect(trail.Items!.find((e) => e.event === 'identity_verified')?.detail).toMatchObject({ by: 'mailing_tool_webhook' });
    expect(trail.Items!.find((e) => e.event === 'request_submitted')?.detail).toMatchObject({ mailingTool: 'mailchimp' });

    // Any spelling of the address is the same address.
    for (const spelling of [email, ' DAN@example.org ']) {
      const after = await check({ email: spelling.trim() });
      expect(await after.json()).toEqual({ suppressed: true });
    }
    expect(output.join('')).not.toContain(email);
    expect(output.join('').toLowerCase()).not.toContain('dan@example.org');
  });

  it('acknowledges other events without acting, and refuses a bad event by field, storing nothing', async () => {
    const subscribe = await mailchimp({ type: 'subscribe', 'data[email]': 'new@example.org', 'data[list_id]': 'demo-members' });
    expect(subscribe.status).toBe(200);
    expect(await subscribe.json()).toEqual({ ignored: true });

    const noAddress = await mailchimp({ type: 'unsubscribe', 'data[list_id]': 'demo-members' });
    expect(noAddress.status).toBe(400);
    expect((await noAddress.json()) as object).toMatchObject({ errors: { 'data[email]': 'data[email] is required' } });
    const badAddress = await mailchimp(unsubscribeEvent('not an address'));
    expect(badAddress.status).toBe(400);
    expect((await badAddress.json()) as object).toMatchObject({ errors: { 'data[email]': expect.stringContaining('email address') } });
    const otherList = await mailchimp(unsubscribeEvent('fay@example.org', 'someone-elses-list'));
    expect(otherList.status).toBe(400);
    expect((await otherList.json()) as object).toMatchObject({ errors: { 'data[list_id]': 'not declared in the register' } });
    const noType = await mailchimp({ 'data[email]': 'fay@example.org' });
    expect(noType.status).toBe(400);
    expect((await noType.json()) as object).toMatchObject({ errors: { type: 'type is required' } });

    // The test may scan (the service never does): no request holds either address.
    const stored = await local.db.send(
      new ScanCommand({
        TableName: REQUESTS_TABLE,
        FilterExpression: 'email IN (:a, :b)',
        ExpressionAttributeValues: { ':a': 'fay@example.org', ':b': 'new@example.org' },
      }),
    );
    expect(stored.Items).toEqual([]);
  });
});

describe('the suppression check', () => {
  it('needs the controller’s API key: 401 without one, 403 with a wrong one, before the body is read', async () => {
    const missing = await check({ email: 'ada@example.org' }, null);
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    const wrong = await check('not even json', 'y'.repeat(64));
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toMatchObject({ errors: { authorization: 'not valid' } });
    expect((await check({ email: 'ada@example.org' }, webhookKey)).status).toBe(403);
  });

  it('refuses a bad body by field', async () => {
    for (const body of [{}, { email: 'not an address' }, { email: 42 }]) {
      const res = await check(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await res.json()).toMatchObject({ errors: { email: expect.any(String) } });
    }
    const notJson = await check('{', apiKey);
    expect(notJson.status).toBe(400);
  });
});
