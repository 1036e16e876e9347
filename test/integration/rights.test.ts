import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { answerDemoTasks, answerTaskLink, mailbox, REQUESTS_TABLE, submitConfirmed, taskLinkFor, useRuntime, waitForFinal } from '../harness';

const local = useRuntime();

/** The demo register's DPO: staff tasks go there (the demo declares no other staff address). */
const DPO = 'dpo@demo-association.example';

const byEmail = async (table: string, email: string) =>
  (
    await local.db.send(
      new QueryCommand({ TableName: table, IndexName: 'by-email', KeyConditionExpression: 'email = :e', ExpressionAttributeValues: { ':e': email } }),
    )
  ).Items ?? [];
const requestItems = async (requestId: string) =>
  (
    await local.db.send(
      new QueryCommand({ TableName: REQUESTS_TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `REQ#${requestId}` } }),
    )
  ).Items ?? [];
const branchesOf = async (requestId: string) =>
  Object.fromEntries((await requestItems(requestId)).filter((i) => String(i.sk).startsWith('BRANCH#')).map((b) => [b.processorId as string, b]));
const eventsOf = async (requestId: string) => (await requestItems(requestId)).filter((i) => String(i.sk).startsWith('AUDIT#')).map((e) => e.event as string);
const requestOf = async (requestId: string) => (await requestItems(requestId)).find((i) => i.sk === 'REQUEST')!;

/** Submits and confirms a request from its own verification email. */
const confirmedRequest = (body: Record<string, unknown> & { email: string }) => submitConfirmed(local.rt, body);

/** The demo newsletter's subscribers, the type of each request it got, and the portability packages the demo receiver kept, as their files say. */
const newsletterSubscribers = () =>
  (JSON.parse(readFileSync(join(local.dataDir, 'demo-opendsr', 'subscribers.json'), 'utf8')) as { subscribers: { email: string }[] }).subscribers.map(
    (s) => s.email,
  );
const openDsrRequestType = (subjectRequestId: string) =>
  (JSON.parse(readFileSync(join(local.dataDir, 'demo-opendsr', 'requests.json'), 'utf8')) as { subjectRequestId: string; type: string }[]).find(
    (r) => r.subjectRequestId === subjectRequestId,
  )?.type;
const receivedPackages = () => {
  try {
    return JSON.parse(readFileSync(join(local.dataDir, 'demo-opendsr', 'portability', 'received.json'), 'utf8')) as {
      idempotencyKey: string;
      bytes: number;
      file: string;
      repeats: number;
    }[];
  } catch {
    return [];
  }
};

