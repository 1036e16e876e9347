/**
 * The `http` kind through the local runtime: the demo register's Mailchimp processor at the demo
 * organising platform, reached through config/connectors/mailchimp.json, against the Mailchimp
 * fake `npm start` runs. Faults are planted in the fake for the vendor's bad days.
 */
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { readExport } from '../../functions/platform/package-bucket';
import { DEMO_LIST_ID } from '../../local/fakes/mailchimp';
import { REQUESTS_TABLE, storedBranch, submitConfirmed, useRuntime, waitForFinal } from '../harness';

const local = useRuntime();
const PLATFORM = 'demo-organising-platform';
const PROCESSOR = 'campaign-mailing';
const fake = () => local.rt.fakes.mailchimp;

const branchOf = (requestId: string) => storedBranch(local.db, requestId, PROCESSOR);

async function settled(requestId: string) {
  for (let i = 0; i < 300; i++) {
    const b = await branchOf(requestId);
    if (b?.status === 'completed' || b?.status === 'failed') return b;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`branch ${PROCESSOR} of ${requestId} never settled`);
}

let n = 0;
/** A request at the platform by a fresh subscriber (named, so no identity check stops it). */
async function request(type: 'access' | 'erasure' | 'objection', opts: { subscribe?: boolean; notes?: number; body?: Record<string, unknown> } = {}) {
  const email = `connector-${++n}-${Date.now()}@example.org`;
  if (opts.subscribe !== false) fake().subscribe(DEMO_LIST_ID, email, 'Test', opts.notes ?? 0);
  const { requestId, statusUrl } = await submitConfirmed(local.rt, { controller: PLATFORM, type, email, name: 'Test Person', ...opts.body });
  return { email, requestId, statusUrl };
}

afterEach(() => fake().reset());

