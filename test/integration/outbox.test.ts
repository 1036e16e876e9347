import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { REQUESTS_TABLE, requestKey, storedRequest, useRuntime } from '../harness';

const local = useRuntime();

/** The outbox as a step uses it, in this process (the runtime set its environment). */
const outbox = () => import('../../functions/platform/outbox');

/** A bare request item to hang messages on (the outbox reads nothing else of it). */
async function ownerItem(attributes: Record<string, unknown> = {}): Promise<string> {
  const requestId = randomUUID();
  await local.db.send(new PutCommand({ TableName: REQUESTS_TABLE, Item: { ...requestKey(requestId), requestId, ...attributes } }));
  return requestId;
}

const MINUTE = 60_000;

describe('the outbox against DynamoDB', () => {
  it('sends a message once: a second call finds it marked and sends nothing', async () => {
    const { sendOnce, requestOwner, CLAIM_TIMEOUT_MS } = await outbox();
    const requestId = await ownerItem();
    const message = { owner: requestOwner(requestId), startedAt: 'notifyStartedAt', sentAt: 'notifiedAt' };
    const sends: boolean[] = [];
    const send = async (again: boolean) => void sends.push(again);
    const at = new Date();
    expect((await sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, send, at })).outcome).toBe('sent');
    expect((await sendOnce({ message, staleAfterMs: 0, send })).outcome).toBe('skipped');
    expect(sends).toEqual([false]);
    expect(await storedRequest(local.db, requestId)).toMatchObject({ notifyStartedAt: at.toISOString(), notifiedAt: at.toISOString() });
  });

  it('lets one of two attempts at once send it', async () => {
    const { sendOnce, requestOwner, CLAIM_TIMEOUT_MS } = await outbox();
    const requestId = await ownerItem();
    const message = { owner: requestOwner(requestId), startedAt: 'escalationStartedAt', sentAt: 'escalatedAt' };
    let sent = 0;
    const send = async () => {
      sent++;
      await new Promise((r) => setTimeout(r, 50));
    };
    const outcomes = await Promise.all([1, 2, 3].map(() => sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, send })));
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['sent', 'skipped', 'skipped']);
    expect(sent).toBe(1);
  });

  it('finishes a send cut short once its claim ran out, marked as sent again', async () => {
    const { sendOnce, requestOwner, cutShort, CLAIM_TIMEOUT_MS } = await outbox();
    const began = new Date(Date.now() - CLAIM_TIMEOUT_MS + MINUTE).toISOString();
    const requestId = await ownerItem({ reminderStartedAt: began });
    const message = { owner: requestOwner(requestId), startedAt: 'reminderStartedAt', sentAt: 'remindedAt' };
    const sends: boolean[] = [];
    const send = async (again: boolean) => void sends.push(again);
    // Still within its claim: the attempt that began may be sending it now.
    expect((await sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, send })).outcome).toBe('skipped');
    const later = new Date(Date.now() + 2 * MINUTE);
    expect(cutShort((await storedRequest(local.db, requestId))!, message, later)).toBe(true);
    expect((await sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, send, at: later })).outcome).toBe('sent_again');
    expect(sends).toEqual([true]);
    expect(cutShort((await storedRequest(local.db, requestId))!, message, later)).toBe(false);
  });

  it('gives a failed send its claim back, or the claim it took over', async () => {
    const { sendOnce, requestOwner } = await outbox();
    const requestId = await ownerItem();
    const message = { owner: requestOwner(requestId), startedAt: 'notifyStartedAt', sentAt: 'notifiedAt' };
    const down = async () => {
      throw new Error('SES down');
    };
    await expect(sendOnce({ message, staleAfterMs: 0, send: down })).rejects.toThrow('SES down');
    expect((await storedRequest(local.db, requestId))!.notifyStartedAt).toBeUndefined();

    const crashed = new Date(Date.now() - MINUTE).toISOString();
    const cutShortId = await ownerItem({ notifyStartedAt: crashed });
    const repeat = { ...message, owner: requestOwner(cutShortId) };
    await expect(sendOnce({ message: repeat, staleAfterMs: 0, send: down })).rejects.toThrow('SES down');
    expect((await storedRequest(local.db, cutShortId))!.notifyStartedAt).toBe(crashed);
    const sends: boolean[] = [];
    expect((await sendOnce({ message: repeat, staleAfterMs: 0, send: async (again) => void sends.push(again) })).outcome).toBe('sent_again');
    expect(sends).toEqual([true]);
  });

  it('keeps marks nested in a decision fact, and claims nothing once the fact is gone', async () => {
    const { sendOnce, requestOwner } = await outbox();
    const { exists } = await import('../../functions/platform/data/expressions');
    const requestId = await ownerItem({ extension: { months: 1 } });
    const notice = (id: string) => ({
      owner: requestOwner(id),
      startedAt: ['extension', 'sendStartedAt'],
      sentAt: ['extension', 'notifiedAt'],
      condition: exists('extension'),
    });
    const send = async () => undefined;
    const at = new Date();
    expect(await sendOnce({ message: notice(requestId), staleAfterMs: 0, send, at })).toMatchObject({ outcome: 'sent', marked: true });
    expect((await storedRequest(local.db, requestId))!.extension).toEqual({ months: 1, sendStartedAt: at.toISOString(), notifiedAt: at.toISOString() });
    const withoutFact = await ownerItem();
    expect((await sendOnce({ message: notice(withoutFact), staleAfterMs: 0, send })).outcome).toBe('skipped');
  });

  it('writes what goes with the claim, and claims nothing for an owner that does not exist', async () => {
    const { sendOnce, requestOwner, branchOwner } = await outbox();
    const requestId = await ownerItem();
    const message = { owner: requestOwner(requestId), startedAt: 'escalationStartedAt', sentAt: 'escalatedAt', withClaim: { escalationReason: 'failed' } };
    await sendOnce({ message, staleAfterMs: 0, send: async () => undefined });
    expect((await storedRequest(local.db, requestId))!.escalationReason).toBe('failed');
    const missing = { owner: branchOwner(randomUUID(), 'bookkeeping'), startedAt: 'escalationStartedAt', sentAt: 'escalatedAt' };
    expect((await sendOnce({ message: missing, staleAfterMs: 0, send: async () => undefined })).outcome).toBe('skipped');
  });
});
