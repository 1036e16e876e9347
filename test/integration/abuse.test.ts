import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { captureOutput, mailbox, REQUESTS_TABLE, useRuntime } from '../harness';

// The template's own limit per address (5 an hour), and a per-client limit small enough to reach quickly.
const local = useRuntime({ environment: { INTAKE_LIMIT_PER_CLIENT: '14' } });

const post = (body: Record<string, unknown>, headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' }) =>
  fetch(`${local.rt.urls.gateway}/v1/requests`, {
    method: 'POST',
    headers,
    body: headers['content-type'] === 'application/json' ? JSON.stringify(body) : new URLSearchParams(body as Record<string, string>).toString(),
  });

async function storedRequests(): Promise<number> {
  const out = await local.db.send(new ScanCommand({ TableName: REQUESTS_TABLE, FilterExpression: 'sk = :r', ExpressionAttributeValues: { ':r': 'REQUEST' } }));
  return out.Count ?? 0;
}

/** Counters are per clock hour: start clear of the next hour, so every request here counts in one window. */
async function clearOfHourBoundary(): Promise<void> {
  const left = 3_600_000 - (Date.now() % 3_600_000);
  if (left < 60_000) await new Promise((r) => setTimeout(r, left + 1_000));
}

describe('limits on verification emails', () => {
  it('sends at most five verification emails an hour to one address, then answers 429 naming the address and stores nothing', async () => {
    await clearOfHourBoundary();
    const output = captureOutput();
    const email = 'Flooded@Example.org';
    for (let i = 0; i < 5; i++)
      expect((await post({ controller: 'demo-association', type: 'access', email: i % 2 ? email : email.toLowerCase() })).status).toBe(202);
    const before = { stored: await storedRequests(), mails: (await mailbox(local.rt)).length };

    const refused = await post({ controller: 'demo-association', type: 'erasure', email });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(await refused.json()).toEqual({
      message: 'Too many requests: try again later',
      errors: { email: 'too many requests for this address within an hour' },
    });
    expect(await storedRequests()).toBe(before.stored);
    expect((await mailbox(local.rt)).length).toBe(before.mails);
    expect((await mailbox(local.rt)).filter((m) => m.destination.to.map((t) => t.toLowerCase()).includes('flooded@example.org'))).toHaveLength(5);

    // The counters keep keyed hashes only, and expire.
    const counters = await local.db.send(
      new ScanCommand({ TableName: REQUESTS_TABLE, FilterExpression: 'begins_with(pk, :l)', ExpressionAttributeValues: { ':l': 'LIMIT#' } }),
    );
    expect(counters.Items!.length).toBeGreaterThan(0);
    expect(JSON.stringify(counters.Items)).not.toMatch(/flooded|example\.org|127\.0\.0\.1/i);
    for (const c of counters.Items!) expect(c.expiresAt).toBeGreaterThan(Date.now() / 1000);
    expect(output.join('')).not.toMatch(/flooded@example\.org/i);
  });

  it('answers the form with the page again, in its language, with what was typed kept', async () => {
    const email = 'form-flood@example.org';
    const form = { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' };
    // Each accepted post is sent on (303) to the page after the form, which fetch follows.
    for (let i = 0; i < 5; i++) expect((await post({ controller: 'demo-organising-platform', type: 'access', email, locale: 'sv' }, form)).status).toBe(200);
    const page = await post({ controller: 'demo-organising-platform', type: 'access', email, locale: 'sv', name: 'Fia <b>' }, form);
    expect(page.status).toBe(429);
    const html = await page.text();
    expect(html).toContain('För många begäranden har kommit härifrån, eller för den här e-postadressen, inom en timme.');
    expect(html).toContain('value="form-flood@example.org"');
    expect(html).toContain('Fia &lt;b&gt;');
  });

  it('limits one client address across many email addresses, the same for addresses the organisation knows and does not', async () => {
    // 14 an hour from this client: the tests above sent 12 (the two refused ones count too); two more pass, one known and one unknown.
    expect((await post({ controller: 'demo-association', type: 'access', email: 'ada@example.org' })).status).toBe(202);
    expect((await post({ controller: 'demo-association', type: 'access', email: 'nobody-known@example.org' })).status).toBe(202);
    const known = await post({ controller: 'demo-association', type: 'access', email: 'ada@example.org' });
    const unknown = await post({ controller: 'demo-association', type: 'access', email: 'nobody-known-2@example.org' });
    expect([known.status, unknown.status]).toEqual([429, 429]);
    expect(await known.json()).toEqual(await unknown.json());
    expect(known.headers.get('retry-after')).not.toBeNull();
  });
});
