/**
 * One connection to a controller's database for one branch: PostgreSQL through `pg`, MySQL and
 * MariaDB through `mysql2`. A connection per attempt rather than a pool: a Lambda frozen between
 * invocations would otherwise wake up holding a socket the server closed long ago.
 */
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { Signer } from '@aws-sdk/rds-signer';
import type { Connection as MysqlCoreConnection } from 'mysql2';
import type { SqlProcessor } from '../../domain/register-schema';
import { ProcessorError } from '../port';
import { trustedContext, trustedRoots } from './trust';

// Each driver is loaded by the first connection to its engine, so a cold start evaluates neither
// (mysql2 alone takes about 40 ms) and a register with one engine never loads the other's.
const loadPg = () => import('pg').then((m) => m.default);
const loadMysql = () => import('mysql2/promise').then((m) => m.default);

/** A value bound to a statement's parameter. */
export type SqlValue = string | number | boolean | null | Date;

/** A statement and its parameters, in the dialect's placeholder style. */
export interface Statement {
  text: string;
  values: SqlValue[];
}

/** A row as the driver returns it. */
export type Row = Record<string, unknown>;

/** An open connection; `close` always, in a `finally`. */
export interface SqlSession {
  readonly engine: SqlProcessor['engine'];
  query(statement: Statement): Promise<Row[]>;
  /**
   * A statement's rows in batches of about `batch`, read from the server as they are consumed
   * (PostgreSQL's cursor, MySQL's row stream) rather than all at once; inside a transaction only.
   * Leaving the loop early ends the read.
   */
  rows(statement: Statement, batch: number): AsyncIterable<Row[]>;
  /** Runs `work` in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(work: () => Promise<T>, opts?: { readOnly?: boolean }): Promise<T>;
  close(): Promise<void>;
}

/** What a connection needs, from a URL or from an RDS-style secret. */
interface Target {
  host: string;
  port?: number;
  user: string;
  password: string;
  database: string;
  /** The password is an RDS IAM token (MySQL takes it through its clear-text plugin, over TLS). */
  iam?: boolean;
}

/** An RDS secret as Secrets Manager keeps it for a database (the keys RDS and its rotation use). */
interface RdsSecret {
  host: string;
  port?: number | string;
  username: string;
  password: string;
  dbname?: string;
}

/** Where and as whom a processor's database is reached. Exported for the tests of the IAM token. */
export async function targetOf(p: SqlProcessor): Promise<Target> {
  if ('url' in p.connection) {
    const url = new URL(p.connection.url);
    return {
      host: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: decodeURIComponent(url.pathname.replace(/^\//, '')),
    };
  }
  // IAM authentication sends a short-lived token as the password, which RDS takes only over TLS.
  const iam = p.connection.iamAuth;
  if (iam && p.tls === 'off') throw new ProcessorError('IamAuthNeedsTls', `${p.id} declares RDS IAM authentication, which needs tls verify or require`);
  // Cached by Parameters for five minutes, so a rotated password is picked up without a cold start.
  const secret = (await getSecret<RdsSecret>(p.connection.secret, { transform: 'json' })) as RdsSecret | undefined;
  if (!secret?.host || !(iam || secret.username)) throw new ProcessorError('DatabaseSecretInvalid', `the secret of ${p.id} lacks host or username`);
  const port = secret.port ? Number(secret.port) : undefined;
  return {
    host: secret.host,
    port,
    user: iam?.user ?? secret.username,
    // A token per connection: valid for 15 minutes, signed with the function's own credentials.
    password: iam
      ? await new Signer({
          hostname: secret.host,
          port: port ?? (p.engine === 'postgres' ? 5432 : 3306),
          username: iam.user,
          ...(iam.region ? { region: iam.region } : {}),
        }).getAuthToken()
      : secret.password,
    database: secret.dbname ?? '',
    iam: Boolean(iam),
  };
}

/** `mysql2` keeps a TLS context per options object: one object, so the roots are parsed once. */
let mysqlVerified: { rejectUnauthorized: true; verifyIdentity: true; ca: string[] } | undefined;

/**
 * TLS as declared: checked against the trusted roots and the server's name, required but
 * unchecked, or off. `mysql2` checks the name only when asked (`verifyIdentity`); `pg` always does.
 * Exported for the tests of what each driver is given.
 */
export function tlsOptions(p: SqlProcessor) {
  if (p.tls === 'off') return undefined;
  if (p.tls === 'require') return { rejectUnauthorized: false };
  if (p.engine === 'postgres') return { rejectUnauthorized: true, secureContext: trustedContext() };
  mysqlVerified ??= { rejectUnauthorized: true, verifyIdentity: true, ca: [...trustedRoots()] };
  return mysqlVerified;
}

async function postgres(p: SqlProcessor, t: Target): Promise<SqlSession> {
  const pg = await loadPg();
  const client = new pg.Client({
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    database: t.database,
    ssl: tlsOptions(p) ?? false,
    statement_timeout: p.statementTimeoutMs,
    query_timeout: p.statementTimeoutMs + 1_000,
    connectionTimeoutMillis: p.statementTimeoutMs,
  });
  // An idle client's socket error would otherwise be an unhandled 'error' event.
  client.on('error', () => undefined);
  await client.connect();
  const query = async (s: Statement) => (await client.query(s.text, s.values)).rows as Row[];
  let cursors = 0;
  return {
    engine: 'postgres',
    query,
    // A plain server-side cursor: DECLARE takes the statement's bound parameters, FETCH reads on.
    async *rows(s, batch) {
      const cursor = `dsr_rows_${++cursors}`;
      await client.query(`DECLARE ${cursor} NO SCROLL CURSOR FOR ${s.text}`, s.values);
      try {
        for (;;) {
          const { rows } = await client.query(`FETCH ${Math.trunc(batch)} FROM ${cursor}`);
          if (rows.length > 0) yield rows as Row[];
          if (rows.length < batch) return;
        }
      } finally {
        // Fails only in a transaction already aborted, which the rollback ends anyway.
        await client.query(`CLOSE ${cursor}`).catch(() => undefined);
      }
    },
    async transaction(work, opts) {
      await client.query(opts?.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
      try {
        const result = await work();
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    close: () => client.end(),
  };
}

async function mysqlSession(p: SqlProcessor, t: Target): Promise<SqlSession> {
  const mysql = await loadMysql();
  const connection = await mysql.createConnection({
    host: t.host,
    port: t.port,
    user: t.user,
    password: t.password,
    database: t.database,
    ssl: tlsOptions(p),
    connectTimeout: p.statementTimeoutMs,
    // Dates as the server wrote them, read back as strings for the export, not shifted to the Lambda's zone.
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: true,
    // RDS for MySQL asks for an IAM token through the clear-text plugin (safe only because TLS is on).
    ...(t.iam ? { authPlugins: { mysql_clear_password: () => () => Buffer.from(`${t.password}\0`) } } : {}),
  });
  connection.on('error', () => undefined);
  const [[version]] = (await connection.query('SELECT VERSION() AS v')) as unknown as [[{ v: string }]];
  // MariaDB limits every statement (seconds); MySQL only limits reads (milliseconds).
  if (/mariadb/i.test(version.v)) await connection.query(`SET SESSION max_statement_time = ${p.statementTimeoutMs / 1000}`);
  else await connection.query(`SET SESSION max_execution_time = ${Math.round(p.statementTimeoutMs)}`);
  const query = async (s: Statement) => {
    const [rows] = await connection.query({ sql: s.text, values: s.values, timeout: p.statementTimeoutMs + 1_000 });
    return Array.isArray(rows) ? (rows as Row[]) : [];
  };
  return {
    engine: 'mysql',
    query,
    async *rows(s, batch) {
      // The promise wrapper has no row stream; the connection under it does.
      const core = (connection as unknown as { connection: MysqlCoreConnection }).connection;
      const stream = core.query({ sql: s.text, values: s.values, timeout: p.statementTimeoutMs + 1_000 }).stream({ highWaterMark: batch });
      let finished = false;
      try {
        let rows: Row[] = [];
        for await (const row of stream) {
          rows.push(row as Row);
          if (rows.length >= batch) {
            yield rows;
            rows = [];
          }
        }
        if (rows.length > 0) yield rows;
        finished = true;
      } finally {
        // A result left half read keeps the connection paused: nothing else could run on it, not
        // even the rollback. Closing it ends the transaction on the server as a rollback would.
        if (!finished) connection.destroy();
      }
    },
    async transaction(work, opts) {
      await connection.query(opts?.readOnly ? 'START TRANSACTION READ ONLY' : 'START TRANSACTION');
      try {
        const result = await work();
        await connection.query('COMMIT');
        return result;
      } catch (err) {
        await connection.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    },
    close: () => connection.end(),
  };
}

/** Opens a session to the processor's database; a refused or timed-out connection is a `DatabaseUnavailable` the workflow retries. */
export async function openSession(p: SqlProcessor): Promise<SqlSession> {
  const target = await targetOf(p);
  try {
    return p.engine === 'postgres' ? await postgres(p, target) : await mysqlSession(p, target);
  } catch (err) {
    // The driver's message can hold the host and user; the error class is enough for the record.
    const code = (err as { code?: string }).code ?? 'unknown';
    throw new ProcessorError('DatabaseUnavailable', `could not connect to ${p.id}'s database (${code})`);
  }
}

/** Runs `work` with a session that is closed whatever happens. */
export async function withSession<T>(p: SqlProcessor, work: (session: SqlSession) => Promise<T>): Promise<T> {
  const session = await openSession(p);
  try {
    return await work(session);
  } finally {
    await session.close().catch(() => undefined);
  }
}
