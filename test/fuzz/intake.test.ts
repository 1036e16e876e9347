import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, OBJECTION_SCOPES, RIGHTS, type Right } from '../../functions/domain/request';
import { MAX_BODY_BYTES } from '../../functions/platform/http';
import { escapeHtml } from '../../web/html';
import { texts } from '../../web/texts/all';
import { clearMailbox, REQUESTS_TABLE, staffToken, useRuntime, verificationEmailFor } from '../harness';
import {
  budget,
  type Call,
  expectClearAnswer,
  expectSafeEmail,
  footprint,
  HEADER_INJECTIONS,
  hostileText,
  MARKUP,
  params,
  send,
  UNICODE_EDGES,
  wellFormed,
} from './support';

/**
 * POST /v1/requests with bad input, field by field: every refusal is a 400 naming the field (JSON
 * for API clients, the form again with the error at the field for the no-JS form), and nothing is
 * stored or mailed. Input that is odd but valid (markup, injections that are only text, Unicode
 * edge cases) is stored as typed and shown escaped wherever it appears.
 */

const local = useRuntime();
let approver: string;
beforeAll(async () => {
  approver = await staffToken(local.rt, 'approver');
});

const CONTROL = fc.constantFrom(...'\u0000\u0001\u0007\u0008\u0009\u000b\u000c\u001b\u001f\u007f\u0080\u0085\u009f\u2028\u2029');
/** Control characters free text may not hold (line breaks it may). */
const PROSE_CONTROL = fc.constantFrom(...'\u0000\u0007\u0009\u000b\u000c\u001b\u007f\u0085\u2028');

/** Something that is not text: what a JSON client may put in a text field. */
const notText = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

/** Text with at least one visible character, so trimming never empties it. */
const visible = (max = 40) => fc.tuple(hostileText(max), fc.constantFrom('a', 'Ö', '<b>', '𝔄')).map(([t, v]) => `${v}${t}`);

/** `text` with `bad` inserted between two visible characters (so trimming cannot remove it). */
const withInside = (bad: fc.Arbitrary<string>) => fc.tuple(visible(20), bad, visible(20)).map(([a, b, c]) => `${a}${b}${c}`);

const tooLong = (max: number) =>
  fc
    .tuple(fc.integer({ min: max + 1, max: max + 500 }), fc.constantFrom(...MARKUP, 'x', 'é'))
    .map(([n, s]) => `x${s.repeat(Math.ceil(n / s.length))}`.slice(0, n + 1));

/** A valid submission of each right to the demo association. */
const BASE: Record<Right, Record<string, unknown>> = {
  access: { type: 'access' },
  portability: { type: 'portability', transmitTo: 'demo-receiver' },
  rectification: { type: 'rectification', rectifyAttribute: 'phone', inaccurate: 'old number', corrected: '+46 70 000 00 00' },
  erasure: { type: 'erasure' },
  restriction: { type: 'restriction' },
  objection: { type: 'objection', objectionScope: 'direct_marketing', objectionGrounds: 'no more mail' },
  withdraw_consent: { type: 'withdraw_consent', consentPurposes: ['newsletter'] },
};

const FREE_TEXT = { inaccurate: 2000, corrected: 2000, objectionGrounds: 4000, message: 4000 } as const;
/** The right a field belongs to (others refuse it). */
const FIELD_RIGHT: Record<string, Right> = {
  rectifyAttribute: 'rectification',
  inaccurate: 'rectification',
  corrected: 'rectification',
  objectionScope: 'objection',
  objectionGrounds: 'objection',
  consentPurposes: 'withdraw_consent',
  transmitTo: 'portability',
};

/** One field made bad in a way the schema must refuse; `form` is false for values a form cannot carry. */
interface Mutation {
  field: string;
  value: unknown;
  right?: Right;
  form: boolean;
}

