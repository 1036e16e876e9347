/**
 * A local fake of the parts of Zendesk's Support API the `zendesk` connector uses, as Zendesk documents them:
 *   https://developer.zendesk.com/api-reference/ticketing/users/users/#search-users
 *       GET /api/v2/users/search?query= (any part of name, email or phone; `email:` exact) or ?external_id=
 *   https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#list-tickets
 *       GET /api/v2/users/{id}/tickets/requested
 *   https://developer.zendesk.com/api-reference/ticketing/users/users/#delete-user
 *       DELETE /api/v2/users/{id} (soft delete: the user goes to deleted users, still held)
 *   https://developer.zendesk.com/api-reference/ticketing/users/deleted_users/#permanently-delete-user
 *       DELETE /api/v2/deleted_users/{id} (the GDPR erasure; only a soft-deleted user)
 *   https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#delete-ticket
 *       DELETE /api/v2/tickets/{id} (204; the ticket goes to deleted tickets for 30 days)
 *   https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/#delete-ticket-permanently
 *       DELETE /api/v2/deleted_tickets/{id}: asynchronous, answers a job status
 *   https://developer.zendesk.com/api-reference/ticketing/users/users/#bulk-delete-users
 *   https://developer.zendesk.com/api-reference/ticketing/ticket-management/job_statuses/
 *       DELETE /api/v2/users/destroy_many?ids= also answers a job status (queued, working, completed, failed)
 *   https://developer.zendesk.com/api-reference/introduction/pagination/
 *       cursor pagination: `page[size]` (up to 100), `page[after]`; `meta.has_more`, `meta.after_cursor`,
 *       `links.next`; without `page[size]`, offset pagination with `next_page` and `count`
 *   https://developer.zendesk.com/api-reference/introduction/rate-limits/   429 with Retry-After (seconds)
 *   https://developer.zendesk.com/api-reference/introduction/security-and-auth/
 *       Basic `{email}/token:{api_token}` or a Bearer OAuth token
 *
 * Permanent deletion removes the user, not the tickets they requested (Zendesk deletes those
 * separately: soft, then permanently as a job). A plain search term matches any part of a name, address or phone number, case-insensitively, so
 * `jane@example.com` also finds `mary.jane@example.com`: whoever calls must check the match.
 */
import { randomBytes } from 'node:crypto';
import { basic, bearer, type FakeReply, type FakeRequest, intParam, startVendorFake, type VendorFake } from './vendor-fake.ts';

/** A user as the fake keeps it (test data only). */
export interface ZendeskUser {
  id: number;
  url: string;
  name: string;
  email: string | null;
  phone: string | null;
  external_id: string | null;
  role: 'end-user';
  active: boolean;
  created_at: string;
}

export interface ZendeskTicket {
  id: number;
  requester_id: number;
  subject: string;
  description: string;
  status: 'new' | 'open' | 'solved' | 'closed';
  created_at: string;
}

export type JobState = 'queued' | 'working' | 'completed' | 'failed' | 'killed';

export interface ZendeskSeed {
  name: string;
  email?: string;
  phone?: string;
  externalId?: string;
  tickets?: number;
}

export interface ZendeskFakeOptions {
  port?: number;
  /** Agent email and API token for Basic `{email}/token:{token}`; the token alone is also taken as Bearer. */
  agent?: string;
  token?: string;
  /** Calls a second before 429 (Zendesk counts per minute; tests need seconds). */
  perSecond?: number;
  /** Seconds in Retry-After (default 1). */
  retryAfter?: number;
  /** Reads of a job status before it moves on (default 1). */
  pollsPerState?: number;
}

export interface ZendeskFake extends VendorFake {
  agent: string;
  token: string;
  /** Adds an end user with tickets; returns its id. */
  seed(subject: ZendeskSeed): number;
  user(id: number): ZendeskUser | undefined;
  tickets(userId: number): ZendeskTicket[];
  /** Soft-deleted users, still held. */
  softDeleted(): number[];
  /** Users permanently deleted. */
  permanentlyDeleted(): number[];
  /** Tickets soft-deleted, still held. */
  deletedTickets(): number[];
  /** Tickets permanently deleted. */
  purgedTickets(): number[];
  /** The next job (bulk user delete, permanent ticket delete) ends `failed`. */
  failNextJob(): void;
}

