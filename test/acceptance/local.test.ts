/**
 * The acceptance journey (journey.ts, the same code `npm run test:acceptance -- --base-url URL`
 * runs against a deployment) against the local runtime: once reading the SES emulator's mailbox,
 * once reading raw MIME messages from an S3 bucket, as SES receiving would store them.
 */
import { randomBytes } from 'node:crypto';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { type StoredEmail, useRuntime } from '../harness';
import { type JourneyMail, type MailboxAdapter, runSubjectJourney } from './journey';
import { parseRawMessage, s3Mailbox, sesEmulatorMailbox } from './mailboxes';

const local = useRuntime();

/** A fresh subject address: unknown to the demo stores, so each run is its own. */
const freshAddress = () => `acceptance-${randomBytes(4).toString('hex')}@example.org`;

/** A base64 body part, lines of 76 characters as MIME wants them. */
const base64Part = (text: string) => Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n');

/** An email as SES receiving stores it: raw MIME, multipart/alternative with base64 text and HTML parts. */
function rawMime(email: StoredEmail & { to?: string }): string {
  const boundary = `b-${randomBytes(6).toString('hex')}`;
  return [
    `From: ${email.from}`,
    `To: ${email.destination.to.join(', ')}`,
    `Subject: =?UTF-8?B?${Buffer.from(email.subject, 'utf8').toString('base64')}?=`,
    `Message-ID: <${email.messageId}@email.amazonses.com>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Part(email.body.text ?? ''),
    `--${boundary}`,
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Part(email.body.html ?? ''),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('the acceptance journey against the local runtime', () => {
  it('submits, confirms through the mailbox, follows the status, downloads the package and erases', async () => {
    const lines: string[] = [];
    const report = await runSubjectJourney({
      baseUrl: local.rt.urls.gateway,
      mailbox: sesEmulatorMailbox(local.rt.urls.ses),
      email: freshAddress(),
      controller: 'demo-association',
      log: (l) => lines.push(l),
    });
    expect(report.steps.map((s) => s.step)).toEqual([
      'the form',
      'access: submit',
      'access: verification email',
      'access: confirm',
      'access: status',
      'access: answered',
      'access: package',
      'erasure: submit',
      'erasure: verification email',
      'erasure: confirm',
      'erasure: receipt',
      'erasure: answered',
      'erasure: answer email',
    ]);
    expect(lines).toHaveLength(report.steps.length);
    expect(report.accessRequestId).not.toBe(report.erasureRequestId);
  });

  it('reads the mail from an S3 bucket that SES receiving writes raw MIME to', async () => {
    const s3 = new S3Client({
      endpoint: local.rt.urls.s3,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const bucket = 'ses-inbound';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // SES receiving, standing in: every message the service sent is stored as raw MIME under the rule's prefix.
    const stored = new Set<string>();
    const receiving: MailboxAdapter = {
      description: 'the SES emulator, copied to S3 as SES receiving stores mail',
      async messages(): Promise<JourneyMail[]> {
        const { emails } = (await (await fetch(`${local.rt.urls.ses}/store`)).json()) as { emails: StoredEmail[] };
        for (const email of emails.filter((e) => !stored.has(e.messageId))) {
          await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `inbound/${email.messageId}`, Body: rawMime(email) }));
          stored.add(email.messageId);
        }
        return s3Mailbox(s3, bucket, 'inbound/').messages();
      },
    };
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'inbound/AMAZON_SES_SETUP_NOTIFICATION', Body: 'not a message' }));

    const report = await runSubjectJourney({ baseUrl: local.rt.urls.gateway, mailbox: receiving, email: freshAddress() });
    expect(report.steps.at(-1)?.step).toBe('erasure: answer email');

    // What the adapter parsed is what the service sent.
    const [email] = ((await (await fetch(`${local.rt.urls.ses}/store`)).json()) as { emails: StoredEmail[] }).emails;
    const parsed = await parseRawMessage(Buffer.from(rawMime(email!)));
    expect(parsed).toEqual({ to: email!.destination.to.map((t) => t.toLowerCase()), subject: email!.subject, text: email!.body.text });
  });
});
