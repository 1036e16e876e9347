import { afterEach, describe, expect, it } from 'vitest';
import { startHubspotFake } from '../../../local/fakes/hubspot.ts';
import { startIntercomFake } from '../../../local/fakes/intercom.ts';
import { startStripeFake } from '../../../local/fakes/stripe.ts';
import type { VendorFake } from '../../../local/fakes/vendor-fake.ts';
import { startZendeskFake } from '../../../local/fakes/zendesk.ts';

// The fakes stand in for the vendors in the connectors' contract tests: these check that each
// behaves as its vendor documents (pagination, 429, job states, what a delete leaves behind).

const running: VendorFake[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((f) => f.stop()));
});
const track = <T extends VendorFake>(f: T) => {
  running.push(f);
  return f;
};

async function call(url: string, init: RequestInit & { auth: string }): Promise<{ status: number; headers: Headers; body: any }> {
  const res = await fetch(url, { ...init, headers: { authorization: init.auth, ...(init.headers as Record<string, string>) } });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined };
}

describe('Stripe fake', () => {
  it('lists a customer’s charges newest first in pages joined by starting_after and has_more', async () => {
    const stripe = track(await startStripeFake({ perSecond: 1000 }));
    const auth = `Bearer ${stripe.apiKey}`;
    const id = stripe.seed({ email: 'jane@example.com', charges: 5 });
    stripe.seed({ email: 'other@example.com', charges: 2 });
    const seen: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 5; page++) {
      const q = new URLSearchParams({ customer: id, limit: '2', ...(after ? { starting_after: after } : {}) });
      const { body } = await call(`${stripe.url}/v1/charges?${q}`, { auth });
      expect(body.object).toBe('list');
      seen.push(...body.data.map((c: { id: string }) => c.id));
      if (!body.has_more) break;
      after = body.data.at(-1).id;
    }
    expect(seen).toEqual(
      stripe
        .charges(id)
        .map((c) => c.id)
        .reverse(),
    );
  });

  it('filters the customer list by email case-sensitively and searches case-insensitively', async () => {
    const stripe = track(await startStripeFake({ perSecond: 1000 }));
    const auth = `Bearer ${stripe.apiKey}`;
    const id = stripe.seed({ email: 'Jane@Example.com', phone: '+46701234567' });
    expect((await call(`${stripe.url}/v1/customers?email=jane@example.com`, { auth })).body.data).toEqual([]);
    expect((await call(`${stripe.url}/v1/customers?email=Jane@Example.com`, { auth })).body.data.map((c: { id: string }) => c.id)).toEqual([id]);
    const search = await call(`${stripe.url}/v1/customers/search?${new URLSearchParams({ query: "email:'jane@example.com'" })}`, { auth });
    expect(search.body).toMatchObject({ object: 'search_result', has_more: false, next_page: null });
    expect(search.body.data.map((c: { id: string }) => c.id)).toEqual([id]);
    const byPhone = await call(`${stripe.url}/v1/customers/search?${new URLSearchParams({ query: "phone:'+46701234567'" })}`, { auth });
    expect(byPhone.body.data.map((c: { id: string }) => c.id)).toEqual([id]);
  });

  it('deletes a customer once, then answers 404 resource_missing', async () => {
    const stripe = track(await startStripeFake());
    const auth = `Bearer ${stripe.apiKey}`;
    const id = stripe.seed({ email: 'jane@example.com' });
    expect((await call(`${stripe.url}/v1/customers/${id}`, { method: 'DELETE', auth })).body).toEqual({ id, object: 'customer', deleted: true });
    const again = await call(`${stripe.url}/v1/customers/${id}`, { method: 'DELETE', auth });
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ type: 'invalid_request_error', code: 'resource_missing' });
    expect(stripe.deletedCustomers()).toEqual([id]);
  });

  it('takes a redaction job through validating, ready, run, redacting to succeeded, or to failed', async () => {
    const stripe = track(await startStripeFake({ perSecond: 1000 }));
    const auth = `Bearer ${stripe.apiKey}`;
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    for (const fail of [false, true]) {
      const id = stripe.seed({ email: 'jane@example.com', name: 'Jane', charges: 1, invoices: 1 });
      if (fail) stripe.failNextJob();
      const created = await call(`${stripe.url}/v1/privacy/redaction_jobs`, { method: 'POST', auth, headers: form, body: `objects[customers][]=${id}` });
      const states = [created.body.status];
      const job = created.body.id;
      states.push((await call(`${stripe.url}/v1/privacy/redaction_jobs/${job}`, { auth })).body.status);
      states.push((await call(`${stripe.url}/v1/privacy/redaction_jobs/${job}/run`, { method: 'POST', auth })).body.status);
      states.push((await call(`${stripe.url}/v1/privacy/redaction_jobs/${job}`, { auth })).body.status);
      expect(states).toEqual(['validating', 'ready', 'redacting', fail ? 'failed' : 'succeeded']);
      expect(stripe.customer(id)?.email).toBe(fail ? 'jane@example.com' : '[redacted]');
      expect(stripe.charges(id)[0]?.billing_details.email).toBe(fail ? 'jane@example.com' : '[redacted]');
    }
  });

  it('answers 429 with code rate_limit past its per-second limit, and counts them', async () => {
    const stripe = track(await startStripeFake({ perSecond: 2 }));
    const auth = `Bearer ${stripe.apiKey}`;
    stripe.throttleNext(1);
    const first = await call(`${stripe.url}/v1/customers`, { auth });
    expect(first.status).toBe(429);
    expect(first.body.error.code).toBe('rate_limit');
    expect(first.headers.get('retry-after')).toBeNull();
    expect(stripe.rateLimited()).toBe(1);
    expect((await call(`${stripe.url}/v1/customers`, { auth: 'Bearer sk_test_wrong' })).status).toBe(401);
  });
});

