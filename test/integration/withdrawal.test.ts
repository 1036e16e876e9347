/**
 * Withdrawal through the local runtime: the status page's button opens a page that asks to
 * confirm; only its POST withdraws, then the browser is sent on to the status page, so a reload
 * withdraws nothing twice. Every processor still working is told (OpenDSR by DELETE, the email
 * vendor and staff by one email each, a webhook by a signed notice); their task links say the
 * request was withdrawn; the subject gets one receipt, in their language; and the status page
 * shows one status, with stopped branches as stopped.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import {
  branchKey,
  confirmFromEmail,
  mailbox,
  poll,
  REQUESTS_TABLE,
  STAFF,
  type StoredEmail,
  statusLinkIn,
  statusOf,
  submit,
  submitConfirmed,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
} from '../harness';

const SECRET = 'test-volunteer-portal-secret-0123456789abcdef';
type Notice = { type?: string; requestId: string; processorId: string; withdrawnAt?: string };
const notices: Notice[] = [];

// The campaign office's own endpoint: answers every event later (202), keeps what it is sent, checks the signature.
const receiver: Server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const parts = new Map(
      String(req.headers['x-dsr-signature'] ?? '')
        .split(',')
        .map((p) => p.split('=') as [string, string]),
    );
    const expected = createHmac('sha256', SECRET)
      .update(`${parts.get('t')}.${body}`)
      .digest();
    const given = Buffer.from(parts.get('v1') ?? '', 'hex');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.writeHead(401).end();
      return;
    }
    notices.push(JSON.parse(body) as Notice);
    res.writeHead(202).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));

// The demo newsletter takes a minute to answer, so it is still working when the subject withdraws.
const local = useRuntime({
  demoCallbackDelayMs: 60_000,
  inhouseWebhookUrl: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/dsr`,
  processorSecrets: { 'demo-volunteer-portal-webhook': SECRET },
});

const item = async (requestId: string, sk: string) =>
  (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk }, ConsistentRead: true }))).Item;

const until = <T>(what: string, f: () => Promise<T | undefined>) => poll(f, { timeoutMs: 20_000, failure: () => `timed out waiting for ${what}` });

const cancelUrl = (statusUrl: string) => {
  const url = new URL(statusUrl);
  return `${url.origin}${url.pathname.replace(/\/status$/, '/cancel')}`;
};

/** The confirm page's POST (or, with `confirm: false`, a post without the confirmation, as an old page's form sent it). */
function withdraw(statusUrl: string, { accept = 'text/html', confirm = true } = {}): Promise<Response> {
  const key = new URL(statusUrl).searchParams.get('key')!;
  return fetch(cancelUrl(statusUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
    body: new URLSearchParams({ key, ...(confirm ? { confirm: 'yes' } : {}) }).toString(),
  });
}

const mailTo = async (to: string, requestId: string) =>
  (await mailbox(local.rt)).filter((e) => e.destination.to.includes(to) && `${e.subject} ${e.body.text}`.includes(requestId));