/** A ZIP file's entry names, and the text of the entries `read` names. */
function zipContents(file: string, read: string[]): Promise<{ names: string[]; texts: Record<string, string> }> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      const texts: Record<string, string> = {};
      zip.on('error', reject);
      zip.on('end', () => resolve({ names, texts }));
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (!read.includes(entry.fileName)) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          let text = '';
          stream.setEncoding('utf8');
          stream.on('data', (chunk: string) => (text += chunk));
          stream.on('end', () => {
            texts[entry.fileName] = text;
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

describe('portability (Art. 20)', () => {
  /** Bo's portability request without a receiving controller, run to its end once and reused. */
  let bosRequest: Promise<{ requestId: string }> | undefined;
  const bosFinishedPortability = () =>
    (bosRequest ??= (async () => {
      const { requestId, statusUrl } = await confirmedRequest({ type: 'portability', email: 'bo@example.org' });
      await answerDemoTasks(local.rt, requestId);
      expect((await waitForFinal(statusUrl)).status).toBe('completed');
      return { requestId };
    })());

  it('sends a machine-readable package of the portable stores only, once, to the receiving controller the subject chose', async () => {
    const { requestId, statusUrl } = await confirmedRequest({ type: 'portability', email: 'ada@example.org', transmitTo: 'demo-receiver' });
    await answerDemoTasks(local.rt, requestId);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');

    // Plan left out the stores marked not portable: no branch there at all.
    const branches = await branchesOf(requestId);
    expect(Object.keys(branches).sort()).toEqual(['bookkeeping', 'mailing-list', 'members', 'newsletter', 'shared-mailbox']);
    expect(branches.newsletter).toMatchObject({ action: 'export', status: 'completed', recordCount: 1 });
    expect(openDsrRequestType(branches.newsletter!.externalId)).toBe('portability');

    const received = receivedPackages().filter((r) => r.idempotencyKey === requestId);
    expect(received).toHaveLength(1);
    expect(received[0]!.repeats).toBe(0);
    const { names, texts } = await zipContents(received[0]!.file, ['manifest.json', 'members.json']);
    // The vendor and staff sent their exports as files of their own (answerDemoTasks), kept as they came.
    expect(names.sort()).toEqual([
      'bookkeeping/export.txt',
      'mailing-list.csv',
      'mailing-list.json',
      'manifest.json',
      'members.csv',
      'members.json',
      'newsletter.csv',
      'newsletter.json',
      'shared-mailbox/export.txt',
    ]);
    const manifest = JSON.parse(texts['manifest.json']!);
    expect(manifest).toMatchObject({ controller: { id: 'demo-association' }, requestId });
    expect(manifest.processors.map((p: { id: string }) => p.id).sort()).toEqual(['bookkeeping', 'mailing-list', 'members', 'newsletter', 'shared-mailbox']);
    expect(JSON.parse(texts['members.json']!)).toEqual([expect.objectContaining({ memberId: 'm-1001', email: 'ada@example.org' })]);

    const request = await requestOf(requestId);
    expect(request.transmittedAt).toEqual(expect.any(String));
    expect((await eventsOf(requestId)).filter((e) => e === 'package_transmitted')).toHaveLength(1);

    // The step run again (a retry, a re-drive) sends nothing more.
    const { handler } = await import('../../functions/handlers/workflow/assemble-package');
    await handler({ requestId });
    expect(receivedPackages().filter((r) => r.idempotencyKey === requestId)).toEqual(received);
    expect((await requestOf(requestId)).transmittedAt).toBe(request.transmittedAt);
  });

  it('keeps the package for download when the subject names no receiving controller, and sends nothing', async () => {
    const before = receivedPackages().length;
    const { requestId } = await bosFinishedPortability();
    expect((await requestOf(requestId)).packageKey).toEqual(expect.any(String));
    expect(receivedPackages()).toHaveLength(before);
    expect(await eventsOf(requestId)).not.toContain('package_transmitted');
  });

  it('calls only the register’s receiving controllers: a URL from the subject is refused, naming the field, and nothing is stored', async () => {
    const res = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ type: 'portability', email: 'cecilia@example.org', transmitTo: `${local.rt.urls.newsletter}/portability` }),
    });
    expect(res.status).toBe(400);
    expect(Object.keys(((await res.json()) as { errors: Record<string, string> }).errors)).toEqual(['transmitTo']);
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('cecilia@example.org'))).toEqual([]);
  });

  it('records nothing when the receiving controller refuses the package, so the step is tried again', async () => {
    // A finished request with a package, re-sent to a target whose address answers 404.
    const { requestId } = await bosFinishedPortability();
    const { loadRequest } = await import('../../functions/workflow/requests');
    const { transmitPackage } = await import('../../functions/answer/portability');
    const { request, controller } = await loadRequest(requestId);
    const refusing = {
      ...controller,
      portabilityTargets: [{ id: 'demo-receiver', name: 'Demo Receiving Association', url: `${local.rt.urls.newsletter}/nowhere` }],
    };
    const attempt = transmitPackage({ ...request, details: { transmitTo: 'demo-receiver' } }, refusing, request.packageKey!);
    await expect(attempt).rejects.toMatchObject({ name: 'PortabilityTransmissionRefused' });
    expect((await requestOf(requestId)).transmittedAt).toBeUndefined();
    // An id the register does not declare is never turned into an address.
    const unknown = transmitPackage({ ...request, details: { transmitTo: 'someone-else' } }, controller, request.packageKey!);
    await expect(unknown).rejects.toMatchObject({ name: 'UnknownPortabilityTarget' });
    expect(await eventsOf(requestId)).not.toContain('package_transmitted');
  });
});

