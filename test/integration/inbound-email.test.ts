/**
 * Requests by email, end to end on the local runtime: mail sent over SMTP to the demo association's
 * privacy address is stored and handed to the receiving function as SES's receipt rule does. A clear
 * erasure becomes a request from the sender, who gets the verification email, confirms, and sees it
 * completed; an unclear one waits for staff in the triage API; a message with 50 attachments and one
 * whose SPF and DKIM both fail make no request and no email.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import {
  answerDemoTasks,
  captureOutput,
  confirmFromEmail,
  linksIn,
  mailbox,
  poll,
  REQUESTS_TABLE,
  staffToken,
  statusLinkIn,
  useRuntime,
  waitForEmail,
  waitForFinal,
} from '../harness';

const output = captureOutput();
const local = useRuntime();
const PRIVACY = 'requests@demo-association.example';

/** Sends a message to the runtime's SMTP port as a mail server would, then waits for the receiving function. */
async function send(message: nodemailer.SendMailOptions): Promise<void> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(new URL(local.rt.urls.smtp).port), secure: false, ignoreTLS: true });
  try {
    await transport.sendMail({ to: PRIVACY, ...message });
  } finally {
    transport.close();
  }
  await local.rt.inboundMail.settled();
}

/** Every item of the requests table that holds this address as a request's. */
async function requestsOf(address: string): Promise<Record<string, any>[]> {
  const out = await local.db.send(new ScanCommand({ TableName: REQUESTS_TABLE, FilterExpression: 'email = :e', ExpressionAttributeValues: { ':e': address } }));
  return out.Items ?? [];
}

const emailsTo = async (address: string) => (await mailbox(local.rt)).filter((e) => e.destination.to.includes(address));

const staffApi = (token: string, path: string, init: RequestInit = {}) =>
  fetch(`${local.rt.urls.gateway}/v1/staff/inbound${path}`, {
    ...init,
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: `Bearer ${token}` },
  });

describe('a request by email', () => {
  it('becomes a request from the sender, who confirms it, and it runs to completion', async () => {
    const sender = 'mail.erasure@example.org';
    await send({ from: `Mira Mail <${sender}>`, subject: 'Please delete my data', text: 'Hello,\n\nplease delete all my personal data.\n\nMira' });

    const verification = await waitForEmail(local.rt, sender);
    expect(verification.subject).toContain('Demo Association');
    // One email is both: it acknowledges the request by email and asks to confirm it.
    expect(verification.body.text).toContain('We received your email and have recorded it as this request');
    const requestId = linksIn(verification)
      .find((l) => l.includes('/verify?token='))!
      .match(/requests\/([^/]+)\/verify/)![1]!;
    const [stored] = await requestsOf(sender);
    expect(stored).toMatchObject({ requestId, type: 'erasure', channel: 'email', locale: 'en', status: 'awaiting_verification' });
    expect(stored!.details.message).toContain('please delete all my personal data');

    const confirmed = await confirmFromEmail(local.rt, verification);
    expect(confirmed.status).toBe(200);
    await answerDemoTasks(local.rt, requestId);
    const final = await waitForFinal(statusLinkIn(await confirmed.text()), 60_000);
    expect(final.status).toBe('completed');
  }, 120_000);

  it('is read in Swedish when written in Swedish', async () => {
    const sender = 'mail.sv@example.org';
    await send({ from: sender, subject: 'Registerutdrag', text: 'Hej! Jag vill ha ett registerutdrag med alla personuppgifter ni har om mig. Tack!' });
    await waitForEmail(local.rt, sender);
    const [stored] = await requestsOf(sender);
    expect(stored).toMatchObject({ type: 'access', locale: 'sv', channel: 'email' });
  }, 60_000);

  it('is refused at SMTP when sent to an address no receipt rule names', async () => {
    await expect(send({ from: 'someone@example.org', to: 'nobody@demo-association.example', subject: 'Delete', text: 'Delete my data' })).rejects.toMatchObject(
      {
        responseCode: 550,
      },
    );
  });
});

