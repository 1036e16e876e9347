/**
 * Real database servers for the sql kind's tests, on loopback with their data in a temporary
 * folder: PostgreSQL and MariaDB from Debian's packages (`.ci/run` installs them), and PGlite
 * served over the PostgreSQL wire protocol as `npm start` does.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './runtime.ts';

const run = promisify(execFile);

/** A database server the tests talk to, and how to stop it. */
export interface TestDatabase {
  engine: 'postgres' | 'mysql';
  /** What the register's `connection.url` holds. */
  url: string;
  stop(): Promise<void>;
}

/** PostgreSQL's binaries: Debian keeps them under a versioned folder, off the PATH. */
function postgresBin(name: string): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
  const path = version ? join(root, version, 'bin', name) : undefined;
  return path && existsSync(path) ? path : undefined;
}

export const hasPostgres = (): boolean => postgresBin('initdb') !== undefined;
export const hasMariaDb = (): boolean => existsSync('/usr/sbin/mariadbd') && existsSync('/usr/bin/mariadb-install-db');

/** PostgreSQL refuses to run as root: as root, its commands run as the `postgres` user Debian's package creates. */
const asPostgres = (cmd: string, args: string[]): [string, string[]] =>
  process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', cmd, ...args]] : [cmd, args];

async function waitFor(ready: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await ready().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start within ${ms / 1000} s`);
}

/**
 * Starts a PostgreSQL server with trust authentication on loopback; database `dsr`, user
 * `postgres`. With `selfSignedTls`, it also offers TLS with a certificate no public root signed.
 */
export async function startPostgres(opts: { selfSignedTls?: boolean } = {}): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'dsr-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  await run(...asPostgres(postgresBin('initdb')!, ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']));
  let tls = '';
  if (opts.selfSignedTls) {
    const [cert, key] = [join(data, 'server.crt'), join(data, 'server.key')];
    await run(
      ...asPostgres('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert]),
    );
    tls = ` -c ssl=on -c ssl_cert_file=${cert} -c ssl_key_file=${key}`;
  }
  const [cmd, args] = asPostgres(postgresBin('pg_ctl')!, [
    '-D',
    data,
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off${tls}`,
    '-l',
    join(dir, 'log'),
    '-w',
    'start',
  ]);
  await run(cmd, args);
  await run(...asPostgres(postgresBin('createdb')!, ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'dsr']));
  return {
    engine: 'postgres',
    url: `postgres://postgres@127.0.0.1:${port}/dsr`,
    async stop() {
      await run(...asPostgres(postgresBin('pg_ctl')!, ['-D', data, '-m', 'immediate', 'stop'])).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts a MariaDB server on loopback; database `dsr`, user `root` with no password. */
export async function startMariaDb(): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'dsr-maria-'));
  const data = join(dir, 'data');
  const port = await freePort();
  const user = process.getuid?.() === 0 ? ['--user=root'] : [];
  await run('/usr/bin/mariadb-install-db', ['--no-defaults', `--datadir=${data}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...user]);
  const server: ChildProcess = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--socket=${join(dir, 'sock')}`,
      `--port=${port}`,
      '--bind-address=127.0.0.1',
      `--pid-file=${join(dir, 'pid')}`,
      '--skip-log-bin',
      '--innodb-flush-log-at-trx-commit=0',
      ...user,
    ],
    { stdio: 'ignore' },
  );
  const mysql = (await import('mysql2/promise')).default;
  await waitFor(async () => {
    const c = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root' });
    await c.query('CREATE DATABASE IF NOT EXISTS dsr');
    await c.end();
    return true;
  }, 'MariaDB');
  return {
    engine: 'mysql',
    url: `mysql://root@127.0.0.1:${port}/dsr`,
    async stop() {
      server.kill('SIGKILL');
      await new Promise((r) => server.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Starts PGlite (PostgreSQL in WebAssembly) behind its wire-protocol socket server, as `npm start` does. */
export async function startPglite(): Promise<TestDatabase> {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const db = await PGlite.create();
  const port = await freePort();
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  return {
    engine: 'postgres',
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
