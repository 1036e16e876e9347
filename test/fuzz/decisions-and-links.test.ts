import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { DECISIONS, type Decision } from '../../functions/domain/request';
import {
  decideOn,
  mailbox,
  REQUESTS_TABLE,
  STAFF,
  type StoredEmail,
  staffToken,
  statusOf,
  submitConfirmed,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
  waitForStatus,
} from '../harness';
import {
  budget,
  type Call,
  expectClearAnswer,
  expectNoLiveMarkup,
  expectSafeEmail,
  footprint,
  hostileText,
  MARK,
  MARKUP,
  params,
  RUNS,
  send,
  settled,
  UNICODE_EDGES,
} from './support';

/**
 * What staff and the other parties write: staff's decisions (the refusal, the extension's reasons,
 * a question), the subject's answer, a vendor's answer on a task link. Malformed ones are a 400
 * naming the field and change nothing; odd but valid ones are shown escaped in every page and
 * email they reach, together with what the subject typed (the vendor's and the office's emails
 * and task page carry the subject's name, address and correction).
 */

const local = useRuntime();
let approver: string;
beforeAll(async () => {
  approver = await staffToken(local.rt, 'approver');
});

const item = async (requestId: string, sk = 'REQUEST') =>
  (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk } }))).Item;

let serial = 0;
/** A confirmed rectification (always reviewed), waiting for staff. */
async function inReview(fields: Record<string, string> = {}): Promise<{ requestId: string; statusUrl: string; email: string }> {
  const email = fields.email ?? `fuzz-review-${++serial}@fuzz.example`;
  const { requestId, statusUrl } = await submitConfirmed(local.rt, {
    controller: 'demo-association',
    type: 'rectification',
    rectifyAttribute: 'phone',
    inaccurate: 'the old number',
    corrected: '+46 70 000 00 00',
    ...fields,
    email,
  });
  await waitForStatus(statusUrl, 'in_review');
  return { requestId, statusUrl, email };
}

const json = (body: unknown): Pick<Call, 'headers' | 'body'> => ({
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  body: JSON.stringify(body),
});

/** Text with at least one visible character, and `bad` inside it. */
const around = (bad: fc.Arbitrary<string>) => fc.tuple(hostileText(20), bad, hostileText(20)).map(([a, b, c]) => `a${a}${b}${c}z`);
const CONTROL = fc.constantFrom(...'\u0000\u0001\u0008\u0009\u000b\u000c\u001b\u007f');
const long = (max: number) => fc.integer({ min: max + 1, max: max + 300 }).map((n) => `<b>${MARK}</b>`.repeat(Math.ceil(n / 12)).slice(0, n));
const notText = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.object({ maxDepth: 1 }));
/** Staff's words as the schema refuses them: missing, blank, too long, with control characters, not text. */
const badProse = (max: number) => fc.oneof(fc.constantFrom(undefined, '', '   ', '\n\r\n'), around(CONTROL), long(max), notText);

const badDecisions: fc.Arbitrary<{ body: unknown; field: string }> = fc.oneof(
  fc
    .oneof(hostileText(), notText)
    // Every decision the schema takes: DECISIONS and the correction of a processor's answer.
    .filter((d) => ![...DECISIONS, 'correct_answer'].includes(d as Decision))
    .map((decision) => ({ body: { decision }, field: 'decision' })),
  fc.oneof(hostileText(), notText).map((reason) => ({ body: { decision: 'deny', reason, text: 'fine' }, field: 'reason' })),
  badProse(4000).map((text) => ({ body: { decision: 'deny', reason: 'manifestly_unfounded', text }, field: 'text' })),
  badProse(4000).map((text) => ({ body: { decision: 'request_info', text }, field: 'text' })),
  fc
    .oneof(
      fc.integer().filter((n) => n !== 1 && n !== 2),
      fc.constantFrom('1', '2', 1.5, null, [1]),
    )
    .map((months) => ({ body: { decision: 'extend', months, reasons: 'fine' }, field: 'months' })),
  badProse(4000).map((reasons) => ({ body: { decision: 'extend', months: 1, reasons }, field: 'reasons' })),
  fc
    .oneof(
      hostileText().filter((p) => !/^[a-z0-9][a-z0-9-]{0,62}$/.test(p)),
      notText,
    )
    .chain((processorId) =>
      fc.constantFrom(
        { body: { decision: 'retry_branch', processorId }, field: 'processorId' },
        { body: { decision: 'complete_task', processorId, note: 'fine' }, field: 'processorId' },
      ),
    ),
  badProse(4000).map((note) => ({ body: { decision: 'complete_task', processorId: 'bookkeeping', note }, field: 'note' })),
  // Art. 12(5)(a): an amount that is not positive with two decimals at most, a currency that is no ISO 4217 code, no reason.
  fc
    .oneof(hostileText(), notText, fc.double(), fc.constantFrom(undefined, -1, 0, 1.234, '1e3', '12,50', ' ', '0.00', '1234567890'))
    .filter((a) => !((typeof a === 'number' || typeof a === 'string') && /^\d{1,9}(\.\d{1,2})?$/.test(String(a).trim()) && Number(a) > 0))
    .map((amount) => ({ body: { decision: 'charge_fee', amount, currency: 'EUR', reason: 'fine' }, field: 'amount' })),
  fc
    .oneof(hostileText(), notText, fc.constantFrom(undefined, 'eur', 'EURO', 'XYZ', 'E U', ''))
    .filter((c) => !(typeof c === 'string' && /^[A-Z]{3}$/.test(c) && Intl.supportedValuesOf('currency').includes(c)))
    .map((currency) => ({ body: { decision: 'charge_fee', amount: '25.00', currency, reason: 'fine' }, field: 'currency' })),
  badProse(2000).map((reason) => ({ body: { decision: 'charge_fee', amount: 25, currency: 'SEK', reason }, field: 'reason' })),
  // A field a decision does not take is refused, not ignored.
  fc
    .tuple(fc.constantFrom('approve', 'lift_restriction', 'record_fee_payment'), fc.constantFrom(...MARKUP))
    .map(([decision, extra]) => ({ body: { decision, [extra]: extra }, field: '' })),
);

