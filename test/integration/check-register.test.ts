/**
 * `npm run check-register -- --connect` against real servers: PostgreSQL and MariaDB from Debian's
 * packages and PGlite over the wire protocol, each holding a course platform and the schemas of the
 * apps README.md shows (Django and Rails on PostgreSQL, WordPress on MariaDB); and the demo register
 * against the demo's own PGlite database, as `npm start` serves it.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRegister, type SqlProcessor } from '../../functions/domain/register-schema.ts';
import { withSession } from '../../functions/processors/sql/session.ts';
import { checkRegister } from '../../infra/check-register.ts';
import { describeSchema } from '../../infra/sql-schema.ts';
import { checkSqlSchema } from '../../infra/sql-schema-rules.ts';
import { type DemoCourseDatabase, startDemoCourseDatabase } from '../../local/demo-course-database.ts';
import { readmeSqlExamples, registerWith } from '../fixtures/readme-sql.ts';
import { startMariaDb, startPglite, startPostgres, type TestDatabase } from '../harness/databases.ts';
import { freePort } from '../harness/runtime.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');

async function exec(url: string, engine: TestDatabase['engine'], statements: string[]): Promise<void> {
  if (engine === 'postgres') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      for (const s of statements) await client.query(s);
    } finally {
      await client.end();
    }
  } else {
    const connection = await mysql.createConnection(url);
    try {
      for (const s of statements) await connection.query(s);
    } finally {
      await connection.end();
    }
  }
}

/** A course platform, with explicit foreign keys (MySQL ignores a column's inline REFERENCES) and a forum the register does not declare. */
const COURSES = (engine: TestDatabase['engine']) => [
  `CREATE TABLE auth_user (id INTEGER PRIMARY KEY, username VARCHAR(150) NOT NULL UNIQUE, email VARCHAR(254) NOT NULL UNIQUE,
     first_name VARCHAR(150), last_name VARCHAR(150), is_restricted BOOLEAN NOT NULL DEFAULT FALSE)`,
  `CREATE TABLE courses_enrollment (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, course VARCHAR(100) NOT NULL,
     FOREIGN KEY (user_id) REFERENCES auth_user(id))`,
  `CREATE TABLE billing_invoice (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, issued_on DATE NOT NULL, amount_cents INTEGER NOT NULL,
     restricted_at ${engine === 'postgres' ? 'TIMESTAMPTZ' : 'DATETIME'} NULL, FOREIGN KEY (user_id) REFERENCES auth_user(id))`,
  `CREATE TABLE forum_post (id INTEGER PRIMARY KEY, author_id INTEGER NULL, author_email VARCHAR(254) NOT NULL,
     FOREIGN KEY (author_id) REFERENCES auth_user(id))`,
];

