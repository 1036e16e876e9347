import { PassThrough, Readable } from 'node:stream';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import ZipStream from 'zip-stream';
import { accessPackageSummary, type RecordsPreview } from '../../web/pages/access-package';
import { inLocaleOf } from '../domain/register-schema';
import type { Branch, DsrRequest, Right } from '../domain/request';
import { s3 } from '../platform/aws/s3';
import { csvCell } from '../platform/csv';
import { auditEvent } from '../platform/data/audit';
import { setOnce, settleRequestOwed } from '../platform/data/requests';
import { packageBucket, packageKey, packageViewKey, readExport, readObject } from '../platform/package-bucket';
import { type Controller, findProcessor } from '../platform/register';

/** Records per system shown as a table in the package's index; the files hold them all. */
const PREVIEW_ROWS = 100;

/** The first records of an export, read until {@link PREVIEW_ROWS}. */
async function previewOf(key: string): Promise<RecordsPreview> {
  const columns = new Set<string>();
  const rows: Record<string, unknown>[] = [];
  for await (const record of readExport(key)) {
    for (const k in record) columns.add(k);
    rows.push(record);
    if (rows.length >= PREVIEW_ROWS) break;
  }
  return { columns: [...columns], rows };
}

/**
 * An NDJSON export as one JSON array, streamed record by record, noting every record's fields in
 * `columns` on the way (the CSV that follows needs them all before its first row).
 */
async function* jsonArray(key: string, columns: Set<string>): AsyncGenerator<string> {
  let first = true;
  yield '[\n';
  for await (const record of readExport(key)) {
    for (const k in record) columns.add(k);
    yield `${first ? '' : ',\n'}${JSON.stringify(record, null, 2)}`;
    first = false;
  }
  yield '\n]\n';
}

/** An NDJSON export as CSV, with the columns the JSON pass collected (read once more for the rows). */
async function* csv(key: string, columns: Set<string>): AsyncGenerator<string> {
  const header = [...columns].sort();
  yield `${header.map(csvCell).join(',')}\r\n`;
  for await (const record of readExport(key)) yield `${header.map((c) => csvCell(record[c])).join(',')}\r\n`;
}

/**
 * Joins a generator's small strings into chunks of about 64 KB: one zlib write per record costs
 * more than compressing it (measured by `npm run bench -- --only export`); memory stays flat.
 */
