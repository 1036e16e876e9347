import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RouteModel } from '../../local/synth';
import { REQUESTS_TABLE, staffToken, submit, useRuntime } from '../harness';
import {
  accepts,
  budget,
  type Call,
  contentTypes,
  describeCall,
  expectClearAnswer,
  footprint,
  headerSafe,
  hostileText,
  oversized,
  params,
  send,
  wellFormed,
} from './support';

/**
 * Every route of the synthesized template, public and staff, gets hostile requests: odd path
 * parameters and query strings, wrong and missing content types, malformed, oversized and binary
 * bodies, fields of the wrong type holding markup, injections and Unicode edge cases. The routes
 * are read from the runtime's model, so a route added to the stack fails here until it has a
 * generator. Every answer must be under 500, a 4xx must say what is wrong, no HTML answer may carry
 * the input's markup live, and nothing may be stored or mailed.
 */

const local = useRuntime();

/** A request that exists (unconfirmed), so ids and keys reach past the shape checks to the lookups. */
let known: { requestId: string; statusKey: string };
let tokens: { approver: string; viewer: string };

beforeAll(async () => {
  const { requestId } = await submit(local.rt, { controller: 'demo-association', type: 'access', email: 'fuzz-routes@example.org' });
  const item = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
  known = { requestId, statusKey: item.statusKey };
  tokens = { approver: await staffToken(local.rt, 'approver'), viewer: await staffToken(local.rt, 'viewer', 'demo-association') };
});

