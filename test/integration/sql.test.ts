/**
 * The sql kind against real servers: PostgreSQL and MariaDB from Debian's packages and PGlite over
 * the wire protocol, each holding a Django-like course platform (users, enrollments, invoices under
 * a tax hold, a newsletter list). The runtime provides the requests table the branch records in.
 */
import { randomUUID } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegister, type SqlProcessor } from '../../functions/domain/register-schema.ts';
import type { Branch, DsrRequest } from '../../functions/domain/request.ts';
import type { BranchContext } from '../../functions/processors/port.ts';
import { startMariaDb, startPglite, startPostgres, type TestDatabase } from '../harness/databases.ts';
import { confirmFromEmail, linksIn, statusLinkIn, submit, useRuntime, waitForEmail, waitForFinal } from '../harness/index.ts';

/** The workflow's states entered, in order, as the local Step Functions runs them. */
const states: string[] = [];
const local = useRuntime({ meter: { transition: (stateName) => states.push(stateName) } });

const DAY = 86_400_000;
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** An invoice issued 8 years ago (its 6-year hold is over) and one issued 30 days ago (held). */
const OLD_INVOICE = isoDate(Date.now() - 8 * 365 * DAY);
const NEW_INVOICE = isoDate(Date.now() - 30 * DAY);

const SCHEMA = (engine: 'postgres' | 'mysql') => [
  `CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username VARCHAR(150) NOT NULL UNIQUE, email VARCHAR(254) NOT NULL UNIQUE,
     first_name VARCHAR(150), last_name VARCHAR(150), is_restricted BOOLEAN NOT NULL DEFAULT FALSE)`,
  `CREATE TABLE courses_enrollment (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES auth_user(id), course VARCHAR(100) NOT NULL)`,
  `CREATE TABLE billing_invoice (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES auth_user(id), issued_on DATE NOT NULL,
     amount_cents INTEGER NOT NULL, restricted_at ${engine === 'postgres' ? 'TIMESTAMPTZ' : 'DATETIME'} NULL)`,
  'CREATE TABLE newsletter_subscriber (id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL, subscribed BOOLEAN NOT NULL)',
  `INSERT INTO auth_user (id, username, email, first_name, last_name) VALUES
     (1, 'jane', 'Jane.Doe@Example.ORG', 'Jane', 'Doe'), (2, 'olle', 'olle@example.org', 'Olle', 'Svensson')`,
  `INSERT INTO courses_enrollment (id, user_id, course) VALUES (10, 1, 'gdpr-101'), (11, 1, 'python'), (12, 2, 'python')`,
  `INSERT INTO billing_invoice (id, user_id, issued_on, amount_cents) VALUES
     (20, 1, '${OLD_INVOICE}', 4900), (21, 1, '${NEW_INVOICE}', 9900), (22, 2, '${NEW_INVOICE}', 9900)`,
  `INSERT INTO newsletter_subscriber (id, email, subscribed) VALUES (30, '  jane.doe@example.org ', TRUE), (31, 'olle@example.org', TRUE)`,
];

/** The course platform as a controller declares it. */
function coursePlatform(db: TestDatabase, overrides: Partial<Record<'maxRows' | 'statementTimeoutMs', number>> = {}): SqlProcessor {
  const register = parseRegister({
    controllers: [
      {
        id: 'course-platform',
        name: 'Course platform',
        country: 'SE',
        dpoEmail: 'dpo@courses.test',
        locales: ['en'],
        supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
        processors: [
          {
            id: 'courses-db',
            kind: 'sql',
            name: 'Course platform database',
            dataCategories: ['account', 'enrollments', 'invoices'],
            purposes: ['courses'],
            legalBasis: 'contract',
            retention: 'as long as the account exists; invoices 6 years',
            engine: db.engine,
            connection: { url: db.url },
            tls: 'off',
            ...(overrides.statementTimeoutMs ? { statementTimeoutMs: overrides.statementTimeoutMs } : {}),
            tables: [
              {
                name: 'auth_user',
                key: ['id'],
                match: { column: 'email', identity: 'email' },
                export: ['id', 'username', 'email', 'first_name', 'last_name'],
                // Invoices still refer to the user: the row stays, with nothing left that names the person.
                erasure: {
                  mode: 'mask',
                  columns: { email: { format: 'erased+{key}@invalid' }, username: { format: 'erased-{key}' }, first_name: 'null', last_name: 'null' },
                },
                rectifiable: ['first_name', 'last_name'],
                restriction: { column: 'is_restricted', type: 'boolean' },
              },
              {
                name: 'courses_enrollment',
                key: ['id'],
                match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } },
                erasure: { mode: 'delete' },
                ...(overrides.maxRows ? { maxRows: overrides.maxRows } : {}),
              },
              {
                name: 'billing_invoice',
                key: ['id'],
                match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } },
                erasure: { mode: 'legal_hold', legalBasis: 'Bokföringslagen 7:2', holdDays: 6 * 365, fromColumn: 'issued_on' },
                restriction: { column: 'restricted_at', type: 'timestamp' },
                // The hold ends by this rule (test/integration/sql-retention.test.ts runs it).
                retentionRules: [
                  { id: 'invoices-after-six-years', description: 'Invoices six years after issue', countsFrom: 'issued_on', afterMonths: 72, action: 'delete' },
                ],
              },
              {
                name: 'newsletter_subscriber',
                key: ['id'],
                match: { column: 'email', identity: 'email' },
                erasure: { mode: 'delete' },
              },
            ],
          },
        ],
      },
    ],
  });
  return register.controllers[0]!.processors[0] as SqlProcessor;
}

