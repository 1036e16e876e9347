/**
 * The register's `sql` tables against what their database says (`sql-schema.ts`): pure, so every
 * rule is tested on a schema described by hand. A problem is something the processor would fail
 * at, or get wrong, on the first request (a column that does not exist, a key that does not tell
 * rows apart, a mask the database refuses or that collides); a warning is something that fails
 * only with some data (a foreign key the erasure order meets the wrong way round).
 */
import type { SqlMask, SqlProcessor, SqlTable } from '../functions/domain/register-schema';
import { erasureOrder } from '../functions/domain/sql-order';
import type { DescribedColumn, DescribedSchema, DescribedTable, ForeignKey, UniqueKey } from './sql-schema';

/** What a column's type is for, as the rules need it. */
export type TypeClass = 'boolean' | 'timestamp' | 'date' | 'text' | 'number' | 'other';

/** The class of a column's declared type in an engine. */
export function typeClass(engine: SqlProcessor['engine'], type: string): TypeClass {
  const t = type.toLowerCase();
  if (engine === 'postgres') {
    if (t === 'boolean') return 'boolean';
    if (t.startsWith('timestamp')) return 'timestamp';
    if (t === 'date') return 'date';
    if (['character varying', 'character', 'text', 'citext'].includes(t)) return 'text';
    if (['smallint', 'integer', 'bigint', 'numeric', 'real', 'double precision'].includes(t)) return 'number';
    return 'other';
  }
  // MySQL and MariaDB write BOOLEAN as tinyint(1).
  if (/^(tinyint\(1\)|bit\(1\)|bool|boolean)(\s|$)/.test(t)) return 'boolean';
  if (/^(datetime|timestamp)\b/.test(t)) return 'timestamp';
  if (/^date\b/.test(t)) return 'date';
  if (/^(varchar|char|tinytext|text|mediumtext|longtext)\b/.test(t)) return 'text';
  if (/^(tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double)\b/.test(t)) return 'number';
  return 'other';
}

/** Length of the keyed hash a `hash` mask writes (HMAC-SHA256, base64url). */
export const HASH_LENGTH = 43;

/** One finding, naming the processor, table and column. */
export interface SchemaFinding {
  /** The register's table entry the finding is about (a referenced column is another table's). */
  readonly entry: string;
  readonly table: string;
  readonly column?: string;
  /** The full sentence: `courses-db: auth_user.emial (match): no such column`. */
  readonly message: string;
}

/** What was checked at one declared table that exists. */
export interface TableReport {
  readonly table: string;
  readonly checked: readonly string[];
}

/** The outcome for one processor. */
export interface SchemaCheck {
  readonly problems: readonly SchemaFinding[];
  readonly warnings: readonly SchemaFinding[];
  readonly tables: readonly TableReport[];
}

const list = (names: readonly string[]) => names.join(', ');
const keyText = (k: UniqueKey) => `${k.primary ? 'primary key' : `unique key ${k.name}`} (${list(k.columns)})`;
const sameSet = (a: readonly string[], b: readonly string[], eq: (x: string, y: string) => boolean) =>
  a.length === b.length && a.every((x) => b.some((y) => eq(x, y))) && b.every((y) => a.some((x) => eq(x, y)));

