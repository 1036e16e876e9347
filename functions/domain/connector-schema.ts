/**
 * A connector definition: how the `http` processor kind reaches one vendor's API (Mailchimp,
 * Stripe, ...) without code. One JSON file per vendor in `config/connectors/<name>.json`; the
 * register names it and gives the per-processor settings (secret names, hosts, ids). Pure, so the
 * register check validates definitions without loading the functions.
 *
 * Templates: any string of a request may hold `{{identities.NAME}}` (a normalised identity of the
 * subject), `{{provided.NAME}}` (a value an earlier step provided; the step then runs once per
 * value), `{{settings.NAME}}` (the register's setting), `{{correction.attribute}}` /
 * `{{correction.value}}` (rectification), `{{job.id}}` (an async job's id, in its poll request).
 */
import { IDENTITIES } from './identifiers';
import { compile } from './jmespath';
import { RIGHTS } from './request';
import * as z from './validation';

const text = z.string().check(z.trim(), z.minLength(1));
const name = z.string().check(z.regex(/^[a-z][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'));
/** A name templates refer to: `{{identities.email}}`, `{{provided.memberId}}`, `{{settings.listId}}`. */
const ref = z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]{0,62}$/, 'letters, digits and _'));

/** A JMESPath expression, checked when the definition is read. */
const jmespath = z.string().check(
  z.minLength(1),
  z.superRefine((expr: string, ctx) => {
    try {
      compile(expr);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: `not a JMESPath expression: ${(err as Error).message}` });
    }
  }),
);

/** A host requests may go to, exactly (`us21.api.mailchimp.com`, `api.example.org:8443`) or one label under a wildcard (`*.api.mailchimp.com`); may hold `{{settings.NAME}}`. */
const host = z.string().check(z.regex(/^(\*\.)?[A-Za-z0-9{}._-]+(:\d{1,5})?$/, 'a host name, optionally *. in front and :port after'));

/** A secret by the name the definition gives it; the register maps that name to a Secrets Manager secret (never a value). */
const secretRef = z.strictObject({ secret: ref });

/** A whole number from `min` to `max`, as `z.number().int().min(min).max(max)`. */
const intIn = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

/** How each request proves who is calling. Secrets are named, never written here. */
export const authSchema = z.discriminatedUnion('type', [
  /** No authentication (a public API, or one reached through a private network). */
  z.strictObject({ type: z.literal('none') }),
  /** `Authorization: Bearer <secret>`. */
  z.strictObject({ type: z.literal('bearer'), token: secretRef }),
  /** `Authorization: Basic base64(username:password)`; Mailchimp takes any user name and the API key. */
  z.strictObject({ type: z.literal('basic'), username: z.union([z.string(), secretRef]), password: secretRef }),
  /** An API key in a header (`X-Api-Key`) or a query parameter (`api_key`). */
  z.strictObject({
    type: z.literal('api_key'),
    in: z.enum(['header', 'query']),
    /** The header or parameter's name. */
    name: text,
    /** Put in front of the key, e.g. `Token ` for `Authorization: Token <key>`. */
    prefix: z._default(z.string(), ''),
    key: secretRef,
  }),
  /** OAuth 2.0 client credentials (RFC 6749 §4.4): a token fetched from `tokenUrl` (on an allowed host), then sent as a bearer token. */
  z.strictObject({
    type: z.literal('oauth2_client_credentials'),
    /** The token endpoint, absolute or relative to `baseUrl`; may hold `{{settings.NAME}}`. */
    tokenUrl: text,
    clientId: z.union([z.string(), secretRef]),
    clientSecret: secretRef,
    scope: z.optional(z.string()),
    /** Whether the client authenticates with HTTP Basic (RFC 6749 §2.3.1, default) or in the form body. */
    clientAuth: z._default(z.enum(['basic', 'body']), 'basic'),
  }),
]);

/** What an identity goes through before it is sent: in order, e.g. `trim`, `lower`, `md5` for Mailchimp's subscriber hash. */
export const NORMALISERS = ['trim', 'lower', 'md5', 'sha256', 'e164'] as const;

/** One identity of the subject the vendor can be asked by, and how it is normalised. */
const identitySchema = z.strictObject({
  /**
   * Which of the subject's identities: the address the request was verified with, or an
   * identifier the controller's form asks for (a phone number, E.164; a customer number).
   */
  from: z.enum(IDENTITIES),
  normalise: z._default(z.array(z.enum(NORMALISERS)), ['trim']),
});

