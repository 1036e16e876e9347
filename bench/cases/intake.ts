/**
 * Intake: latency of `POST /v1/requests` (validate, store, audit, send the verification email)
 * against a Lambda that does one bare DynamoDB PutItem behind the same gateway, alternated one
 * request at a time so both see the same machine.
 */
import { STORES, writeBenchRegister } from '../lib/bench-register.ts';
import { useRegisterFile } from '../lib/register-hook.ts';
import { QUICK, runCase } from '../lib/result.ts';
import { ms, percentile, ratio } from '../lib/stats.ts';

useRegisterFile(writeBenchRegister());
const { startBench, clearMailbox, PUT_ITEM_PATH } = await import('../lib/local.ts');

runCase('intake', async () => {
  const bench = await startBench();
  const { rt } = bench;
  const post = async (path: string, body: Record<string, unknown>): Promise<number> => {
    const t0 = performance.now();
    const res = await fetch(`${rt.urls.gateway}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
    });
    await res.text();
    const elapsed = performance.now() - t0;
    if (res.status !== 202) throw new Error(`${path} answered ${res.status}`);
    return elapsed;
  };
  try {
    const n = QUICK ? 100 : 500;
    const warmup = 20;
    const intake: number[] = [];
    const bare: number[] = [];
    for (let i = 0; i < warmup + n; i++) {
      const body = { controller: STORES, type: 'access', email: `intake-${i}@bench.example`, name: 'Bench Subject', locale: 'en' };
      // alternate which goes first, so neither always follows the other's leftovers
      const order = i % 2 ? ['intake', 'bare'] : ['bare', 'intake'];
      for (const which of order) {
        const t = which === 'intake' ? await post('/v1/requests', body) : await post(PUT_ITEM_PATH, body);
        if (i >= warmup) (which === 'intake' ? intake : bare).push(t);
      }
      if (i % 100 === 99) clearMailbox();
    }
    const [p50, p99, b50, b99] = [percentile(intake, 50), percentile(intake, 99), percentile(bare, 50), percentile(bare, 99)];
    return {
      rows: [
        {
          measure: `POST /v1/requests p50 (${n} requests)`,
          result: ms(p50),
          baseline: `bare PutItem: ${ms(b50)}`,
          goal: `< 2x (${ratio(p50 / b50)})`,
          met: p50 / b50 < 2,
        },
        { measure: 'POST /v1/requests p99', result: ms(p99), baseline: `bare PutItem: ${ms(b99)}`, goal: `< 2x (${ratio(p99 / b99)})`, met: p99 / b99 < 2 },
      ],
      notes: [
        "Both go through the local gateway and Lambda host; the baseline Lambda (bench/put-item.ts) does one PutItem with the handlers' DynamoDB client.",
        "Intake does more than one write by design, all before answering 202: it counts the client's and the address's allowance (two conditional updates, in series so that a refused client uses up no address's allowance), stores the request (a conditional put), appends the first audit event while the verification email goes through SES (the trail is new, so its head is known without a read), then the second event: five DynamoDB writes, four of them in series, against the baseline's one, which is why the ratio misses 2x.",
      ],
    };
  } finally {
    await bench.stop();
  }
});
