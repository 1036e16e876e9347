/**
 * What the person has to hold on to, through the local runtime: the page after the form shows the
 * address typed and survives a reload without posting again; confirming sends one receipt with the
 * reference, what was asked, the deadline and the status link, in the person's language; the
 * status page of an answered request says where the download went and whom to ask, without the
 * link; and staff's question shows as one status with the deadline paused, with a way back after
 * answering.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatDate } from '../../web/locale';
import { texts } from '../../web/texts/all';
import {
  answerDemoTasks,
  captureOutput,
  confirmFromEmail,
  decideOn,
  linksIn,
  mailbox,
  pressConfirm,
  REQUESTS_TABLE,
  staffToken,
  statusLinkIn,
  submitConfirmed,
  useRuntime,
  verificationEmailFor,
  waitForEmail,
  waitForFinal,
  waitForStatus,
} from '../harness';

const output = captureOutput();
const local = useRuntime();

async function requestItem(requestId: string): Promise<Record<string, any>> {
  return (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
}

const emailsTo = async (address: string) => (await mailbox(local.rt)).filter((e) => e.destination.to.includes(address));

/** The form's no-JavaScript post, as a browser sends it; the redirect is not followed. */
function postForm(fields: Record<string, string>): Promise<Response> {
  return fetch(`${local.rt.urls.gateway}/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams(fields).toString(),
    redirect: 'manual',
  });
}

describe('the page after the form', () => {
  const address = 'typo.person@exmaple.org';
  let page: URL;

  beforeAll(async () => {
    const posted = await postForm({ controller: 'demo-association', type: 'erasure', email: address, locale: 'sv' });
    expect(posted.status).toBe(303);
    page = new URL(posted.headers.get('location')!, local.rt.urls.gateway);
  });

  it('is reached by a redirect whose address carries a key, never the address typed', () => {
    expect(page.pathname).toMatch(/^\/v1\/requests\/[0-9a-f-]{36}\/sent$/);
    expect([...page.searchParams.keys()]).toEqual(['key']);
    expect(page.href.toLowerCase()).not.toContain('exmaple');
    expect(decodeURIComponent(page.href)).not.toContain(address);
  });

  it('shows the address typed, in the language of the form, and a reload shows it again without posting', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await fetch(page);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await res.text();
      expect(html).toContain(`<strong class="address">${address}</strong>`);
      expect(html).toContain(texts.sv.accepted.typo);
    }
    // One request, one email: the reloads posted nothing.
    expect(await emailsTo(address)).toHaveLength(1);
  });

  it('answers a wrong key as it answers an unknown page, and keeps the address out of the logs', async () => {
    const wrong = new URL(page);
    wrong.searchParams.set('key', 'A'.repeat(43));
    expect((await fetch(wrong)).status).toBe(404);
    expect((await fetch(new URL(page.pathname, page))).status).toBe(404);
    expect(output.join('')).not.toContain(address);
  });

  it('no longer shows the address once the request is confirmed', async () => {
    const requestId = page.pathname.split('/')[3]!;
    const confirmed = await confirmFromEmail(local.rt, await verificationEmailFor(local.rt, address, requestId));
    expect(confirmed.status).toBe(200);
    const html = await (await fetch(page)).text();
    expect(html).not.toContain(address);
    expect(html).toContain(texts.sv.accepted.addressHidden);
  });
});

describe('the receipt of a confirmed request', () => {
  const address = 'cecilia.receipt@example.org';
  let requestId: string;
  let statusUrl: string;

  beforeAll(async () => {
    ({ requestId, statusUrl } = await submitConfirmed(local.rt, { controller: 'demo-association', type: 'erasure', email: address, locale: 'sl' }));
  });

  it('comes right after confirming, once, in the person’s language, with the reference, the right, the deadline and the status link', async () => {
    const receipt = await waitForEmail(local.rt, address, 2);
    const t = texts.sl;
    const item = await requestItem(requestId);
    expect(receipt.subject).toBe(t.email.reference.subject({ subject: t.receipt.subject({ controller: 'Demo Association' }), reference: requestId }));
    const text = receipt.body.text ?? '';
    expect(text).toContain(`${t.receipt.reference}: ${requestId}`);
    expect(text).toContain(`${t.receipt.type}: ${t.requestType.erasure}`);
    expect(text).toContain(`${t.receipt.due}: ${formatDate(item.dueAt, 'sl')}`);
    expect(linksIn(receipt)).toContain(statusUrl);
    expect(item.receiptSentAt).toBeDefined();

    // A second press of the button, and the workflow's turns, send no second receipt.
    const link = linksIn(await verificationEmailFor(local.rt, address, requestId))[0]!;
    expect((await pressConfirm(link)).status).toBe(200);
    await waitForStatus(statusUrl, 'in_progress');
    const receipts = (await emailsTo(address)).filter((e) => e.subject.includes(t.receipt.subject({ controller: 'Demo Association' })));
    expect(receipts).toHaveLength(1);
  });

  it('is sent by Route, at the workflow’s next turn, when the verify step could not send it', async () => {
    const other = 'dora.receipt@example.org';
    const { requestId: id, statusUrl: url } = await submitConfirmed(local.rt, { controller: 'demo-association', type: 'erasure', email: other, locale: 'en' });
    await waitForStatus(url, 'in_progress');
    // As if SES had refused it at confirmation: no mark, the claim given back.
    await local.db.send(
      new UpdateCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${id}`, sk: 'REQUEST' }, UpdateExpression: 'REMOVE receiptSentAt, receiptStartedAt' }),
    );
    await answerDemoTasks(local.rt, id);
    await waitForFinal(url);
    const receipts = (await emailsTo(other)).filter((e) => e.subject.includes(texts.en.receipt.subject({ controller: 'Demo Association' })));
    expect(receipts).toHaveLength(2);
    expect((await requestItem(id)).receiptSentAt).toBeDefined();
  });
});

