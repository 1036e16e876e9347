/**
 * `npm run bench [-- --only <name>[,<name>]] [--quick] [--write] [--note <text>]`: runs each
 * benchmark case in a fresh process (its own handler modules, emulators and memory), prints the
 * figures as a table and writes docs/PERFORMANCE.md with the machine and commit they ran on. A full
 * run writes the file; a partial or quick one only with --write, and then replaces only its own
 * cases' figures, keeping the others' with the date they were measured. --note adds a line about
 * the run (e.g. what state the code is in). Not part of `npm test`: this measures, it does not check.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PRICES, PRICES_SOURCE } from './lib/prices.ts';
import type { CaseResult, Table } from './lib/result.ts';

const CASES = ['fanout', 'intake', 'throughput', 'export', 'digest', 'coldstart', 'cost', 'sql', 'connector-rate'] as const;
const REPO_ROOT = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, write: { type: 'boolean', default: false }, note: { type: 'string' } },
});
const only = values.only ? values.only.split(',').map((s) => s.trim()) : [...CASES];
const unknown = only.filter((n) => !(CASES as readonly string[]).includes(n));
if (unknown.length) {
  console.error(`unknown benchmark ${unknown.join(', ')}; choose from ${CASES.join(', ')}`);
  process.exit(2);
}

/** Runs one case in its own process; its result comes back through a file (stdout is the handlers'). */
function runOne(name: string, dir: string): Promise<CaseResult> {
  const out = join(dir, `${name}.json`);
  const env = { ...process.env, BENCH_OUT: out, BENCH_QUICK: values.quick ? '1' : '0', POWERTOOLS_LOG_LEVEL: 'ERROR' };
  return new Promise((res) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join(REPO_ROOT, 'bench', 'cases', `${name}.ts`)],
      { env, cwd: REPO_ROOT, maxBuffer: 256 * 1024 * 1024, timeout: 30 * 60_000 },
      (err, _stdout, stderr) => {
        try {
          res(JSON.parse(readFileSync(out, 'utf8')) as CaseResult);
        } catch {
          const why =
            (err ? `${err.message.split('\n')[0]} ` : '') +
            stderr
              .split('\n')
              .filter((l) => /Error/.test(l))
              .slice(0, 3)
              .join(' / ');
          res({
            name,
            rows: [{ measure: '(did not run to the end)', result: '-', baseline: '-', goal: '-', met: false }],
            notes: [`Failed: ${why.slice(0, 500)}`],
          });
        }
      },
    );
  });
}

const mark = (met: boolean | null) => (met === null ? '' : met ? 'met' : '**missed**');
const cell = (s: string) => s.replace(/\|/g, '\\|');

const TABLE_HEAD = ['| benchmark | measure | result | against | goal | |', '|---|---|---|---|---|---|'];

const rowsOf = (r: CaseResult) =>
  r.rows.map((row) => `| ${r.name} | ${cell(row.measure)} | ${cell(row.result)} | ${cell(row.baseline)} | ${cell(row.goal)} | ${mark(row.met)} |`);

function table(results: CaseResult[]): string {
  return [...TABLE_HEAD, ...results.flatMap(rowsOf)].join('\n');
}

/** A case's detail tables, each under a heading of its own. */
function details(r: CaseResult): string[] {
  return (r.tables ?? []).flatMap((t: Table) => [
    `### ${r.name}: ${t.title}`,
    '',
    `| ${t.columns.map(cell).join(' | ')} |`,
    `|${t.columns.map(() => '---').join('|')}|`,
    ...t.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ]);
}

/** The commit measured, and whether the work tree differed from it. */
function commit(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!docs/PERFORMANCE.md') !== '';
    return `${git('log', '-1', '--format=%h (%cs) %s')}${dirty ? ', with uncommitted changes' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function machine(): string[] {
  const cpu = cpus();
  return [
    `- CPU: ${cpu[0]?.model ?? 'unknown'}, ${cpu.length} cores visible to Node`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at the end); load average at the end ${loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')} (shared machine)`,
    `- Node ${process.version} on ${process.platform}/${process.arch}`,
    `- date: ${RUN_DATE} UTC; mode: ${values.quick ? 'quick' : 'full'}${values.only ? `, only ${only.join(', ')}` : ''}`,
    `- commit: ${COMMIT}`,
    ...(values.note ? [`- note: ${values.note}`] : []),
  ];
}

const RUN_DATE = new Date().toISOString().slice(0, 16).replace('T', ' ');
const COMMIT = commit();

