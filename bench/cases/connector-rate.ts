/**
 * Connector rate limit: 1,000 erasure requests at a controller whose one processor is the demo's
 * Mailchimp audience (the http kind through config/connectors/mailchimp.json, its declared rate
 * 10 calls a second), against the Mailchimp fake limited to 10 calls in any rolling second
 * (answering 429 beyond). Each erasure takes two calls (search, permanent delete). Submitted and
 * their emails read first, then all confirmed (20 at a time) and timed from the first confirmation
 * to the last branch finished, against the ideal of the limit alone; and the share of calls the
 * fake answered 429.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { CONNECTOR, CONNECTOR_PROCESSOR, writeBenchRegister } from '../lib/bench-register.ts';
import { useRegisterFile } from '../lib/register-hook.ts';
import { QUICK, runCase } from '../lib/result.ts';
import { ms } from '../lib/stats.ts';

useRegisterFile(writeBenchRegister());
const { startBench, submit, waitForVerifyLinks, confirm, statusesOf, pool, sleep, clearMailbox } = await import('../lib/local.ts');
const { REQUESTS_TABLE } = await import('../../local/provision.ts');
const { DEMO_LIST_ID } = await import('../../local/fakes/mailchimp.ts');

/** The vendor's limit, as the fake enforces it. */
const VENDOR_PER_SECOND = 10;
/** Calls one erasure makes: the member search, then the permanent delete. */
const CALLS_PER_REQUEST = 2;
const declared = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', 'connectors', 'mailchimp.json'), 'utf8')).rateLimit as {
  perSecond: number;
  burst: number;
};

/** The most calls the fake accepted within any one second, by a sliding window over their times. */
function peakPerSecond(times: number[]): number {
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  return peak;
}