describe('staff decisions with bad input', () => {
  it(
    'answers every malformed decision with a 400 naming the field and leaves the request as it was',
    async () => {
      const { requestId } = await inReview();
      const before = { footprint: await settled(local), request: await item(requestId) };
      await fc.assert(
        fc.asyncProperty(badDecisions, async ({ body, field }) => {
          const call: Call = { method: 'POST', path: `/v1/staff/requests/${requestId}/decisions`, ...json(body) };
          call.headers.authorization = `Bearer ${approver}`;
          const answer = await send(local, call);
          expectClearAnswer(answer, `decision ${JSON.stringify(body).slice(0, 120)}`);
          expect(answer.status).toBe(400);
          if (field) expect(Object.keys(JSON.parse(answer.text).errors), JSON.stringify(body).slice(0, 120)).toContain(field);
        }),
        params(),
      );
      expect(await item(requestId)).toEqual(before.request);
      expect(await footprint(local)).toEqual(before.footprint);
    },
    budget(10),
  );
});

describe("the subject's answer and a vendor's answer with bad input", () => {
  it(
    "answers every malformed reply to staff's question with a 400 naming the answer (the page again, escaped, for the form) and stores nothing",
    async () => {
      const { requestId, statusUrl } = await inReview();
      expect((await decideOn(local.rt, approver, requestId, { decision: 'request_info', text: 'Which phone number?' })).status).toBe(200);
      const key = new URL(statusUrl).searchParams.get('key')!;
      const before = { footprint: await settled(local), request: await item(requestId) };
      await fc.assert(
        fc.asyncProperty(
          badProse(4000).filter((a) => !(typeof a === 'string' && a.length > 4000 && a.length < 4010)),
          fc.boolean(),
          async (answerText, asForm) => {
            const body = { key, ...(answerText === undefined ? {} : { answer: answerText }) };
            const call: Call =
              asForm && (typeof answerText === 'string' || answerText === undefined)
                ? {
                    method: 'POST',
                    path: `/v1/requests/${requestId}/reply`,
                    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
                    body: new URLSearchParams(body as Record<string, string>).toString(),
                  }
                : { method: 'POST', path: `/v1/requests/${requestId}/reply`, ...json(body) };
            const answer = await send(local, call);
            expectClearAnswer(answer, `reply ${JSON.stringify(answerText)?.slice(0, 80)}`);
            expect(answer.status).toBe(400);
            if (answer.type.startsWith('application/json')) expect(Object.keys(JSON.parse(answer.text).errors)).toContain('answer');
            else expect(answer.text).toContain('id="answer-error"');
          },
        ),
        params(),
      );
      expect(await item(requestId)).toEqual(before.request);
      expect(await footprint(local)).toEqual(before.footprint);
    },
    budget(10),
  );

  it(
    "answers every malformed answer on a vendor's task link with a 400 naming the field and leaves the branch waiting",
    async () => {
      const { requestId } = await submitConfirmed(local.rt, { controller: 'demo-association', type: 'access', email: 'fuzz-task@example.org' });
      const link = new URL(await taskLinkFor(local.rt, VENDOR, requestId));
      // The form posts back to the link itself: its token is checked from the query, before the body is read.
      const path = `${link.pathname}${link.search}`;
      const before = await settled(local);
      const branch = await item(requestId, 'BRANCH#bookkeeping');
      const bad = fc.oneof(
        fc
          .oneof(hostileText(), notText)
          .filter((o) => o !== 'done' && o !== 'not_found')
          .map((outcome) => ({ body: { outcome } as Record<string, unknown>, field: 'outcome' })),
        fc
          .oneof(
            long(2000),
            notText.filter((n) => n !== null),
          )
          .map((note) => ({ body: { outcome: 'done', note } as Record<string, unknown>, field: 'note' })),
      );
      await fc.assert(
        fc.asyncProperty(bad, fc.boolean(), async ({ body, field }, asForm) => {
          const form = asForm && Object.values(body).every((v) => typeof v === 'string');
          const call: Call = form
            ? {
                method: 'POST',
                path,
                headers: { 'content-type': 'application/x-www-form-urlencoded' },
                body: new URLSearchParams(body as Record<string, string>).toString(),
              }
            : { method: 'POST', path, ...json(body) };
          const answer = await send(local, call);
          expectClearAnswer(answer, `task ${field}`);
          expect(answer.status).toBe(400);
          expect(Object.keys(JSON.parse(answer.text).errors)).toContain(field);
        }),
        params(),
      );
      expect(await item(requestId, 'BRANCH#bookkeeping')).toEqual(branch);
      expect(await footprint(local)).toEqual(before);
    },
    budget(10),
  );
});