describe('staff’s question on the status page', () => {
  const address = 'erik.question@example.org';
  let requestId: string;
  let statusUrl: string;
  let approver: string;

  beforeAll(async () => {
    approver = await staffToken(local.rt, 'approver', '*', 'dpo.anna');
    ({ requestId, statusUrl } = await submitConfirmed(local.rt, {
      controller: 'demo-association',
      type: 'objection',
      email: address,
      locale: 'en',
      objectionScope: 'other',
      objectionGrounds: 'I do not want my attendance counted.',
    }));
    await waitForStatus(statusUrl, 'in_review');
    expect((await decideOn(local.rt, approver, requestId, { decision: 'request_info', text: 'Which events do you mean?' })).status).toBe(200);
  });

  it('shows one status and the deadline as paused; after the answer, a way back to the status page, which shows the deadline again', async () => {
    const s = texts.en.status;
    const asking = await (await fetch(statusUrl)).text();
    expect(asking).toContain(`<strong>${s.status}: ${s.awaitingAnswer.label}</strong>`);
    expect(asking).not.toContain(s.requestStatus.in_review.label);
    expect(asking).toContain(`<dt>${s.dueAt}</dt>\n<dd>${s.dueAtPaused}</dd>`);

    const key = new URL(statusUrl).searchParams.get('key')!;
    const answered = await fetch(`${local.rt.urls.gateway}/v1/requests/${requestId}/reply`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ key, answer: 'The spring meetings' }).toString(),
    });
    expect(answered.status).toBe(200);
    const thanks = await answered.text();
    const back = thanks.match(/<a href="(\/v1\/requests\/[^"]+\/status\?key=[^"]+)">/)?.[1]?.replace(/&amp;/g, '&');
    expect(back).toBeDefined();
    const after = await fetch(new URL(back!, local.rt.urls.gateway));
    expect(after.status).toBe(200);
    const html = await after.text();
    const due = (await requestItem(requestId)).dueAt as string;
    expect(html).toContain(`<strong>${s.status}: ${s.requestStatus.in_review.label}</strong>`);
    expect(html).toContain(`<dt>${s.dueAt}</dt>\n<dd>${formatDate(due, 'en')}</dd>`);
    expect(html).not.toContain('<textarea');
  });
});

describe('the status page of an answered access request', () => {
  it('says the download link was emailed and until when, without the link, names the DPO, and asks for no reload', async () => {
    const address = 'frida.download@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email: address, locale: 'en' });
    await answerDemoTasks(local.rt, requestId);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const completion = await waitForEmail(local.rt, address, 3);
    const download = linksIn(completion).find((l) => l.includes('/package?token='))!;
    expect(completion.subject).toContain(requestId);

    const html = await (await fetch(statusUrl)).text();
    const s = texts.en.status;
    expect(html).toContain(s.downloadTitle);
    expect(html).not.toContain(new URL(download).searchParams.get('token')!);
    expect(html).not.toMatch(/package(\/view)?\?token=/);
    expect(html).toContain('<a href="mailto:dpo@demo-association.example">dpo@demo-association.example</a>');
    expect(html).not.toContain(s.refreshHint);
    expect(statusLinkIn(completion.body.text ?? '')).toBe(statusUrl);
  });
});
