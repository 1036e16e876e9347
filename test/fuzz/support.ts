import fc from 'fast-check';
import { expect } from 'vitest';
import { MAX_BODY_BYTES } from '../../functions/platform/http';
import { escapeHtml } from '../../web/html';
import { countItems, type LocalRun, mailbox, type StoredEmail } from '../harness';

/**
 * Shared by the fuzz tests (issue 6, bad input): the run size, the seed, hostile text, a raw HTTP
 * call, and the checks every answer must pass.
 *
 * Size: `FUZZ_RUNS` inputs per property (default {@link DEFAULT_RUNS}, the size `npm test` runs);
 * `npm run test:fuzz` runs 10,000. Seed: `FUZZ_SEED` (default fixed), so a run is reproducible;
 * fast-check prints the seed and the counterexample's path when a property fails.
 */
export const DEFAULT_RUNS = 40;
export const RUNS = positive(process.env.FUZZ_RUNS, DEFAULT_RUNS);
export const SEED = Number.isInteger(Number(process.env.FUZZ_SEED)) && process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20260601;

function positive(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

/** fast-check parameters for a property of `runs` inputs (the whole size unless a property's inputs cost far more). */
export function params(runs = RUNS): fc.Parameters<unknown> {
  return { numRuns: runs, seed: SEED, endOnFailure: true };
}

/** A test's time limit for `inputs` inputs of about `msPerInput` each, with room for a slow machine (never below vitest's 120 s). */
export function budget(msPerInput: number, inputs = RUNS): number {
  return Math.max(120_000, Math.ceil(inputs * msPerInput * 4));
}

/** A marker in every piece of markup the fuzz sends, so a page or an email carrying it unescaped is spotted. */
export const MARK = 'fuzz1';

/** Markup and script as people paste it into free-text fields, each carrying {@link MARK}. */
export const MARKUP = [
  `<script>alert('${MARK}')</script>`,
  `"><img src=x onerror=alert('${MARK}')>`,
  `'><svg onload=${MARK}()>`,
  `javascript:alert('${MARK}')`,
  `<a href="javascript:${MARK}()">click</a>`,
  `</textarea><script>${MARK}()</script>`,
  `<iframe srcdoc="<script>${MARK}()</script>">`,
  `{{constructor.constructor('${MARK}')()}}`,
  `\${${MARK}}`,
  `<!--${MARK}--><style>*{x:expression(${MARK})}</style>`,
  `&lt;b&gt;${MARK}&amp;`,
  `=HYPERLINK("http://evil.example/${MARK}")`,
] as const;

/** Header lines an attacker hopes a value will break out into (an email's headers, a CSV, a log line). */
export const HEADER_INJECTIONS = [
  '\r\nBcc: victim@evil.example',
  '\nSubject: you won',
  '\r\nContent-Type: text/html\r\n\r\n<script>x</script>',
  '\rX-Injected: 1',
  '%0d%0aBcc: victim@evil.example',
  '\u2028Bcc: victim@evil.example',
  '\u0085Bcc: victim@evil.example',
];

/** Unicode that breaks naive code: direction overrides, zero widths, combining marks, astral symbols, a BOM, lookalikes. */
export const UNICODE_EDGES = [
  '\u202Egnp.exe',
  '\u200B\u200C\u200D\u2060',
  'e\u0301\u0301\u0301',
  'Z\u0351\u0354\u035b\u0327a\u0336l\u0338g\u0361o',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  '\uFEFF',
  'ǅǈ',
  'ﬀ',
  'İı',
  'Å',
  'А',
  '𝔄𝔡𝔞',
  '\uFFFD',
  '\uFDD0',
  '𓂀',
];

/** Text from every corner: any code point (lone surrogates included), graphemes, markup, injections and edge cases, mixed. */
export const hostileText = (maxLength = 60): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({ unit: 'binary-ascii', maxLength }),
    fc.constantFrom(...MARKUP, ...HEADER_INJECTIONS, ...UNICODE_EDGES),
    fc.array(fc.constantFrom(...MARKUP, ...HEADER_INJECTIONS, ...UNICODE_EDGES, ' ', 'a', '\n'), { maxLength: 6 }).map((p) => p.join('')),
  );

