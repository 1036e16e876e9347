import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueDate } from '../../functions/domain/deadlines';
import {
  confirmFromEmail,
  itemsWithAddress,
  mailbox,
  REQUESTS_TABLE,
  requestFileKeys,
  requestPartition,
  type StoredEmail,
  staffToken,
  statusLinkIn,
  storedRequest,
  useRuntime,
  verificationEmailFor,
  waitForEmail,
  waitForFinal,
} from '../harness';

const PLATFORM = 'demo-organising-platform';
const local = useRuntime();
let findController: typeof import('../../functions/platform/register').findController;
let approver: string;

beforeAll(async () => {
  // The register fills its placeholders from the environment the runtime set, so it is imported after.
  ({ findController } = await import('../../functions/platform/register'));
  approver = await staffToken(local.rt, 'approver', '*', 'approver-7');
});

/** A UTC day some days before today, as `YYYY-MM-DD`. */
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/** Posts a recorded request as the console does: multipart when it brings files, else JSON. */
function record(
  fields: Record<string, string>,
  files: { name: string; content: string | Uint8Array; type?: string }[] = [],
  token = approver,
): Promise<Response> {
  const url = `${local.rt.urls.gateway}/v1/staff/requests`;
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  if (files.length === 0) return fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(fields) });
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append('attachments', new Blob([f.content], { type: f.type ?? 'text/plain' }), f.name);
  return fetch(url, { method: 'POST', headers, body: form });
}

const entryKeys = () => requestFileKeys(local.rt.urls.s3);

/** Items holding an address (a Scan: fine in a test). */
const storedWith = (address: string) => itemsWithAddress(local.db, address);

const emailsTo = async (address: string): Promise<StoredEmail[]> => (await mailbox(local.rt)).filter((e) => e.destination.to.includes(address));

describe('a phone request with an attested identity', () => {
  const address = 'caller.attested@example.org';
  const receivedOn = daysAgo(10);
  const reason = 'Called from the number in the member register and gave the membership number';
  let requestId: string;

  it('is received at once, its deadline one month from the day it was received, and runs to completion', async () => {
    const res = await record(
      {
        controller: PLATFORM,
        type: 'access',
        email: address,
        name: 'Maja Caller',
        locale: 'en',
        channel: 'phone',
        receivedOn,
        identity: 'attested',
        attestationReason: reason,
      },
      [{ name: 'call-notes.txt', content: 'Notes of the call' }],
    );
    expect(res.status).toBe(201);
    const body = (await res.json()) as { requestId: string; status: string; dueAt: string };
    requestId = body.requestId;
    const platform = findController(PLATFORM)!;
    const expectedDue = dueDate(new Date(`${receivedOn}T00:00:00.000Z`), platform.deadline, platform.publicHolidays).toISOString();
    // Counted from the day the call came, not from today.
    expect(expectedDue).not.toBe(dueDate(new Date(), platform.deadline, platform.publicHolidays).toISOString());
    expect(body).toEqual({ requestId, status: 'received', dueAt: expectedDue });

    // The receipt says how and when the request reached them, and carries the status link.
    const receipt = await waitForEmail(local.rt, address);
    expect(receipt.subject).toContain('has received your request');
    expect(receipt.body.text).toContain('by phone');
    expect(receipt.body.text).not.toContain('Thank you for confirming');
    const final = await waitForFinal(statusLinkIn(receipt.body.text ?? ''), 60_000);
    expect(final).toMatchObject({ requestId, status: 'completed', receivedAt: `${receivedOn}T00:00:00.000Z`, dueAt: expectedDue });
    // No verification email was ever sent.
    expect((await emailsTo(address)).some((e) => (e.body.text ?? '').includes('/verify?token='))).toBe(false);
  });

  it('records the channel and the attestation on the request, and the staff member in the trail without the person’s data', async () => {
    const item = (await storedRequest(local.db, requestId))!;
    expect(item.entry).toMatchObject({
      channel: 'phone',
      receivedAt: `${receivedOn}T00:00:00.000Z`,
      by: 'approver-7',
      identity: { method: 'attested', reason },
    });
    const [file] = item.attachments as { key: string; name: string; bytes: number }[];
    expect(file).toMatchObject({ name: 'call-notes.txt', bytes: 17 });
    expect(await entryKeys()).toContain(file!.key);

    const events = (await requestPartition(local.db, requestId)).filter((i) => String(i.sk).startsWith('AUDIT#'));
    const entered = events.find((e) => e.event === 'request_entered')!;
    expect(entered).toMatchObject({ actor: 'staff', detail: { by: 'approver-7', channel: 'phone', identity: 'attested', attachments: 1 } });
    expect(events.find((e) => e.event === 'identity_attested')).toMatchObject({ actor: 'staff', detail: { by: 'approver-7' } });
    const trail = JSON.stringify(events);
    for (const personal of [address, 'Maja', reason, 'call-notes']) expect(trail).not.toContain(personal);
  });

  it('shows the channel, the attestation and the files’ names in the staff view, never their keys', async () => {
    const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, { headers: { authorization: `Bearer ${approver}` } });
    const detail = (await res.json()) as { request: Record<string, unknown>; timeline: { event: string }[] };
    expect(detail.request.entry).toMatchObject({ channel: 'phone', identity: { method: 'attested', reason } });
    expect(detail.request.attachments).toEqual([{ name: 'call-notes.txt', contentType: 'text/plain; charset=utf-8', bytes: 17 }]);
    expect(JSON.stringify(detail)).not.toContain('entries/');
    expect(detail.timeline.map((e) => e.event)).toContain('request_entered');
  });
});