describe('restriction (Art. 18)', () => {
  it('marks the subject’s items in every store restricted and has the vendor, the mailbox and the newsletter done by people', async () => {
    const { requestId, statusUrl } = await confirmedRequest({ type: 'restriction', email: 'dan@example.org' });
    await answerDemoTasks(local.rt, requestId);
    // The demo newsletter's OpenDSR API has no restriction: staff do it there, through their own link.
    const staffLink = await taskLinkFor(local.rt, DPO, requestId);
    expect(staffLink).toContain(`/v1/tasks/${requestId}/newsletter`);
    const page = await fetch(staffLink);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('dan@example.org');
    expect((await answerTaskLink(staffLink, { note: 'Marked as restricted in the newsletter tool.' })).status).toBe(200);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');

    for (const table of ['demo-members', 'demo-mailing-list']) {
      const items = await byEmail(table, 'dan@example.org');
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({ restricted: true, restrictedFor: requestId, restrictedAt: expect.any(String) });
    }
    // Nobody else's items are touched.
    expect((await byEmail('demo-members', 'bo@example.org'))[0]!.restricted).toBeUndefined();

    const branches = await branchesOf(requestId);
    expect(branches.members).toMatchObject({ action: 'restrict', status: 'completed', recordCount: 1 });
    expect(branches.invoices).toMatchObject({ action: 'restrict', status: 'completed', recordCount: 0 });
    expect(branches.newsletter).toMatchObject({
      action: 'restrict',
      staffTask: true,
      status: 'completed',
      note: 'Marked as restricted in the newsletter tool.',
    });
    expect(branches.bookkeeping).toMatchObject({ action: 'restrict', status: 'completed' });
    expect(branches['shared-mailbox']).toMatchObject({ action: 'restrict', status: 'completed' });
    // Nothing was asked of the OpenDSR processor, and nothing erased.
    expect(branches.newsletter!.externalId).toBeUndefined();
    expect(newsletterSubscribers()).toContain('cecilia@example.org');
  });
});

describe('objection to direct marketing (Art. 21(3))', () => {
  it('stops the mailings at once, without review: the list suppresses the address, the newsletter erases it, the member register stays', async () => {
    const { requestId, statusUrl } = await confirmedRequest({ type: 'objection', objectionScope: 'direct_marketing', email: 'ada@example.org' });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');

    const branches = await branchesOf(requestId);
    expect(Object.keys(branches).sort()).toEqual(['mailing-list', 'newsletter']);
    expect(branches['mailing-list']).toMatchObject({ action: 'suppress', status: 'completed', recordCount: 1, suppressedUntil: expect.any(String) });
    expect(branches.newsletter).toMatchObject({ action: 'erase', status: 'completed', recordCount: 1 });
    expect(openDsrRequestType(branches.newsletter!.externalId)).toBe('erasure');
    expect(await byEmail('demo-mailing-list', 'ada@example.org')).toEqual([]);
    expect(newsletterSubscribers()).not.toContain('ada@example.org');
    const { isSuppressed } = await import('../../functions/retention/scheduled-erasures');
    expect(await isSuppressed('demo-association', 'mailing-list', 'ada@example.org')).toBe(true);

    const member = (await local.db.send(new GetCommand({ TableName: 'demo-members', Key: { memberId: 'm-1001' } }))).Item;
    expect(member).toMatchObject({ email: 'ada@example.org', name: 'Ada Lindqvist' });
    expect(await eventsOf(requestId)).not.toContain('review_opened');
    // No vendor or staff member was asked to do anything.
    expect((await mailbox(local.rt)).filter((e) => (e.body.text ?? '').includes(`/v1/tasks/${requestId}/`))).toEqual([]);
  });
});

describe('withdrawing consent (Art. 7(3))', () => {
  it('erases what is held for the newsletter purpose, as each store declares, and leaves the member register', async () => {
    // Bo subscribes to the member newsletter list too (the demo data has him in the newsletter service only).
    await local.db.send(
      new PutCommand({ TableName: 'demo-mailing-list', Item: { subscriberId: 'ml-test-bo', email: 'bo@example.org', subscribedAt: '2025-02-01' } }),
    );
    const { requestId, statusUrl } = await confirmedRequest({ type: 'withdraw_consent', consentPurposes: ['newsletter'], email: 'bo@example.org' });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');

    const branches = await branchesOf(requestId);
    expect(Object.keys(branches).sort()).toEqual(['mailing-list', 'newsletter']);
    expect(branches['mailing-list']).toMatchObject({ action: 'suppress', status: 'completed', recordCount: 1 });
    expect(branches.newsletter).toMatchObject({ action: 'erase', status: 'completed', recordCount: 1 });
    expect(await byEmail('demo-mailing-list', 'bo@example.org')).toEqual([]);
    expect(newsletterSubscribers()).not.toContain('bo@example.org');
    expect(await byEmail('demo-members', 'bo@example.org')).toEqual([expect.objectContaining({ memberId: 'm-1002' })]);
    expect(await eventsOf(requestId)).not.toContain('review_opened');
  });
});

