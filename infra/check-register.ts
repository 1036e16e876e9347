/**
 * `npm run check-register -- [--register path/to/register.json] [--connect]`
 *
 * Checks a register before it is deployed or started. Without flags, offline: the register's schema
 * (every problem with where it is). With `--connect`, also each `sql` processor's tables against its
 * database: it connects as the processor does (the URL with `${NAME}` from the environment, or the
 * Secrets Manager secret with the caller's credentials), reads the schema and refuses what the
 * processor would fail at or get wrong (infra/sql-schema-rules.ts). Prints what it checked; exits 1
 * on any problem. Warnings (foreign keys the erasure order meets the wrong way; texts people read
 * that lack a language the controller declares) do not fail it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Connector, checkHttpProcessor, connectorSchema } from '../functions/domain/connector-schema';
import { registerSchema, resolvePlaceholders, textsLacking } from '../functions/domain/register-schema';
import { withSession } from '../functions/processors/sql/session';
import { DEMO_REGISTER_FILE } from './register-source';
import { describeSchema } from './sql-schema';
import { checkSqlSchema } from './sql-schema-rules';

/** Options of {@link checkRegister}. */
export interface CheckRegisterOptions {
  /** @default the demo register, config/register.json */
  readonly registerFile?: string;
  /** Also compare each `sql` processor's tables with its database. */
  readonly connect?: boolean;
  /** The connector catalogue. @default config/connectors */
  readonly connectorsDir?: string;
  /** Where `${NAME}` placeholders come from. @default process.env */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** @default console.log */
  readonly print?: (line: string) => void;
}

/** What a check found. */
export interface CheckRegisterResult {
  readonly problems: number;
  readonly warnings: number;
}

const PLACEHOLDER = /\$\{([A-Z][A-Z0-9_]*)(?::-[^}]*)?\}/g;