describe('withdrawing a request', () => {
  it('asks first, then stops it, tells every processor still working once, sends a receipt, and shows one status', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'ada@example.org' });
    const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'ada@example.org'));
    const statusUrl = statusLinkIn(await confirmed.text());
    const vendorLink = await taskLinkFor(local.rt, VENDOR, requestId);
    const staffLink = await taskLinkFor(local.rt, STAFF, requestId);
    const newsletter = await until('the newsletter request', async () => {
      const b = await item(requestId, 'BRANCH#newsletter');
      return b?.submittedAt ? b : undefined;
    });

    // The status page's button is a GET to the page that asks; opening that page withdraws nothing.
    const page = await (await fetch(statusUrl)).text();
    expect(page).toContain(`<form method="get" action="/v1/requests/${requestId}/cancel">`);
    const key = new URL(statusUrl).searchParams.get('key')!;
    const ask = await fetch(`${cancelUrl(statusUrl)}?key=${encodeURIComponent(key)}`);
    expect(ask.status).toBe(200);
    const asking = await ask.text();
    expect(asking).toContain('Withdraw your request?');
    expect(asking).toContain(`<form method="post" action="/v1/requests/${requestId}/cancel">`);
    expect(asking).toContain('name="confirm" value="yes"');
    expect(asking).toContain('We will email you a receipt.');
    // A post without the confirmation (an old status page's one-tap form) only asks too.
    const oneTap = await withdraw(statusUrl, { confirm: false });
    expect(oneTap.status).toBe(200);
    expect(await oneTap.text()).toContain('Withdraw your request?');
    expect((await item(requestId, 'REQUEST'))!.status).toBe('in_progress');

    // Confirmed: recorded, then on to the status page with a GET (a reload posts nothing).
    const res = await withdraw(statusUrl);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/v1/requests/${requestId}/status?key=${encodeURIComponent(key)}`);
    const after = await (await fetch(new URL(res.headers.get('location')!, statusUrl))).text();
    expect(after.match(/Current status: Withdrawn/g)).toHaveLength(1);
    expect(after).not.toContain('Cancelled');
    expect(after).not.toContain('Answer due by');
    expect(after).not.toContain('Problem – staff will follow up');
    expect(after).toContain('Stopped – request withdrawn');
    expect(after).not.toContain('/cancel');

    const view = await statusOf(statusUrl);
    expect(view.status).toBe('cancelled');
    expect(view.dueAt).toBeNull();
    expect(view.processors).toEqual(
      expect.arrayContaining([
        { id: 'members', status: 'completed' },
        { id: 'bookkeeping', status: 'stopped' },
        { id: 'shared-mailbox', status: 'stopped' },
        { id: 'newsletter', status: 'stopped' },
      ]),
    );
    expect((await item(requestId, 'BRANCH#bookkeeping'))!.errorClass).toBe('RequestWithdrawn');

    // The OpenDSR processor was asked to drop it (DELETE /requests/{id}).
    const atProcessor = await fetch(`${local.rt.urls.newsletter}/requests/${newsletter.externalId}`);
    expect(((await atProcessor.json()) as { request_status: string }).request_status).toBe('cancelled');

    // The email vendor and the staff member are each told once, by reference only, in the controller's language.
    const vendorNotice = (await mailTo(VENDOR, requestId)).filter((e) => e.subject.startsWith('Withdrawn:'));
    expect(vendorNotice).toHaveLength(1);
    expect(vendorNotice[0]!.subject).toBe(`Withdrawn: request ${requestId} from Demo Association (Demo Bookkeeping AB (accounting firm))`);
    expect(vendorNotice[0]!.body.text).not.toContain('ada@example.org');
    expect((await mailTo(STAFF, requestId)).filter((e) => e.subject.startsWith('Withdrawn:'))).toHaveLength(1);
    // Their links say the request was withdrawn, not that they answered it.
    for (const link of [vendorLink, staffLink]) {
      const task = await (await fetch(link)).text();
      expect(task).toContain('This request was withdrawn');
      expect(task).not.toContain('An answer was sent through this link earlier');
    }

    // The subject's receipt, once.
    const receipts = (await mailbox(local.rt)).filter((e) => e.destination.to.includes('ada@example.org') && e.subject.includes('withdrawn'));
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.subject).toBe(`Your request to Demo Association is withdrawn (ref. ${requestId})`);
    expect(receipts[0]!.body.text).toContain(requestId);

    // The workflow ran to its end without a package or a result email, and nobody was escalated to.
    const sfn = new SFNClient({ endpoint: local.rt.urls.sfn });
    const executionArn = `${local.rt.stateMachineArn.replace(':stateMachine:', ':execution:')}:${requestId}`;
    await until('the execution to end', async () => {
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return status === 'SUCCEEDED' ? status : undefined;
    });
    const request = (await item(requestId, 'REQUEST'))!;
    expect(request.packageKey).toBeUndefined();
    expect(request).not.toHaveProperty('openCtl');
    expect(request.withdrawalReceiptSentAt).toBeDefined();
    const mail = await mailbox(local.rt);
    expect(mail.filter((e) => e.destination.to.includes('ada@example.org'))).toHaveLength(3); // the verification and the two receipts
    expect(mail.filter((e) => e.destination.to.includes('dpo@demo-association.example'))).toEqual([]);

    // A reload of the confirmation withdraws nothing again and sends nothing again; a program is told 409.
    const count = mail.length;
    const again = await withdraw(statusUrl);
    expect(again.status).toBe(303);
    expect((await withdraw(statusUrl, { accept: 'application/json' })).status).toBe(409);
    expect((await mailbox(local.rt)).length).toBe(count);
    // Nor is it asked again: the page that asks goes on to the status page.
    const askAgain = await fetch(`${cancelUrl(statusUrl)}?key=${encodeURIComponent(key)}`, { redirect: 'manual' });
    expect(askAgain.status).toBe(303);
  });

  it('sends the receipt and asks in the subject’s own language', async () => {
    for (const [locale, subject, title] of [
      ['sv', 'Din begäran till Demo Association är återkallad (ärende', 'Återkalla din begäran?'],
      ['sl', 'Vaša zahteva za organizacijo Demo Association je umaknjena (št.', 'Želite umakniti zahtevo?'],
    ] as const) {
      const email = `receipt-${locale}@example.org`;
      const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email, locale });
      const key = new URL(statusUrl).searchParams.get('key')!;
      expect(await (await fetch(`${cancelUrl(statusUrl)}?key=${encodeURIComponent(key)}`)).text()).toContain(title);
      expect((await withdraw(statusUrl)).status).toBe(303);
      const receipt: StoredEmail = await until('the receipt', async () =>
        // Every email about the request names it: the receipt is the one that says it is withdrawn.
        (await mailbox(local.rt)).find((e) => e.destination.to.includes(email) && e.subject.startsWith(subject)),
      );
      expect(receipt.subject).toBe(`${subject} ${requestId})`);
      const page = await (await fetch(statusUrl)).text();
      expect(page).toContain(locale === 'sv' ? 'Återkallad' : 'Umaknjena');
    }
  });

  it('sends a webhook still working a signed withdrawal notice, once', async () => {
    const { requestId, statusUrl } = await submitConfirmed(local.rt, {
      type: 'erasure',
      email: 'hook@example.org',
      locale: 'en',
      controller: 'demo-campaign-office',
    });
    await until('the webhook to be sent the request', async () => {
      const b = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey(requestId, 'volunteer-portal'), ConsistentRead: true }))).Item;
      return b?.status === 'waiting' && b.submittedAt ? b : undefined;
    });
    expect((await withdraw(statusUrl, { accept: 'application/json' })).status).toBe(200);
    expect((await withdraw(statusUrl)).status).toBe(303);
    const told = notices.filter((n) => n.requestId === requestId && n.type === 'withdrawal');
    expect(told).toEqual([
      { version: '1', type: 'withdrawal', requestId, processorId: 'volunteer-portal', controllerId: 'demo-campaign-office', withdrawnAt: expect.any(String) },
    ]);
    expect((await statusOf(statusUrl)).processors).toContainEqual({ id: 'volunteer-portal', status: 'stopped' });
  });

  it('forgets the address of a request withdrawn before it was confirmed, and sends it nothing', async () => {
    const { requestId } = await submit(local.rt, { type: 'erasure', email: 'bo@example.org', name: 'Bo' });
    await waitForEmail(local.rt, 'bo@example.org');
    const statusKey = (await item(requestId, 'REQUEST'))!.statusKey as string;
    const statusUrl = `${local.rt.urls.gateway}/v1/requests/${requestId}/status?key=${statusKey}`;
    const ask = await (await fetch(`${cancelUrl(statusUrl)}?key=${statusKey}`)).text();
    expect(ask).not.toContain('We will email you a receipt.');
    const res = await withdraw(statusUrl, { accept: 'application/json' });
    expect(res.status).toBe(200);
    const request = (await item(requestId, 'REQUEST'))!;
    expect(request.status).toBe('cancelled');
    expect(request).not.toHaveProperty('email');
    expect(request).not.toHaveProperty('name');
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('bo@example.org'))).toHaveLength(1);
    // Its status link ended with the address, and says the request was withdrawn.
    const ended = await fetch(statusUrl);
    expect(ended.status).toBe(410);
    expect(await ended.text()).toContain('This request was withdrawn.');
  });

  it('refuses a wrong key like an unknown request', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'cecilia@example.org' });
    const statusUrl = `${local.rt.urls.gateway}/v1/requests/${requestId}/status?key=${'x'.repeat(43)}`;
    expect((await withdraw(statusUrl, { accept: 'application/json' })).status).toBe(404);
    expect((await withdraw(statusUrl)).status).toBe(404);
    expect((await fetch(`${cancelUrl(statusUrl)}?key=${'x'.repeat(43)}`)).status).toBe(404);
    expect((await item(requestId, 'REQUEST'))!.status).toBe('awaiting_verification');
  });
});