describe('the controller’s own stores', () => {
  const subject = { email: 'cecilia@example.org' };
  const context = async (requestId: string) => {
    const { register } = await import('../../functions/platform/register');
    const controller = register.controllers.find((c) => c.id === 'demo-association')!;
    const processor = controller.processors.find((p) => p.id === 'event-participation')!;
    if (processor.kind !== 'dynamodb') throw new Error('event-participation is a DynamoDB store');
    const request = { requestId, type: 'rectification', createdAt: new Date().toISOString() } as never;
    return { processor, ctx: { request, controller, branch: { requestId, processorId: processor.id } as never } };
  };

  it('correct a declared attribute on each of the subject’s items, and a second run changes nothing more', async () => {
    const { dynamodbProcessor } = await import('../../functions/processors/dynamodb/adapter');
    const { processor, ctx } = await context('00000000-0000-4000-8000-000000000001');
    const correction = { attribute: 'phone', corrected: '+386 41 999 999' };
    expect(await dynamodbProcessor.rectify(processor, subject, correction, ctx)).toEqual({ recordCount: 1 });
    expect(await dynamodbProcessor.rectify(processor, subject, correction, ctx)).toEqual({ recordCount: 1 });
    expect(await byEmail('demo-event-participation', 'cecilia@example.org')).toEqual([
      expect.objectContaining({ participationId: 'p-2003', phone: '+386 41 999 999', name: 'Cecilia Horvat' }),
    ]);
    // Ada's items keep her own number.
    expect((await byEmail('demo-event-participation', 'ada@example.org')).map((i) => i.phone)).toEqual(['+46 70 000 10 01', '+46 70 000 10 01']);
  });

  it('refuse to correct an attribute the store does not declare, naming no personal data', async () => {
    const { dynamodbProcessor } = await import('../../functions/processors/dynamodb/adapter');
    const { processor, ctx } = await context('00000000-0000-4000-8000-000000000002');
    const attempt = dynamodbProcessor.rectify(processor, subject, { attribute: 'eventName', corrected: 'Cecilia’s own event' }, ctx);
    await expect(attempt).rejects.toMatchObject({ name: 'NotRectifiable' });
    await expect(attempt).rejects.not.toThrow(/Cecilia/);
    expect((await byEmail('demo-event-participation', 'cecilia@example.org'))[0]!.eventName).toBe('Summer camp 2024');
  });

  it('restrict each item once per request: a second run keeps the first time and counts the same items', async () => {
    const { dynamodbProcessor } = await import('../../functions/processors/dynamodb/adapter');
    const { processor, ctx } = await context('00000000-0000-4000-8000-000000000003');
    expect(await dynamodbProcessor.restrict(processor, subject, ctx)).toEqual({ recordCount: 1 });
    const [first] = await byEmail('demo-event-participation', 'cecilia@example.org');
    expect(first).toMatchObject({ restricted: true, restrictedFor: '00000000-0000-4000-8000-000000000003' });
    expect(await dynamodbProcessor.restrict(processor, subject, ctx)).toEqual({ recordCount: 1 });
    expect((await byEmail('demo-event-participation', 'cecilia@example.org'))[0]!.restrictedAt).toBe(first!.restrictedAt);
  });
});

describe('the no-JS form, which shows every right’s fields', () => {
  it('keeps the right the person chose and drops the fields they filled in for another, which an API client is refused', async () => {
    const fields = { type: 'erasure', email: 'switched@example.org', rectifyAttribute: 'phone', inaccurate: 'Old number', corrected: '070-2', locale: 'en' };
    const form = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    });
    expect(form.status).toBe(303);
    const requestId = form.headers.get('location')!.match(/\/v1\/requests\/([0-9a-f-]{36})\/sent/)![1]!;
    const stored = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
    expect(stored).toMatchObject({ type: 'erasure' });
    expect(stored.details?.rectification).toBeUndefined();

    const api = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...fields, email: 'switched-api@example.org' }),
    });
    expect(api.status).toBe(400);
    expect(((await api.json()) as { errors: Record<string, string> }).errors).toMatchObject({ corrected: 'corrected is only for type rectification' });
  });
});
