/**
 * A local fake of the parts of Stripe's API the `stripe` connector uses, as Stripe documents them:
 *   https://docs.stripe.com/api/customers/list            GET /v1/customers?email= (case-sensitive filter)
 *   https://docs.stripe.com/api/customers/search          GET /v1/customers/search?query=email:'…' | phone:'…'
 *   https://docs.stripe.com/search#search-query-language  the query language (exact match `:`)
 *   https://docs.stripe.com/api/charges/list              GET /v1/charges?customer=
 *   https://docs.stripe.com/api/invoices/list             GET /v1/invoices?customer=
 *   https://docs.stripe.com/api/customers/delete          DELETE /v1/customers/{id}
 *   https://docs.stripe.com/api/privacy/redaction-job     POST /v1/privacy/redaction_jobs, GET …/{id}, POST …/{id}/run, POST …/{id}/cancel
 *   https://docs.stripe.com/api/pagination                `limit` 1-100 (10), `starting_after`, `has_more`
 *   https://docs.stripe.com/api/pagination/search         `page` / `next_page` for search
 *   https://docs.stripe.com/rate-limits                   429 with error code `rate_limit`, no Retry-After
 *   https://docs.stripe.com/api/errors                    `{error: {type, code, message, param}}`
 *   https://docs.stripe.com/api/idempotent_requests       `Idempotency-Key` on POST: the first answer is
 *                                                         replayed; other parameters with the key: 400
 *
 * Lists are newest first. A redaction job is `validating`, then `ready` (or `failed` when an
 * object does not exist), waits for `run`, then `redacting` and `succeeded` (or `failed`, by
 * `failNextJob`); each step takes `pollsPerState` reads of the job, so tests see every state.
 * A redacted customer keeps its id and loses its personal fields, as do its charges and invoices.
 */
import { randomBytes } from 'node:crypto';
import { basic, bearer, type FakeReply, type FakeRequest, type FakeRoute, intParam, pageAfter, startVendorFake, type VendorFake } from './vendor-fake.ts';

/** A customer as the fake keeps it (test data only). */
export interface StripeCustomer {
  id: string;
  object: 'customer';
  email: string | null;
  name: string | null;
  phone: string | null;
  created: number;
  metadata: Record<string, string>;
}

export interface StripeCharge {
  id: string;
  object: 'charge';
  customer: string;
  amount: number;
  currency: string;
  created: number;
  description: string | null;
  receipt_email: string | null;
  billing_details: { email: string | null; name: string | null; phone: string | null };
}

export interface StripeInvoice {
  id: string;
  object: 'invoice';
  customer: string;
  customer_email: string | null;
  customer_name: string | null;
  amount_due: number;
  currency: string;
  status: 'draft' | 'open' | 'paid';
  created: number;
}

export type RedactionStatus = 'validating' | 'ready' | 'redacting' | 'succeeded' | 'failed' | 'canceled';

export interface RedactionJob {
  id: string;
  object: 'privacy.redaction_job';
  created: number;
  status: RedactionStatus;
  objects: { customers: string[]; charges: string[]; invoices: string[] };
  validation_behavior: 'error' | 'fix';
}

export interface StripeSeed {
  email?: string;
  name?: string;
  phone?: string;
  charges?: number;
  invoices?: number;
}

export interface StripeFakeOptions {
  port?: number;
  /** The secret key callers must present (Bearer, or Basic with the key as user). */
  apiKey?: string;
  /** Stripe's test-mode limit is 25 operations a second. */
  perSecond?: number;
  /** Reads of a job before it moves on from `validating` or `redacting` (default 1). */
  pollsPerState?: number;
}

export interface StripeFake extends VendorFake {
  apiKey: string;
  /** Adds a customer with charges and invoices; returns its id. */
  seed(subject: StripeSeed): string;
  customer(id: string): StripeCustomer | undefined;
  charges(customerId: string): StripeCharge[];
  invoices(customerId: string): StripeInvoice[];
  /** Ids of customers removed by `DELETE /v1/customers/{id}`. */
  deletedCustomers(): string[];
  jobs(): RedactionJob[];
  /** The next job that runs ends `failed`. */
  failNextJob(): void;
}

