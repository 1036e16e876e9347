/**
 * Retention rules at SQL tables against real servers: PostgreSQL and MariaDB from Debian's packages
 * and PGlite over the wire protocol. The runtime provides the requests table the runs are recorded
 * in and the bucket the reports go to; the demo course platform's rules run through its schedule.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegister, type Register } from '../../functions/domain/register-schema.ts';
import type { RetentionRun } from '../../functions/platform/data/retention-runs.ts';
import { startMariaDb, startPglite, startPostgres, type TestDatabase } from '../harness/databases.ts';
import { bucketClient, REQUESTS_TABLE, useRuntime } from '../harness/index.ts';

const local = useRuntime();

const DAY = 86_400_000;
const YEAR = 365.25 * DAY;
/** A moment `ms` ago, as both engines take a datetime literal (UTC). */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString().slice(0, 19).replace('T', ' ');
const dayAgo = (ms: number) => ago(ms).slice(0, 10);
/** When the vouchers already restricted were restricted: a rule must not restrict them again. */
const FIRST_RESTRICTED = '2020-01-02 03:04:05';

const SCHEMA = (engine: 'postgres' | 'mysql') => {
  const ts = engine === 'postgres' ? 'TIMESTAMPTZ' : 'DATETIME';
  return [
    `CREATE TABLE member (id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL UNIQUE, name VARCHAR(100), last_login ${ts} NULL,
       is_restricted BOOLEAN NOT NULL DEFAULT FALSE)`,
    `CREATE TABLE voucher (id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL REFERENCES member(id), booked_on DATE NOT NULL, restricted_at ${ts} NULL)`,
    `CREATE TABLE newsletter (id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL, unsubscribed_at ${ts} NULL)`,
    'CREATE TABLE signup (id INTEGER PRIMARY KEY, email VARCHAR(254) NOT NULL, created_on DATE NOT NULL)',
    'CREATE TABLE signup_answer (id INTEGER PRIMARY KEY, signup_id INTEGER NOT NULL REFERENCES signup(id), created_on DATE NOT NULL)',
    // A table the register does not declare, whose foreign key can block a delete.
    'CREATE TABLE signup_log (id INTEGER PRIMARY KEY, signup_id INTEGER NOT NULL REFERENCES signup(id))',
    `INSERT INTO member (id, email, name, last_login, is_restricted) VALUES
       (1, 'recent@example.org', 'Recent', '${ago(30 * DAY)}', FALSE), (2, 'gone@example.org', 'Gone', '${ago(40 * 30.5 * DAY)}', FALSE),
       (3, 'kept@example.org', 'Kept', '${ago(40 * 30.5 * DAY)}', TRUE), (4, 'never@example.org', 'Never', NULL, FALSE)`,
    `INSERT INTO voucher (id, member_id, booked_on, restricted_at) VALUES
       (10, 1, '${dayAgo(YEAR)}', NULL), (11, 1, '${dayAgo(8 * YEAR)}', NULL), (12, 2, '${dayAgo(8 * YEAR)}', '${FIRST_RESTRICTED}'),
       (13, 2, '${dayAgo(11 * YEAR)}', '${FIRST_RESTRICTED}'), (14, 3, '${dayAgo(11 * YEAR)}', NULL), (15, 3, '${dayAgo(3620 * DAY)}', NULL)`,
    `INSERT INTO newsletter (id, email, unsubscribed_at) VALUES ${[20, 21, 22, 23, 24, 25, 26].map((id) => `(${id}, 'n${id}@example.org', '${ago(30 * 30.5 * DAY)}')`).join(', ')},
       (27, 'n27@example.org', '${ago(30 * DAY)}'), (28, 'n28@example.org', NULL)`,
    `INSERT INTO signup (id, email, created_on) VALUES (30, 's30@example.org', '${dayAgo(2 * YEAR)}'), (31, 's31@example.org', '${dayAgo(2 * YEAR)}'),
       (32, 's32@example.org', '${dayAgo(30 * DAY)}')`,
    `INSERT INTO signup_answer (id, signup_id, created_on) VALUES (40, 30, '${dayAgo(2 * YEAR)}'), (41, 31, '${dayAgo(30 * DAY)}')`,
  ];
};

