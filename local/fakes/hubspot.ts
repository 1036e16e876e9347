/**
 * A local fake of the parts of HubSpot's CRM v3 API the `hubspot` connector uses, as HubSpot documents them:
 *   https://developers.hubspot.com/docs/api/crm/search         POST /crm/v3/objects/contacts/search
 *       (filterGroups of filters, operator EQ; `limit` up to 200; `after` paging from `paging.next.after`;
 *        five search requests a second per account)
 *   https://developers.hubspot.com/docs/api/crm/contacts       POST /crm/v3/objects/contacts/gdpr-delete
 *       (`{objectId, idProperty?}`, 204; permanently deletes the contact and blocks its email),
 *       DELETE /crm/v3/objects/contacts/{id} (archive: to the recycling bin, restorable, not erasure)
 *   https://developers.hubspot.com/docs/api/usage-details      429 `{errorType: 'RATE_LIMIT', policyName}`,
 *       `X-HubSpot-RateLimit-*` headers, no Retry-After
 *   https://developers.hubspot.com/docs/api/private-apps       Bearer private app token
 *
 * HubSpot keeps email addresses lower-case, so EQ on `email` matches whatever the case. GDPR delete
 * is synchronous (no job to poll).
 */
import { randomUUID } from 'node:crypto';
import { bearer, type FakeReply, startVendorFake, type VendorFake } from './vendor-fake.ts';