const REDACTED = '[redacted]';
const id = (prefix: string) => `${prefix}_${randomBytes(7).toString('hex')}`;
const error = (status: number, type: string, message: string, code?: string, param?: string): FakeReply => ({
  status,
  body: {
    error: {
      type,
      message,
      ...(code ? { code, doc_url: `https://docs.stripe.com/error-codes/${code.replaceAll('_', '-')}` } : {}),
      ...(param ? { param } : {}),
    },
  },
  headers: { 'request-id': `req_${randomBytes(7).toString('hex')}` },
});
const missing = (what: string, value: string, param: string) => error(404, 'invalid_request_error', `No such ${what}: '${value}'`, 'resource_missing', param);

/** Parses the documented exact-match clauses `field:'value'` / `field:"value"` joined by AND. */
function parseQuery(query: string): { field: string; value: string }[] | undefined {
  const clauses = query.split(/\s+AND\s+/);
  const out: { field: string; value: string }[] = [];
  for (const clause of clauses) {
    const m = /^(email|phone|name):(?:'([^']*)'|"([^"]*)")$/.exec(clause.trim());
    if (!m) return undefined;
    out.push({ field: m[1]!, value: m[2] ?? m[3]! });
  }
  return out;
}

export async function startStripeFake(opts: StripeFakeOptions = {}): Promise<StripeFake> {
  const apiKey = opts.apiKey ?? 'sk_test_fake';
  const pollsPerState = opts.pollsPerState ?? 1;
  const customers: StripeCustomer[] = [];
  const charges: StripeCharge[] = [];
  const invoices: StripeInvoice[] = [];
  const deleted: string[] = [];
  const jobs = new Map<string, RedactionJob & { reads: number; fail: boolean }>();
  let failNext = false;
  let clock = Math.floor(Date.now() / 1000);
  const tick = () => ++clock;

  /** Newest first, as Stripe lists. */
  const newestFirst = <T extends { created: number }>(items: T[]) => [...items].sort((a, b) => b.created - a.created);

  function list<T extends { id: string; created: number }>(req: FakeRequest, url: string, items: T[]): FakeReply {
    const limit = intParam(req.query.get('limit'), 10, 1, 100);
    if (limit === undefined)
      return error(400, 'invalid_request_error', 'Invalid integer: limit must be between 1 and 100', 'parameter_invalid_integer', 'limit');
    const after = req.query.get('starting_after');
    const page = pageAfter(newestFirst(items), (i) => i.id, after, limit);
    if (!page) return error(400, 'invalid_request_error', `No such object: '${after}'`, 'resource_missing', 'starting_after');
    return { status: 200, body: { object: 'list', url, has_more: page.hasMore, data: page.page } };
  }

  const jobView = ({ reads: _r, fail: _f, ...job }: RedactionJob & { reads: number; fail: boolean }): RedactionJob => job;

  function redact(job: RedactionJob): void {
    const customerIds = new Set(job.objects.customers);
    for (const c of customers) if (customerIds.has(c.id)) Object.assign(c, { email: REDACTED, name: REDACTED, phone: REDACTED });
    for (const ch of charges)
      if (customerIds.has(ch.customer) || job.objects.charges.includes(ch.id))
        Object.assign(ch, { receipt_email: REDACTED, billing_details: { email: REDACTED, name: REDACTED, phone: REDACTED } });
    for (const inv of invoices)
      if (customerIds.has(inv.customer) || job.objects.invoices.includes(inv.id)) Object.assign(inv, { customer_email: REDACTED, customer_name: REDACTED });
  }

  /** A read moves a job on by one state after `pollsPerState` reads. */
  function advance(job: RedactionJob & { reads: number; fail: boolean }): void {
    if (job.status !== 'validating' && job.status !== 'redacting') return;
    if (++job.reads < pollsPerState) return;
    job.reads = 0;
    if (job.status === 'validating') {
      const exists = job.objects.customers.every((c) => customers.some((x) => x.id === c));
      job.status = exists ? 'ready' : 'failed';
    } else if (job.fail) job.status = 'failed';
    else {
      redact(job);
      job.status = 'succeeded';
    }
  }

  /** Form fields `objects[customers][]` or `objects[customers][0]`, as Stripe's clients send arrays. */
  const formArray = (body: Record<string, string>, key: string) =>
    Object.entries(body)
      .filter(([k]) => k === `objects[${key}][]` || new RegExp(`^objects\\[${key}\\]\\[\\d+\\]$`).test(k))
      .map(([, v]) => v);

  /** Stripe keeps the first answer to a key (for 24 hours) with the parameters it came with. */
  const answered = new Map<string, { params: string; reply: FakeReply }>();
  const idempotent = (routes: FakeRoute[]): FakeRoute[] =>
    routes.map((route) =>
      route.method !== 'POST'
        ? route
        : {
            ...route,
            handle: (req, params) => {
              const key = req.headers['idempotency-key'];
              if (typeof key !== 'string') return route.handle(req, params);
              const sent = `${req.path}\n${JSON.stringify(req.body ?? {})}`;
              const earlier = answered.get(key);
              if (earlier && earlier.params !== sent)
                return error(400, 'idempotency_error', 'Keys for idempotent requests can only be used with the same parameters they were first used with.');
              if (earlier) return earlier.reply;
              const reply = route.handle(req, params);
              answered.set(key, { params: sent, reply });
              return reply;
            },
          },
    );

  const fake = await startVendorFake(
    {
      name: 'stripe',
      authorized: (headers) => bearer(headers) === apiKey || basic(headers)?.user === apiKey,
      unauthorized: error(401, 'invalid_request_error', 'Invalid API Key provided'),
      noRoute: error(404, 'invalid_request_error', 'Unrecognized request URL'),
      rateLimit: {
        perSecond: opts.perSecond ?? 25,
        reply: () => error(429, 'invalid_request_error', 'Request rate limit exceeded. Retry with exponential backoff.', 'rate_limit'),
      },
      routes: idempotent([
        {
          method: 'GET',
          path: '/v1/customers',
          handle: (req) => {
            const email = req.query.get('email');
            return list(
              req,
              '/v1/customers',
              customers.filter((c) => email === null || c.email === email),
            );
          },
        },
        {
          method: 'GET',
          path: '/v1/customers/search',
          handle: (req) => {
            const raw = req.query.get('query');
            if (!raw) return error(400, 'invalid_request_error', 'Missing required param: query.', 'parameter_missing', 'query');
            const clauses = parseQuery(raw);
            if (!clauses) return error(400, 'invalid_request_error', 'Invalid search query', 'parameter_invalid_string', 'query');
            const limit = intParam(req.query.get('limit'), 10, 1, 100);
            if (limit === undefined) return error(400, 'invalid_request_error', 'Invalid integer: limit', 'parameter_invalid_integer', 'limit');
            // Exact match in the search language is case-insensitive.
            const hits = newestFirst(customers).filter((c) =>
              clauses.every(({ field, value }) => (c[field as 'email'] ?? '').toLowerCase() === value.toLowerCase()),
            );
            const pageToken = req.query.get('page');
            const start = pageToken ? Number(Buffer.from(pageToken, 'base64url').toString('utf8')) : 0;
            if (!Number.isInteger(start) || start < 0) return error(400, 'invalid_request_error', 'Invalid page', 'parameter_invalid_string', 'page');
            const hasMore = start + limit < hits.length;
            return {
              status: 200,
              body: {
                object: 'search_result',
                url: '/v1/customers/search',
                has_more: hasMore,
                next_page: hasMore ? Buffer.from(String(start + limit)).toString('base64url') : null,
                data: hits.slice(start, start + limit),
              },
            };
          },
        },
        {
          method: 'GET',
          path: '/v1/customers/{id}',
          handle: (_req, { id: cid }) => {
            const c = customers.find((x) => x.id === cid);
            if (c) return { status: 200, body: c };
            return deleted.includes(cid!) ? { status: 200, body: { id: cid, object: 'customer', deleted: true } } : missing('customer', cid!, 'id');
          },
        },
        {
          method: 'DELETE',
          path: '/v1/customers/{id}',
          handle: (_req, { id: cid }) => {
            const at = customers.findIndex((x) => x.id === cid);
            if (at < 0) return missing('customer', cid!, 'id');
            customers.splice(at, 1);
            deleted.push(cid!);
            return { status: 200, body: { id: cid, object: 'customer', deleted: true } };
          },
        },
        {
          method: 'GET',
          path: '/v1/charges',
          handle: (req) => {
            const customer = req.query.get('customer');
            return list(
              req,
              '/v1/charges',
              charges.filter((c) => customer === null || c.customer === customer),
            );
          },
        },
        {
          method: 'GET',
          path: '/v1/invoices',
          handle: (req) => {
            const customer = req.query.get('customer');
            return list(
              req,
              '/v1/invoices',
              invoices.filter((c) => customer === null || c.customer === customer),
            );
          },
        },
        {
          method: 'POST',
          path: '/v1/privacy/redaction_jobs',
          handle: (req) => {
            const body = (req.body ?? {}) as Record<string, string>;
            const objects = { customers: formArray(body, 'customers'), charges: formArray(body, 'charges'), invoices: formArray(body, 'invoices') };
            if (objects.customers.length + objects.charges.length + objects.invoices.length === 0)
              return error(400, 'invalid_request_error', 'Missing required param: objects.', 'parameter_missing', 'objects');
            const behavior = body.validation_behavior ?? 'error';
            if (behavior !== 'error' && behavior !== 'fix')
              return error(400, 'invalid_request_error', 'Invalid validation_behavior', 'parameter_invalid_string', 'validation_behavior');
            const job: RedactionJob & { reads: number; fail: boolean } = {
              id: id('rdcjob'),
              object: 'privacy.redaction_job' as const,
              created: tick(),
              status: 'validating' as RedactionStatus,
              objects,
              validation_behavior: behavior as RedactionJob['validation_behavior'],
              reads: 0,
              fail: false,
            };
            jobs.set(job.id, job);
            return { status: 200, body: jobView(job) };
          },
        },
        {
          method: 'GET',
          path: '/v1/privacy/redaction_jobs/{id}',
          handle: (_req, { id: jid }) => {
            const job = jobs.get(jid!);
            if (!job) return missing('redaction job', jid!, 'id');
            advance(job);
            return { status: 200, body: jobView(job) };
          },
        },
        {
          method: 'POST',
          path: '/v1/privacy/redaction_jobs/{id}/run',
          handle: (_req, { id: jid }) => {
            const job = jobs.get(jid!);
            if (!job) return missing('redaction job', jid!, 'id');
            if (job.status !== 'ready')
              return error(400, 'invalid_request_error', `The redaction job is ${job.status}; only a ready job can run.`, 'redaction_job_invalid_state');
            job.status = 'redacting';
            job.fail = failNext;
            failNext = false;
            return { status: 200, body: jobView(job) };
          },
        },
        {
          // Documented for a job that is `ready` or `failed` only; the job is abandoned, never run.
          method: 'POST',
          path: '/v1/privacy/redaction_jobs/{id}/cancel',
          handle: (_req, { id: jid }) => {
            const job = jobs.get(jid!);
            if (!job) return missing('redaction job', jid!, 'id');
            if (job.status !== 'ready' && job.status !== 'failed')
              return error(
                400,
                'invalid_request_error',
                `The redaction job is ${job.status}; only a ready or failed job can be canceled.`,
                'redaction_job_invalid_state',
              );
            job.status = 'canceled';
            return { status: 200, body: { ...jobView(job), status: 'canceling' } };
          },
        },
      ]),
    },
    opts.port ?? 0,
  );

  return {
    ...fake,
    apiKey,
    seed(subject) {
      const customer: StripeCustomer = {
        id: id('cus'),
        object: 'customer',
        email: subject.email ?? null,
        name: subject.name ?? null,
        phone: subject.phone ?? null,
        created: tick(),
        metadata: {},
      };
      customers.push(customer);
      for (let i = 0; i < (subject.charges ?? 0); i++)
        charges.push({
          id: id('ch'),
          object: 'charge',
          customer: customer.id,
          amount: 1000 + i,
          currency: 'eur',
          created: tick(),
          description: `Membership ${i + 1}`,
          receipt_email: customer.email,
          billing_details: { email: customer.email, name: customer.name, phone: customer.phone },
        });
      for (let i = 0; i < (subject.invoices ?? 0); i++)
        invoices.push({
          id: id('in'),
          object: 'invoice',
          customer: customer.id,
          customer_email: customer.email,
          customer_name: customer.name,
          amount_due: 2000 + i,
          currency: 'eur',
          status: 'paid',
          created: tick(),
        });
      return customer.id;
    },
    customer: (cid) => customers.find((c) => c.id === cid),
    charges: (cid) => charges.filter((c) => c.customer === cid),
    invoices: (cid) => invoices.filter((c) => c.customer === cid),
    deletedCustomers: () => [...deleted],
    jobs: () => [...jobs.values()].map(jobView),
    failNextJob: () => {
      failNext = true;
    },
  };
}