/** Runs statements on the test database directly, as the organisation's own app would. */
async function direct(db: TestDatabase, statements: string[]): Promise<Record<string, unknown>[][]> {
  const out: Record<string, unknown>[][] = [];
  if (db.engine === 'postgres') {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    for (const s of statements) out.push((await client.query(s)).rows);
    await client.end();
  } else {
    const c = await mysql.createConnection({ uri: db.url, dateStrings: true });
    for (const s of statements) out.push((await c.query(s))[0] as Record<string, unknown>[]);
    await c.end();
  }
  return out;
}

/** What the tables hold now, for comparing before and after. */
async function snapshot(db: TestDatabase) {
  const tables = ['auth_user', 'courses_enrollment', 'billing_invoice', 'newsletter_subscriber'];
  const rows = await direct(
    db,
    tables.map((t) => `SELECT * FROM ${t} ORDER BY id`),
  );
  return Object.fromEntries(tables.map((t, i) => [t, JSON.parse(JSON.stringify(rows[i]))]));
}

/** A branch of a fresh request at the course platform, as Plan would have created it. */
async function branchContext(p: SqlProcessor, action: Branch['action']): Promise<BranchContext> {
  const { ensureBranch, getBranch } = await import('../../functions/platform/data/branches.ts');
  const requestId = randomUUID();
  await ensureBranch(requestId, p.id, 'sql', action);
  const request = { requestId, type: 'erasure', createdAt: new Date().toISOString(), receivedAt: new Date().toISOString() } as DsrRequest;
  return { request, controller: {} as BranchContext['controller'], branch: (await getBranch(requestId, p.id))! };
}

const SERVERS: Array<[string, () => Promise<TestDatabase>]> = [
  ['PostgreSQL', startPostgres],
  ['MariaDB', startMariaDb],
  ['PGlite over the wire protocol', startPglite],
];

