import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerTaskLink,
  confirmFromEmail,
  decideOn,
  documentClient,
  mailbox,
  REQUESTS_TABLE,
  type Runtime,
  removeDir,
  staffToken,
  start,
  statusLinkIn,
  statusOf,
  submit,
  taskLinkFor,
  tempDataDir,
  VENDOR,
  waitForEmail,
  waitForFinal,
  waitForStatus,
} from '../harness';

let rt: Runtime;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  // Waits shrink a hundred-thousandfold: the two-day heartbeat lasts under two seconds.
  rt = await start(dataDir, undefined, { timeScale: 0.00001 });
});

afterAll(async () => {
  await rt?.stop();
  removeDir(dataDir);
});

describe('a processor that never answers', () => {
  it('runs out of time, is recorded as failed, the DPO is told, and staff decide before the request is answered', async () => {
    const { requestId } = await submit(rt, { type: 'access', email: 'bo@example.org' });
    const confirmed = await confirmFromEmail(rt, await waitForEmail(rt, 'bo@example.org'));
    const statusUrl = statusLinkIn(await confirmed.text());
    const review = await waitForStatus(statusUrl, 'in_review', 60_000);

    expect(review.processors).toEqual(
      expect.arrayContaining([
        { id: 'members', status: 'completed' },
        { id: 'bookkeeping', status: 'failed' },
        { id: 'shared-mailbox', status: 'failed' },
      ]),
    );
    const db = documentClient(rt.urls.dynamodb);
    const branch = (await db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'BRANCH#bookkeeping' } }))).Item!;
    expect(branch.errorClass).toMatch(/^States\.(Heartbeat)?Timeout$/);
    const request = (await db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
    expect(request).toMatchObject({ reviewStage: 'closing', reviewReasons: ['branch_failed'] });

    const toDpo = (await mailbox(rt)).filter((e) => e.destination.to.includes('dpo@demo-association.example') && e.body.text!.includes(requestId));
    expect(toDpo.length).toBeGreaterThanOrEqual(2);
    for (const email of toDpo) expect(JSON.stringify(email)).not.toContain('bo@example.org');
    // Nothing reached the subject yet beyond the verification email and the receipt.
    expect((await mailbox(rt)).filter((e) => e.destination.to.includes('bo@example.org'))).toHaveLength(2);

    // Staff close it as it is: the subject hears that some places will be followed up.
    const approver = await staffToken(rt, 'approver');
    expect((await decideOn(rt, approver, requestId, { decision: 'approve' })).status).toBe(200);
    expect((await waitForFinal(statusUrl, 60_000)).status).toBe('completed');
    const completion = await waitForEmail(rt, 'bo@example.org', 3);
    expect(completion.body.text).toContain('Demo Bookkeeping AB');
  });

  it('is retried by staff: the vendor is asked again, and a task staff did by hand is marked done', async () => {
    const { requestId } = await submit(rt, { type: 'access', email: 'dan@example.org' });
    const confirmed = await confirmFromEmail(rt, await waitForEmail(rt, 'dan@example.org'));
    const statusUrl = statusLinkIn(await confirmed.text());
    await waitForStatus(statusUrl, 'in_review', 60_000);
    const approver = await staffToken(rt, 'approver', 'demo-association', 'dpo.anna');
    const firstLink = await taskLinkFor(rt, VENDOR, requestId);

    expect((await decideOn(rt, approver, requestId, { decision: 'retry_branch', processorId: 'bookkeeping' })).status).toBe(200);
    // A new link goes out; the vendor answers it this time.
    let link = firstLink;
    for (const deadline = Date.now() + 20_000; link === firstLink && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 200));
      link = await taskLinkFor(rt, VENDOR, requestId);
    }
    expect(link).not.toBe(firstLink);
    expect((await answerTaskLink(link, { outcome: 'not_found', note: 'no records' })).status).toBe(200);

    // The staff task that timed out is still failed, so the request comes back to staff.
    await waitForStatus(statusUrl, 'in_review', 60_000);
    expect((await statusOf(statusUrl)).processors).toEqual(
      expect.arrayContaining([
        { id: 'bookkeeping', status: 'completed' },
        { id: 'shared-mailbox', status: 'failed' },
      ]),
    );
    expect(
      (await decideOn(rt, approver, requestId, { decision: 'complete_task', processorId: 'shared-mailbox', note: 'Searched the mailbox by hand: nothing.' }))
        .status,
    ).toBe(200);
    expect((await decideOn(rt, approver, requestId, { decision: 'approve' })).status).toBe(200);
    const final = await waitForFinal(statusUrl, 60_000);
    expect(final.processors).toEqual(
      expect.arrayContaining([
        { id: 'bookkeeping', status: 'completed' },
        { id: 'shared-mailbox', status: 'completed' },
      ]),
    );
  });
});
