/**
 * The statements the sql kind runs, built from the register alone: table and column names come only
 * from the register (checked as SQL names there) and are always quoted; every value the subject or
 * a row brings is a bound parameter.
 */
import type { SqlProcessor, SqlTable } from '../../domain/register-schema';
import type { SqlValue, Statement } from './session';

/** Quoting and placeholders of one engine. */
export interface Dialect {
  quote(name: string): string;
  placeholder(index: number): string;
}

export const DIALECTS: Record<SqlProcessor['engine'], Dialect> = {
  postgres: { quote: (n) => `"${n.replaceAll('"', '""')}"`, placeholder: (i) => `$${i}` },
  mysql: { quote: (n) => `\`${n.replaceAll('`', '``')}\``, placeholder: () => '?' },
};

/** Keys per `IN (...)` list: well under every engine's parameter limit. */
export const CHUNK = 500;

/** Builds one statement, numbering its parameters as the engine wants. */
export class Builder {
  readonly values: SqlValue[] = [];
  constructor(private readonly d: Dialect) {}
  param(value: SqlValue): string {
    this.values.push(value);
    return this.d.placeholder(this.values.length);
  }
  done(text: string): Statement {
    return { text, values: this.values };
  }
}

/** Statements for one table of one processor. */
export class TableStatements {
  private readonly d: Dialect;
  readonly from: string;

  constructor(
    p: Pick<SqlProcessor, 'engine' | 'schema'>,
    readonly table: SqlTable,
  ) {
    this.d = DIALECTS[p.engine];
    const schema = p.engine === 'postgres' ? (p.schema ?? 'public') : undefined;
    this.from = schema ? `${this.d.quote(schema)}.${this.d.quote(table.name)}` : this.d.quote(table.name);
  }

  private columns(names: readonly string[] | 'all'): string {
    return names === 'all' ? '*' : names.map((n) => this.d.quote(n)).join(', ');
  }

  /** The match as a condition: the normalised identity column equals the normalised value, or the column is one of the parent's keys. */
  private where(b: Builder, match: string | readonly SqlValue[]): string {
    const m = this.table.match;
    if ('identity' in m) {
      let column = this.d.quote(m.column);
      // Applied in the order declared, the same on both sides (normaliseIdentity).
      for (const step of m.normalise) column = `${step === 'trim' ? 'TRIM' : 'LOWER'}(${column})`;
      return `${column} = ${b.param(match as string)}`;
    }
    return `${this.d.quote(m.column)} IN (${(match as readonly SqlValue[]).map((v) => b.param(v)).join(', ')})`;
  }

  /** Up to `limit` matching rows with `columns` (`all`: every column plus the ones named in `also`). */
  select(columns: readonly string[] | 'all', match: string | readonly SqlValue[], limit: number): Statement {
    const b = new Builder(this.d);
    const where = this.where(b, match);
    return b.done(`SELECT ${this.columns(columns)} FROM ${this.from} WHERE ${where} LIMIT ${Math.trunc(limit)}`);
  }

  /** The condition "the row's key is one of these" for a chunk of keys. */
  private byKeys(b: Builder, keys: readonly Record<string, SqlValue>[]): string {
    const key = this.table.key;
    if (key.length === 1) return `${this.d.quote(key[0]!)} IN (${keys.map((k) => b.param(k[key[0]!]!)).join(', ')})`;
    const tuple = `(${key.map((k) => this.d.quote(k)).join(', ')})`;
    return `${tuple} IN (${keys.map((k) => `(${key.map((c) => b.param(k[c]!)).join(', ')})`).join(', ')})`;
  }

  /** Deletes the rows with these keys. */
  delete(keys: readonly Record<string, SqlValue>[]): Statement {
    const b = new Builder(this.d);
    const where = this.byKeys(b, keys);
    return b.done(`DELETE FROM ${this.from} WHERE ${where}`);
  }

  /** Sets columns of the rows with these keys. */
  update(set: ReadonlyArray<readonly [string, SqlValue]>, keys: readonly Record<string, SqlValue>[]): Statement {
    const b = new Builder(this.d);
    const assignments = set.map(([column, value]) => `${this.d.quote(column)} = ${b.param(value)}`).join(', ');
    const where = this.byKeys(b, keys);
    return b.done(`UPDATE ${this.from} SET ${assignments} WHERE ${where}`);
  }
}

/** The identity as the table compares it: the same steps the statement applies to the column. */
export function normaliseIdentity(value: string, steps: readonly ('trim' | 'lower')[]): string {
  let out = value;
  for (const step of steps) out = step === 'trim' ? out.trim() : out.toLowerCase();
  return out;
}

/** Splits a list into chunks of at most `size`. */
export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A driver's value as a bound parameter or an export's JSON value. */
export function plain(value: unknown): SqlValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (typeof value === 'object') return JSON.stringify(value);
  return value as SqlValue;
}
