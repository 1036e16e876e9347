/**
 * What a controller's database says about the tables a `sql` processor declares: columns (type,
 * NULL or not, length), the primary key and unique keys, and foreign keys to or from those tables.
 * Read by `npm run check-register -- --connect` through the sql kind's own session (same driver,
 * TLS and timeouts as the processor); the rules that compare it with the register are pure
 * (`sql-schema-rules.ts`), so they are tested on a schema described by hand.
 */
import type { SqlProcessor } from '../functions/domain/register-schema';
import type { Row, SqlSession, SqlValue } from '../functions/processors/sql/session';

/** One column as the database declares it. */
export interface DescribedColumn {
  /** PostgreSQL: `data_type` (the type's name for user-defined types such as citext); MySQL: `COLUMN_TYPE`, e.g. `tinyint(1)`. */
  readonly type: string;
  readonly nullable: boolean;
  /** Characters a text column holds; null when unlimited or not text. */
  readonly maxLength: number | null;
}

/** A unique index or constraint (the primary key included). */
export interface UniqueKey {
  readonly name: string;
  /** The key's columns in order; for an expression index, the columns its expressions read. */
  readonly columns: readonly string[];
  readonly primary: boolean;
  /** Unique only where a condition holds (a partial index): no key for finding rows, still a limit on values. */
  readonly partial: boolean;
  /** Unique on an expression such as `lower(email)`: no key for finding rows, still a limit on values. */
  readonly expression: boolean;
}

/** What a foreign key does to the referencing rows when a referenced row is deleted. */
export type OnDelete = 'no action' | 'restrict' | 'cascade' | 'set null' | 'set default';

/** A foreign key: `table(columns)` references `refTable(refColumns)`. */
export interface ForeignKey {
  readonly name: string;
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly string[];
  readonly refSchema: string;
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onDelete: OnDelete;
}

/** One table. */
export interface DescribedTable {
  readonly columns: Readonly<Record<string, DescribedColumn>>;
  readonly unique: readonly UniqueKey[];
}

/** The declared tables of one processor as the database has them; a declared table missing here does not exist. */
export interface DescribedSchema {
  readonly engine: SqlProcessor['engine'];
  /** PostgreSQL's schema, or MySQL's database. */
  readonly schema: string;
  readonly tables: Readonly<Record<string, DescribedTable>>;
  /** Foreign keys from or to a declared table, also from tables the register does not declare. */
  readonly foreignKeys: readonly ForeignKey[];
}

const PG_ON_DELETE: Record<string, OnDelete> = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };

const text = (v: unknown) => String(v);
const count = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** Rows grouped by a key, in the order they came. */
function groups(rows: Row[], keyOf: (r: Row) => string): Row[][] {
  const out = new Map<string, Row[]>();
  for (const r of rows) out.set(keyOf(r), [...(out.get(keyOf(r)) ?? []), r]);
  return [...out.values()];
}

async function describePostgres(session: SqlSession, schema: string, names: string[]): Promise<DescribedSchema> {
  const bind = [schema, names] as unknown as SqlValue[];
  const columns = await session.query({
    text: `SELECT table_name, column_name, CASE WHEN data_type = 'USER-DEFINED' THEN udt_name ELSE data_type END AS type,
             is_nullable, character_maximum_length
           FROM information_schema.columns WHERE table_schema = $1 AND table_name = ANY($2::text[]) ORDER BY table_name, ordinal_position`,
    values: bind,
  });
  // pg_index holds every unique constraint's index, the primary key's, and unique indexes created on their own.
  const unique = await session.query({
    text: `SELECT t.relname::text AS table_name, i.relname::text AS name, x.indisprimary AS "primary", x.indpred IS NOT NULL AS partial,
             x.indexprs IS NOT NULL AS expression,
             ARRAY(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   WHERE k.ord <= x.indnkeyatts ORDER BY k.ord) AS columns,
             ARRAY(SELECT a.attname::text FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
                   WHERE d.classid = 'pg_class'::regclass AND d.objid = x.indexrelid AND d.refobjid = t.oid AND d.refobjsubid > 0) AS read
           FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
           JOIN pg_namespace n ON n.oid = t.relnamespace
           WHERE x.indisunique AND n.nspname = $1 AND t.relname = ANY($2::text[]) ORDER BY t.relname, i.relname`,
    values: bind,
  });
  const foreign = await session.query({
    text: `SELECT con.conname::text AS name, cn.nspname::text AS schema, child.relname::text AS table_name,
             pn.nspname::text AS ref_schema, parent.relname::text AS ref_table, con.confdeltype::text AS on_delete,
             ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
             ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS ref_columns
           FROM pg_constraint con
           JOIN pg_class child ON child.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = child.relnamespace
           JOIN pg_class parent ON parent.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = parent.relnamespace
           WHERE con.contype = 'f' AND ((cn.nspname = $1 AND child.relname = ANY($2::text[])) OR (pn.nspname = $1 AND parent.relname = ANY($2::text[])))
           ORDER BY con.conname`,
    values: bind,
  });
  return {
    engine: 'postgres',
    schema,
    tables: tablesOf(
      columns,
      unique.map((r) => ({
        table: text(r.table_name),
        key: {
          name: text(r.name),
          // An expression index's own columns are none or some; what its expressions read makes up the rest.
          columns: [...new Set([...(r.columns as string[]), ...(r.read as string[])])],
          primary: r.primary === true,
          partial: r.partial === true,
          expression: r.expression === true,
        },
      })),
    ),
    foreignKeys: foreign.map((r) => ({
      name: text(r.name),
      schema: text(r.schema),
      table: text(r.table_name),
      columns: r.columns as string[],
      refSchema: text(r.ref_schema),
      refTable: text(r.ref_table),
      refColumns: r.ref_columns as string[],
      onDelete: PG_ON_DELETE[text(r.on_delete)] ?? 'no action',
    })),
  };
}

