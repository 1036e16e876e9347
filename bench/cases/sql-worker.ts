/**
 * One access export of the sql benchmark in a process of its own, so its peak memory is its own:
 * `export <url> <email> <rows>` runs the sql kind's export (functions/processors/sql/adapter.ts)
 * of the subject's rows of the bench table into a sink that serialises each record as the export
 * writer does and keeps only the byte count; `select <url> <email>` reads the same rows with one
 * bare query, every row in memory at once (the driver's default). Prints one JSON line: elapsed
 * ms, peak RSS and heap, RSS before the work began, records and bytes.
 */
import pg from 'pg';
import type { SqlProcessor } from '../../functions/domain/register-schema.ts';
import { benchProcessor } from '../lib/sql-bench.ts';

const [mode, url, email] = process.argv.slice(2);

let peakRss = 0;
let peakHeap = 0;
const sample = () => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};

let records = 0;
let bytes = 0;

async function work(): Promise<number> {
  if (mode === 'export') {
    const { sqlProcessor } = await import('../../functions/processors/sql/adapter.ts');
    const p: SqlProcessor = benchProcessor(url!);
    // What ExportWriter does with a record (one NDJSON line), without the S3 upload behind it.
    const out = {
      async write(record: unknown) {
        bytes += Buffer.byteLength(`${JSON.stringify(record)}\n`);
        records++;
      },
    };
    const start = performance.now();
    await sqlProcessor.exportData(p, { email: email! }, out as never, {} as never);
    return performance.now() - start;
  }
  if (mode === 'select') {
    const client = new pg.Client({ connectionString: url });
    const start = performance.now();
    await client.connect();
    const { rows } = await client.query('SELECT * FROM "public"."member" WHERE LOWER(TRIM("email")) = $1', [email!.trim().toLowerCase()]);
    for (const row of rows) {
      bytes += Buffer.byteLength(`${JSON.stringify(row)}\n`);
      records++;
    }
    await client.end();
    return performance.now() - start;
  }
  throw new Error(`unknown mode ${mode}`);
}

sample();
const idleRss = peakRss;
const timer = setInterval(sample, 10);
const ms = await work();
sample();
clearInterval(timer);
process.stdout.write(`${JSON.stringify({ ms, peakRss, peakHeap, idleRss, records, bytes })}\n`);
process.exit(0);