/** What one HTTP status means: the step succeeded (`done`), the vendor holds nothing (`not_found`), it keeps the data (`retained`), or try again later (`retry`). */
export const OUTCOMES = ['done', 'not_found', 'retained', 'retry'] as const;
/** A status (`404`) or a class of them (`5xx`). More specific wins. */
const statusKey = z.string().check(z.regex(/^[1-5](\d\d|xx)$/, 'a status such as 404, or a class such as 5xx'));
const outcomesSchema = z.record(statusKey, z.enum(OUTCOMES));

const method = z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']);
/** A JSON body: any JSON, its strings templated. */
const jsonBody: z.ZodMiniType<unknown> = z.lazy(() =>
  z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(jsonBody), z.record(z.string(), jsonBody)]),
);

/** One templated HTTP request. */
const requestSchema = {
  method,
  /** Relative to `baseUrl` (`/lists/{{settings.listId}}/members/{{identities.subscriberHash}}`). */
  path: z.string().check(z.startsWith('/')),
  query: z._default(z.record(z.string(), z.string()), {}),
  headers: z._default(z.record(z.string(), z.string()), {}),
  /** Sent as JSON; form-encoded with `form: true`. */
  body: z.optional(jsonBody),
  form: z._default(z.boolean(), false),
};

/** How a step that lists follows pages. Every kind stops at `maxPages`: more sends the branch to staff review, never a silent truncation. */
const paginationSchema = z.discriminatedUnion('type', [
  /**
   * The answer carries the next page's cursor (`has_more && data[-1].id`, `next_cursor`); absent,
   * empty, `false` or null ends. It goes back as the query parameter `param`, or with `in: 'body'`
   * at the dotted path `param` of the JSON body (HubSpot's `after`, Intercom's `pagination.starting_after`).
   */
  z.strictObject({
    type: z.literal('cursor'),
    cursor: jmespath,
    in: z._default(z.enum(['query', 'body']), 'query'),
    param: text,
    maxPages: intIn(1, 1000),
  }),
  /** RFC 8288 `Link: <...>; rel="next"`; the link must stay on an allowed host. */
  z.strictObject({ type: z.literal('link'), maxPages: intIn(1, 1000) }),
  /** `offset` and `count` parameters; a page shorter than `pageSize` ends. */
  z.strictObject({
    type: z.literal('offset'),
    param: text,
    sizeParam: text,
    pageSize: intIn(1, 1000),
    maxPages: intIn(1, 1000),
  }),
  /** A page number from `start`; an empty page (no records) ends. */
  z.strictObject({
    type: z.literal('page'),
    param: text,
    start: z._default(z.number().check(z.int(), z.minimum(0)), 1),
    sizeParam: z.optional(text),
    pageSize: z.optional(intIn(1, 1000)),
    maxPages: intIn(1, 1000),
  }),
]);

/** A vendor job that finishes later (a deletion queue, a redaction job): started by the step, then polled until done or failed. */
const jobSchema = z.strictObject({
  /** The job's id in the start answer. */
  id: jmespath,
  /** The poll request; `{{job.id}}` is the id. */
  poll: z.strictObject(requestSchema),
  /** The job's state in the poll answer. */
  state: jmespath,
  done: z.array(z.string()).check(z.minLength(1)),
  failed: z._default(z.array(z.string()), []),
  /** How often the sweep asks. */
  pollEveryMinutes: z._default(intIn(1, 1440), 15),
  /**
   * The request that cancels the job (`{{job.id}}` is the id), only where the vendor documents
   * one: sent when the subject withdraws the request while the job runs. Without it the vendor
   * cannot be told, and staff see that it was not.
   */
  cancel: z.optional(z.strictObject(requestSchema)),
});

/** One request (or a run of pages) of an action. */
const stepSchema = z.strictObject({
  ...requestSchema,
  /** The records this step finds, for an access or portability export (each element one record). */
  records: z.optional(jmespath),
  /** Values later steps use as `{{provided.NAME}}`: a list or one value each; an empty result means the vendor holds nothing. */
  provide: z._default(z.record(ref, jmespath), {}),
  pagination: z.optional(paginationSchema),
  /**
   * The API cannot filter by the subject, so every page is read and filtered here (`records`,
   * `provide` with a filter). Must be said out loud: it is slow, costly in calls, and bounded by `maxPages`.
   */
  fullScan: z.optional(z.literal(true)),
  /** What statuses mean at this step, over the connector's `outcomes`. */
  outcomes: z._default(outcomesSchema, {}),
  job: z.optional(jobSchema),
  /**
   * The header the vendor reads an idempotency key from (Stripe's `Idempotency-Key`). The key
   * is derived from the request, the processor, the step and what is sent, so a retry after a
   * crash sends the same key and the vendor answers with the job it already started.
   */
  idempotencyKey: z.optional(z.string().check(z.regex(/^[A-Za-z0-9-]+$/, 'idempotencyKey must be a header name'))),
});