/** Compares a `sql` processor's declared tables with its database. */
export function checkSqlSchema(p: SqlProcessor, db: DescribedSchema): SchemaCheck {
  const problems: SchemaFinding[] = [];
  const warnings: SchemaFinding[] = [];
  const tables: TableReport[] = [];
  // MySQL's column names are case-insensitive (backquoted or not); PostgreSQL's quoted names are exact.
  const eq = db.engine === 'mysql' ? (a: string, b: string) => a.toLowerCase() === b.toLowerCase() : (a: string, b: string) => a === b;
  const columnOf = (t: DescribedTable, name: string): DescribedColumn | undefined =>
    t.columns[name] ?? Object.entries(t.columns).find(([n]) => eq(n, name))?.[1];
  const where = db.engine === 'postgres' ? `schema ${db.schema}` : `database ${db.schema}`;
  let entry = '';
  const finding = (table: string, column: string | undefined, role: string | undefined, text: string): SchemaFinding => ({
    entry: entry || table,
    table,
    ...(column ? { column } : {}),
    message: `${p.id}: ${table}${column ? `.${column}` : ''}${role ? ` (${role})` : ''}: ${text}`,
  });
  const problem = (table: string, column: string | undefined, role: string | undefined, text: string) => problems.push(finding(table, column, role, text));

  for (const t of p.tables) {
    entry = t.name;
    const info = db.tables[t.name];
    if (!info) {
      problem(t.name, undefined, undefined, `no such table in ${where}`);
      continue;
    }
    const checked = [`${Object.keys(info.columns).length} columns`];
    const need = (name: string, role: string, in_: { name: string; info: DescribedTable } = { name: t.name, info }) => {
      const c = columnOf(in_.info, name);
      if (!c) problem(in_.name, name, role, `no such column in ${in_.name}`);
      return c;
    };
    const cls = (c: DescribedColumn) => typeClass(db.engine, c.type);

    // The key every change is made by: it must single out one row.
    if (t.key.map((k) => need(k, 'key')).every(Boolean)) {
      const keys = info.unique.filter((k) => !k.partial && !k.expression);
      const same = keys.find((k) => sameSet(k.columns, t.key, eq));
      if (same) checked.push(`key (${list(t.key)}) is the ${keyText(same)}`);
      else {
        const primary = info.unique.find((k) => k.primary);
        problem(
          t.name,
          t.key.join(', '),
          'key',
          `neither the primary key${primary ? ` (${list(primary.columns)})` : ' (the table has none)'} nor a unique key: a change by this key could reach other rows`,
        );
      }
    }

    if ('identity' in t.match) {
      const c = need(t.match.column, 'match');
      if (c && cls(c) !== 'text') problem(t.name, t.match.column, 'match', `an email address is matched against a text column; this one is ${c.type}`);
      else if (c) checked.push(`match ${t.match.column} (${c.type})`);
    } else {
      const m = t.match;
      need(m.column, 'match');
      const parent = db.tables[m.references.table];
      const referenced = parent && need(m.references.column, `referenced by ${t.name}.${m.column}`, { name: m.references.table, info: parent });
      // A referenced column that does not exist is the problem; comparing it with the foreign keys would say it twice.
      const fks = db.foreignKeys.filter((fk) => fk.schema === db.schema && fk.table === t.name && fk.columns.length === 1 && eq(fk.columns[0]!, m.column));
      const agreeing = fks.find((fk) => fk.refSchema === db.schema && fk.refTable === m.references.table && eq(fk.refColumns[0]!, m.references.column));
      if (agreeing) checked.push(`match ${m.column} → ${m.references.table}.${m.references.column} (foreign key ${agreeing.name})`);
      else if (fks.length === 0) checked.push(`match ${m.column} → ${m.references.table}.${m.references.column} (no foreign key in the database)`);
      else if (referenced) {
        const fk = fks[0]!;
        problem(
          t.name,
          m.column,
          'match',
          `the register says it references ${m.references.table}.${m.references.column}, but its foreign key ${fk.name} references ${fk.refTable}.${list(fk.refColumns)}`,
        );
      }
    }

    if (t.export !== 'all') {
      for (const c of t.export) need(c, 'export');
      checked.push(`export ${t.export.length} columns`);
    } else checked.push('export all columns');

    const e = t.erasure;
    if (e.mode === 'mask') {
      for (const [column, mask] of Object.entries(e.columns)) {
        const c = need(column, 'mask');
        if (!c) continue;
        const unique = info.unique.filter((k) => k.columns.some((n) => eq(n, column)));
        for (const text of maskProblems(mask, c, cls(c), unique)) problem(t.name, column, 'mask', text);
      }
      checked.push(`mask ${list(Object.keys(e.columns))}`);
    }
    if (e.mode === 'legal_hold') {
      const c = need(e.fromColumn, 'legal hold fromColumn');
      if (c && !['date', 'timestamp'].includes(cls(c)))
        problem(t.name, e.fromColumn, 'legal hold fromColumn', `the hold is counted from a date, and this column is ${c.type}`);
      else if (c) checked.push(`hold counted from ${e.fromColumn} (${c.type})`);
    }
    if (e.mode === 'delete' || e.mode === 'restrict') checked.push(e.mode);

    for (const c of t.rectifiable) need(c, 'rectifiable');
    if (t.rectifiable.length) checked.push(`rectifiable ${list(t.rectifiable)}`);

    if (t.restriction) {
      const r = t.restriction;
      const c = need(r.column, 'restriction');
      if (c && cls(c) !== r.type)
        problem(t.name, r.column, 'restriction', `declared ${r.type}, but the column is ${c.type}; a ${r.type} restriction needs a ${r.type} column`);
      else if (c) checked.push(`restriction ${r.column} (${c.type})`);
    }
    tables.push({ table: t.name, checked });
  }

  entry = '';
  warnings.push(...foreignKeyWarnings(p, db, eq).map((w) => finding(w.table, w.column, undefined, w.text)));
  return { problems, warnings, tables };
}