describe('HubSpot fake', () => {
  it('searches contacts by email whatever the case, paging with after', async () => {
    const hubspot = track(await startHubspotFake({ perSecond: 1000 }));
    const auth = `Bearer ${hubspot.token}`;
    const ids = [hubspot.seed({ email: 'Jane@example.com', firstname: 'Jane' }), hubspot.seed({ email: 'jane@example.com', firstname: 'J' })];
    hubspot.seed({ email: 'other@example.com' });
    const found: string[] = [];
    let after: string | undefined;
    for (let page = 0; page < 4; page++) {
      const body = {
        filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: 'JANE@example.com' }] }],
        limit: 1,
        ...(after ? { after } : {}),
      };
      const res = await call(`${hubspot.url}/crm/v3/objects/contacts/search`, {
        method: 'POST',
        auth,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(res.body.total).toBe(2);
      found.push(...res.body.results.map((r: { id: string }) => r.id));
      after = res.body.paging?.next?.after;
      if (!after) break;
    }
    expect(found).toEqual(ids);
  });

  it('GDPR-deletes by id (204, then 404) and blocks the address; archiving is kept apart', async () => {
    const hubspot = track(await startHubspotFake());
    const auth = `Bearer ${hubspot.token}`;
    const json = { 'content-type': 'application/json' };
    const id = hubspot.seed({ email: 'jane@example.com' });
    const kept = hubspot.seed({ email: 'kept@example.com' });
    const gdpr = (objectId: string) =>
      call(`${hubspot.url}/crm/v3/objects/contacts/gdpr-delete`, { method: 'POST', auth, headers: json, body: JSON.stringify({ objectId }) });
    expect((await gdpr(id)).status).toBe(204);
    const again = await gdpr(id);
    expect(again.status).toBe(404);
    expect(again.body.category).toBe('OBJECT_NOT_FOUND');
    expect((await call(`${hubspot.url}/crm/v3/objects/contacts/${kept}`, { method: 'DELETE', auth })).status).toBe(204);
    expect(hubspot.gdprDeleted()).toEqual([id]);
    expect(hubspot.archived()).toEqual([kept]);
    expect(hubspot.blocklist()).toEqual(['jane@example.com']);
  });

  it('answers 429 RATE_LIMIT past five searches a second', async () => {
    const hubspot = track(await startHubspotFake());
    const auth = `Bearer ${hubspot.token}`;
    const statuses = await Promise.all(
      Array.from({ length: 8 }, () =>
        call(`${hubspot.url}/crm/v3/objects/contacts/search`, { method: 'POST', auth, headers: { 'content-type': 'application/json' }, body: '{}' }).then(
          (r) => r.status,
        ),
      ),
    );
    // The eight may straddle a second's edge, which lets at most five more through.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(1);
    expect(hubspot.rateLimited()).toBe(statuses.filter((s) => s === 429).length);
  });
});