/** One line as people type it: markup, Unicode edge cases and any code point but control characters. */
const oneLine = (max: number) =>
  fc
    .oneof(hostileText(max), fc.constantFrom(...MARKUP, ...UNICODE_EDGES))
    .map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').slice(0, max));
/** Free text: lines of that, always with one piece of markup carrying the marker, so the checks below see it rendered. */
const prose = fc
  .tuple(fc.array(oneLine(100), { maxLength: 3 }), fc.constantFrom(...MARKUP.filter((m) => m.startsWith('<') || m.startsWith('"') || m.startsWith("'"))))
  .map(([lines, markup]) => [...lines, markup].join('\r\n'));

/** The n-th email to an address (1-based), and the page of a link, each checked for live markup. */
async function nthEmail(to: string, n: number): Promise<StoredEmail> {
  return waitForEmail(local.rt, to, n);
}
async function page(url: string, where: string): Promise<string> {
  const answer = await send(local, { method: 'GET', path: new URL(url).pathname, query: new URL(url).search.slice(1), headers: { accept: 'text/html' } });
  expectClearAnswer(answer, where);
  expect(answer.status, where).toBe(200);
  return answer.text;
}

describe('odd but valid words from the subject and from staff', () => {
  // Each input runs a request from the form to staff's last word, so these are fewer than the others.
  const runs = Math.max(3, Math.ceil(RUNS / 40));

  it(
    "are shown escaped in the status page, the subject's emails, the vendor's and the office's emails and the task page",
    async () => {
      const input = fc.record({
        name: oneLine(200).map((s) => `${s} <i>${MARK}</i>`.trim()),
        corrected: prose,
        question: prose,
        answer: prose,
        reasons: prose,
        refusal: fc.option(prose, { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ name, corrected, question, answer, reasons, refusal }) => {
          const subject = `fuzz-words-${++serial}'+x@fuzz.example`;
          const { requestId, statusUrl } = await inReview({ email: subject, name, corrected, inaccurate: corrected });
          const shows = async (where: string) => {
            const html = await page(statusUrl, where);
            expect(html, `${where} shows staff's words`).toContain(MARK);
            return html;
          };

          expect((await decideOn(local.rt, approver, requestId, { decision: 'request_info', text: question })).status).toBe(200);
          // After the verification and the receipt.
          expectSafeEmail(await nthEmail(subject, 3), [question]);
          await shows('status page with the question');

          const replied = await send(local, {
            method: 'POST',
            path: `/v1/requests/${requestId}/reply`,
            ...json({ key: new URL(statusUrl).searchParams.get('key'), answer }),
          });
          expect(replied.status, replied.text).toBe(200);
          expect((await item(requestId))!.infoRequest.answer).toBe(answer.trim());

          expect((await decideOn(local.rt, approver, requestId, { decision: 'extend', months: 1, reasons })).status).toBe(200);
          expectSafeEmail(await nthEmail(subject, 4), [reasons]);
          await shows('status page with the extension');

          if (refusal !== undefined) {
            expect((await decideOn(local.rt, approver, requestId, { decision: 'deny', reason: 'manifestly_unfounded', text: refusal })).status).toBe(200);
            await waitForStatus(statusUrl, 'denied');
            expectSafeEmail(await nthEmail(subject, 5), [refusal]);
            await shows('status page with the refusal');
            return;
          }
          expect((await decideOn(local.rt, approver, requestId, { decision: 'approve' })).status).toBe(200);
          // The vendor and the office get the subject's name, address and correction, and a task page showing them.
          for (const to of [VENDOR, STAFF]) {
            const link = await taskLinkFor(local.rt, to, requestId);
            const mail = (await mailbox(local.rt)).filter((e) => e.destination.to.includes(to) && (e.body.text ?? '').includes(requestId));
            for (const m of mail) expectSafeEmail(m, [name, corrected, subject]);
            const task = await page(link, `task page of ${to}`);
            expect(task, `task page of ${to} shows the name`).toContain(MARK);
          }
          expect((await statusOf(statusUrl)).status).not.toBe('in_review');
        }),
        params(runs),
      );
    },
    budget(3000, runs),
  );

  it('reach the console only as data: its page renders with textContent, never as markup', async () => {
    const answer = await send(local, { method: 'GET', path: '/console', headers: { accept: 'text/html' } });
    expect(answer.status).toBe(200);
    expect(answer.text).not.toMatch(/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|new Function|\beval\(/);
    expect(answer.text).toMatch(/textContent/);
    expectNoLiveMarkup(answer.text, 'console');
  });
});
