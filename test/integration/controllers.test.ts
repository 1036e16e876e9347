import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueDate } from '../../functions/domain/deadlines';
import {
  confirmFromEmail,
  decideOn,
  linksIn,
  mailbox,
  REQUESTS_TABLE,
  type StoredEmail,
  staffToken,
  statusLinkIn,
  statusOf,
  submit,
  useRuntime,
  waitForEmail,
  waitForFinal,
  waitForStatus,
} from '../harness';

/**
 * Two controllers in one deployment (config/register.json: the Demo Association and the Demo
 * Organising Platform): each has its own form, its requests go to its own processors only and fall
 * due by its own rule, its review rules apply to its requests only, and staff scoped to one
 * controller (`custom:controllers`) neither see nor decide the other's requests.
 */

const ASSOCIATION = 'demo-association';
const PLATFORM = 'demo-organising-platform';
const PLATFORM_STAFF = 'dpo@demo-organising-platform.example';
const local = useRuntime();
// The register fills its placeholders (the Mailchimp fake's URL) from the environment when first
// imported, so it is imported once the runtime has set them, as the runtime's own handlers do.
let findController: typeof import('../../functions/platform/register').findController;
beforeAll(async () => {
  ({ findController } = await import('../../functions/platform/register'));
});
const processorIdsOf = (controllerId: string) => findController(controllerId)!.processors.map((p) => p.id);
/** Ada's access request to the association: waits for its email vendor and staff task, so it stays open. */
let atAssociation: { requestId: string; statusUrl: string };
/** Elin's access request to the platform, with her name: no identity check, done at the platform's own stores. */
let atPlatform: { requestId: string; statusUrl: string };
/** Ada's access request to the platform without a name: the platform checks identity first. */
let unnamed: { requestId: string; statusUrl: string };

/** Submits a request and confirms it from the verification email that names it (Ada gets several). */
async function confirmedRequest(body: Record<string, unknown> & { email: string }): Promise<{ requestId: string; statusUrl: string }> {
  const { requestId } = await submit(local.rt, body);
  const deadline = Date.now() + 20_000;
  const names = (m: StoredEmail) => m.destination.to.includes(body.email) && linksIn(m).some((l) => l.includes(`/v1/requests/${requestId}/verify?token=`));
  let email = (await mailbox(local.rt)).find(names);
  while (!email) {
    if (Date.now() > deadline) throw new Error(`no verification email for ${requestId}`);
    await new Promise((r) => setTimeout(r, 100));
    email = (await mailbox(local.rt)).find(names);
  }
  const confirmed = await confirmFromEmail(local.rt, email);
  expect(confirmed.status).toBe(200);
  return { requestId, statusUrl: statusLinkIn(await confirmed.text()) };
}

/** The processor ids of the branch items a request has in the requests table. */
async function branchesOf(requestId: string): Promise<string[]> {
  const res = await local.db.send(
    new QueryCommand({
      TableName: REQUESTS_TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :b)',
      ExpressionAttributeValues: { ':pk': `REQ#${requestId}`, ':b': 'BRANCH#' },
    }),
  );
  return (res.Items ?? []).map((i) => i.processorId as string).sort();
}

beforeAll(async () => {
  atAssociation = await confirmedRequest({ controller: ASSOCIATION, type: 'access', email: 'ada@example.org', name: 'Ada Lindqvist' });
  atPlatform = await confirmedRequest({ controller: PLATFORM, type: 'access', email: 'elin@example.org', name: 'Elin Johansson' });
  unnamed = await confirmedRequest({ controller: PLATFORM, type: 'access', email: 'ada@example.org' });
});

