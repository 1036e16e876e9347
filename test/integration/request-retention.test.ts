import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerTaskLink,
  bucketClient,
  decideOn,
  dieBeforeAuditing,
  linksIn,
  REQUESTS_TABLE,
  STAFF,
  staffToken,
  submit,
  submitConfirmed,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
  waitForFinal,
  waitForStatus,
} from '../harness';

/**
 * The service's own retention (docs/ARCHITECTURE.md, "Retention of request data"): packages go when
 * their link expires, a closed request's personal data after the controller's retention period.
 * The clock is moved by rewriting the stored times to the past, then the sweep runs.
 */
const local = useRuntime();
let s3: S3Client;
let approver: string;

beforeAll(async () => {
  s3 = bucketClient(local.rt.urls.s3);
  approver = await staffToken(local.rt, 'approver');
});

const DAY_MS = 86_400_000;
const key = (requestId: string) => ({ pk: `REQ#${requestId}`, sk: 'REQUEST' });

async function requestItem(requestId: string): Promise<Record<string, any>> {
  return (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: key(requestId), ConsistentRead: true }))).Item!;
}

/** Everything stored in a request's partition: the request, its branches and its audit events. */
async function partition(requestId: string): Promise<Record<string, any>[]> {
  const out = await local.db.send(
    new QueryCommand({
      TableName: REQUESTS_TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `REQ#${requestId}` },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

const auditEvents = async (requestId: string) => (await partition(requestId)).filter((i) => String(i.sk).startsWith('AUDIT#'));

/** The keys of the package bucket's objects that belong to a request (its package, its exports and uploads). */
async function objectsOf(requestId: string): Promise<string[]> {
  const keys: string[] = [];
  for (const Prefix of [`exports/${requestId}/`, `packages/${requestId}`]) {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: 'dsr-packages', Prefix }));
    keys.push(...(out.Contents ?? []).map((o) => o.Key!));
  }
  return keys.sort();
}

/** HMAC-SHA256 of the normalised address with the runtime's suppression key (its secret's value, kept in the data folder), as the repeat check keeps it. */
const hmacOf = (address: string) =>
  createHmac('sha256', readFileSync(join(local.dataDir, 'suppression.key'), 'utf8').trim())
    .update(address.trim().toLowerCase(), 'utf8')
    .digest('base64url');

/** The request's download link expired a minute ago: the stored expiry and the purge time move back. */
async function expireDownloadLink(requestId: string): Promise<string> {
  const past = new Date(Date.now() - 60_000).toISOString();
  await local.db.send(
    new UpdateCommand({
      TableName: REQUESTS_TABLE,
      Key: key(requestId),
      UpdateExpression: 'SET downloadExpiresAt = :t, purgeAt = :t',
      ExpressionAttributeValues: { ':t': past },
    }),
  );
  return past;
}

/**
 * The request closed `days` ago: its closing time (the completion, or for a withdrawal the last
 * history entry) and its purge time move back by as much.
 */
async function closedDaysAgo(requestId: string, days: number): Promise<string> {
  const stored = await requestItem(requestId);
  const closed = new Date(Date.now() - days * DAY_MS).toISOString();
  const last = (stored.history as unknown[]).length - 1;
  await local.db.send(
    new UpdateCommand({
      TableName: REQUESTS_TABLE,
      Key: key(requestId),
      UpdateExpression: `SET ${stored.completedAt ? 'completedAt = :closed, ' : ''}history[${last}].#at = :closed, purgeAt = :due`,
      ExpressionAttributeNames: { '#at': 'at' },
      ExpressionAttributeValues: { ':closed': closed, ':due': new Date(Date.parse(closed) + 30 * DAY_MS).toISOString() },
    }),
  );
  return closed;
}

/** Nothing the subject gave us appears in what is kept of a request: the request item and every audit event. */
function expectNothingPersonal(items: Record<string, any>[], personal: string[]): void {
  const text = JSON.stringify(items);
  for (const p of personal) expect(text, p).not.toContain(p);
}

