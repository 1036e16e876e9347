import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { texts } from '../../web/texts/all';
import {
  answerTaskLink,
  captureOutput,
  decideOn,
  dieBeforeAuditing,
  linksIn,
  mailbox,
  REQUESTS_TABLE,
  STAFF,
  type StoredEmail,
  staffToken,
  statusOf,
  submitConfirmed,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
  waitForFinal,
  waitForStatus,
} from '../harness';

/**
 * Edge cases go to staff (Art. 12): on the local runtime a request that needs a decision waits in
 * `in_review` on a task token, staff are emailed a console link, and each decision made through
 * the staff API resumes the workflow the right way.
 */

const DPO = 'dpo@demo-association.example';
const PLATFORM_DPO_DOMAIN = '@demo-organising-platform.example';

/** What the handlers log while this file runs (they run in this process). */
const output = captureOutput();
const local = useRuntime();
let approver: string;
let viewer: string;

beforeAll(async () => {
  approver = await staffToken(local.rt, 'approver', '*', 'dpo.anna');
  viewer = await staffToken(local.rt, 'viewer', '*', 'viewer.vic');
});

async function requestItem(requestId: string): Promise<Record<string, any>> {
  return (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
}

async function auditEvents(requestId: string): Promise<Record<string, any>[]> {
  const out = await local.db.send(
    new QueryCommand({
      TableName: REQUESTS_TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':pk': `REQ#${requestId}`, ':a': 'AUDIT#' },
    }),
  );
  return out.Items ?? [];
}

async function detail(requestId: string, token = approver): Promise<any> {
  const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, {
    headers: { accept: 'application/json', authorization: `Bearer ${token}` },
  });
  expect(res.status).toBe(200);
  return res.json();
}

/** The email telling staff that a request waits for them, found by its console link. */
async function reviewEmailFor(requestId: string, to = DPO, timeoutMs = 20_000): Promise<StoredEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailbox(local.rt)).find(
      (e) => e.destination.to.some((t) => t === to || t.endsWith(to)) && linksIn(e).some((l) => l.endsWith(`/console?request=${requestId}`)),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no review email to ${to} for ${requestId}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The status of a decision made while `fault` holds (a spy on an SDK client), which is lifted after. */
async function decideWhile(fault: { mockRestore(): void }, requestId: string, decision: Record<string, unknown>): Promise<number> {
  try {
    return (await decideOn(local.rt, approver, requestId, decision)).status;
  } finally {
    fault.mockRestore();
  }
}

async function itemsOf(table: string, email: string): Promise<Record<string, any>[]> {
  const out = await local.db.send(
    new QueryCommand({
      TableName: table,
      IndexName: 'by-email',
      KeyConditionExpression: 'email = :e',
      ExpressionAttributeValues: { ':e': email },
    }),
  );
  return out.Items ?? [];
}

describe('a rectification', () => {
  it("waits for staff, who are emailed a console link without the subject's data, and once approved is applied where the stores allow it", async () => {
    const corrected = '+46 70 999 99 99';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-association',
      type: 'rectification',
      email: 'ada@example.org',
      rectifyAttribute: 'phone',
      inaccurate: 'My phone number is the old one',
      corrected,
    });
    await waitForStatus(statusUrl, 'in_review');

    const email = await reviewEmailFor(requestId);
    expect(JSON.stringify(email)).not.toContain('ada@example.org');
    expect(JSON.stringify(email)).not.toContain(corrected);
    const seen = await detail(requestId);
    expect(seen.review).toMatchObject({ stage: 'screening', reasons: ['rectification'] });
    expect(seen.allowedDecisions).toMatchObject({ approve: true, deny: true, request_info: true });
    // Nothing was done before the decision.
    expect((await itemsOf('demo-members', 'ada@example.org'))[0]!.phone).not.toBe(corrected);

    // A viewer may look but not decide.
    expect((await decideOn(local.rt, viewer, requestId, { decision: 'approve' })).status).toBe(403);
    const approved = await decideOn(local.rt, approver, requestId, { decision: 'approve' });
    expect(approved.status).toBe(200);

    // The vendor, the staff task and the OpenDSR processor (no rectification in its API: a staff task) each correct by hand.
    for (const to of [VENDOR, STAFF, DPO]) expect((await answerTaskLink(await taskLinkFor(local.rt, to, requestId), { note: 'corrected' })).status).toBe(200);
    const final = await waitForFinal(statusUrl, 60_000);
    expect(final.status).toBe('completed');

    for (const item of [...(await itemsOf('demo-members', 'ada@example.org')), ...(await itemsOf('demo-event-participation', 'ada@example.org'))]) {
      expect(item.phone).toBe(corrected);
    }
    const events = await auditEvents(requestId);
    expect(events.find((e) => e.event === 'decision_approved')).toMatchObject({ actor: 'staff', detail: { by: 'dpo.anna', stage: 'screening' } });
    // A second approval finds nothing to decide.
    expect((await decideOn(local.rt, approver, requestId, { decision: 'approve' })).status).toBe(409);
  });
});