describe.each(SERVERS)('the sql kind on %s', (_name, startServer) => {
  let db: TestDatabase;
  let kind: typeof import('../../functions/processors/sql/adapter.ts').sqlProcessor;
  const subject = { email: ' Jane.Doe@example.org' };

  beforeAll(async () => {
    db = await startServer();
    kind = (await import('../../functions/processors/sql/adapter.ts')).sqlProcessor;
  }, 120_000);
  afterAll(async () => db?.stop());

  /** A fresh copy of the course platform for each test. */
  async function seeded(): Promise<void> {
    await direct(db, [
      'DROP TABLE IF EXISTS courses_enrollment',
      'DROP TABLE IF EXISTS billing_invoice',
      'DROP TABLE IF EXISTS newsletter_subscriber',
      'DROP TABLE IF EXISTS auth_user',
    ]);
    await direct(db, SCHEMA(db.engine));
  }

  it('exports every row of the subject, found case-insensitively and through the keys the user table provides', async () => {
    await seeded();
    const p = coursePlatform(db);
    const written: Record<string, unknown>[] = [];
    const out = { write: async (r: Record<string, unknown>) => void written.push(r) } as never;
    await kind.exportData(p, subject, out, await branchContext(p, 'export'));

    const byTable = (t: string) => written.filter((r) => r._table === t);
    expect(byTable('auth_user')).toEqual([
      { _table: 'auth_user', id: 1, username: 'jane', email: 'Jane.Doe@Example.ORG', first_name: 'Jane', last_name: 'Doe' },
    ]);
    expect(
      byTable('courses_enrollment')
        .map((r) => r.course)
        .sort(),
    ).toEqual(['gdpr-101', 'python']);
    expect(byTable('billing_invoice').map((r) => r.id)).toEqual([20, 21]);
    expect(byTable('newsletter_subscriber').map((r) => r.id)).toEqual([30]);
    // Columns left out of the export declaration stay out.
    expect(byTable('auth_user')[0]).not.toHaveProperty('is_restricted');
  });

  it('reads a statement in batches as they are consumed, and a session left part-way still rolls back and closes', async () => {
    await seeded();
    const values = Array.from({ length: 250 }, (_, i) => `(${1000 + i}, 2, 'course-${i}')`).join(', ');
    await direct(db, [`INSERT INTO courses_enrollment (id, user_id, course) VALUES ${values}`]);
    const { withSession } = await import('../../functions/processors/sql/session.ts');
    const { TableStatements } = await import('../../functions/processors/sql/statements.ts');
    const p = coursePlatform(db);
    const select = new TableStatements(p, p.tables.find((t) => t.name === 'courses_enrollment')!).select(['id'], [2], 1_000);

    const sizes = await withSession(p, (session) =>
      session.transaction(
        async () => {
          const out: number[] = [];
          for await (const batch of session.rows(select, 100)) out.push(batch.length);
          return out;
        },
        { readOnly: true },
      ),
    );
    expect(sizes).toEqual([100, 100, 51]);

    // Left after the first batch by an error (as the maxRows guard leaves it): no hang, the error comes through.
    const left = withSession(p, (session) =>
      session.transaction(async () => {
        for await (const _batch of session.rows(select, 100)) throw new Error('enough');
      }),
    );
    await expect(left).rejects.toThrow('enough');
    expect(await withSession(p, (session) => session.query(select))).toHaveLength(251);
  });

  it('streams an export larger than one batch, every row once, and stops one with more rows than declared without stalling the connection', async () => {
    await seeded();
    const { EXPORT_BATCH } = await import('../../functions/processors/sql/adapter.ts');
    const many = 2 * EXPORT_BATCH + 500;
    const values = Array.from({ length: many }, (_, i) => `(${1000 + i}, 1, 'course-${i}')`).join(', ');
    await direct(db, [`INSERT INTO courses_enrollment (id, user_id, course) VALUES ${values}`]);

    const written: Record<string, unknown>[] = [];
    const out = { write: async (r: Record<string, unknown>) => void written.push(r) } as never;
    const p = coursePlatform(db, { maxRows: many + 2 });
    await kind.exportData(p, subject, out, await branchContext(p, 'export'));
    const ids = written.filter((r) => r._table === 'courses_enrollment').map((r) => r.id);
    expect(ids).toHaveLength(many + 2);
    expect(new Set(ids).size).toBe(many + 2);

    // Over the limit part-way through the second batch: the branch goes to staff, and the next session works.
    const capped = coursePlatform(db, { maxRows: EXPORT_BATCH + 10 });
    await expect(kind.exportData(capped, subject, { write: async () => undefined } as never, await branchContext(capped, 'export'))).rejects.toMatchObject({
      name: 'MaxRowsExceeded',
    });
    const again: unknown[] = [];
    await kind.exportData(p, subject, { write: async (r: unknown) => void again.push(r) } as never, await branchContext(p, 'export'));
    expect(again).toHaveLength(written.length);
  });

  it('serves branches of several requests at once, each on a connection of its own', async () => {
    await seeded();
    const p = coursePlatform(db);
    const exports = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const written: Record<string, unknown>[] = [];
        await kind.exportData(p, subject, { write: async (r: Record<string, unknown>) => void written.push(r) } as never, await branchContext(p, 'export'));
        return written.length;
      }),
    );
    expect(exports).toEqual([6, 6, 6, 6]);
  });

  it('erases as each table declares: deletes, masks keeping the format, and keeps held invoices restricted, saying until when', async () => {
    await seeded();
    const p = coursePlatform(db);
    const before = await snapshot(db);
    const outcome = await kind.erase(p, subject, await branchContext(p, 'erase'));

    // Deleted: two enrollments, the invoice whose hold is over, the newsletter entry; masked: the user.
    expect(outcome.recordCount).toBe(4);
    expect(outcome.maskedCount).toBe(1);
    expect(outcome.heldCount).toBe(1);
    expect(outcome.holdBasis).toBe('Bokföringslagen 7:2');
    expect(outcome.holdUntil!.slice(0, 10)).toBe(isoDate(Date.parse(NEW_INVOICE) + 6 * 365 * DAY));

    const after = await snapshot(db);
    expect(after.auth_user[0]).toMatchObject({ id: 1, email: 'erased+1@invalid', username: 'erased-1', first_name: null, last_name: null });
    expect(after.courses_enrollment.map((r: { id: number }) => r.id)).toEqual([12]);
    expect(after.billing_invoice.map((r: { id: number }) => r.id)).toEqual([21, 22]);
    expect(after.billing_invoice[0].restricted_at).not.toBeNull();
    expect(after.newsletter_subscriber.map((r: { id: number }) => r.id)).toEqual([31]);
    // The other member is untouched.
    expect(after.auth_user[1]).toEqual(before.auth_user[1]);
    expect(after.billing_invoice[1]).toEqual(before.billing_invoice[2]);
  });

  it('changes nothing more when an erasure that committed runs again, and reports what the first run did', async () => {
    await seeded();
    const p = coursePlatform(db);
    const ctx = await branchContext(p, 'erase');
    const first = await kind.erase(p, subject, ctx);
    const afterFirst = await snapshot(db);
    const { getBranch } = await import('../../functions/platform/data/branches.ts');
    // The retry reads the branch as the crashed attempt left it.
    const again = await kind.erase(p, subject, { ...ctx, branch: (await getBranch(ctx.request.requestId, p.id))! });
    expect(await snapshot(db)).toEqual(afterFirst);
    expect(again).toEqual(first);
  });

  it('sends the branch to staff when more rows match than declared, changing nothing', async () => {
    await seeded();
    const p = coursePlatform(db, { maxRows: 1 });
    const before = await snapshot(db);
    await expect(kind.erase(p, subject, await branchContext(p, 'erase'))).rejects.toMatchObject({ name: 'MaxRowsExceeded' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('finds nothing and changes nothing for identities that try SQL injection', async () => {
    await seeded();
    const p = coursePlatform(db);
    const before = await snapshot(db);
    for (const email of ["x' OR '1'='1", "'; DROP TABLE auth_user; --", "jane.doe@example.org' OR 1=1 -- ", '%', '\\']) {
      const outcome = await kind.erase(p, { email }, await branchContext(p, 'erase'));
      expect(outcome).toEqual({ recordCount: 0 });
    }
    expect(await snapshot(db)).toEqual(before);
  });

  it('corrects a declared column and restricts the rows of tables that declare a restriction column', async () => {
    await seeded();
    const p = coursePlatform(db);
    const corrected = await kind.rectify(p, subject, { attribute: 'last_name', corrected: 'Doe-Smith' }, await branchContext(p, 'rectify'));
    expect(corrected).toEqual({ recordCount: 1 });
    await expect(kind.rectify(p, subject, { attribute: 'email', corrected: 'x@y.z' }, await branchContext(p, 'rectify'))).rejects.toMatchObject({
      name: 'NotRectifiable',
    });

    const restricted = await kind.restrict(p, subject, await branchContext(p, 'restrict'));
    // The user row and both of the subject's invoices.
    expect(restricted).toEqual({ recordCount: 3 });
    const after = await snapshot(db);
    expect(after.auth_user[0]).toMatchObject({ last_name: 'Doe-Smith' });
    expect(Boolean(after.auth_user[0].is_restricted)).toBe(true);
    expect(Boolean(after.auth_user[1].is_restricted)).toBe(false);
    expect(after.billing_invoice.filter((r: { restricted_at: unknown }) => r.restricted_at !== null).map((r: { id: number }) => r.id)).toEqual([20, 21]);
  });

  it('fails with a retryable class, naming no host or user, when the database cannot be reached', async () => {
    const p = { ...coursePlatform(db), connection: { url: db.url.replace(/:(\d+)\//, ':1/') } };
    const ctx = await branchContext(p, 'erase');
    const failure = await kind.erase(p, subject, ctx).catch((err: Error) => err);
    expect(failure).toMatchObject({ name: 'DatabaseUnavailable' });
    expect((failure as Error).message).not.toContain('127.0.0.1');
  });
});

describe('a request at the demo course platform, whose data is in PostgreSQL (PGlite through npm start)', () => {
  const courses = (): TestDatabase => ({ engine: 'postgres', url: local.rt.urls.courses, stop: async () => undefined });

  it('exports the rows of every table to the access package, from the database task and not the stores', async () => {
    states.length = 0;
    const { requestId } = await submit(local.rt, { type: 'access', email: 'ada@example.org', locale: 'en', controller: 'demo-course-platform' });
    const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'ada@example.org'));
    const final = await waitForFinal(statusLinkIn(await confirmed.text()));
    expect(final).toMatchObject({ requestId, status: 'completed', processors: [{ id: 'course-database', status: 'completed' }] });
    // Its one branch is a database's: RunProcessor, which carries no SQL driver, never runs.
    expect(states).toContain('RunDatabaseProcessor');
    expect(states).not.toContain('RunProcessor');
    const completion = await waitForEmail(local.rt, 'ada@example.org', 3);
    expect(linksIn(completion).some((l) => l.includes('/package?token='))).toBe(true);
  });

  it('masks the account, deletes enrollments, progress and consent, keeps the recent invoice and tells the person until when', async () => {
    const [users] = await direct(courses(), ['SELECT id, email FROM auth_user ORDER BY id']);
    expect(users!.map((u) => u.email)).toEqual(['Ada@Example.org', 'elin@example.org', 'gustav@example.org']);

    await submit(local.rt, { type: 'erasure', email: 'ada@example.org', locale: 'en', controller: 'demo-course-platform' });
    const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'ada@example.org', 4));
    expect((await waitForFinal(statusLinkIn(await confirmed.text()))).status).toBe('completed');

    const [user, enrollments, progress, invoices, consent] = await direct(courses(), [
      'SELECT email, username, first_name FROM auth_user WHERE id = 1',
      'SELECT id FROM courses_enrollment ORDER BY id',
      'SELECT id FROM courses_progress ORDER BY id',
      'SELECT id, restricted_at FROM billing_invoice ORDER BY id',
      'SELECT id FROM newsletter_consent ORDER BY id',
    ]);
    expect(user).toEqual([{ email: 'erased+1@invalid', username: 'erased-1', first_name: null }]);
    expect(enrollments!.map((r) => r.id)).toEqual([12, 13]);
    expect(progress!.map((r) => r.id)).toEqual([103]);
    // The 2019 invoice's six years are over; this year's is kept, restricted.
    expect(invoices!.map((r) => [r.id, r.restricted_at !== null])).toEqual([
      [21, true],
      [22, false],
    ]);
    expect(consent!.map((r) => r.id)).toEqual([31]);

    const report = await waitForEmail(local.rt, 'ada@example.org', 6);
    const line = report.body.text!.split('\n').find((l) => l.includes('Course platform database'));
    // Two enrollments, their three lessons, the old invoice and the consent; the account masked; this year's invoice kept.
    expect(line).toMatch(/deleted 7 records; removed identifying details from 1 record.*; kept 1 record until .* \(tax law: .*six years\)/);
  });
});

describe.each(SERVERS.slice(0, 2))('a statement that outlasts the declared timeout on %s', (_name, startServer) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await startServer();
  }, 120_000);
  afterAll(async () => db?.stop());

  it('fails the attempt as DatabaseTimeout, naming no value, and leaves the rows as they were', async () => {
    await direct(db, [
      'DROP TABLE IF EXISTS courses_enrollment',
      'DROP TABLE IF EXISTS billing_invoice',
      'DROP TABLE IF EXISTS newsletter_subscriber',
      'DROP TABLE IF EXISTS auth_user',
    ]);
    await direct(db, SCHEMA(db.engine));
    const p = coursePlatform(db, { statementTimeoutMs: 300 });
    const kind = (await import('../../functions/processors/sql/adapter.ts')).sqlProcessor;
    // Another session holds the subject's account row, as a long transaction of the app would.
    const holder = db.engine === 'postgres' ? new pg.Client({ connectionString: db.url }) : undefined;
    const mysqlHolder = db.engine === 'mysql' ? await mysql.createConnection({ uri: db.url }) : undefined;
    if (holder) {
      await holder.connect();
      await holder.query('BEGIN');
      await holder.query('LOCK TABLE auth_user IN ACCESS EXCLUSIVE MODE');
    } else {
      await mysqlHolder!.query('START TRANSACTION');
      await mysqlHolder!.query('SELECT * FROM auth_user FOR UPDATE');
    }
    try {
      const failure = await kind.erase(p, { email: 'jane.doe@example.org' }, await branchContext(p, 'erase')).catch((err: Error) => err);
      expect(failure).toMatchObject({ name: 'DatabaseTimeout' });
      expect((failure as Error).message).not.toMatch(/jane|example\.org/i);
    } finally {
      if (holder) await holder.query('ROLLBACK').then(() => holder.end());
      else await mysqlHolder!.query('ROLLBACK').then(() => mysqlHolder!.end());
    }
    expect((await snapshot(db)).auth_user[0]).toMatchObject({ email: 'Jane.Doe@Example.ORG' });
  });
});
