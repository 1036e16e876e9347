/**
 * Drives many requests through a running service the way people do, for the fault and crash
 * suites: subjects submit and confirm from their email, the email vendor and the staff mailbox
 * answer their task links, an approver retries a failed branch (or, after a few tries, records it
 * done by hand) — and then reads back what happened, for the assertions. The mailbox of record is
 * the SES proxy's (flaky-proxy.ts): it sees every email the emulator accepted, across restarts.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCALES } from '../../functions/domain/request';
import { texts } from '../../web/texts/all';
import {
  answerTaskLink,
  decideOn,
  documentClient,
  FINAL_STATUSES as FINAL,
  isVerificationLinkOf,
  linksInText as linksIn,
  pool,
  postRequest,
  pressConfirm,
  requestItems as readRequestItems,
  requestPartition as readRequestPartition,
  STAFF,
  signInForToken,
  sleep,
  VENDOR,
} from '../harness';
import { type FlakyProxy, sentEmails } from './flaky-proxy';

export interface Tracked {
  email: string;
  type: 'access' | 'erasure';
  requestId?: string;
  confirmed?: boolean;
}

export interface Service {
  /** The gateway's URL now (the same across restarts on fixed ports). */
  gateway(): string;
  dynamodb(): string;
}

/** fetch that counts the 5xx answers and gives up on a call after 30 s. */
async function reach(url: string, init?: RequestInit): Promise<Response> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  if (res.status >= 500) serverErrors.set(res.status, (serverErrors.get(res.status) ?? 0) + 1);
  return res;
}

/** A call that treats a refused connection (the runtime down for a moment) as "try again later". */
function tryFetch(call: (via: typeof reach) => Promise<Response>): Promise<Response | undefined> {
  return call(reach).catch(() => undefined);
}

/** The 5xx answers people and staff got from the service, by status, for the suites to judge. */
export const serverErrors = new Map<number, number>();

/** The service's DynamoDB, with retries for a moment it is down. */
export function db(svc: Service): DynamoDBDocumentClient {
  return documentClient(svc.dynamodb(), 10);
}

/** Submits a request for each tracked subject (retrying while the service is unreachable). */
export async function submitAll(svc: Service, tracked: Tracked[], concurrency = 8): Promise<void> {
  await pool(tracked, concurrency, async (t) => {
    while (!t.requestId) {
      const res = await tryFetch((via) => postRequest(svc.gateway(), { type: t.type, email: t.email, controller: 'demo-association' }, via));
      if (res?.status === 202) t.requestId = ((await res.json()) as { requestId: string }).requestId;
      // A refusal will not change by trying again (a 429 would wait out the hour): say so at once.
      else if (res && res.status >= 400 && res.status < 500) throw new Error(`intake refused a request with ${res.status}: ${await res.text()}`);
      else await sleep(200);
    }
  });
}

/** Confirms every submitted request from its verification email, as its subject does. */
export async function confirmAll(svc: Service, ses: FlakyProxy, tracked: Tracked[]): Promise<void> {
  for (let round = 0; tracked.some((t) => !t.confirmed); round++) {
    if (round > 600) throw new Error(`unconfirmed after ${round} rounds: ${tracked.filter((t) => !t.confirmed).length}`);
    const mail = sentEmails(ses);
    await Promise.all(
      tracked
        .filter((t) => !t.confirmed)
        .map(async (t) => {
          const link = mail
            .filter((m) => m.to.includes(t.email))
            .flatMap((m) => linksIn(m.raw))
            .find(isVerificationLinkOf(t.requestId!));
          if (!link) return;
          const res = await tryFetch((via) => pressConfirm(link, { origin: svc.gateway(), via }));
          // 200: confirmed now; a second press says "already confirmed" with 200 too
          if (res?.ok) t.confirmed = true;
          await res?.body?.cancel().catch(() => undefined);
        }),
    );
    await sleep(250);
  }
}

/** Requests' items by id. */
export function requestItems(svc: Service, ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  return readRequestItems(db(svc), ids);
}

/** Everything stored under a request: the request, its branches and its audit events. */
export function requestPartition(svc: Service, requestId: string): Promise<Record<string, unknown>[]> {
  return readRequestPartition(db(svc), requestId);
}