describe('a recorded request past its retention', () => {
  it('loses its files with the address once its retention has passed', async () => {
    const address = 'visitor.retention@example.org';
    const res = await record(
      {
        controller: PLATFORM,
        type: 'access',
        email: address,
        name: 'Vera Visitor',
        channel: 'in_person',
        receivedOn: daysAgo(0),
        identity: 'attested',
        attestationReason: 'Known at the desk',
      },
      [{ name: 'note.txt', content: 'Handed in at the desk' }],
    );
    const { requestId } = (await res.json()) as { requestId: string };
    const receipt = await waitForEmail(local.rt, address);
    expect((await waitForFinal(statusLinkIn(receipt.body.text ?? ''), 60_000)).status).toBe('completed');
    const stored = (await storedRequest(local.db, requestId))!;
    const [file] = stored.attachments as { key: string }[];

    // Closed 40 days ago: past the download link and the controller's 30 days of retention.
    const closed = new Date(Date.now() - 40 * 86_400_000).toISOString();
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' },
        UpdateExpression: `SET completedAt = :closed, history[${(stored.history as unknown[]).length - 1}].#at = :closed, purgeAt = :closed`,
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':closed': closed },
      }),
    );
    expect(await entryKeys()).toContain(file!.key);
    await local.rt.sweep();
    await local.rt.sweep();
    const erased = (await storedRequest(local.db, requestId))!;
    expect(erased.personalDataErasedAt).toEqual(expect.any(String));
    expect(erased.attachments).toBeUndefined();
    expect(await entryKeys()).not.toContain(file!.key);
  });
});

describe('a letter with a verification email', () => {
  const address = 'letter.writer@example.org';
  const receivedOn = daysAgo(5);

  it('waits for the person’s confirmation, then counts the deadline from the day the letter came', async () => {
    const res = await record({
      controller: PLATFORM,
      type: 'erasure',
      email: address,
      locale: 'sv',
      channel: 'letter',
      receivedOn,
      identity: 'verification_email',
    });
    expect(res.status).toBe(201);
    const { requestId, status } = (await res.json()) as { requestId: string; status: string };
    expect(status).toBe('awaiting_verification');

    const verification = await verificationEmailFor(local.rt, address, requestId);
    // Unconfirmed, nothing runs: no deadline, no receipt.
    const waiting = (await storedRequest(local.db, requestId))!;
    expect(waiting).toMatchObject({ status: 'awaiting_verification', entry: { channel: 'letter', identity: { method: 'verification_email' } } });
    expect(waiting.dueAt).toBeUndefined();
    expect(await emailsTo(address)).toHaveLength(1);

    const confirmed = await confirmFromEmail(local.rt, verification);
    expect(confirmed.status).toBe(200);
    const platform = findController(PLATFORM)!;
    const received = (await storedRequest(local.db, requestId))!;
    expect(received).toMatchObject({
      receivedAt: `${receivedOn}T00:00:00.000Z`,
      dueAt: dueDate(new Date(`${receivedOn}T00:00:00.000Z`), platform.deadline, platform.publicHolidays).toISOString(),
    });
    expect(received.status).not.toBe('awaiting_verification');
    // The receipt names the channel in the person's language.
    const receipt = await waitForEmail(local.rt, address, 2);
    expect(receipt.body.text).toContain('per brev');
  });
});