/** Django's and Rails' tables as their migrations create them on PostgreSQL (the columns the README names, and a few around them). */
const DJANGO_AND_RAILS = [
  'CREATE SCHEMA readme',
  `CREATE TABLE readme.auth_user (id serial PRIMARY KEY, password varchar(128) NOT NULL, last_login timestamptz NULL,
     is_superuser boolean NOT NULL, username varchar(150) NOT NULL UNIQUE, first_name varchar(150) NOT NULL,
     last_name varchar(150) NOT NULL, email varchar(254) NOT NULL, is_staff boolean NOT NULL, is_active boolean NOT NULL,
     date_joined timestamptz NOT NULL)`,
  `CREATE TABLE readme.courses_enrollment (id bigserial PRIMARY KEY, course varchar(100) NOT NULL, enrolled_on date NOT NULL,
     user_id integer NOT NULL CONSTRAINT courses_enrollment_user_id_6bd4c2a5_fk_auth_user_id REFERENCES readme.auth_user(id) DEFERRABLE INITIALLY DEFERRED)`,
  `CREATE TABLE readme.billing_invoice (id bigserial PRIMARY KEY, number varchar(20) NOT NULL UNIQUE, issued_on date NOT NULL,
     total numeric(10, 2) NOT NULL, restricted_at timestamptz NULL,
     user_id integer NOT NULL CONSTRAINT billing_invoice_user_id_0c4f2c1e_fk_auth_user_id REFERENCES readme.auth_user(id) DEFERRABLE INITIALLY DEFERRED)`,
  `CREATE TABLE readme.users (id bigserial PRIMARY KEY, email character varying DEFAULT '' NOT NULL,
     encrypted_password character varying DEFAULT '' NOT NULL, reset_password_token character varying,
     reset_password_sent_at timestamp(6), remember_created_at timestamp(6), sign_in_count integer DEFAULT 0 NOT NULL,
     current_sign_in_at timestamp(6), last_sign_in_at timestamp(6), current_sign_in_ip character varying,
     last_sign_in_ip character varying, name character varying, created_at timestamp(6) NOT NULL, updated_at timestamp(6) NOT NULL)`,
  'CREATE UNIQUE INDEX index_users_on_email ON readme.users (email)',
  'CREATE UNIQUE INDEX index_users_on_reset_password_token ON readme.users (reset_password_token)',
  `CREATE TABLE readme.orders (id bigserial PRIMARY KEY, user_id bigint NOT NULL, total_cents integer NOT NULL, shipping_address text,
     created_at timestamp(6) NOT NULL, updated_at timestamp(6) NOT NULL,
     CONSTRAINT fk_rails_f868b47f6a FOREIGN KEY (user_id) REFERENCES readme.users (id))`,
];

/** WordPress's tables as wp-admin/includes/schema.php creates them (WooCommerce's classic orders are posts). */
const WORDPRESS = [
  'CREATE DATABASE wordpress',
  `CREATE TABLE wordpress.wp_users (ID bigint(20) unsigned NOT NULL auto_increment, user_login varchar(60) NOT NULL default '',
     user_pass varchar(255) NOT NULL default '', user_nicename varchar(50) NOT NULL default '', user_email varchar(100) NOT NULL default '',
     user_url varchar(100) NOT NULL default '', user_registered datetime NOT NULL, user_activation_key varchar(255) NOT NULL default '',
     user_status int(11) NOT NULL default '0', display_name varchar(250) NOT NULL default '',
     PRIMARY KEY (ID), KEY user_login_key (user_login), KEY user_nicename (user_nicename), KEY user_email (user_email))`,
  `CREATE TABLE wordpress.wp_usermeta (umeta_id bigint(20) unsigned NOT NULL auto_increment, user_id bigint(20) unsigned NOT NULL default '0',
     meta_key varchar(255) default NULL, meta_value longtext, PRIMARY KEY (umeta_id), KEY user_id (user_id), KEY meta_key (meta_key(191)))`,
  `CREATE TABLE wordpress.wp_comments (comment_ID bigint(20) unsigned NOT NULL auto_increment, comment_post_ID bigint(20) unsigned NOT NULL default '0',
     comment_author tinytext NOT NULL, comment_author_email varchar(100) NOT NULL default '', comment_author_url varchar(200) NOT NULL default '',
     comment_author_IP varchar(100) NOT NULL default '', comment_date datetime NOT NULL, comment_date_gmt datetime NOT NULL,
     comment_content text NOT NULL, comment_karma int(11) NOT NULL default '0', comment_approved varchar(20) NOT NULL default '1',
     comment_agent varchar(255) NOT NULL default '', comment_type varchar(20) NOT NULL default 'comment',
     comment_parent bigint(20) unsigned NOT NULL default '0', user_id bigint(20) unsigned NOT NULL default '0',
     PRIMARY KEY (comment_ID), KEY comment_post_ID (comment_post_ID), KEY comment_author_email (comment_author_email(10)))`,
  `CREATE TABLE wordpress.wp_postmeta (meta_id bigint(20) unsigned NOT NULL auto_increment, post_id bigint(20) unsigned NOT NULL default '0',
     meta_key varchar(255) default NULL, meta_value longtext, PRIMARY KEY (meta_id), KEY post_id (post_id), KEY meta_key (meta_key(191)))`,
  `CREATE TABLE wordpress.wp_posts (ID bigint(20) unsigned NOT NULL auto_increment, post_author bigint(20) unsigned NOT NULL default '0',
     post_date datetime NOT NULL, post_date_gmt datetime NOT NULL, post_content longtext NOT NULL, post_title text NOT NULL,
     post_excerpt text NOT NULL, post_status varchar(20) NOT NULL default 'publish', post_name varchar(200) NOT NULL default '',
     post_parent bigint(20) unsigned NOT NULL default '0', post_type varchar(20) NOT NULL default 'post',
     PRIMARY KEY (ID), KEY post_name (post_name(191)), KEY type_status_date (post_type, post_status, post_date, ID), KEY post_author (post_author))`,
];