/** Why a mask would fail at this column, or make erased rows collide. */
function maskProblems(mask: SqlMask, c: DescribedColumn, cls: TypeClass, unique: readonly UniqueKey[]): string[] {
  const out: string[] = [];
  const inKey = unique[0] ? ` is in the ${keyText(unique[0])}` : '';
  if (mask === 'null' && !c.nullable) out.push('the column is NOT NULL: masking it with null would fail; mask it with a value or a format');
  if (typeof mask === 'object' && 'value' in mask && inKey)
    out.push(`the column${inKey}: a fixed value (${JSON.stringify(mask.value)}) would collide at the second erased row; use a format with {key}, or null`);
  if (typeof mask === 'object' && 'format' in mask) {
    if (inKey && !mask.format.includes('{key}')) out.push(`the column${inKey}: a format without {key} would collide at the second erased row; put {key} in it`);
    if (cls !== 'text') out.push(`a format writes text, and the column is ${c.type}`);
    // `{key}` is at least one character and `{request}` a UUID.
    const shortest = mask.format.replaceAll('{key}', '1').replaceAll('{request}', 'x'.repeat(36)).length;
    if (cls === 'text' && c.maxLength !== null && shortest > c.maxLength)
      out.push(`the format gives at least ${shortest} characters and the column holds ${c.maxLength}`);
  }
  if (mask === 'hash') {
    if (cls !== 'text') out.push(`a hash is text, and the column is ${c.type}`);
    else if (c.maxLength !== null && c.maxLength < HASH_LENGTH) out.push(`a hash is ${HASH_LENGTH} characters and the column holds ${c.maxLength}`);
  }
  return out;
}

/**
 * Foreign keys the erasure would meet the wrong way round: a declared table whose rows are deleted
 * while rows of another table still reference them (not declared, kept by the register, or erased
 * after it), or a cascade into rows the register keeps.
 */
function foreignKeyWarnings(p: SqlProcessor, db: DescribedSchema, eq: (a: string, b: string) => boolean) {
  const out: Array<{ table: string; column?: string; text: string }> = [];
  const declared = new Map(p.tables.map((t) => [t.name, t]));
  const position = new Map(erasureOrder(p.tables).map((t, i) => [t.name, i]));
  const nulledBy = (child: SqlTable, fk: ForeignKey) =>
    child.erasure.mode === 'mask' &&
    fk.columns.every((c) => Object.entries((child.erasure as { columns: Record<string, SqlMask> }).columns).some(([n, m]) => eq(n, c) && m === 'null'));
  for (const fk of db.foreignKeys) {
    const parent = fk.refSchema === db.schema ? declared.get(fk.refTable) : undefined;
    if (parent?.erasure.mode !== 'delete' || (fk.table === fk.refTable && fk.schema === fk.refSchema)) continue;
    const child = fk.schema === db.schema ? declared.get(fk.table) : undefined;
    const through = `${fk.table}.${list(fk.columns)} references ${parent.name} (foreign key ${fk.name}, ON DELETE ${fk.onDelete.toUpperCase()})`;
    if (fk.onDelete === 'set null' || fk.onDelete === 'set default') continue;
    if (fk.onDelete === 'cascade') {
      if (child && child.erasure.mode !== 'delete')
        out.push({
          table: fk.table,
          column: list(fk.columns),
          text: `${through}: deleting the subject's ${parent.name} rows deletes the ${fk.table} rows the register keeps (${child.erasure.mode})`,
        });
      continue;
    }
    if (!child)
      out.push({
        table: fk.table,
        column: list(fk.columns),
        text: `${through}, and ${fk.table} is not declared: its rows would stop the subject's ${parent.name} rows being deleted; declare ${fk.table}, or let the key cascade`,
      });
    else if (child.erasure.mode !== 'delete') {
      if (!nulledBy(child, fk))
        out.push({
          table: fk.table,
          column: list(fk.columns),
          text: `${through}, and the register keeps ${fk.table}'s rows (${child.erasure.mode}): deleting the subject's ${parent.name} rows would fail`,
        });
    } else if (position.get(child.name)! > position.get(parent.name)!)
      out.push({
        table: fk.table,
        column: list(fk.columns),
        text: `${through}, but the register erases ${parent.name} before ${fk.table}: deleting would fail; match ${fk.table} through references, or give ${parent.name} "after": ["${fk.table}"]`,
      });
  }
  return out;
}
