import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  confirmFromEmail,
  REQUESTS_TABLE,
  STAFF,
  staffToken,
  statusLinkIn,
  submit,
  submitConfirmed,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
  waitForStatus,
} from '../harness';

/**
 * The staff console on the local runtime: a staff member signs in at the local identity provider
 * (`/local/sign-in`, the stand-in for the Cognito hosted UI), and the staff API behind the gateway's
 * JWT check lists open requests and shows one.
 */

const local = useRuntime();
let access: { requestId: string; statusKey: string };
let erasure: { requestId: string };

beforeAll(async () => {
  // Two confirmed requests; the demo's email vendor and staff task keep them open (in progress).
  const a = await submit(local.rt, { controller: 'demo-association', type: 'access', email: 'ada@example.org', name: 'Ada Lovelace' });
  const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'ada@example.org'));
  access = { requestId: a.requestId, statusKey: new URL(statusLinkIn(await confirmed.text())).searchParams.get('key')! };
  const e = await submit(local.rt, { controller: 'demo-association', type: 'erasure', email: 'grace@example.org' });
  await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'grace@example.org'));
  erasure = { requestId: e.requestId };
  // By the time the vendor and the staff member have their links, the branches hold task tokens and link hashes.
  for (const to of [VENDOR, STAFF]) await taskLinkFor(local.rt, to, access.requestId);
});

/** Signs in at the local identity provider like the console's sign-in page does, and returns the id token. */
function signIn(role: string, controllers = 'demo-association', username = 'staff-1'): Promise<string> {
  return staffToken(local.rt, role, controllers, username);
}

function staffGet(path: string, token?: string): Promise<Response> {
  return fetch(`${local.rt.urls.gateway}${path}`, {
    headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });
}

interface Item {
  requestId: string;
  controllerId: string;
  type: string;
  status: string;
  createdAt: string;
  receivedAt: string;
  dueAt: string;
  overdue: boolean;
  waitsForStaff: boolean;
}

async function list(token: string, query = ''): Promise<Item[]> {
  const res = await staffGet(`/v1/staff/requests${query}`, token);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/json/);
  return ((await res.json()) as { requests: Item[] }).requests;
}

