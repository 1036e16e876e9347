import { beforeEach, describe, expect, it, vi } from 'vitest';

const records = vi.hoisted(() => ({
  claimMessage: vi.fn(),
  markMessageSent: vi.fn(),
  releaseMessage: vi.fn(),
}));
vi.mock('../../../functions/platform/data/outbox', async (actual) => ({ ...(await actual<object>()), ...records }));
const trail = vi.hoisted(() => ({ settleOwed: vi.fn() }));
vi.mock('../../../functions/platform/data/audit', async (actual) => ({ ...(await actual<object>()), ...trail }));

import { owedEntry } from '../../../functions/platform/data/audit';
import { CLAIM_TIMEOUT_MS, cutShort, requestOwner, sendOnce } from '../../../functions/platform/outbox';

const message = { owner: requestOwner('00000000-0000-4000-8000-000000000001'), startedAt: 'notifyStartedAt', sentAt: 'notifiedAt' };
const at = new Date('2026-04-01T10:00:00.000Z');
const AT = at.toISOString();

beforeEach(() => {
  vi.clearAllMocks();
  records.markMessageSent.mockResolvedValue(true);
  records.releaseMessage.mockResolvedValue(undefined);
});

describe('sending a message once', () => {
  it('sends a message nobody began as a first send, and marks it sent at the claim', async () => {
    records.claimMessage.mockResolvedValue({ claimed: true });
    const send = vi.fn().mockResolvedValue(undefined);
    expect(await sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, send, at })).toEqual({ outcome: 'sent', marked: true, startedAt: AT });
    expect(send).toHaveBeenCalledWith(false);
    expect(records.claimMessage).toHaveBeenCalledWith(message, AT, new Date(at.getTime() - CLAIM_TIMEOUT_MS).toISOString());
    expect(records.markMessageSent).toHaveBeenCalledWith(message, AT, undefined);
  });

  it('sends again, marked as such, when its claim took over one a crash left behind', async () => {
    records.claimMessage.mockResolvedValue({ claimed: true, previous: '2026-04-01T09:00:00.000Z' });
    const send = vi.fn().mockResolvedValue(undefined);
    expect((await sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, send, at })).outcome).toBe('sent_again');
    expect(send).toHaveBeenCalledWith(true);
  });

  it('sends nothing when the message was sent or another attempt holds its claim', async () => {
    records.claimMessage.mockResolvedValue({ claimed: false });
    const send = vi.fn();
    expect(await sendOnce({ message, staleAfterMs: CLAIM_TIMEOUT_MS, send, at })).toEqual({ outcome: 'skipped', marked: false, startedAt: AT });
    expect(send).not.toHaveBeenCalled();
    expect(records.markMessageSent).not.toHaveBeenCalled();
  });

  it('takes over any claim standing when no other attempt can be under way', async () => {
    records.claimMessage.mockResolvedValue({ claimed: true });
    await sendOnce({ message, staleAfterMs: 0, send: vi.fn().mockResolvedValue(undefined), at });
    expect(records.claimMessage).toHaveBeenCalledWith(message, AT, undefined);
  });

  it('gives a failed first send its claim back, so the next attempt is a first send again', async () => {
    records.claimMessage.mockResolvedValue({ claimed: true });
    const refused = new Error('SES refused');
    await expect(sendOnce({ message, staleAfterMs: 0, send: vi.fn().mockRejectedValue(refused), at })).rejects.toBe(refused);
    expect(records.releaseMessage).toHaveBeenCalledWith(message, AT, undefined);
    expect(records.markMessageSent).not.toHaveBeenCalled();
  });

  it('puts back the claim a failed repeat took over, so the next attempt still says it is sent again', async () => {
    const previous = '2026-04-01T09:00:00.000Z';
    records.claimMessage.mockResolvedValue({ claimed: true, previous });
    await expect(sendOnce({ message, staleAfterMs: 0, send: vi.fn().mockRejectedValue(new Error('down')), at })).rejects.toThrow('down');
    expect(records.releaseMessage).toHaveBeenCalledWith(message, AT, previous);
  });

  it('throws the send error even when giving the claim back fails', async () => {
    records.claimMessage.mockResolvedValue({ claimed: true });
    records.releaseMessage.mockRejectedValue(new Error('table down'));
    await expect(sendOnce({ message, staleAfterMs: 0, send: vi.fn().mockRejectedValue(new Error('SES down')), at })).rejects.toThrow('SES down');
  });

  it('says when another attempt marked it sent first, and marks at the time asked for', async () => {
    records.claimMessage.mockResolvedValue({ claimed: true });
    records.markMessageSent.mockResolvedValue(false);
    const result = await sendOnce({ message, staleAfterMs: 0, send: vi.fn().mockResolvedValue(undefined), at, sentAt: () => '2026-04-01T10:00:05.000Z' });
    expect(result).toEqual({ outcome: 'sent', marked: false, startedAt: AT });
    expect(records.markMessageSent).toHaveBeenCalledWith(message, '2026-04-01T10:00:05.000Z', undefined);
  });

  it("owes the event that records it with the mark, at the mark's time, and records it once marked", async () => {
    records.claimMessage.mockResolvedValue({ claimed: true });
    const event = { event: 'staff_notified', actor: 'workflow' as const, detail: { stage: 'screening' } };
    const sentAt = '2026-04-01T10:00:05.000Z';
    await sendOnce({ message, staleAfterMs: 0, send: vi.fn().mockResolvedValue(undefined), at, sentAt: () => sentAt, event });
    const owed = { ...event, at: sentAt };
    expect(records.markMessageSent).toHaveBeenCalledWith(message, sentAt, owed);
    expect(trail.settleOwed).toHaveBeenCalledWith(message.owner, [owedEntry(owed)]);

    // Marked by another attempt first: that attempt records it.
    trail.settleOwed.mockClear();
    records.markMessageSent.mockResolvedValue(false);
    await sendOnce({ message, staleAfterMs: 0, send: vi.fn().mockResolvedValue(undefined), at, event });
    expect(trail.settleOwed).not.toHaveBeenCalled();
  });
});

describe('a message cut short', () => {
  const now = new Date('2026-04-01T10:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms).toISOString();

  it('is one whose claim ran out without being marked sent', () => {
    expect(cutShort({ notifyStartedAt: ago(CLAIM_TIMEOUT_MS + 1) }, message, now)).toBe(true);
    expect(cutShort({ notifyStartedAt: ago(CLAIM_TIMEOUT_MS) }, message, now)).toBe(false);
    expect(cutShort({ notifyStartedAt: ago(CLAIM_TIMEOUT_MS + 1), notifiedAt: ago(1) }, message, now)).toBe(false);
    expect(cutShort({}, message, now)).toBe(false);
  });

  it('reads marks nested in a decision fact', () => {
    const notice = { startedAt: ['extension', 'sendStartedAt'], sentAt: ['extension', 'notifiedAt'] };
    expect(cutShort({ extension: { sendStartedAt: ago(1) } }, notice, now, 0)).toBe(true);
    expect(cutShort({ extension: { sendStartedAt: ago(1), notifiedAt: ago(0) } }, notice, now, 0)).toBe(false);
    expect(cutShort({}, notice, now, 0)).toBe(false);
  });
});
