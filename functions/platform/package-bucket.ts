import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { PassThrough, type Readable } from 'node:stream';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { s3 } from './aws/s3';
import { setting } from './config';

/** Holds processor exports (NDJSON, one record a line) and the access packages built from them. */
export const packageBucket = () => setting('PACKAGE_BUCKET');

/** Where a request's access package is kept: one per request, so a retry overwrites, never adds. */
export const packageKey = (requestId: string) => `packages/${requestId}.zip`;

/** Where the access package's index is kept for a browser (a phone cannot open the ZIP); deleted with the package. */
export const packageViewKey = (requestId: string) => `packages/${requestId}.html`;

/**
 * Where a processor's export for a request is kept until the package is built. `attempt` names one
 * of several writers that may store the same branch's results at once (an OpenDSR processor that
 * answers twice): each writes its own object, and the branch records the one that completed it.
 */
export const exportKey = (requestId: string, processorId: string, attempt?: string) =>
  `exports/${requestId}/${processorId}${attempt ? `/${attempt}` : ''}.ndjson`;

/** JSON with DynamoDB sets as arrays and binary as base64, so every record survives JSON. */
function toJson(record: unknown): string {
  return JSON.stringify(record, (_k, v) => {
    if (v instanceof Set) return [...v];
    if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
    if (typeof v === 'bigint') return v.toString();
    return v;
  });
}

/**
 * Streams records into an S3 object as NDJSON with backpressure: memory stays flat however
 * many records a processor returns.
 */
export class ExportWriter {
  private readonly body = new PassThrough();
  private readonly upload: Upload;
  private readonly done: Promise<unknown>;
  count = 0;

  constructor(readonly key: string) {
    this.upload = new Upload({ client: s3, params: { Bucket: packageBucket(), Key: key, Body: this.body, ContentType: 'application/x-ndjson' } });
    this.done = this.upload.done();
    // Surface an upload failure on the next write rather than as an unhandled rejection.
    this.done.catch(() => undefined);
  }

  async write(record: unknown): Promise<void> {
    this.count++;
    if (!this.body.write(`${toJson(record)}\n`)) await Promise.race([once(this.body, 'drain'), this.done]);
  }

  /** Finishes the object; resolves when S3 has it. */
  async close(): Promise<number> {
    this.body.end();
    await this.done;
    return this.count;
  }
}

/** An S3 object's body as a stream. */
export async function readObject(key: string): Promise<Readable> {
  const out = await s3.send(new GetObjectCommand({ Bucket: packageBucket(), Key: key }));
  return out.Body as Readable;
}

/** The records of an NDJSON export, one at a time. */
export async function* readExport(key: string): AsyncGenerator<Record<string, unknown>> {
  const lines = createInterface({ input: await readObject(key), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.trim() !== '') yield JSON.parse(line) as Record<string, unknown>;
  }
}

/** Where SES's receipt rule writes a received message (its S3 action's prefix, infra/constructs/package-bucket.ts). */
export const inboundMailKey = (messageId: string) => `inbound-mail/${messageId}`;

/** A received message as SES stored it: its size first, so a huge one is never read. */
export async function openInboundMail(messageId: string): Promise<{ sizeBytes: number; body: Readable }> {
  const out = await s3.send(new GetObjectCommand({ Bucket: packageBucket(), Key: inboundMailKey(messageId) }));
  return { sizeBytes: out.ContentLength ?? 0, body: out.Body as Readable };
}