describe('a form per controller', () => {
  it.each([
    [ASSOCIATION, 'Demo Association', 'Demo Organising Platform'],
    [PLATFORM, 'Demo Organising Platform', 'Demo Association'],
  ])("serves /c/%s with that controller's name and not the other's", async (id, name, other) => {
    const res = await fetch(`${local.rt.urls.gateway}/c/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await res.text();
    expect(html).toContain(name);
    expect(html).not.toContain(other);
  });

  it('answers 404 for a controller the register does not declare', async () => {
    for (const path of ['/c/no-such-controller', '/c/DEMO-ASSOCIATION', '/c/no-such-controller/en']) {
      const res = await fetch(`${local.rt.urls.gateway}${path}`);
      expect(res.status, path).toBe(404);
    }
  });
});

describe('requests to each controller', () => {
  it("reach the platform's own stores only, and complete there", async () => {
    const done = await waitForFinal(atPlatform.statusUrl);
    expect(done.status).toBe('completed');
    expect(await branchesOf(atPlatform.requestId)).toEqual([...processorIdsOf(PLATFORM)].sort());
    expect(done.processors.map((p) => p.id).sort()).toEqual([...processorIdsOf(PLATFORM)].sort());
  });

  it("reach the association's own processors only, though Ada is known to both", async () => {
    await waitForStatus(atAssociation.statusUrl, 'in_progress');
    const deadline = Date.now() + 20_000;
    while ((await branchesOf(atAssociation.requestId)).length < processorIdsOf(ASSOCIATION).length && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const branches = await branchesOf(atAssociation.requestId);
    expect(branches).toEqual([...processorIdsOf(ASSOCIATION)].sort());
    expect(branches.filter((id) => processorIdsOf(PLATFORM).includes(id))).toEqual([]);
    // The platform's stores still hold Ada's account: nothing of this request happened there.
    const account = await local.db.send(new GetCommand({ TableName: 'demo-platform-accounts', Key: { accountId: 'acc-5001' } }));
    expect(account.Item).toMatchObject({ email: 'ada@example.org', name: 'Ada Lindqvist' });
  });

  // On days when a month and 30 days end on the same date this tells the rules apart less; the
  // unit tests (deadlines, register) pin each rule down with dates where they differ.
  it("fall due by their own controller's rule: the platform by one calendar month of Swedish working days, the association by 30 days", async () => {
    const platform = findController(PLATFORM)!;
    for (const [ref, rule, holidays] of [
      [atPlatform, { rule: 'month' }, platform.publicHolidays],
      [unnamed, { rule: 'month' }, platform.publicHolidays],
      [atAssociation, { rule: 'days', days: 30 }, []],
    ] as const) {
      const view = await statusOf(ref.statusUrl);
      expect(view.receivedAt, ref.requestId).toBeTruthy();
      expect(view.dueAt, ref.requestId).toBe(dueDate(new Date(view.receivedAt!), rule, holidays).toISOString());
    }
  });
});

describe("the platform's identity check", () => {
  it("sends an access request without a name to review, and emails the platform's staff a console link with no personal data", async () => {
    const view = await waitForStatus(unnamed.statusUrl, 'in_review');
    expect(view.processors).toEqual([]);
    expect(await branchesOf(unnamed.requestId)).toEqual([]);
    const stored = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${unnamed.requestId}`, sk: 'REQUEST' } }))).Item!;
    // Ada's request to the association is no earlier request of the same kind here: each controller counts its own.
    expect(stored.reviewReasons).toEqual(['identity_check']);
    const mail = await waitForEmail(local.rt, PLATFORM_STAFF);
    expect(linksIn(mail)).toContain(`${local.rt.urls.gateway}/console?request=${unnamed.requestId}`);
    expect(JSON.stringify(mail)).not.toContain('ada@example.org');
  });
});

describe('staff scoped to one controller', () => {
  interface Item {
    requestId: string;
    controllerId: string;
  }
  const list = async (token: string): Promise<Item[]> => {
    const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { requests: Item[] }).requests;
  };
  const detail = (token: string, requestId: string) =>
    fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, { headers: { authorization: `Bearer ${token}`, accept: 'application/json' } });

  beforeAll(async () => {
    await waitForStatus(unnamed.statusUrl, 'in_review');
    await waitForStatus(atAssociation.statusUrl, 'in_progress');
  });

  it("see only that controller's requests in the list", async () => {
    const platformItems = await list(await staffToken(local.rt, 'viewer', PLATFORM));
    expect(platformItems.map((i) => i.requestId)).toContain(unnamed.requestId);
    expect(new Set(platformItems.map((i) => i.controllerId))).toEqual(new Set([PLATFORM]));
    const associationItems = await list(await staffToken(local.rt, 'viewer', ASSOCIATION));
    expect(associationItems.map((i) => i.requestId)).toContain(atAssociation.requestId);
    expect(new Set(associationItems.map((i) => i.controllerId))).toEqual(new Set([ASSOCIATION]));
    // Staff of both see both.
    const both = (await list(await staffToken(local.rt, 'viewer', `${ASSOCIATION},${PLATFORM}`))).map((i) => i.requestId);
    expect(both).toEqual(expect.arrayContaining([unnamed.requestId, atAssociation.requestId]));
  });

  it("get 404 on the other controller's request page, as for an unknown request", async () => {
    const platformViewer = await staffToken(local.rt, 'viewer', PLATFORM);
    expect((await detail(platformViewer, unnamed.requestId)).status).toBe(200);
    const res = await detail(platformViewer, atAssociation.requestId);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('ada@example.org');
    expect((await detail(await staffToken(local.rt, 'viewer', ASSOCIATION), unnamed.requestId)).status).toBe(404);
  });

  it("get 404 on the other controller's decisions, and the request stays as it was", async () => {
    const associationApprover = await staffToken(local.rt, 'approver', ASSOCIATION, 'approver-association');
    const res = await decideOn(local.rt, associationApprover, unnamed.requestId, { decision: 'approve' });
    expect(res.status).toBe(404);
    expect((await statusOf(unnamed.statusUrl)).status).toBe('in_review');
    expect(await branchesOf(unnamed.requestId)).toEqual([]);

    const platformApprover = await staffToken(local.rt, 'approver', PLATFORM, 'approver-platform');
    const other = await decideOn(local.rt, platformApprover, atAssociation.requestId, { decision: 'request_info', text: 'Please send a copy of your ID.' });
    expect(other.status).toBe(404);
    expect((await statusOf(atAssociation.statusUrl)).status).toBe('in_progress');
  });

  it("decide their own controller's request: the platform's approver lets the identity-checked request through to its stores", async () => {
    const platformApprover = await staffToken(local.rt, 'approver', PLATFORM, 'approver-platform');
    const res = await decideOn(local.rt, platformApprover, unnamed.requestId, { decision: 'approve' });
    expect(res.status).toBe(200);
    const done = await waitForFinal(unnamed.statusUrl);
    expect(done.status).toBe('completed');
    expect(await branchesOf(unnamed.requestId)).toEqual([...processorIdsOf(PLATFORM)].sort());
  });
});