describe('an objection to processing other than direct marketing', () => {
  let requestId: string;
  let statusUrl: string;

  beforeAll(async () => {
    ({ requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-association',
      type: 'objection',
      email: 'bo@example.org',
      locale: 'sv',
      objectionScope: 'other',
      objectionGrounds: 'I do not want my attendance counted.',
    }));
    await waitForStatus(statusUrl, 'in_review');
  });

  it('is weighed by staff, who may ask for more: the subject answers on the status page and the clock waits', async () => {
    expect((await detail(requestId)).review.reasons).toEqual(['objection_weighing']);
    const dueBefore = (await requestItem(requestId)).dueAt as string;
    const asked = await decideOn(local.rt, approver, requestId, { decision: 'request_info', text: 'Which events do you mean?' });
    expect(asked.status).toBe(200);
    // After the verification and the receipt.
    const question = await waitForEmail(local.rt, 'bo@example.org', 3);
    expect(question.body.text).toContain('Which events do you mean?');
    // One open question at a time.
    expect((await decideOn(local.rt, approver, requestId, { decision: 'request_info', text: 'And another?' })).status).toBe(409);

    const key = new URL(statusUrl).searchParams.get('key')!;
    const bad = await fetch(`${local.rt.urls.gateway}/v1/requests/${requestId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ key, answer: '' }),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: { answer: expect.stringContaining('answer') } });
    const wrongKey = await fetch(`${local.rt.urls.gateway}/v1/requests/${requestId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ key: 'x'.repeat(43), answer: 'The spring meetings' }),
    });
    expect(wrongKey.status).toBe(404);
    const answered = await fetch(`${local.rt.urls.gateway}/v1/requests/${requestId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ key, answer: 'The spring meetings' }),
    });
    expect(answered.status).toBe(200);

    const stored = await requestItem(requestId);
    expect(stored.infoRequest).toMatchObject({ text: 'Which events do you mean?', by: 'dpo.anna', answer: 'The spring meetings', pausesClock: true });
    expect(stored.dueAt > dueBefore).toBe(true);
    // Staff hear of the answer through the console, not by email.
    const toStaff = (await mailbox(local.rt)).filter((e) => e.destination.to.includes(DPO) && JSON.stringify(e).includes(requestId));
    expect(toStaff.length).toBeGreaterThanOrEqual(2);
    for (const e of toStaff) expect(JSON.stringify(e)).not.toContain('The spring meetings');
  });

  it("is refused with the reasons staff wrote, in the subject's language, naming the supervisory authority", async () => {
    const refused = await decideOn(local.rt, approver, requestId, {
      decision: 'deny',
      reason: 'compelling_grounds',
      text: 'Vi behöver närvarolistorna för <föreningens> bidragsredovisning.',
    });
    expect(refused.status).toBe(200);
    const final = await waitForFinal(statusUrl);
    expect(final.status).toBe('denied');
    expect(final.processors).toEqual([]);

    const refusal = await waitForEmail(local.rt, 'bo@example.org', 4);
    expect(refusal.body.text).toContain('Vi behöver närvarolistorna för <föreningens> bidragsredovisning.');
    expect(refusal.body.html).toContain('&lt;föreningens&gt;');
    expect(refusal.body.text).toContain('Integritetsskyddsmyndigheten (IMY)');
    expect(refusal.body.text).toContain('https://www.imy.se');
    // The lead authority, named as such, and the right to complain where she lives or works instead (Art. 77).
    for (const part of [refusal.body.text, refusal.body.html]) {
      expect(part).toContain('Vår ansvariga tillsynsmyndighet är Integritetsskyddsmyndigheten (IMY)');
      expect(part).toContain('det EU- eller EES-land där du bor eller arbetar');
      expect(part).toContain('artikel 77 i dataskyddsförordningen');
    }

    const stored = await requestItem(requestId);
    expect(stored.denial).toMatchObject({ reason: 'compelling_grounds', by: 'dpo.anna' });
    // It leaves the open requests once the workflow has finished (after the refusal went out).
    for (const deadline = Date.now() + 10_000; (await requestItem(requestId)).openCtl !== undefined; ) {
      if (Date.now() > deadline) throw new Error('a refused request stayed among the open ones');
      await new Promise((r) => setTimeout(r, 100));
    }
    // Sent once, by the workflow.
    await new Promise((r) => setTimeout(r, 500));
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('bo@example.org'))).toHaveLength(4);
  });
});

describe('an extension of the deadline', () => {
  it('moves the deadline by up to two months in all, tells the subject why, and refuses more', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-association',
      type: 'rectification',
      email: 'dan@example.org',
      inaccurate: 'My surname is misspelt in the event lists',
      corrected: 'Novák',
    });
    await waitForStatus(statusUrl, 'in_review');
    const before = await statusOf(statusUrl);

    const tooLong = await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 3, reasons: 'Too much' });
    expect(tooLong.status).toBe(400);
    expect(((await tooLong.json()) as any).errors).toHaveProperty('months');
    const noReason = await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 1, reasons: ' ' });
    expect(noReason.status).toBe(400);
    expect(((await noReason.json()) as any).errors).toHaveProperty('reasons');

    expect(
      (await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 1, reasons: 'The event lists are on paper in three archives.' })).status,
    ).toBe(200);
    expect((await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 1, reasons: 'Still searching the archives.' })).status).toBe(200);
    expect((await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 1, reasons: 'More' })).status).toBe(409);

    const after = await statusOf(statusUrl);
    const days = (Date.parse(after.dueAt!) - Date.parse(before.dueAt!)) / 86_400_000;
    expect(days).toBeGreaterThanOrEqual(59);
    expect(days).toBeLessThanOrEqual(65);
    const stored = await requestItem(requestId);
    expect(stored.extension).toMatchObject({ months: 2, by: 'dpo.anna', originalDueAt: before.dueAt });
    expect(stored.openDue).toBe(after.dueAt);
    const told = await waitForEmail(local.rt, 'dan@example.org', 4);
    expect(told.body.text).toContain('Still searching the archives.');
    // Still waiting for the decision on the correction itself.
    expect(after.status).toBe('in_review');
  });
});

describe("the second controller's rules", () => {
  it('sends a repeat of the same right within the window to staff, and processes it once approved', async () => {
    const first = await submitConfirmed(local.rt, { controller: 'demo-organising-platform', type: 'erasure', email: 'elin@example.org', name: 'Elin' });
    expect((await waitForFinal(first.statusUrl)).status).toBe('completed');
    const again = await submitConfirmed(local.rt, { controller: 'demo-organising-platform', type: 'erasure', email: 'elin@example.org', name: 'Elin' });
    await waitForStatus(again.statusUrl, 'in_review');
    expect((await detail(again.requestId)).review.reasons).toEqual(['repeat_request']);
    // The repeat check keeps a keyed hash of the address, never the address.
    const identities = await local.db.send(
      new ScanCommand({
        TableName: REQUESTS_TABLE,
        FilterExpression: 'begins_with(pk, :p)',
        ExpressionAttributeValues: { ':p': 'SUBJECT#demo-organising-platform#' },
      }),
    );
    expect(identities.Items!.length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(identities.Items)).not.toContain('elin');
    expect((await decideOn(local.rt, approver, again.requestId, { decision: 'approve' })).status).toBe(200);
    expect((await waitForFinal(again.statusUrl)).status).toBe('completed');
  });

  it('points a subject whose data it holds for a customer to that customer', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-organising-platform',
      type: 'access',
      email: 'cecilia@example.org',
      name: 'Cecilia',
      viaCustomer: 'Demo Tenants Union',
    });
    await waitForStatus(statusUrl, 'in_review');
    const seen = await detail(requestId);
    expect(seen.review.reasons).toEqual(['controller_as_processor']);
    const template = (seen.denialTemplates as { reason: string; text: string }[]).find((t) => t.reason === 'processor_only')!;
    expect(template.text).toContain('Demo Tenants Union');
    await reviewEmailFor(requestId, PLATFORM_DPO_DOMAIN);

    expect((await decideOn(local.rt, approver, requestId, { decision: 'deny', reason: 'processor_only', text: template.text })).status).toBe(200);
    expect((await waitForFinal(statusUrl)).status).toBe('denied');
    const refusal = await waitForEmail(local.rt, 'cecilia@example.org', 3);
    expect(refusal.body.text).toContain('Demo Tenants Union');
  });
});

describe('an erasure a legal hold blocks in part', () => {
  it('waits for staff before the subject is told what was kept and why', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-organising-platform',
      type: 'erasure',
      email: 'frida@example.org',
      name: 'Frida',
    });
    await waitForStatus(statusUrl, 'in_review');
    const seen = await detail(requestId);
    expect(seen.review).toMatchObject({ stage: 'closing', reasons: ['legal_hold_partial'] });
    expect(seen.allowedDecisions).toMatchObject({ approve: true, deny: false });
    // The invoices are kept, restricted, until the hold ends; the subject has not been told yet.
    for (const item of await itemsOf('demo-platform-billing', 'frida@example.org')) expect(item).toMatchObject({ restricted: true });
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('frida@example.org'))).toHaveLength(2);

    expect((await decideOn(local.rt, approver, requestId, { decision: 'approve' })).status).toBe(200);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const told = await waitForEmail(local.rt, 'frida@example.org', 3);
    expect(told.body.text).toContain('Bookkeeping Act');
    expect((await auditEvents(requestId)).find((e) => e.event === 'decision_approved')).toMatchObject({ detail: { stage: 'closing', by: 'dpo.anna' } });
  });
});

describe('decisions the staff API refuses', () => {
  it("names the field of a malformed decision, keeps another controller's requests out of reach, and an upheld objection restricts", async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-organising-platform',
      type: 'objection',
      email: 'ada@example.org',
      objectionScope: 'other',
    });
    await waitForStatus(statusUrl, 'in_review');
    const unknown = await decideOn(local.rt, approver, requestId, { decision: 'maybe' });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as any).errors).toHaveProperty('decision');
    const noText = await decideOn(local.rt, approver, requestId, { decision: 'deny', reason: 'other' });
    expect(noText.status).toBe(400);
    expect(((await noText.json()) as any).errors).toHaveProperty('text');
    const notHere = await decideOn(local.rt, approver, requestId, { decision: 'retry_branch', processorId: 'accounts' });
    expect(notHere.status).toBe(409);

    const associationOnly = await staffToken(local.rt, 'approver', 'demo-association', 'other.approver');
    expect((await decideOn(local.rt, associationOnly, requestId, { decision: 'approve' })).status).toBe(404);
    expect((await statusOf(statusUrl)).status).toBe('in_review');

    // Upheld (Art. 21(1)): the processing stops, the data is kept restricted.
    expect((await decideOn(local.rt, approver, requestId, { decision: 'approve' })).status).toBe(200);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const accounts = await itemsOf('demo-platform-accounts', 'ada@example.org');
    expect(accounts.length).toBeGreaterThan(0);
    for (const item of accounts) expect(item).toMatchObject({ restricted: true, restrictedFor: requestId });
  });
});

describe('lifting a restriction', () => {
  it('tells the subject first, then releases the restricted items when the notice period ends (Art. 18(3))', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { controller: 'demo-association', type: 'restriction', email: 'cecilia@example.org' });
    for (const to of [VENDOR, STAFF, DPO]) expect((await answerTaskLink(await taskLinkFor(local.rt, to, requestId), { note: 'restricted' })).status).toBe(200);
    expect((await waitForFinal(statusUrl, 60_000)).status).toBe('completed');
    const [participation] = await itemsOf('demo-event-participation', 'cecilia@example.org');
    expect(participation).toMatchObject({ restricted: true, restrictedFor: requestId });
    expect((await detail(requestId)).allowedDecisions.lift_restriction).toBe(true);

    const before = (await mailbox(local.rt)).filter((e) => e.destination.to.includes('cecilia@example.org')).length;
    expect((await decideOn(local.rt, viewer, requestId, { decision: 'lift_restriction' })).status).toBe(403);
    expect((await decideOn(local.rt, approver, requestId, { decision: 'lift_restriction' })).status).toBe(200);
    expect((await decideOn(local.rt, approver, requestId, { decision: 'lift_restriction' })).status).toBe(409);
    const notice = await waitForEmail(local.rt, 'cecilia@example.org', before + 1);
    expect(notice.body.text).toContain('Event participation');
    const { liftAt } = (await requestItem(requestId)).restrictionLift;
    expect(Date.parse(liftAt) - Date.now()).toBeGreaterThan(13 * 86_400_000);

    // Told, not yet lifted: the sweep today leaves it; the sweep after the notice period releases it.
    const { sweep } = await import('../../functions/workflow/sweep');
    await sweep(new Date());
    expect((await itemsOf('demo-event-participation', 'cecilia@example.org'))[0]!.restricted).toBe(true);
    await sweep(new Date(Date.parse(liftAt) + 60_000));
    const released = (await itemsOf('demo-event-participation', 'cecilia@example.org'))[0]!;
    expect(released.restricted).toBeUndefined();
    expect(released.restrictedFor).toBeUndefined();
    expect((await auditEvents(requestId)).map((e) => e.event)).toEqual(expect.arrayContaining(['restriction_lift_scheduled', 'restriction_lifted']));
  });
});

describe('a decision whose email cannot be sent at once', () => {
  it('is recorded for staff, and the subject is told by the next sweep', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-organising-platform',
      type: 'objection',
      email: 'bo@example.org',
      objectionScope: 'other',
      objectionGrounds: 'No reason to keep it.',
    });
    await waitForStatus(statusUrl, 'in_review');
    const sentBefore = (await mailbox(local.rt)).filter((e) => e.destination.to.includes('bo@example.org')).length;

    // SES refuses the next email to the subject, as during an outage.
    const { ses } = await import('../../functions/platform/aws/ses');
    const send = ses.send.bind(ses);
    const outage = vi.spyOn(ses, 'send').mockImplementation(((command: any, ...rest: any[]) => {
      if (JSON.stringify(command.input ?? {}).includes('bo@example.org'))
        return Promise.reject(Object.assign(new Error('throttled'), { name: 'TooManyRequestsException' }));
      return (send as any)(command, ...rest);
    }) as any);
    expect(await decideWhile(outage, requestId, { decision: 'extend', months: 1, reasons: 'The archive is closed this week.' })).toBe(200);
    const recorded = await requestItem(requestId);
    expect(recorded.extension).toMatchObject({ months: 1 });
    expect(recorded.extension.notifiedAt).toBeUndefined();
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('bo@example.org'))).toHaveLength(sentBefore);

    const { sweep } = await import('../../functions/workflow/sweep');
    await sweep(new Date());
    const told = await waitForEmail(local.rt, 'bo@example.org', sentBefore + 1);
    expect(told.body.text).toContain('The archive is closed this week.');
    expect((await requestItem(requestId)).extension.notifiedAt).toBeDefined();
    // Told once: another sweep sends nothing more.
    await sweep(new Date());
    await new Promise((r) => setTimeout(r, 300));
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('bo@example.org'))).toHaveLength(sentBefore + 1);
  });
});

/** A request in review whose workflow waits on the review's task token. */
async function inReviewWithToken(body: Record<string, unknown> & { email: string }) {
  const submitted = await submitConfirmed(local.rt, body);
  await waitForStatus(submitted.statusUrl, 'in_review');
  for (const deadline = Date.now() + 10_000; !(await requestItem(submitted.requestId)).reviewTaskToken; ) {
    if (Date.now() > deadline) throw new Error('the review never waited on a token');
    await new Promise((r) => setTimeout(r, 100));
  }
  return submitted;
}

describe('a decision whose resume a crash cut short', () => {
  /** Records a decision the way the staff API does, but stops before resuming the workflow (a crash). */
  async function recordOnly(requestId: string, to: 'in_progress' | 'denied') {
    const { transitionReturning } = await import('../../functions/platform/data/requests');
    const at = new Date().toISOString();
    const recorded = await transitionReturning(requestId, ['in_review'], to, {
      set:
        to === 'denied'
          ? { denial: { reason: 'excessive', text: 'Recorded before the crash.', by: 'dpo.anna', at }, completedAt: at, onTime: true }
          : { screenedAt: at },
      remove: ['reviewStage', 'reviewReasons', 'reviewOpenedAt', 'reviewNotifiedAt'],
    });
    expect(recorded?.reviewTaskToken).toBeDefined();
  }

  it('goes on at the next sweep: an approval is carried out, a refusal is sent', async () => {
    const { sweep } = await import('../../functions/workflow/sweep');
    const approved = await inReviewWithToken({
      controller: 'demo-organising-platform',
      type: 'objection',
      email: 'cecilia@example.org',
      objectionScope: 'other',
    });
    const refused = await inReviewWithToken({
      controller: 'demo-organising-platform',
      type: 'rectification',
      email: 'elin@example.org',
      inaccurate: 'My name',
      corrected: 'Elin B.',
    });
    await recordOnly(approved.requestId, 'in_progress');
    await recordOnly(refused.requestId, 'denied');
    // Nothing moves on its own (the review tasks wait for a heartbeat that lapses only in two days)...
    await new Promise((r) => setTimeout(r, 500));
    expect((await statusOf(approved.statusUrl)).status).toBe('in_progress');
    // ...until the sweep resumes what was decided.
    await sweep(new Date());
    expect((await waitForFinal(approved.statusUrl)).status).toBe('completed');
    expect((await waitForFinal(refused.statusUrl)).status).toBe('denied');
    const refusal = (await mailbox(local.rt)).filter(
      (e) => e.destination.to.includes('elin@example.org') && (e.body.text ?? '').includes('Recorded before the crash.'),
    );
    expect(refusal).toHaveLength(1);
    for (const { requestId } of [approved, refused]) {
      for (
        const deadline = Date.now() + 10_000;
        (await requestItem(requestId)).openCtl !== undefined || (await requestItem(requestId)).reviewTaskToken !== undefined;
      ) {
        if (Date.now() > deadline) throw new Error(`request ${requestId} kept its review token or stayed open`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  });
});

describe('a decision whose audit event a crash kept off the trail', () => {
  const owedOf = (item: Record<string, any>) => [...(item.auditOwed ?? [])].map((e: string) => JSON.parse(e).event);
  const eventsNamed = async (requestId: string, event: string) => (await auditEvents(requestId)).filter((e) => e.event === event);

  it('is recorded once, at the time of the decision, by the next sweep, which also carries the decision out', async () => {
    const { requestId, statusUrl } = await inReviewWithToken({
      controller: 'demo-organising-platform',
      type: 'objection',
      email: 'greta@example.org',
      objectionScope: 'other',
    });
    expect(await decideWhile(await dieBeforeAuditing('decision_approved'), requestId, { decision: 'approve' })).toBe(500);
    const decided = await requestItem(requestId);
    expect(decided.status).toBe('in_progress');
    expect(owedOf(decided)).toEqual(['decision_approved']);
    expect(await eventsNamed(requestId, 'decision_approved')).toEqual([]);

    const { sweep } = await import('../../functions/workflow/sweep');
    expect((await sweep(new Date())).owedEventsRecorded).toBeGreaterThanOrEqual(1);
    const recorded = await eventsNamed(requestId, 'decision_approved');
    expect(recorded.map((e) => [e.at, e.actor, e.detail])).toEqual([[decided.screenedAt, 'staff', { by: 'dpo.anna', stage: 'screening' }]]);
    // Off the request (the workflow, resumed, may owe events of its own for a moment).
    expect(owedOf(await requestItem(requestId))).not.toContain('decision_approved');
    await sweep(new Date());
    expect(await eventsNamed(requestId, 'decision_approved')).toHaveLength(1);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
  });

  it('is recorded before staff see the request again, so the timeline they read holds every decision', async () => {
    const { requestId } = await inReviewWithToken({
      controller: 'demo-organising-platform',
      type: 'objection',
      email: 'hilda@example.org',
      objectionScope: 'other',
    });
    expect(
      await decideWhile(await dieBeforeAuditing('deadline_extended'), requestId, { decision: 'extend', months: 1, reasons: 'The archive is closed.' }),
    ).toBe(500);
    const extended = await requestItem(requestId);
    expect(extended.extension).toMatchObject({ months: 1 });
    expect(await eventsNamed(requestId, 'deadline_extended')).toEqual([]);

    const seen = await detail(requestId);
    const shown = seen.timeline.filter((e: { event: string }) => e.event === 'deadline_extended');
    expect(shown).toEqual([expect.objectContaining({ at: extended.extension.at, actor: 'staff' })]);
    // Trying the decision again meets the recorded one; the event stays one.
    expect((await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 2, reasons: 'Again.' })).status).toBe(409);
    expect(await eventsNamed(requestId, 'deadline_extended')).toHaveLength(1);
    expect(owedOf(await requestItem(requestId))).toEqual([]);
  });
});

describe('a notice of a decision a crash cut short', () => {
  it('goes again at the next sweep, marked as sent again, and then not again', async () => {
    const email = 'hanna@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-organising-platform',
      type: 'objection',
      email,
      objectionScope: 'other',
      objectionGrounds: 'No reason to keep it.',
    });
    await waitForStatus(statusUrl, 'in_review');
    const sentBefore = (await mailbox(local.rt)).filter((e) => e.destination.to.includes(email)).length;
    expect((await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 1, reasons: 'The archive moves this month.' })).status).toBe(200);
    const first = await waitForEmail(local.rt, email, sentBefore + 1);
    expect(first.body.text).toContain('The archive moves this month.');
    // As a crash right after SES took the email leaves it: the claim without its record, the notice held.
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' },
        UpdateExpression: 'REMOVE extension.notifiedAt',
      }),
    );
    expect((await requestItem(requestId)).extension.sendStartedAt).toBeDefined();
    const { holdNotice } = await import('../../functions/answer/subject-notices');
    await holdNotice('demo-organising-platform', requestId);

    const { sweep } = await import('../../functions/workflow/sweep');
    await sweep(new Date());
    const again = await waitForEmail(local.rt, email, sentBefore + 2);
    const { repeat } = texts[(await requestItem(requestId)).locale as keyof typeof texts].email;
    expect(again.subject).toBe(`${repeat.subjectPrefix}: ${first.subject}`);
    expect(again.body.text).toContain('The archive moves this month.');
    expect((await requestItem(requestId)).extension.notifiedAt).toBeDefined();
    await sweep(new Date());
    await new Promise((r) => setTimeout(r, 300));
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes(email))).toHaveLength(sentBefore + 2);
  });
});

describe('a review email a crash cut short', () => {
  it('goes again, marked as sent again, when the step runs again; once it is recorded, not at all', async () => {
    const { requestId } = await inReviewWithToken({
      controller: 'demo-organising-platform',
      type: 'objection',
      email: 'gustav@example.org',
      objectionScope: 'other',
    });
    await reviewEmailFor(requestId, PLATFORM_DPO_DOMAIN);
    const reviewEmails = async () =>
      (await mailbox(local.rt)).filter(
        (e) => e.destination.to.some((t) => t.endsWith(PLATFORM_DPO_DOMAIN)) && linksIn(e).some((l) => l.endsWith(`/console?request=${requestId}`)),
      );
    const { reviewTaskToken, reviewNotifyStartedAt } = await requestItem(requestId);
    expect(reviewNotifyStartedAt).toBeDefined();
    // The email went but the step stopped before recording it: the claim stands alone.
    await local.db.send(
      new UpdateCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' }, UpdateExpression: 'REMOVE reviewNotifiedAt' }),
    );
    const { awaitDecision } = await import('../../functions/workflow/await-decision');
    await awaitDecision({ requestId, taskToken: reviewTaskToken });
    await awaitDecision({ requestId, taskToken: reviewTaskToken });
    const subjects = (await reviewEmails()).map((e) => e.subject);
    expect(subjects).toHaveLength(2);
    // The platform's staff read Swedish, its first language.
    const { subjectPrefix } = texts.sv.email.repeat;
    expect(subjects[0]!.startsWith(subjectPrefix)).toBe(false);
    expect(subjects[1]).toBe(`${subjectPrefix}: ${subjects[0]}`);
    expect((await requestItem(requestId)).reviewNotifiedAt).toBeDefined();
  });
});

describe('personal data in the review and decisions', () => {
  it("stays out of the logs, the executions' input and output, and the audit events", async () => {
    const sfn = new SFNClient({ endpoint: local.rt.urls.sfn });
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: local.rt.stateMachineArn }));
    expect(executions!.length).toBeGreaterThanOrEqual(10);
    for (const e of executions!) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }));
      expect(JSON.parse(d.input!)).toEqual({ requestId: e.name });
      if (d.status === 'SUCCEEDED') expect(JSON.parse(d.output!)).toEqual({ requestId: e.name });
    }
    const audit = await local.db.send(
      new ScanCommand({ TableName: REQUESTS_TABLE, FilterExpression: 'begins_with(sk, :a)', ExpressionAttributeValues: { ':a': 'AUDIT#' } }),
    );
    expect(audit.Items!.length).toBeGreaterThan(50);
    const logs = output.join('');
    expect(logs).toContain('request accepted'); // the capture works: handlers did log
    // Addresses, names and every free text the subjects and staff wrote in this file.
    const secrets = [
      '@example.org',
      'Elin',
      'Frida',
      'Recorded before the crash',
      'Cecilia',
      'old one',
      'attendance counted',
      'spring meetings',
      'Which events',
      'närvarolistorna',
      'archives',
      'Novák',
      'Demo Tenants Union',
      'archive is closed',
      '+46 70 999',
      'token=',
      'key=',
      'taskToken',
    ];
    for (const secret of secrets) {
      expect(logs, secret).not.toContain(secret);
      expect(JSON.stringify(audit.Items), secret).not.toContain(secret);
    }
  });
});