type TableDecl = Record<string, unknown>;

/** The course platform as the register declares it, after `change` edits its tables. */
function coursePlatform(db: TestDatabase, change: (tables: TableDecl[]) => void = () => undefined): SqlProcessor {
  const tables: TableDecl[] = [
    {
      name: 'auth_user',
      key: ['id'],
      match: { column: 'email', identity: 'email' },
      export: ['id', 'username', 'email', 'first_name', 'last_name'],
      erasure: {
        mode: 'mask',
        columns: { email: { format: 'erased+{key}@invalid' }, username: { format: 'erased-{key}' }, first_name: 'null', last_name: 'hash' },
      },
      rectifiable: ['first_name', 'last_name'],
      restriction: { column: 'is_restricted', type: 'boolean' },
    },
    { name: 'courses_enrollment', key: ['id'], match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } }, erasure: { mode: 'delete' } },
    {
      name: 'billing_invoice',
      key: ['id'],
      match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } },
      erasure: { mode: 'legal_hold', legalBasis: 'tax law', holdDays: 2192, fromColumn: 'issued_on' },
      // The retention rule that ends the hold (the register refuses a hold without one).
      retentionRules: [
        { id: 'invoices-after-the-hold', description: 'Invoices deleted when their hold ends', countsFrom: 'issued_on', afterMonths: 72, action: 'delete' },
      ],
      restriction: { column: 'restricted_at', type: 'timestamp' },
    },
  ];
  change(tables);
  return processorOf({
    id: 'courses-db',
    kind: 'sql',
    name: 'Course platform database',
    dataCategories: ['account'],
    purposes: ['courses'],
    legalBasis: 'contract',
    retention: 'as long as the account exists',
    engine: db.engine,
    connection: { url: db.url },
    tls: 'off',
    tables,
  });
}

function processorOf(processor: unknown): SqlProcessor {
  const register = parseRegister({
    controllers: [
      {
        id: 'course-platform',
        name: 'Course platform',
        country: 'SE',
        dpoEmail: 'dpo@courses.test',
        locales: ['en'],
        supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
        processors: [processor],
      },
    ],
  });
  return register.controllers[0]!.processors[0] as SqlProcessor;
}

const check = (p: SqlProcessor) => withSession(p, async (session) => checkSqlSchema(p, await describeSchema(session, p)));
const table = (tables: TableDecl[], name: string) => tables.find((t) => t.name === name)!;
const masks = (tables: TableDecl[]) => (table(tables, 'auth_user').erasure as { columns: Record<string, unknown> }).columns;

