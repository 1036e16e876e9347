/**
 * A local fake of the parts of Intercom's REST API (version 2.11) the `intercom` connector uses, as
 * Intercom documents them:
 *   https://developers.intercom.com/docs/references/2.11/rest-api/api.intercom.io/contacts/searchcontacts
 *       POST /contacts/search: `{query: {field, operator, value}}` or `{query: {operator: AND|OR, value: [...]}}`,
 *       `pagination: {per_page (max 150, default 50), starting_after}`; answers `pages.next.starting_after`
 *   https://developers.intercom.com/docs/build-an-integration/learn-more/rest-apis/gdpr/
 *       POST /user_delete_requests `{intercom_user_id}` answers `{id}`; the user is deleted
 *       permanently later (Intercom documents no endpoint to read a request's progress)
 *   https://developers.intercom.com/docs/references/2.11/rest-api/api.intercom.io/contacts/deletecontact
 *       DELETE /contacts/{id}: deletes a contact; the way to erase a lead, which delete requests refuse
 *   https://developers.intercom.com/docs/references/2.11/rest-api/errors/rate-limiting/
 *       429 `error.list` with `rate_limit_exceeded`; `X-RateLimit-Limit`, `-Remaining`, `-Reset` (epoch seconds), no Retry-After
 *   https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/   Bearer access token
 *
 * `=` on a string matches exactly, case and all; `~` (contains) ignores case. A delete request is
 * `pending` until `deletionDelayMs` has passed (0: at once), then the contact is gone; the fake's
 * `deleteRequests()` shows the states, which Intercom itself does not expose.
 */
import { randomBytes } from 'node:crypto';
import { bearer, type FakeReply, startVendorFake, type VendorFake } from './vendor-fake.ts';

/** A contact as the fake keeps it (test data only). */
export interface IntercomContact {
  type: 'contact';
  id: string;
  workspace_id: string;
  external_id: string | null;
  role: 'user' | 'lead';
  email: string | null;
  phone: string | null;
  name: string | null;
  created_at: number;
  updated_at: number;
}

export interface IntercomDeleteRequest {
  id: number;
  contactId: string;
  state: 'pending' | 'completed';
}

export interface IntercomSeed {
  email?: string;
  phone?: string;
  name?: string;
  externalId?: string;
  role?: 'user' | 'lead';
}

export interface IntercomFakeOptions {
  port?: number;
  token?: string;
  /** Calls a second before 429 (Intercom: 10,000 a minute, spread over 10-second windows). */
  perSecond?: number;
  /** How long a delete request stays pending (default 0). */
  deletionDelayMs?: number;
}

export interface IntercomFake extends VendorFake {
  token: string;
  seed(subject: IntercomSeed): string;
  contact(id: string): IntercomContact | undefined;
  deleteRequests(): IntercomDeleteRequest[];
  /** Contacts removed by `DELETE /contacts/{id}`. */
  deletedContacts(): string[];
}

const WORKSPACE = 'fakews01';
const SEARCHABLE = new Set(['id', 'email', 'phone', 'name', 'external_id', 'role', 'created_at', 'updated_at']);
const errors = (status: number, code: string, message: string): FakeReply => ({
  status,
  body: { type: 'error.list', request_id: randomBytes(10).toString('hex'), errors: [{ code, message }] },
});

interface Query {
  field?: string;
  operator: string;
  value: unknown;
}

function valid(q: unknown, depth = 0): q is Query {
  if (typeof q !== 'object' || q === null || depth > 2) return false;
  const { field, operator, value } = q as Query;
  if (operator === 'AND' || operator === 'OR') return Array.isArray(value) && value.length > 0 && value.length <= 15 && value.every((v) => valid(v, depth + 1));
  return typeof field === 'string' && SEARCHABLE.has(field) && ['=', '!=', '~', '!~', 'IN', 'NIN', '>', '<', '^', '$'].includes(operator);
}

function matches(c: IntercomContact, q: Query): boolean {
  if (q.operator === 'AND') return (q.value as Query[]).every((v) => matches(c, v));
  if (q.operator === 'OR') return (q.value as Query[]).some((v) => matches(c, v));
  const actual = c[q.field as keyof IntercomContact];
  const want = q.value;
  switch (q.operator) {
    case '=':
      return actual === want;
    case '!=':
      return actual !== want;
    case '~':
      return typeof actual === 'string' && actual.toLowerCase().includes(String(want).toLowerCase());
    case '!~':
      return typeof actual !== 'string' || !actual.toLowerCase().includes(String(want).toLowerCase());
    case 'IN':
      return Array.isArray(want) && want.includes(actual);
    case 'NIN':
      return Array.isArray(want) && !want.includes(actual);
    case '^':
      return typeof actual === 'string' && actual.startsWith(String(want));
    case '$':
      return typeof actual === 'string' && actual.endsWith(String(want));
    case '>':
      return typeof actual === 'number' && actual > Number(want);
    default:
      return typeof actual === 'number' && actual < Number(want);
  }
}