async function* inChunks(parts: AsyncIterable<string>, size = 64 * 1024): AsyncGenerator<string> {
  let chunk = '';
  for await (const part of parts) {
    chunk += part;
    if (chunk.length >= size) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

function addEntry(zip: ZipStream, source: Buffer | string | Readable, name: string, date: Date): Promise<void> {
  return new Promise((resolve, reject) => zip.entry(source, { name, date }, (err) => (err ? reject(err) : resolve())));
}

/** The records files of one branch in a package: JSON and CSV when we hold its records, and any file it sent as it came. */
const branchFiles = (branch: Branch) => [
  ...(branch.exportKey ? [`${branch.processorId}.json`, `${branch.processorId}.csv`] : []),
  ...(branch.attachmentKey && branch.attachmentName ? [`${branch.processorId}/${branch.attachmentName}`] : []),
];

/** The branches whose records go into a package: completed, at a processor the register still declares. */
const packaged = (controller: Controller, branches: Branch[]) => branches.filter((b) => b.status === 'completed' && findProcessor(controller, b.processorId));

/**
 * A portability package's manifest (Art. 20(1): structured, commonly used, machine-readable): which
 * system each file comes from and how many records it holds. Ids, names and counts only.
 */
export function portabilityManifest(request: DsrRequest, controller: Controller, branches: Branch[], at: Date) {
  const say = inLocaleOf(controller, request.locale);
  return {
    format: 'dsr-portability/1',
    controller: { id: controller.id, name: say(controller.name).text },
    requestId: request.requestId,
    generatedAt: at.toISOString(),
    processors: packaged(controller, branches).map((b) => ({
      id: b.processorId,
      name: say(findProcessor(controller, b.processorId)!.name).text,
      recordCount: b.recordCount ?? 0,
      files: branchFiles(b),
    })),
  };
}

/**
 * The access package's human-readable index: the Art. 15 information from the register and the
 * first records, per processor; as the ZIP holds it, and for a browser.
 */
async function accessIndex(request: DsrRequest, controller: Controller, branches: Branch[], at: Date): Promise<{ zip: string; web: string }> {
  const previews = new Map<string, RecordsPreview>();
  for (const b of packaged(controller, branches)) if (b.exportKey) previews.set(b.processorId, await previewOf(b.exportKey));
  const say = inLocaleOf(controller, request.locale);
  const processors = controller.processors.map((p) => {
    const branch = branches.find((b) => b.processorId === p.id);
    const preview = previews.get(p.id);
    return {
      id: p.id,
      name: say(p.name),
      recordCount: branch?.recordCount ?? 0,
      status: branch?.status === 'completed' ? ('completed' as const) : ('failed' as const),
      dataCategories: p.dataCategories.map(say),
      purposes: p.purposes.map(say),
      legalBasis: say(p.legalBasis),
      retention: say(p.retention),
      ...(p.source ? { source: say(p.source) } : {}),
      recipients: p.recipients.map(({ safeguard, ...r }) => ({ ...r, ...(safeguard ? { safeguard: say(safeguard) } : {}) })),
      ...(branch?.attachmentName ? { attachmentName: branch.attachmentName } : {}),
      // A vendor that only sent its own file has no records of ours to list.
      ...(branch?.status === 'completed' && !branch.exportKey ? { records: false } : {}),
      ...(branch?.status === 'completed' && branch.answer ? { answer: branch.answer } : {}),
      ...(preview ? { preview } : {}),
    };
  });
  const page = {
    locale: request.locale,
    controllerName: say(controller.name),
    requestId: request.requestId,
    generatedAt: at.toISOString(),
    processors,
    supervisoryAuthority: { name: say(controller.supervisoryAuthority.name), url: controller.supervisoryAuthority.url },
    dpoEmail: controller.dpoEmail,
  };
  return { zip: accessPackageSummary(page), web: accessPackageSummary({ ...page, web: true }) };
}

/**
 * Builds the package of an access request (Art. 15: a human-readable index.html with the Art. 15
 * information from the register) or of a portability request (Art. 20: machine-readable only, a
 * manifest.json instead of the index), with per processor its records as JSON and CSV. The ZIP is
 * streamed from the exports into S3, so memory stays flat however large an export is.
 */
export async function buildPackage(request: DsrRequest, controller: Controller, branches: Branch[], at = new Date()): Promise<string> {
  const key = packageKey(request.requestId);
  const zip = new ZipStream({ zlib: { level: 6 } });
  // zip-stream is a readable-stream, not a Node stream: lib-storage needs the latter.
  const body = zip.pipe(new PassThrough());
  // One part in flight: the ZIP comes slower than S3 takes it, so more parts would only hold memory.
  const upload = new Upload({ client: s3, queueSize: 1, params: { Bucket: packageBucket(), Key: key, Body: body, ContentType: 'application/zip' } });
  const uploaded = upload.done();
  uploaded.catch(() => undefined);
  try {
    if (request.type === 'portability') {
      await addEntry(zip, `${JSON.stringify(portabilityManifest(request, controller, branches, at), null, 2)}\n`, 'manifest.json', at);
    } else {
      const index = await accessIndex(request, controller, branches, at);
      // Before the ZIP: the completion email links both, and a retry writes both again.
      await s3.send(
        new PutObjectCommand({ Bucket: packageBucket(), Key: packageViewKey(request.requestId), Body: index.web, ContentType: 'text/html; charset=utf-8' }),
      );
      await addEntry(zip, index.zip, 'index.html', at);
    }
    for (const branch of packaged(controller, branches)) {
      if (branch.exportKey) {
        const columns = new Set<string>();
        await addEntry(zip, Readable.from(inChunks(jsonArray(branch.exportKey, columns))), `${branch.processorId}.json`, at);
        await addEntry(zip, Readable.from(inChunks(csv(branch.exportKey, columns))), `${branch.processorId}.csv`, at);
      }
      // A file as a vendor sent it (its own format), next to the records we could read.
      if (branch.attachmentKey && branch.attachmentName) {
        await addEntry(zip, await readObject(branch.attachmentKey), `${branch.processorId}/${branch.attachmentName}`, at);
      }
    }
    zip.finish();
  } catch (err) {
    // Not destroy(err): nothing listens for the zip's 'error' event (the error is thrown below), and an
    // unheard 'error' is an uncaught exception that ends the process (e.g. when S3 fails for a while).
    zip.destroy();
    await upload.abort().catch(() => undefined);
    throw err;
  }
  await uploaded;
  return key;
}

/** The rights whose answer is a package of the subject's data. */
const PACKAGED: readonly Right[] = ['access', 'portability'];

/**
 * Step `AssemblePackage`: for an access or portability request, builds the package once and
 * returns its key (also when an earlier attempt built it); other types pass through.
 */
export async function assemblePackage(request: DsrRequest, controller: Controller, branches: Branch[]): Promise<string | undefined> {
  // Withdrawn or refused: there is nothing to package.
  if (!PACKAGED.includes(request.type) || request.status === 'cancelled' || request.status === 'denied') return undefined;
  if (request.packageKey) return request.packageKey;
  const key = await buildPackage(request, controller, branches);
  const processors = branches.filter((b) => b.status === 'completed').length;
  const stored = await setOnce(request.requestId, 'packageKey', { packageKey: key }, [auditEvent('package_assembled', 'workflow', { processors }, new Date())]);
  if (stored) await settleRequestOwed(stored);
  return key;
}
