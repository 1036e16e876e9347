import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { mailbox, REQUESTS_TABLE, useRuntime } from '../harness';

// The template's limit per mailbox (5 an hour), a small per-domain limit, and a client limit out of the way.
const local = useRuntime({ environment: { INTAKE_LIMIT_PER_CLIENT: '1000', INTAKE_LIMIT_PER_DOMAIN: '8' } });

const post = (email: string) =>
  fetch(`${local.rt.urls.gateway}/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ controller: 'demo-association', type: 'access', email }),
  });

/** Counters are per clock hour: start clear of the next hour, so every request here counts in one window. */
async function clearOfHourBoundary(): Promise<void> {
  const left = 3_600_000 - (Date.now() % 3_600_000);
  if (left < 60_000) await new Promise((r) => setTimeout(r, left + 1_000));
}

const sentTo = async (domain: string) => (await mailbox(local.rt)).filter((m) => m.destination.to.some((t) => t.toLowerCase().endsWith(`@${domain}`))).length;

describe('intake limits count the mailbox, not the spelling', () => {
  it('counts victim+N@ and the address in other cases as one mailbox', async () => {
    await clearOfHourBoundary();
    for (const email of ['victim@tagged.example', 'victim+1@tagged.example', 'Victim+2@Tagged.Example', 'VICTIM@tagged.example', 'victim+x+y@tagged.example'])
      expect((await post(email)).status).toBe(202);
    const refused = await post('victim+6@tagged.example');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual({
      message: 'Too many requests: try again later',
      errors: { email: 'too many requests for this address within an hour' },
    });
    expect(await sentTo('tagged.example')).toBe(5);
    // Another mailbox at the domain is its own.
    expect((await post('someone-else@tagged.example')).status).toBe(202);
  });

  it("counts Gmail's dotted spellings as one mailbox, under both its domains", async () => {
    for (const email of ['v.ictim@gmail.com', 'vi.ctim@gmail.com', 'victim@googlemail.com', 'v.i.c.t.i.m+a@gmail.com', 'Victim@Gmail.com'])
      expect((await post(email)).status).toBe(202);
    expect((await post('vic.tim@googlemail.com')).status).toBe(429);
  });

  it('limits one mail domain across its addresses (a catch-all domain), and only that domain', async () => {
    for (let i = 0; i < 8; i++) expect((await post(`person-${i}@catch-all.example`)).status).toBe(202);
    const refused = await post('person-9@catch-all.example');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      message: 'Too many requests: try again later',
      errors: { email: "too many requests for this address's domain within an hour" },
    });
    expect(await sentTo('catch-all.example')).toBe(8);
    expect((await post('person-9@elsewhere.example')).status).toBe(202);

    // The domain's counter is kept as a keyed hash only.
    const counters = await local.db.send(
      new ScanCommand({ TableName: REQUESTS_TABLE, FilterExpression: 'begins_with(pk, :l)', ExpressionAttributeValues: { ':l': 'LIMIT#intake-domain#' } }),
    );
    expect(counters.Items!.length).toBeGreaterThan(0);
    expect(JSON.stringify(counters.Items)).not.toMatch(/catch-all|example/);
  });
});
