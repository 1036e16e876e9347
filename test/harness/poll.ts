/** Waiting and pacing for the suites and the benchmarks: no vitest here, so bench/ and child processes can use it. */

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Asks `probe` every `everyMs` until it gives something other than undefined, and returns that;
 * after `timeoutMs` throws with `failure()` (asked then, so it can say how far things got).
 */
export async function poll<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs, everyMs = 100, failure }: { timeoutMs: number; everyMs?: number; failure: () => string | Promise<string> },
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(await failure());
    await sleep(everyMs);
  }
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
