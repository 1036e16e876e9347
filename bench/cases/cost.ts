/**
 * Cost: what one request over five DynamoDB stores makes AWS bill, counted in the run (state
 * transitions from the Step Functions endpoint, Lambda invocations and their durations from the
 * Lambda host, DynamoDB request units as DynamoDB computes them for the table, S3 requests, SES
 * emails, HTTP API requests) and priced at public list prices. One access and one erasure request,
 * several times each after a warm-up, medians per request.
 */
import { STORES, writeBenchRegister } from '../lib/bench-register.ts';
import { PRICES } from '../lib/prices.ts';
import { useRegisterFile } from '../lib/register-hook.ts';
import { QUICK, runCase } from '../lib/result.ts';
import { median, usd } from '../lib/stats.ts';

useRegisterFile(writeBenchRegister());
const { startBench, submit, waitForVerifyLinks, confirm, completedAt, clearMailbox, mailbox, sleep } = await import('../lib/local.ts');

/** What one request made the services do. */
interface Usage {
  transitions: number;
  lambdaRequests: number;
  gbSeconds: number;
  httpRequests: number;
  wru: number;
  rru: number;
  /** Estimated extra write units of the requests table's secondary indexes (see notes). */
  indexWru: number;
  s3Writes: number;
  s3Reads: number;
  emails: number;
}

const empty = (): Usage => ({
  transitions: 0,
  lambdaRequests: 0,
  gbSeconds: 0,
  httpRequests: 0,
  wru: 0,
  rru: 0,
  indexWru: 0,
  s3Writes: 0,
  s3Reads: 0,
  emails: 0,
});

function dollars(u: Usage) {
  const parts = {
    'Step Functions': u.transitions * PRICES.stateTransition,
    Lambda: u.gbSeconds * PRICES.lambdaGbSecond + u.lambdaRequests * PRICES.lambdaRequest,
    DynamoDB: (u.wru + u.indexWru) * PRICES.dynamoWru + u.rru * PRICES.dynamoRru,
    SES: u.emails * PRICES.sesEmail,
    S3: u.s3Writes * PRICES.s3Write + u.s3Reads * PRICES.s3Read,
    'HTTP API': u.httpRequests * PRICES.httpApiRequest,
  };
  return { parts, total: Object.values(parts).reduce((a, b) => a + b, 0) };
}

const WRITES = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;
const S3_READS = /^(GetObject|HeadObject|HeadBucket)/;
const S3_FREE = /^(DeleteObject|DeleteObjects)/;