const mutation = (field: string, value: fc.Arbitrary<unknown>, opts: { right?: Right; form?: boolean } = {}) =>
  value.map((v): Mutation => ({ field, value: v, form: opts.form ?? typeof v === 'string', ...(opts.right ? { right: opts.right } : {}) }));

const MUTATIONS: fc.Arbitrary<Mutation> = fc.oneof(
  mutation(
    'type',
    fc.oneof(hostileText(), notText).filter((v) => !(RIGHTS as readonly unknown[]).includes(v)),
  ),
  mutation(
    'email',
    fc.oneof(
      fc.constant(undefined).map(() => ''),
      fc
        .tuple(fc.constantFrom(...HEADER_INJECTIONS.filter((h) => /[\r\n\u0085\u2028]/.test(h))), fc.constantFrom('', 'x'))
        .map(([h, tail]) => `ada@example.org${h}${tail}`),
      fc.constantFrom(...MARKUP).map((m) => `${m}@example.org`),
      visible().filter((s) => !s.includes('@')),
      tooLong(254).map((s) => `${s.replace(/[^a-z]/g, 'a')}@example.org`),
      withInside(CONTROL).map((s) => `${s}@example.org`),
      notText,
    ),
  ),
  mutation(
    'name',
    fc.oneof(withInside(fc.constantFrom(...HEADER_INJECTIONS.filter((h) => /[\r\n\u0085\u2028]/.test(h)))), withInside(CONTROL), tooLong(200), notText),
  ),
  mutation(
    'locale',
    fc.oneof(hostileText(), notText).filter((v) => v !== undefined && !(LOCALES as readonly unknown[]).includes(v)),
  ),
  mutation(
    'controller',
    fc
      .oneof(
        visible(),
        notText.filter((v) => v !== null),
      )
      .filter((v) => v !== 'demo-association' && v !== 'demo-organising-platform'),
  ),
  ...Object.entries(FREE_TEXT).map(([field, max]) =>
    mutation(field, fc.oneof(withInside(PROSE_CONTROL), tooLong(max), notText), { right: FIELD_RIGHT[field] ?? 'access' }),
  ),
  mutation(
    'rectifyAttribute',
    fc.oneof(
      visible().filter((s) => !['name', 'phone'].includes(s.trim())),
      withInside(CONTROL),
    ),
    { right: 'rectification' },
  ),
  mutation(
    'objectionScope',
    fc.oneof(hostileText(), notText).filter((v) => v !== undefined && !(OBJECTION_SCOPES as readonly unknown[]).includes(v)),
    { right: 'objection' },
  ),
  mutation(
    'consentPurposes',
    fc.oneof(
      fc.array(visible(), { minLength: 1, maxLength: 3 }).filter((l) => l.some((p) => p.trim() && p.trim() !== 'newsletter' && !p.includes(','))),
      fc.constant([]),
      fc.array(fc.constant('newsletter'), { minLength: 51, maxLength: 60 }),
      fc.array(notText, { minLength: 1, maxLength: 2 }).filter((l) => l.some((v) => typeof v !== 'string')),
    ),
    { right: 'withdraw_consent', form: false },
  ),
  mutation(
    'transmitTo',
    visible().filter((s) => s.trim() !== 'demo-receiver'),
    { right: 'portability' },
  ),
  // The demo association holds no data for customers.
  mutation('viaCustomer', visible()),
  // A right's own field sent with another right: refused for an API client (the form drops it).
  fc.constantFrom(...Object.keys(FIELD_RIGHT)).chain((field) =>
    fc.constantFrom(...RIGHTS.filter((r) => r !== FIELD_RIGHT[field])).map(
      (right): Mutation => ({
        field,
        right,
        form: false,
        value: field === 'consentPurposes' ? ['newsletter'] : field === 'objectionScope' ? 'other' : field === 'rectifyAttribute' ? 'phone' : 'some text',
      }),
    ),
  ),
);

