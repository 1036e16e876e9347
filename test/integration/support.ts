import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect } from 'vitest';
import { type LocalRuntimeOptions, startLocalRuntime } from '../../local/runtime';

import { LOOSE_INTAKE_LIMITS } from '../fixtures/intake-limits';

export { LOOSE_INTAKE_LIMITS };

/** A running local runtime on free ports with its own data folder. */
export type Runtime = Awaited<ReturnType<typeof startLocalRuntime>>;

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'dsr-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts the runtime on free ports (or the given ones, to restart where it was), quietly, with
 * short retries and a quick demo OpenDSR processor; `overrides` change any of that.
 */
export function start(dataDir: string, ports?: Runtime['ports'], overrides: Partial<LocalRuntimeOptions> = {}): Promise<Runtime> {
  return startLocalRuntime({
    dataDir,
    quiet: true,
    retryIntervalScale: 0.01,
    sweepIntervalMs: 3_600_000,
    scheduleTimers: false,
    // Suites send many requests from one address and client; test/integration/abuse.test.ts checks the limits.
    environment: LOOSE_INTAKE_LIMITS,
    demoCallbackDelayMs: 100,
    ports: ports ?? { gateway: 0, dynamodb: 0, ses: 0, s3: 0, sfn: 0, newsletter: 0 },
    ...overrides,
  });
}

/** A test file's runtime: filled in before its tests run, stopped and removed after them. */
export interface LocalRun {
  rt: Runtime;
  /** The emulated DynamoDB, for reading what the service stored. */
  db: DynamoDBDocumentClient;
  dataDir: string;
}

/** Starts a runtime for the calling test file (beforeAll) and stops it afterwards (afterAll). */
export function useRuntime(overrides: Partial<LocalRuntimeOptions> = {}): LocalRun {
  const local = {} as LocalRun;
  beforeAll(async () => {
    local.dataDir = tempDataDir();
    local.rt = await start(local.dataDir, undefined, overrides);
    local.db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: local.rt.urls.dynamodb }));
  });
  afterAll(async () => {
    await local.rt?.stop();
    if (local.dataDir) removeDir(local.dataDir);
  });
  return local;
}

/** An email as the SES emulator's store lists it. */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

export async function mailbox(rt: Runtime): Promise<StoredEmail[]> {
  const res = await fetch(`${rt.urls.ses}/store`);
  return ((await res.json()) as { emails: StoredEmail[] }).emails;
}

/** Waits for the n-th email to an address (1-based) and returns it. */
export async function waitForEmail(rt: Runtime, to: string, nth = 1, timeoutMs = 20_000): Promise<StoredEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mine = (await mailbox(rt)).filter((e) => e.destination.to.includes(to));
    if (mine.length >= nth) return mine[nth - 1]!;
    if (Date.now() > deadline) throw new Error(`no email #${nth} to ${to} within ${timeoutMs} ms (has ${mine.length})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Every http(s) link in an email's text part. */
export function linksIn(email: StoredEmail): string[] {
  return [...new Set((email.body.text ?? '').match(/https?:\/\/[^\s<>"')]+/g) ?? [])];
}

export async function submit(rt: Runtime, body: Record<string, unknown>): Promise<{ requestId: string; status: string }> {
  const res = await fetch(`${rt.urls.gateway}/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(202);
  return (await res.json()) as { requestId: string; status: string };
}

/** Follows the verification email's link like a person: open the page, press the confirm button. */
export async function confirmFromEmail(_rt: Runtime, email: StoredEmail): Promise<Response> {
  const [link] = linksIn(email).filter((l) => l.includes('/verify?token='));
  expect(link).toBeDefined();
  const page = await fetch(link!);
  expect(page.status).toBe(200);
  const url = new URL(link!);
  return fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ token: url.searchParams.get('token')! }).toString(),
  });
}

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
  expect(res.status).toBe(200);
  return (await res.json()) as StatusView;
}