describe('a recorded request nobody confirms', () => {
  it('loses its files with the address when its link expires', async () => {
    const address = 'never.confirms@example.org';
    const res = await record(
      { controller: PLATFORM, type: 'access', email: address, channel: 'in_person', receivedOn: daysAgo(0), identity: 'verification_email' },
      [{ name: 'form.txt', content: 'A paper form handed in at the desk' }],
    );
    expect(res.status).toBe(201);
    const { requestId } = (await res.json()) as { requestId: string };
    const [file] = (await storedRequest(local.db, requestId))!.attachments as { key: string }[];
    expect(await entryKeys()).toContain(file!.key);

    const past = new Date(Date.now() - 60_000).toISOString();
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' },
        UpdateExpression: 'SET verifyExpiresAt = :t, openDue = :t',
        ExpressionAttributeValues: { ':t': past },
      }),
    );
    await local.rt.sweep();
    const closed = (await storedRequest(local.db, requestId))!;
    expect(closed.status).toBe('closed_unverified');
    expect(closed.attachments).toBeUndefined();
    expect(closed.email).toBeUndefined();
    expect(await entryKeys()).not.toContain(file!.key);
  });
});

describe('bad input', () => {
  const base = {
    controller: PLATFORM,
    type: 'access',
    name: 'Bad Input',
    channel: 'phone',
    receivedOn: daysAgo(1),
    identity: 'attested',
    attestationReason: 'Known voice',
  };
  const cases: [string, Record<string, string>, { name: string; content: string | Uint8Array }[], number, string][] = [
    ['a received date in the future', { receivedOn: daysAgo(-2) }, [], 400, 'receivedOn'],
    ['an unknown right', { type: 'be_forgotten_loudly' }, [], 400, 'type'],
    ['an attestation without its reason', { attestationReason: '' }, [], 400, 'attestationReason'],
    ['an oversized attachment', {}, [{ name: 'scan.txt', content: new Uint8Array(4 * 1024 * 1024 + 100_000).fill(0x61) }], 413, 'attachments'],
    ['an attachment that runs when opened', {}, [{ name: 'letter.html', content: '<script>alert(1)</script>' }], 415, 'attachments'],
  ];

  for (const [what, change, files, status, field] of cases) {
    it(`${what}: ${status} naming ${field}, nothing stored or sent`, async () => {
      const address = `bad.${field.toLowerCase()}.${status}@example.org`;
      const keysBefore = await entryKeys();
      const res = await record({ ...base, email: address, ...change }, files);
      expect(res.status).toBe(status);
      expect(((await res.json()) as { errors: Record<string, string> }).errors).toHaveProperty(field);
      expect(await storedWith(address)).toBe(0);
      expect(await entryKeys()).toEqual(keysBefore);
      expect(await emailsTo(address)).toHaveLength(0);
    });
  }
});

describe('who may record', () => {
  it('refuses a viewer with 403 naming the role, and stores nothing', async () => {
    const viewer = await staffToken(local.rt, 'viewer', '*', 'viewer-3');
    const address = 'viewer.tried@example.org';
    const res = await record(
      { controller: PLATFORM, type: 'access', email: address, channel: 'phone', receivedOn: daysAgo(0), identity: 'attested', attestationReason: 'x' },
      [],
      viewer,
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toEqual({ role: 'approver' });
    expect(await storedWith(address)).toBe(0);
  });

  it('refuses an approver of another organisation, naming the controller', async () => {
    const elsewhere = await staffToken(local.rt, 'approver', 'demo-association', 'approver-8');
    const address = 'other.org@example.org';
    const res = await record(
      { controller: PLATFORM, type: 'access', email: address, channel: 'phone', receivedOn: daysAgo(0), identity: 'attested', attestationReason: 'x' },
      [],
      elsewhere,
    );
    expect(res.status).toBe(403);
    expect(((await res.json()) as { errors: Record<string, string> }).errors).toHaveProperty('controller');
    expect(await storedWith(address)).toBe(0);
  });
});
