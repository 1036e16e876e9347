/**
 * Someone asking for another person, through the local runtime: a representative with a mandate
 * (or a parent) sends the form with the document; the request goes to staff review, staff open the
 * document (an audited read) and decide; the stores are searched by the subject's address, never
 * the representative's, and every email goes to the representative. Bad input is refused by field
 * with nothing stored, and an unconfirmed request's document goes with it.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { PACKAGE_BUCKET } from '../../local/provision.ts';
import {
  answerDemoTasks,
  branchKey,
  bucketClient,
  confirmFromEmail,
  decideOn,
  itemsWithAddress,
  mailbox,
  poll,
  REQUESTS_TABLE,
  requestFileKeys,
  requestPartition,
  staffToken,
  statusLinkIn,
  storedRequest,
  useRuntime,
  verificationEmailFor,
  waitForEmail,
  waitForFinal,
} from '../harness';

const local = useRuntime();
let approver: string;

beforeAll(async () => {
  approver = await staffToken(local.rt, 'approver', '*', 'approver-3');
});

/** A small PDF as a scanner makes one: what a mandate usually is. */
const MANDATE = new TextEncoder().encode('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** Posts the form as a browser does (multipart, with the file), asking for JSON unless `page` is set. */
function postForm(fields: Record<string, string>, file?: { name: string; content: Uint8Array | string; type?: string }, page = false): Promise<Response> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('mandate', new Blob([file.content], { type: file.type ?? 'application/pdf' }), file.name);
  return fetch(`${local.rt.urls.gateway}/v1/requests`, {
    method: 'POST',
    redirect: 'manual',
    headers: { accept: page ? 'text/html' : 'application/json' },
    body: form,
  });
}

const entryKeys = () => requestFileKeys(local.rt.urls.s3);

/** Items holding an address anywhere a request keeps one (a Scan: fine in a test). */
const storedWith = (address: string) => itemsWithAddress(local.db, address);

const emailsTo = async (address: string) => (await mailbox(local.rt)).filter((e) => e.destination.to.includes(address));

const staffGet = (path: string) => fetch(`${local.rt.urls.gateway}${path}`, { headers: { authorization: `Bearer ${approver}`, accept: 'application/json' } });

/** Waits until the request is in review, and returns it as stored. */
const inReview = (requestId: string) =>
  poll(
    async () => {
      const item = await storedRequest(local.db, requestId);
      return item?.status === 'in_review' ? item : undefined;
    },
    { timeoutMs: 20_000, failure: () => 'the request did not reach review' },
  );

