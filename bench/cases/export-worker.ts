/**
 * One step of the export benchmark in a process of its own, so its peak memory is its own:
 * `write <key> <records>` streams a processor export of synthetic records to S3;
 * `package <key> <requestId>` builds an access package from it (functions/answer/access-package.ts);
 * `deflate <file>` streams a file through raw deflate (level 6, as the package's ZIP entries).
 * Prints one JSON line: elapsed ms, peak RSS and heap, RSS before the work began.
 */
import { createReadStream } from 'node:fs';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDeflateRaw } from 'node:zlib';

const [mode, arg1, arg2] = process.argv.slice(2);

/** A record like a membership store's: about 300 bytes of JSON. */
function record(i: number): Record<string, unknown> {
  return {
    pk: `MEMBER#${String(i).padStart(8, '0')}`,
    email: 'subject@bench.example',
    name: 'Bench Subject',
    phone: '+46 70 123 45 67',
    memberSince: new Date(Date.UTC(2015, 0, 1) + i * 60_000).toISOString(),
    membershipType: ['regular', 'student', 'supporting'][i % 3],
    address: { street: `Benchgatan ${i % 200}`, postcode: '113 45', city: 'Stockholm' },
    tags: ['newsletter', `group-${i % 17}`],
    notes: i % 5 ? null : 'Paid by bank transfer; receipt sent.',
  };
}

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

async function work(): Promise<number | undefined> {
  // The worker stands in for the functions that write exports and packages: it is given the bucket.
  const { configure } = await import('../../functions/platform/config.ts');
  await configure('PACKAGE_BUCKET');
  if (mode === 'write') {
    const { ExportWriter } = await import('../../functions/platform/package-bucket.ts');
    const writer = new ExportWriter(arg1!);
    const start = performance.now();
    for (let i = 0; i < Number(arg2); i++) await writer.write(record(i));
    await writer.close();
    return performance.now() - start;
  }
  if (mode === 'package') {
    const { buildPackage } = await import('../../functions/answer/access-package.ts');
    const { findController } = await import('../../functions/platform/register.ts');
    const controller = findController('demo-association')!;
    const now = new Date().toISOString();
    const request = {
      requestId: arg2!,
      controllerId: controller.id,
      type: 'access',
      locale: 'en',
      status: 'in_progress',
      email: 'subject@bench.example',
      createdAt: now,
      receivedAt: now,
      history: [],
    };
    const branch = {
      requestId: arg2!,
      processorId: 'members',
      kind: 'dynamodb',
      action: 'export',
      status: 'completed',
      attempts: 1,
      exportKey: arg1!,
      recordCount: 0,
    };
    const start = performance.now();
    await buildPackage(request as never, controller, [branch as never]);
    return performance.now() - start;
  }
  if (mode === 'deflate') {
    const start = performance.now();
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    await pipeline(createReadStream(arg1!), createDeflateRaw({ level: 6 }), sink);
    return performance.now() - start;
  }
  throw new Error(`unknown mode ${mode}`);
}

sample();
const idleRss = peakRss;
const timer = setInterval(sample, 20);
const ms = await work();
sample();
clearInterval(timer);
process.stdout.write(`${JSON.stringify({ ms, peakRss, peakHeap, idleRss, maxRss: process.resourceUsage().maxRSS * 1024 })}\n`);
process.exit(0);
