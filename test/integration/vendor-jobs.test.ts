/**
 * A vendor job through the local runtime: an erasure at a Stripe processor (config/connectors/
 * stripe.json against the Stripe fake) starts a redaction job and its branch waits; the sweep's
 * `watch` polls the job and runs the later steps (run the job, then delete the customer). Two
 * sweeps at once (a schedule firing while the last sweep still runs, or EventBridge delivering
 * twice) must run each later step once.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Processor } from '../../functions/domain/register-schema';
import { DEMO_MAILCHIMP_KEY } from '../../local/fakes/mailchimp';
import { type StripeFake, startStripeFake } from '../../local/fakes/stripe';
import { branchKey, poll, REQUESTS_TABLE, requestPartition, storedBranch, submitConfirmed, useRuntime, waitForFinal } from '../harness';

const CONTROLLER = 'demo-campaign-office';
const PROCESSOR = 'donations';
const local = useRuntime({ environment: { DEMO_INHOUSE_DELAY_MS: '50' } });

let stripe: StripeFake;
/**
 * In front of the fake: holds each read of a redaction job until a second read arrives (or a
 * while has passed), so two watchers that both poll meet the job in the same state, as two sweeps
 * a few milliseconds apart would.
 */
let gate: Server;
const held: (() => void)[] = [];