/** What the connector does for one right: its steps in order, and what it tells the subject it kept. */
const actionSchema = z.strictObject({
  steps: z.array(ref).check(z.minLength(1)),
  /** When a step answers `retained`: the legal basis the vendor keeps the data on, as the subject is told it. */
  retainedBasis: z.optional(text),
  /** `partly`: what the vendor keeps even so (an unsubscribed address on its suppression list), and why; shown to the subject. */
  keeps: z.optional(z.strictObject({ kept: text, reason: text })),
});

/** A connector definition (`config/connectors/<name>.json`). */
export const connectorSchema = z
  .strictObject({
    /** The file's name without `.json`; the register refers to the connector by it. */
    name,
    /** The vendor's name as staff read it. */
    title: text,
    /** The vendor API documentation pages this definition follows. */
    docs: z.array(z.url()).check(z.minLength(1)),
    /** Every request, redirect, pagination link and token URL must be on one of these; may hold `{{settings.NAME}}`. */
    allowedHosts: z.array(host).check(z.minLength(1)),
    /** The API's root, e.g. `https://{{settings.dc}}.api.mailchimp.com/3.0`. */
    baseUrl: z.string().check(z.regex(/^https?:\/\/[^/\s]+/, 'an absolute http(s) URL')),
    auth: authSchema,
    /** Settings the register must give each processor using the connector (a list id, a data centre): name → what it is. */
    settings: z._default(z.record(ref, text), {}),
    /** Secrets the register must name for each processor: name → what it is (the register gives the Secrets Manager name). */
    secrets: z._default(z.record(ref, text), {}),
    identities: z.record(ref, identitySchema),
    steps: z.record(ref, stepSchema),
    /** One action per right the vendor serves; a right with none is left to staff. */
    actions: z.partialRecord(z.enum(RIGHTS), actionSchema),
    /** What statuses mean at every step (a step's own `outcomes` win). 2xx is `done`, 429 and 5xx `retry`, unless said otherwise here; anything unmapped fails the branch. */
    outcomes: z._default(outcomesSchema, {}),
    /**
     * Calls per second across every Lambda (a token bucket in DynamoDB), and how many may go at once
     * after a pause: those come on top of `perSecond` in that second, so a vendor that counts a
     * rolling second answers 429 to any `burst` over 1.
     */
    rateLimit: z._default(z.strictObject({ perSecond: z.number().check(z.positive(), z.maximum(1000)), burst: z._default(intIn(1, 1000), 1) }), {
      perSecond: 5,
      burst: 1,
    }),
    /** Retries of a `retry` outcome, each after `Retry-After` (or a backoff), before the branch's attempt fails. */
    retry: z._default(z.strictObject({ attempts: z._default(intIn(0, 10), 4), maxWaitSeconds: z._default(intIn(1, 120), 30) }), {
      attempts: 4,
      maxWaitSeconds: 30,
    }),
    /** A response larger than this fails the branch (never buffered further). */
    maxResponseBytes: z._default(intIn(1024, 50 * 1024 * 1024 - 1), 5 * 1024 * 1024),
    timeoutMs: z._default(intIn(100, 60_000), 15_000),
  })
  .check(z.superRefine((c, ctx) => checkConnector(c, ctx)));

/** A connector definition as read. */
export type Connector = z.infer<typeof connectorSchema>;
export type ConnectorStep = Connector['steps'][string];
export type ConnectorAuth = z.infer<typeof authSchema>;
export type ConnectorPagination = z.infer<typeof paginationSchema>;
export type ConnectorJob = z.infer<typeof jobSchema>;
export type ConnectorAction = z.infer<typeof actionSchema>;
export type Normaliser = (typeof NORMALISERS)[number];
export type Outcome = (typeof OUTCOMES)[number];
/** A request as a step or a job's poll declares it. */
export type RequestTemplate = Pick<ConnectorStep, 'method' | 'path' | 'query' | 'headers' | 'body' | 'form'> & Partial<Pick<ConnectorStep, 'idempotencyKey'>>;