/** Placeholders with neither a value nor a default, with where they are. */
function unset(value: unknown, env: CheckRegisterOptions['env'] & object, at = ''): Array<[string, string]> {
  if (typeof value === 'string')
    return [...value.matchAll(PLACEHOLDER)].flatMap(([m, name]) =>
      env[name!] === undefined && !m.includes(':-') ? [[name!, at || '(root)'] as [string, string]] : [],
    );
  if (Array.isArray(value)) return value.flatMap((v, i) => unset(v, env, at ? `${at}.${i}` : String(i)));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => unset(v, env, at ? `${at}.${k}` : k));
  return [];
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Checks a register, printing each line; resolves with the counts. */
export async function checkRegister(opts: CheckRegisterOptions = {}): Promise<CheckRegisterResult> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const env = opts.env ?? process.env;
  const file = path.resolve(opts.registerFile ?? DEMO_REGISTER_FILE);
  let problems = 0;
  let warnings = 0;
  const fail = (line: string) => {
    problems++;
    print(`FAIL  ${line}`);
  };
  print(`register ${file}`);

  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    fail(`cannot be read as JSON: ${messageOf(e)}`);
    return { problems, warnings };
  }
  // Offline, a placeholder without a value stays as written: a production register names variables this machine lacks.
  const missing = unset(raw, env);
  const names = new Set(missing.map(([name]) => name));
  for (const [name, at] of missing) print(`      ${at}: \${${name}} is not set here; the functions need it at their start`);
  const parsed = registerSchema().safeParse(resolvePlaceholders(raw, { ...env, ...Object.fromEntries([...names].map((n) => [n, `\${${n}}`])) }));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fail(`${issue.path.join('.') || '(root)'}: ${issue.message}`);
    return { problems, warnings };
  }
  // Every definition of the catalogue, used or not, with every problem and where it is.
  const dir = path.resolve(opts.connectorsDir ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'config', 'connectors'));
  const connectors = new Map<string, Connector>();
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const at = path.relative(process.cwd(), path.join(dir, name));
    let def: unknown;
    try {
      def = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
    } catch (e) {
      fail(`${at}: cannot be read as JSON: ${messageOf(e)}`);
      continue;
    }
    const checked = connectorSchema.safeParse(def);
    if (!checked.success) {
      for (const issue of checked.error.issues) fail(`${at}: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
      continue;
    }
    if (`${checked.data.name}.json` !== name) fail(`${at}: name: must be the file's name, ${name.replace(/\.json$/, '')}`);
    connectors.set(checked.data.name, checked.data);
    print(`ok    connector ${checked.data.name}: ${Object.keys(checked.data.actions).join(', ')}`);
  }
  for (const [ci, c] of parsed.data.controllers.entries()) {
    for (const [pi, p] of c.processors.entries()) {
      if (p.kind !== 'http') continue;
      const at = `controllers.${ci}.processors.${pi}`;
      const connector = connectors.get(p.connector);
      if (!connector) fail(`${at}.connector: no valid definition config/connectors/${p.connector}.json`);
      else for (const problem of checkHttpProcessor(p, connector)) fail(`${at}.${problem}`);
    }
  }
  // A declared language a text lacks is shown in another (marked with lang): worth knowing, not wrong.
  for (const c of parsed.data.controllers) {
    for (const locale of c.locales) {
      const lacking = textsLacking(c, locale);
      if (!lacking.length) continue;
      warnings++;
      print(`warn  ${c.id}: ${lacking.length} text(s) have no ${locale} version and are shown in another language: ${lacking.join(', ')}`);
    }
  }
  const sql = parsed.data.controllers.flatMap((c) => c.processors.flatMap((p) => (p.kind === 'sql' ? [{ controller: c.id, p }] : [])));
  print(
    `ok    schema: ${parsed.data.controllers.length} controller(s), ${parsed.data.controllers.reduce((n, c) => n + c.processors.length, 0)} processor(s), ${sql.length} sql`,
  );

  for (const { controller, p } of sql) {
    const at = `${controller}/${p.id}`;
    if (!opts.connect) {
      print(`      ${at}: ${p.engine}, ${p.tables.length} table(s), not compared with the database (--connect does)`);
      continue;
    }
    const lacking = 'url' in p.connection ? [...new Set([...p.connection.url.matchAll(PLACEHOLDER)].map(([, n]) => n))] : [];
    if (lacking.length) {
      fail(`${at}: cannot connect: ${lacking.map((n) => `\${${n}}`).join(', ')} not set`);
      continue;
    }
    let check: ReturnType<typeof checkSqlSchema>;
    try {
      check = await withSession(p, async (session) => checkSqlSchema(p, await describeSchema(session, p)));
    } catch (e) {
      fail(`${at}: cannot read the schema: ${messageOf(e)}`);
      continue;
    }
    print(`${at} (${p.engine}${p.engine === 'postgres' ? `, schema ${p.schema ?? 'public'}` : ''})`);
    for (const t of p.tables) {
      const report = check.tables.find((r) => r.table === t.name);
      const found = check.problems.filter((f) => f.entry === t.name);
      if (report) print(`${found.length ? '      ' : 'ok    '}${t.name}: ${report.checked.join('; ')}`);
      for (const f of found) fail(f.message);
    }
    for (const w of check.warnings) {
      warnings++;
      print(`warn  ${w.message}`);
    }
  }
  return { problems, warnings };
}

/** `--register x --connect` → options. */
export function parseArgs(argv: readonly string[]): CheckRegisterOptions {
  let registerFile: string | undefined;
  let connect = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag === '--register') registerFile = inline ?? argv[++i] ?? '';
    else if (flag === '--connect') connect = true;
    else throw new Error(`unknown option ${flag}; use --register <file> and --connect`);
  }
  return { ...(registerFile ? { registerFile } : {}), connect };
}

// Run as `npm run check-register`, not when imported by tests.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  Promise.resolve()
    .then(() => checkRegister(parseArgs(process.argv.slice(2))))
    .then(
      ({ problems, warnings }) => {
        console.log(`\n${problems ? `${problems} problem(s)` : 'no problems'}${warnings ? `, ${warnings} warning(s)` : ''}`);
        process.exitCode = problems ? 1 : 0;
      },
      (e: Error) => {
        console.error(e.message);
        process.exitCode = 1;
      },
    );
}
