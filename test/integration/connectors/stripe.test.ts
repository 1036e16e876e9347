import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpProcessor } from '../../../functions/domain/register-schema.ts';
import { type StripeFake, startStripeFake } from '../../../local/fakes/stripe.ts';
import { answerOf, connector, processorAt, resume, run, serveSecrets } from './contract.ts';

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

  it('erases with a redaction job, validated and then run, redacting payments and invoices, then deletes the customer', async () => {
    const id = stripe.seed({ email: subject, name: 'Jane', phone: '+46701234567', charges: 2, invoices: 1 });
    const r = await run(stripeConnector, processor, 'erasure', { email: subject });
    // The job is validating: nothing is run or deleted before it is ready.
    expect(r.result).toMatchObject({ state: 'job', step: 'startRedaction', jobIds: [expect.stringMatching(/^rdcjob_/)] });
    expect(stripe.jobs()).toEqual([expect.objectContaining({ status: 'validating', objects: { customers: [id], charges: [], invoices: [] } })]);
    expect(stripe.deletedCustomers()).not.toContain(id);
    // Ready: the action goes on and runs it, a second job.
    const redacting = await resume(stripeConnector, processor, 'erasure', { email: subject }, r.result);
    expect(redacting).toMatchObject({ state: 'job', step: 'runRedaction' });
    expect(stripe.jobs()[0]?.status).toBe('redacting');
    // Succeeded: the customer is deleted and the answer is done, nothing kept.
    const done = await resume(stripeConnector, processor, 'erasure', { email: subject }, redacting as typeof r.result);
    expect(done).toEqual({ state: 'answered', answer: { outcome: 'done' }, recordCount: 0 });
    expect(stripe.jobs()[0]?.status).toBe('succeeded');
    for (const ch of stripe.charges(id))
      expect(ch).toMatchObject({ receipt_email: '[redacted]', billing_details: { email: '[redacted]', name: '[redacted]' } });
    expect(stripe.invoices(id)).toEqual([expect.objectContaining({ customer_email: '[redacted]', customer_name: '[redacted]' })]);
    expect(stripe.deletedCustomers()).toContain(id);
    expect(stripe.customer(id)).toBeUndefined();
  });

  it('keeps the branch waiting while a job validates, and fails it when the redaction fails (ConnectorJobFailed)', async () => {
    const slow = await startStripeFake({ apiKey: 'sk_test_contract', perSecond: 1000, pollsPerState: 2 });
    try {
      const p = processorAt(slow, 'stripe', { apiKey: 'contract/stripe' });
      const id = slow.seed({ email: subject, charges: 1 });
      slow.failNextJob();
      const r = await run(stripeConnector, p, 'erasure', { email: subject });
      // Two reads a state: the first poll of each job finds it still validating, then still redacting.
      expect(await resume(stripeConnector, p, 'erasure', { email: subject }, r.result)).toEqual({ state: 'waiting' });
      const redacting = await resume(stripeConnector, p, 'erasure', { email: subject }, r.result);
      expect(redacting).toMatchObject({ state: 'job', step: 'runRedaction' });
      expect(await resume(stripeConnector, p, 'erasure', { email: subject }, redacting as typeof r.result)).toEqual({ state: 'waiting' });
      await expect(resume(stripeConnector, p, 'erasure', { email: subject }, redacting as typeof r.result)).rejects.toMatchObject({
        name: 'ConnectorJobFailed',
      });
      expect(slow.deletedCustomers()).not.toContain(id);
    } finally {
      await slow.stop();
    }
  });

  it('starts one redaction job however often a crashed erasure is retried, and one per request', async () => {
    const id = stripe.seed({ email: subject, charges: 1 });
    const before = stripe.jobs().length;
    // The first attempt started the job and died before the branch recorded it; the retry sends the same key.
    const first = await run(stripeConnector, processor, 'erasure', { email: subject }, undefined, 'request-crashed');
    const retry = await run(stripeConnector, processor, 'erasure', { email: subject }, undefined, 'request-crashed');
    expect(retry.result).toEqual(first.result);
    expect(stripe.jobs().slice(before)).toEqual([expect.objectContaining({ objects: { customers: [id], charges: [], invoices: [] } })]);
    // Another request for the same customer is a job of its own.
    await run(stripeConnector, processor, 'erasure', { email: subject }, undefined, 'request-later');
    expect(stripe.jobs().slice(before)).toHaveLength(2);
  });

  it('maps 404s at the redaction and the delete (the customer went meanwhile) to not_found', async () => {
    const id = stripe.seed({ email: subject });
    const missing = (path: RegExp, method: string) =>
      stripe.failNext(
        1,
        { status: 404, body: { error: { type: 'invalid_request_error', code: 'resource_missing', message: `No such customer: '${id}'` } } },
        { method, path },
      );
    missing(/^\/v1\/privacy\/redaction_jobs$/, 'POST');
    missing(/^\/v1\/customers\//, 'DELETE');
    const r = await run(stripeConnector, processor, 'erasure', { email: subject });
    // Unmapped, the 404 would fail the branch; with no job started, nothing waits.
    expect(answerOf(r)).toEqual({ outcome: 'not_found' });
    expect(stripe.deletedCustomers()).not.toContain(id);
    expect(stripe.jobs().some((j) => j.objects.customers.includes(id))).toBe(false);
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
