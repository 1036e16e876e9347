/**
 * Which register a synthesis deploys, and the check that keeps the demo's values out of a
 * production deployment. The demo register (config/register.json) is what `npx cdk synth` uses
 * with no context, and it is the demo; `-c register=path/to/register.json` names an operator's
 * own, which must hold none of the demo's values unless `-c demo=true` says it is a demo too.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { COMPILED_REGISTER, type CompiledRegister, parseRegister, type Register } from '../functions/domain/register-schema';
import { REPO_ROOT } from './constructs/house-function';

/** The demo register, bundled by default and run by the local runtime. */
export const DEMO_REGISTER_FILE = path.join(REPO_ROOT, 'config', 'register.json');

/** SHA-256 fingerprint of the demo OpenDSR root CA (local/demo-opendsr/certs/demo-root-ca.pem), whose key is in the repository. */
export const DEMO_CA_FINGERPRINT = 'CD:BE:D7:5E:04:E7:DA:AB:56:0B:B3:FC:B2:6E:A6:1D:E9:F4:C5:4E:2D:B8:76:06:23:E5:87:F7:1B:F1:D9:0F';

/** A register as a synthesis reads it: the file, its JSON as written, and the checked register. */
export interface RegisterSource {
  /** Absolute path of the register file; the functions are bundled with this file. */
  readonly file: string;
  /** The JSON as written (placeholders unresolved), for the demo check. */
  readonly raw: unknown;
  readonly register: Register;
  /** Whether this deployment is a demo: the demo checks are skipped. */
  readonly demo: boolean;
}

/**
 * Reads the register a synthesis names (`-c register=`), or the demo register. `demo` defaults to
 * true for the demo register only: a register an operator names is production unless `-c demo=true`.
 */
export function readRegisterSource(opts: { file?: string; demo?: boolean } = {}): RegisterSource {
  const file = path.resolve(opts.file ?? DEMO_REGISTER_FILE);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`The register ${file} (-c register=) cannot be read as JSON: ${(e as Error).message}`);
  }
  const register = parseRegister(raw, process.env);
  return { file, raw, register, demo: opts.demo ?? opts.file === undefined };
}

/**
 * Compiles a register for bundling. Fails as {@link parseRegister} does, and where a placeholder
 * has no default, since nothing in a deployed function's environment could give it a value.
 */
export function compileRegister(input: unknown): CompiledRegister {
  if (input && typeof input === 'object' && 'compiled' in input)
    throw new Error('The register (config/register.json) is invalid:\n  compiled: not a register field');
  const register = parseRegister(input, {});
  // The bundle holds JSON: a register that JSON cannot carry unchanged must be checked at cold start.
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(register)), register))
    throw new Error('The checked register does not survive JSON, so it cannot be compiled');
  return { compiled: COMPILED_REGISTER, register };
}

/**
 * Writes the register compiled for the bundles into `dir` and returns its path: checked here, so
 * a cold start uses it as it is instead of checking it again (about 50 ms of every cold start).
 */
export function writeCompiledRegister(source: Pick<RegisterSource, 'file' | 'raw'>, dir: string): string {
  let compiled: string;
  try {
    compiled = JSON.stringify(compileRegister(source.raw));
  } catch (e) {
    throw new Error(`The register ${source.file} cannot be bundled: ${(e as Error).message}`);
  }
  const file = path.join(dir, `register-${createHash('sha256').update(compiled).digest('hex').slice(0, 16)}.json`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, compiled);
  return file;
}