/** A valid submission (any right, optional name and message), then one field made bad. */
const badSubmissions = fc
  .record({
    right: fc.constantFrom(...RIGHTS),
    name: fc.option(fc.constantFrom('Ada Lindqvist', 'Zoë', '李小龙'), { nil: undefined }),
    mutation: MUTATIONS,
  })
  .map(({ right, name, mutation: m }) => {
    const type = m.right ?? right;
    const body: Record<string, unknown> = { ...BASE[type], controller: 'demo-association', locale: 'en', email: 'fuzz@example.org', ...(name ? { name } : {}) };
    // A right's own field on the wrong right: the base of that right lacks it, so add it.
    if (m.field in FIELD_RIGHT && FIELD_RIGHT[m.field] !== type) body.type = type;
    body[m.field] = m.value;
    return { body, mutation: m };
  });

function formBody(body: Record<string, unknown>): string {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(body)) {
    if (Array.isArray(v)) for (const item of v) out.append(`${k}[]`, wellFormed(String(item)));
    else if (v !== undefined) out.append(k, wellFormed(String(v)));
  }
  return out.toString();
}

/** Over the handlers' limit (a long value percent-encoded grows up to nine times): refused whole, with 413. */
const tooLarge = (call: Call) => Buffer.byteLength(call.body as string) > MAX_BODY_BYTES;

const intakeCall = (body: string, type: string, accept: string): Call => ({
  method: 'POST',
  path: '/v1/requests',
  headers: { 'content-type': type, accept },
  body,
});

describe('POST /v1/requests with bad input', () => {
  it(
    'answers every malformed intake body with a 400 naming the field and stores and mails nothing',
    async () => {
      const before = await footprint(local);
      await fc.assert(
        fc.asyncProperty(badSubmissions, fc.boolean(), async ({ body, mutation: m }, asForm) => {
          const call =
            asForm && m.form
              ? intakeCall(formBody(body), 'application/x-www-form-urlencoded', 'application/json')
              : intakeCall(JSON.stringify(body), 'application/json', 'application/json');
          const answer = await send(local, call);
          expectClearAnswer(answer, `${m.field} = ${JSON.stringify(m.value)?.slice(0, 80)}`);
          expect(answer.status).toBe(tooLarge(call) ? 413 : 400);
          expect(Object.keys(JSON.parse(answer.text).errors), `${m.field} = ${JSON.stringify(m.value)?.slice(0, 80)}`).toContain(
            tooLarge(call) ? 'body' : m.field,
          );
        }),
        params(),
      );
      expect(await footprint(local)).toEqual(before);
    },
    budget(10),
  );

  it(
    'shows the no-JS form again for a malformed form post, the error at its field and every typed value escaped',
    async () => {
      const before = await footprint(local);
      await fc.assert(
        fc.asyncProperty(
          badSubmissions.filter(({ mutation: m }) => m.form),
          async ({ body, mutation: m }) => {
            const call = intakeCall(formBody(body), 'application/x-www-form-urlencoded', 'text/html');
            const answer = await send(local, call);
            expectClearAnswer(answer, `form ${m.field}`);
            // A form too large to read is refused before there is a form to show again.
            if (tooLarge(call)) return void expect(answer.status).toBe(413);
            expect(answer.status).toBe(400);
            expect(answer.text).toContain('class="error-summary"');
            // The field's own error beside it, where the form has that field; else in the summary, in the page's words for it.
            const words = LOCALES.map((l) =>
              escapeHtml((texts[l].form.fieldErrors as Record<string, string | undefined>)[m.field] ?? texts[l].common.checkField),
            );
            expect(answer.text.includes(`id="${m.field}-error"`) || words.some((w) => answer.text.includes(w)), `form ${m.field}: error not shown`).toBe(true);
          },
        ),
        params(),
      );
      expect(await footprint(local)).toEqual(before);
    },
    budget(10),
  );

  it(
    'refuses bodies too large (413), of another content type (415), not JSON or not an object (400), or with a field twice, each naming what is wrong',
    async () => {
      const before = await footprint(local);
      const valid = JSON.stringify({ type: 'access', email: 'fuzz@example.org' });
      const malformed = fc.oneof(
        fc.record({ fill: fc.constantFrom('a', 'é', '<'), extra: fc.integer({ min: 1, max: 32_768 }) }).map(({ fill, extra }) => ({
          call: intakeCall(
            JSON.stringify({ type: 'access', email: 'fuzz@example.org', message: fill.repeat(8192 + extra) }),
            'application/json',
            'application/json',
          ),
          status: 413,
          field: 'body',
        })),
        fc
          .constantFrom('text/plain', 'application/xml', 'text/html', 'application/octet-stream', 'application/jsonx', 'image/svg+xml')
          .map((type) => ({ call: intakeCall(valid, type, 'application/json'), status: 415, field: 'content-type' })),
        // The form posts multipart (for a mandate): a body that is not multipart under that type is a 400 naming it.
        fc.constantFrom('multipart/form-data; boundary=x', 'multipart/form-data; boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW').map((type) => ({
          call: intakeCall(valid, type, 'application/json'),
          status: 400,
          field: 'body',
        })),
        fc
          .oneof(
            hostileText(200).filter((t) => {
              try {
                JSON.parse(t);
                return false;
              } catch {
                return t.trim() !== '';
              }
            }),
            fc.constantFrom('{', '{"type":', '[]', '"access"', 'null', '42', 'true', '{"a":1}{'),
          )
          .map((text) => ({ call: intakeCall(text, 'application/json', 'application/json'), status: 400, field: 'body' })),
        fc.constantFrom('email', 'type', 'name', 'locale', 'controller').map((field) => ({
          call: intakeCall(`type=access&email=fuzz%40example.org&${field}=a&${field}=b`, 'application/x-www-form-urlencoded', 'text/html'),
          status: 400,
          field,
        })),
      );
      await fc.assert(
        fc.asyncProperty(malformed, async ({ call, status, field }) => {
          const answer = await send(local, call);
          expectClearAnswer(answer, `${status} ${field}`);
          expect(answer.status).toBe(status);
          expect(Object.keys(JSON.parse(answer.text).errors)).toContain(field);
        }),
        params(),
      );
      expect(await footprint(local)).toEqual(before);
    },
    budget(10),
  );
});