describe("the service's own retention of an answered access request", () => {
  const address = 'ada@example.org';
  const message = 'Please include my old club records from 2019';
  let requestId: string;
  let statusUrl: string;
  let downloadUrl: string;

  it("schedules the package's deletion for when its download link expires, in the write that completes the request", async () => {
    ({ requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email: address, name: 'Ada Lovelace', message, locale: 'en' }));
    expect((await answerTaskLink(await taskLinkFor(local.rt, VENDOR, requestId), { file: { name: 'ledger.txt', content: 'Ada: 2 invoices' } })).status).toBe(
      200,
    );
    expect((await answerTaskLink(await taskLinkFor(local.rt, STAFF, requestId), { outcome: 'not_found', note: 'Nothing in the mailbox.' })).status).toBe(200);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    downloadUrl = linksIn(await waitForEmail(local.rt, address, 3)).find((l) => l.includes('/package?token='))!;
    expect(downloadUrl).toBeDefined();

    const stored = await requestItem(requestId);
    expect(stored).toMatchObject({ purgeCtl: 'demo-association', purgeAt: stored.downloadExpiresAt, packageKey: `packages/${requestId}.zip` });
    const objects = await objectsOf(requestId);
    expect(objects).toContain(`packages/${requestId}.zip`);
    expect(objects).toContain(`packages/${requestId}.html`);
    expect(objects).toContain(`exports/${requestId}/bookkeeping/ledger.txt`);
    expect(objects.filter((k) => k.endsWith('.ndjson')).length).toBeGreaterThan(0);
  });

  it('deletes the package and every export once the download link has expired, and the link then says the package was deleted', async () => {
    const before = await requestItem(requestId);
    const objects = await objectsOf(requestId);
    await expireDownloadLink(requestId);
    await local.rt.sweep();

    expect(await objectsOf(requestId)).toEqual([]);
    const stored = await requestItem(requestId);
    expect(stored.packageKey).toBeUndefined();
    expect(stored.packageDeletedAt).toEqual(expect.any(String));
    // Next: the personal data, the retention period after completion.
    expect(stored.purgeAt).toBe(new Date(Date.parse(before.completedAt) + 30 * DAY_MS).toISOString());
    expect(stored.email).toBe(address);
    const deleted = (await auditEvents(requestId)).filter((e) => e.event === 'package_deleted');
    expect(deleted).toHaveLength(1);
    expect(deleted[0]).toMatchObject({ actor: 'system', detail: { objects: objects.length } });

    const page = await fetch(downloadUrl, { redirect: 'manual' });
    expect(page.status).toBe(410);
    expect(await page.text()).toContain('Your copy of the data has been deleted');
    const asJson = await fetch(downloadUrl, { redirect: 'manual', headers: { accept: 'application/json' } });
    expect(asJson.status).toBe(410);
    expect(await asJson.json()).toMatchObject({ message: 'The package was deleted after its download link expired' });
    // Someone with the request's id and another token learns nothing of it, not even when its package went.
    const wrongToken = new URL(downloadUrl);
    wrongToken.searchParams.set('token', 'A'.repeat(wrongToken.searchParams.get('token')!.length));
    const guessed = await fetch(wrongToken, { redirect: 'manual' });
    expect(guessed.status).toBe(410);
    const guessedPage = await guessed.text();
    expect(guessedPage).not.toContain('has been deleted');
    expect(await (await fetch(statusUrl)).text()).toContain('when its download link expired');
  });

  it("erases a closed request's personal data after the retention period and keeps the evidence", async () => {
    const closed = await closedDaysAgo(requestId, 31);
    const before = await requestItem(requestId);
    await local.rt.sweep();

    const stored = await requestItem(requestId);
    for (const gone of ['email', 'name', 'details', 'purgeCtl', 'purgeAt']) expect(stored[gone], gone).toBeUndefined();
    expect(stored).toMatchObject({
      requestId,
      controllerId: 'demo-association',
      type: 'access',
      status: 'completed',
      completedAt: closed,
      onTime: true,
      receivedAt: before.receivedAt,
      dueAt: before.dueAt,
      history: before.history,
      packageDeletedAt: before.packageDeletedAt,
      personalDataErasedAt: expect.any(String),
      identityHash: hmacOf(address),
    });
    const events = await auditEvents(requestId);
    expect(events.filter((e) => e.event === 'personal_data_erased')).toHaveLength(1);
    // The branches keep what was done where; the staff note stays with them.
    expect((await partition(requestId)).filter((i) => String(i.sk).startsWith('BRANCH#')).length).toBe(7);
    expectNothingPersonal([stored, ...events], [address, 'Ada Lovelace', message]);
  });

  it('ends the status link with the personal data: it says so, and reads, withdraws and answers nothing', async () => {
    const key = new URL(statusUrl).searchParams.get('key')!;
    const stored = await requestItem(requestId);
    expect(stored.statusKey).toBeUndefined();
    expect(JSON.stringify(stored)).not.toContain(key);
    expect(stored.statusKeyHash).toEqual(expect.any(String));

    const page = await fetch(statusUrl);
    expect(page.status).toBe(410);
    const html = await page.text();
    expect(html).toContain('This status link no longer works');
    expect(html).toContain('were erased from this request on');
    expect(html).not.toContain('Membership register');
    const asJson = await fetch(statusUrl, { headers: { accept: 'application/json' } });
    expect(asJson.status).toBe(410);
    expect(await asJson.json()).toEqual({ message: "The status link ended when the request's personal data was erased", errors: { key: 'ended' } });

    // Another key is still just unknown; the ended key opens nothing else either.
    expect((await fetch(statusUrl.replace(/key=[^&]+/, `key=${'A'.repeat(43)}`))).status).toBe(404);
    const url = new URL(statusUrl);
    const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
    const withdraw = await fetch(`${url.origin}${url.pathname.replace(/\/status$/, '/cancel')}`, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ key }).toString(),
    });
    expect(withdraw.status).toBe(410);
    const reply = await fetch(`${url.origin}${url.pathname.replace(/\/status$/, '/reply')}`, {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ key, answer: 'hello' }).toString(),
    });
    expect(reply.status).toBe(404);
    expect((await requestItem(requestId)).status).toBe('completed');
  });

  it('changes nothing when the sweep runs again', async () => {
    const before = await partition(requestId);
    await local.rt.sweep();
    await local.rt.sweep();
    expect(await partition(requestId)).toEqual(before);
  });

  it('shows staff that the personal data was erased, rather than blanks', async () => {
    const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, {
      headers: { accept: 'application/json', authorization: `Bearer ${approver}` },
    });
    expect(res.status).toBe(200);
    const { request } = (await res.json()) as { request: Record<string, unknown> };
    expect(request).toMatchObject({ personalDataErasedAt: expect.any(String), packageDeletedAt: expect.any(String), status: 'completed' });
    expect(request.email).toBeUndefined();
    expect(JSON.stringify(request)).not.toContain('identityHash');
  });
});

