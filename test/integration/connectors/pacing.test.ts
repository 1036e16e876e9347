/**
 * How the engine uses its call slots, against the Mailchimp fake: a call sleeps until its slot as
 * measured after taking it, and a slot a slow table handed out long past is not used.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