/** Each kind of mistake, and the start of what the check says about it. */
const MISTAKES: Array<[string, (t: TableDecl[]) => void, string | string[]]> = [
  [
    'a table that does not exist',
    (t) => {
      table(t, 'courses_enrollment').name = 'courses_enrolment';
    },
    'courses-db: courses_enrolment: no such table',
  ],
  [
    'a match column that does not exist',
    (t) => Object.assign(table(t, 'auth_user'), { match: { column: 'mail', identity: 'email' }, erasure: { mode: 'mask', columns: { mail: 'hash' } } }),
    ['courses-db: auth_user.mail (match): no such column', 'courses-db: auth_user.mail (mask): no such column'],
  ],
  [
    'an export column that does not exist',
    (t) => {
      table(t, 'auth_user').export = ['id', 'phone'];
    },
    'courses-db: auth_user.phone (export): no such column',
  ],
  [
    'a mask column that does not exist',
    (t) => {
      masks(t).phone = 'null';
    },
    'courses-db: auth_user.phone (mask): no such column',
  ],
  [
    'a rectifiable column that does not exist',
    (t) => {
      table(t, 'auth_user').rectifiable = ['nickname'];
    },
    'courses-db: auth_user.nickname (rectifiable): no such column',
  ],
  [
    'a restriction column that does not exist',
    (t) => {
      table(t, 'auth_user').restriction = { column: 'restricted', type: 'boolean' };
    },
    'courses-db: auth_user.restricted (restriction): no such column',
  ],
  [
    "a legal hold's date column that does not exist",
    (t) => {
      table(t, 'billing_invoice').erasure = { mode: 'legal_hold', legalBasis: 'tax', holdDays: 10, fromColumn: 'issued_at' };
      table(t, 'billing_invoice').retentionRules = [
        { id: 'invoices-after-the-hold', description: 'Invoices deleted when their hold ends', countsFrom: 'issued_at', afterMonths: 72, action: 'delete' },
      ];
    },
    'courses-db: billing_invoice.issued_at (legal hold fromColumn): no such column',
  ],
  [
    "a references' column that does not exist",
    (t) => {
      table(t, 'courses_enrollment').match = { column: 'user_id', references: { table: 'auth_user', column: 'user_id' } };
    },
    'courses-db: auth_user.user_id (referenced by courses_enrollment.user_id): no such column',
  ],
  [
    'a key that is neither the primary key nor a unique key',
    (t) => {
      table(t, 'courses_enrollment').key = ['user_id'];
    },
    'courses-db: courses_enrollment.user_id (key): neither the primary key (id) nor a unique key',
  ],
  [
    'a null mask on a NOT NULL column',
    (t) => {
      masks(t).username = 'null';
    },
    'courses-db: auth_user.username (mask): the column is NOT NULL',
  ],
  [
    'a fixed value on a unique column',
    (t) => {
      masks(t).email = { value: 'gone@invalid' };
    },
    'courses-db: auth_user.email (mask): the column is in the unique key',
  ],
  [
    'a format without {key} on a unique column',
    (t) => {
      masks(t).username = { format: 'erased-{request}' };
    },
    'courses-db: auth_user.username (mask): the column is in the unique key',
  ],
  [
    'a boolean restriction declared timestamp',
    (t) => {
      table(t, 'auth_user').restriction = { column: 'is_restricted', type: 'timestamp' };
    },
    'courses-db: auth_user.is_restricted (restriction): declared timestamp, but the column is',
  ],
  [
    'a timestamp restriction declared boolean',
    (t) => {
      table(t, 'billing_invoice').restriction = { column: 'restricted_at', type: 'boolean' };
    },
    'courses-db: billing_invoice.restricted_at (restriction): declared boolean, but the column is',
  ],
  [
    'a legal hold counted from a number',
    (t) => {
      table(t, 'billing_invoice').erasure = { mode: 'legal_hold', legalBasis: 'tax', holdDays: 10, fromColumn: 'amount_cents' };
      table(t, 'billing_invoice').retentionRules = [
        { id: 'invoices-after-the-hold', description: 'Invoices deleted when their hold ends', countsFrom: 'amount_cents', afterMonths: 72, action: 'delete' },
      ];
    },
    'courses-db: billing_invoice.amount_cents (legal hold fromColumn): the hold is counted from a date',
  ],
  [
    'references that contradict the foreign key',
    (t) => {
      table(t, 'billing_invoice').match = { column: 'user_id', references: { table: 'courses_enrollment', column: 'id' } };
    },
    'courses-db: billing_invoice.user_id (match): the register says it references courses_enrollment.id, but its foreign key',
  ],
];

