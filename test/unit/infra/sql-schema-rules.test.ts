import { describe, expect, it } from 'vitest';
import { parseRegister, type SqlProcessor } from '../../../functions/domain/register-schema.ts';
import type { DescribedColumn, DescribedSchema, DescribedTable, ForeignKey, UniqueKey } from '../../../infra/sql-schema.ts';
import { checkSqlSchema, typeClass } from '../../../infra/sql-schema-rules.ts';

const col = (type: string, nullable = true, maxLength: number | null = null): DescribedColumn => ({ type, nullable, maxLength });
const pk = (...columns: string[]): UniqueKey => ({ name: 'pk', columns, primary: true, partial: false, expression: false });
const uq = (name: string, ...columns: string[]): UniqueKey => ({ name, columns, primary: false, partial: false, expression: false });
const fk = (table: string, column: string, refTable: string, refColumn = 'id', onDelete: ForeignKey['onDelete'] = 'no action'): ForeignKey => ({
  name: `${table}_${column}_fkey`,
  schema: 'public',
  table,
  columns: [column],
  refSchema: 'public',
  refTable,
  refColumns: [refColumn],
  onDelete,
});

/** A Django-like course platform as PostgreSQL describes it. */
function described(change: (tables: Record<string, DescribedTable>, fks: ForeignKey[]) => void = () => undefined): DescribedSchema {
  const tables: Record<string, DescribedTable> = {
    auth_user: {
      columns: {
        id: col('integer', false),
        username: col('character varying', false, 150),
        email: col('character varying', false, 254),
        first_name: col('character varying', true, 150),
        is_restricted: col('boolean', false),
      },
      unique: [pk('id'), uq('auth_user_username_key', 'username'), uq('auth_user_email_key', 'email')],
    },
    courses_enrollment: { columns: { id: col('integer', false), user_id: col('integer', false), course: col('text', false) }, unique: [pk('id')] },
    billing_invoice: {
      columns: { id: col('integer', false), user_id: col('integer', false), issued_on: col('date', false), restricted_at: col('timestamp with time zone') },
      unique: [pk('id')],
    },
  };
  const fks = [fk('courses_enrollment', 'user_id', 'auth_user'), fk('billing_invoice', 'user_id', 'auth_user')];
  change(tables, fks);
  return { engine: 'postgres', schema: 'public', tables, foreignKeys: fks };
}

