import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  decideOn,
  mailbox,
  poll,
  REQUESTS_TABLE,
  requestKey,
  staffToken,
  statusOf,
  submitConfirmed,
  useRuntime,
  waitForFinal,
  waitForStatus,
} from '../harness';

/**
 * Art. 12(5)(a): a reasonable fee as a staff decision, on the local runtime. A repeat of the same
 * erasure at the platform (its review window is 30 days) waits for staff; staff charge a fee, the
 * person is emailed in their language, the clock waits, and the request goes on once staff record
 * the payment, or ends when the person withdraws it.
 */

const PLATFORM = 'demo-organising-platform';
const DAY = 86_400_000;
const local = useRuntime();
let approver: string;

beforeAll(async () => {
  approver = await staffToken(local.rt, 'approver', '*', 'dpo.fee');
});

const stored = async (requestId: string) =>
  (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: requestKey(requestId), ConsistentRead: true }))).Item!;

const auditEvents = async (requestId: string) =>
  (
    await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
        ExpressionAttributeValues: { ':pk': `REQ#${requestId}`, ':a': 'AUDIT#' },
        ConsistentRead: true,
      }),
    )
  ).Items ?? [];

async function detail(requestId: string): Promise<any> {
  const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, { headers: { authorization: `Bearer ${approver}` } });
  expect(res.status).toBe(200);
  return res.json();
}

/** A second erasure by the same person within the window: it waits for staff as a repeat (Art. 12(5)). */
async function repeatedErasure(email: string, name: string) {
  const first = await submitConfirmed(local.rt, { controller: PLATFORM, type: 'erasure', email, name, locale: 'sv' });
  expect((await waitForFinal(first.statusUrl)).status).toBe('completed');
  const again = await submitConfirmed(local.rt, { controller: PLATFORM, type: 'erasure', email, name, locale: 'sv' });
  await waitForStatus(again.statusUrl, 'in_review');
  expect((await detail(again.requestId)).review.reasons).toEqual(['repeat_request']);
  return again;
}

/** The fee email to the person about this request, once it has come. */
const feeEmailFor = (to: string, requestId: string) =>
  poll(async () => (await mailbox(local.rt)).find((e) => e.destination.to.includes(to) && e.subject.startsWith('En avgift') && e.subject.includes(requestId)), {
    timeoutMs: 20_000,
    failure: () => `no fee email for ${requestId}`,
  });

const html = async (statusUrl: string) => (await fetch(statusUrl, { headers: { accept: 'text/html' } })).text();