const SERVERS = [
  ['PostgreSQL', startPostgres],
  ['MariaDB', startMariaDb],
  ['PGlite over the wire protocol', startPglite],
] as const;

describe.each(SERVERS)('check-register --connect on %s', (_name, startServer) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await startServer();
    await exec(db.url, db.engine, [...COURSES(db.engine), ...(db.engine === 'postgres' ? DJANGO_AND_RAILS : WORDPRESS)]);
  });
  afterAll(async () => db?.stop());

  it('passes a register that matches the database, saying what it checked per table', async () => {
    const result = await check(coursePlatform(db));
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.tables.map((t) => t.table)).toEqual(['auth_user', 'courses_enrollment', 'billing_invoice']);
    expect(result.tables[0]!.checked).toContain('key (id) is the primary key (id)');
    expect(result.tables[1]!.checked.join('; ')).toMatch(/match user_id → auth_user\.id \(foreign key \w+\)/);
  });

  it.each(MISTAKES)('refuses %s, naming it', async (_what, change, message) => {
    const { problems } = await check(coursePlatform(db, change));
    expect(problems.map((p) => p.message)).toEqual([message].flat().map((m) => expect.stringContaining(m)));
  });

  it('warns of foreign keys a deletion meets the wrong way round', async () => {
    const deleting = (change: (t: TableDecl[]) => void = () => undefined) =>
      coursePlatform(db, (t) => {
        table(t, 'auth_user').erasure = { mode: 'delete' };
        change(t);
      });
    const kept = await check(deleting());
    expect(kept.problems).toEqual([]);
    expect(kept.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^courses-db: billing_invoice\.user_id: .*the register keeps billing_invoice's rows \(legal_hold\)/),
      expect.stringMatching(/^courses-db: forum_post\.author_id: .*forum_post is not declared/),
    ]);
    const forum = { name: 'forum_post', key: ['id'], match: { column: 'author_email', identity: 'email' }, erasure: { mode: 'delete' } };
    const outOfOrder = await check(
      deleting((t) => {
        table(t, 'billing_invoice').erasure = { mode: 'delete' };
        t.push(forum);
      }),
    );
    expect(outOfOrder.warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(/^courses-db: forum_post\.author_id: .*but the register erases auth_user before forum_post/),
    ]);
    const ordered = await check(
      deleting((t) => {
        table(t, 'billing_invoice').erasure = { mode: 'delete' };
        table(t, 'auth_user').after = ['forum_post'];
        t.push(forum);
      }),
    );
    expect(ordered.warnings).toEqual([]);
  });

  it("passes README's examples against the apps' own tables", async () => {
    const examples = readmeSqlExamples();
    const ids = db.engine === 'postgres' ? ['courses-db', 'shop-db'] : ['wordpress-db'];
    for (const id of ids) {
      const example = examples.get(id) as Record<string, unknown>;
      const url = db.engine === 'postgres' ? db.url : db.url.replace(/\/dsr$/, '/wordpress');
      const p = processorOf({ ...example, connection: { url }, tls: 'off', ...(db.engine === 'postgres' ? { schema: 'readme' } : {}) });
      const result = await check(p);
      expect({ id, problems: result.problems, warnings: result.warnings }).toEqual({ id, problems: [], warnings: [] });
      expect(result.tables).toHaveLength(p.tables.length);
    }
  });
});

