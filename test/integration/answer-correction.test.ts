/**
 * Staff correct a wrong answer (issue 18, item 2): a vendor said it erased everything, then it
 * turns out invoices were kept. An approver corrects the answer from the staff API; the change is
 * audited, the branch keeps what it said before, and the person, who had the result, is told.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerTaskLink,
  decideOn,
  mailbox,
  STAFF,
  staffToken,
  storedBranch,
  submitConfirmed,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
  waitForFinal,
} from '../harness';

const local = useRuntime();
let approver: string;

beforeAll(async () => {
  approver = await staffToken(local.rt, 'approver', '*', 'dpo.anna');
});

const branchOf = async (requestId: string, processorId = 'bookkeeping') => (await storedBranch(local.db, requestId, processorId))!;

describe("correcting a processor's answer", () => {
  it('records the corrected answer with what it said before, audits it and tells the person who had the result', async () => {
    const email = 'cora.correction@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email, locale: 'sv' });
    expect((await answerTaskLink(await taskLinkFor(local.rt, VENDOR, requestId))).status).toBe(200);
    expect((await answerTaskLink(await taskLinkFor(local.rt, STAFF, requestId))).status).toBe(200);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    // The verification, the receipt, then the result.
    await waitForEmail(local.rt, email, 3);

    const correction = { decision: 'correct_answer', processorId: 'bookkeeping', outcome: 'partly', why: 'Byrån meddelade senare att fakturor måste sparas.' };
    // What was kept, and why, must be said: refused by field, nothing changed.
    const bad = await decideOn(local.rt, approver, requestId, correction);
    expect(bad.status).toBe(400);
    expect((await bad.json()) as { errors: Record<string, string> }).toMatchObject({ errors: { kept: expect.any(String), reason: expect.any(String) } });
    expect((await branchOf(requestId)).answer).toEqual({ outcome: 'done' });

    const res = await decideOn(local.rt, approver, requestId, { ...correction, kept: 'Fakturor från 2025', reason: 'Bokföringslagen 7 kap.' });
    expect(res.status).toBe(200);
    const detail = JSON.stringify(await res.json());
    expect(detail).toContain('answer_corrected');
    const branch = await branchOf(requestId);
    expect(branch.answer).toEqual({ outcome: 'partly', kept: 'Fakturor från 2025', reason: 'Bokföringslagen 7 kap.' });
    expect(branch.answerCorrection).toMatchObject({ by: 'dpo.anna', previous: { outcome: 'done' }, why: correction.why });

    // The status page no longer calls that system plain "done".
    const page = await (await fetch(statusUrl, { headers: { accept: 'text/html' } })).text();
    expect(page).toContain('Delvis klart – vissa uppgifter sparas (se vårt svar)');

    // The person is told, in their language, what is right now and why; never "erased" for what was kept.
    const told = await waitForEmail(local.rt, email, 4);
    expect(told.subject).toMatch(/^Rättelse: /);
    const text = told.body.text ?? '';
    expect(text).toContain('Fakturor från 2025');
    expect(text).toContain(correction.why);
    expect(text).not.toMatch(/raderingen är bekräftad/);
    expect((await mailbox(local.rt)).filter((m) => m.destination.to.includes(email))).toHaveLength(4);
  });

  it('refuses to correct a system that has not answered, and a viewer may not correct at all', async () => {
    const email = 'cora.waiting@example.org';
    const { requestId } = await submitConfirmed(local.rt, { type: 'erasure', email });
    await taskLinkFor(local.rt, VENDOR, requestId);
    const correction = { decision: 'correct_answer', processorId: 'bookkeeping', outcome: 'not_found', why: 'Nothing there.' };
    expect((await decideOn(local.rt, approver, requestId, correction)).status).toBe(409);
    const viewer = await staffToken(local.rt, 'viewer', '*', 'viewer.vic');
    expect((await decideOn(local.rt, viewer, requestId, correction)).status).toBe(403);
    expect((await branchOf(requestId)).answer).toBeUndefined();
  });
});
