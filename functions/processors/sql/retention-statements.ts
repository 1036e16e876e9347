/**
 * The statements of a retention rule at one SQL table, built from the register alone as the
 * request statements are (statements.ts): names quoted, every date and value bound. A rule looks at
 * the rows whose `countsFrom` is before the cutoff and sorts them: those it changes (`due`), and
 * those it must leave (a legal hold in force, a restriction, rows of declared tables still
 * referring to them).
 */
import type { SqlMask, SqlProcessor, SqlTable } from '../../domain/register-schema';
import type { SqlRetentionRule } from '../../domain/retention-rules';
import type { SqlValue, Statement } from './session';
import { Builder, DIALECTS, type Dialect } from './statements';

/** Why a row older than the cutoff is left alone, or `due` when the rule changes it. */
export type RowCategory = 'due' | 'held' | 'restricted' | 'referenced';

/** The instants a run compares with: the rule's cutoff and, at a legal_hold table, the hold's. */
export interface RuleInstants {
  cutoff: Date;
  /** Rows whose hold date is after this are still under the table's legal hold. */
  holdCutoff?: Date;
}

/** A LIKE pattern matching what a format mask writes, whatever the key or request: `erased+{key}@invalid` → `erased+%@invalid`. */
export function formatPattern(format: string): string {
  return format
    .split(/\{key\}|\{request\}/)
    .map((literal) => literal.replace(/[!%_]/g, (c) => `!${c}`))
    .join('%');
}

/** Statements of one rule at one table. */
export class RetentionStatements {
  private readonly d: Dialect;
  private readonly from: string;

  constructor(
    private readonly p: Pick<SqlProcessor, 'engine' | 'schema' | 'tables'>,
    readonly table: SqlTable,
    readonly rule: SqlRetentionRule,
    private readonly at: RuleInstants,
  ) {
    this.d = DIALECTS[p.engine];
    this.from = this.qualified(table.name);
  }

  private qualified(name: string): string {
    const schema = this.p.engine === 'postgres' ? (this.p.schema ?? 'public') : undefined;
    return schema ? `${this.d.quote(schema)}.${this.d.quote(name)}` : this.d.quote(name);
  }

  private q(column: string): string {
    return this.d.quote(column);
  }

  /** An instant as the engine compares it with a date, timestamp or datetime column (the session runs in UTC). */
  private instant(b: Builder, at: Date): string {
    if (this.p.engine === 'postgres') return `CAST(${b.param(at.toISOString())} AS TIMESTAMPTZ)`;
    return `CAST(${b.param(at.toISOString().replace('T', ' ').replace('Z', ''))} AS DATETIME(3))`;
  }

  /** The row is restricted (Art. 18) by the table's restriction column. */
  private restrictedCondition(): string | undefined {
    const r = this.table.restriction;
    if (!r) return undefined;
    // Never NULL itself, so that NOT of it keeps a row whose flag is NULL.
    return r.type === 'boolean' ? `(${this.q(r.column)} IS NOT NULL AND ${this.q(r.column)} = TRUE)` : `${this.q(r.column)} IS NOT NULL`;
  }

  /** The row is not masked yet: one of its recognisable mask columns (not a hash) differs from what the mask writes. */
  private unmasked(b: Builder): string {
    const e = this.table.erasure;
    if (e.mode !== 'mask') throw new Error(`rule ${this.rule.id}: ${this.table.name} declares no mask`);
    const differs = Object.entries(e.columns).flatMap(([column, mask]: [string, SqlMask]) => {
      const c = this.q(column);
      if (mask === 'null') return [`${c} IS NOT NULL`];
      if (mask === 'hash') return [];
      if ('value' in mask) return [`(${c} IS NULL OR ${c} <> ${b.param(mask.value)})`];
      return [`(${c} IS NULL OR ${c} NOT LIKE ${b.param(formatPattern(mask.format))} ESCAPE '!')`];
    });
    return `(${differs.join(' OR ')})`;
  }

  /** The rows the rule looks at: older than the cutoff and not yet as the rule leaves them (masked, restricted). */
  private matched(b: Builder): string {
    const parts = [`${this.q(this.rule.countsFrom)} < ${this.instant(b, this.at.cutoff)}`];
    if (this.rule.action === 'mask') parts.push(this.unmasked(b));
    if (this.rule.action === 'restrict') {
      const r = this.table.restriction!;
      parts.push(r.type === 'boolean' ? `(${this.q(r.column)} IS NULL OR ${this.q(r.column)} = FALSE)` : `${this.q(r.column)} IS NULL`);
    }
    return parts.join(' AND ');
  }