/** One-line text as people type it: markup, Unicode edge cases, anything but control characters. */
const oneLineText = (max: number) =>
  fc
    .oneof(hostileText(max), fc.constantFrom(...MARKUP, ...UNICODE_EDGES))
    .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').slice(0, max));
/** Free text: the same, with line breaks. */
const proseText = (max: number) => fc.array(oneLineText(120), { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\r\n').slice(0, max));
/** Addresses that are valid but carry what HTML and headers care about: an apostrophe, a plus, upper case. */
const address = fc.stringMatching(/^[A-Za-z0-9_'+-]{0,12}[A-Za-z0-9_+-]$/).map((local) => `${local}@fuzz.example`);

/** A valid submission whose every free-text field holds hostile text. */
const oddButValid = fc
  .record({
    type: fc.constantFrom(...RIGHTS),
    email: address,
    name: fc.option(oneLineText(200), { nil: undefined }),
    message: fc.option(proseText(4000), { nil: undefined }),
    inaccurate: proseText(2000),
    corrected: proseText(2000),
    objectionGrounds: proseText(4000),
    scope: fc.constantFrom(...OBJECTION_SCOPES),
  })
  .map(({ type, email, name, message, inaccurate, corrected, objectionGrounds, scope }) => {
    const body: Record<string, unknown> = {
      ...BASE[type],
      controller: 'demo-association',
      email,
      ...(name !== undefined ? { name } : {}),
      ...(message !== undefined ? { message } : {}),
    };
    if (type === 'rectification') Object.assign(body, { inaccurate: `x${inaccurate}`, corrected: `y${corrected}` });
    if (type === 'objection') Object.assign(body, { objectionScope: scope, objectionGrounds });
    return body;
  });

const trimmed = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

describe('POST /v1/requests with odd but valid input', () => {
  it(
    'stores markup, injections and Unicode as typed, and the verification email and the staff view show them safely',
    async () => {
      await fc.assert(
        fc.asyncProperty(oddButValid, async (body) => {
          const answer = await send(local, intakeCall(JSON.stringify(body), 'application/json', 'application/json'));
          expectClearAnswer(answer, 'odd but valid');
          expect(answer.status, answer.text).toBe(202);
          const { requestId } = JSON.parse(answer.text) as { requestId: string };

          const item = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
          expect(item.email).toBe((body.email as string).trim());
          expect(item.name).toBe(trimmed(body.name));
          expect(item.details?.message).toBe(trimmed(body.message));
          if (body.type === 'rectification')
            expect(item.details.rectification).toMatchObject({ inaccurate: trimmed(body.inaccurate), corrected: trimmed(body.corrected) });
          if (body.type === 'objection') expect(item.details.objection.grounds).toBe(trimmed(body.objectionGrounds));

          expectSafeEmail(
            await verificationEmailFor(local.rt, item.email, requestId),
            Object.values(body).filter((v): v is string => typeof v === 'string'),
          );

          // The staff API hands the values back as JSON, exactly; the console shows them with textContent.
          const res = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, { headers: { authorization: `Bearer ${approver}` } });
          expect(res.status).toBe(200);
          expect(res.headers.get('content-type')).toMatch(/^application\/json/);
          const { request } = (await res.json()) as { request: { email: string; name?: string; details: { message?: string } } };
          expect(request.email).toBe(item.email);
          expect(request.name).toBe(item.name);
          expect(request.details.message).toBe(item.details?.message);
          // Each input is looked up in the mailbox: emptied each time, a full run's 10,000 emails are not read 10,000 times.
          clearMailbox();
        }),
        params(),
      );
    },
    budget(60),
  );

  it(
    "shows the no-JS form's acceptance page without the typed values",
    async () => {
      // The form's post is sent on (303) to the page, which a GET shows.
      const acceptancePage = async (body: string) => {
        const posted = await send(local, intakeCall(body, 'application/x-www-form-urlencoded', 'text/html'));
        expect(posted.status, posted.text.slice(0, 300)).toBe(303);
        expect(posted.location).toMatch(/^\/v1\/requests\/[0-9a-f-]{36}\/sent\?key=[A-Za-z0-9_-]{43}$/);
        const [path, query] = posted.location!.split('?');
        return send(local, { method: 'GET', path: path!, query, headers: { accept: 'text/html' } });
      };
      // The page for the same right with plain values: a typed value that is a word of the page itself
      // (a name such as "bind" or "head") is found in it whatever the input.
      const plainPages = new Map<unknown, Promise<string>>();
      const plainPage = (type: unknown) => {
        if (!plainPages.has(type))
          plainPages.set(
            type,
            acceptancePage(formBody({ ...BASE[type as keyof typeof BASE], controller: 'demo-association', email: 'plain@fuzz.example', name: 'Plain' })).then(
              (a) => a.text,
            ),
          );
        return plainPages.get(type)!;
      };
      await fc.assert(
        fc.asyncProperty(oddButValid, async (body) => {
          const answer = await acceptancePage(formBody(body));
          expectClearAnswer(answer, 'odd but valid, form');
          expect(answer.status, answer.text.slice(0, 300)).toBe(200);
          const plain = await plainPage(body.type);
          for (const v of [body.name, body.message])
            if (typeof v === 'string' && v.trim().length > 3 && !plain.includes(v.trim())) expect(answer.text).not.toContain(v.trim());
        }),
        params(Math.max(5, Math.ceil(params().numRuns! / 4))),
      );
    },
    budget(15),
  );
});
