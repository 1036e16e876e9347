/**
 * An OpenDSR processor's results (`results_url`, §8.3) into S3, streaming. JSON (an array of
 * records, or an object holding arrays of them) becomes the branch's NDJSON export like any other
 * processor's; anything else (a ZIP, a CSV, a PDF) is kept as it came, as an attachment of the
 * access package.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { s3 } from '../../platform/aws/s3';
import { logger } from '../../platform/log';
import { ExportWriter, exportKey, packageBucket } from '../../platform/package-bucket';
import { attachmentName } from './attachment-name';
import { rejected, unavailable } from './http';
import { NotJsonRecords, splitJsonRecords } from './json-records';

/** Results may be large: the download gets longer than an API call. */
const RESULTS_TIMEOUT_MS = 10 * 60_000;

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

async function download(ref: BranchRef, url: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(RESULTS_TIMEOUT_MS) });
  } catch {
    throw unavailable(ref.processorId, 'results could not be downloaded');
  }
  if (res.status >= 500) throw unavailable(ref.processorId, `results answered ${res.status}`);
  if (!res.ok) throw rejected(ref.processorId, res.status);
  return res;
}

/** The body's chunks, with the first one read already (to look at it) and given back first. */
async function peek(res: Response): Promise<{ first: Uint8Array | undefined; chunks: AsyncIterable<Uint8Array> }> {
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
  return { first, chunks: chunks() };
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
  chunks: AsyncIterable<Uint8Array>,
  url: string,
): Promise<{ attachmentKey: string; attachmentName: string }> {
  const contentType = res.headers.get('content-type') ?? 'application/octet-stream';
  const name = attachmentName(url, contentType, res.headers.get('content-disposition'));
  const key = `exports/${ref.requestId}/${ref.processorId}/${ref.attempt}/${name}`;
  await new Upload({
    client: s3,
    params: { Bucket: packageBucket(), Key: key, Body: Readable.from(chunks), ContentType: contentType },
  }).done();
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
    throw err;
  }
  return { exportKey: out.key, recordCount: await out.close() };
}

/**
 * Downloads the results of an access request and stores them for the package. JSON that turns
 * out not to be records is fetched again and kept as an attachment.
 */
export async function storeResults(branch: BranchRef, url: string, resultsCount?: number): Promise<StoredResults> {
  // Two answers of the same processor (a duplicate callback, a poll meeting a callback) may store
  // the results at the same time: each under keys of its own, so the one that loses the race to
  // complete the branch never overwrites or deletes what the winner's branch points to.
  const ref: Storing = { ...branch, attempt: randomUUID() };
  const res = await download(ref, url);
  const { first, chunks } = await peek(res);
  if (looksLikeJson(res.headers.get('content-type') ?? '', first)) {
    try {
      return await storeRecords(ref, chunks);
    } catch (err) {
      if (!(err instanceof NotJsonRecords)) throw err;
      await res.body?.cancel().catch(() => undefined);
      logger.info('OpenDSR results are not JSON records; kept as they came', { ...ref, reason: err.message });
      await s3.send(new DeleteObjectCommand({ Bucket: packageBucket(), Key: exportKey(ref.requestId, ref.processorId, ref.attempt) })).catch(() => undefined);
      const again = await download(ref, url);
      const { chunks: all } = await peek(again);
      return { ...(await storeAttachment(ref, again, all, url)), ...(resultsCount !== undefined ? { recordCount: resultsCount } : {}) };
    }
  }
  return { ...(await storeAttachment(ref, res, chunks, url)), ...(resultsCount !== undefined ? { recordCount: resultsCount } : {}) };
}