describe("the service's own retention of refused and withdrawn requests", () => {
  it("erases a refused request's personal data after the retention period and keeps the refusal staff wrote", async () => {
    const address = 'bo@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      type: 'rectification',
      email: address,
      name: 'Bo Ek',
      rectifyAttribute: 'phone',
      inaccurate: 'My phone is 070-111',
      corrected: '070-222',
    });
    await waitForStatus(statusUrl, 'in_review');
    const refusal = 'The number we hold is the one you gave us last week.';
    expect((await decideOn(local.rt, approver, requestId, { decision: 'deny', reason: 'data_accurate', text: refusal })).status).toBe(200);
    await waitForFinal(statusUrl);
    for (const deadline = Date.now() + 10_000; (await requestItem(requestId)).openCtl !== undefined; ) {
      if (Date.now() > deadline) throw new Error('the refusal stayed among the open requests');
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await requestItem(requestId)).toMatchObject({ purgeCtl: 'demo-association', purgeAt: expect.any(String) });

    await closedDaysAgo(requestId, 31);
    await local.rt.sweep();
    const stored = await requestItem(requestId);
    for (const gone of ['email', 'name', 'details', 'purgeCtl', 'purgeAt']) expect(stored[gone], gone).toBeUndefined();
    expect(stored).toMatchObject({ status: 'denied', identityHash: hmacOf(address), denial: { reason: 'data_accurate', text: refusal } });
    const events = await auditEvents(requestId);
    expect(events.map((e) => e.event)).toContain('personal_data_erased');
    expectNothingPersonal([stored, ...events], [address, 'Bo Ek', '070-111', '070-222']);
  });

  it("erases a withdrawn request's personal data after the retention period, with the exports it had made", async () => {
    const address = 'cecilia@example.org';
    const message = 'Only the records of the choir, please';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email: address, name: 'Cecilia Berg', message });
    await taskLinkFor(local.rt, VENDOR, requestId);
    const url = new URL(statusUrl);
    const withdrawn = await fetch(`${url.origin}${url.pathname.replace(/\/status$/, '/cancel')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // The confirm page's form: a post without confirm=yes only asks.
      body: new URLSearchParams({ key: url.searchParams.get('key')!, confirm: 'yes' }).toString(),
    });
    expect(withdrawn.status).toBe(200);
    const cancelled = await requestItem(requestId);
    expect(cancelled).toMatchObject({ status: 'cancelled', purgeCtl: 'demo-association', email: address });
    expect((await objectsOf(requestId)).length).toBeGreaterThan(0);

    await closedDaysAgo(requestId, 31);
    await local.rt.sweep();
    const stored = await requestItem(requestId);
    for (const gone of ['email', 'name', 'details', 'purgeCtl', 'purgeAt']) expect(stored[gone], gone).toBeUndefined();
    expect(stored).toMatchObject({ status: 'cancelled', identityHash: hmacOf(address), personalDataErasedAt: expect.any(String) });
    expect(await objectsOf(requestId)).toEqual([]);
    expectNothingPersonal([stored, ...(await auditEvents(requestId))], [address, 'Cecilia Berg', message]);
  });

  it('keeps nothing the subject wrote of a request never confirmed', async () => {
    const message = 'Call me on 070-333 instead';
    const { requestId } = await submit(local.rt, { type: 'access', email: 'dan@example.org', name: 'Dan Dahl', message });
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: key(requestId),
        UpdateExpression: 'SET verifyExpiresAt = :t, openDue = :t',
        ExpressionAttributeValues: { ':t': new Date(Date.now() - 60_000).toISOString() },
      }),
    );
    await local.rt.sweep();
    const stored = await requestItem(requestId);
    expect(stored).toMatchObject({ status: 'closed_unverified', personalDataErasedAt: expect.any(String) });
    expect(stored.details).toBeUndefined();
    expect(stored.purgeCtl).toBeUndefined();
    expectNothingPersonal([stored], ['dan@example.org', 'Dan Dahl', message]);
  });
});

describe('a package deletion whose audit event a crash kept off the trail', () => {
  it('keeps the count of the objects it deleted with the deletion, and records it before staff read the trail', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email: 'elsa@example.org', locale: 'en' });
    expect((await answerTaskLink(await taskLinkFor(local.rt, VENDOR, requestId), { outcome: 'not_found', note: 'None.' })).status).toBe(200);
    expect((await answerTaskLink(await taskLinkFor(local.rt, STAFF, requestId), { outcome: 'not_found', note: 'None.' })).status).toBe(200);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const objects = (await objectsOf(requestId)).length;
    expect(objects).toBeGreaterThan(0);
    await expireDownloadLink(requestId);

    // The function dies after the deletion was written, before its event.
    const crash = await dieBeforeAuditing('package_deleted');
    try {
      await local.rt.sweep();
    } finally {
      crash.mockRestore();
    }
    expect(await objectsOf(requestId)).toEqual([]);
    expect((await requestItem(requestId)).packageDeletedAt).toEqual(expect.any(String));
    expect((await auditEvents(requestId)).filter((e) => e.event === 'package_deleted')).toEqual([]);

    // A repeat would find nothing left to count; the count came with the deletion's write.
    const exported = async () => {
      const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}/audit`, { headers: { authorization: `Bearer ${approver}` } });
      expect(res.status).toBe(200);
      const { events } = (await res.json()) as { events: { event: string }[] };
      return events.filter((e) => e.event === 'package_deleted');
    };
    expect(await exported()).toEqual([expect.objectContaining({ actor: 'system', detail: { objects } })]);
    // The view only appends to the trail: the entry stays for the next purge step, and a second export adds nothing.
    expect(await exported()).toHaveLength(1);
  });
});