const LOCAL_HOSTS = /^(localhost|.*\.localhost|127(\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\]|::1?)$/i;
/** RFC 2606 and RFC 6761 names reserved for examples: never a real organisation's. */
const EXAMPLE_DOMAIN = /(^|\.)(example|example\.com|example\.org|example\.net|test|invalid)$/i;
const URL_IN_TEXT = /\bhttps?:\/\/[^\s"'<>]+/gi;
const ADDRESS_IN_TEXT = /[^\s"'<>@]+@([A-Za-z0-9.-]+)/g;

/** The demo register's DynamoDB tables: a production register must name its own. */
function demoTables(): Set<string> {
  const demo = JSON.parse(readFileSync(DEMO_REGISTER_FILE, 'utf8')) as { controllers: { processors: { kind: string; table?: string }[] }[] };
  return new Set(demo.controllers.flatMap((c) => c.processors.flatMap((p) => (p.kind === 'dynamodb' && p.table ? [p.table] : []))));
}

/** Every string in a JSON value, with where it is (`controllers.0.processors.6.url`). */
function* strings(value: unknown, at = ''): Generator<[string, string]> {
  if (typeof value === 'string') yield [at || '(root)', value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, at ? `${at}.${i}` : String(i));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, at ? `${at}.${k}` : k);
}

function isDemoCa(pem: string): boolean {
  try {
    const cert = new X509Certificate(pem);
    return cert.fingerprint256 === DEMO_CA_FINGERPRINT || /NOT FOR PRODUCTION/i.test(cert.subject);
  } catch {
    return false;
  }
}

/**
 * The demo's values in a register and sender address, each with where it is and what to change:
 * localhost URLs (placeholder defaults included), example domains (RFC 2606) in addresses and URLs,
 * the demo CA, the demo tables. Empty when the register may go to production.
 */
export function demoValues(source: Pick<RegisterSource, 'raw' | 'register'>, senderEmail: string): string[] {
  const problems = new Set<string>();
  const tables = demoTables();
  // As written (a placeholder's default is text there) and as resolved at synthesis.
  for (const value of [source.raw, source.register]) {
    for (const [at, text] of strings(value)) {
      for (const url of text.match(URL_IN_TEXT) ?? []) {
        const host = URL.parse(url)?.hostname ?? '';
        if (LOCAL_HOSTS.test(host)) problems.add(`${at}: ${url} is a localhost URL; give the service's public https URL`);
        else if (EXAMPLE_DOMAIN.test(host)) problems.add(`${at}: ${url} is on an example domain (RFC 2606); give the real URL`);
      }
      // A mask's value is written into a database, never mailed: `erased+{key}@invalid` is the point.
      const masked = /\.erasure\.columns\./.test(at);
      for (const [, domain] of masked ? [] : text.matchAll(ADDRESS_IN_TEXT)) {
        if (EXAMPLE_DOMAIN.test(domain!.replace(/\.$/, '')))
          problems.add(`${at}: an address at ${domain} is an example address (RFC 2606); give a mailbox someone reads`);
      }
      if (/-----BEGIN CERTIFICATE-----/.test(text) && isDemoCa(text)) {
        problems.add(`${at}: the demo CA (its private key is in this repository); give the processor's own trust root`);
      }
    }
  }
  for (const [i, controller] of source.register.controllers.entries()) {
    for (const [j, p] of controller.processors.entries()) {
      if (p.kind === 'dynamodb' && tables.has(p.table)) {
        problems.add(`controllers.${i}.processors.${j}.table: ${p.table} is a demo table; name the controller's own DynamoDB table`);
      }
      if (p.kind === 'sql' && 'url' in p.connection && LOCAL_HOSTS.test(URL.parse(p.connection.url)?.hostname ?? '')) {
        problems.add(`controllers.${i}.processors.${j}.connection.url: a database on localhost; give a Secrets Manager secret of the real database`);
      }
      if (p.kind === 'opendsr' && LOCAL_HOSTS.test(p.domain)) {
        problems.add(`controllers.${i}.processors.${j}.domain: ${p.domain} is localhost; give the domain the processor signs as`);
      }
    }
  }
  const senderDomain = senderEmail.split('@')[1] ?? '';
  if (EXAMPLE_DOMAIN.test(senderDomain)) {
    problems.add(`senderEmail: ${senderEmail} is an example address (RFC 2606); deploy with -c senderEmail=privacy@your-domain`);
  }
  return [...problems];
}

/** Fails synthesis when a production register (or the sender) holds the demo's values, naming each. */
export function refuseDemoValues(source: RegisterSource, senderEmail: string): void {
  if (source.demo) return;
  const problems = demoValues(source, senderEmail);
  if (problems.length === 0) return;
  throw new Error(
    `The register ${source.file} holds demo values; a production deployment must not:\n${problems.map((p) => `  ${p}`).join('\n')}\n` +
      'Change them, or deploy a demo on purpose with -c demo=true.',
  );
}