/** The text with each lone surrogate replaced by U+FFFD, as a UTF-8 encoder sends it (URLs and forms need it explicitly). */
export function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** A body far over the handlers' limit (8 KiB) but under the gateway's (10 MiB). */
export const oversized = (): fc.Arbitrary<string> =>
  fc
    .record({
      extra: fc.integer({ min: 1, max: 64 * 1024 }),
      fill: fc.constantFrom('a', 'é', '𝔄', '<', '%'),
    })
    .map(({ extra, fill }) => fill.repeat(Math.ceil((MAX_BODY_BYTES + extra) / Buffer.byteLength(fill))));

/** Content types a client may send: the two the handlers parse, then wrong, odd and malformed ones. */
export const contentTypes = (): fc.Arbitrary<string | undefined> =>
  fc.oneof(
    fc.constantFrom(
      undefined,
      'application/json',
      'application/json; charset=utf-8',
      'APPLICATION/JSON',
      'application/x-www-form-urlencoded',
      'text/plain',
      'text/html',
      'application/xml',
      'multipart/form-data',
      'multipart/form-data; boundary=x',
      'application/octet-stream',
      'application/javascript',
      'image/png',
      'application/json; charset=latin1',
      ';',
      '',
      'json',
      'application/x-www-form-urlencoded; charset=ISO-8859-1',
      'application/merge-patch+json',
    ),
    fc.string({ unit: 'binary-ascii', maxLength: 40 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  );

export const accepts = (): fc.Arbitrary<string | undefined> =>
  fc.constantFrom(undefined, 'application/json', 'text/html', '*/*', 'text/html, application/json', 'application/xml', 'garbage/;;', 'application/json;q=0');

/** A request as the fuzz sends it: everything a client controls. */
export interface Call {
  method: string;
  path: string;
  query?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
}

/** A short description of a call for failure messages (never the whole body). */
export function describeCall(call: Call): string {
  const body = call.body === undefined ? 'no body' : `${typeof call.body === 'string' ? Buffer.byteLength(call.body) : call.body.length} bytes`;
  return `${call.method} ${call.path}${call.query ? `?${call.query.slice(0, 120)}` : ''} [${call.headers['content-type'] ?? 'no content-type'}; ${body}]`;
}

/** Header values fetch can carry: the fuzz goes after the fields, not the HTTP framing. */
export function headerSafe(value: string): string {
  return value.replace(/[^\x20-\x7e]/g, '?');
}

export async function send(local: LocalRun, call: Call): Promise<{ status: number; type: string; text: string; location?: string }> {
  const res = await fetch(`${local.rt.urls.gateway}${call.path}${call.query ? `?${call.query}` : ''}`, {
    method: call.method,
    headers: call.headers,
    redirect: 'manual',
    ...(call.body !== undefined && !['GET', 'HEAD'].includes(call.method) ? { body: call.body } : {}),
  });
  const location = res.headers.get('location');
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), ...(location ? { location } : {}) };
}

/** Elements the fuzz's markup opens; in a page or an email they run script or load something. */
const DANGEROUS_ELEMENTS = new Set(['script', 'img', 'svg', 'iframe', 'style', 'object', 'embed', 'a']);
const TAG = /<([a-zA-Z][\w-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g;
const ATTRIBUTE = /([^\s=>/]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]+))?/g;

/**
 * Markup from the fuzz that would be live in a page: an element the fuzz opens carrying {@link MARK}
 * (in its attributes, or a script's or style's text), an event handler or an attribute name
 * carrying it, or a `javascript:` link. Escaped text (`&lt;script&gt;`, a value in a quoted
 * attribute) is not markup and passes.
 */