describe('a representative with a mandate', () => {
  const representative = 'rita.representative@example.org';
  const subject = 'ada@example.org';
  let requestId: string;

  it('sends the form with the mandate; the link and every email go to the representative, none to the person', async () => {
    const res = await postForm(
      {
        controller: 'demo-association',
        type: 'access',
        locale: 'en',
        email: representative,
        name: 'Rita Representative',
        onBehalfOf: 'mandate',
        subjectName: 'Ada Lindqvist',
        subjectEmail: subject,
      },
      { name: 'power of attorney.pdf', content: MANDATE },
    );
    expect(res.status).toBe(202);
    ({ requestId } = (await res.json()) as { requestId: string });

    const stored = (await storedRequest(local.db, requestId))!;
    expect(stored).toMatchObject({
      email: representative,
      name: 'Rita Representative',
      onBehalfOf: { representation: 'mandate', name: 'Ada Lindqvist', email: subject },
      attachments: [{ name: 'power of attorney.pdf', contentType: 'application/pdf', bytes: MANDATE.byteLength }],
    });
    const [file] = stored.attachments as { key: string }[];
    expect(file!.key).toMatch(new RegExp(`^entries/${requestId}/`));
    expect(await entryKeys()).toContain(file!.key);
    // The trail says someone asked for another, and how, with nothing of either person.
    const submitted = (await requestPartition(local.db, requestId)).find((i) => i.event === 'request_submitted');
    expect(submitted).toMatchObject({ actor: 'subject', detail: { type: 'access', onBehalfOf: 'mandate', attachments: 1 } });
    expect(JSON.stringify(submitted)).not.toContain('Ada');

    const verification = await verificationEmailFor(local.rt, representative, requestId);
    expect(verification.body.text).toContain('You asked on behalf of Ada Lindqvist.');
    expect(await emailsTo(subject)).toEqual([]);
  });

  it('waits for staff once confirmed, who open the mandate (an audited read) and see who it is for', async () => {
    await confirmFromEmail(local.rt, await verificationEmailFor(local.rt, representative, requestId));
    expect((await inReview(requestId)).reviewReasons).toEqual(['representation']);

    const detail = (await (await staffGet(`/v1/staff/requests/${requestId}`)).json()) as { request: Record<string, unknown> };
    expect(detail.request).toMatchObject({
      email: representative,
      onBehalfOf: { representation: 'mandate', name: 'Ada Lindqvist', email: subject },
      attachments: [{ name: 'power of attorney.pdf', contentType: 'application/pdf', bytes: MANDATE.byteLength }],
    });
    // Never the storage key.
    expect(JSON.stringify(detail.request.attachments)).not.toContain('entries/');

    const opened = await staffGet(`/v1/staff/requests/${requestId}/attachments/1`);
    expect(opened.status).toBe(200);
    const link = (await opened.json()) as { url: string; name: string; expiresInSeconds: number };
    expect(link).toMatchObject({ name: 'power of attorney.pdf', expiresInSeconds: 60 });
    const download = await fetch(link.url);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain('attachment');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(MANDATE);
    const trail = await requestPartition(local.db, requestId);
    expect(trail.find((i) => i.event === 'staff_opened_attachment')).toMatchObject({ actor: 'staff', detail: { by: 'approver-3', file: 1 } });

    const missing = await staffGet(`/v1/staff/requests/${requestId}/attachments/2`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { errors: Record<string, string> }).errors).toEqual({ file: 'unknown' });
    const viewer = await staffToken(local.rt, 'viewer', 'demo-organising-platform', 'viewer-elsewhere');
    const notYours = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}/attachments/1`, {
      headers: { authorization: `Bearer ${viewer}`, accept: 'application/json' },
    });
    expect(notYours.status).toBe(404);
  });

  it('once approved, searches the stores by the person’s address and answers the representative', async () => {
    expect((await decideOn(local.rt, approver, requestId, { decision: 'approve' })).status).toBe(200);
    await answerDemoTasks(local.rt, requestId);
    const receipt = await waitForEmail(local.rt, representative, 2);
    expect((await waitForFinal(statusLinkIn(receipt.body.text ?? ''), 60_000)).status).toBe('completed');
    // The membership register holds Ada, found by her address: the representative's finds no one.
    const members = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey(requestId, 'members'), ConsistentRead: true }))).Item;
    expect(members).toMatchObject({ status: 'completed', recordCount: 1 });
    const answer = await poll(async () => (await emailsTo(representative)).find((e) => (e.body.text ?? '').includes('/package?token=')), {
      timeoutMs: 20_000,
      failure: () => 'no answer with the package link reached the representative',
    });
    expect(answer.subject).toContain(requestId);
    expect(await emailsTo(subject)).toEqual([]);
  });
});

describe('a parent whose authority is not shown', () => {
  it('is refused with the reason the review points to, sent to the parent', async () => {
    const parent = 'pat.parent@example.org';
    const res = await postForm(
      {
        controller: 'demo-association',
        type: 'erasure',
        locale: 'en',
        email: parent,
        onBehalfOf: 'parent',
        subjectName: 'Bo Sandberg',
        subjectEmail: 'bo@example.org',
      },
      { name: 'photo.jpg', content: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), type: 'image/jpeg' },
    );
    expect(res.status).toBe(202);
    const { requestId } = (await res.json()) as { requestId: string };
    await confirmFromEmail(local.rt, await verificationEmailFor(local.rt, parent, requestId));
    await inReview(requestId);
    const detail = (await (await staffGet(`/v1/staff/requests/${requestId}`)).json()) as { suggestedDenialReason: string | null };
    expect(detail.suggestedDenialReason).toBe('authority_not_shown');
    const refused = await decideOn(local.rt, approver, requestId, {
      decision: 'deny',
      reason: 'authority_not_shown',
      text: 'The photo shows a school card, not that you are Bo’s parent or guardian.',
    });
    expect(refused.status).toBe(200);
    const denial = await poll(async () => (await emailsTo(parent)).find((e) => (e.body.text ?? '').includes('school card')), {
      timeoutMs: 20_000,
      failure: () => 'no refusal reached the parent',
    });
    expect(denial.body.text).toContain('supervisory authority');
    expect(await emailsTo('bo@example.org')).toEqual([]);
    // Refused at screening: no system was touched.
    const members = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey(requestId, 'members'), ConsistentRead: true }))).Item;
    expect(members).toBeUndefined();
  });
});

describe('bad input', () => {
  const base = { controller: 'demo-association', type: 'access', locale: 'en', email: 'nobody.stored@example.org' };

  it('refuses a request for someone else without the person or the document, naming each field, and stores nothing', async () => {
    const before = await entryKeys();
    const res = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ ...base, onBehalfOf: 'mandate' }),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({
      subjectName: 'subjectName is required: the name of the person the request is for',
      subjectEmail: 'subjectEmail is required: the address of the person the request is for',
      mandate: 'mandate is required: a document that shows you may act for the person (a PDF or photo, sent as multipart/form-data)',
    });
    expect(await storedWith(base.email)).toBe(0);
    expect(await entryKeys()).toEqual(before);
  });

  it.each([
    [
      'a page that runs when opened',
      { name: 'mandate.html', content: '<script>alert(1)</script>', type: 'text/html' },
      'mandate must be one of: pdf, png, jpg, jpeg',
    ],
    ['a PDF that is not one', { name: 'mandate.pdf', content: '<html><script>alert(1)</script></html>' }, 'mandate does not hold what its name says'],
    ['a spreadsheet', { name: 'mandate.csv', content: 'a,b\n1,2\n', type: 'text/csv' }, 'mandate must be one of: pdf, png, jpg, jpeg'],
    ['an empty file', { name: 'mandate.pdf', content: new Uint8Array(0) }, 'mandate is an empty file'],
  ])('refuses %s as a mandate, naming the field, and stores nothing', async (_, file, message) => {
    const before = await entryKeys();
    const res = await postForm({ ...base, onBehalfOf: 'parent', subjectName: 'Kim Child', subjectEmail: 'kim.child@example.org' }, file);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({ mandate: message });
    expect(await storedWith(base.email)).toBe(0);
    expect(await storedWith('kim.child@example.org')).toBe(0);
    expect(await entryKeys()).toEqual(before);
  });

  it('refuses the person’s fields or a document when the request is not for someone else', async () => {
    const res = await postForm({ ...base, subjectName: 'Kim Child' }, { name: 'mandate.pdf', content: MANDATE });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({
      subjectName: 'subjectName is only for a request made for someone else (onBehalfOf)',
      mandate: 'mandate is only for a request made for someone else (onBehalfOf)',
    });
    expect(await storedWith(base.email)).toBe(0);
  });

  it('shows the form again with the document’s error by its field, keeping what was typed', async () => {
    const res = await postForm({ ...base, onBehalfOf: 'parent', subjectName: 'Kim Child', subjectEmail: 'kim.child@example.org' }, undefined, true);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('id="mandate-error"');
    expect(page).toContain('Add the document as a PDF, PNG or JPEG of at most 4 MB.');
    expect(page).toContain('value="Kim Child"');
    expect(page).toMatch(/id="onBehalfOf-parent"[^>]*checked/);
  });

  it('drops the person’s fields a form sent while "me" was chosen, as the person meant', async () => {
    const res = await postForm({ ...base, email: 'me.myself@example.org', onBehalfOf: '', subjectName: 'Typed then changed' }, undefined, true);
    expect(res.status).toBe(303);
    const id = res.headers.get('location')!.match(/requests\/([0-9a-f-]{36})\/sent/)![1]!;
    const stored = (await storedRequest(local.db, id))!;
    expect(stored).not.toHaveProperty('onBehalfOf');
    expect(stored).not.toHaveProperty('attachments');
  });
});

describe('a request for someone else that is never confirmed', () => {
  it('loses its document with the rest when withdrawn before confirming', async () => {
    const res = await postForm(
      {
        controller: 'demo-association',
        type: 'access',
        locale: 'en',
        email: 'changed.mind@example.org',
        onBehalfOf: 'mandate',
        subjectName: 'Dan Novak',
        subjectEmail: 'dan@example.org',
      },
      { name: 'mandate.pdf', content: MANDATE },
    );
    expect(res.status).toBe(202);
    const { requestId } = (await res.json()) as { requestId: string };
    const stored = (await storedRequest(local.db, requestId))!;
    const [file] = stored.attachments as { key: string }[];
    const statusKey = stored.statusKey as string;
    const withdrawn = await fetch(`${local.rt.urls.gateway}/v1/requests/${requestId}/cancel`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ key: statusKey, confirm: 'yes' }).toString(),
    });
    expect(withdrawn.status).toBe(200);
    const closed = (await storedRequest(local.db, requestId))!;
    expect(closed.status).toBe('cancelled');
    for (const field of ['email', 'name', 'onBehalfOf', 'attachments']) expect(closed).not.toHaveProperty(field);
    expect(await entryKeys()).not.toContain(file!.key);
    await expect(bucketClient(local.rt.urls.s3).send(new GetObjectCommand({ Bucket: PACKAGE_BUCKET, Key: file!.key }))).rejects.toThrow();
  });
});

describe('a request for someone else that came by letter', () => {
  it('is recorded by staff with the mandate among its files, and still waits for review', async () => {
    const form = new FormData();
    const fields = {
      controller: 'demo-association',
      type: 'erasure',
      locale: 'en',
      email: 'law.firm@example.org',
      name: 'Lex Advokat',
      onBehalfOf: 'mandate',
      subjectName: 'Dan Novak',
      subjectEmail: 'dan@example.org',
      channel: 'letter',
      receivedOn: new Date().toISOString().slice(0, 10),
      identity: 'attested',
      attestationReason: 'Letter on the firm’s letterhead with a signed power of attorney',
    };
    for (const [k, v] of Object.entries(fields)) form.set(k, v);
    form.append('attachments', new Blob([MANDATE], { type: 'application/pdf' }), 'fullmakt.pdf');
    const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests`, {
      method: 'POST',
      headers: { authorization: `Bearer ${approver}`, accept: 'application/json' },
      body: form,
    });
    expect(res.status).toBe(201);
    const { requestId } = (await res.json()) as { requestId: string };
    const waiting = await inReview(requestId);
    expect(waiting).toMatchObject({
      reviewReasons: ['representation'],
      email: 'law.firm@example.org',
      onBehalfOf: { representation: 'mandate', name: 'Dan Novak', email: 'dan@example.org' },
      attachments: [{ name: 'fullmakt.pdf' }],
    });
    // The receipt went to the firm; nothing to the client.
    expect((await emailsTo('law.firm@example.org')).length).toBeGreaterThan(0);
    expect(await emailsTo('dan@example.org')).toEqual([]);
  });
});
