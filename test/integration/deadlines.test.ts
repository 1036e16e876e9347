import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { requestDeadlines } from '../../functions/domain/deadlines';
import {
  confirmFromEmail,
  decideOn,
  mailbox,
  REQUESTS_TABLE,
  requestKey,
  staffToken,
  statusLinkIn,
  statusOf,
  storedRequest,
  submit,
  submitConfirmed,
  useRuntime,
  waitForEmail,
  waitForStatus,
} from '../harness';

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

  it('reminds the platform’s staff of its internal target on that day, lists it in the digest, and never calls it overdue', async () => {
    // Without a name, an access request waits for an identity check: it stays open.
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { controller: 'demo-organising-platform', type: 'access', email: 'tove@example.org' });
    await waitForStatus(statusUrl, 'in_review');
    const stored = (await storedRequest(local.db, requestId))!;
    const { findController } = await import('../../functions/platform/register');
    const platform = findController('demo-organising-platform')!;
    // "We normally answer the next working day": the register's target, apart from the legal month.
    expect({ dueAt: stored.dueAt, targetAt: stored.targetAt }).toEqual(requestDeadlines(new Date(stored.receivedAt as string), platform));
    const target = Date.parse(stored.targetAt as string);
    expect(target).toBeLessThan(Date.parse(stored.dueAt as string));

    const { sweep } = await import('../../functions/workflow/sweep');
    const toStaff = async () =>
      (await mailbox(local.rt))
        .filter(
          (e) => e.destination.to.includes('dpo@demo-organising-platform.example') && e.subject.includes(requestId) && e.subject.startsWith('Internt mål'),
        )
        .map((e) => e);
    // The day before the target's: nothing.
    await sweep(new Date(target - 86_400_000 - 3_600_000));
    expect(await toStaff()).toEqual([]);
    // On its day, once, in the platform's language; it says it is not overdue.
    const onTheDay = new Date(target - 12 * 3_600_000);
    const first = await sweep(onTheDay);
    await sweep(new Date(target - 3_600_000));
    const reminders = await toStaff();
    expect(reminders.map((e) => e.subject)).toEqual([`Internt mål: ärende ${requestId} till Demo Organising Platform`]);
    expect(reminders[0]!.body.text).toContain('inte försenat');
    expect(reminders[0]!.body.text).toContain(`/console?request=${requestId}`);
    expect(JSON.stringify(reminders)).not.toContain('tove@example.org');
    expect(first.deadlineReminders).toBeGreaterThanOrEqual(1);
    // The day after: past the target, but no overdue alert, and the sweep does not count it overdue.
    const after = await sweep(new Date(target + 86_400_000));
    expect(after.overdue).toBe(0);
    const subjects = (await mailbox(local.rt)).filter((e) => e.subject.includes(requestId)).map((e) => e.subject);
    expect(subjects.filter((s) => /Försenat|Overdue/.test(s))).toEqual([]);

    // The digest lists it past the target, not as overdue.
    const { complianceReport, lastDays } = await import('../../functions/reporting/compliance-report');
    const figures = await complianceReport('demo-organising-platform', lastDays(7, new Date(target + 86_400_000)), new Date(target + 86_400_000));
    expect(figures.open.pastTarget.map((w) => w.requestId)).toContain(requestId);
    expect(figures.open.overdue.map((w) => w.requestId)).not.toContain(requestId);
  });

  it('moves the target and the deadline on by the pause a question to the subject took', async () => {
    const approver = await staffToken(local.rt, 'approver', '*', 'dpo.tora');
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { controller: 'demo-organising-platform', type: 'access', email: 'ulf@example.org' });
    await waitForStatus(statusUrl, 'in_review');
    expect((await decideOn(local.rt, approver, requestId, { decision: 'request_info', text: 'Vilket konto?' })).status).toBe(200);
    const asked = (await storedRequest(local.db, requestId))!;
    const question = asked.infoRequest as { at: string };
    // While the question waits, the clock stands still: no reminder of the target, even on its day.
    const { sweep } = await import('../../functions/workflow/sweep');
    await sweep(new Date(Date.parse(asked.targetAt as string) - 3_600_000));
    expect((await mailbox(local.rt)).filter((e) => e.subject.includes(requestId) && e.subject.startsWith('Internt mål'))).toEqual([]);

    // The subject answers a week later: five working days (no holiday in between in most weeks) move the target on.
    const { answerInformationRequest } = await import('../../functions/staff/information');
    const { findController } = await import('../../functions/platform/register');
    const controller = findController('demo-organising-platform')!;
    const answeredAt = new Date(Date.parse(question.at) + 7 * 86_400_000);
    expect(await answerInformationRequest(asked as never, controller, 'Mitt medlemskonto', answeredAt)).toBe(true);
    const { pausedDeadlines } = await import('../../functions/domain/deadlines');
    const moved = pausedDeadlines(
      { dueAt: asked.dueAt as string, targetAt: asked.targetAt as string },
      { pausedAt: new Date(question.at), resumedAt: answeredAt },
      controller,
    );
    const after = (await storedRequest(local.db, requestId))!;
    expect({ dueAt: after.dueAt, targetAt: after.targetAt, openDue: after.openDue }).toEqual({
      dueAt: moved.dueAt,
      targetAt: moved.targetAt,
      openDue: moved.dueAt,
    });
    expect(Date.parse(after.targetAt as string)).toBeGreaterThan(Date.parse(asked.targetAt as string) + 6 * 86_400_000);
  });
});