/** Every `{{scope.name}}` in a template-bearing value. */
export function templateRefs(value: unknown): { scope: string; name: string }[] {
  if (typeof value === 'string') return [...value.matchAll(/\{\{\s*([a-z]+)\.([A-Za-z0-9_]+)\s*\}\}/g)].map((m) => ({ scope: m[1]!, name: m[2]! }));
  if (Array.isArray(value)) return value.flatMap(templateRefs);
  if (value && typeof value === 'object') return Object.values(value).flatMap(templateRefs);
  return [];
}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

const SCOPES = new Set(['identities', 'provided', 'settings', 'correction', 'job']);

function checkConnector(c: Connector, ctx: z.core.$RefinementCtx<Connector>): void {
  const auth = c.auth;
  const named = (s: unknown) => (s && typeof s === 'object' && 'secret' in s ? [(s as { secret: string }).secret] : []);
  const secrets =
    auth.type === 'bearer'
      ? named(auth.token)
      : auth.type === 'basic'
        ? [...named(auth.username), ...named(auth.password)]
        : auth.type === 'api_key'
          ? named(auth.key)
          : auth.type === 'oauth2_client_credentials'
            ? [...named(auth.clientId), ...named(auth.clientSecret)]
            : [];
  for (const s of secrets) if (!(s in c.secrets)) ctx.addIssue({ code: 'custom', path: ['auth'], message: `secret ${s} is not declared in secrets` });

  const checkRefs = (value: unknown, path: (string | number)[], provided: Set<string>, allowed = SCOPES) => {
    for (const r of templateRefs(value)) {
      const where = `{{${r.scope}.${r.name}}}`;
      if (!allowed.has(r.scope)) ctx.addIssue({ code: 'custom', path, message: `${where}: ${r.scope} cannot be used here` });
      else if (r.scope === 'identities' && !(r.name in c.identities)) ctx.addIssue({ code: 'custom', path, message: `${where}: no such identity` });
      else if (r.scope === 'settings' && !(r.name in c.settings)) ctx.addIssue({ code: 'custom', path, message: `${where}: setting not declared` });
      else if (r.scope === 'provided' && !provided.has(r.name))
        ctx.addIssue({ code: 'custom', path, message: `${where}: no earlier step of this action provides it` });
      else if (r.scope === 'correction' && r.name !== 'attribute' && r.name !== 'value')
        ctx.addIssue({ code: 'custom', path, message: `${where}: a correction has attribute and value` });
    }
  };
  const settingsOnly = new Set(['settings']);
  checkRefs(c.baseUrl, ['baseUrl'], new Set(), settingsOnly);
  c.allowedHosts.forEach((h, i) => {
    checkRefs(h, ['allowedHosts', i], new Set(), settingsOnly);
  });
  if (auth.type === 'oauth2_client_credentials') checkRefs(auth.tokenUrl, ['auth', 'tokenUrl'], new Set(), settingsOnly);

  for (const [stepName, step] of Object.entries(c.steps)) {
    const request = { method: step.method, path: step.path, query: step.query, headers: step.headers, body: step.body };
    // Which provided names a step uses is checked per action (the order matters there); here, the scope.
    checkRefs(request, ['steps', stepName], new Set(templateRefs(request).map((r) => r.name)), new Set(['identities', 'provided', 'settings', 'correction']));
    const usesProvided = new Set(
      templateRefs(request)
        .filter((r) => r.scope === 'provided')
        .map((r) => r.name),
    );
    if (usesProvided.size > 1)
      ctx.addIssue({ code: 'custom', path: ['steps', stepName], message: 'a step runs once per value of one provided name; it uses more than one' });
    if (step.fullScan && !step.pagination)
      ctx.addIssue({ code: 'custom', path: ['steps', stepName, 'fullScan'], message: 'a full scan reads pages: declare its pagination and maxPages' });
    if (step.pagination?.type === 'cursor' && step.pagination.in === 'body' && (step.form || !isObject(step.body)))
      ctx.addIssue({ code: 'custom', path: ['steps', stepName, 'pagination', 'in'], message: 'a cursor in the body needs a JSON object body' });
    if (step.pagination && !step.records && !Object.keys(step.provide).length)
      ctx.addIssue({ code: 'custom', path: ['steps', stepName, 'pagination'], message: 'a paginated step must collect records or provide values' });
    if (step.pagination && step.method !== 'GET' && step.pagination.type === 'link')
      ctx.addIssue({ code: 'custom', path: ['steps', stepName, 'pagination'], message: 'link pagination follows GET links only' });
    if (step.job) checkRefs(step.job.poll, ['steps', stepName, 'job', 'poll'], new Set(), new Set(['settings', 'job']));
    if (step.job?.cancel) checkRefs(step.job.cancel, ['steps', stepName, 'job', 'cancel'], new Set(), new Set(['settings', 'job']));
  }

  for (const [right, action] of Object.entries(c.actions)) {
    if (!action) continue;
    const provided = new Set<string>();
    action.steps.forEach((s, i) => {
      const step = c.steps[s];
      if (!step) {
        ctx.addIssue({ code: 'custom', path: ['actions', right, 'steps', i], message: `step ${s} is not declared` });
        return;
      }
      for (const r of templateRefs({ p: step.path, q: step.query, h: step.headers, b: step.body }))
        if (r.scope === 'provided' && !provided.has(r.name))
          ctx.addIssue({ code: 'custom', path: ['actions', right, 'steps', i], message: `step ${s} uses {{provided.${r.name}}} before a step provides it` });
        else if (r.scope === 'correction' && right !== 'rectification')
          ctx.addIssue({ code: 'custom', path: ['actions', right, 'steps', i], message: `step ${s} uses a correction outside rectification` });
      for (const p of Object.keys(step.provide)) provided.add(p);
    });
    if ((right === 'access' || right === 'portability') && !action.steps.some((s) => c.steps[s]?.records))
      ctx.addIssue({ code: 'custom', path: ['actions', right], message: 'an access action needs a step that collects records' });
    // The export is written in one go; steps after a job would run later, in another function.
    if (right === 'access' || right === 'portability')
      action.steps.forEach((s, i) => {
        if (c.steps[s]?.job && i !== action.steps.length - 1)
          ctx.addIssue({ code: 'custom', path: ['actions', right, 'steps', i], message: `step ${s} starts a job: in an export it must be the last step` });
      });
    const mapsRetained = action.steps.some((s) => Object.values({ ...c.outcomes, ...c.steps[s]?.outcomes }).includes('retained'));
    if (mapsRetained && !action.retainedBasis)
      ctx.addIssue({
        code: 'custom',
        path: ['actions', right, 'retainedBasis'],
        message: 'a step can answer retained: say on what legal basis the vendor keeps the data',
      });
  }
}

