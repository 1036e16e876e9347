import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpProcessor } from '../../../functions/domain/register-schema.ts';
import { type IntercomFake, startIntercomFake } from '../../../local/fakes/intercom.ts';
import { answerOf, connector, processorAt, run, serveSecrets } from './contract.ts';

// The Intercom definition against the Intercom fake (developers.intercom.com, cited in
// config/connectors/intercom.json and the fake).

const intercomConnector = connector('intercom');
let intercom: IntercomFake;
let secrets: { stop(): Promise<void> };
let processor: HttpProcessor;

beforeAll(async () => {
  intercom = await startIntercomFake({ token: 'ic-contract', perSecond: 1000 });
  secrets = await serveSecrets({ 'contract/intercom': 'ic-contract' });
  processor = processorAt(intercom, 'intercom', { accessToken: 'contract/intercom' }, { region: 'api.eu.intercom.io' });
});
afterAll(async () => {
  await intercom.stop();
  await secrets.stop();
});
let subject: string;
beforeEach(() => {
  subject = `member-${Math.random().toString(36).slice(2)}@example.com`;
});

describe('Intercom connector', () => {
  it('exports users and leads of the address as typed and lower-cased (Intercom’s = keeps case)', async () => {
    const typed = subject.replace('member', 'Member');
    const ids = [intercom.seed({ email: typed, name: 'Jane' }), intercom.seed({ email: subject, role: 'lead' })];
    intercom.seed({ email: `other-${subject}` });
    const r = await run(intercomConnector, processor, 'access', { email: typed });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.records.map((x) => x.id).sort()).toEqual([...ids].sort());
  });

  it('finds contacts across pages: the cursor goes back as `pagination.starting_after` in the body', async () => {
    const ids = Array.from({ length: 151 }, () => intercom.seed({ email: subject }));
    const before = intercom.calls().length;
    const r = await run(intercomConnector, processor, 'access', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.records.map((x) => x.id).sort()).toEqual([...ids].sort());
    expect(
      intercom
        .calls()
        .slice(before)
        .filter((c) => c.path === '/contacts/search').length,
    ).toBe(2);
  });

  it('erases every user of a search longer than one page', async () => {
    const ids = Array.from({ length: 152 }, () => intercom.seed({ email: subject }));
    const r = await run(intercomConnector, processor, 'erasure', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(intercom.deleteRequests().map((d) => d.contactId)).toEqual(expect.arrayContaining(ids));
  });

  it('erases a user with a user delete request and a lead with a contact delete', async () => {
    const user = intercom.seed({ email: subject });
    const lead = intercom.seed({ email: subject, role: 'lead' });
    const r = await run(intercomConnector, processor, 'erasure', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(intercom.deleteRequests()).toContainEqual(expect.objectContaining({ contactId: user }));
    expect(intercom.deletedContacts()).toEqual(expect.arrayContaining([lead]));
    expect(intercom.deletedContacts()).not.toContain(user);
  });

  it('maps 404 to not_found: nobody found, or the user gone before the delete request', async () => {
    expect(answerOf(await run(intercomConnector, processor, 'erasure', { email: subject }))).toEqual({ outcome: 'not_found' });
    const id = intercom.seed({ email: subject });
    intercom.failNext(
      1,
      { status: 404, body: { type: 'error.list', errors: [{ code: 'not_found', message: 'User Not Found' }] } },
      { method: 'POST', path: /^\/user_delete_requests$/ },
    );
    expect(answerOf(await run(intercomConnector, processor, 'erasure', { email: subject }))).toEqual({ outcome: 'not_found' });
    expect(intercom.deleteRequests()).not.toContainEqual(expect.objectContaining({ contactId: id }));
  });

  it('retries 429s (Intercom sends X-RateLimit-Reset, no Retry-After) and does not fail', async () => {
    const id = intercom.seed({ email: subject });
    const before = intercom.rateLimited();
    intercom.throttleNext(2);
    const r = await run(intercomConnector, processor, 'erasure', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(intercom.rateLimited() - before).toBe(2);
    expect(r.waits).toHaveLength(2);
    expect(intercom.deleteRequests()).toContainEqual(expect.objectContaining({ contactId: id }));
  });

  it('finds a user by phone when the subject gives a number, and erases it', async () => {
    const phone = `+4670${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    const id = intercom.seed({ phone });
    const r = await run(intercomConnector, processor, 'erasure', { email: subject, phone });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(intercom.deleteRequests()).toContainEqual(expect.objectContaining({ contactId: id }));
  });
});