type TableDecl = Record<string, unknown>;
const TABLES = (): TableDecl[] => [
  {
    name: 'auth_user',
    key: ['id'],
    match: { column: 'email', identity: 'email' },
    export: ['id', 'username', 'email', 'first_name'],
    erasure: { mode: 'mask', columns: { email: { format: 'erased+{key}@invalid' }, username: { format: 'erased-{key}' }, first_name: 'null' } },
    rectifiable: ['first_name'],
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

/** The processor as the register declares it, after `change` edits its tables. */
function processor(change: (tables: TableDecl[]) => void = () => undefined, engine: 'postgres' | 'mysql' = 'postgres'): SqlProcessor {
  const tables = TABLES();
  change(tables);
  const register = parseRegister({
    controllers: [
      {
        id: 'courses',
        name: 'Courses',
        country: 'SE',
        dpoEmail: 'dpo@courses.test',
        locales: ['en'],
        supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
        processors: [
          {
            id: 'courses-db',
            kind: 'sql',
            name: 'Course database',
            dataCategories: ['account'],
            purposes: ['courses'],
            legalBasis: 'contract',
            retention: 'while the account exists',
            engine,
            connection: { url: 'postgres://db.internal/courses' },
            tables,
          },
        ],
      },
    ],
  });
  return register.controllers[0]!.processors[0] as SqlProcessor;
}

const table = (tables: TableDecl[], name: string) => tables.find((t) => t.name === name)!;
const problemsOf = (p: SqlProcessor, db: DescribedSchema) => checkSqlSchema(p, db).problems.map((f) => f.message);

describe('the register against a described schema', () => {
  it('passes a register that matches, and says what it checked per table', () => {
    const check = checkSqlSchema(processor(), described());
    expect(check.problems).toEqual([]);
    expect(check.warnings).toEqual([]);
    expect(check.tables.map((t) => t.table)).toEqual(['auth_user', 'courses_enrollment', 'billing_invoice']);
    expect(check.tables[0]!.checked).toContain('key (id) is the primary key (id)');
    expect(check.tables[1]!.checked).toContain('match user_id → auth_user.id (foreign key courses_enrollment_user_id_fkey)');
    expect(check.tables[2]!.checked).toContain('hold counted from issued_on (date)');
  });

  it('refuses a table that does not exist', () => {
    const p = processor((t) => {
      table(t, 'courses_enrollment').name = 'courses_enrolment';
    });
    expect(problemsOf(p, described())).toEqual(['courses-db: courses_enrolment: no such table in schema public']);
  });

  it.each([
    [
      'match',
      (t: TableDecl[]) =>
        Object.assign(table(t, 'auth_user'), { match: { column: 'mail', identity: 'email' }, erasure: { mode: 'mask', columns: { mail: 'hash' } } }),
      'auth_user.mail (match)',
    ],
    ['key', (t: TableDecl[]) => Object.assign(table(t, 'courses_enrollment'), { key: ['pk'] }), 'courses_enrollment.pk (key)'],
    ['export', (t: TableDecl[]) => Object.assign(table(t, 'auth_user'), { export: ['id', 'last_name'] }), 'auth_user.last_name (export)'],
    [
      'mask',
      (t: TableDecl[]) =>
        Object.assign(table(t, 'auth_user'), { erasure: { mode: 'mask', columns: { email: { format: 'erased+{key}@invalid' }, last_name: 'null' } } }),
      'auth_user.last_name (mask)',
    ],
    ['rectifiable', (t: TableDecl[]) => Object.assign(table(t, 'auth_user'), { rectifiable: ['phone'] }), 'auth_user.phone (rectifiable)'],
    [
      'restriction',
      (t: TableDecl[]) => Object.assign(table(t, 'auth_user'), { restriction: { column: 'restricted', type: 'boolean' } }),
      'auth_user.restricted (restriction)',
    ],
    [
      'legal hold fromColumn',
      (t: TableDecl[]) =>
        Object.assign(table(t, 'billing_invoice'), {
          erasure: { mode: 'legal_hold', legalBasis: 'tax', holdDays: 10, fromColumn: 'issued_at' },
          retentionRules: [
            { id: 'invoices-after-the-hold', description: 'Invoices deleted when their hold ends', countsFrom: 'issued_at', afterMonths: 72, action: 'delete' },
          ],
        }),
      'billing_invoice.issued_at (legal hold fromColumn)',
    ],
    [
      "references' column",
      (t: TableDecl[]) =>
        Object.assign(table(t, 'courses_enrollment'), { match: { column: 'user_id', references: { table: 'auth_user', column: 'user_id' } } }),
      'auth_user.user_id (referenced by courses_enrollment.user_id)',
    ],
  ])('refuses a %s column that does not exist, naming processor, table and column', (_role, change, where) => {
    expect(problemsOf(processor(change), described())).toContain(`courses-db: ${where}: no such column in ${where.split('.')[0]}`);
  });

  it("files a referenced column's problem under the entry that references it", () => {
    const p = processor((t) =>
      Object.assign(table(t, 'courses_enrollment'), { match: { column: 'user_id', references: { table: 'auth_user', column: 'uid' } } }),
    );
    expect(checkSqlSchema(p, described()).problems).toEqual([
      {
        entry: 'courses_enrollment',
        table: 'auth_user',
        column: 'uid',
        message: 'courses-db: auth_user.uid (referenced by courses_enrollment.user_id): no such column in auth_user',
      },
    ]);
  });

  it('accepts a key that is the primary key or a unique key, in any order, and refuses one that is neither', () => {
    const byUsername = processor((t) =>
      Object.assign(table(t, 'auth_user'), { key: ['username'], erasure: { mode: 'mask', columns: { email: { format: 'erased+{key}@invalid' } } } }),
    );
    expect(problemsOf(byUsername, described())).toEqual([]);
    const composite = described((tables) => {
      tables.courses_enrollment = { ...tables.courses_enrollment!, unique: [pk('user_id', 'course')] };
    });
    expect(
      problemsOf(
        processor((t) => Object.assign(table(t, 'courses_enrollment'), { key: ['course', 'user_id'] })),
        composite,
      ),
    ).toEqual([]);
    expect(
      problemsOf(
        processor((t) => Object.assign(table(t, 'courses_enrollment'), { key: ['user_id'] })),
        composite,
      ),
    ).toEqual([
      'courses-db: courses_enrollment.user_id (key): neither the primary key (user_id, course) nor a unique key: a change by this key could reach other rows',
    ]);
  });

  it('does not take a partial or expression unique index for a key', () => {
    const db = described((tables) => {
      tables.courses_enrollment = {
        ...tables.courses_enrollment!,
        unique: [
          { name: 'live_course', columns: ['course'], primary: false, partial: true, expression: false },
          { name: 'lower_course', columns: ['course'], primary: false, partial: false, expression: true },
        ],
      };
    });
    const problems = problemsOf(
      processor((t) => Object.assign(table(t, 'courses_enrollment'), { key: ['course'] })),
      db,
    );
    expect(problems).toEqual([
      'courses-db: courses_enrollment.course (key): neither the primary key (the table has none) nor a unique key: a change by this key could reach other rows',
    ]);
  });

  it('refuses a null mask on a NOT NULL column', () => {
    const p = processor((t) => {
      (table(t, 'auth_user').erasure as { columns: Record<string, unknown> }).columns.username = 'null';
    });
    expect(problemsOf(p, described())).toEqual([
      'courses-db: auth_user.username (mask): the column is NOT NULL: masking it with null would fail; mask it with a value or a format',
    ]);
  });

  it('refuses a fixed value or a format without {key} on a unique column, and accepts null and hash there', () => {
    const withMask = (email: unknown) =>
      problemsOf(
        processor((t) => {
          (table(t, 'auth_user').erasure as { columns: Record<string, unknown> }).columns.email = email;
        }),
        described((tables) => {
          tables.auth_user = { ...tables.auth_user!, columns: { ...tables.auth_user!.columns, email: col('character varying', true, 254) } };
        }),
      );
    expect(withMask({ value: 'erased@invalid' })).toEqual([
      'courses-db: auth_user.email (mask): the column is in the unique key auth_user_email_key (email): a fixed value ("erased@invalid") would collide at the second erased row; use a format with {key}, or null',
    ]);
    expect(withMask({ format: 'erased+{request}@invalid' })).toEqual([
      'courses-db: auth_user.email (mask): the column is in the unique key auth_user_email_key (email): a format without {key} would collide at the second erased row; put {key} in it',
    ]);
    expect(withMask('null')).toEqual([]);
    expect(withMask('hash')).toEqual([]);
    expect(withMask({ format: 'erased+{key}@invalid' })).toEqual([]);
  });

  it('counts a column of a composite or expression unique index as unique for masks', () => {
    const db = described((tables) => {
      tables.auth_user = {
        ...tables.auth_user!,
        columns: { ...tables.auth_user!.columns, first_name: col('character varying', false, 150) },
        unique: [pk('id'), { name: 'user_lower_name', columns: ['first_name'], primary: false, partial: false, expression: true }],
      };
    });
    const p = processor((t) => {
      (table(t, 'auth_user').erasure as { columns: Record<string, unknown> }).columns.first_name = { value: '' };
    });
    expect(problemsOf(p, db)).toEqual([
      'courses-db: auth_user.first_name (mask): the column is in the unique key user_lower_name (first_name): a fixed value ("") would collide at the second erased row; use a format with {key}, or null',
    ]);
  });

  it('refuses a hash or a format the column cannot hold', () => {
    const p = processor((t) => {
      (table(t, 'auth_user').erasure as { columns: Record<string, unknown> }).columns = {
        email: { format: 'erased+{key}@invalid' },
        username: 'hash',
        first_name: { format: 'erased {request}' },
      };
    });
    const db = described((tables) => {
      tables.auth_user = {
        ...tables.auth_user!,
        columns: { ...tables.auth_user!.columns, username: col('character varying', false, 32), first_name: col('integer', true) },
      };
    });
    expect(problemsOf(p, db)).toEqual([
      'courses-db: auth_user.username (mask): a hash is 43 characters and the column holds 32',
      'courses-db: auth_user.first_name (mask): a format writes text, and the column is integer',
    ]);
  });

  it('refuses a restriction column of the wrong type, both ways', () => {
    const p = processor((t) => {
      table(t, 'auth_user').restriction = { column: 'is_restricted', type: 'timestamp' };
      table(t, 'billing_invoice').restriction = { column: 'restricted_at', type: 'boolean' };
    });
    expect(problemsOf(p, described())).toEqual([
      'courses-db: auth_user.is_restricted (restriction): declared timestamp, but the column is boolean; a timestamp restriction needs a timestamp column',
      'courses-db: billing_invoice.restricted_at (restriction): declared boolean, but the column is timestamp with time zone; a boolean restriction needs a boolean column',
    ]);
  });

  it('refuses a legal hold counted from a column that holds no date, and an email matched against a number', () => {
    const p = processor((t) => {
      Object.assign(table(t, 'billing_invoice'), {
        erasure: { mode: 'legal_hold', legalBasis: 'tax', holdDays: 10, fromColumn: 'id' },
        retentionRules: [
          {
            id: 'invoices-after-the-hold',
            description: 'Invoices deleted when their hold ends',
            countsFrom: 'id',
            afterMonths: 72,
            action: 'delete',
          },
        ],
      });
      Object.assign(table(t, 'auth_user'), { match: { column: 'id', identity: 'email' }, key: ['username'] });
      (table(t, 'auth_user').erasure as { columns: Record<string, unknown> }).columns = { id: 'null', first_name: 'null' };
    });
    expect(problemsOf(p, described())).toEqual([
      'courses-db: auth_user.id (match): an email address is matched against a text column; this one is integer',
      'courses-db: auth_user.id (mask): the column is NOT NULL: masking it with null would fail; mask it with a value or a format',
      'courses-db: billing_invoice.id (legal hold fromColumn): the hold is counted from a date, and this column is integer',
    ]);
  });

  it('refuses references that contradict the foreign keys, and accepts references without one', () => {
    const p = processor((t) => {
      table(t, 'billing_invoice').match = { column: 'user_id', references: { table: 'courses_enrollment', column: 'id' } };
    });
    expect(problemsOf(p, described())).toEqual([
      'courses-db: billing_invoice.user_id (match): the register says it references courses_enrollment.id, but its foreign key billing_invoice_user_id_fkey references auth_user.id',
    ]);
    const noForeignKeys = described((_t, fks) => fks.splice(0));
    const check = checkSqlSchema(processor(), noForeignKeys);
    expect(check.problems).toEqual([]);
    expect(check.tables[1]!.checked).toContain('match user_id → auth_user.id (no foreign key in the database)');
  });

  describe('warns of foreign keys a deletion meets the wrong way round', () => {
    const deletingUsers = (change: (t: TableDecl[]) => void = () => undefined) =>
      processor((t) => {
        table(t, 'auth_user').erasure = { mode: 'delete' };
        change(t);
      });
    const warningsOf = (p: SqlProcessor, db: DescribedSchema) => checkSqlSchema(p, db).warnings.map((w) => w.message);

    it('a table the register keeps (a legal hold) still references the deleted rows', () => {
      expect(warningsOf(deletingUsers(), described())).toEqual([
        "courses-db: billing_invoice.user_id: billing_invoice.user_id references auth_user (foreign key billing_invoice_user_id_fkey, ON DELETE NO ACTION), and the register keeps billing_invoice's rows (legal_hold): deleting the subject's auth_user rows would fail",
      ]);
    });

    it('a table the register does not declare references them', () => {
      const db = described((tables, fks) => {
        tables.forum_post = { columns: { id: col('integer', false), author_id: col('integer') }, unique: [pk('id')] };
        fks.push(fk('forum_post', 'author_id', 'auth_user', 'id', 'restrict'));
      });
      const p = deletingUsers((t) => {
        table(t, 'billing_invoice').erasure = { mode: 'delete' };
      });
      expect(warningsOf(p, db)).toEqual([
        "courses-db: forum_post.author_id: forum_post.author_id references auth_user (foreign key forum_post_author_id_fkey, ON DELETE RESTRICT), and forum_post is not declared: its rows would stop the subject's auth_user rows being deleted; declare forum_post, or let the key cascade",
      ]);
    });

    it("the register's order erases the referenced table first", () => {
      const db = described((tables, fks) => {
        tables.forum_post = { columns: { id: col('integer', false), author_email: col('text', false), author_id: col('integer') }, unique: [pk('id')] };
        fks.push(fk('forum_post', 'author_id', 'auth_user'));
      });
      const p = deletingUsers((t) => {
        table(t, 'billing_invoice').erasure = { mode: 'delete' };
        t.push({ name: 'forum_post', key: ['id'], match: { column: 'author_email', identity: 'email' }, erasure: { mode: 'delete' } });
      });
      expect(checkSqlSchema(p, db).problems).toEqual([]);
      expect(warningsOf(p, db)).toEqual([
        'courses-db: forum_post.author_id: forum_post.author_id references auth_user (foreign key forum_post_author_id_fkey, ON DELETE NO ACTION), but the register erases auth_user before forum_post: deleting would fail; match forum_post through references, or give auth_user "after": ["forum_post"]',
      ]);
      const ordered = deletingUsers((t) => {
        table(t, 'billing_invoice').erasure = { mode: 'delete' };
        table(t, 'auth_user').after = ['forum_post'];
        t.push({ name: 'forum_post', key: ['id'], match: { column: 'author_email', identity: 'email' }, erasure: { mode: 'delete' } });
      });
      expect(warningsOf(ordered, db)).toEqual([]);
    });

    it('a cascade would delete rows the register keeps; set null, a masked-to-null key and masked parents are fine', () => {
      const cascading = described((_t, fks) => {
        fks[1] = fk('billing_invoice', 'user_id', 'auth_user', 'id', 'cascade');
      });
      expect(warningsOf(deletingUsers(), cascading)).toEqual([
        "courses-db: billing_invoice.user_id: billing_invoice.user_id references auth_user (foreign key billing_invoice_user_id_fkey, ON DELETE CASCADE): deleting the subject's auth_user rows deletes the billing_invoice rows the register keeps (legal_hold)",
      ]);
      const settingNull = described((_t, fks) => {
        fks[1] = fk('billing_invoice', 'user_id', 'auth_user', 'id', 'set null');
      });
      expect(warningsOf(deletingUsers(), settingNull)).toEqual([]);
      const maskedToNull = deletingUsers((t) => {
        table(t, 'billing_invoice').erasure = { mode: 'mask', columns: { user_id: 'null' } };
      });
      expect(warningsOf(maskedToNull, described())).toEqual([]);
      expect(warningsOf(processor(), described())).toEqual([]);
    });
  });
});

describe('type classes', () => {
  it.each([
    ['postgres', 'boolean', 'boolean'],
    ['postgres', 'timestamp without time zone', 'timestamp'],
    ['postgres', 'timestamp with time zone', 'timestamp'],
    ['postgres', 'date', 'date'],
    ['postgres', 'citext', 'text'],
    ['postgres', 'character varying', 'text'],
    ['postgres', 'bigint', 'number'],
    ['postgres', 'jsonb', 'other'],
    ['mysql', 'tinyint(1)', 'boolean'],
    ['mysql', 'bit(1)', 'boolean'],
    ['mysql', 'tinyint(4)', 'number'],
    ['mysql', 'datetime', 'timestamp'],
    ['mysql', 'timestamp', 'timestamp'],
    ['mysql', 'date', 'date'],
    ['mysql', 'varchar(100)', 'text'],
    ['mysql', 'longtext', 'text'],
    ['mysql', 'bigint(20) unsigned', 'number'],
    ['mysql', "enum('a','b')", 'other'],
  ] as const)('%s %s is %s', (engine, type, cls) => {
    expect(typeClass(engine, type)).toBe(cls);
  });

  it('matches MySQL column names whatever their case, as MySQL does', () => {
    const db: DescribedSchema = {
      ...described(),
      engine: 'mysql',
      foreignKeys: [],
      tables: {
        ...described().tables,
        auth_user: {
          columns: {
            ID: col('int(11)', false),
            username: col('varchar(150)', false, 150),
            Email: col('varchar(254)', false, 254),
            first_name: col('varchar(150)'),
            is_restricted: col('tinyint(1)', false),
          },
          unique: [pk('ID'), uq('username', 'username'), uq('email', 'Email')],
        },
      },
    };
    expect(
      problemsOf(
        processor(() => undefined, 'mysql'),
        { ...db, schema: 'courses' },
      ),
    ).toEqual([]);
    // PostgreSQL's quoted names are exact.
    expect(problemsOf(processor(), { ...db, engine: 'postgres' })).toContain('courses-db: auth_user.id (key): no such column in auth_user');
  });
});
