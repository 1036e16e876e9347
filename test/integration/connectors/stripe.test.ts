import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpProcessor } from '../../../functions/domain/register-schema.ts';
import { type StripeFake, startStripeFake } from '../../../local/fakes/stripe.ts';
import { answerOf, connector, processorAt, run, serveSecrets } from './contract.ts';

// The Stripe definition against the Stripe fake: what it finds, what it erases and how, and how it
// meets 404 and 429 (docs.stripe.com, cited in config/connectors/stripe.json and the fake).

const stripeConnector = connector('stripe');
let stripe: StripeFake;
let secrets: { stop(): Promise<void> };
let processor: HttpProcessor;

beforeAll(async () => {
  stripe = await startStripeFake({ apiKey: 'sk_test_contract', perSecond: 1000 });
  secrets = await serveSecrets({ 'contract/stripe': 'sk_test_contract' });
  processor = processorAt(stripe, 'stripe', { apiKey: 'contract/stripe' });
});
afterAll(async () => {
  await stripe.stop();
  await secrets.stop();
});
let subject: string;
beforeEach(() => {
  subject = `member-${Math.random().toString(36).slice(2)}@example.com`;
});

describe('Stripe connector', () => {
  it('exports every customer of the address, as given and lower-cased, with charges and invoices across pages', async () => {
    const typed = subject.replace('member', 'Member');
    const asTyped = stripe.seed({ email: typed, name: 'Jane', charges: 130, invoices: 3 });
    const lower = stripe.seed({ email: subject, charges: 1, invoices: 101 });
    stripe.seed({ email: `other-${subject}`, charges: 2 });

    const before = stripe.calls().length;
    const r = await run(stripeConnector, processor, 'access', { email: ` ${typed} ` });

    expect(answerOf(r)).toEqual({ outcome: 'done' });
    const byObject = (o: string) => r.records.filter((x) => x.object === o).map((x) => x.id);
    expect(byObject('customer').sort()).toEqual([asTyped, lower].sort());
    expect(byObject('charge').sort()).toEqual([...stripe.charges(asTyped), ...stripe.charges(lower)].map((c) => c.id).sort());
    expect(byObject('invoice').sort()).toEqual([...stripe.invoices(asTyped), ...stripe.invoices(lower)].map((c) => c.id).sort());
    // 130 charges and 101 invoices at 100 a page: the second pages were read, and `has_more` false
    // ended each list without asking for an empty page after it.
    const calls = (path: string) =>
      stripe
        .calls()
        .slice(before)
        .filter((c) => c.path === path).length;
    expect(calls('/v1/charges')).toBe(3);
    expect(calls('/v1/invoices')).toBe(3);
    expect(calls('/v1/customers')).toBe(2);
  });

  it('finds nobody for an address it does not hold: not_found, no export', async () => {
    const r = await run(stripeConnector, processor, 'access', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'not_found' });
    expect(r.records).toEqual([]);
  });

  it('erases by deleting the customer permanently, and says the payments are kept', async () => {
    const id = stripe.seed({ email: subject, charges: 2 });
    const r = await run(stripeConnector, processor, 'erasure', { email: subject });
    expect(answerOf(r)).toMatchObject({ outcome: 'partly', kept: expect.stringContaining('payments') });
    expect(stripe.deletedCustomers()).toContain(id);
    expect(stripe.customer(id)).toBeUndefined();
  });

  it('maps a 404 at the delete (the customer went meanwhile) to not_found', async () => {
    const id = stripe.seed({ email: subject });
    stripe.failNext(
      1,
      { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${id}'` } } },
      { method: 'DELETE', path: /^\/v1\/customers\// },
    );
    const r = await run(stripeConnector, processor, 'erasure', { email: subject });
    // Unmapped, the 404 would fail the branch.
    expect(answerOf(r)).toEqual({ outcome: 'not_found' });
    expect(stripe.deletedCustomers()).not.toContain(id);
  });

  it('retries 429s with a backoff (Stripe sends no Retry-After) and does not fail', async () => {
    const id = stripe.seed({ email: subject, charges: 1 });
    const before = stripe.rateLimited();
    stripe.throttleNext(2);
    const r = await run(stripeConnector, processor, 'access', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.records.map((x) => x.id)).toContain(id);
    expect(stripe.rateLimited() - before).toBe(2);
    expect(r.waits.length).toBe(2);
    expect(r.waits[1]!).toBeGreaterThan(r.waits[0]!);
  });

  it('fails the branch loudly on a status the definition does not map', async () => {
    stripe.seed({ email: subject });
    stripe.failNext(1, { status: 402, body: { error: { type: 'card_error', message: 'x' } } });
    await expect(run(stripeConnector, processor, 'erasure', { email: subject })).rejects.toMatchObject({ name: 'ConnectorUnmappedStatus' });
  });

  it('finds customers by phone through search, across its pages, when the subject gives a number', async () => {
    const phone = `+4670${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    const ids = Array.from({ length: 101 }, () => stripe.seed({ phone }));
    const r = await run(stripeConnector, processor, 'access', { email: subject, phone: `${phone.slice(0, 5)} ${phone.slice(5)}` });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.records.map((x) => x.id).sort()).toEqual([...ids].sort());
    expect(stripe.calls().filter((c) => c.path === '/v1/customers/search').length).toBe(2);
  });
});
