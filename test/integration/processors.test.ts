import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  answerDemoTasks,
  answerTaskLink,
  confirmFromEmail,
  mailbox,
  REQUESTS_TABLE,
  STAFF,
  statusLinkIn,
  storedBranch,
  submit,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
  waitForFinal,
} from '../harness';

const local = useRuntime();

const _branchKey = (requestId: string, processorId: string) => ({ pk: `REQ#${requestId}`, sk: `BRANCH#${processorId}` });
const branchOf = async (requestId: string, processorId: string) => (await storedBranch(local.db, requestId, processorId))!;
const auditOf = async (requestId: string) =>
  (
    await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `REQ#${requestId}`, ':a': 'AUDIT#' },
      }),
    )
  ).Items!;

/** The sweep as the scheduler runs it, at a chosen moment, in this process. */
async function sweepAt(at: Date) {
  const { sweep } = await import('../../functions/workflow/sweep');
  return sweep(at);
}

/** Submits and confirms a request; returns its id and status link. */
async function confirmed(type: 'access' | 'erasure', email: string, nth: number) {
  const { requestId } = await submit(local.rt, { type, email });
  const page = await confirmFromEmail(local.rt, await waitForEmail(local.rt, email, nth));
  return { requestId, statusUrl: statusLinkIn(await page.text()) };
}

async function waitForBranch(requestId: string, processorId: string, status: string) {
  for (let i = 0; i < 200; i++) {
    const b = await branchOf(requestId, processorId);
    if (b?.status === status) return b;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`branch ${processorId} never became ${status}`);
}

describe('an email-only vendor', () => {
  it('completes once when its link is used twice, keeping the first answer', async () => {
    const { requestId, statusUrl } = await confirmed('access', 'bo@example.org', 1);
    const link = await taskLinkFor(local.rt, VENDOR, requestId);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('bo@example.org'); // the vendor needs the identity to find the subject

    expect((await answerTaskLink(link, { note: 'first answer', file: { name: 'first.txt', content: 'first export' } })).status).toBe(200);
    const second = await answerTaskLink(link, { outcome: 'not_found', note: 'second answer' });
    expect(second.status).toBe(200);
    expect(await second.text()).toMatch(/already/i);

    const branch = await waitForBranch(requestId, 'bookkeeping', 'completed');
    expect(branch.note).toBe('first answer');
    expect(branch.attempts).toBe(1); // sent out once
    expect((await auditOf(requestId)).filter((e) => e.event === 'branch_completed' && e.detail?.processorId === 'bookkeeping')).toHaveLength(1);

    await answerTaskLink(await taskLinkFor(local.rt, STAFF, requestId), { note: 'nothing in the mailbox', outcome: 'not_found' });
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    expect((await branchOf(requestId, 'shared-mailbox')).recordCount).toBe(0);
  });

  it('is reminded when it does not answer, then the DPO is told before the deadline, without the subject in the email', async () => {
    const { requestId } = await confirmed('erasure', 'dan@example.org', 1);
    const firstLink = await taskLinkFor(local.rt, VENDOR, requestId);
    await waitForBranch(requestId, 'bookkeeping', 'waiting');
    for (;;) {
      const b = await branchOf(requestId, 'bookkeeping');
      if (b.submittedAt) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const submittedAt = Date.parse((await branchOf(requestId, 'bookkeeping')).submittedAt);

    // Eight days on: one reminder, with a new link; the old one stops working.
    await sweepAt(new Date(submittedAt + 8 * 86_400_000));
    const toVendor = (await mailbox(local.rt)).filter((e) => e.destination.to.includes(VENDOR) && e.body.text!.includes(requestId));
    expect(toVendor).toHaveLength(2);
    await sweepAt(new Date(submittedAt + 9 * 86_400_000));
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes(VENDOR) && e.body.text!.includes(requestId))).toHaveLength(2);
    expect((await fetch(firstLink)).status).toBe(404);

    // Fifteen days on, past the vendor's cut-off: the DPO hears, once.
    await sweepAt(new Date(submittedAt + 15 * 86_400_000));
    await sweepAt(new Date(submittedAt + 16 * 86_400_000));
    const toDpo = (await mailbox(local.rt)).filter((e) => e.destination.to.includes('dpo@demo-association.example') && e.body.text!.includes(requestId));
    expect(toDpo.length).toBeGreaterThanOrEqual(1);
    const escalations = toDpo.filter((e) => e.body.text!.includes('Demo Bookkeeping AB'));
    expect(escalations).toHaveLength(1);
    expect(JSON.stringify(escalations[0])).not.toContain('dan@example.org');
    expect((await branchOf(requestId, 'bookkeeping')).escalatedAt).toEqual(expect.any(String));

    // The vendor answers late, with the newest link: the request still completes.
    await answerDemoTasks(local.rt, requestId);
  });
});

describe('erasure that keeps what the law requires', () => {
  it('ends the legal hold and the suppression on schedule, and not before', async () => {
    const { requestId, statusUrl } = await confirmed('erasure', 'ada@example.org', 1);
    await answerDemoTasks(local.rt, requestId);
    await waitForFinal(statusUrl);
    const invoices = await local.db.send(
      new QueryCommand({
        TableName: 'demo-invoices',
        IndexName: 'by-email',
        KeyConditionExpression: 'email = :e',
        ExpressionAttributeValues: { ':e': 'ada@example.org' },
      }),
    );
    expect(invoices.Items).toHaveLength(2);
    const holdUntil = Date.parse(invoices.Items![0]!.holdUntil as string);

    const { isSuppressed } = await import('../../functions/retention/scheduled-erasures');
    expect(await isSuppressed('demo-association', 'mailing-list', ' ADA@example.org ')).toBe(true);
    expect(await isSuppressed('demo-association', 'mailing-list', 'bo@example.org')).toBe(false);

    // A year on, the suppression has ended (Dan's too, from the test above); the invoices are still held.
    const report = await sweepAt(new Date(Date.now() + 366 * 86_400_000));
    expect(report.erasedOnSchedule).toBeGreaterThanOrEqual(1);
    expect(await isSuppressed('demo-association', 'mailing-list', 'ada@example.org', new Date(Date.now() + 366 * 86_400_000))).toBe(false);
    expect(
      (
        await local.db.send(
          new QueryCommand({
            TableName: REQUESTS_TABLE,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': 'SUPPRESS#demo-association#mailing-list' },
          }),
        )
      ).Items,
    ).toEqual([]);
    expect((await local.db.send(new GetCommand({ TableName: 'demo-invoices', Key: { invoiceId: 'inv-3001' } }))).Item).toBeDefined();

    // When the hold ends, the held invoices go; the other subject's invoice stays.
    expect((await sweepAt(new Date(holdUntil + 1000))).erasedOnSchedule).toBe(2);
    expect((await local.db.send(new GetCommand({ TableName: 'demo-invoices', Key: { invoiceId: 'inv-3001' } }))).Item).toBeUndefined();
    expect((await local.db.send(new GetCommand({ TableName: 'demo-invoices', Key: { invoiceId: 'inv-3003' } }))).Item).toBeDefined();
    expect((await auditOf(requestId)).map((e) => e.event)).toEqual(expect.arrayContaining(['legal_hold_ended', 'suppression_ended']));
  });
});