describe('Zendesk fake', () => {
  it('finds users by email: exact with email:, any part with a plain term; cursor pages by links.next', async () => {
    const zendesk = track(await startZendeskFake({ perSecond: 1000 }));
    const auth = `Basic ${Buffer.from(`${zendesk.agent}/token:${zendesk.token}`).toString('base64')}`;
    const jane = zendesk.seed({ name: 'Jane', email: 'jane@example.com', tickets: 3 });
    const mary = zendesk.seed({ name: 'Mary', email: 'mary.jane@example.com' });
    const exact = await call(`${zendesk.url}/api/v2/users/search?query=${encodeURIComponent('email:Jane@example.com')}`, { auth });
    expect(exact.body.users.map((u: { id: number }) => u.id)).toEqual([jane]);
    const loose = await call(`${zendesk.url}/api/v2/users/search?query=jane@example.com`, { auth });
    expect(loose.body.users.map((u: { id: number }) => u.id)).toEqual([jane, mary]);
    expect(loose.body.count).toBe(2);
    const ids: number[] = [];
    let next: string | null = `${zendesk.url}/api/v2/users/${jane}/tickets/requested?page[size]=2`;
    while (next) {
      const res: { body: { tickets: { id: number }[]; meta: { has_more: boolean }; links: { next: string | null } } } = await call(next, { auth });
      ids.push(...res.body.tickets.map((t) => t.id));
      expect(res.body.meta.has_more).toBe(res.body.links.next !== null);
      next = res.body.links.next;
    }
    expect(ids).toEqual(zendesk.tickets(jane).map((t) => t.id));
  });

  it('permanently deletes only a soft-deleted user; 404 otherwise', async () => {
    const zendesk = track(await startZendeskFake());
    const auth = `Bearer ${zendesk.token}`;
    const id = zendesk.seed({ name: 'Jane', email: 'jane@example.com' });
    expect((await call(`${zendesk.url}/api/v2/deleted_users/${id}`, { method: 'DELETE', auth })).status).toBe(404);
    expect((await call(`${zendesk.url}/api/v2/users/${id}`, { method: 'DELETE', auth })).body.user.active).toBe(false);
    expect(zendesk.softDeleted()).toEqual([id]);
    expect((await call(`${zendesk.url}/api/v2/deleted_users/${id}`, { method: 'DELETE', auth })).status).toBe(200);
    expect(zendesk.permanentlyDeleted()).toEqual([id]);
    const gone = await call(`${zendesk.url}/api/v2/users/${id}`, { method: 'DELETE', auth });
    expect(gone).toMatchObject({ status: 404, body: { error: 'RecordNotFound' } });
  });

  it('runs a bulk delete as a job status: queued, working, completed or failed', async () => {
    const zendesk = track(await startZendeskFake({ perSecond: 1000 }));
    const auth = `Bearer ${zendesk.token}`;
    for (const fail of [false, true]) {
      const id = zendesk.seed({ name: 'Jane' });
      if (fail) zendesk.failNextJob();
      const started = await call(`${zendesk.url}/api/v2/users/destroy_many?ids=${id}`, { method: 'DELETE', auth });
      const states = [started.body.job_status.status];
      for (let i = 0; i < 2; i++) states.push((await call(started.body.job_status.url, { auth })).body.job_status.status);
      expect(states).toEqual(['queued', 'working', fail ? 'failed' : 'completed']);
      expect(zendesk.softDeleted().includes(id)).toBe(!fail);
    }
  });

  it('deletes a ticket, then permanently through a job status', async () => {
    const zendesk = track(await startZendeskFake({ perSecond: 1000, pollsPerState: 2 }));
    const auth = `Bearer ${zendesk.token}`;
    const user = zendesk.seed({ name: 'Jane', tickets: 1 });
    const ticket = zendesk.tickets(user)[0]!.id;
    expect((await call(`${zendesk.url}/api/v2/tickets/${ticket}`, { method: 'DELETE', auth })).status).toBe(204);
    expect(zendesk.deletedTickets()).toEqual([ticket]);
    const started = await call(`${zendesk.url}/api/v2/deleted_tickets/${ticket}`, { method: 'DELETE', auth });
    const states = [started.body.job_status.status];
    for (let i = 0; i < 4; i++) states.push((await call(started.body.job_status.url, { auth })).body.job_status.status);
    expect(states).toEqual(['queued', 'queued', 'working', 'working', 'completed']);
    expect(zendesk.purgedTickets()).toEqual([ticket]);
    expect((await call(`${zendesk.url}/api/v2/deleted_tickets/${ticket}`, { method: 'DELETE', auth })).status).toBe(404);
  });

  it('answers 429 with Retry-After in seconds', async () => {
    const zendesk = track(await startZendeskFake({ retryAfter: 7 }));
    zendesk.throttleNext(1);
    const res = await call(`${zendesk.url}/api/v2/users/search?query=x`, { auth: `Bearer ${zendesk.token}` });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
  });
});