/** A contact as the fake keeps it (test data only). */
export interface HubspotContact {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

export interface HubspotSeed {
  email?: string;
  firstname?: string;
  lastname?: string;
  phone?: string;
  company?: string;
}

export interface HubspotFakeOptions {
  port?: number;
  /** The private app token callers must present. */
  token?: string;
  /** Search requests a second (HubSpot: five per account). */
  perSecond?: number;
}

export interface HubspotFake extends VendorFake {
  token: string;
  /** Adds a contact; returns its id. */
  seed(subject: HubspotSeed): string;
  contact(id: string): HubspotContact | undefined;
  /** Ids removed by GDPR delete. */
  gdprDeleted(): string[];
  /** Ids archived (still held by HubSpot, restorable). */
  archived(): string[];
  /** Addresses HubSpot will not track again after a GDPR delete. */
  blocklist(): string[];
}

const DEFAULT_PROPERTIES = ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'];
const OPERATORS = new Set(['EQ', 'NEQ', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN']);
const error = (status: number, category: string, message: string): FakeReply => ({
  status,
  body: { status: 'error', message, correlationId: randomUUID(), category },
});

interface Filter {
  propertyName: string;
  operator: string;
  value?: string;
}

function validFilterGroups(raw: unknown): Filter[][] | undefined {
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.length > 5) return undefined;
  const groups: Filter[][] = [];
  for (const g of raw) {
    const filters = (g as { filters?: unknown }).filters;
    if (!Array.isArray(filters) || filters.length > 6) return undefined;
    for (const f of filters as Filter[]) if (typeof f?.propertyName !== 'string' || !OPERATORS.has(f.operator)) return undefined;
    groups.push(filters as Filter[]);
  }
  return groups;
}

function matches(contact: HubspotContact, f: Filter): boolean {
  const actual = contact.properties[f.propertyName] ?? null;
  const fold = (s: string) => (f.propertyName === 'email' ? s.toLowerCase() : s);
  switch (f.operator) {
    case 'EQ':
      return actual !== null && fold(actual) === fold(String(f.value ?? ''));
    case 'NEQ':
      return actual === null || fold(actual) !== fold(String(f.value ?? ''));
    case 'HAS_PROPERTY':
      return actual !== null;
    case 'NOT_HAS_PROPERTY':
      return actual === null;
    default:
      return (
        actual
          ?.toLowerCase()
          .split(/\W+/)
          .includes(String(f.value ?? '').toLowerCase()) ?? false
      );
  }
}

export async function startHubspotFake(opts: HubspotFakeOptions = {}): Promise<HubspotFake> {
  const token = opts.token ?? 'pat-fake';
  const contacts: HubspotContact[] = [];
  const deleted: string[] = [];
  const archived: string[] = [];
  const blocked: string[] = [];
  let nextId = 101;

  const view = (c: HubspotContact, properties: string[]) => ({
    id: c.id,
    properties: Object.fromEntries(properties.map((p) => [p, c.properties[p] ?? null])),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    archived: false,
  });

  const fake = await startVendorFake(
    {
      name: 'hubspot',
      authorized: (headers) => bearer(headers) === token,
      unauthorized: error(401, 'INVALID_AUTHENTICATION', 'Authentication credentials not found.'),
      noRoute: { status: 404, body: '' },
      rateLimit: {
        perSecond: opts.perSecond ?? 5,
        reply: () => ({
          status: 429,
          body: {
            status: 'error',
            message: 'You have reached your secondly limit.',
            errorType: 'RATE_LIMIT',
            correlationId: randomUUID(),
            policyName: 'SECONDLY',
            groupName: 'publicapi:search',
          },
          headers: { 'x-hubspot-ratelimit-secondly': String(opts.perSecond ?? 5), 'x-hubspot-ratelimit-secondly-remaining': '0' },
        }),
      },
      routes: [
        {
          method: 'POST',
          path: '/crm/v3/objects/contacts/search',
          handle: (req) => {
            const body = (req.body ?? {}) as { filterGroups?: unknown; properties?: unknown; limit?: unknown; after?: unknown };
            const groups = validFilterGroups(body.filterGroups);
            if (!groups) return error(400, 'VALIDATION_ERROR', 'Invalid input JSON: filterGroups');
            const limit = body.limit === undefined ? 10 : body.limit;
            if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 200)
              return error(400, 'VALIDATION_ERROR', 'limit must be between 1 and 200');
            const after = body.after === undefined ? 0 : Number(body.after);
            if (!Number.isInteger(after) || after < 0) return error(400, 'VALIDATION_ERROR', 'after must be a non-negative integer string');
            if (body.properties !== undefined && (!Array.isArray(body.properties) || body.properties.some((p) => typeof p !== 'string')))
              return error(400, 'VALIDATION_ERROR', 'properties must be a list of property names');
            const properties = (body.properties as string[] | undefined)?.length ? (body.properties as string[]) : DEFAULT_PROPERTIES;
            // Filters in a group are ANDed, groups ORed.
            const hits = contacts.filter((c) => groups.length === 0 || groups.some((g) => g.every((f) => matches(c, f))));
            const page = hits.slice(after, after + limit);
            const next = after + limit < hits.length ? { paging: { next: { after: String(after + limit) } } } : {};
            return { status: 200, body: { total: hits.length, results: page.map((c) => view(c, properties)), ...next } };
          },
        },
        {
          method: 'GET',
          path: '/crm/v3/objects/contacts/{id}',
          handle: (req, { id }) => {
            const c = contacts.find((x) => x.id === id);
            if (!c) return error(404, 'OBJECT_NOT_FOUND', 'resource not found');
            const asked = req.query.get('properties');
            return { status: 200, body: view(c, asked ? asked.split(',') : DEFAULT_PROPERTIES) };
          },
        },
        {
          method: 'POST',
          path: '/crm/v3/objects/contacts/gdpr-delete',
          handle: (req) => {
            const body = (req.body ?? {}) as { objectId?: unknown; idProperty?: unknown };
            if (typeof body.objectId !== 'string' || body.objectId === '') return error(400, 'VALIDATION_ERROR', 'objectId is required');
            if (body.idProperty !== undefined && body.idProperty !== 'email') return error(400, 'VALIDATION_ERROR', 'idProperty must be email');
            const key = body.objectId;
            const at =
              body.idProperty === 'email'
                ? contacts.findIndex((c) => c.properties.email?.toLowerCase() === key.toLowerCase())
                : contacts.findIndex((c) => c.id === key);
            if (at < 0) return error(404, 'OBJECT_NOT_FOUND', 'resource not found');
            const [gone] = contacts.splice(at, 1);
            deleted.push(gone!.id);
            if (gone!.properties.email) blocked.push(gone!.properties.email);
            return { status: 204 };
          },
        },
        {
          method: 'DELETE',
          path: '/crm/v3/objects/contacts/{id}',
          handle: (_req, { id }) => {
            const c = contacts.find((x) => x.id === id);
            if (!c) return error(404, 'OBJECT_NOT_FOUND', 'resource not found');
            // Archived contacts leave search but stay in the recycling bin for 90 days.
            contacts.splice(contacts.indexOf(c), 1);
            archived.push(c.id);
            return { status: 204 };
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
      const now = new Date().toISOString();
      const id = String(nextId++);
      contacts.push({
        id,
        properties: {
          email: subject.email?.toLowerCase() ?? null,
          firstname: subject.firstname ?? null,
          lastname: subject.lastname ?? null,
          phone: subject.phone ?? null,
          company: subject.company ?? null,
          hs_object_id: id,
          createdate: now,
          lastmodifieddate: now,
        },
        createdAt: now,
        updatedAt: now,
        archived: false,
      });
      return id;
    },
    contact: (id) => contacts.find((c) => c.id === id),
    gdprDeleted: () => [...deleted],
    archived: () => [...archived],
    blocklist: () => [...blocked],
  };
}