/** Signs in at the local identity provider as an approver (the token survives restarts: its key is in the data folder). */
export async function approverToken(svc: Service): Promise<string> {
  for (;;) {
    const token = await signInForToken(svc.gateway(), { username: 'fault-suite', role: 'approver', controllers: '*' }, reach).catch(() => undefined);
    if (token) return token;
    await sleep(200);
  }
}

export interface Actors {
  /** Task links answered (vendor and staff mailbox). */
  answered: Set<string>;
  /** Staff decisions taken, by `requestId processorId`. */
  retries: Map<string, number>;
  handDone: Set<string>;
}

export function newActors(): Actors {
  return { answered: new Set(), retries: new Map(), handDone: new Set() };
}

/**
 * One round of everyone who answers: the vendor and the staff mailbox open new task links and
 * answer "done"; an approver takes each request waiting in its closing review and retries its
 * failed branches, or after `maxRetries` records them done by hand.
 */
export async function actOnce(svc: Service, ses: FlakyProxy, token: string, actors: Actors, maxRetries = 3): Promise<void> {
  const tasks = sentEmails(ses)
    .filter((m) => m.to.includes(VENDOR) || m.to.includes(STAFF))
    .flatMap((m) => linksIn(m.raw))
    .filter((l) => l.includes('/v1/tasks/'));
  await Promise.all(
    tasks
      .filter((l) => !actors.answered.has(l))
      .map(async (link) => {
        const res = await tryFetch((via) =>
          answerTaskLink(
            link,
            // An export's "done" brings its file; other tasks ignore it.
            { outcome: 'done', note: 'done by the fault suite', file: { name: 'export.txt', content: 'records found by the fault suite' } },
            { origin: svc.gateway(), via },
          ),
        );
        const text = res ? await res.text() : '';
        // 200: answered; 4xx: the link no longer applies (answered already, or replaced): nothing more to do
        if (res && res.status < 500) actors.answered.add(link);
        void text;
      }),
  );

  const auth = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const list = await tryFetch((via) => via(`${svc.gateway()}/v1/staff/requests?status=in_review`, { headers: auth }));
  if (!list?.ok) return;
  const { requests } = (await list.json()) as { requests: { requestId: string }[] };
  for (const { requestId } of requests) {
    const detail = await tryFetch((via) => via(`${svc.gateway()}/v1/staff/requests/${requestId}`, { headers: auth }));
    if (!detail?.ok) continue;
    const { allowedDecisions } = (await detail.json()) as { allowedDecisions: { retry_branch: string[]; complete_task: string[] } };
    for (const processorId of allowedDecisions.retry_branch) {
      const key = `${requestId} ${processorId}`;
      const tries = actors.retries.get(key) ?? 0;
      const body =
        tries < maxRetries ? { decision: 'retry_branch', processorId } : { decision: 'complete_task', processorId, note: 'done by hand (fault suite)' };
      const res = await tryFetch((via) => decideOn(svc.gateway(), token, requestId, body, via));
      if (res?.ok) {
        if (tries < maxRetries) actors.retries.set(key, tries + 1);
        else actors.handDone.add(key);
      }
      await res?.body?.cancel().catch(() => undefined);
    }
  }
}

/** Acts until every tracked request is final; `between` runs each round (e.g. to crash the runtime). */
export async function driveToFinal(
  svc: Service,
  ses: FlakyProxy,
  tracked: Tracked[],
  opts: { maxRounds?: number; between?: (round: number) => Promise<void> } = {},
): Promise<Map<string, Record<string, unknown>>> {
  const actors = newActors();
  const ids = tracked.map((t) => t.requestId!);
  let token = await approverToken(svc);
  let lastError: unknown;
  for (let round = 0; ; round++) {
    await opts.between?.(round);
    try {
      await actOnce(svc, ses, token, actors);
      const items = await requestItems(svc, ids);
      if (ids.every((id) => FINAL.includes(items.get(id)?.status as string))) return items;
    } catch (err) {
      lastError = err;
      token = await approverToken(svc); // the service went away mid-round: next round
    }
    if (round > (opts.maxRounds ?? 2_000)) {
      const items = await requestItems(svc, ids);
      const open = ids.filter((id) => !FINAL.includes(items.get(id)?.status as string)).map((id) => `${id}: ${items.get(id)?.status}`);
      throw new Error(`${open.length} request(s) not final after ${round} rounds: ${open.slice(0, 10).join(', ')} (last error: ${String(lastError)})`);
    }
    await sleep(300);
  }
}

