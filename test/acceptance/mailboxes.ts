/**
 * The journey's mailbox adapters: the local SES emulator's store (the local runtime, `npm start`),
 * or an S3 bucket that an SES receipt rule's S3 action writes raw MIME messages to (a deployment:
 * the subject's address is on a domain whose MX is SES receiving). No vitest here.
 */
import { GetObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import { simpleParser } from 'mailparser';
import type { JourneyMail, MailboxAdapter } from './journey.ts';

/** An email as the SES emulator's `/store` lists it. */
interface EmulatorEmail {
  destination: { to: string[] };
  subject: string;
  body: { text?: string };
}

/** The local SES emulator's mailbox (`http://localhost:8005` under `npm start`). */
export function sesEmulatorMailbox(sesUrl: string): MailboxAdapter {
  const store = `${sesUrl.replace(/\/+$/, '')}/store`;
  return {
    description: `the SES emulator at ${sesUrl}`,
    async messages(): Promise<JourneyMail[]> {
      const res = await fetch(store);
      if (!res.ok) throw new Error(`the SES emulator's store answered ${res.status}`);
      const { emails } = (await res.json()) as { emails: EmulatorEmail[] };
      return emails.map((e) => ({ to: e.destination.to.map((t) => t.toLowerCase()), subject: e.subject, text: e.body.text ?? '' }));
    },
  };
}

/** The addresses of a parsed header (one address object or several). */
function addresses(header: unknown): string[] {
  const objects = Array.isArray(header) ? header : header ? [header] : [];
  return objects.flatMap((o: { value?: { address?: string }[] }) => (o.value ?? []).map((v) => v.address ?? '')).filter(Boolean);
}

/** One raw MIME message, parsed as the journey reads it. */
export async function parseRawMessage(raw: Buffer): Promise<JourneyMail> {
  const parsed = await simpleParser(raw);
  return {
    to: [...addresses(parsed.to), ...addresses(parsed.cc)].map((a) => a.toLowerCase()),
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
  };
}

/**
 * The messages SES receiving stored in `s3://bucket/prefix` (its receipt rule's S3 action: one
 * object per message, raw MIME). Each object is read and parsed once; SES's setup notification
 * and anything that does not parse are skipped.
 */
export function s3Mailbox(s3: S3Client, bucket: string, prefix = ''): MailboxAdapter {
  const parsed = new Map<string, JourneyMail | null>();
  return {
    description: `s3://${bucket}/${prefix}`,
    async messages(): Promise<JourneyMail[]> {
      for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket, Prefix: prefix })) {
        for (const { Key } of page.Contents ?? []) {
          if (!Key || parsed.has(Key) || Key.endsWith('AMAZON_SES_SETUP_NOTIFICATION')) continue;
          const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key }));
          const raw = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
          parsed.set(Key, await parseRawMessage(raw).catch(() => null));
        }
      }
      return [...parsed.values()].filter((m): m is JourneyMail => m !== null);
    },
  };
}
