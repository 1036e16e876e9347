/**
 * The local stand-in for SES receiving: an SMTP listener on loopback that does what the receipt rule
 * does in AWS. A message to a privacy address is stored in the package bucket under `inbound-mail/`
 * (the S3 action), then the receiving function is invoked with an SES receipt event (the Lambda action,
 * asynchronously: the SMTP answer does not wait for it). What SES decides by itself is emulated as
 * docs/ARCHITECTURE.md ("Requests by email") says: the size limit is SES's; verdicts are PASS unless
 * the message's own headers say otherwise, since nothing here can check SPF or DKIM.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

/** SES receives messages of up to 40 MB, headers included, with an S3 action (larger ones bounce). */
export const SES_RECEIVING_MAX_BYTES = 40 * 1024 * 1024;
/** SES's receipt rule's prefix (infra/constructs/package-bucket.ts). */
const INBOUND_MAIL_PREFIX = 'inbound-mail/';

export interface LocalSmtpOptions {
  port: number;
  /** The addresses the receipt rule names (the register's `privacyEmails`), lower-case. */
  recipients: readonly string[];
  s3: S3Client;
  bucket: string;
  /** The receipt event goes here (the receiving function, as Lambda invokes it). */
  deliver(event: unknown): Promise<unknown>;
  /** The function's ARN as the event's action names it. */
  functionArn: string;
  log(line: string): void;
}

export interface LocalSmtp {
  port: number;
  url: string;
  /** Resolves when every message received so far has been handed to the function and it returned. */
  settled(): Promise<void>;
  stop(): Promise<void>;
}

type Verdict = 'PASS' | 'FAIL' | 'GRAY' | 'PROCESSING_FAILED';

/** The top-level headers of a raw message, unfolded, by lower-case name (the first of each). */
export function topHeaders(raw: Buffer): Map<string, string> {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.subarray(0, end < 0 ? Math.min(raw.length, 65_536) : end).toString('latin1');
  const out = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const i = line.indexOf(':');
    if (i <= 0) continue;
    const name = line.slice(0, i).trim().toLowerCase();
    if (!out.has(name)) out.set(name, line.slice(i + 1).trim());
  }
  return out;
}

/**
 * The verdicts SES would give, as far as this machine can tell: PASS, unless the message says
 * otherwise in the headers SES itself writes (`X-SES-Spam-Verdict`, `X-SES-Virus-Verdict`) or in an
 * `Authentication-Results` header (`spf=fail`, `dkim=fail`, `dmarc=fail`), which is how a test or a
 * demo stands in for a forged sender.
 */
export function localVerdicts(headers: Map<string, string>): Record<'spam' | 'virus' | 'spf' | 'dkim' | 'dmarc', Verdict> {
  const status = (v: string | undefined): Verdict => {
    const s = (v ?? 'PASS').trim().toUpperCase();
    return s === 'FAIL' || s === 'GRAY' || s === 'PROCESSING_FAILED' ? s : 'PASS';
  };
  const auth = (headers.get('authentication-results') ?? '').toLowerCase();
  const method = (name: string): Verdict => {
    const m = auth.match(new RegExp(`(?:^|[;\\s])${name}=(\\w+)`));
    if (!m) return 'PASS';
    return m[1] === 'fail' || m[1] === 'softfail'
      ? 'FAIL'
      : m[1] === 'temperror' || m[1] === 'permerror'
        ? 'PROCESSING_FAILED'
        : m[1] === 'pass'
          ? 'PASS'
          : 'GRAY';
  };
  return {
    spam: status(headers.get('x-ses-spam-verdict')),
    virus: status(headers.get('x-ses-virus-verdict')),
    spf: method('spf'),
    dkim: method('dkim'),
    dmarc: method('dmarc'),
  };
}

/** An id shaped like SES's message ids (lower-case letters and digits). */
const messageId = () =>
  Array.from(randomBytes(30), (b) => 'abcdefghijklmnopqrstuvwxyz0123456789'[b % 36])
    .join('')
    .slice(0, 40);

