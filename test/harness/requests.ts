/**
 * What a data subject and a vendor do over HTTP: submit a request, confirm it from the
 * verification email, follow the status link, answer a task link. Each call takes the `fetch`
 * to use, so the fault suites can pass one that outlasts a service that is down.
 */
import { linksIn, STAFF, type StoredEmail, statusLinkIn, taskLinkFor, VENDOR, verificationEmailFor } from './mailbox.ts';
import { poll } from './poll.ts';
import type { Runtime } from './runtime.ts';

/** How a call reaches the service. */
export type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The statuses a request ends in. */
export const FINAL_STATUSES = ['completed', 'denied', 'closed_unverified', 'cancelled', 'undeliverable'];

/** POST /v1/requests as JSON, as the form's script sends it; the answer as it came. */
export function postRequest(gateway: string, body: Record<string, unknown>, via: Fetch = fetch): Promise<Response> {
  return via(`${gateway}/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
}

/** Submits a request; throws unless intake accepted it (202). */
export async function submit(rt: Runtime, body: Record<string, unknown>): Promise<{ requestId: string; status: string }> {
  const res = await postRequest(rt.urls.gateway, body);
  if (res.status !== 202) throw new Error(`intake answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
  return (await res.json()) as { requestId: string; status: string };
}

/**
 * Presses the confirm button of a verification link (the POST that starts the workflow). `origin`
 * sends it to the gateway by another name than the link's.
 */
export function pressConfirm(link: string, { origin, via = fetch }: { origin?: string; via?: Fetch } = {}): Promise<Response> {
  const url = new URL(link);
  return via(`${origin ?? url.origin}${url.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ token: url.searchParams.get('token')! }).toString(),
  });
}

/** Presses confirm on a verification link; throws unless the page says it is confirmed (200). */
export async function confirmLink(link: string): Promise<void> {
  const res = await pressConfirm(link);
  await res.text();
  if (res.status !== 200) throw new Error(`confirm answered ${res.status}`);
}

/** Follows the verification email's link like a person: open the page, press the confirm button. */
export async function confirmFromEmail(_rt: Runtime, email: StoredEmail): Promise<Response> {
  const [link] = linksIn(email).filter((l) => l.includes('/verify?token='));
  if (!link) throw new Error(`no verification link in email "${email.subject}"`);
  const page = await fetch(link);
  if (page.status !== 200) throw new Error(`the verification page answered ${page.status}`);
  return pressConfirm(link);
}

/** Submits a request, confirms it from the verification email, and returns its id and status link. */
export async function submitConfirmed(rt: Runtime, body: Record<string, unknown> & { email: string }): Promise<{ requestId: string; statusUrl: string }> {
  const { requestId } = await submit(rt, body);
  const confirmed = await confirmFromEmail(rt, await verificationEmailFor(rt, body.email, requestId));
  return { requestId, statusUrl: statusLinkIn(await confirmed.text()) };
}

/** The status page's JSON view. */
export interface StatusView {
  requestId: string;
  type: string;
  status: string;
  receivedAt: string | null;
  dueAt: string | null;
  processors: { id: string; status: string }[];
}

export async function statusOf(statusUrl: string): Promise<StatusView> {
  const res = await fetch(statusUrl, { headers: { accept: 'application/json' } });
  if (res.status !== 200) throw new Error(`the status page answered ${res.status}`);
  return (await res.json()) as StatusView;
}

/** Polls the status link until the request reaches a final status. */
export async function waitForFinal(statusUrl: string, timeoutMs = 30_000): Promise<StatusView> {
  let last = '';
  return poll(
    async () => {
      const view = await statusOf(statusUrl);
      last = view.status;
      return FINAL_STATUSES.includes(view.status) ? view : undefined;
    },
    { timeoutMs, failure: () => `request still ${last} after ${timeoutMs} ms` },
  );
}

/** Polls the status link until the request has `status`. */
export async function waitForStatus(statusUrl: string, status: string, timeoutMs = 30_000): Promise<StatusView> {
  let last = '';
  return poll(
    async () => {
      const view = await statusOf(statusUrl);
      last = view.status;
      return view.status === status ? view : undefined;
    },
    { timeoutMs, failure: () => `request still ${last} (not ${status}) after ${timeoutMs} ms` },
  );
}

/** A vendor's or staff member's answer to a task link: done (or nothing found), with a note and maybe a file (an export's "done" needs one). */
export interface TaskAnswer {
  outcome?: 'done' | 'not_found';
  note?: string;
  file?: { name: string; content: string };
}

/** Answers a task link like its vendor or staff member. `origin` as for {@link pressConfirm}. */
export function answerTaskLink(link: string, answer: TaskAnswer = {}, { origin, via = fetch }: { origin?: string; via?: Fetch } = {}): Promise<Response> {
  const url = new URL(link);
  const form = new FormData();
  form.set('outcome', answer.outcome ?? 'done');
  if (answer.note) form.set('note', answer.note);
  if (answer.file) form.set('export', new Blob([answer.file.content], { type: 'text/plain' }), answer.file.name);
  // The form posts back to the link itself: the token is in its query.
  return via(`${origin ?? url.origin}${url.pathname}${url.search}`, { method: 'POST', body: form });
}

/** Answers the demo register's vendor and staff tasks of a request, as they would: an export brings its file. */
export async function answerDemoTasks(rt: Runtime, requestId: string): Promise<void> {
  for (const to of [VENDOR, STAFF]) {
    const link = await taskLinkFor(rt, to, requestId);
    const asksForFile = (await (await fetch(link)).text()).includes('type="file"');
    const res = await answerTaskLink(link, asksForFile ? { file: { name: 'export.txt', content: `Records of request ${requestId}` } } : {});
    if (res.status !== 200) throw new Error(`the task link of ${to} answered ${res.status}`);
  }
}