/** The club's database as a controller declares it, every rule enforced or every rule a dry run. */
function clubRegister(db: TestDatabase, enforce: boolean): Register {
  const rule = (id: string, countsFrom: string, afterMonths: number, action: string, more: object = {}) => ({
    id,
    description: id.replaceAll('-', ' '),
    countsFrom,
    afterMonths,
    action,
    enforce,
    ...more,
  });
  return parseRegister({
    controllers: [
      {
        id: 'sql-club',
        name: 'A club',
        country: 'SE',
        dpoEmail: 'dpo@club.test',
        locales: ['en'],
        supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
        processors: [
          {
            id: 'club-db',
            kind: 'sql',
            name: 'Club database',
            dataCategories: ['members'],
            purposes: ['membership'],
            legalBasis: 'contract',
            retention: 'see the rules',
            engine: db.engine,
            connection: { url: db.url },
            tls: 'off',
            tables: [
              {
                name: 'member',
                key: ['id'],
                match: { column: 'email', identity: 'email' },
                erasure: { mode: 'mask', columns: { email: { format: 'erased+{key}@invalid' }, name: 'null', last_login: 'null' } },
                restriction: { column: 'is_restricted', type: 'boolean' },
                retentionRules: [rule('inactive-members', 'last_login', 36, 'mask')],
              },
              {
                name: 'voucher',
                key: ['id'],
                match: { column: 'member_id', references: { table: 'member', column: 'id' } },
                erasure: { mode: 'legal_hold', legalBasis: 'Bookkeeping law', holdDays: 3653, fromColumn: 'booked_on' },
                restriction: { column: 'restricted_at', type: 'timestamp' },
                // Declared restriction first: the sweep still runs the delete before it. 118 months is a little
                // shorter than the hold of 3653 days: the hold wins over the rule.
                retentionRules: [rule('vouchers-restricted', 'booked_on', 84, 'restrict'), rule('vouchers-deleted', 'booked_on', 118, 'delete')],
              },
              {
                name: 'newsletter',
                key: ['id'],
                match: { column: 'email', identity: 'email' },
                erasure: { mode: 'delete' },
                retentionRules: [rule('unsubscribed', 'unsubscribed_at', 24, 'delete', { rowsPerBatch: 2, maxRowsPerRun: 5 })],
              },
              {
                name: 'signup',
                key: ['id'],
                match: { column: 'email', identity: 'email' },
                erasure: { mode: 'delete' },
                retentionRules: [rule('old-signups', 'created_on', 12, 'delete')],
              },
              {
                name: 'signup_answer',
                key: ['id'],
                match: { column: 'signup_id', references: { table: 'signup', column: 'id' } },
                erasure: { mode: 'delete' },
                retentionRules: [rule('old-answers', 'created_on', 12, 'delete')],
              },
            ],
          },
        ],
      },
    ],
  });
}

/** Runs statements on the test database directly, as the organisation's own app would. */
async function direct(db: TestDatabase, statements: string[]): Promise<Record<string, unknown>[][]> {
  const out: Record<string, unknown>[][] = [];
  if (db.engine === 'postgres') {
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    await client.query("SET TIME ZONE 'UTC'");
    for (const s of statements) out.push((await client.query(s)).rows);
    await client.end();
  } else {
    const c = await mysql.createConnection({ uri: db.url, dateStrings: true, timezone: 'Z' });
    await c.query("SET time_zone = '+00:00'");
    for (const s of statements) out.push((await c.query(s))[0] as Record<string, unknown>[]);
    await c.end();
  }
  return out;
}

const TABLES = ['member', 'voucher', 'newsletter', 'signup', 'signup_answer', 'signup_log'];

