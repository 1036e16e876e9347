/**
 * An OpenDSR processor's results (`results_url`, §8.3) into S3, streaming. JSON (an array of
 * records, or an object holding arrays of them) becomes the branch's NDJSON export like any other
 * processor's; anything else (a ZIP, a CSV, a PDF) is kept as it came, as an attachment of the
 * access package, if it is a kind of file the package takes (`platform/file-types.ts`).
 * The URL must be on the processor's own host (`checkProcessorUrl`), and the body at most
 * `MAX_RESULTS_BYTES`; anything else is refused before it reaches the package.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { s3 } from '../../platform/aws/s3';
import { attachmentDisposition, checkFile } from '../../platform/file-types';
import { logger } from '../../platform/log';
import { ExportWriter, exportKey, packageBucket } from '../../platform/package-bucket';
import type { OpendsrProcessor } from '../../platform/register';
import { ProcessorError } from '../port';
import { attachmentName } from './attachment-name';
import { fetchFrom, rejected, unavailable } from './http';
import { NotJsonRecords, splitJsonRecords } from './json-records';

/** Results may be large: the download gets longer than an API call. */
const RESULTS_TIMEOUT_MS = 10 * 60_000;
/** One processor's results for one person; more is refused rather than streamed for ever. */
export const MAX_RESULTS_BYTES = 256 * 1024 * 1024;

/** Results this service will not keep: too large, or a kind of file the package does not take. */
export class OpendsrResultsRefused extends ProcessorError {
  constructor(
    processorId: string,
    readonly reason: 'TooLarge' | 'TypeNotAccepted' | 'ContentDoesNotMatch',
  ) {
    super('OpendsrResultsRefused', `OpenDSR processor ${processorId} sent results this service does not keep (${reason})`);
  }
}

export interface StoredResults {
  recordCount?: number;
  exportKey?: string;
  attachmentKey?: string;
  attachmentName?: string;
}

interface BranchRef {
  requestId: string;
  processorId: string;
}

/** One storing of a branch's results: its objects are its own (see `exportKey`). */
interface Storing extends BranchRef {
  attempt: string;
}

async function download(p: OpendsrProcessor, url: string): Promise<Response> {
  const res = await fetchFrom(p, url, { timeoutMs: RESULTS_TIMEOUT_MS });
  if (res.status >= 500) {
    void res.body?.cancel().catch(() => undefined);
    throw unavailable(p.id, `results answered ${res.status}`);
  }
  if (!res.ok) {
    void res.body?.cancel().catch(() => undefined);
    throw rejected(p.id, res.status);
  }
  if (Number(res.headers.get('content-length')) > MAX_RESULTS_BYTES) {
    void res.body?.cancel().catch(() => undefined);
    throw new OpendsrResultsRefused(p.id, 'TooLarge');
  }
  return res;
}

/** The chunks, refused once they add up to more than `MAX_RESULTS_BYTES`. */
async function* capped(processorId: string, chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.byteLength;
    if (size > MAX_RESULTS_BYTES) throw new OpendsrResultsRefused(processorId, 'TooLarge');
    yield chunk;
  }
}

/** The body's chunks, with the first one read already (to look at it) and given back first. */
async function peek(processorId: string, res: Response): Promise<{ first: Uint8Array | undefined; chunks: AsyncIterable<Uint8Array> }> {
  if (!res.body) return { first: undefined, chunks: (async function* () {})() };
  const reader = res.body.getReader();
  const head = await reader.read();
  const first = head.done ? undefined : head.value;
  async function* chunks() {
    try {
      if (first) yield first;
      for (;;) {
        const next = await reader.read();
        if (next.done) return;
        yield next.value;
      }
    } finally {
      reader.releaseLock();
    }
  }
  return { first, chunks: capped(processorId, chunks()) };
}

function looksLikeJson(contentType: string, first: Uint8Array | undefined): boolean {
  if (/^application\/(.+\+)?json\b/i.test(contentType) || /^text\/json\b/i.test(contentType)) return true;
  if (contentType && !/^(text\/plain|application\/octet-stream)\b/i.test(contentType)) return false;
  const start = Buffer.from(first ?? [])
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  return start.startsWith('[') || start.startsWith('{');
}