runCase('cost', async () => {
  let usage = empty();
  let routeFunctions = new Set<string>();
  const bench = await startBench({
    meter: {
      invoked: (id, memoryMb, durationMs) => {
        usage.lambdaRequests++;
        usage.gbSeconds += (memoryMb / 1024) * (Math.ceil(durationMs) / 1000);
        if (routeFunctions.has(id)) usage.httpRequests++;
      },
      transition: () => {
        usage.transitions++;
      },
    },
  });
  const { rt, db } = bench;
  routeFunctions = new Set(rt.model.routes.map((r) => r.functionLogicalId));
  const indexes = (rt.model.requestsTable.GlobalSecondaryIndexes ?? []).map((i) => ({
    name: i.IndexName as string,
    keys: (i.KeySchema as { AttributeName: string }[]).map((k) => k.AttributeName),
  }));

  // The clients the handlers use (same modules, same process): ask DynamoDB for the capacity it
  // consumed, and count S3 requests by operation.
  const { ddb } = await import('../../functions/platform/aws/dynamodb.ts');
  const { s3 } = await import('../../functions/platform/aws/s3.ts');
  ddb.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as Record<string, any>;
      const op = String(context.commandName ?? '');
      if (!/Transact/.test(op)) input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] }).ConsumedCapacity;
      const units = [consumed ?? []].flat().reduce((a, c) => a + (c.CapacityUnits ?? 0), 0);
      if (WRITES.test(op)) {
        usage.wru += units;
        // dynalite counts the table only; DynamoDB also writes each index whose keys the write sets or removes.
        const text = JSON.stringify([input.Item ? Object.keys(input.Item) : [], input.UpdateExpression ?? '', input.ExpressionAttributeNames ?? {}]);
        usage.indexWru += indexes.filter((i) => i.keys.some((k) => text.includes(k))).length;
      } else {
        usage.rru += units;
      }
      return result;
    },
    { step: 'serialize', priority: 'high', name: 'benchConsumedCapacity' },
  );
  s3.middlewareStack.add(
    (next, context) => async (args) => {
      const op = String(context.commandName ?? '');
      if (S3_READS.test(op)) usage.s3Reads++;
      else if (!S3_FREE.test(op)) usage.s3Writes++;
      return next(args);
    },
    { step: 'initialize', name: 'benchS3Requests' },
  );

  /** One request as a person makes it: submit, open the link, confirm, open the status page and the download. */
  let n = 0;
  const oneRequest = async (type: 'access' | 'erasure'): Promise<Usage> => {
    clearMailbox();
    usage = empty();
    const id = await submit(rt, { controller: STORES, type, email: n++ % 2 ? 'ada@example.org' : `cost-${n}@bench.example`, locale: 'en' });
    const link = (await waitForVerifyLinks(rt, [id])).get(id)!;
    await (await fetch(link)).text(); // the confirmation page
    await confirm(link);
    await completedAt(db, id, 60_000, 50);
    await sleep(300); // the last steps' writes after the status changed
    const mails = await mailbox(rt);
    const text = mails.map((m) => m.body.text ?? '').join('\n');
    const status = text.match(/https?:\/\/\S+\/status\?key=[A-Za-z0-9_-]+/)?.[0];
    if (status) await (await fetch(status)).text();
    const download = text.match(/https?:\/\/\S+\/v1\/requests\/[0-9a-f-]+\/package\?token=[A-Za-z0-9_-]+/)?.[0];
    if (download) {
      const res = await fetch(download, { redirect: 'manual' });
      await res.text();
      const presigned = res.headers.get('location');
      if (presigned) {
        await (await fetch(presigned)).arrayBuffer();
        usage.s3Reads++; // the subject's GET of the presigned URL bypasses the SDK
      }
    }
    usage.emails = mails.length;
    return usage;
  };

  try {
    const reps = QUICK ? 3 : 7;
    const rows = [];
    const notes: string[] = [];
    for (const type of ['access', 'erasure'] as const) {
      await oneRequest(type); // warm-up
      const runs: Usage[] = [];
      for (let i = 0; i < reps; i++) runs.push(await oneRequest(type));
      const med = Object.fromEntries(Object.keys(empty()).map((k) => [k, median(runs.map((r) => r[k as keyof Usage]))])) as unknown as Usage;
      const { parts, total } = dollars(med);
      rows.push({
        measure: `one ${type} request over 5 stores (median of ${reps})`,
        result: usd(total),
        baseline: 'a manually handled request: ~$1,400',
        goal: '< $0.002',
        met: total < 0.002,
      });
      notes.push(
        `${type}: ${med.transitions} state transitions, ${med.lambdaRequests} Lambda invocations (${med.gbSeconds.toFixed(2)} GB-s), ${med.httpRequests} HTTP API requests, ${med.wru.toFixed(0)} WRU + ~${med.indexWru} index WRU, ${med.rru.toFixed(1)} RRU, ${med.s3Writes} S3 writes, ${med.s3Reads} S3 reads, ${med.emails} emails → ${Object.entries(
          parts,
        )
          .map(([k, v]) => `${k} ${usd(v)}`)
          .join(', ')}.`,
      );
    }
    notes.push(
      'Lambda durations are measured in the local runtime, where every handler shares one event loop with the emulators: they are longer than in Lambda, so the Lambda line is an upper bound.',
      "DynamoDB units are what dynalite reports with ReturnConsumedCapacity (the table's own formula: 1 KB per write unit, 4 KB per read unit, half for eventually consistent reads); index writes are estimated as one unit per index whose key attributes a write names.",
      "Not counted: KMS requests (DynamoDB caches its data keys; S3 calls KMS per object unless bucket keys are on), CloudWatch Logs and X-Ray, storage (bytes for days), data transfer, and the sweep's share (a fixed cost every 15 minutes, spread over all requests).",
    );
    return { rows, notes };
  } finally {
    await bench.stop();
  }
});