/** What the tables hold now, for comparing before and after. */
async function snapshot(db: TestDatabase): Promise<Record<string, Record<string, unknown>[]>> {
  const rows = await direct(
    db,
    TABLES.map((t) => `SELECT * FROM ${t} ORDER BY id`),
  );
  return Object.fromEntries(TABLES.map((t, i) => [t, JSON.parse(JSON.stringify(rows[i]))]));
}

const ids = (rows: Record<string, unknown>[] | undefined) => (rows ?? []).map((r) => Number(r.id));

async function reportOf(run: RetentionRun): Promise<Record<string, unknown>> {
  const s3 = bucketClient(local.rt.urls.s3);
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: 'dsr-packages', Key: run.reportKey! }));
    return JSON.parse(await object.Body!.transformToString());
  } finally {
    s3.destroy();
  }
}

/** The sweep the schedule's handler runs, loaded once the runtime has set the environment and the handler configured it. */
async function sweep(register: Register): Promise<Map<string, RetentionRun>> {
  await import('../../functions/handlers/scheduled/retention.ts');
  const { sweepRetentionRules } = await import('../../functions/retention/sweep.ts');
  // Runs are named by their start time.
  await new Promise((r) => setTimeout(r, 5));
  return new Map((await sweepRetentionRules(register)).map((run) => [run.ruleId, run]));
}

const SERVERS: Array<[string, () => Promise<TestDatabase>]> = [
  ['PostgreSQL', startPostgres],
  ['MariaDB', startMariaDb],
  ['PGlite over the wire protocol', startPglite],
];