/** The blocks of a section of a generated docs/PERFORMANCE.md, by `### ` heading. */
function blocks(doc: string, section: string): { heading: string; lines: string[] }[] {
  const start = doc.indexOf(`\n## ${section}\n`);
  if (start < 0) return [];
  const body = doc.slice(start + section.length + 5).split('\n## ')[0]!;
  return body
    .split(/\n(?=### )/)
    .filter((b) => b.startsWith('### '))
    .map((b) => {
      const [heading, ...lines] = b.trimEnd().split('\n');
      return { heading: heading!, lines };
    });
}

/** A case's part of the file: its summary rows, detail tables and notes, as written. */
interface Written {
  rows: string[];
  details: string[];
  notes: string[];
}

const written = (r: CaseResult): Written => ({
  rows: rowsOf(r),
  details: details(r),
  notes: [`### ${r.name} (${r.seconds !== undefined ? `${r.seconds} s; ` : ''}${RUN_DATE} UTC)`, '', ...r.notes.map((n) => `- ${n}`), ''],
});

/**
 * The cases of a generated docs/PERFORMANCE.md in their order, for a partial run to keep those it
 * did not run; a notes heading without a date gets the date of the run that wrote the file.
 */
function previous(doc: string): Map<string, Written> {
  const out = new Map<string, Written>();
  const of = (name: string) => out.get(name) ?? out.set(name, { rows: [], details: [], notes: [] }).get(name)!;
  const caseOf = (heading: string) => heading.replace(/^### /, '').replace(/(: .*| \(.*\))$/, '');
  const figures = doc.slice(doc.indexOf('\n## Figures\n')).split('\n');
  const first = figures.indexOf(TABLE_HEAD[1]!) + 1;
  for (const line of figures.slice(first, figures.indexOf('', first))) of(line.split(' | ')[0]!.slice(2)).rows.push(line);
  for (const b of blocks(doc, 'Figures')) of(caseOf(b.heading)).details.push(b.heading, ...b.lines, '');
  const date = /^- date: (\S+ \S+) UTC/m.exec(doc)?.[1];
  for (const b of blocks(doc, 'Notes')) {
    const heading =
      / UTC\)$/.test(b.heading) || !date ? b.heading : b.heading.replace(/( \((.*)\))?$/, (_m, _p, inner) => ` (${inner ? `${inner}; ` : ''}${date} UTC)`);
    of(caseOf(b.heading)).notes.push(heading, ...b.lines, '');
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'dsr-bench-run-'));
const results: CaseResult[] = [];
const started = performance.now();
try {
  for (const name of only) {
    process.stderr.write(`bench: ${name}…\n`);
    const r = await runOne(name, dir);
    process.stderr.write(`bench: ${name} ${r.seconds ?? '?'} s\n`);
    results.push(r);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
const minutes = (performance.now() - started) / 60_000;

console.log(`\n${table(results)}\n`);
for (const r of results) if (r.tables?.length) console.log(details(r).join('\n'));
for (const r of results) for (const n of r.notes) console.log(`- ${r.name}: ${n}`);

const DOC = join(REPO_ROOT, 'docs', 'PERFORMANCE.md');
const partial = Boolean(values.only || values.quick);
// A partial run rewrites its own cases in place and keeps the others as they were.
const cases = partial && existsSync(DOC) ? previous(readFileSync(DOC, 'utf8')) : new Map<string, Written>();
const keptNames = [...cases.keys()].filter((n) => !results.some((r) => r.name === n));
for (const r of results) cases.set(r.name, written(r));
const parts = [...cases.values()];
const doc = [
  '# Performance',
  '',
  'Generated by `npm run bench` (bench/run.ts); do not edit by hand. Each benchmark runs in a process of its own against the',
  'local runtime (dynalite, s3rver, the SES emulator, the local Step Functions endpoint and every Lambda in one Node process),',
  "so the figures are this machine's and the local runtime's, compared side by side with a baseline measured in the same run.",
  '`npm run bench -- --only fanout,cost` runs some; `--quick` runs smaller sizes and fewer repetitions.',
  '',
  '## Machine',
  '',
  ...machine(),
  `- the whole run took ${minutes.toFixed(1)} minutes`,
  ...(keptNames.length ? [`- not run this time, kept from earlier runs (dated in their notes): ${keptNames.join(', ')}`] : []),
  '',
  '## Figures',
  '',
  ...TABLE_HEAD,
  ...parts.flatMap((p) => p.rows),
  '',
  ...parts.flatMap((p) => p.details),
  '## Notes',
  '',
  ...parts.flatMap((p) => p.notes),
  '## Prices used by the cost model',
  '',
  `${PRICES_SOURCE}:`,
  '',
  `- Step Functions standard: $${(PRICES.stateTransition * 1000).toFixed(3)} per 1,000 state transitions`,
  `- Lambda (arm64): $${PRICES.lambdaGbSecond} per GB-second, $${(PRICES.lambdaRequest * 1e6).toFixed(2)} per million requests`,
  `- DynamoDB on-demand: $${(PRICES.dynamoWru * 1e6).toFixed(4)} per million write request units, $${(PRICES.dynamoRru * 1e6).toFixed(4)} per million read request units`,
  `- SES: $${(PRICES.sesEmail * 1000).toFixed(2)} per 1,000 emails`,
  `- S3 Standard: $${(PRICES.s3Write * 1000).toFixed(3)} per 1,000 PUT/COPY/POST/LIST, $${(PRICES.s3Read * 1000).toFixed(4)} per 1,000 GET`,
  `- API Gateway HTTP API: $${(PRICES.httpApiRequest * 1e6).toFixed(2)} per million requests`,
  '',
  "The manual figure (about $1,400 per request handled by hand) is the estimate the team's goal cites, not a measurement.",
  '',
].join('\n');

if ((!values.only && !values.quick) || values.write) {
  writeFileSync(DOC, doc);
  console.log('\nwrote docs/PERFORMANCE.md');
}
process.exit(results.some((r) => r.rows.some((row) => row.result === '-')) ? 1 : 0);
