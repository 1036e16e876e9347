import { describe, expect, it } from 'vitest';
import { confirmFromEmail, mailbox, statusLinkIn, statusOf, submit, useRuntime, waitForEmail } from '../harness';

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
});