describe.each(SERVERS)('retention rules at SQL tables on %s', (_name, startServer) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startServer();
    await direct(db, SCHEMA(db.engine));
  }, 120_000);
  afterAll(async () => db?.stop());

  it('reports in a dry run what each rule would change, and changes nothing', async () => {
    const before = await snapshot(db);
    const runs = await sweep(clubRegister(db, false));

    // Children before parents, and at a table its delete rules before the others.
    expect([...runs.keys()]).toEqual(['vouchers-deleted', 'vouchers-restricted', 'inactive-members', 'unsubscribed', 'old-answers', 'old-signups']);
    for (const run of runs.values()) expect(run, run.ruleId).toMatchObject({ mode: 'dry_run', status: 'completed', processorId: 'club-db', errors: 0 });
    // Member 3 is restricted: a mask leaves it as it is.
    expect(runs.get('inactive-members')).toMatchObject({ table: 'member', action: 'mask', matched: 2, wouldErase: 1, keptRestricted: 1 });
    // The 11-year-old vouchers are due for deletion, restricted or not; the restricted 8-year-old one is not
    // restricted again (nothing is deleted in a dry run, so the unrestricted 11-year-old one counts for both).
    // Voucher 15 is old enough for the rule but its hold of 3653 days is not over.
    expect(runs.get('vouchers-deleted')).toMatchObject({ matched: 3, wouldErase: 2, keptUnderLegalHold: 1 });
    expect(runs.get('vouchers-restricted')).toMatchObject({ matched: 3, wouldErase: 3 });
    expect(runs.get('unsubscribed')).toMatchObject({ matched: 7, wouldErase: 7 });
    // Both old signups still have answers, in a table the register declares: they wait for them.
    expect(runs.get('old-answers')).toMatchObject({ matched: 1, wouldErase: 1 });
    expect(runs.get('old-signups')).toMatchObject({ matched: 2, wouldErase: 0, keptReferenced: 2 });

    const report = await reportOf(runs.get('vouchers-deleted')!);
    expect(report).toMatchObject({ ruleId: 'vouchers-deleted', table: 'voucher', mode: 'dry_run', countsFrom: 'booked_on', afterMonths: 118 });
    expect(ids(report.wouldErase as Record<string, unknown>[]).sort()).toEqual([13, 14]);
    expect(report.keptUnderLegalHold).toEqual([{ key: { id: 15 }, holdUntil: expect.stringMatching(/^\d{4}-/), holdBasis: 'Bookkeeping law' }]);
    expect(report.outcome).toBeUndefined();
    // Bounded like the run: the first maxRowsPerRun keys.
    expect((await reportOf(runs.get('unsubscribed')!)).wouldErase).toHaveLength(5);

    expect(await snapshot(db)).toEqual(before);
  });

  it('changes exactly the expired rows when enforced: masks, restricts once, deletes held and restricted rows when their time is up', async () => {
    const runs = await sweep(clubRegister(db, true));
    const after = await snapshot(db);

    expect(runs.get('inactive-members')).toMatchObject({ mode: 'enforced', status: 'completed', erased: 1, deferred: 0 });
    expect(after.member!.find((m) => m.id === 2)).toMatchObject({ email: 'erased+2@invalid', name: null, last_login: null });
    expect(after.member!.find((m) => m.id === 3)).toMatchObject({ email: 'kept@example.org', name: 'Kept' });
    expect(after.member!.filter((m) => m.id !== 2).map((m) => m.email)).toEqual(['recent@example.org', 'kept@example.org', 'never@example.org']);

    // Two stages: the 11-year-old vouchers are gone (13 was under the erasure's hold, now over); 11 is restricted now, 12 keeps its first restriction.
    expect(ids(after.voucher)).toEqual([10, 11, 12, 15]);
    const voucher = (id: number) => after.voucher!.find((v) => v.id === id)!;
    expect(voucher(10).restricted_at).toBeNull();
    expect(voucher(11).restricted_at).not.toBeNull();
    expect(String(voucher(12).restricted_at)).toMatch(/^2020-01-02.03:04:05/);
    expect(voucher(15).restricted_at).not.toBeNull();
    expect(runs.get('vouchers-deleted')).toMatchObject({ erased: 2, keptUnderLegalHold: 1 });
    expect(runs.get('vouchers-restricted')).toMatchObject({ erased: 2 });

    // Children first: the old answer went, then its signup; signup 31 waits for its recent answer.
    expect(ids(after.signup_answer)).toEqual([41]);
    expect(ids(after.signup)).toEqual([31, 32]);

    // At most five a run, two a statement: two wait for the next run.
    expect(runs.get('unsubscribed')).toMatchObject({ wouldErase: 7, erased: 5, deferred: 2 });
    expect(ids(after.newsletter)).toHaveLength(4);
    const report = await reportOf(runs.get('unsubscribed')!);
    expect((report.outcome as { erased: unknown[]; deferred: number }).erased).toHaveLength(5);
    expect(report.outcome).toMatchObject({ deferred: 2 });
  });

  it('works through the rest in the next run, then finds nothing more to do', async () => {
    const second = await sweep(clubRegister(db, true));
    expect(second.get('unsubscribed')).toMatchObject({ wouldErase: 2, erased: 2, deferred: 0 });
    expect(ids((await snapshot(db)).newsletter)).toEqual([27, 28]);

    const before = await snapshot(db);
    const third = await sweep(clubRegister(db, true));
    for (const run of third.values()) expect(run, run.ruleId).toMatchObject({ status: 'completed', wouldErase: 0, erased: 0 });
    expect(third.get('inactive-members')).toMatchObject({ keptRestricted: 1 });
    expect(third.get('old-signups')).toMatchObject({ keptReferenced: 1 });
    expect(third.get('vouchers-deleted')).toMatchObject({ keptUnderLegalHold: 1 });
    expect(await snapshot(db)).toEqual(before);
  });

  it("fails only that rule's run, by name, when a table the register does not declare still refers to a row", async () => {
    await direct(db, [
      `INSERT INTO signup (id, email, created_on) VALUES (33, 's33@example.org', '${dayAgo(2 * YEAR)}')`,
      'INSERT INTO signup_log VALUES (50, 33)',
    ]);
    await direct(db, [`INSERT INTO newsletter (id, email, unsubscribed_at) VALUES (29, 'n29@example.org', '${ago(30 * 30.5 * DAY)}')`]);
    const runs = await sweep(clubRegister(db, true));
    expect(runs.get('old-signups')).toMatchObject({ status: 'failed', errorClass: 'RowsStillReferenced', wouldErase: 1 });
    expect(ids((await snapshot(db)).signup)).toEqual([31, 32, 33]);
    // The other rules ran.
    expect(runs.get('unsubscribed')).toMatchObject({ status: 'completed', erased: 1 });

    const trail = await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `RETENTION_RUN#sql-club#old-signups#${runs.get('old-signups')!.runAt}` },
      }),
    );
    expect((trail.Items ?? []).map((e) => e.event)).toEqual(['retention_run_started', 'retention_reported', 'retention_failed']);
  });
});