/** Polls the status link until the request reaches a final status. */
export async function waitForFinal(statusUrl: string, timeoutMs = 30_000): Promise<StatusView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await statusOf(statusUrl);
    if (['completed', 'denied', 'closed_unverified', 'cancelled'].includes(view.status)) return view;
    if (Date.now() > deadline) throw new Error(`request still ${view.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The status link a page or an email carries (HTML-escaped ampersands undone). */
export function statusLinkIn(text: string): string {
  const match = text.match(/https?:\/\/[^\s<>"']+\/status\?key=[A-Za-z0-9_-]+/);
  if (!match) throw new Error('no status link found');
  return match[0].replace(/&amp;/g, '&');
}

/** The demo register's email-only vendor and staff assignee. */
export const VENDOR = 'privacy@bookkeeping.example';
export const STAFF = 'office@demo-association.example';

/** Waits for the email to `to` about a request (its reference is in the text) and returns its task link. */
export async function taskLinkFor(rt: Runtime, to: string, requestId: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await mailbox(rt)).filter((e) => e.destination.to.includes(to) && (e.body.text ?? '').includes(requestId));
    const link = mail
      .flatMap(linksIn)
      .reverse()
      .find((l) => l.includes(`/v1/tasks/${requestId}/`));
    if (link) return link;
    if (Date.now() > deadline) throw new Error(`no task link to ${to} for ${requestId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Answers a task link like its vendor or staff member: done (or nothing found), with a note and maybe a file. */
export async function answerTaskLink(
  link: string,
  answer: { outcome?: 'done' | 'not_found'; note?: string; file?: { name: string; content: string } } = {},
): Promise<Response> {
  const url = new URL(link);
  const form = new FormData();
  form.set('token', url.searchParams.get('token')!);
  form.set('outcome', answer.outcome ?? 'done');
  if (answer.note) form.set('note', answer.note);
  if (answer.file) form.set('export', new Blob([answer.file.content], { type: 'text/plain' }), answer.file.name);
  return fetch(`${url.origin}${url.pathname}`, { method: 'POST', body: form });
}

/** Answers the demo register's vendor and staff tasks of a request, as they would. */
export async function answerDemoTasks(rt: Runtime, requestId: string): Promise<void> {
  for (const to of [VENDOR, STAFF]) {
    const res = await answerTaskLink(await taskLinkFor(rt, to, requestId));
    expect(res.status).toBe(200);
  }
}

/** Signs in at the local identity provider (the stand-in for the Cognito hosted UI) and returns the id token. */
export async function staffToken(rt: Runtime, role: string, controllers = '*', username = 'staff-1'): Promise<string> {
  const res = await fetch(`${rt.urls.gateway}/local/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ username, role, controllers }).toString(),
  });
  expect([302, 303]).toContain(res.status);
  const token = new URLSearchParams(new URL(res.headers.get('location')!, rt.urls.gateway).hash.slice(1)).get('id_token');
  expect(token).toBeTruthy();
  return token!;
}

/** A staff decision through the staff API, as the console posts it. */
export function decideOn(rt: Runtime, token: string, requestId: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${rt.urls.gateway}/v1/staff/requests/${requestId}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** Polls the status link until the request has `status`. */
export async function waitForStatus(statusUrl: string, status: string, timeoutMs = 30_000): Promise<StatusView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await statusOf(statusUrl);
    if (view.status === status) return view;
    if (Date.now() > deadline) throw new Error(`request still ${view.status} (not ${status}) after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Submits a request, confirms it from the verification email, and returns its id and status link. */
export async function submitConfirmed(rt: Runtime, body: Record<string, unknown> & { email: string }): Promise<{ requestId: string; statusUrl: string }> {
  const { requestId } = await submit(rt, body);
  const confirmed = await confirmFromEmail(rt, await verificationEmailFor(rt, body.email, requestId));
  return { requestId, statusUrl: statusLinkIn(await confirmed.text()) };
}

/** Waits for the verification email of one request (its link names the request). */
export async function verificationEmailFor(rt: Runtime, to: string, requestId: string, timeoutMs = 20_000): Promise<StoredEmail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailbox(rt)).find(
      (e) => e.destination.to.includes(to) && linksIn(e).some((l) => l.includes(`/v1/requests/${requestId}/verify?token=`)),
    );
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no verification email to ${to} for ${requestId} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Keeps everything this process writes to stdout and stderr from now on (the handlers run in it,
 * so their logs land here), for tests that look for personal data in the logs.
 */
export function captureOutput(): string[] {
  const output: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  return output;
}