const storedRequest = async () =>
  (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${known.requestId}`, sk: 'REQUEST' } }))).Item;

/** Shaped like a token (43 base64url characters) but no token of ours. */
const tokenShaped = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'), minLength: 43, maxLength: 43 });

/** A value a client could put anywhere: hostile text, JSON of any shape, or something almost right. */
const anyValue = (almostRight: fc.Arbitrary<string>[]) =>
  fc.oneof(
    { weight: 3, arbitrary: hostileText() },
    { weight: 2, arbitrary: fc.oneof(...almostRight, tokenShaped, fc.uuid({ version: 4 })) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    { weight: 1, arbitrary: hostileText(3000) },
  );

/** What each route's fields and parameters are called, so the fuzz lands on the names the handler reads. */
interface RouteShape {
  /** Body and query fields the handler reads. */
  fields: string[];
  /** Values that are almost right for this route (ids, enums, a key it must not withdraw with…). */
  almostRight?: () => string[];
  /** Extra headers the route reads (the OpenDSR callback's). */
  headers?: () => fc.Arbitrary<Record<string, string>>;
}

const INTAKE_FIELDS = [
  'type',
  'email',
  'name',
  'locale',
  'controller',
  'rectifyAttribute',
  'inaccurate',
  'corrected',
  'objectionScope',
  'objectionGrounds',
  'consentPurposes',
  'transmitTo',
  'viaCustomer',
  'message',
];
const ENUMS = [
  'access',
  'erasure',
  'rectification',
  'objection',
  'withdraw_consent',
  'portability',
  'restriction',
  'en',
  'sv',
  'sl',
  'direct_marketing',
  'other',
  'done',
  'not_found',
  'approve',
  'deny',
  'extend',
  'request_info',
  'retry_branch',
  'complete_task',
  'lift_restriction',
  'demo-association',
  'demo-organising-platform',
  'newsletter',
  'bookkeeping',
  'shared-mailbox',
  'members',
  '1',
  '2',
  '0',
  '-1',
  '1e9',
  'true',
  'NaN',
  '2026-01-01',
  '9999-12-31T00:00:00Z',
];
const REPORT_FIELDS = ['controller', 'from', 'to'];

const form = (): RouteShape => ({ fields: ['controller', 'lang'] });
const withKey = (fields: string[]): RouteShape => ({ fields, almostRight: () => [known.statusKey, known.requestId] });
const staff = (fields: string[]): RouteShape => ({ fields, almostRight: () => [known.requestId] });

/**
 * One entry per route key of the template. The cancel route is given no right key: with it, a
 * request really is withdrawn (that is its job, tested elsewhere).
 */
const SHAPES: Record<string, RouteShape> = {
  'GET /': form(),
  'GET /{locale}': form(),
  'GET /c/{controllerId}': form(),
  'GET /c/{controllerId}/{locale}': form(),
  'GET /console': { fields: ['request', 'lang'] },
  'GET /transparency/{controllerId}': { fields: ['lang'] },
  'GET /v1/openapi.json': { fields: ['lang'] },
  'POST /v1/requests': { fields: INTAKE_FIELDS },
  'GET /v1/requests/{requestId}/verify': { fields: ['token'] },
  'GET /v1/requests/{requestId}/sent': { fields: ['key', 'lang'] },
  'POST /v1/requests/{requestId}/verify': { fields: ['token'] },
  'GET /v1/requests/{requestId}/status': withKey(['key', 'lang']),
  // With the right key a GET only shows the page that asks to confirm.
  'GET /v1/requests/{requestId}/cancel': withKey(['key', 'lang']),
  'POST /v1/requests/{requestId}/cancel': { fields: ['key', 'confirm', 'lang'] },
  'POST /v1/requests/{requestId}/reply': withKey(['key', 'answer']),
  'GET /v1/requests/{requestId}/package': { fields: ['token'] },
  'GET /v1/requests/{requestId}/package/view': { fields: ['token'] },
  'GET /v1/unsubscribe/{controllerId}/{purposeId}': { fields: ['address', 'sig', 'List-Unsubscribe'] },
  'POST /v1/unsubscribe/{controllerId}/{purposeId}': { fields: ['address', 'sig', 'List-Unsubscribe'] },
  'GET /v1/tasks/{requestId}/{processorId}': { fields: ['token'] },
  'POST /v1/tasks/{requestId}/{processorId}': { fields: ['token', 'outcome', 'note', 'export'] },
  'POST /v1/opendsr/callback': {
    fields: ['subject_request_id', 'request_status', 'controller_id', 'encoded_request', 'status_callback_url', 'results_url', 'api_version'],
    headers: () =>
      fc.record(
        {
          'x-opendsr-processor-domain': fc.oneof(fc.constant('localhost'), hostileText(20).map(headerSafe)),
          'x-opendsr-signature': fc.oneof(fc.base64String({ maxLength: 400 }), hostileText(40).map(headerSafe)),
        },
        { requiredKeys: [] },
      ),
  },
  'POST /v1/webhooks/callback/{requestId}/{processorId}': {
    fields: ['answer', 'records', 'accepted', 'outcome', 'basis', 'until', 'kept', 'reason'],
    headers: () =>
      fc.record(
        {
          'x-dsr-signature': fc.oneof(fc.constantFrom('t=1,v1=00', `t=${Math.floor(Date.now() / 1000)},v1=${'0'.repeat(64)}`), hostileText(60).map(headerSafe)),
          authorization: fc.oneof(
            tokenShaped.map((t) => `Bearer ${t}`),
            hostileText(40).map(headerSafe),
          ),
        },
        { requiredKeys: [] },
      ),
  },
  'GET /v1/mailing-tools/{controllerId}/{toolId}': { fields: ['key'] },
  'POST /v1/mailing-tools/{controllerId}/{toolId}': { fields: ['key', 'type', 'data[email]', 'data[list_id]', 'fired_at'] },
  'POST /v1/suppression/check': {
    fields: ['email'],
    headers: () =>
      fc.record(
        {
          authorization: fc.oneof(
            tokenShaped.map((t) => `Bearer ${t}`),
            hostileText(40).map(headerSafe),
          ),
        },
        { requiredKeys: [] },
      ),
  },
  'GET /v1/staff/requests': staff(['status', 'type', 'controller', 'dueWithinDays', 'overdue']),
  // Hostile values in every field, an approver's token among them: nothing may be recorded or mailed.
  'POST /v1/staff/requests': staff(['controller', 'type', 'email', 'name', 'locale', 'channel', 'receivedOn', 'identity', 'attestationReason', 'attachments']),
  'GET /v1/staff/inbound': staff([]),
  'GET /v1/staff/inbound/{draftId}': staff([]),
  'POST /v1/staff/inbound/{draftId}': staff([
    'action',
    'type',
    'rectifyAttribute',
    'inaccurate',
    'corrected',
    'objectionScope',
    'objectionGrounds',
    'consentPurposes',
  ]),
  'GET /v1/staff/requests/{requestId}': staff([]),
  'GET /v1/staff/requests/{requestId}/audit': staff([]),
  'GET /v1/staff/requests/{requestId}/attachments/{file}': staff([]),
  'POST /v1/staff/requests/{requestId}/decisions': staff(['decision', 'reason', 'text', 'months', 'reasons', 'processorId', 'note']),
  'GET /v1/staff/reports': staff(REPORT_FIELDS),
  'GET /v1/staff/reports/requests.csv': staff(REPORT_FIELDS),
};

const PATH_VALUES: Record<string, () => string[]> = {
  requestId: () => [known.requestId, '00000000-0000-4000-8000-000000000000'],
  controllerId: () => ['demo-association', 'demo-organising-platform'],
  draftId: () => ['00000000-0000-4000-8000-000000000000', 'x'],
  file: () => ['1', '0', '99', 'x', '1.5'],
  processorId: () => ['bookkeeping', 'shared-mailbox', 'members', 'campaign-app', 'volunteer-portal'],
  toolId: () => ['mailchimp'],
  purposeId: () => ['newsletter'],
  locale: () => ['en', 'sv', 'sl', 'de', 'EN', 'fr'],
};

/** A path segment as a client may send it: a known value, or anything, percent-encoded. */
const segment = (name: string) =>
  fc
    .oneof(
      { weight: 2, arbitrary: fc.constantFrom(...(PATH_VALUES[name]?.() ?? ['x'])) },
      { weight: 2, arbitrary: hostileText(80) },
      { weight: 1, arbitrary: fc.constantFrom('..', '.', '%', '%00', '%2F', ' ', '\u0000', 'a/b', 'x'.repeat(2000)) },
    )
    .map((s) => encodeURIComponent(wellFormed(s)));

/** Form encoding of a record, lists as repeated keys and other values as JSON text. */
function urlencoded(record: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(record)) {
    for (const item of Array.isArray(v) ? v : [v]) out.append(k, typeof item === 'string' ? item : (JSON.stringify(item) ?? ''));
  }
  return out.toString();
}

/** A body: none, a record of the route's fields in JSON or form encoding, any JSON, raw text, bytes, or far too large. */
type Body = { body?: string | Uint8Array; type?: string };

function bodies(shape: RouteShape, values: fc.Arbitrary<unknown>): fc.Arbitrary<Body> {
  const record = fc.dictionary(fc.oneof(fc.constantFrom(...shape.fields, 'body', '__proto__', 'constructor', 'x[]'), hostileText(12)), values, { maxKeys: 6 });
  const matched = fc.oneof<fc.Arbitrary<Body>[]>(
    fc.constant({}),
    record.map((r) => ({ body: JSON.stringify(r), type: 'application/json' })),
    record.map((r) => ({ body: urlencoded(r), type: 'application/x-www-form-urlencoded' })),
    fc.json({ maxDepth: 3 }).map((j) => ({ body: j, type: 'application/json' })),
    hostileText(200).map((t) => ({ body: t, type: 'application/json' })),
    hostileText(200).map((t) => ({ body: t, type: 'text/plain' })),
    fc.uint8Array({ maxLength: 300 }).map((b) => ({ body: b, type: 'application/octet-stream' })),
    oversized().map((t) => ({ body: t, type: 'application/x-www-form-urlencoded' })),
    record.map((r) => ({ body: JSON.stringify({ ...r, pad: 'x'.repeat(9000) }), type: 'application/json' })),
  );
  // Most bodies come with their own content type; the rest with any other.
  return fc.tuple(matched, fc.boolean(), contentTypes()).map(([b, keep, other]) => (keep ? b : { ...b, type: other }));
}

/** Hostile calls of one route: its method and path shape, anything in the parts a client controls. */
function callsOf(route: RouteModel, shape: RouteShape): fc.Arbitrary<Call> {
  const names = [...route.path!.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  const almost = [fc.constantFrom(...ENUMS), ...(shape.almostRight ? [fc.constantFrom(...shape.almostRight())] : [])];
  const values = anyValue(almost);
  const query = fc
    .array(fc.tuple(fc.oneof(fc.constantFrom(...(shape.fields.length ? shape.fields : ['q'])), hostileText(10)), values), { maxLength: 5 })
    .map((pairs) =>
      new URLSearchParams(
        pairs.map(([k, v]): [string, string] => [wellFormed(k), wellFormed(typeof v === 'string' ? v : (JSON.stringify(v) ?? ''))]),
      ).toString(),
    );
  const auth = route.authorizer
    ? fc.constantFrom(`Bearer ${tokens.approver}`, `Bearer ${tokens.approver}`, `Bearer ${tokens.viewer}`, undefined, 'Bearer x.y.z', tokens.approver)
    : fc.constant(undefined);
  return fc
    .record({
      segments: fc.tuple(...names.map(segment)),
      query,
      accept: accepts(),
      language: fc.oneof(fc.constantFrom(undefined, 'sv', 'sl-SI,en;q=0.5', '*'), hostileText(20).map(headerSafe)),
      auth,
      extra: shape.headers ? shape.headers() : fc.constant({}),
      body: route.method === 'GET' ? fc.constant<Body>({}) : bodies(shape, values),
    })
    .map(({ segments, query: q, accept, language, auth: a, extra, body }) => {
      let i = 0;
      const path = route.path!.replace(/\{[^}]+\}/g, () => segments[i++]!);
      const headers: Record<string, string> = { ...extra };
      if (accept) headers.accept = accept;
      if (language) headers['accept-language'] = language;
      if (a) headers.authorization = a;
      if (body.type !== undefined) headers['content-type'] = body.type;
      return { method: route.method!, path, ...(q ? { query: q } : {}), headers, ...(body.body !== undefined ? { body: body.body } : {}) };
    });
}

const routes = () => local.rt.model.routes.filter((r) => r.path && r.method);

describe('hostile requests to every route of the template', () => {
  it('has a generator for every route the template declares, and no generator for a route it does not', () => {
    const keys = routes()
      .map((r) => r.routeKey)
      .sort();
    expect(keys.length).toBeGreaterThan(20);
    expect(
      keys.filter((k) => !SHAPES[k]),
      'routes without a fuzz generator: add them to SHAPES',
    ).toEqual([]);
    expect(
      Object.keys(SHAPES).filter((k) => !keys.includes(k)),
      'generators for routes the template no longer has',
    ).toEqual([]);
  });

  it(
    'answers each with a 4xx that says what is wrong (or a harmless answer), never a 5xx, and stores and mails nothing',
    async () => {
      const before = await footprint(local);
      const request = await storedRequest();
      for (const route of routes()) {
        await fc.assert(
          fc.asyncProperty(callsOf(route, SHAPES[route.routeKey]!), async (call) => {
            expectClearAnswer(await send(local, call), `${route.routeKey}: ${describeCall(call)}`);
          }),
          params(),
        );
      }
      expect(await footprint(local)).toEqual(before);
      expect(await storedRequest()).toEqual(request);
    },
    budget(24 * 12),
  );

  it(
    'answers a method a path does not declare with a 4xx naming no route, never a 5xx',
    async () => {
      const paths = [...new Set(routes().map((r) => r.path!))];
      const declared = (path: string) =>
        routes()
          .filter((r) => r.path === path)
          .map((r) => r.method!);
      const wrong = fc.constantFrom(...paths).chain((path) => {
        const others = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !declared(path).includes(m));
        return fc.record({ path: fc.constant(path), method: fc.constantFrom(...others), body: hostileText(100) });
      });
      const before = await footprint(local);
      await fc.assert(
        fc.asyncProperty(wrong, async ({ path, method, body }) => {
          const call: Call = {
            method,
            path: path.replace('{requestId}', known.requestId).replace(/\{[^}]+\}/g, 'x'),
            headers: { 'content-type': 'application/json' },
            ...(method === 'GET' ? {} : { body }),
          };
          const answer = await send(local, call);
          expect(answer.status, describeCall(call)).toBe(404);
          expectClearAnswer(answer, describeCall(call));
        }),
        params(),
      );
      expect(await footprint(local)).toEqual(before);
    },
    budget(5),
  );
});
