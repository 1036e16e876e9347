/**
 * Answers that tell the truth (issue 16, item 4): an email vendor's one-time link answers that it
 * kept the data on a legal basis, or did the erasure only in part, and the subject's completion
 * email says exactly that, per processor. A bad answer is refused by field and stores nothing.
 */
import { describe, expect, it } from 'vitest';
import { answerTaskLink, mailbox, STAFF, storedBranch, submitConfirmed, taskLinkFor, useRuntime, VENDOR, waitForEmail, waitForFinal } from '../harness';

const local = useRuntime();

const branchOf = async (requestId: string, processorId = 'bookkeeping') => (await storedBranch(local.db, requestId, processorId))!;

const inAYear = () => new Date(Date.now() + 366 * 86_400_000).toISOString().slice(0, 10);

/** Posts the task form as a browser without JavaScript would: urlencoded, every field, blank or not. */
function postForm(link: string, fields: Record<string, string>, accept = 'text/html,application/xhtml+xml') {
  const all = { outcome: '', basis: '', kept: '', reason: '', until: '', note: '', ...fields };
  return fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept }, body: new URLSearchParams(all).toString() });
}

describe("an email vendor's answer", () => {
  it('refuses retained without a basis and a past until, naming the fields, storing nothing: as JSON, or the page again for a browser', async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email: 'erik@example.org' });
    const link = await taskLinkFor(local.rt, VENDOR, requestId);

    const json = await postForm(link, { outcome: 'retained', until: '2020-01-01' }, 'application/json');
    expect(json.status).toBe(400);
    expect(await json.json()).toMatchObject({ errors: { basis: expect.stringContaining('basis'), until: 'until must be a date in the future' } });

    const partly = await postForm(link, { outcome: 'partly', kept: 'Invoices' }, 'application/json');
    expect(partly.status).toBe(400);
    expect(((await partly.json()) as { errors: unknown }).errors).toEqual({ reason: expect.stringContaining('reason') });

    const page = await postForm(link, { outcome: 'retained', until: '2020-01-01', note: 'We keep the ledger' });
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Give the legal basis the data is kept on');
    expect(html).toContain('value="2020-01-01"');
    expect(html).toContain('We keep the ledger');

    const branch = await branchOf(requestId);
    expect(branch.status).toBe('waiting');
    expect(branch.answer).toBeUndefined();
    // The link still works: nothing was spent on a refused answer.
    expect((await fetch(link)).status).toBe(200);
  });

  it('retained reaches the subject: the email says what was kept, on what basis, until when, and not that it was erased', async () => {
    const email = 'frida@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email });
    const until = inAYear();
    const res = await postForm(await taskLinkFor(local.rt, VENDOR, requestId), { outcome: 'retained', basis: 'Bookkeeping Act, chapter 7', until });
    expect(res.status).toBe(200);
    expect(await branchOf(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'retained', basis: 'Bookkeeping Act, chapter 7', until } });
    expect((await answerTaskLink(await taskLinkFor(local.rt, STAFF, requestId))).status).toBe(200);

    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const text = (await waitForEmail(local.rt, email, 3)).body.text ?? '';
    const line = text.split('\n').find((l) => l.startsWith('- Demo Bookkeeping AB')) ?? '';
    expect(line).toContain('kept your data, which was not erased or changed – legal basis: Bookkeeping Act, chapter 7; until ');
    expect(line).not.toContain('confirmed');
  });

  it('partly reaches the subject: what was kept and why', async () => {
    const email = 'gustav@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email });
    const res = await postForm(await taskLinkFor(local.rt, VENDOR, requestId), { outcome: 'partly', kept: 'Invoices of 2025', reason: 'Tax law' });
    expect(res.status).toBe(200);
    expect((await branchOf(requestId)).answer).toEqual({ outcome: 'partly', kept: 'Invoices of 2025', reason: 'Tax law' });
    expect((await answerTaskLink(await taskLinkFor(local.rt, STAFF, requestId))).status).toBe(200);

    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const text = (await waitForEmail(local.rt, email, 3)).body.text ?? '';
    const line = text.split('\n').find((l) => l.startsWith('- Demo Bookkeeping AB')) ?? '';
    expect(line).toContain('done only in part – kept: Invoices of 2025; why: Tax law');
    expect(line).not.toContain('confirmed');
  });

  it("reaches the DPO's digest: per request and processor, what was kept, on what basis, until when", async () => {
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email: 'hedda@example.org' });
    const until = inAYear();
    const res = await postForm(await taskLinkFor(local.rt, VENDOR, requestId), { outcome: 'retained', basis: 'Accounting Act, section 7', until });
    expect(res.status).toBe(200);
    const before = (await mailbox(local.rt)).length;

    const digest = local.rt.schedules.find((sc) => (sc.input as { controllerId?: string }).controllerId === 'demo-association')!;
    await local.rt.runSchedule(digest.logicalId);
    const mail = (await mailbox(local.rt)).slice(before).find((m) => m.subject.startsWith('Compliance digest: Demo Association'));
    const text = mail?.body.text ?? '';
    const line = text.split('\n').find((l) => l.startsWith(requestId)) ?? '';
    expect(line).toContain('| Demo Bookkeeping AB (accounting firm) | Kept – legal basis: Accounting Act, section 7; until ');
    expect(line).toContain(String(new Date(until).getUTCFullYear()));
  });
});
