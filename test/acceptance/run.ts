/**
 * `npm run test:acceptance -- --base-url URL [options]`: the data subject's journey (journey.ts)
 * against any deployment, or a local runtime started with `npm start`.
 *
 *   --base-url URL        the service's public base URL (required)
 *   --mailbox M           where the service's mail is read: the SES emulator's URL (the default for a
 *                         localhost base URL: http://localhost:8005), or s3://bucket/prefix/ where an
 *                         SES receipt rule's S3 action stores raw messages
 *   --email ADDRESS       the subject's address (the mailbox must receive it); default with the
 *                         emulator: a fresh acceptance-<id>@example.org
 *   --mail-domain DOMAIN  instead of --email: a fresh acceptance-<id>@DOMAIN
 *   --controller ID       the controller to ask (default: the form's default)
 *   --region REGION       the S3 bucket's region (default: AWS_REGION, the SDK's default chain)
 *   --timeout-seconds N   how long each request may take to be answered (default 300)
 *   --no-answer-tasks     leave task links found in the mailbox unanswered
 *
 * The deployment's register decides how requests are answered: for an unattended run, its
 * processors answer by themselves, or their task emails reach the mailbox too (the journey
 * answers task links it finds as "nothing found"). Requests it makes count against the intake
 * limits (per mailbox, per domain, per client) like anyone's.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { S3Client } from '@aws-sdk/client-s3';
import { runSubjectJourney } from './journey.ts';
import { s3Mailbox, sesEmulatorMailbox } from './mailboxes.ts';

const { values } = parseArgs({
  options: {
    'base-url': { type: 'string' },
    mailbox: { type: 'string' },
    email: { type: 'string' },
    'mail-domain': { type: 'string' },
    controller: { type: 'string' },
    region: { type: 'string' },
    'timeout-seconds': { type: 'string', default: '300' },
    'no-answer-tasks': { type: 'boolean', default: false },
  },
  strict: true,
});

function fail(message: string): never {
  console.error(`test:acceptance: ${message}`);
  process.exit(2);
}

const baseUrl = values['base-url'] ?? fail('--base-url URL is required');
let base: URL;
try {
  base = new URL(baseUrl);
} catch {
  fail('--base-url is not a URL');
}
const isLocal = ['localhost', '127.0.0.1', '[::1]'].includes(base.hostname);
const mailboxArg = values.mailbox ?? (isLocal ? 'http://localhost:8005' : fail('--mailbox s3://bucket/prefix/ is required for a deployment'));
const timeoutSeconds = Number(values['timeout-seconds']);
if (!Number.isInteger(timeoutSeconds) || timeoutSeconds <= 0) fail('--timeout-seconds must be a positive whole number');

const s3Target = mailboxArg.match(/^s3:\/\/([^/]+)\/?(.*)$/);
const mailbox = s3Target
  ? s3Mailbox(new S3Client(values.region ? { region: values.region } : {}), s3Target[1]!, s3Target[2] ?? '')
  : /^https?:\/\//.test(mailboxArg)
    ? sesEmulatorMailbox(mailboxArg)
    : fail('--mailbox must be s3://bucket/prefix/ or the SES emulator http(s) URL');

const id = randomBytes(4).toString('hex');
const email =
  values.email ??
  (values['mail-domain']
    ? `acceptance-${id}@${values['mail-domain']}`
    : s3Target
      ? fail('--email or --mail-domain is required with an S3 mailbox')
      : `acceptance-${id}@example.org`);

console.log(`Acceptance journey against ${base.origin}, mail read from ${mailbox.description}`);
try {
  const report = await runSubjectJourney({
    baseUrl: baseUrl.replace(/\/+$/, ''),
    mailbox,
    email,
    controller: values.controller,
    answerTasks: !values['no-answer-tasks'],
    timeoutMs: timeoutSeconds * 1000,
    log: (line) => console.log(`  ${line}`),
  });
  console.log(`Passed: access request ${report.accessRequestId}, erasure request ${report.erasureRequestId}`);
} catch (err) {
  console.error(`Failed: ${(err as Error).message}`);
  process.exit(1);
}