export function liveMarkup(html: string): string | undefined {
  for (const tag of html.matchAll(TAG)) {
    const [whole, rawName, attributes = ''] = tag;
    const name = rawName!.toLowerCase();
    if (DANGEROUS_ELEMENTS.has(name) && attributes.includes(MARK)) return whole;
    if (
      (name === 'script' || name === 'style') &&
      html
        .slice(tag.index + whole.length)
        .split(new RegExp(`</${name}`, 'i'))[0]!
        .includes(MARK)
    )
      return whole;
    for (const [, attr, value = ''] of attributes.matchAll(ATTRIBUTE)) {
      if (attr!.includes(MARK) || (/^on/i.test(attr!) && value.includes(MARK))) return whole;
      if (/^(href|src|action|formaction|srcdoc)$/i.test(attr!) && /^["']?\s*javascript:/i.test(value)) return whole;
    }
  }
  return undefined;
}

/** Fails if an HTML page or an email's HTML part carries the fuzz's markup live rather than escaped. */
export function expectNoLiveMarkup(html: string, where: string): void {
  expect(liveMarkup(html), `${where} carries markup unescaped`).toBeUndefined();
}

/** The status codes whose JSON answer must name the bad field (`errors`): bad input, too large, wrong type. */
const FIELD_STATUSES = [400, 413, 415];

/**
 * Every answer: never a 5xx; a 4xx says what is wrong (JSON `{ message, errors? }`, naming the field
 * for bad input, or an HTML page with a heading); HTML never carries the input's markup live.
 */
export function expectClearAnswer(answer: { status: number; type: string; text: string }, what: string): void {
  expect(answer.status, `${what} → ${answer.status}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.type.includes('text/html')) expectNoLiveMarkup(answer.text, what);
  if (answer.status < 400) return;
  if (answer.type.startsWith('application/json')) {
    let body: { message?: unknown; errors?: unknown };
    try {
      body = JSON.parse(answer.text);
    } catch {
      throw new Error(`${what} → ${answer.status} with a JSON content type but no JSON: ${answer.text.slice(0, 200)}`);
    }
    expect(typeof body.message === 'string' && body.message.length > 0, `${what} → ${answer.status} without a message`).toBe(true);
    if (body.errors !== undefined || FIELD_STATUSES.includes(answer.status)) {
      const errors = body.errors as Record<string, unknown> | undefined;
      expect(
        errors && typeof errors === 'object' && Object.keys(errors).length > 0,
        `${what} → ${answer.status} names no field: ${answer.text.slice(0, 200)}`,
      ).toBe(true);
      for (const [field, problem] of Object.entries(errors!)) expect(typeof problem, `${what}: errors.${field}`).toBe('string');
    }
  } else if (answer.type.startsWith('text/html')) {
    expect(answer.text, `${what} → ${answer.status}: a page without a heading`).toMatch(/<h1[^>]*>\s*[^<\s][^<]*</);
  } else {
    throw new Error(`${what} → ${answer.status} as ${answer.type || 'no content type'}: neither JSON nor a page`);
  }
}

/** What was stored and mailed so far, to compare after input that must change nothing. */
export async function footprint(local: LocalRun): Promise<{ items: number; emails: number }> {
  return { items: await countItems(local.db, (item) => !STAFF_READS.includes(item.event as string)), emails: (await mailbox(local.rt)).length };
}

/** What a staff member's read leaves behind by design (Art. 5(2): who looked at what): not a change to the data. */
const STAFF_READS = ['staff_viewed_request', 'staff_exported_audit_trail', 'staff_exported_requests_csv'];

/** The footprint once the workflows in flight have come to rest (unchanged for a second). */
export async function settled(local: LocalRun, timeoutMs = 20_000): Promise<{ items: number; emails: number }> {
  let last = await footprint(local);
  for (const deadline = Date.now() + timeoutMs; Date.now() < deadline; ) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await footprint(local);
    if (now.items === last.items && now.emails === last.emails) return now;
    last = now;
  }
  throw new Error(`still writing after ${timeoutMs} ms`);
}

/**
 * An email as it must be whatever the input: a subject on one line with no header in it, and an
 * HTML part with no live markup. `values` (what the subject or staff typed) holding the fuzz's
 * markup must appear in the HTML part escaped, if at all, never raw.
 */
export function expectSafeEmail(email: StoredEmail, values: string[] = []): void {
  const where = `email "${email.subject.slice(0, 60)}"`;
  expect(email.subject, `${where}: subject on one line`).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
  expect(
    email.destination.to.every((to) => !/[\r\n,;<>]/.test(to)),
    `${where}: one clean recipient`,
  ).toBe(true);
  expectNoLiveMarkup(email.body.html ?? '', where);
  for (const value of values) {
    if (value.includes(MARK) && value !== escapeHtml(value)) expect(email.body.html ?? '', where).not.toContain(value);
  }
}
