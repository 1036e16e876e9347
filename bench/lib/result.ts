/**
 * What each benchmark case reports to `bench/run.ts`: rows for the table and notes, written as
 * JSON to the file named by BENCH_OUT (stdout belongs to the handlers' logs).
 */
import { writeFileSync } from 'node:fs';

export interface Row {
  /** What was measured, e.g. "p99 latency". */
  measure: string;
  result: string;
  /** What it is compared with, if anything. */
  baseline: string;
  goal: string;
  /** Met, missed, or null when the row is information only. */
  met: boolean | null;
}

/** A table of details beside the summary rows, e.g. one line per function. */
export interface Table {
  /** What the table shows; the heading is the case's name and this. */
  title: string;
  columns: string[];
  rows: string[][];
}

export interface CaseResult {
  name: string;
  rows: Row[];
  /** Details too many for the summary table, each shown as a table of its own. */
  tables?: Table[];
  /** Why a goal was missed, how it was measured, what to read into it. */
  notes: string[];
  seconds?: number;
}

/** Whether the case runs in quick mode (smaller sizes, fewer repetitions). */
export const QUICK = process.env.BENCH_QUICK === '1';

export function report(result: CaseResult): void {
  const out = process.env.BENCH_OUT;
  const json = JSON.stringify(result, null, 2);
  if (out) writeFileSync(out, json);
  else console.log(json);
}

/** Runs a case's main function, reports its result, and exits (handlers keep sockets and timers open). */
export function runCase(name: string, main: () => Promise<Omit<CaseResult, 'name' | 'seconds'>>): void {
  const started = performance.now();
  main().then(
    (r) => {
      report({ name, ...r, seconds: Math.round((performance.now() - started) / 1000) });
      process.exit(0);
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