beforeAll(async () => {
  // The demo's connector secret is the one the local Secrets Manager serves; this fake takes it.
  stripe = await startStripeFake({ apiKey: DEMO_MAILCHIMP_KEY, perSecond: 1000 });
  gate = createServer((req, res) => {
    const forward = () => {
      const out = httpRequest(`${stripe.url}${req.url}`, { method: req.method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      req.pipe(out);
    };
    if (req.method !== 'GET' || !/^\/v1\/privacy\/redaction_jobs\/[^/]+$/.test(req.url ?? '')) return forward();
    held.push(forward);
    if (held.length >= 2) for (const go of held.splice(0)) go();
    else
      setTimeout(() => {
        const at = held.indexOf(forward);
        if (at >= 0) held.splice(at, 1)[0]!();
      }, 1_500);
  });
  await new Promise<void>((r) => gate.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(gate.address() as AddressInfo).port}`;
  // The runtime lets connectors reach its own fakes over http at loopback; this is one more.
  process.env.CONNECTOR_LOCAL_ORIGINS = `${process.env.CONNECTOR_LOCAL_ORIGINS},${url}`;

  // The campaign office takes donations through Stripe: declared as a register would declare it.
  const { readFileSync } = await import('node:fs');
  const { parseRegister } = await import('../../functions/domain/register-schema');
  const { register } = await import('../../functions/platform/register');
  const raw = JSON.parse(readFileSync(new URL('../../config/register.json', import.meta.url), 'utf8'));
  const office = raw.controllers.find((c: { id: string }) => c.id === CONTROLLER);
  office.processors.push({
    id: PROCESSOR,
    kind: 'http',
    name: 'Donations (Stripe)',
    connector: 'stripe',
    settings: {},
    secrets: { apiKey: 'demo/mailchimp-api-key' },
    baseUrl: url,
    allowedHosts: [new URL(url).host],
    rights: ['access', 'portability', 'erasure'],
    dataCategories: ['email address', 'name', 'payments'],
    purposes: ['taking donations'],
    legalBasis: 'Art. 6(1)(b) contract',
    retention: 'seven years after the donation (bookkeeping)',
    source: 'you, when donating',
    recipients: [{ name: 'Stripe Payments Europe, Ltd.', country: 'IE' }],
  });
  const donations = parseRegister(raw, process.env)
    .controllers.find((c) => c.id === CONTROLLER)!
    .processors.find((p) => p.id === PROCESSOR) as Processor;
  register.controllers.find((c) => c.id === CONTROLLER)!.processors.push(donations);
});
afterAll(async () => {
  await stripe?.stop();
  await new Promise<void>((r) => (gate ? gate.close(() => r()) : r()));
});

const branchOf = async (requestId: string) => (await storedBranch(local.db, requestId, PROCESSOR))!;
const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000).toISOString();
/**
 * The branch as a later sweep finds it: its last poll long enough ago for the job's
 * `pollEveryMinutes`, and, if given, a watch's claim begun `claimedMinutesAgo`.
 */
const lastPolledLongAgo = (requestId: string, claimedMinutesAgo?: number) =>
  local.db.send(
    new UpdateCommand({
      TableName: REQUESTS_TABLE,
      Key: branchKey(requestId, PROCESSOR),
      UpdateExpression: claimedMinutesAgo === undefined ? 'SET lastPolledAt = :then' : 'SET lastPolledAt = :then, jobWatchStartedAt = :claimed',
      ExpressionAttributeValues: { ':then': minutesAgo(60), ...(claimedMinutesAgo === undefined ? {} : { ':claimed': minutesAgo(claimedMinutesAgo) }) },
    }),
  );
/** The second sweep: the sweep function invoked again while the runtime's own runs (Lambda runs both). */
const anotherSweep = async () => (await import('../../functions/handlers/scheduled/sweep')).handler();
const callsTo = (method: string, path: RegExp) => stripe.calls().filter((c) => c.method === method && path.test(c.path));

describe('a vendor job watched by the sweep', () => {
  it('runs each later step once when two sweeps watch the waiting branch at the same time, and completes', async () => {
    const email = 'donor-jobs@example.org';
    const customer = stripe.seed({ email, name: 'Dana Donor', charges: 2, invoices: 1 });
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email, locale: 'en', controller: CONTROLLER });

    // The submit started the redaction job and left the branch waiting on it.
    const waiting = await poll(
      async () => {
        const b = await branchOf(requestId);
        return b?.status === 'waiting' && b.submittedAt && b.externalId ? b : undefined;
      },
      { timeoutMs: 20_000, failure: async () => `branch ${JSON.stringify((await branchOf(requestId))?.status)}` },
    );
    expect(JSON.parse(waiting.externalId)).toMatchObject({ action: 'erasure', step: 'startRedaction', jobIds: [expect.stringMatching(/^rdcjob_/)] });
    expect(stripe.jobs()).toEqual([expect.objectContaining({ status: 'validating', objects: expect.objectContaining({ customers: [customer] }) })]);

    // A watch under way (claimed a minute ago) is left to finish: this sweep neither polls nor runs.
    await lastPolledLongAgo(requestId, 1);
    await local.rt.sweep();
    expect(callsTo('GET', /^\/v1\/privacy\/redaction_jobs\//)).toEqual([]);
    // Ready, and that watch's claim ran out (its Lambda stopped 20 minutes ago): two sweeps find it;
    // the job is run once, whichever of them runs it.
    await lastPolledLongAgo(requestId, 20);
    await Promise.all([local.rt.sweep(), anotherSweep()]);
    expect(callsTo('POST', /\/run$/)).toHaveLength(1);
    expect(callsTo('POST', /\/run$/)[0]!.status).toBe(200);
    const redacting = await branchOf(requestId);
    expect(redacting.status).toBe('waiting');
    expect(JSON.parse(redacting.externalId)).toMatchObject({ step: 'runRedaction' });

    // Succeeded: two sweeps again; the customer is deleted once and the branch answers done.
    await lastPolledLongAgo(requestId);
    await Promise.all([local.rt.sweep(), anotherSweep()]);
    expect(callsTo('DELETE', /^\/v1\/customers\//)).toEqual([{ method: 'DELETE', path: `/v1/customers/${customer}`, status: 200 }]);
    expect(callsTo('POST', /^\/v1\/privacy\/redaction_jobs$/)).toHaveLength(1);
    expect(stripe.deletedCustomers()).toEqual([customer]);
    expect(await branchOf(requestId)).toMatchObject({ status: 'completed', answer: { outcome: 'done' } });
    const events = (await requestPartition(local.db, requestId)).filter((i) => (i.detail as { processorId?: string } | undefined)?.processorId === PROCESSOR);
    expect(events.filter((e) => e.event === 'branch_completed')).toHaveLength(1);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
  });
});