describe('the demo register against its PGlite database, and the command', () => {
  let demo: DemoCourseDatabase;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dsr-check-register-'));
    demo = await startDemoCourseDatabase({ dataDir: dir, port: 0 });
  });
  afterAll(async () => {
    await demo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes --connect', async () => {
    const lines: string[] = [];
    const result = await checkRegister({ connect: true, env: { ...process.env, DEMO_COURSES_DB_URL: demo.url }, print: (l) => lines.push(l) });
    // The demo's only warnings are texts that lack a language a controller declares (test/integration/register-locales.test.ts).
    const untranslated = lines.filter((l) => /^warn {2}[a-z-]+: \d+ text\(s\) have no/.test(l));
    expect({ result, failed: lines.filter((l) => /^(FAIL|warn)/.test(l) && !untranslated.includes(l)) }).toEqual({
      result: { problems: 0, warnings: untranslated.length },
      failed: [],
    });
    for (const name of ['auth_user', 'courses_enrollment', 'courses_progress', 'billing_invoice', 'newsletter_consent'])
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^ok {4}${name}: `)));
  });

  it('exits 0 on the demo with --connect, and 1 naming each problem of a broken register', async () => {
    const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
    const ok = await run(tsx, ['infra/check-register.ts', '--connect'], { cwd: ROOT, env: { ...process.env, DEMO_COURSES_DB_URL: demo.url } });
    expect(ok.stdout).toMatch(/^ok {4}billing_invoice: .*hold counted from issued_on \(date\)/m);
    expect(ok.stdout).toMatch(/^no problems(, \d+ warning\(s\))?$/m);

    const broken = join(dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ controllers: [{ id: 'Bad', processors: [] }] }));
    const failed = await run(tsx, ['infra/check-register.ts', '--register', broken], { cwd: ROOT }).then(
      () => undefined,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/^FAIL {2}controllers\.0\.id: /m);
    expect(failed?.stdout).toMatch(/^FAIL {2}controllers\.0\.name: /m);
    expect(failed?.stdout).toMatch(/^FAIL {2}controllers\.0\.processors: /m);
  });

  it("prints a table's problems under it, and does not call that table ok", async () => {
    const register = JSON.parse(readFileSync(join(ROOT, 'config', 'register.json'), 'utf8'));
    const courses = register.controllers.find((c: { id: string }) => c.id === 'demo-course-platform');
    const database = courses.processors.find((p: { kind: string }) => p.kind === 'sql');
    database.tables.find((t: { name: string }) => t.name === 'auth_user').restriction.type = 'timestamp';
    const file = join(dir, 'mistaken.json');
    writeFileSync(file, JSON.stringify(register));
    const lines: string[] = [];
    const result = await checkRegister({ registerFile: file, connect: true, env: { DEMO_COURSES_DB_URL: demo.url }, print: (l) => lines.push(l) });
    // The demo's texts that lack a declared language are its only warnings.
    const untranslated = lines.filter((l) => /^warn {2}[a-z-]+: \d+ text\(s\) have no/.test(l)).length;
    expect(result).toEqual({ problems: 1, warnings: untranslated });
    const at = lines.findIndex((l) => /^ {6}auth_user: /.test(l));
    expect(lines[at + 1]).toBe(
      'FAIL  course-database: auth_user.is_restricted (restriction): declared timestamp, but the column is boolean; a timestamp restriction needs a timestamp column',
    );
    expect(lines.filter((l) => l.startsWith('ok    auth_user'))).toEqual([]);
    expect(lines).toContainEqual(expect.stringMatching(/^ok {4}courses_enrollment: /));
  });

  it('counts a database it cannot reach as a problem', async () => {
    const file = join(dir, 'unreachable.json');
    const p = {
      ...(readmeSqlExamples().get('courses-db') as object),
      connection: { url: `postgres://postgres@127.0.0.1:${await freePort()}/none` },
      tls: 'off',
    };
    writeFileSync(file, JSON.stringify(registerWith(p)));
    const lines: string[] = [];
    const result = await checkRegister({ registerFile: file, connect: true, env: {}, print: (l) => lines.push(l) });
    expect(result.problems).toBe(1);
    expect(lines).toContainEqual(expect.stringMatching(/^FAIL {2}readme\/courses-db: cannot read the schema: could not connect/));
  });
});