async function storeAttachment(
  ref: Storing,
  res: Response,
  first: Uint8Array | undefined,
  chunks: AsyncIterable<Uint8Array>,
  url: string,
): Promise<{ attachmentKey: string; attachmentName: string }> {
  const declared = res.headers.get('content-type') ?? 'application/octet-stream';
  const name = attachmentName(url, declared, res.headers.get('content-disposition'));
  const checked = checkFile(name, first ?? new Uint8Array(), declared);
  if (!checked.accepted) {
    await res.body?.cancel().catch(() => undefined);
    throw new OpendsrResultsRefused(ref.processorId, checked.reason === 'type_not_accepted' ? 'TypeNotAccepted' : 'ContentDoesNotMatch');
  }
  const key = `exports/${ref.requestId}/${ref.processorId}/${ref.attempt}/${name}`;
  try {
    await new Upload({
      client: s3,
      params: {
        Bucket: packageBucket(),
        Key: key,
        Body: Readable.from(chunks),
        ContentType: checked.contentType,
        ContentDisposition: attachmentDisposition(name),
      },
    }).done();
  } catch (err) {
    await s3.send(new DeleteObjectCommand({ Bucket: packageBucket(), Key: key })).catch(() => undefined);
    throw err;
  }
  return { attachmentKey: key, attachmentName: name };
}

/** Records as NDJSON; a record that is not an object is kept as `{ value }`. Properties of a top-level object become one record. */
async function storeRecords(ref: Storing, chunks: AsyncIterable<Uint8Array>): Promise<{ exportKey: string; recordCount: number }> {
  const out = new ExportWriter(exportKey(ref.requestId, ref.processorId, ref.attempt));
  const rest: Record<string, unknown> = {};
  try {
    for await (const part of splitJsonRecords(chunks)) {
      if (part.kind === 'property') rest[part.key] = part.value;
      else await out.write(part.value !== null && typeof part.value === 'object' && !Array.isArray(part.value) ? part.value : { value: part.value });
    }
    if (Object.keys(rest).length) await out.write(rest);
  } catch (err) {
    await out.close().catch(() => undefined);
    // Nothing of a refused download stays behind (a JSON body that is not records is stored again as a file).
    if (err instanceof OpendsrResultsRefused) await s3.send(new DeleteObjectCommand({ Bucket: packageBucket(), Key: out.key })).catch(() => undefined);
    throw err;
  }
  return { exportKey: out.key, recordCount: await out.close() };
}

/**
 * Downloads the results of an access request and stores them for the package. JSON that turns
 * out not to be records is fetched again and kept as an attachment.
 */
export async function storeResults(p: OpendsrProcessor, branch: BranchRef, url: string, resultsCount?: number): Promise<StoredResults> {
  // Two answers of the same processor (a duplicate callback, a poll meeting a callback) may store
  // the results at the same time: each under keys of its own, so the one that loses the race to
  // complete the branch never overwrites or deletes what the winner's branch points to.
  const ref: Storing = { ...branch, attempt: randomUUID() };
  const res = await download(p, url);
  const { first, chunks } = await peek(p.id, res);
  const count = resultsCount !== undefined ? { recordCount: resultsCount } : {};
  if (looksLikeJson(res.headers.get('content-type') ?? '', first)) {
    try {
      return await storeRecords(ref, chunks);
    } catch (err) {
      if (!(err instanceof NotJsonRecords)) throw err;
      await res.body?.cancel().catch(() => undefined);
      logger.info('OpenDSR results are not JSON records; kept as they came', { ...ref, reason: err.message });
      await s3.send(new DeleteObjectCommand({ Bucket: packageBucket(), Key: exportKey(ref.requestId, ref.processorId, ref.attempt) })).catch(() => undefined);
      const again = await download(p, url);
      const head = await peek(p.id, again);
      return { ...(await storeAttachment(ref, again, head.first, head.chunks, url)), ...count };
    }
  }
  return { ...(await storeAttachment(ref, res, first, chunks, url)), ...count };
}