export async function startIntercomFake(opts: IntercomFakeOptions = {}): Promise<IntercomFake> {
  const token = opts.token ?? 'intercom-fake-token';
  const perSecond = opts.perSecond ?? 20;
  const delay = opts.deletionDelayMs ?? 0;
  const contacts: IntercomContact[] = [];
  const requests: IntercomDeleteRequest[] = [];
  const deletedContacts: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let nextRequest = 1;
  let clock = Math.floor(Date.now() / 1000);

  const complete = (r: IntercomDeleteRequest) => {
    const at = contacts.findIndex((c) => c.id === r.contactId);
    if (at >= 0) contacts.splice(at, 1);
    r.state = 'completed';
  };

  const fake = await startVendorFake(
    {
      name: 'intercom',
      authorized: (headers) => bearer(headers) === token,
      unauthorized: errors(401, 'unauthorized', 'Access Token Invalid'),
      noRoute: errors(404, 'not_found', 'Resource Not Found'),
      rateLimit: {
        perSecond,
        reply: (reset) => ({
          ...errors(429, 'rate_limit_exceeded', `Exceeded rate limit of ${perSecond} in 1 second`),
          headers: { 'x-ratelimit-limit': String(perSecond), 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + reset) },
        }),
      },
      routes: [
        {
          method: 'POST',
          path: '/contacts/search',
          handle: (req) => {
            const body = (req.body ?? {}) as { query?: unknown; pagination?: { per_page?: unknown; starting_after?: unknown } };
            if (!valid(body.query)) return errors(400, 'parameter_invalid', 'Invalid query');
            const perPage = body.pagination?.per_page ?? 50;
            if (typeof perPage !== 'number' || !Number.isInteger(perPage) || perPage < 1 || perPage > 150)
              return errors(400, 'parameter_invalid', 'per_page must be between 1 and 150');
            const after = body.pagination?.starting_after;
            let start = 0;
            if (after !== undefined && after !== null) {
              const decoded = typeof after === 'string' ? Number(Buffer.from(after, 'base64url').toString('utf8')) : Number.NaN;
              if (!Number.isInteger(decoded) || decoded < 0) return errors(400, 'parameter_invalid', 'starting_after is invalid');
              start = decoded;
            }
            const query = body.query;
            const hits = contacts.filter((c) => matches(c, query));
            const page = hits.slice(start, start + perPage);
            const totalPages = Math.max(1, Math.ceil(hits.length / perPage));
            const next =
              start + perPage < hits.length
                ? { next: { page: start / perPage + 2, starting_after: Buffer.from(String(start + perPage)).toString('base64url') } }
                : {};
            return {
              status: 200,
              body: {
                type: 'list',
                data: page,
                total_count: hits.length,
                pages: { type: 'pages', page: Math.floor(start / perPage) + 1, per_page: perPage, total_pages: totalPages, ...next },
              },
            };
          },
        },
        {
          method: 'GET',
          path: '/contacts/{id}',
          handle: (_req, { id }) => {
            const c = contacts.find((x) => x.id === id);
            return c ? { status: 200, body: c } : errors(404, 'not_found', 'User Not Found');
          },
        },
        {
          method: 'DELETE',
          path: '/contacts/{id}',
          handle: (_req, { id }) => {
            const at = contacts.findIndex((x) => x.id === id);
            if (at < 0) return errors(404, 'not_found', 'User Not Found');
            const [gone] = contacts.splice(at, 1);
            deletedContacts.push(gone!.id);
            return { status: 200, body: { id: gone!.id, external_id: gone!.external_id, type: 'contact', deleted: true } };
          },
        },
        {
          method: 'POST',
          path: '/user_delete_requests',
          handle: (req) => {
            const id = (req.body as { intercom_user_id?: unknown } | undefined)?.intercom_user_id;
            if (typeof id !== 'string' || id === '') return errors(400, 'parameter_not_found', 'intercom_user_id is required');
            const contact = contacts.find((c) => c.id === id && c.role === 'user');
            if (!contact) return errors(404, 'not_found', 'User Not Found');
            const request: IntercomDeleteRequest = { id: nextRequest++, contactId: id, state: 'pending' };
            requests.push(request);
            if (delay === 0) complete(request);
            else {
              const t = setTimeout(() => {
                timers.delete(t);
                complete(request);
              }, delay);
              timers.add(t);
            }
            return { status: 200, body: { id: request.id } };
          },
        },
      ],
    },
    opts.port ?? 0,
  );

  return {
    ...fake,
    token,
    seed(subject) {
      const now = ++clock;
      const contact: IntercomContact = {
        type: 'contact',
        id: randomBytes(12).toString('hex'),
        workspace_id: WORKSPACE,
        external_id: subject.externalId ?? null,
        role: subject.role ?? 'user',
        email: subject.email ?? null,
        phone: subject.phone ?? null,
        name: subject.name ?? null,
        created_at: now,
        updated_at: now,
      };
      contacts.push(contact);
      return contact.id;
    },
    contact: (id) => contacts.find((c) => c.id === id),
    deleteRequests: () => requests.map((r) => ({ ...r })),
    deletedContacts: () => [...deletedContacts],
    stop: async () => {
      for (const t of timers) clearTimeout(t);
      await fake.stop();
    },
  };
}