/** Emails the SES proxy saw accepted, counted per recipient for a request (its id in the email). */
export function emailsAbout(ses: FlakyProxy, requestId: string): { to: string; subject: string }[] {
  return sentEmails(ses)
    .filter((m) => m.raw.includes(requestId))
    .flatMap((m) => m.to.map((to) => ({ to, subject: m.subject })));
}

/** The work the fake processor did per subject: one entry per processor-side request, its count of work. */
export function workPerSubject(
  fake: { work: Map<string, Map<string, number>> },
  tracked: Tracked[],
  identityOf: (email: string) => string,
): { email: string; work: number[] }[] {
  return tracked.map((t) => ({ email: t.email, work: [...(fake.work.get(identityOf(t.email))?.values() ?? [])] }));
}

/** Per subject: emails to their address; per vendor and staff task: times sent out (audit) and emails with its link. */
/** One copy of an email: when SES accepted it, and whether it says it is sent again (web/emails/email.ts `asRepeat`). */
export interface Copy {
  at: number;
  markedRepeat: boolean;
}

/** What a request's mail came to, with each copy of the answer and of each task email, for telling a crash's repeat from a bug's. */
export interface RequestMail {
  requestId: string;
  toSubject: number;
  verification: number;
  /** The receipt sent on confirming (best effort: an outage may leave a request without one). */
  receipts: number;
  receiptCopies: Copy[];
  answers: number;
  answerCopies: Copy[];
  /**
   * Per task: `submitted` the times it went out (distinct `branch_submitted` times), `submittedEvents`
   * the events themselves (more only where two invocations recorded one submission).
   */
  tasks: { processorId: string; submitted: number; submittedEvents: number; emails: number; copies: Copy[] }[];
}

const REPEAT_PREFIXES = LOCALES.map((l) => `${texts[l].email.repeat.subjectPrefix}: `);
/** A subject without the "Sent again: " an email sent again after a crash starts with. */
export const withoutRepeatMark = (subject: string): string => REPEAT_PREFIXES.reduce((s, x) => (s.startsWith(x) ? s.slice(x.length) : s), subject);
const copyOf = (m: { at: number; subject: string }): Copy => ({ at: m.at, markedRepeat: REPEAT_PREFIXES.some((x) => m.subject.startsWith(x)) });

export async function mailPerRequest(svc: Service, ses: FlakyProxy, tracked: Tracked[]): Promise<RequestMail[]> {
  const mail = sentEmails(ses);
  const out = [];
  for (const t of tracked) {
    const partition = await requestPartition(svc, t.requestId!);
    const tasks = (
      [
        [VENDOR, 'bookkeeping'],
        [STAFF, 'shared-mailbox'],
      ] as const
    ).map(([to, processorId]) => {
      const emails = mail.filter((m) => m.to.includes(to) && m.raw.includes(`/v1/tasks/${t.requestId}/${processorId}`));
      const submissions = partition.filter((i) => i.event === 'branch_submitted' && (i.detail as { processorId: string }).processorId === processorId);
      return {
        processorId,
        submitted: new Set(submissions.map((i) => i.at)).size,
        submittedEvents: submissions.length,
        emails: emails.length,
        copies: emails.map(copyOf),
      };
    });
    const toSubject = mail.filter((m) => m.to.includes(t.email));
    const isVerification = (raw: string) => raw.includes(`/v1/requests/${t.requestId}/verify?token=`);
    const receiptSubjects = LOCALES.map((l) =>
      texts[l].email.reference.subject({ subject: texts[l].receipt.subject({ controller: 'Demo Association' }), reference: t.requestId! }),
    );
    const receipts = toSubject.filter((m) => receiptSubjects.includes(withoutRepeatMark(m.subject)));
    const answers = toSubject.filter((m) => !isVerification(m.raw) && !receipts.includes(m));
    out.push({
      requestId: t.requestId!,
      toSubject: toSubject.length,
      verification: toSubject.length - answers.length - receipts.length,
      receipts: receipts.length,
      receiptCopies: receipts.map(copyOf),
      answers: answers.length,
      answerCopies: answers.map(copyOf),
      tasks,
    });
  }
  return out;
}
