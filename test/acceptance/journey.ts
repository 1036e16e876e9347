/**
 * The data subject's journey, end to end, against any deployment: the form, an access request
 * confirmed from the mailbox, its status, its package downloaded, then an erasure. Only HTTP and a
 * mailbox: nothing here knows whether the service runs on this machine or in AWS. The vitest file
 * beside it (local.test.ts, part of `npm test`) runs it against the local runtime;
 * `npm run test:acceptance -- --base-url URL` (run.ts) runs it against a deployment.
 *
 * No vitest here: a failed check throws an error naming the step.
 */
import { texts } from '../../web/texts/all.ts';
import { poll } from '../harness/poll.ts';

/** One message as a mailbox adapter reads it. */
export interface JourneyMail {
  /** Recipients, lower-case. */
  to: string[];
  subject: string;
  /** The text part. */
  text: string;
}

/** Where the journey reads the service's mail: the local SES emulator, or an S3 bucket SES receiving writes to. */
export interface MailboxAdapter {
  /** What it reads, for messages (no secrets). */
  readonly description: string;
  /** Every message it holds now (the journey filters by recipient and request). */
  messages(): Promise<JourneyMail[]>;
}

/** What the journey needs. */
export interface JourneyOptions {
  /** The service's public base URL (`PUBLIC_BASE_URL`), without a trailing slash. */
  baseUrl: string;
  mailbox: MailboxAdapter;
  /** The data subject's address: one the mailbox receives. */
  email: string;
  /** The controller to ask; the form's default when left out. */
  controller?: string;
  /** Answers the one-time task links (email vendors, staff tasks) of the journey's requests found in the mailbox, as "nothing found". @default true */
  answerTasks?: boolean;
  /** How long each request may take to reach its answer. @default 120 s */
  timeoutMs?: number;
  /** Told of each step as it passes. */
  log?: (line: string) => void;
}

/** What the journey did, step by step. */
export interface JourneyReport {
  accessRequestId: string;
  erasureRequestId: string;
  steps: { step: string; ms: number }[];
}

/** The statuses a request ends in. */
const FINAL = ['completed', 'denied', 'closed_unverified', 'cancelled'];

