import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpProcessor } from '../../../functions/domain/register-schema.ts';
import { startZendeskFake, type ZendeskFake } from '../../../local/fakes/zendesk.ts';
import { answerOf, connector, poll, processorAt, run, serveSecrets } from './contract.ts';

// The Zendesk definition against the Zendesk fake (developer.zendesk.com, cited in
// config/connectors/zendesk.json and the fake).

const zendeskConnector = connector('zendesk');
let zendesk: ZendeskFake;
let secrets: { stop(): Promise<void> };
let processor: HttpProcessor;

beforeAll(async () => {
  zendesk = await startZendeskFake({ agent: 'dpo@example.org', token: 'zd-contract', perSecond: 1000, retryAfter: 1 });
  secrets = await serveSecrets({ 'contract/zendesk-login': 'dpo@example.org/token', 'contract/zendesk-token': 'zd-contract' });
  processor = processorAt(zendesk, 'zendesk', { agentLogin: 'contract/zendesk-login', apiToken: 'contract/zendesk-token' }, { subdomain: 'contract' });
});
afterAll(async () => {
  await zendesk.stop();
  await secrets.stop();
});
let subject: string;
beforeEach(() => {
  subject = `member-${Math.random().toString(36).slice(2)}@example.com`;
});

describe('Zendesk connector', () => {
  it('exports the user found by the exact address and every ticket they requested, across pages', async () => {
    const id = zendesk.seed({ name: 'Jane', email: subject, tickets: 230 });
    // A plain search would find this one too (any part of the address); `email:` does not.
    zendesk.seed({ name: 'Mary', email: `mary.${subject}`, tickets: 1 });
    const before = zendesk.calls().length;
    const r = await run(zendeskConnector, processor, 'access', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    const users = r.records.filter((x) => 'email' in x);
    const tickets = r.records.filter((x) => 'requester_id' in x);
    expect(users.map((u) => u.id)).toEqual([id]);
    expect(tickets.map((t) => t.id)).toEqual(zendesk.tickets(id).map((t) => t.id));
    // 230 tickets at 100 a page: three pages, the last ending on `meta.has_more` false, no empty fourth.
    expect(
      zendesk
        .calls()
        .slice(before)
        .filter((c) => c.path.endsWith('/tickets/requested')).length,
    ).toBe(3);
  });

  it('erases tickets and user permanently, the tickets through a job polled to completed', async () => {
    const id = zendesk.seed({ name: 'Jane', email: subject, tickets: 2 });
    const tickets = zendesk.tickets(id).map((t) => t.id);
    const r = await run(zendeskConnector, processor, 'erasure', { email: subject });
    expect(r.result).toMatchObject({ state: 'job', step: 'purgeTicket' });
    expect(zendesk.permanentlyDeleted()).toContain(id);
    expect(zendesk.softDeleted()).not.toContain(id);
    expect(zendesk.deletedTickets()).toEqual(expect.arrayContaining(tickets));
    // queued, then working, then completed: one state a poll.
    expect(await poll(zendeskConnector, processor, 'erasure', r.result)).toBe('waiting');
    expect(await poll(zendeskConnector, processor, 'erasure', r.result)).toBe('done');
    expect(zendesk.purgedTickets()).toEqual(expect.arrayContaining(tickets));
  });

  it('fails the branch when the vendor’s job fails (ConnectorJobFailed)', async () => {
    zendesk.seed({ name: 'Jane', email: subject, tickets: 1 });
    zendesk.failNextJob();
    const r = await run(zendeskConnector, processor, 'erasure', { email: subject });
    expect(await poll(zendeskConnector, processor, 'erasure', r.result)).toBe('waiting');
    await expect(poll(zendeskConnector, processor, 'erasure', r.result)).rejects.toMatchObject({ name: 'ConnectorJobFailed' });
  });

  it('answers at once, done, for a user without tickets (no job to wait for)', async () => {
    const id = zendesk.seed({ name: 'Jane', email: subject });
    const r = await run(zendeskConnector, processor, 'erasure', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(zendesk.permanentlyDeleted()).toContain(id);
  });

  it('maps 404 to not_found: nobody found, or the user gone before the deletes', async () => {
    expect(answerOf(await run(zendeskConnector, processor, 'erasure', { email: subject }))).toEqual({ outcome: 'not_found' });
    const id = zendesk.seed({ name: 'Jane', email: subject });
    zendesk.failNext(1, { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } }, { method: 'DELETE', path: /^\/api\/v2\/users\/\d+$/ });
    zendesk.failNext(
      1,
      { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } },
      { method: 'DELETE', path: /^\/api\/v2\/deleted_users\// },
    );
    expect(answerOf(await run(zendeskConnector, processor, 'erasure', { email: subject }))).toEqual({ outcome: 'not_found' });
    expect(zendesk.permanentlyDeleted()).not.toContain(id);
  });

  it('waits the Retry-After of a 429 and does not fail', async () => {
    const id = zendesk.seed({ name: 'Jane', email: subject });
    zendesk.throttleNext(1);
    const r = await run(zendeskConnector, processor, 'access', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.waits).toEqual([1000]);
    expect(r.records.map((x) => x.id)).toEqual([id]);
  });

  it('finds a user by phone when the subject gives a number', async () => {
    const phone = `+4670${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    const id = zendesk.seed({ name: 'Jane', phone, tickets: 1 });
    const r = await run(zendeskConnector, processor, 'access', { email: subject, phone });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.records.map((x) => x.id)).toEqual([id, ...zendesk.tickets(id).map((t) => t.id)]);
  });

  it('fails the branch with a clear class on HTML, a redirect off its hosts, or a cursor that loops', async () => {
    zendesk.seed({ name: 'Jane', email: subject, tickets: 1 });
    const search = { method: 'GET', path: /^\/api\/v2\/users\/search$/ };
    zendesk.failNext(1, { status: 200, body: '<html><body>Zendesk is down for maintenance</body></html>' }, search);
    await expect(run(zendeskConnector, processor, 'access', { email: subject })).rejects.toMatchObject({ name: 'ConnectorNotJson' });
    zendesk.failNext(1, { status: 302, headers: { location: 'https://attacker.example/api/v2/users/search' } }, search);
    await expect(run(zendeskConnector, processor, 'access', { email: subject })).rejects.toMatchObject({ name: 'ConnectorHostRefused' });
    const loop = { status: 200, body: { users: [], meta: { has_more: true, after_cursor: 'c2FtZQ', before_cursor: null }, links: { next: null, prev: null } } };
    zendesk.failNext(2, loop, search);
    await expect(run(zendeskConnector, processor, 'access', { email: subject })).rejects.toMatchObject({ name: 'ConnectorPageLimit' });
  });
});