describe("the demo course platform's retention rules, through the runtime's daily schedule", () => {
  const courses = (): TestDatabase => ({ engine: 'postgres', url: local.rt.urls.courses, stop: async () => undefined });

  /** Fires the retention rules' schedule, as EventBridge Scheduler would at 03:00 UTC. */
  async function runRetentionSchedule(): Promise<void> {
    const schedule = local.rt.schedules.find((s) => local.rt.model.functions.get(s.functionLogicalId)?.entry === 'functions/handlers/scheduled/retention.ts');
    await local.rt.runSchedule(schedule!.logicalId);
  }

  async function latestRuns(): Promise<Map<string, RetentionRun>> {
    const out = await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'RETENTION#demo-course-platform' },
        ScanIndexForward: false,
      }),
    );
    const runs = new Map<string, RetentionRun>();
    for (const item of (out.Items ?? []) as unknown as RetentionRun[]) if (!runs.has(item.ruleId)) runs.set(item.ruleId, item);
    return runs;
  }

  const state = () =>
    direct(courses(), [
      'SELECT id, email, username, first_name, last_login FROM auth_user ORDER BY id',
      'SELECT id FROM billing_invoice ORDER BY id',
      'SELECT id FROM newsletter_consent ORDER BY id',
      'SELECT id FROM courses_enrollment ORDER BY id',
    ]);

  it('masks the account unused for three years, deletes the invoice past its six years and the consent withdrawn two years ago', async () => {
    await runRetentionSchedule();
    const runs = await latestRuns();
    expect(runs.get('inactive-course-accounts')).toMatchObject({ mode: 'enforced', status: 'completed', action: 'mask', table: 'auth_user', erased: 1 });
    expect(runs.get('invoices-after-six-years')).toMatchObject({ status: 'completed', action: 'delete', table: 'billing_invoice', erased: 1 });
    expect(runs.get('withdrawn-newsletter-consent')).toMatchObject({ status: 'completed', erased: 1 });

    const [users, invoices, consent, enrollments] = await state();
    // Gustav last logged in over three years ago: his account stays (his enrollment refers to it), with nothing that names him.
    expect(users!.find((u) => u.id === 3)).toEqual({ id: 3, email: 'erased+3@invalid', username: 'erased-3', first_name: null, last_login: null });
    expect(users!.filter((u) => u.id !== 3).map((u) => u.email)).toEqual(['Ada@Example.org', 'elin@example.org']);
    // Ada's 2019 invoice is past the six years of tax law; this year's invoices stay.
    expect(ids(invoices)).toEqual([21, 22]);
    // Gustav withdrew his consent over two years ago; Ada's is still given.
    expect(ids(consent)).toEqual([30]);
    expect(ids(enrollments)).toEqual([10, 11, 12, 13]);
  });

  it('finds nothing more to do the next day', async () => {
    const before = await state();
    await new Promise((r) => setTimeout(r, 5));
    await runRetentionSchedule();
    for (const run of (await latestRuns()).values()) expect(run, run.ruleId).toMatchObject({ status: 'completed', wouldErase: 0, erased: 0 });
    expect(await state()).toEqual(before);
  });
});