  /** A delete rule at a legal_hold table: the row's hold is still in force (a row without its date is held, as the erasure holds it). */
  private held(b: Builder): string | undefined {
    const e = this.table.erasure;
    if (this.rule.action !== 'delete' || e.mode !== 'legal_hold' || !this.at.holdCutoff) return undefined;
    return `(${this.q(e.fromColumn)} IS NULL OR ${this.q(e.fromColumn)} > ${this.instant(b, this.at.holdCutoff)})`;
  }

  /** A delete rule: a row of a declared table still refers to the row (children go first; a parent waits for them). */
  private referenced(): string | undefined {
    if (this.rule.action !== 'delete') return undefined;
    const children = this.p.tables.flatMap((c) => ('references' in c.match && c.match.references.table === this.table.name ? [c] : []));
    if (children.length === 0) return undefined;
    return `(${children
      .map((c) => {
        const m = c.match as { column: string; references: { column: string } };
        return `EXISTS (SELECT 1 FROM ${this.qualified(c.name)} WHERE ${this.qualified(c.name)}.${this.q(m.column)} = ${this.from}.${this.q(m.references.column)})`;
      })
      .join(' OR ')})`;
  }

  /** Leaves restricted rows to a mask rule as they are: restriction means stored, nothing else. A delete rule ends restrictions. */
  private keptRestricted(): string | undefined {
    return this.rule.action === 'mask' ? this.restrictedCondition() : undefined;
  }

  /** What the rule changes: matched, and nothing keeps it. */
  private due(b: Builder): string {
    const parts = [this.matched(b)];
    const held = this.held(b);
    if (held) parts.push(`NOT ${held}`);
    const restricted = this.keptRestricted();
    if (restricted) parts.push(`NOT (${restricted})`);
    const referenced = this.referenced();
    if (referenced) parts.push(`NOT ${referenced}`);
    return parts.join(' AND ');
  }

  /** The matched rows counted by category: one pass over the table, `[{ category, n }]`. */
  count(): Statement {
    const b = new Builder(this.d);
    const cases: string[] = [];
    const held = this.held(b);
    if (held) cases.push(`WHEN ${held} THEN 'held'`);
    const restricted = this.keptRestricted();
    if (restricted) cases.push(`WHEN ${restricted} THEN 'restricted'`);
    const referenced = this.referenced();
    if (referenced) cases.push(`WHEN ${referenced} THEN 'referenced'`);
    const category = cases.length > 0 ? `CASE ${cases.join(' ')} ELSE 'due' END` : `'due'`;
    const where = this.matched(b);
    return b.done(`SELECT category, COUNT(*) AS n FROM (SELECT ${category} AS category FROM ${this.from} WHERE ${where}) matched GROUP BY category`);
  }

  /** Up to `limit` rows the rule changes, with `columns`; `lock` takes them for this transaction's change. */
  selectDue(columns: readonly string[], limit: number, lock: boolean): Statement {
    const b = new Builder(this.d);
    const where = this.due(b);
    const list = columns.map((c) => `${this.from}.${this.q(c)}`).join(', ');
    return b.done(`SELECT ${list} FROM ${this.from} WHERE ${where} LIMIT ${Math.trunc(limit)}${lock ? ' FOR UPDATE' : ''}`);
  }

  /** Up to `limit` rows a legal hold still keeps, with their key and hold date: for the report. */
  selectHeld(limit: number): Statement | undefined {
    const e = this.table.erasure;
    const b = new Builder(this.d);
    const held = this.held(b);
    if (!held || e.mode !== 'legal_hold') return undefined;
    const where = this.matched(b);
    const list = [...new Set([...this.table.key, e.fromColumn])].map((c) => `${this.from}.${this.q(c)}`).join(', ');
    return b.done(`SELECT ${list} FROM ${this.from} WHERE ${held} AND ${where} LIMIT ${Math.trunc(limit)}`);
  }

  /** The restriction column's value for newly restricted rows. */
  restrictionValue(now: Date): [string, SqlValue] {
    const r = this.table.restriction;
    if (!r) throw new Error(`rule ${this.rule.id}: ${this.table.name} declares no restriction column`);
    return [r.column, r.type === 'boolean' ? true : now];
  }
}