/** Parses a connector definition, failing with every problem and where it is (`file` names it). */
export function parseConnector(input: unknown, file: string): Connector {
  const result = connectorSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`The connector definition ${file} is invalid:\n${problems}`);
  }
  return result.data;
}

/** What an `http` processor of the register must give its connector: every setting and secret it names; overrides that hold the base URL's host. */
export function checkHttpProcessor(
  p: {
    connector: string;
    settings: Record<string, string>;
    secrets: Record<string, string>;
    baseUrl?: string | undefined;
    allowedHosts?: string[] | undefined;
    rights: readonly string[];
  },
  connector: Connector,
): string[] {
  const problems: string[] = [];
  p.rights.forEach((right, i) => {
    if (!(right in connector.actions)) problems.push(`rights.${i}: the connector ${connector.name} has no ${right} action`);
  });
  for (const name of Object.keys(connector.settings)) if (!(name in p.settings)) problems.push(`settings.${name}: the connector ${connector.name} needs it`);
  for (const name of Object.keys(p.settings))
    if (!(name in connector.settings)) problems.push(`settings.${name}: the connector ${connector.name} has no such setting`);
  for (const name of Object.keys(connector.secrets))
    if (!(name in p.secrets)) problems.push(`secrets.${name}: the connector ${connector.name} needs a secret name for it`);
  for (const name of Object.keys(p.secrets))
    if (!(name in connector.secrets)) problems.push(`secrets.${name}: the connector ${connector.name} has no such secret`);
  if (p.baseUrl && !p.allowedHosts) problems.push('allowedHosts: a processor that overrides baseUrl must say which hosts it may reach');
  if (p.baseUrl && p.allowedHosts && !p.allowedHosts.includes(new URL(p.baseUrl).host))
    problems.push(`allowedHosts: must hold the base URL's host ${new URL(p.baseUrl).host}`);
  return problems;
}
