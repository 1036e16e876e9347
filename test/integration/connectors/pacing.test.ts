/**
 * How the engine uses its call slots, against the Mailchimp fake: a call sleeps until its slot as
 * measured after taking it, a slot a slow table handed out long past is not used, a run starts
 * only behind a queue it can wait out (taking nothing otherwise), and a call woken late lets its
 * slot pass. The later cases run on a clock of their own, so nothing depends on timers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JITTER_ALLOWANCE_MS } from '../../../functions/platform/data/connector-calls.ts';
import { admitWithinMs, MAX_ATTEMPT_WAIT_MS, runAction } from '../../../functions/processors/http/engine.ts';
import { DEMO_LIST_ID, DEMO_MAILCHIMP_KEY, type MailchimpFake, startMailchimpFake } from '../../../local/fakes/mailchimp.ts';
import type { VendorFake } from '../../../local/fakes/vendor-fake.ts';
import { connector, processorAt, run, serveSecrets } from './contract.ts';

let fake: MailchimpFake;
let secrets: { stop(): Promise<void> };
const mailchimp = connector('mailchimp');
const processor = () => ({
  ...processorAt({ url: fake.url } as VendorFake, 'mailchimp', { apiKey: 'pacing/mailchimp' }, { dc: 'us21', listId: DEMO_LIST_ID }),
  baseUrl: `${fake.url}/3.0`,
});

beforeAll(async () => {
  fake = await startMailchimpFake();
  secrets = await serveSecrets({ 'pacing/mailchimp': DEMO_MAILCHIMP_KEY });
});
afterAll(async () => {
  await fake.stop();
  await secrets.stop();
});

describe('call slots', () => {
  it('sleeps until the slot as it stands after taking it, not counting the time the take took', async () => {
    const takes: number[] = [];
    // A table that takes 300 ms to hand out a slot 400 ms after the caller's now.
    const slowTable = async (now: number) => {
      takes.push(now);
      await new Promise((r) => setTimeout(r, 300));
      return now + 400;
    };
    const { waits } = await run(mailchimp, processor(), 'erasure', { email: 'nobody@example.org' }, slowTable);
    expect(takes).toHaveLength(1);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeLessThanOrEqual(110);
  });

  it('leaves a slot handed out further past than the burst unused and takes a fresh one', async () => {
    const handed: number[] = [];
    let n = 0;
    // The first slot comes back 3 s old (the schedule restarted from a stale now); the next is fresh.
    const table = async (now: number) => {
      const slot = n++ === 0 ? now - 3000 : now + 150;
      handed.push(slot);
      return slot;
    };
    const { waits } = await run(mailchimp, processor(), 'erasure', { email: 'nobody@example.org' }, table);
    expect(handed).toHaveLength(2);
    expect(waits).toHaveLength(1);
    expect(waits[0]).toBeGreaterThan(100);
  });

  it('leaves unused a slot handed out more than the jitter allowance past, with a burst of one', async () => {
    const handed: number[] = [];
    let n = 0;
    // Within one slot interval, but a call on it would land in one second with the ten after it.
    const table = async (now: number) => {
      const slot = n++ === 0 ? now - JITTER_ALLOWANCE_MS - 30 : now + 150;
      handed.push(slot);
      return slot;
    };
    const { waits } = await run(mailchimp, processor(), 'erasure', { email: 'nobody@example.org' }, table);
    expect(handed).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(100);
  });

  it('uses a slot handed out within the jitter allowance past, at once', async () => {
    const handed: number[] = [];
    const table = async (now: number) => {
      handed.push(now - JITTER_ALLOWANCE_MS / 2);
      return now - JITTER_ALLOWANCE_MS / 2;
    };
    const { waits } = await run(mailchimp, processor(), 'erasure', { email: 'nobody@example.org' }, table);
    expect(handed).toHaveLength(1);
    expect(waits).toEqual([]);
  });
});

/** An erasure of a subscriber on a clock that moves only when the engine sleeps (by `overshoot` more than asked). */
async function erasure(takeSlot: (now: number, latest: number) => Promise<number | undefined>, overshoot = () => 0) {
  const email = `pacing-${Math.random()}@example.org`;
  fake.subscribe(DEMO_LIST_ID, email, 'Pacing');
  let clock = 1_000_000;
  const run = runAction({
    connector: mailchimp,
    processor: processor(),
    controllerId: 'pacing',
    requestId: 'pacing-request',
    action: 'erasure',
    subject: { email },
    deps: {
      takeSlot,
      now: () => clock,
      sleep: async (ms) => {
        clock += ms + overshoot();
      },
    },
  });
  return { run, start: clock };
}

describe('a queue longer than an attempt waits', () => {
  it('starts no run behind it: the first slot is asked for only as far ahead as a run starts, and no call goes', async () => {
    const asked: [number, number][] = [];
    fake.reset();
    const { run, start } = await erasure(async (now, latest) => {
      asked.push([now, latest]);
      return undefined;
    });
    await expect(run).rejects.toMatchObject({ name: 'ConnectorBusy' });
    // Search, then delete: a two-step action starts behind at most a quarter of the attempt's wait,
    // so the delete's wait and a wait after a 429 still fit in it.
    expect(asked).toEqual([[start, start + admitWithinMs(2)]]);
    expect(admitWithinMs(2)).toBe(MAX_ATTEMPT_WAIT_MS / 4);
    expect(fake.calls).toEqual([]);
  });

  it("asks for a started run's later slots up to the attempt's wait, and ends ConnectorBusy beyond it", async () => {
    const asked: [number, number][] = [];
    fake.reset();
    let taken = 0;
    const { run, start } = await erasure(async (now, latest) => {
      asked.push([now, latest]);
      // The search goes at once; the delete's slot would be past the attempt's wait.
      return taken++ === 0 ? now : undefined;
    });
    await expect(run).rejects.toMatchObject({ name: 'ConnectorBusy' });
    expect(asked[1]![1]).toBe(start + MAX_ATTEMPT_WAIT_MS);
    expect(fake.calls.map((c) => c.route)).toEqual([expect.stringMatching(/search-members$/)]);
  });
});

describe('a call woken late', () => {
  it('lets its slot pass and takes the next, so it does not go with the calls on the slots after it', async () => {
    const slots: number[] = [];
    fake.reset();
    const overruns = [JITTER_ALLOWANCE_MS + 1];
    const { run } = await erasure(
      async (now) => {
        slots.push(now + 100);
        return now + 100;
      },
      // The first sleep overruns its slot by more than the allowance; the rest are on time.
      () => overruns.shift() ?? 0,
    );
    await expect(run).resolves.toMatchObject({ state: 'answered', answer: { outcome: 'done' } });
    // Three slots for two calls: the search's first slot was let pass.
    expect(slots).toHaveLength(3);
    expect(fake.calls.map((c) => c.status)).toEqual([200, 204]);
  });
});
