import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { confirmFromEmail, mailbox, REQUESTS_TABLE, requestKey, statusLinkIn, statusOf, storedRequest, submit, useRuntime, waitForEmail } from '../harness';

const local = useRuntime();

describe('deadlines', () => {
  it('reminds the DPO 7 and 2 days before an unanswered request is due, and once when it is overdue', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'dan@example.org' });
    const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'dan@example.org'));
    const { dueAt } = await statusOf(statusLinkIn(await confirmed.text()));
    const due = Date.parse(dueAt!);
    const { sweep } = await import('../../functions/workflow/sweep');
    const toDpo = async () =>
      (await mailbox(local.rt)).filter((e) => e.destination.to.includes('dpo@demo-association.example') && e.subject.includes(requestId)).map((e) => e.subject);

    // The vendor and staff never answer here; only the deadline emails are counted.
    await sweep(new Date(due - 10 * 86_400_000));
    expect((await toDpo()).filter((s) => s.startsWith('Due'))).toEqual([]);
    await sweep(new Date(due - 6 * 86_400_000));
    await sweep(new Date(due - 5 * 86_400_000));
    await sweep(new Date(due - 1 * 86_400_000));
    await sweep(new Date(due + 3_600_000));
    await sweep(new Date(due + 7_200_000));
    const deadlineMail = (await toDpo()).filter((s) => /^(Due|Overdue)/.test(s));
    expect(deadlineMail).toEqual([
      `Due in 7 days: request ${requestId} to Demo Association`,
      `Due in 2 days: request ${requestId} to Demo Association`,
      `Overdue: request ${requestId} to Demo Association`,
    ]);
    const bodies = (await mailbox(local.rt)).filter((e) => e.destination.to.includes('dpo@demo-association.example'));
    for (const email of bodies) expect(JSON.stringify(email)).not.toContain('dan@example.org');
    // Each reminder opens the request in the staff console.
    const reminders = bodies.filter((e) => e.subject.includes(requestId) && /^(Due in|Overdue)/.test(e.subject));
    expect(reminders).toHaveLength(3);
    for (const email of reminders) expect(email.body.text).toContain(`/console?request=${requestId}`);
  });

  it('sends a reminder a crash cut short again, marked, once its claim ran out', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'eve@example.org' });
    const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'eve@example.org'));
    const due = Date.parse((await statusOf(statusLinkIn(await confirmed.text()))).dueAt!);
    const { sweep } = await import('../../functions/workflow/sweep');
    const toDpo = async () =>
      (await mailbox(local.rt)).filter((e) => e.destination.to.includes('dpo@demo-association.example') && e.subject.includes(requestId)).map((e) => e.subject);
    // A sweep claimed the 7-day reminder and stopped before the email went (or before recording it).
    const claimedAt = due - 6 * 86_400_000;
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: requestKey(requestId),
        UpdateExpression: 'SET dueReminder7StartedAt = :at',
        ExpressionAttributeValues: { ':at': new Date(claimedAt).toISOString() },
      }),
    );
    // Within the claim, another sweep leaves it to the attempt that may still be sending.
    await sweep(new Date(claimedAt + 60_000));
    expect((await toDpo()).filter((s) => /Due in 7 days/.test(s))).toEqual([]);
    await sweep(new Date(claimedAt + 16 * 60_000));
    await sweep(new Date(claimedAt + 32 * 60_000));
    expect((await toDpo()).filter((s) => /Due in 7 days/.test(s))).toEqual([`Sent again: Due in 7 days: request ${requestId} to Demo Association`]);
    expect((await storedRequest(local.db, requestId))?.dueReminder7At).toBe(new Date(claimedAt + 16 * 60_000).toISOString());
  });
});