describe('a reasonable fee (Art. 12(5)(a))', () => {
  it('refuses a bad fee naming the field, and stores nothing', async () => {
    const { requestId } = await repeatedErasure('hanna@example.org', 'Hanna');
    const bad: [Record<string, unknown>, string][] = [
      [{ amount: -5, currency: 'SEK', reason: 'r' }, 'amount'],
      [{ amount: 0, currency: 'SEK', reason: 'r' }, 'amount'],
      [{ amount: '12.345', currency: 'SEK', reason: 'r' }, 'amount'],
      [{ amount: 'tio', currency: 'SEK', reason: 'r' }, 'amount'],
      [{ currency: 'SEK', reason: 'r' }, 'amount'],
      [{ amount: 10, currency: 'sek', reason: 'r' }, 'currency'],
      [{ amount: 10, currency: 'XYZ', reason: 'r' }, 'currency'],
      [{ amount: 10, reason: 'r' }, 'currency'],
      [{ amount: 10, currency: 'SEK', reason: '   ' }, 'reason'],
      [{ amount: 10, currency: 'SEK' }, 'reason'],
    ];
    for (const [body, field] of bad) {
      const res = await decideOn(local.rt, approver, requestId, { decision: 'charge_fee', ...body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      const answer = (await res.json()) as { errors: Record<string, string> };
      expect(Object.keys(answer.errors), JSON.stringify(body)).toEqual([field]);
    }
    expect((await stored(requestId)).fee).toBeUndefined();
    // No payment to record before a fee was charged.
    expect((await decideOn(local.rt, approver, requestId, { decision: 'record_fee_payment' })).status).toBe(409);
  });

  it('is charged, emailed in the person’s language, pauses the clock until the payment is recorded, and the request completes', async () => {
    const { requestId, statusUrl } = await repeatedErasure('fia@example.org', 'Fia');
    expect((await detail(requestId)).allowedDecisions).toMatchObject({ charge_fee: true, record_fee_payment: false, approve: true });
    const dueBefore = (await stored(requestId)).dueAt as string;

    const charged = await decideOn(local.rt, approver, requestId, {
      decision: 'charge_fee',
      amount: 150,
      currency: 'SEK',
      reason: 'Du begärde samma radering för en vecka sedan.',
    });
    expect(charged.status).toBe(200);
    const seen = (await charged.json()) as any;
    expect(seen.request.fee).toMatchObject({ amount: '150.00', currency: 'SEK', reason: 'Du begärde samma radering för en vecka sedan.', by: 'dpo.fee' });
    expect(seen.request.clockPaused).toBe(true);
    // While it waits, the request goes on only by the payment (or a refusal, or the person's withdrawal).
    expect(seen.allowedDecisions).toMatchObject({ charge_fee: false, record_fee_payment: true, approve: false, request_info: false, deny: true });
    expect((await decideOn(local.rt, approver, requestId, { decision: 'approve' })).status).toBe(409);
    expect((await decideOn(local.rt, approver, requestId, { decision: 'charge_fee', amount: 1, currency: 'SEK', reason: 'again' })).status).toBe(409);

    // The person hears of it in Swedish, with the reference, the amount and how to withdraw instead.
    const email = await feeEmailFor('fia@example.org', requestId);
    expect(email.subject).toBe(`En avgift för din begäran till Demo Organising Platform (ärende ${requestId})`);
    expect(email.body.text).toContain('150,00\u00a0kr');
    expect(email.body.text).toContain('Du begärde samma radering för en vecka sedan.');
    expect(email.body.text).toContain('Tidsfristen för vårt svar står still tills avgiften har betalats.');
    expect(email.body.text).toContain(statusUrl);

    // The status page says what the request waits for, and that the deadline waits with it.
    const page = await html(statusUrl);
    expect(page).toContain('Väntar på att en avgift betalas');
    expect(page).toContain('Står still tills avgiften har betalats');
    expect(page).toContain('Avgift: 150,00');
    expect(await statusOf(statusUrl)).toMatchObject({
      status: 'in_review',
      waitingFor: 'fee_payment',
      fee: { amount: '150.00', currency: 'SEK', paidAt: null },
    });

    // Ten days go by unpaid (the fee's time moved back, as the runtime cannot wait that long). The
    // sweep past the old deadline neither reminds nor counts it overdue: its clock stands still.
    const chargedAt = new Date(Date.now() - 10 * DAY).toISOString();
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: requestKey(requestId),
        UpdateExpression: 'SET fee.#at = :at',
        ExpressionAttributeNames: { '#at': 'at' },
        ExpressionAttributeValues: { ':at': chargedAt },
      }),
    );
    const { sweep } = await import('../../functions/workflow/sweep');
    const report = await sweep(new Date(Date.parse(dueBefore) + DAY));
    expect(report.failed).toBe(0);
    const waiting = await stored(requestId);
    expect(waiting.overdueAlertStartedAt).toBeUndefined();
    expect(waiting.dueReminder2StartedAt).toBeUndefined();
    expect((await detail(requestId)).request.overdue).toBe(false);

    const paid = await decideOn(local.rt, approver, requestId, { decision: 'record_fee_payment' });
    expect(paid.status).toBe(200);
    const after = await stored(requestId);
    expect(after.fee).toMatchObject({ amount: '150.00', currency: 'SEK', paymentRecordedBy: 'dpo.fee', paidAt: expect.any(String) });
    // The deadline moved on by the ten days the fee waited (a month rule: by the time, to a working day's end).
    expect(Date.parse(after.dueAt)).toBeGreaterThanOrEqual(Date.parse(dueBefore) + 10 * DAY);
    expect(Date.parse(after.dueAt)).toBeLessThan(Date.parse(dueBefore) + 15 * DAY);
    expect(after.openDue).toBe(after.dueAt);

    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const events = (await auditEvents(requestId)).map((e) => ({ event: e.event, actor: e.actor, by: e.detail?.by }));
    expect(events).toContainEqual({ event: 'fee_charged', actor: 'staff', by: 'dpo.fee' });
    expect(events).toContainEqual({ event: 'fee_payment_recorded', actor: 'staff', by: 'dpo.fee' });
    const chargedEvent = (await auditEvents(requestId)).find((e) => e.event === 'fee_charged')!;
    expect(chargedEvent.detail).toEqual({ by: 'dpo.fee', amount: '150.00', currency: 'SEK' });
    expect(await html(statusUrl)).toContain('Avgiften på 150,00\u00a0kr betalades den');
    // One fee email, however often the sweep ran.
    expect((await mailbox(local.rt)).filter((e) => e.subject.startsWith('En avgift') && e.subject.includes(requestId))).toHaveLength(1);
  });

  it('ends when the person withdraws while the fee waits, and no payment can be recorded after', async () => {
    const { requestId, statusUrl } = await repeatedErasure('gun@example.org', 'Gun');
    expect((await decideOn(local.rt, approver, requestId, { decision: 'charge_fee', amount: '99.5', currency: 'EUR', reason: 'Tredje gången.' })).status).toBe(
      200,
    );
    expect((await stored(requestId)).fee).toMatchObject({ amount: '99.50', currency: 'EUR' });
    await feeEmailFor('gun@example.org', requestId);

    const key = new URL(statusUrl).searchParams.get('key')!;
    const withdrawn = await fetch(statusUrl.replace(/\/status\?.*$/, '/cancel'), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({ key, confirm: 'yes' }).toString(),
    });
    expect(withdrawn.status).toBeLessThan(400);
    expect((await waitForFinal(statusUrl)).status).toBe('cancelled');

    // The page says it was withdrawn, not that it still waits for the fee.
    const page = await html(statusUrl);
    expect(page).not.toContain('Väntar på att en avgift betalas');
    const view = (await statusOf(statusUrl)) as unknown as Record<string, unknown>;
    expect(view.waitingFor).toBeUndefined();
    expect(view.fee).toBeUndefined();
    const seen = await detail(requestId);
    expect(seen.allowedDecisions.record_fee_payment).toBe(false);
    expect((await decideOn(local.rt, approver, requestId, { decision: 'record_fee_payment' })).status).toBe(409);
    expect((await stored(requestId)).fee.paidAt).toBeUndefined();
  });
});