describe('a request by email whose right is unclear', () => {
  it('waits for staff, who read it and choose the right; the verification email then goes out', async () => {
    const sender = 'mail.unclear@example.org';
    await send({ from: sender, subject: 'My account', text: 'Hi, what do you do with the things I gave you? Regards' });
    expect(await requestsOf(sender)).toEqual([]);
    expect(await emailsTo(sender)).toEqual([]);

    const viewer = await staffToken(local.rt, 'viewer', '*', 'viewer-1');
    const list = (await (await staffApi(viewer, '')).json()) as { drafts: Record<string, unknown>[] };
    const draft = list.drafts.find((d) => d.reason === 'right_unclear');
    expect(draft).toMatchObject({ controllerId: 'demo-association', locale: 'en', attachmentCount: 0 });
    // The list carries no address and no words; the detail does, and reading it is audited.
    expect(JSON.stringify(list)).not.toContain(sender);
    const detail = (await (await staffApi(viewer, `/${draft!.draftId}`)).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({ from: sender, subject: 'My account', status: 'open' });
    expect(detail.text).toContain('what do you do with the things I gave you');

    // Viewers read; only approvers decide.
    expect((await staffApi(viewer, `/${draft!.draftId}`, { method: 'POST', body: JSON.stringify({ action: 'accept', type: 'access' }) })).status).toBe(403);
    const approver = await staffToken(local.rt, 'approver', '*', 'approver-1');
    const refused = await staffApi(approver, `/${draft!.draftId}`, { method: 'POST', body: JSON.stringify({ action: 'accept', type: 'objection' }) });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { errors: Record<string, string> }).errors.objectionScope).toBeDefined();

    const accepted = await staffApi(approver, `/${draft!.draftId}`, { method: 'POST', body: JSON.stringify({ action: 'accept', type: 'access' }) });
    expect(accepted.status).toBe(200);
    const { requestId } = (await accepted.json()) as { requestId: string };
    const verification = await waitForEmail(local.rt, sender);
    expect(linksIn(verification).some((l) => l.includes(`/v1/requests/${requestId}/verify`))).toBe(true);
    expect(await requestsOf(sender)).toMatchObject([{ requestId, type: 'access', channel: 'email' }]);

    // Decided once: the draft has left the list, lost the message, and a second decision is a conflict.
    const after = (await (await staffApi(viewer, '')).json()) as { drafts: Record<string, unknown>[] };
    expect(after.drafts.map((d) => d.draftId)).not.toContain(draft!.draftId);
    const again = await staffApi(approver, `/${draft!.draftId}`, { method: 'POST', body: JSON.stringify({ action: 'discard' }) });
    expect(again.status).toBe(409);
  }, 60_000);

  it('can be discarded by an approver, and nobody is written to', async () => {
    const sender = 'mail.discard@example.org';
    await send({ from: sender, subject: 'Hello', text: 'Is this the right address for invoices?' });
    const approver = await staffToken(local.rt, 'approver', '*', 'approver-2');
    const draft = await poll(
      async () => ((await (await staffApi(approver, '')).json()) as { drafts: { draftId: string; receivedAt: string }[] }).drafts.at(-1),
      { timeoutMs: 5_000, failure: () => 'no draft' },
    );
    const discarded = await staffApi(approver, `/${draft.draftId}`, { method: 'POST', body: JSON.stringify({ action: 'discard' }) });
    expect(discarded.status).toBe(200);
    const detail = (await (await staffApi(approver, `/${draft.draftId}`)).json()) as Record<string, unknown>;
    expect(detail.status).toBe('discarded');
    expect(detail.from).toBeUndefined();
    expect(await emailsTo(sender)).toEqual([]);
  }, 60_000);
});

describe('bad mail', () => {
  it('with 50 attachments makes no request and sends no email', async () => {
    const sender = 'mail.attachments@example.org';
    const attachments = Array.from({ length: 50 }, (_, i) => ({ filename: `scan-${i + 1}.txt`, content: `page ${i + 1}` }));
    await send({ from: sender, subject: 'Delete my data', text: 'Please delete all my data.', attachments });
    expect(await requestsOf(sender)).toEqual([]);
    expect(await emailsTo(sender)).toEqual([]);
  }, 60_000);

  it('whose SPF and DKIM both fail makes no request and sends no email to the forged sender', async () => {
    const sender = 'mail.forged@example.org';
    await send({
      from: sender,
      subject: 'Delete my data',
      text: 'Please delete all my personal data.',
      headers: { 'Authentication-Results': 'mx.local; spf=fail smtp.mailfrom=example.org; dkim=fail header.d=example.org' },
    });
    expect(await requestsOf(sender)).toEqual([]);
    expect(await emailsTo(sender)).toEqual([]);
  }, 60_000);

  it('marked as spam makes no request and no email', async () => {
    const sender = 'mail.spam@example.org';
    await send({ from: sender, subject: 'Delete my data', text: 'Please delete all my data.', headers: { 'X-SES-Spam-Verdict': 'FAIL' } });
    expect(await requestsOf(sender)).toEqual([]);
    expect(await emailsTo(sender)).toEqual([]);
  }, 60_000);

  it('leaves no address in the logs', () => {
    const logs = output.join('');
    expect(logs).toContain('inbound mail');
    for (const address of ['mail.erasure@', 'mail.unclear@', 'mail.attachments@', 'mail.forged@', 'mail.spam@']) expect(logs).not.toContain(address);
  });
});