runCase('connector-rate', async () => {
  const bench = await startBench();
  const { rt, db } = bench;
  const fake = rt.fakes.mailchimp;
  try {
    const count = Number(process.env.BENCH_COUNT) || (QUICK ? 50 : 1000);
    const calls = count * CALLS_PER_REQUEST;
    const idealMs = (calls / VENDOR_PER_SECOND) * 1000;
    const ids: string[] = [];
    const links = new Map<string, string>();
    for (let batch = 0; batch < count; batch += 100) {
      clearMailbox();
      const mine: string[] = [];
      await pool(
        Array.from({ length: Math.min(100, count - batch) }, (_, i) => batch + i),
        10,
        async (i) => {
          // Every subject is on the audience, so each erasure searches and then deletes.
          const email = `rate-${i}@bench.example`;
          fake.subscribe(DEMO_LIST_ID, email, 'Bench');
          mine.push(await submit(rt, { controller: CONNECTOR, type: 'erasure', email, locale: 'en' }));
        },
      );
      for (const [id, link] of await waitForVerifyLinks(rt, mine)) links.set(id, link);
      ids.push(...mine);
    }
    clearMailbox();
    fake.reset();
    fake.rateLimit = { perSecond: VENDOR_PER_SECOND };

    const t0 = Date.now();
    let confirmedBy = 0;
    const confirming = pool(ids, 20, async (id) => confirm(links.get(id)!)).then(() => {
      confirmedBy = Date.now() - t0;
    });
    // Time enough for three times the ideal, so a slow engine is measured rather than cut off.
    const limitMs = Math.max(3 * idealMs, 2 * 60_000);
    let done = 0;
    for (;;) {
      await sleep(1000);
      const statuses = await statusesOf(db, ids);
      done = [...statuses.values()].filter((s) => s === 'completed').length;
      if (done === ids.length || Date.now() - t0 > limitMs) break;
    }
    await confirming;

    // Each request's branch: when it finished, how, and after how many attempts.
    const branches: Record<string, unknown>[] = [];
    await pool(ids, 10, async (id) => {
      const items =
        (
          await db.send(
            new QueryCommand({
              TableName: REQUESTS_TABLE,
              KeyConditionExpression: 'pk = :pk AND sk = :sk',
              ExpressionAttributeValues: { ':pk': `REQ#${id}`, ':sk': `BRANCH#${CONNECTOR_PROCESSOR}` },
            }),
          )
        ).Items ?? [];
      branches.push(...items);
    });
    const finished = branches.filter((b) => b.finishedAt).map((b) => Date.parse(b.finishedAt as string));
    const lastMs = finished.length ? Math.max(...finished) - t0 : NaN;
    const erased = branches.filter((b) => b.status === 'completed' && (b.answer as { outcome?: string } | undefined)?.outcome === 'done').length;
    const failures = new Map<string, number>();
    for (const b of branches.filter((x) => x.status !== 'completed'))
      failures.set(String(b.errorClass ?? b.status), (failures.get(String(b.errorClass ?? b.status)) ?? 0) + 1);
    const retried = branches.filter((b) => Number(b.attempts ?? 0) > 1).length;
    const lost = count - erased;

    const answered = fake.calls.length;
    const tooMany = fake.calls.filter((c) => c.status === 429).length;
    const share = answered ? tooMany / answered : 0;
    const accepted = fake.calls.filter((c) => c.status !== 429).map((c) => c.at);
    const vendorSpanMs = accepted.length ? Math.max(...accepted) - Math.min(...accepted) : NaN;
    // Where the time between the first confirmation and the last answer went: before the first
    // call (the pipeline's start), between calls (the vendor idle) and after the last (the answer's writing).
    const firstCallMs = accepted.length ? Math.min(...accepted) - t0 : NaN;
    const firstAwaitMs = branches.some((b) => b.startedAt)
      ? Math.min(...branches.filter((b) => b.startedAt).map((b) => Date.parse(b.startedAt as string))) - t0
      : NaN;
    const tailMs = accepted.length ? Math.max(...finished) - Math.max(...accepted) : NaN;
    const sorted = [...accepted].sort((a, b) => a - b);
    const slotMs = 1000 / VENDOR_PER_SECOND;
    // Idle time is the engine's when some branch had reached AwaitProcessor and was not finished
    // throughout the gap; otherwise the vendor was waiting for the pipeline to bring work.
    const inHand = branches
      .filter((b) => b.startedAt && b.finishedAt)
      .map((b) => [Date.parse(b.startedAt as string), Date.parse(b.finishedAt as string)] as const);
    let idleMs = 0;
    let idleInHandMs = 0;
    for (let i = 1; i < sorted.length; i++) {
      const excess = Math.max(0, sorted[i]! - sorted[i - 1]! - slotMs);
      idleMs += excess;
      if (excess && inHand.some(([from, to]) => from <= sorted[i - 1]! && to >= sorted[i]!)) idleInHandMs += excess;
    }
    const attempts = branches.reduce((n, b) => n + Number(b.attempts ?? 0), 0);
    const limitedAt = fake.calls.filter((c) => c.status === 429).map((c) => ((c.at - t0) / 1000).toFixed(1));
    const over = lastMs / idealMs - 1;
    return {
      rows: [
        {
          measure: `${count} erasures × ${CALLS_PER_REQUEST} calls at a vendor limited to ${VENDOR_PER_SECOND}/s, first confirm → last branch finished`,
          result: ms(lastMs),
          baseline: `the limit alone: ${ms(idealMs)} (${over >= 0 ? '+' : ''}${(over * 100).toFixed(1)}%)`,
          goal: `within 10% (≤ ${ms(idealMs * 1.1)})`,
          met: lost === 0 && lastMs <= idealMs * 1.1,
        },
        {
          measure: 'vendor calls answered 429',
          result: `${(share * 100).toFixed(2)}% (${tooMany} of ${answered})`,
          baseline: `${calls} calls needed`,
          goal: '< 1%',
          met: answered > 0 && share < 0.01,
        },
        {
          measure: 'erasures not answered done (failed, or not finished in time)',
          result: String(lost),
          baseline: `of ${count}; ${retried} took more than one attempt`,
          goal: '0',
          met: lost === 0,
        },
      ],
      notes: [
        `Every subject is a member of the fake's audience, so each erasure makes exactly ${CALLS_PER_REQUEST} calls when nothing is retried: \`GET /search-members\`, then \`POST .../actions/delete-permanent\`. The connector declares ${declared.perSecond} calls/s with a burst of ${declared.burst} (config/connectors/mailchimp.json); the fake counts the calls it accepted in the last rolling second and answers 429 with \`Retry-After: 1\` beyond ${VENDOR_PER_SECOND}, as a strict vendor would.`,
        `Confirming all ${count} (20 at a time) took ${ms(confirmedBy)}; the vendor saw ${answered} calls (${answered - tooMany} accepted, first to last ${ms(vendorSpanMs)}, at most ${peakPerSecond(accepted)} in any one second).${failures.size ? ` Not completed: ${[...failures].map(([k, v]) => `${v} ${k}`).join(', ')}.` : ''}${done < count ? ` ${count - done} requests were not completed within ${ms(limitMs)}.` : ''}`,
        `Where the time went: the first branch reached AwaitProcessor ${ms(firstAwaitMs)} and the first call the vendor ${ms(firstCallMs)} after the first confirmation; the accepted calls were spread over ${ms(vendorSpanMs)}, of which ${ms(idleMs)} beyond the vendor's pace of one call per ${slotMs} ms (${ms(idleInHandMs)} of it while some branch had started AwaitProcessor and was not finished: setting up, queued or between attempts; the rest with none there yet); the last branch finished ${ms(tailMs)} after the last accepted call. The branches' AwaitProcessor attempts: ${attempts} for ${count} branches.${limitedAt.length ? ` Calls answered 429 at (s after the first confirmation): ${limitedAt.slice(0, 20).join(', ')}${limitedAt.length > 20 ? ', …' : ''}.` : ''}`,
        "The local runtime's clock is the wall clock: the slots the rate limit hands out, the Lambdas' sleeps and the fake's window all run in real time, in one Node process.",
      ],
    };
  } finally {
    await bench.stop();
  }
});
