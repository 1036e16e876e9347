/**
 * The mail the service sends, as the SES emulator keeps it (its `/store`), and the links people
 * follow from it. The fault and crash suites read the same links from their SES proxy's record.
 */
import { clearMailbox } from '../../local/emulators.ts';
import { poll } from './poll.ts';
import type { Runtime } from './runtime.ts';

/** Empties the emulator's mailbox (module state of the process the runtime runs in), so reading it stays cheap. */
export { clearMailbox };

/** The demo register's email-only vendor, its staff assignee and its DPO. */
export const VENDOR = 'privacy@bookkeeping.example';
export const STAFF = 'office@demo-association.example';
export const DPO = 'dpo@demo-association.example';

/** An email as the SES emulator's store lists it. */
export interface StoredEmail {
  messageId: string;
  from: string;
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** Every email in the SES emulator's mailbox. */
export async function mailbox(rt: Pick<Runtime, 'urls'>): Promise<StoredEmail[]> {
  const res = await fetch(`${rt.urls.ses}/store`);
  return ((await res.json()) as { emails: StoredEmail[] }).emails;
}

/** Every http(s) link in a text (an email's text part, or a raw message), each once. */
export function linksInText(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"'\\)]+/g) ?? [])];
}

/** Every http(s) link in an email's text part. */
export function linksIn(email: StoredEmail): string[] {
  return linksInText(email.body.text ?? '');
}

/** The status link a page or an email carries (HTML-escaped ampersands undone). */
export function statusLinkIn(text: string): string {
  const match = text.match(/https?:\/\/[^\s<>"']+\/status\?key=[A-Za-z0-9_-]+/);
  if (!match) throw new Error('no status link found');
  return match[0].replace(/&amp;/g, '&');
}

/** Whether a link is the verification link of one request. */
export const isVerificationLinkOf = (requestId: string) => (link: string) => link.includes(`/v1/requests/${requestId}/verify?token=`);

/** Waits for the n-th email to an address (1-based) and returns it. */
export async function waitForEmail(rt: Runtime, to: string, nth = 1, timeoutMs = 20_000): Promise<StoredEmail> {
  let seen = 0;
  return poll(
    async () => {
      const mine = (await mailbox(rt)).filter((e) => e.destination.to.includes(to));
      seen = mine.length;
      return mine.length >= nth ? mine[nth - 1] : undefined;
    },
    { timeoutMs, failure: () => `no email #${nth} to ${to} within ${timeoutMs} ms (has ${seen})` },
  );
}

/** Waits for the verification email of one request (its link names the request). */
export async function verificationEmailFor(rt: Runtime, to: string, requestId: string, timeoutMs = 20_000): Promise<StoredEmail> {
  return poll(async () => (await mailbox(rt)).find((e) => e.destination.to.includes(to) && linksIn(e).some(isVerificationLinkOf(requestId))), {
    timeoutMs,
    failure: () => `no verification email to ${to} for ${requestId} within ${timeoutMs} ms`,
  });
}

/** Waits for the email to `to` about a request (its reference is in the text) and returns its task link. */
export async function taskLinkFor(rt: Runtime, to: string, requestId: string, timeoutMs = 20_000): Promise<string> {
  return poll(
    async () =>
      (await mailbox(rt))
        .filter((e) => e.destination.to.includes(to) && (e.body.text ?? '').includes(requestId))
        .flatMap(linksIn)
        .reverse()
        .find((l) => l.includes(`/v1/tasks/${requestId}/`)),
    { timeoutMs, failure: () => `no task link to ${to} for ${requestId} within ${timeoutMs} ms` },
  );
}

/** The verification links in the mailbox, by request id. */
export async function verificationLinks(rt: Runtime): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const email of await mailbox(rt)) {
    for (const m of (email.body.text ?? '').matchAll(/https?:\/\/\S+\/v1\/requests\/([0-9a-f-]+)\/verify\?token=[A-Za-z0-9_-]+/g)) links.set(m[1]!, m[0]);
  }
  return links;
}

/** Waits until the mailbox has a verification link for each id. */
export async function waitForVerificationLinks(rt: Runtime, ids: string[], timeoutMs = 30_000, everyMs = 50): Promise<Map<string, string>> {
  let missing = ids.length;
  return poll(
    async () => {
      const links = await verificationLinks(rt);
      missing = ids.filter((id) => !links.has(id)).length;
      return missing === 0 ? links : undefined;
    },
    { timeoutMs, everyMs, failure: () => `verification emails missing for ${missing} requests` },
  );
}
