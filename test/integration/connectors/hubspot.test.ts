import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { HttpProcessor } from '../../../functions/domain/register-schema.ts';
import { type HubspotFake, startHubspotFake } from '../../../local/fakes/hubspot.ts';
import { answerOf, connector, processorAt, run, schedule, serveSecrets } from './contract.ts';

// The HubSpot definition against the HubSpot fake (developers.hubspot.com, cited in
// config/connectors/hubspot.json and the fake).

const hubspotConnector = connector('hubspot');
let hubspot: HubspotFake;
let secrets: { stop(): Promise<void> };
let processor: HttpProcessor;

beforeAll(async () => {
  hubspot = await startHubspotFake({ token: 'pat-contract', perSecond: 1000 });
  secrets = await serveSecrets({ 'contract/hubspot': 'pat-contract' });
  processor = processorAt(hubspot, 'hubspot', { accessToken: 'contract/hubspot' });
});
afterAll(async () => {
  await hubspot.stop();
  await secrets.stop();
});
let subject: string;
beforeEach(() => {
  subject = `member-${Math.random().toString(36).slice(2)}@example.com`;
});

describe('HubSpot connector', () => {
  it('exports the contact found by its address whatever the case, with the properties asked for', async () => {
    const id = hubspot.seed({ email: subject, firstname: 'Jane', lastname: 'Doe', company: 'Acme' });
    hubspot.seed({ email: `other-${subject}` });
    const r = await run(hubspotConnector, processor, 'access', { email: subject.toUpperCase() });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.records).toEqual([expect.objectContaining({ id, properties: expect.objectContaining({ email: subject, firstname: 'Jane', company: 'Acme' }) })]);
  });

  it('finds contacts across pages: the cursor `after` goes back in the search body', async () => {
    const ids = Array.from({ length: 101 }, () => hubspot.seed({ email: subject }));
    const before = hubspot.calls().length;
    const r = await run(hubspotConnector, processor, 'access', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(r.records.map((x) => x.id).sort()).toEqual([...ids].sort());
    expect(
      hubspot
        .calls()
        .slice(before)
        .filter((c) => c.path === '/crm/v3/objects/contacts/search').length,
    ).toBe(2);
  });

  it('never truncates a search longer than maxPages: it fails closed (ConnectorPageLimit)', async () => {
    for (let i = 0; i < 1001; i++) hubspot.seed({ email: subject });
    await expect(run(hubspotConnector, processor, 'access', { email: subject })).rejects.toMatchObject({ name: 'ConnectorPageLimit' });
  });

  it('erases with the GDPR delete, not the archive that keeps the contact restorable', async () => {
    const id = hubspot.seed({ email: subject });
    const r = await run(hubspotConnector, processor, 'erasure', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(hubspot.gdprDeleted()).toContain(id);
    expect(hubspot.archived()).not.toContain(id);
    expect(hubspot.contact(id)).toBeUndefined();
    expect(hubspot.blocklist()).toContain(subject);
  });

  it('answers not_found when nobody has the address; and when the GDPR delete answers 404', async () => {
    expect(answerOf(await run(hubspotConnector, processor, 'erasure', { email: subject }))).toEqual({ outcome: 'not_found' });
    const id = hubspot.seed({ email: subject });
    hubspot.failNext(
      1,
      { status: 404, body: { status: 'error', message: 'resource not found', category: 'OBJECT_NOT_FOUND' } },
      { method: 'POST', path: /gdpr-delete$/ },
    );
    // Unmapped, the 404 would fail the branch.
    expect(answerOf(await run(hubspotConnector, processor, 'erasure', { email: subject }))).toEqual({ outcome: 'not_found' });
    expect(hubspot.gdprDeleted()).not.toContain(id);
  });

  it('retries the secondly limit’s 429 and does not fail', async () => {
    const id = hubspot.seed({ email: subject });
    const before = hubspot.rateLimited();
    hubspot.throttleNext(3);
    const r = await run(hubspotConnector, processor, 'erasure', { email: subject });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(hubspot.rateLimited() - before).toBe(3);
    expect(r.waits).toHaveLength(3);
    expect(hubspot.gdprDeleted()).toContain(id);
  });

  it('paces a burst of erasures at the declared rate, under the five searches a second HubSpot allows: no 429', async () => {
    const limited = await startHubspotFake({ token: 'pat-contract' });
    try {
      const p = processorAt(limited, 'hubspot', { accessToken: 'contract/hubspot' });
      const ids = Array.from({ length: 6 }, (_, i) => limited.seed({ email: `${i}-${subject}` }));
      const shared = schedule(hubspotConnector);
      const runs = await Promise.all(ids.map((_, i) => run(hubspotConnector, p, 'erasure', { email: `${i}-${subject}` }, shared)));
      expect(runs.map((r) => answerOf(r).outcome)).toEqual(ids.map(() => 'done'));
      expect(limited.gdprDeleted().sort()).toEqual([...ids].sort());
      expect(limited.rateLimited()).toBe(0);
    } finally {
      await limited.stop();
    }
  });

  it('finds a contact by phone when the subject gives a number, and erases it', async () => {
    const phone = `+4670${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
    const id = hubspot.seed({ email: `other-${subject}`, phone });
    const r = await run(hubspotConnector, processor, 'erasure', { email: subject, phone });
    expect(answerOf(r)).toEqual({ outcome: 'done' });
    expect(hubspot.gdprDeleted()).toContain(id);
  });
});