describe('the staff API', () => {
  it("lists confirmed requests of the caller's controllers, earliest deadline first", async () => {
    const token = await signIn('viewer');
    const items = await list(token);
    const ids = items.map((i) => i.requestId);
    expect(ids).toEqual(expect.arrayContaining([access.requestId, erasure.requestId]));
    const mine = items.find((i) => i.requestId === access.requestId)!;
    expect(mine).toMatchObject({ controllerId: 'demo-association', controllerName: 'Demo Association', type: 'access', overdue: false });
    expect(['received', 'in_progress']).toContain(mine.status);
    expect(Date.parse(mine.dueAt)).toBeGreaterThan(Date.now());
    expect(Date.parse(mine.receivedAt)).toBeLessThanOrEqual(Date.now());
    expect(mine.waitsForStaff).toBe(false);
    expect(Object.keys(mine).sort()).toEqual([
      'controllerId',
      'controllerName',
      'createdAt',
      'dueAt',
      'overdue',
      'receivedAt',
      'requestId',
      'status',
      'type',
      'waitsForStaff',
    ]);
    const dues = items.map((i) => Date.parse(i.dueAt));
    expect(dues).toEqual([...dues].sort((x, y) => x - y));
    // The list names no person.
    expect(JSON.stringify(items)).not.toMatch(/@example\.org|Lovelace/);
  });

  it('filters by right, status, controller, due date and overdue', async () => {
    const token = await signIn('approver');
    const ids = async (q: string) => (await list(token, q)).map((i) => i.requestId);
    expect(await ids('?type=erasure')).toEqual([erasure.requestId]);
    expect(await ids('?type=access')).toEqual([access.requestId]);
    expect(await ids('?controller=demo-association')).toHaveLength(2);
    expect(await ids('?dueWithinDays=1')).toEqual([]);
    expect(await ids('?dueWithinDays=365')).toHaveLength(2);
    expect(await ids('?overdue=true')).toEqual([]);
    expect(await ids('?overdue=false&type=access')).toEqual([access.requestId]);
    expect(await ids('?status=completed')).toEqual([]);
    // Requests still waiting for confirmation are listed only when asked for.
    const pending = await submit(local.rt, { controller: 'demo-association', type: 'access', email: 'unconfirmed@example.org' });
    expect(await ids('')).not.toContain(pending.requestId);
    expect(await ids('?status=awaiting_verification')).toEqual([pending.requestId]);
  });

  it.each([
    ['status', 'open'],
    ['type', 'everything'],
    ['controller', 'no-such-controller'],
    ['dueWithinDays', '0'],
    ['dueWithinDays', '400'],
    ['overdue', 'maybe'],
  ])('refuses the filter %s=%s with 400 naming the field', async (field, value) => {
    const res = await staffGet(`/v1/staff/requests?${new URLSearchParams({ [field]: value })}`, await signIn('viewer'));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { message: string; errors: Record<string, string> };
    expect(Object.keys(body.errors)).toEqual([field]);
  });

  it("shows one request with the subject's address and name, its branches and its timeline, and never a secret", async () => {
    const token = await signIn('viewer');
    const res = await staffGet(`/v1/staff/requests/${access.requestId}`, token);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text) as {
      request: Record<string, unknown>;
      branches: { processorId: string; status: string; kind: string }[];
      timeline: { event: string; at: string; actor: string }[];
    };
    expect(body.request).toMatchObject({
      requestId: access.requestId,
      email: 'ada@example.org',
      name: 'Ada Lovelace',
      type: 'access',
      controllerName: 'Demo Association',
    });
    expect(body.branches.map((b) => b.processorId)).toEqual(expect.arrayContaining(['members', 'bookkeeping', 'shared-mailbox']));
    expect(body.branches.find((b) => b.processorId === 'bookkeeping')!.status).toBe('waiting');
    expect(body.timeline.length).toBeGreaterThanOrEqual(2);
    const times = body.timeline.map((e) => e.at);
    expect(times).toEqual([...times].sort());

    // What the table holds and staff must not see: the status key, token hashes, task tokens.
    const stored = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${access.requestId}`, sk: 'BRANCH#bookkeeping' } }))).Item!;
    expect(stored.taskToken).toBeTruthy();
    expect(stored.linkTokenHash).toBeTruthy();
    for (const secret of [access.statusKey, stored.taskToken as string, stored.linkTokenHash as string]) expect(text).not.toContain(secret);
    for (const name of ['statusKey', 'TokenHash', 'taskToken', 'verifyTokenUsedHash', 'packageKey', 'exportKey', 'openCtl']) expect(text).not.toContain(name);
  });

  it('answers 404 alike for an unknown request and for one of a controller the caller may not see', async () => {
    const other = await signIn('approver', 'another-controller');
    const unknown = await staffGet('/v1/staff/requests/00000000-0000-4000-8000-000000000000', other);
    const notYours = await staffGet(`/v1/staff/requests/${access.requestId}`, other);
    expect(unknown.status).toBe(404);
    expect(notYours.status).toBe(404);
    expect(await notYours.json()).toEqual(await unknown.json());
    expect(await list(other)).toEqual([]);
    // `*` sees every controller.
    const all = await signIn('viewer', '*');
    expect((await staffGet(`/v1/staff/requests/${access.requestId}`, all)).status).toBe(200);
  });

  it('refuses a signed-in person without a staff role with 403 naming the role, and anyone without a valid token with 401', async () => {
    const none = await signIn('none');
    for (const path of ['/v1/staff/requests', `/v1/staff/requests/${access.requestId}`]) {
      const forbidden = await staffGet(path, none);
      expect(forbidden.status).toBe(403);
      expect(JSON.stringify(await forbidden.json())).toContain('viewer or approver');
      expect((await staffGet(path)).status).toBe(401);
      expect((await staffGet(path, 'not.a.token')).status).toBe(401);
    }
  });
});

describe('a request waiting for review', () => {
  it("shows an approver why it waits, what the subject wrote and what may be decided; a viewer the same without decisions; never the review's task token", async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-association',
      type: 'rectification',
      email: 'rectify@example.org',
      rectifyAttribute: 'phone',
      inaccurate: 'My phone number is 070-000 00 00',
      corrected: '070-123 45 67',
    });
    await waitForStatus(statusUrl, 'in_review');
    const key = { pk: `REQ#${requestId}`, sk: 'REQUEST' };
    await expect
      .poll(async () => (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: key }))).Item?.reviewTaskToken, { timeout: 20_000 })
      .toBeTruthy();
    const stored = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: key }))).Item!;

    const approver = await signIn('approver');
    const res = await staffGet(`/v1/staff/requests/${requestId}`, approver);
    expect(res.status).toBe(200);
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.request).toMatchObject({
      status: 'in_review',
      waitsForStaff: true,
      details: { rectification: { attribute: 'phone', inaccurate: 'My phone number is 070-000 00 00', corrected: '070-123 45 67' } },
      denial: null,
      extension: null,
      infoRequest: null,
    });
    expect(body.review).toMatchObject({ stage: 'screening', reasons: expect.arrayContaining(['rectification']) });
    expect(body.mayDecide).toBe(true);
    expect(body.allowedDecisions).toMatchObject({ approve: true, deny: true, request_info: true });
    expect(body.denialTemplates.map((t: { reason: string }) => t.reason)).toContain('data_accurate');
    for (const secret of [stored.reviewTaskToken as string, stored.statusKey as string]) expect(text).not.toContain(secret);
    for (const name of ['reviewTaskToken', 'statusKey', 'TokenHash']) expect(text).not.toContain(name);

    const viewer = JSON.parse(await (await staffGet(`/v1/staff/requests/${requestId}`, await signIn('viewer'))).text());
    expect(viewer.review.reasons).toContain('rectification');
    expect(viewer.mayDecide).toBe(false);
    expect(viewer.allowedDecisions).toEqual({
      approve: false,
      deny: false,
      extend: false,
      request_info: false,
      retry_branch: [],
      complete_task: [],
      correct_answer: [],
      lift_restriction: false,
      charge_fee: false,
      record_fee_payment: false,
    });

    const waiting = await list(approver, '?status=in_review');
    expect(waiting.find((i) => i.requestId === requestId)).toMatchObject({ type: 'rectification', waitsForStaff: true });
    expect((await list(approver, '?type=rectification')).map((i) => i.requestId)).toEqual([requestId]);
  });
});

describe('GET /console', () => {
  it('serves the console with its own CSP and a link to sign in', async () => {
    const res = await fetch(`${local.rt.urls.gateway}/console?lang=sv`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).toContain("connect-src 'self'");
    const page = await res.text();
    expect(page).toContain('<html lang="sv">');
    expect(page).toMatch(/id="sign-in" href="[^"]+"/);
  });
});