describe('Intercom fake', () => {
  it('searches contacts by email exactly, paging with starting_after', async () => {
    const intercom = track(await startIntercomFake({ perSecond: 1000 }));
    const auth = `Bearer ${intercom.token}`;
    const ids = [intercom.seed({ email: 'jane@example.com' }), intercom.seed({ email: 'jane@example.com', role: 'lead' })];
    intercom.seed({ email: 'Jane@example.com' });
    const found: string[] = [];
    let startingAfter: string | undefined;
    for (let page = 0; page < 4; page++) {
      const res = await call(`${intercom.url}/contacts/search`, {
        method: 'POST',
        auth,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: { field: 'email', operator: '=', value: 'jane@example.com' },
          pagination: { per_page: 1, starting_after: startingAfter },
        }),
      });
      expect(res.body).toMatchObject({ type: 'list', total_count: 2 });
      found.push(...res.body.data.map((c: { id: string }) => c.id));
      startingAfter = res.body.pages.next?.starting_after;
      if (!startingAfter) break;
    }
    expect(found).toEqual(ids);
  });

  it('takes a user delete request, keeps it pending until done, and refuses an unknown user with 404', async () => {
    const intercom = track(await startIntercomFake({ deletionDelayMs: 50 }));
    const auth = `Bearer ${intercom.token}`;
    const json = { 'content-type': 'application/json' };
    const id = intercom.seed({ email: 'jane@example.com' });
    const res = await call(`${intercom.url}/user_delete_requests`, { method: 'POST', auth, headers: json, body: JSON.stringify({ intercom_user_id: id }) });
    expect(res.body).toEqual({ id: 1 });
    expect(intercom.deleteRequests()).toEqual([{ id: 1, contactId: id, state: 'pending' }]);
    await new Promise((r) => setTimeout(r, 100));
    expect(intercom.deleteRequests()[0]?.state).toBe('completed');
    expect(intercom.contact(id)).toBeUndefined();
    const unknown = await call(`${intercom.url}/user_delete_requests`, { method: 'POST', auth, headers: json, body: JSON.stringify({ intercom_user_id: id }) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.errors[0].code).toBe('not_found');
  });

  it('answers 429 with X-RateLimit-Reset and no Retry-After', async () => {
    const intercom = track(await startIntercomFake());
    intercom.throttleNext(1);
    const res = await call(`${intercom.url}/contacts/x`, { auth: `Bearer ${intercom.token}` });
    expect(res.status).toBe(429);
    expect(res.body.errors[0].code).toBe('rate_limit_exceeded');
    expect(Number(res.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    expect(res.headers.get('retry-after')).toBeNull();
  });
});