/** Every http(s) link in a text, each once. */
export function linksInText(text: string): string[] {
  return [...new Set(text.match(/https?:\/\/[^\s<>"'\\)]+/g) ?? [])];
}

class JourneyError extends Error {
  override name = 'JourneyError';
}

function check(ok: unknown, step: string, what: string): asserts ok {
  if (!ok) throw new JourneyError(`${step}: ${what}`);
}

/** The journey's steps, timed and logged. */
class Steps {
  readonly done: { step: string; ms: number }[] = [];
  constructor(private readonly log: (line: string) => void) {}
  async run<T>(step: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await work();
    const ms = Date.now() - started;
    this.done.push({ step, ms });
    this.log(`ok  ${step} (${ms} ms)`);
    return result;
  }
}

/** Runs the subject's journey; throws a `JourneyError` naming the first step that failed. */
export async function runSubjectJourney(opts: JourneyOptions): Promise<JourneyReport> {
  const base = opts.baseUrl.replace(/\/+$/, '');
  const email = opts.email.trim();
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const steps = new Steps(opts.log ?? (() => {}));
  const answered = new Set<string>();

  const mailTo = async (match: (m: JourneyMail) => boolean, step: string): Promise<JourneyMail> =>
    poll(async () => (await opts.mailbox.messages()).find((m) => m.to.includes(email.toLowerCase()) && match(m)), {
      timeoutMs,
      everyMs: 500,
      failure: () => `${step}: no such email to the subject in ${opts.mailbox.description} within ${timeoutMs} ms`,
    });

  /** Answers the task links of a request in the mailbox, each once, as "nothing found about this person". */
  const answerTasks = async (requestId: string): Promise<void> => {
    if (opts.answerTasks === false) return;
    const links = (await opts.mailbox.messages()).flatMap((m) => linksInText(m.text)).filter((l) => l.includes(`/v1/tasks/${requestId}/`));
    for (const link of links) {
      const url = new URL(link);
      const key = `${url.pathname}?${url.searchParams.get('token')}`;
      if (answered.has(key)) continue;
      answered.add(key);
      const form = new FormData();
      form.set('outcome', 'not_found');
      form.set('note', 'Acceptance test: nothing held about this person.');
      // The task page's form posts back to the link itself: the token travels in its query.
      const res = await fetch(`${base}${url.pathname}${url.search}`, { method: 'POST', body: form });
      await res.body?.cancel();
      // 200 answered; 409/410 answered already or no longer waiting: neither stops the journey.
      check([200, 409, 410].includes(res.status), 'answer task links', `a task link answered ${res.status}`);
    }
  };

  /** Submits a request, confirms it from its verification email, and returns its id and status link. */
  const submitAndConfirm = async (type: 'access' | 'erasure'): Promise<{ requestId: string; statusUrl: string }> => {
    const { requestId } = await steps.run(`${type}: submit`, async () => {
      const res = await fetch(`${base}/v1/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ type, email, locale: 'en', ...(opts.controller ? { controller: opts.controller } : {}) }),
      });
      const body = (await res.json().catch(() => ({}))) as { requestId?: string; status?: string };
      check(res.status === 202, `${type}: submit`, `intake answered ${res.status}: ${JSON.stringify(body).slice(0, 300)}`);
      check(body.status === 'awaiting_verification' && typeof body.requestId === 'string', `${type}: submit`, 'the answer is not an accepted request');
      return { requestId: body.requestId };
    });
    const link = await steps.run(`${type}: verification email`, async () => {
      const isLink = (l: string) => l.includes(`/v1/requests/${requestId}/verify?token=`);
      const mail = await mailTo((m) => linksInText(m.text).some(isLink), `${type}: verification email`);
      return linksInText(mail.text).find(isLink)!;
    });
    const statusUrl = await steps.run(`${type}: confirm`, async () => {
      const page = await fetch(link);
      check(page.status === 200, `${type}: confirm`, `the verification link answered ${page.status}`);
      check((await page.text()).includes('<form'), `${type}: confirm`, 'the verification page has no confirm button');
      const url = new URL(link);
      const confirmed = await fetch(`${base}${url.pathname}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        body: new URLSearchParams({ token: url.searchParams.get('token') ?? '' }).toString(),
      });
      const html = await confirmed.text();
      check(confirmed.status === 200, `${type}: confirm`, `confirming answered ${confirmed.status}`);
      const status = html.match(/https?:\/\/[^\s<>"']+\/status\?key=[A-Za-z0-9_-]+/)?.[0]?.replace(/&amp;/g, '&');
      check(status, `${type}: confirm`, 'the confirmed page shows no status link');
      // The link is used now: opened again, it must not show the status link (issue 17, item 12).
      const again = await (await fetch(link)).text();
      check(!again.includes('/status?key='), `${type}: confirm`, 'a used verification link still shows the status link');
      return status;
    });
    return { requestId, statusUrl };
  };

  const statusOf = async (statusUrl: string, step: string): Promise<{ requestId: string; status: string }> => {
    const res = await fetch(statusUrl, { headers: { accept: 'application/json' } });
    check(res.status === 200, step, `the status link answered ${res.status}`);
    return (await res.json()) as { requestId: string; status: string };
  };

  /** Waits for a request's final status, answering its task links meanwhile. */
  const waitForAnswer = async (type: string, requestId: string, statusUrl: string): Promise<string> => {
    const step = `${type}: answered`;
    let last = '';
    return steps.run(step, () =>
      poll(
        async () => {
          await answerTasks(requestId);
          last = (await statusOf(statusUrl, step)).status;
          return FINAL.includes(last) ? last : undefined;
        },
        { timeoutMs, everyMs: 1_000, failure: () => `${step}: the request is still ${last} after ${timeoutMs} ms` },
      ),
    );
  };

  await steps.run('the form', async () => {
    // With several controllers `/` lists them; each has its own form.
    const path = opts.controller ? `/c/${encodeURIComponent(opts.controller)}` : '/';
    const res = await fetch(`${base}${path}`);
    check(res.status === 200, 'the form', `GET ${path} answered ${res.status}`);
    const html = await res.text();
    check(html.includes('<form') || html.includes('href="/c/'), 'the form', `GET ${path} shows no form and no list of forms`);
  });

  // An access request: confirmed, followed, answered, its package downloaded.
  const access = await submitAndConfirm('access');
  await steps.run('access: status', async () => {
    const view = await statusOf(access.statusUrl, 'access: status');
    check(view.requestId === access.requestId, 'access: status', 'the status link shows another request');
    check(['received', 'in_review', 'in_progress', 'completed'].includes(view.status), 'access: status', `the confirmed request is ${view.status}`);
  });
  const accessOutcome = await waitForAnswer('access', access.requestId, access.statusUrl);
  check(accessOutcome === 'completed', 'access: answered', `the request ended ${accessOutcome}`);
  await steps.run('access: package', async () => {
    const isDownload = (l: string) => l.includes(`/v1/requests/${access.requestId}/package?token=`);
    const mail = await mailTo((m) => linksInText(m.text).some(isDownload), 'access: package');
    const download = linksInText(mail.text).find(isDownload)!;
    const redirect = await fetch(download, { redirect: 'manual' });
    check(redirect.status === 302, 'access: package', `the download link answered ${redirect.status}`);
    const zip = await fetch(redirect.headers.get('location') ?? '');
    check(zip.status === 200, 'access: package', `the package answered ${zip.status}`);
    const bytes = Buffer.from(await zip.arrayBuffer());
    check(bytes.subarray(0, 2).toString('latin1') === 'PK', 'access: package', 'the package is not a ZIP');
    check(bytes.includes('index.html'), 'access: package', 'the package has no index.html');
  });

  // Then erasure, for the same address.
  const erasure = await submitAndConfirm('erasure');
  // The journey writes in English: the receipt is the email with its closing words.
  const isReceipt = (m: JourneyMail) => m.text.includes(texts.en.receipt.keep);
  await steps.run('erasure: receipt', async () => {
    // Right after confirming: the reference in the subject and the body, and the status link.
    const statusPath = new URL(erasure.statusUrl).pathname;
    const receipt = await mailTo((m) => isReceipt(m) && m.subject.includes(erasure.requestId), 'erasure: receipt');
    check(receipt.text.includes(statusPath), 'erasure: receipt', 'the receipt has no status link');
    check(receipt.text.includes(texts.en.email.reference.line({ reference: erasure.requestId })), 'erasure: receipt', 'the receipt does not name the request');
  });
  const erasureOutcome = await waitForAnswer('erasure', erasure.requestId, erasure.statusUrl);
  check(erasureOutcome === 'completed', 'erasure: answered', `the request ended ${erasureOutcome}`);
  await steps.run('erasure: answer email', async () => {
    // The completion email names the request's status link.
    const statusPath = new URL(erasure.statusUrl).pathname;
    await mailTo((m) => m.text.includes(statusPath) && !m.text.includes('/verify?token=') && !isReceipt(m), 'erasure: answer email');
  });
  return { accessRequestId: access.requestId, erasureRequestId: erasure.requestId, steps: steps.done };
}