const notFound: FakeReply = { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
const invalid = (description: string): FakeReply => ({ status: 400, body: { error: 'InvalidPaginationParameter', description } });

function matchesQuery(user: ZendeskUser, query: string): boolean {
  const q = query.trim().toLowerCase();
  const field = /^(email|phone|name):(.+)$/.exec(q);
  if (field) {
    const value = field[2]!.replace(/^"|"$/g, '');
    return (user[field[1] as 'email'] ?? '').toLowerCase() === value;
  }
  return [user.name, user.email, user.phone].some((v) => v?.toLowerCase().includes(q));
}

export async function startZendeskFake(opts: ZendeskFakeOptions = {}): Promise<ZendeskFake> {
  const agent = opts.agent ?? 'agent@example.com';
  const token = opts.token ?? 'zendesk-fake-token';
  const pollsPerState = opts.pollsPerState ?? 1;
  const users: ZendeskUser[] = [];
  const deletedUsers: ZendeskUser[] = [];
  const purged: number[] = [];
  const tickets: ZendeskTicket[] = [];
  const deletedTickets: ZendeskTicket[] = [];
  const purgedTickets: number[] = [];
  /** A job's work: soft-deleting users, or permanently deleting tickets. */
  type Job = { id: string; kind: 'users' | 'tickets'; ids: number[]; status: JobState; reads: number; fail: boolean };
  const jobs = new Map<string, Job>();
  const startJob = (kind: Job['kind'], ids: number[]): Job => {
    const job: Job = { id: randomBytes(16).toString('hex'), kind, ids, status: 'queued', reads: 0, fail: failNext };
    failNext = false;
    jobs.set(job.id, job);
    return job;
  };
  let failNext = false;
  let nextId = 360_000_000_001;
  let nextTicket = 1;

  /** One page of `items` in Zendesk's cursor or offset shape, by the request's parameters. */
  function paginate<T extends { id: number }>(req: FakeRequest, key: string, items: T[]): FakeReply {
    const size = req.query.get('page[size]');
    const pageUrl = (params: Record<string, string>) => {
      const u = new URL(req.path, req.base);
      for (const [k, v] of req.query) if (!k.startsWith('page')) u.searchParams.set(k, v);
      for (const [k, v] of Object.entries(params)) u.searchParams.set(k, v);
      return u.toString();
    };
    if (size !== null) {
      const limit = intParam(size, 100, 1, 100);
      if (limit === undefined) return invalid('page[size] must be between 1 and 100');
      const after = req.query.get('page[after]');
      let start = 0;
      if (after) {
        const decoded = Number(Buffer.from(after, 'base64url').toString('utf8'));
        const at = items.findIndex((i) => i.id === decoded);
        if (at < 0) return invalid('page[after] is not a cursor of this list');
        start = at + 1;
      }
      const page = items.slice(start, start + limit);
      const hasMore = start + limit < items.length;
      const cursor = (i: T | undefined) => (i ? Buffer.from(String(i.id)).toString('base64url') : null);
      const afterCursor = cursor(page.at(-1));
      return {
        status: 200,
        body: {
          [key]: page,
          meta: { has_more: hasMore, after_cursor: afterCursor, before_cursor: cursor(page[0]) },
          links: { next: hasMore && afterCursor ? pageUrl({ 'page[size]': String(limit), 'page[after]': afterCursor }) : null, prev: null },
        },
      };
    }
    const perPage = intParam(req.query.get('per_page'), 100, 1, 100);
    const pageNo = intParam(req.query.get('page'), 1, 1, 10_000);
    if (perPage === undefined || pageNo === undefined) return invalid('page and per_page must be positive integers');
    const start = (pageNo - 1) * perPage;
    const hasMore = start + perPage < items.length;
    return {
      status: 200,
      body: {
        [key]: items.slice(start, start + perPage),
        next_page: hasMore ? pageUrl({ page: String(pageNo + 1), per_page: String(perPage) }) : null,
        previous_page: pageNo > 1 ? pageUrl({ page: String(pageNo - 1), per_page: String(perPage) }) : null,
        count: items.length,
      },
    };
  }

  const softDelete = (id: number): ZendeskUser | undefined => {
    const at = users.findIndex((u) => u.id === id);
    if (at < 0) return undefined;
    const [user] = users.splice(at, 1);
    user!.active = false;
    deletedUsers.push(user!);
    return user;
  };

  const jobView = (job: Job, base: string) => ({
    job_status: {
      id: job.id,
      url: `${base}/api/v2/job_statuses/${job.id}.json`,
      total: job.ids.length,
      progress: job.status === 'completed' ? job.ids.length : 0,
      status: job.status,
      message: job.status === 'failed' ? 'Failed to delete users' : null,
      results: job.status === 'completed' ? job.ids.map((id) => ({ id, action: 'delete', success: true, status: 'Deleted' })) : null,
    },
  });

  const fake = await startVendorFake(
    {
      name: 'zendesk',
      authorized: (headers) => {
        const b = basic(headers);
        return (b?.user === `${agent}/token` && b.password === token) || bearer(headers) === token;
      },
      unauthorized: { status: 401, body: { error: "Couldn't authenticate you" } },
      noRoute: { status: 404, body: { error: 'InvalidEndpoint', description: 'Not found' } },
      rateLimit: {
        perSecond: opts.perSecond ?? 10,
        reply: () => ({
          status: 429,
          body: { error: 'APIRateLimitExceeded', description: 'Rate limit for api requests exceeded' },
          headers: { 'retry-after': String(opts.retryAfter ?? 1), 'x-rate-limit': String(opts.perSecond ?? 10), 'x-rate-limit-remaining': '0' },
        }),
      },
      routes: [
        {
          method: 'GET',
          path: '/api/v2/users/search',
          handle: (req) => {
            const query = req.query.get('query');
            const external = req.query.get('external_id');
            if (!query && !external) return { status: 400, body: { error: 'InvalidValue', description: 'query or external_id is required' } };
            const hits = users.filter((u) => (query ? matchesQuery(u, query) : u.external_id === external));
            return paginate(req, 'users', hits);
          },
        },
        {
          method: 'GET',
          path: '/api/v2/users/{id}/tickets/requested',
          handle: (req, { id }) => {
            const user = users.find((u) => u.id === Number(id));
            if (!user) return notFound;
            return paginate(
              req,
              'tickets',
              tickets.filter((t) => t.requester_id === user.id),
            );
          },
        },
        {
          method: 'DELETE',
          path: '/api/v2/users/destroy_many',
          handle: (req) => {
            const ids = (req.query.get('ids') ?? '').split(',').filter(Boolean).map(Number);
            if (ids.length === 0 || ids.length > 100 || ids.some((n) => !Number.isInteger(n)))
              return { status: 400, body: { error: 'InvalidValue', description: 'ids must be 1 to 100 user ids' } };
            return { status: 200, body: jobView(startJob('users', ids), req.base) };
          },
        },
        {
          method: 'GET',
          path: '/api/v2/job_statuses/{id}',
          handle: (req, { id }) => {
            const job = jobs.get(id!.replace(/\.json$/, ''));
            if (!job) return notFound;
            if ((job.status === 'queued' || job.status === 'working') && ++job.reads >= pollsPerState) {
              job.reads = 0;
              if (job.status === 'queued') job.status = 'working';
              else if (job.fail) job.status = 'failed';
              else {
                for (const jid of job.ids)
                  if (job.kind === 'users') softDelete(jid);
                  else {
                    const at = deletedTickets.findIndex((t) => t.id === jid);
                    if (at >= 0) purgedTickets.push(deletedTickets.splice(at, 1)[0]!.id);
                  }
                job.status = 'completed';
              }
            }
            return { status: 200, body: jobView(job, req.base) };
          },
        },
        {
          method: 'DELETE',
          path: '/api/v2/tickets/{id}',
          handle: (_req, { id }) => {
            const at = tickets.findIndex((t) => t.id === Number(id));
            if (at < 0) return notFound;
            deletedTickets.push(tickets.splice(at, 1)[0]!);
            return { status: 204 };
          },
        },
        {
          method: 'DELETE',
          path: '/api/v2/deleted_tickets/{id}',
          handle: (req, { id }) => {
            if (!deletedTickets.some((t) => t.id === Number(id))) return notFound;
            return { status: 200, body: jobView(startJob('tickets', [Number(id)]), req.base) };
          },
        },
        {
          method: 'DELETE',
          path: '/api/v2/users/{id}',
          handle: (_req, { id }) => {
            const user = softDelete(Number(id));
            return user ? { status: 200, body: { user } } : notFound;
          },
        },
        {
          method: 'DELETE',
          path: '/api/v2/deleted_users/{id}',
          handle: (_req, { id }) => {
            const at = deletedUsers.findIndex((u) => u.id === Number(id));
            if (at < 0) return notFound;
            const [user] = deletedUsers.splice(at, 1);
            // Tickets stay: Zendesk deletes the user's identity, not the tickets they requested.
            purged.push(user!.id);
            return { status: 200, body: { deleted_user: { id: user!.id, name: 'Permanently Deleted User', active: false } } };
          },
        },
      ],
    },
    opts.port ?? 0,
  );

  return {
    ...fake,
    agent,
    token,
    seed(subject) {
      const id = nextId++;
      const created = new Date().toISOString();
      users.push({
        id,
        url: `${fake.url}/api/v2/users/${id}.json`,
        name: subject.name,
        email: subject.email ?? null,
        phone: subject.phone ?? null,
        external_id: subject.externalId ?? null,
        role: 'end-user',
        active: true,
        created_at: created,
      });
      for (let i = 0; i < (subject.tickets ?? 0); i++)
        tickets.push({
          id: nextTicket++,
          requester_id: id,
          subject: `Question ${i + 1}`,
          description: 'About my membership',
          status: 'solved',
          created_at: created,
        });
      return id;
    },
    user: (id) => users.find((u) => u.id === id) ?? deletedUsers.find((u) => u.id === id),
    tickets: (id) => tickets.filter((t) => t.requester_id === id),
    softDeleted: () => deletedUsers.map((u) => u.id),
    deletedTickets: () => deletedTickets.map((t) => t.id),
    purgedTickets: () => [...purgedTickets],
    permanentlyDeleted: () => [...purged],
    failNextJob: () => {
      failNext = true;
    },
  };
}