describe('a Mailchimp audience through its connector', () => {
  it('answers an access request with the member and its notes, every page of them', async () => {
    const { requestId, statusUrl } = await request('access', { notes: 150 });
    const branch = await settled(requestId);
    expect(branch).toMatchObject({ status: 'completed', answer: { outcome: 'done' }, recordCount: 151 });
    const records = [];
    for await (const r of readExport(branch.exportKey)) records.push(r);
    expect(records).toHaveLength(151);
    expect(records[0]).toMatchObject({ status: 'subscribed', list_id: DEMO_LIST_ID });
    // Offset pages of 100: two of them.
    expect(
      fake()
        .calls.filter((c) => c.route.endsWith('/notes'))
        .map((c) => c.status),
    ).toEqual([200, 200]);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
  });

  it('erases a subscriber for good with the permanent delete, found case-insensitively', async () => {
    const { email, requestId } = await request('erasure');
    expect(fake().has(DEMO_LIST_ID, email)).toBeDefined();
    expect(await settled(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'done' } });
    expect(fake().has(DEMO_LIST_ID, email)).toBeUndefined();
    expect(fake().calls.map((c) => c.route.replace(/[0-9a-f]{32}/, '{hash}'))).toEqual([
      'GET /3.0/search-members',
      `POST /3.0/lists/${DEMO_LIST_ID}/members/{hash}/actions/delete-permanent`,
    ]);
  });

  it('answers not_found when the audience does not hold the subject, and when the delete answers 404', async () => {
    const absent = await request('erasure', { subscribe: false });
    expect(await settled(absent.requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'not_found' } });
    fake().fault({ match: /delete-permanent$/, answer: { status: 404, body: { title: 'Resource Not Found', status: 404 } } });
    const raced = await request('erasure');
    expect(await settled(raced.requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'not_found' } });
  });

  it('unsubscribes on an objection to direct marketing, saying what is kept', async () => {
    const { email, requestId } = await request('objection', { body: { objectionScope: 'direct_marketing' } });
    expect(await settled(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'partly', kept: expect.stringContaining('unsubscribed') } });
    expect(fake().has(DEMO_LIST_ID, email)?.status).toBe('unsubscribed');
  });

  it('waits out a 429 as Retry-After says, then completes', async () => {
    fake().fault({ match: /search-members$/, answer: { status: 429, body: { title: 'Too Many Requests' }, headers: { 'retry-after': '1' } } });
    const { requestId } = await request('erasure');
    expect(await settled(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'done' } });
    const search = fake().calls.filter((c) => c.route.endsWith('search-members'));
    expect(search.map((c) => c.status)).toEqual([429, 200]);
    expect(search[1]!.at - search[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it.each([
    ['a status the definition does not map', { match: /search-members$/, answer: { status: 418, body: {} } }, 'ConnectorUnmappedStatus'],
    [
      'a redirect off the allowed hosts',
      { match: /search-members$/, answer: { status: 302, headers: { location: 'http://attacker.example/collect' } } },
      'ConnectorHostRefused',
    ],
    [
      'HTML instead of JSON',
      { match: /search-members$/, answer: { raw: '<html>Log in</html>', headers: { 'content-type': 'text/html' } } },
      'ConnectorNotJson',
    ],
    [
      'a body over the size limit',
      { match: /search-members$/, answer: { raw: JSON.stringify({ pad: 'x'.repeat(6 * 1024 * 1024) }), headers: { 'content-type': 'application/json' } } },
      'ConnectorResponseTooLarge',
    ],
  ])('fails the branch, not the request, on %s', async (_what, fault, errorClass) => {
    fake().fault({ ...fault, times: 10 });
    const { requestId } = await request('erasure');
    expect(await settled(requestId)).toMatchObject({ status: 'failed', errorClass });
    // Refused, never retried against the vendor.
    expect(fake().calls.filter((c) => c.route.endsWith('search-members'))).toHaveLength(1);
  });

  it('sends an endless pagination to staff review at its page limit', async () => {
    const page = { notes: Array.from({ length: 100 }, (_, i) => ({ id: i, note: 'n' })), total_items: 1e6 };
    fake().fault({ match: /\/notes$/, times: 1000, answer: { status: 200, body: page } });
    const { requestId } = await request('access');
    expect(await settled(requestId)).toMatchObject({ status: 'failed', errorClass: 'ConnectorPageLimit' });
    expect(fake().calls.filter((c) => c.route.endsWith('/notes'))).toHaveLength(20);
  });
});

describe("the connector's call schedule in DynamoDB", () => {
  const slots = () => import('../../functions/platform/data/connector-calls');
  const scheduleKey = (controller: string, processor: string) => ({ pk: `LIMIT#connector#${controller}#${processor}`, sk: 'CALLS' });
  const nextOf = async (controller: string, processor: string) =>
    (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: scheduleKey(controller, processor), ConsistentRead: true }))).Item?.next;

  it('hands out slots at the pace, and none past the time a taker waits to: the queue stays as it was', async () => {
    const { takeCallSlot, slotInterval } = await slots();
    const controller = `schedule-${Date.now()}`;
    const gap = slotInterval(10);
    const now = Date.now();
    expect(await takeCallSlot(controller, 'vendor', 10, 1, now)).toBe(now);
    expect(await takeCallSlot(controller, 'vendor', 10, 1, now)).toBe(now + gap);
    // The next slot is now + 2 gaps: a taker that waits only to now + 1 gap gets none, and spends none.
    expect(await takeCallSlot(controller, 'vendor', 10, 1, now, now + gap)).toBeUndefined();
    expect(await nextOf(controller, 'vendor')).toBe(now + 2 * gap);
    // The one that waits long enough gets the very slot the other did not take.
    expect(await takeCallSlot(controller, 'vendor', 10, 1, now, now + 2 * gap)).toBe(now + 2 * gap);
    expect(await nextOf(controller, 'vendor')).toBe(now + 3 * gap);
  });

  it('starts an idle schedule from now whatever the bound, so a bound never refuses an empty queue', async () => {
    const { takeCallSlot } = await slots();
    const controller = `idle-${Date.now()}`;
    const now = Date.now();
    // Idle since long ago: the stored next slot lies far in the past.
    await local.db.send(new PutCommand({ TableName: REQUESTS_TABLE, Item: { ...scheduleKey(controller, 'vendor'), next: now - 3_600_000 } }));
    expect(await takeCallSlot(controller, 'vendor', 10, 1, now, now)).toBe(now);
  });

  it('ends an attempt behind a long queue ConnectorBusy without calling or taking a slot, and runs it once the queue is gone', async () => {
    const key = scheduleKey(PLATFORM, PROCESSOR);
    const queuedTo = Date.now() + 10 * 60_000;
    await local.db.send(new PutCommand({ TableName: REQUESTS_TABLE, Item: { ...key, next: queuedTo } }));
    const { requestId } = await request('erasure');
    for (let i = 0; i < 300 && (await branchOf(requestId))?.errorClass !== 'ConnectorBusy'; i++) await new Promise((r) => setTimeout(r, 100));
    const busy = await branchOf(requestId);
    expect(busy).toMatchObject({ status: 'waiting', errorClass: 'ConnectorBusy' });
    // The workflow retries the branch (scaled down here), and every attempt leaves the queue as it was.
    for (let i = 0; i < 300 && Number((await branchOf(requestId))?.attempts) < 3; i++) await new Promise((r) => setTimeout(r, 100));
    expect(Number((await branchOf(requestId))?.attempts)).toBeGreaterThanOrEqual(3);
    expect(await nextOf(PLATFORM, PROCESSOR)).toBe(queuedTo);
    expect(fake().calls).toEqual([]);
    await local.db.send(new DeleteCommand({ TableName: REQUESTS_TABLE, Key: key }));
    expect(await settled(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'done' } });
    expect(fake().calls.map((c) => c.status)).toEqual([200, 204]);
  });
});