async function describeMysql(session: SqlSession, names: string[]): Promise<DescribedSchema> {
  const [current] = await session.query({ text: 'SELECT DATABASE() AS db', values: [] });
  if (!current?.db) throw new Error('the connection names no database: give it in the URL (mysql://…/dbname) or the secret (dbname)');
  const schema = text(current.db);
  // mysql2 expands an array bound to `?` into a list.
  const list = names as unknown as SqlValue;
  const columns = await session.query({
    text: `SELECT TABLE_NAME AS table_name, COLUMN_NAME AS column_name, LOWER(COLUMN_TYPE) AS type, IS_NULLABLE AS is_nullable,
             CHARACTER_MAXIMUM_LENGTH AS character_maximum_length
           FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?) ORDER BY TABLE_NAME, ORDINAL_POSITION`,
    values: [schema, list],
  });
  const unique = await session.query({
    text: `SELECT TABLE_NAME AS table_name, INDEX_NAME AS name, COLUMN_NAME AS column_name, SEQ_IN_INDEX AS seq
           FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME IN (?) AND NON_UNIQUE = 0
           ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX`,
    values: [schema, list],
  });
  const foreign = await session.query({
    text: `SELECT k.CONSTRAINT_NAME AS name, k.TABLE_SCHEMA AS \`schema\`, k.TABLE_NAME AS table_name, k.COLUMN_NAME AS column_name,
             k.REFERENCED_TABLE_SCHEMA AS ref_schema, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column,
             r.DELETE_RULE AS on_delete
           FROM information_schema.KEY_COLUMN_USAGE k
           JOIN information_schema.REFERENTIAL_CONSTRAINTS r
             ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
           WHERE k.REFERENCED_TABLE_NAME IS NOT NULL
             AND ((k.TABLE_SCHEMA = ? AND k.TABLE_NAME IN (?)) OR (k.REFERENCED_TABLE_SCHEMA = ? AND k.REFERENCED_TABLE_NAME IN (?)))
           ORDER BY k.TABLE_NAME, k.CONSTRAINT_NAME, k.ORDINAL_POSITION`,
    values: [schema, list, schema, list],
  });
  return {
    engine: 'mysql',
    schema,
    tables: tablesOf(
      columns,
      groups(unique, (r) => `${text(r.table_name)}\n${text(r.name)}`).map((rows) => ({
        table: text(rows[0]!.table_name),
        key: {
          name: text(rows[0]!.name),
          // MySQL 8's functional key parts have no column name.
          columns: rows.flatMap((r) => (r.column_name === null ? [] : [text(r.column_name)])),
          primary: text(rows[0]!.name) === 'PRIMARY',
          partial: false,
          expression: rows.some((r) => r.column_name === null),
        },
      })),
    ),
    foreignKeys: groups(foreign, (r) => `${text(r.schema)}\n${text(r.table_name)}\n${text(r.name)}`).map((rows) => ({
      name: text(rows[0]!.name),
      schema: text(rows[0]!.schema),
      table: text(rows[0]!.table_name),
      columns: rows.map((r) => text(r.column_name)),
      refSchema: text(rows[0]!.ref_schema),
      refTable: text(rows[0]!.ref_table),
      refColumns: rows.map((r) => text(r.ref_column)),
      onDelete: text(rows[0]!.on_delete).toLowerCase() as OnDelete,
    })),
  };
}

function tablesOf(columns: Row[], unique: Array<{ table: string; key: UniqueKey }>): Record<string, DescribedTable> {
  const tables: Record<string, { columns: Record<string, DescribedColumn>; unique: UniqueKey[] }> = {};
  for (const c of columns) {
    tables[text(c.table_name)] ??= { columns: {}, unique: [] };
    const t = tables[text(c.table_name)]!;
    t.columns[text(c.column_name)] = { type: text(c.type), nullable: c.is_nullable === 'YES', maxLength: count(c.character_maximum_length) };
  }
  for (const u of unique) tables[u.table]?.unique.push(u.key);
  return tables;
}

/** Reads what the database says about the processor's declared tables (and the foreign keys touching them). */
export async function describeSchema(session: SqlSession, p: SqlProcessor): Promise<DescribedSchema> {
  const names = p.tables.map((t) => t.name);
  return p.engine === 'postgres' ? describePostgres(session, p.schema ?? 'public', names) : describeMysql(session, names);
}
