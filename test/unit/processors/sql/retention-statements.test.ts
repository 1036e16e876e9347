import { describe, expect, it } from 'vitest';
import type { SqlProcessor, SqlTable } from '../../../../functions/domain/register-schema';
import { retentionRuleSchemas, type SqlRetentionRule } from '../../../../functions/domain/retention-rules';
import { formatPattern, RetentionStatements } from '../../../../functions/processors/sql/retention-statements';

const table = (over: Partial<SqlTable>): SqlTable => ({
  name: 'auth_user',
  key: ['id'],
  match: { column: 'email', identity: 'email', normalise: ['trim', 'lower'] },
  export: 'all',
  erasure: { mode: 'delete' },
  rectifiable: [],
  after: [],
  maxRows: 10,
  retentionRules: [],
  ...over,
});
const user = table({
  erasure: { mode: 'mask', columns: { email: { format: 'erased+{key}@invalid' }, first_name: 'null', active: { value: false }, phone: 'hash' } },
  restriction: { column: 'is_restricted', type: 'boolean' },
});
const invoice = table({
  name: 'invoice',
  match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } },
  erasure: { mode: 'legal_hold', legalBasis: 'tax law', holdDays: 2192, fromColumn: 'issued_on' },
  restriction: { column: 'restricted_at', type: 'timestamp' },
});
const db = (engine: 'postgres' | 'mysql'): Pick<SqlProcessor, 'engine' | 'schema' | 'tables'> => ({ engine, tables: [user, invoice] });
const rule = (over: Partial<SqlRetentionRule>): SqlRetentionRule =>
  retentionRuleSchemas().sqlRetentionRuleSchema.parse({ id: 'r', description: 'A rule', countsFrom: 'last_login', afterMonths: 36, action: 'delete', ...over });
const at = { cutoff: new Date('2023-12-06T03:00:00.000Z'), holdCutoff: new Date('2020-12-06T03:00:00.000Z') };

describe('the statements of a retention rule at a SQL table', () => {
  it('binds the cutoff as an instant each engine compares with dates and timestamps, and quotes every name', () => {
    const pg = new RetentionStatements(db('postgres'), invoice, rule({ countsFrom: 'issued_on', afterMonths: 72, action: 'restrict' }), at).selectDue(
      ['id'],
      500,
      true,
    );
    expect(pg.text).toBe(
      'SELECT "public"."invoice"."id" FROM "public"."invoice" WHERE "issued_on" < CAST($1 AS TIMESTAMPTZ) AND "restricted_at" IS NULL LIMIT 500 FOR UPDATE',
    );
    expect(pg.values).toEqual(['2023-12-06T03:00:00.000Z']);
    const my = new RetentionStatements(db('mysql'), invoice, rule({ countsFrom: 'issued_on', afterMonths: 72, action: 'restrict' }), at).selectDue(
      ['id'],
      2,
      false,
    );
    expect(my.text).toBe('SELECT `invoice`.`id` FROM `invoice` WHERE `issued_on` < CAST(? AS DATETIME(3)) AND `restricted_at` IS NULL LIMIT 2');
    expect(my.values).toEqual(['2023-12-06 03:00:00.000']);
  });

  it('leaves to a delete rule the rows under a legal hold and counts them apart, binding parameters in the order they appear', () => {
    const st = new RetentionStatements(db('postgres'), invoice, rule({ countsFrom: 'issued_on', afterMonths: 72 }), at);
    const count = st.count();
    expect(count.text).toBe(
      'SELECT category, COUNT(*) AS n FROM (SELECT CASE WHEN ("issued_on" IS NULL OR "issued_on" > CAST($1 AS TIMESTAMPTZ)) THEN \'held\' ELSE \'due\' END AS category ' +
        'FROM "public"."invoice" WHERE "issued_on" < CAST($2 AS TIMESTAMPTZ)) matched GROUP BY category',
    );
    expect(count.values).toEqual([at.holdCutoff.toISOString(), at.cutoff.toISOString()]);
    const due = st.selectDue(['id'], 10, true);
    expect(due.text).toContain('WHERE "issued_on" < CAST($1 AS TIMESTAMPTZ) AND NOT ("issued_on" IS NULL OR "issued_on" > CAST($2 AS TIMESTAMPTZ))');
    expect(due.values).toEqual([at.cutoff.toISOString(), at.holdCutoff.toISOString()]);
    expect(st.selectHeld(10)?.text).toBe(
      'SELECT "public"."invoice"."id", "public"."invoice"."issued_on" FROM "public"."invoice" WHERE ("issued_on" IS NULL OR "issued_on" > CAST($1 AS TIMESTAMPTZ)) AND "issued_on" < CAST($2 AS TIMESTAMPTZ) LIMIT 10',
    );
  });

  it('keeps a parent row a declared table still refers to, and deletes restricted rows', () => {
    const text = new RetentionStatements(db('mysql'), user, rule({}), at).selectDue(['id'], 10, true).text;
    expect(text).toBe(
      'SELECT `auth_user`.`id` FROM `auth_user` WHERE `last_login` < CAST(? AS DATETIME(3)) AND NOT (EXISTS (SELECT 1 FROM `invoice` WHERE `invoice`.`user_id` = `auth_user`.`id`)) LIMIT 10 FOR UPDATE',
    );
  });

  it('masks only rows not masked yet, recognised by their null, fixed and formatted columns, and leaves restricted rows alone', () => {
    const st = new RetentionStatements(db('postgres'), user, rule({ action: 'mask' }), at).selectDue(['id'], 10, false);
    expect(st.text).toBe(
      'SELECT "public"."auth_user"."id" FROM "public"."auth_user" WHERE "last_login" < CAST($1 AS TIMESTAMPTZ) AND ' +
        '(("email" IS NULL OR "email" NOT LIKE $2 ESCAPE \'!\') OR "first_name" IS NOT NULL OR ("active" IS NULL OR "active" <> $3)) AND NOT (("is_restricted" IS NOT NULL AND "is_restricted" = TRUE)) LIMIT 10',
    );
    expect(st.values).toEqual([at.cutoff.toISOString(), 'erased+%@invalid', false]);
  });

  it('turns a format mask into a LIKE pattern that matches every masked value and escapes what LIKE would read', () => {
    expect(formatPattern('erased+{key}@invalid')).toBe('erased+%@invalid');
    expect(formatPattern('gone_{request}_{key}%!')).toBe('gone!_%!_%!%!!');
  });

  it('restricts with the flag or the time', () => {
    const now = new Date('2026-12-06T03:00:00.000Z');
    expect(new RetentionStatements(db('postgres'), user, rule({ action: 'restrict' }), at).restrictionValue(now)).toEqual(['is_restricted', true]);
    expect(new RetentionStatements(db('postgres'), invoice, rule({ action: 'restrict', countsFrom: 'issued_on' }), at).restrictionValue(now)).toEqual([
      'restricted_at',
      now,
    ]);
  });
});