/** The receipt event SES's Lambda action sends, for one stored message. */
export function receiptEvent(input: { messageId: string; raw: Buffer; mailFrom: string; recipients: string[]; functionArn: string; at: Date }): unknown {
  const headers = topHeaders(input.raw);
  const verdicts = localVerdicts(headers);
  const list = (v: string | undefined) => (v ? v.split(',').map((s) => s.trim()) : []);
  return {
    Records: [
      {
        eventSource: 'aws:ses',
        eventVersion: '1.0',
        ses: {
          mail: {
            timestamp: input.at.toISOString(),
            source: input.mailFrom,
            messageId: input.messageId,
            destination: input.recipients,
            headersTruncated: false,
            headers: [...headers].map(([name, value]) => ({ name, value })),
            commonHeaders: {
              returnPath: input.mailFrom,
              from: list(headers.get('from')),
              to: list(headers.get('to')),
              ...(headers.has('date') ? { date: headers.get('date') } : {}),
              ...(headers.has('message-id') ? { messageId: headers.get('message-id') } : {}),
              ...(headers.has('subject') ? { subject: headers.get('subject') } : {}),
            },
          },
          receipt: {
            timestamp: input.at.toISOString(),
            processingTimeMillis: 0,
            recipients: input.recipients,
            spamVerdict: { status: verdicts.spam },
            virusVerdict: { status: verdicts.virus },
            spfVerdict: { status: verdicts.spf },
            dkimVerdict: { status: verdicts.dkim },
            dmarcVerdict: { status: verdicts.dmarc },
            action: { type: 'Lambda', functionArn: input.functionArn, invocationType: 'Event' },
          },
        },
      },
    ],
  };
}

/** Starts the listener on 127.0.0.1 (loopback only: no authentication, as SES's MX takes mail from anyone). */
export async function startLocalSmtp(opts: LocalSmtpOptions): Promise<LocalSmtp> {
  const recipients = new Set(opts.recipients.map((r) => r.toLowerCase()));
  const pending = new Set<Promise<unknown>>();
  const server = new SMTPServer({
    name: 'inbound-smtp.local',
    banner: 'local SES receiving',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: SES_RECEIVING_MAX_BYTES,
    logger: false,
    // Addresses no receipt rule names are refused at RCPT, before any data is taken.
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      if (recipients.has(address.address.toLowerCase())) return callback();
      const err = Object.assign(new Error('Mailbox unavailable: no receipt rule for this address'), { responseCode: 550 });
      callback(err);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('error', (e) => callback(e));
      stream.on('end', () => {
        if (stream.sizeExceeded) {
          callback(Object.assign(new Error('Message exceeds the maximum size SES receives'), { responseCode: 552 }));
          return;
        }
        const raw = Buffer.concat(chunks);
        const id = messageId();
        const at = new Date();
        const matched = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).filter((r) => recipients.has(r));
        const mailFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
        opts.s3.send(new PutObjectCommand({ Bucket: opts.bucket, Key: `${INBOUND_MAIL_PREFIX}${id}`, Body: raw })).then(
          () => {
            // SES has accepted the message once it is stored; the function runs on its own time.
            callback(null, `Ok ${id}`);
            const run = opts
              .deliver(receiptEvent({ messageId: id, raw, mailFrom, recipients: matched, functionArn: opts.functionArn, at }))
              .catch((e: Error) => opts.log(`smtp: the receiving function failed on ${id} (${e.name})`))
              .finally(() => pending.delete(run));
            pending.add(run);
          },
          (e: Error) => callback(Object.assign(new Error(`Temporary failure storing the message (${e.name})`), { responseCode: 451 })),
        );
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  server.on('error', (e: Error) => opts.log(`smtp: ${e.name}`));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    settled: async () => {
      while (pending.size) await Promise.allSettled([...pending]);
    },
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}
