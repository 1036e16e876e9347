import { describe, expect, it } from 'vitest';
import {
  checkRetentionRuleIds,
  checkRetentionRules,
  checkSqlRetentionRules,
  isOlderThan,
  legalHoldCutoff,
  type RetentionRule,
  retentionCutoff,
  retentionRuleSchemas,
  type SqlRetentionRule,
} from '../../../functions/domain/retention-rules';

const { retentionRuleSchema, sqlRetentionRuleSchema } = retentionRuleSchemas();

describe('the cutoff of a retention rule', () => {
  const cutoff = (months: number, now: string) => retentionCutoff(months, new Date(now)).toISOString();

  it('is the same instant the given calendar months earlier, across years', () => {
    expect(cutoff(24, '2026-11-22T03:00:00.000Z')).toBe('2024-11-22T03:00:00.000Z');
    expect(cutoff(6, '2026-03-15T03:00:00.000Z')).toBe('2025-09-15T03:00:00.000Z');
    expect(cutoff(36, '2026-01-05T12:34:56.789Z')).toBe('2023-01-05T12:34:56.789Z');
  });

  it('lands on the last day of a shorter month, leap years included', () => {
    expect(cutoff(6, '2026-08-31T03:00:00.000Z')).toBe('2026-02-28T03:00:00.000Z');
    expect(cutoff(6, '2028-08-31T03:00:00.000Z')).toBe('2028-02-29T03:00:00.000Z');
    expect(cutoff(24, '2026-02-28T03:00:00.000Z')).toBe('2024-02-28T03:00:00.000Z');
    expect(cutoff(1, '2026-03-31T03:00:00.000Z')).toBe('2026-02-28T03:00:00.000Z');
  });

  it('takes a record dated before the cutoff, not one dated at or after it, and no record without a date', () => {
    const at = new Date('2024-11-22T03:00:00.000Z');
    expect(isOlderThan('2024-11-22T02:59:59Z', at)).toBe(true);
    expect(isOlderThan('2024-11-21', at)).toBe(true);
    // A date without a time counts from that day's start, so the cutoff's own day is old enough once the cutoff passed 00:00.
    expect(isOlderThan('2024-11-22', at)).toBe(true);
    expect(isOlderThan('2024-11-22T03:00:00.000Z', at)).toBe(false);
    expect(isOlderThan('2024-11-23', at)).toBe(false);
    expect(isOlderThan(undefined, at)).toBe(false);
    expect(isOlderThan(1_600_000_000, at)).toBe(false);
  });
});

describe('a retention rule as the register declares it', () => {
  const declared = { id: 'inactive-members', description: 'Members inactive for two years', countsFrom: 'lastActiveAt', afterMonths: 24, action: 'delete' };

  it('is a dry run unless the controller enforces it', () => {
    expect(retentionRuleSchema.parse(declared).enforce).toBe(false);
    expect(retentionRuleSchema.parse({ ...declared, enforce: true }).enforce).toBe(true);
  });

  it('counts in calendar months, and points a period given in days at afterMonths', () => {
    const inDays = retentionRuleSchema.safeParse({ ...declared, afterMonths: undefined, afterDays: 730 });
    expect(inDays.success).toBe(false);
    expect(JSON.stringify(inDays.error?.issues)).toContain('use afterMonths');
    expect(retentionRuleSchema.safeParse({ ...declared, afterMonths: 0 }).success).toBe(false);
    expect(retentionRuleSchema.safeParse({ ...declared, afterMonths: 1.5 }).success).toBe(false);
  });

  it('has an id of lower-case letters, digits and dashes, as run records are named by it', () => {
    expect(retentionRuleSchema.safeParse({ ...declared, id: 'Inactive members' }).success).toBe(false);
  });
});

describe("a store's retention rules checked against the store", () => {
  const rule = (over: Partial<RetentionRule> = {}): RetentionRule => ({
    id: 'inactive',
    description: 'Inactive for two years',
    countsFrom: 'lastActiveAt',
    afterMonths: 24,
    action: 'delete',
    enforce: false,
    ...over,
  });
  const problems = (store: Parameters<typeof checkRetentionRules>[0]) => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    checkRetentionRules(store, { addIssue: (i) => issues.push(i) });
    return issues;
  };
  const store = (rules: RetentionRule[], erasure: { mode: string; identifyingAttributes?: string[] } = { mode: 'delete' }) => ({
    lookup: { keyAttribute: 'email' },
    erasure,
    retentionRules: rules,
  });

  it('takes a rule that deletes records by a date of the data', () => {
    expect(problems(store([rule()]))).toEqual([]);
  });

  it('refuses to anonymise at a store whose erasure deletes, and takes it where the store anonymises', () => {
    expect(problems(store([rule({ action: 'anonymise' })]))).toEqual([
      { code: 'custom', path: ['retentionRules', 0, 'action'], message: expect.stringContaining('use action delete') },
    ]);
    expect(problems(store([rule({ action: 'anonymise' })], { mode: 'anonymise', identifyingAttributes: ['email', 'name'] }))).toEqual([]);
  });

  it('refuses to count from the attribute subjects are looked up by, whether a key or an index', () => {
    expect(problems(store([rule({ countsFrom: 'email' })]))[0]?.path).toEqual(['retentionRules', 0, 'countsFrom']);
    const byIndex = { ...store([rule({ countsFrom: 'emailLower' })]), lookup: { indexName: 'by-email', attribute: 'emailLower' } };
    expect(problems(byIndex)[0]?.message).toContain('looked up by');
  });

  it('refuses to count from a mark the service writes on records', () => {
    for (const mark of ['restrictedAt', 'holdUntil', 'anonymisedAt'])
      expect(problems(store([rule({ countsFrom: mark })]))[0]?.message).toContain('written by this service');
  });

  it('refuses an anonymising rule that counts from an attribute anonymisation removes', () => {
    const anonymising = store([rule({ action: 'anonymise', countsFrom: 'joinedAt' })], { mode: 'anonymise', identifyingAttributes: ['email', 'joinedAt'] });
    expect(problems(anonymising)[0]?.message).toContain('anonymisation removes');
  });

  it('names the rule that is wrong by its place among the store’s rules', () => {
    expect(problems(store([rule(), rule({ id: 'second', countsFrom: 'email' })])).map((i) => i.path)).toEqual([['retentionRules', 1, 'countsFrom']]);
  });

  it("refuses two rules with one id across a controller's stores, pointing at the second", () => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    checkRetentionRuleIds(
      [
        { id: 'members', retentionRules: [rule({ id: 'inactive' })] },
        { id: 'mailing-list' },
        { id: 'events', retentionRules: [rule({ id: 'old-events' }), rule({ id: 'inactive' })] },
      ],
      { addIssue: (i) => issues.push(i) },
    );
    expect(issues).toEqual([{ code: 'custom', path: ['processors', 2, 'retentionRules', 1, 'id'], message: 'duplicate retention rule id inactive' }]);
  });
});

describe("a SQL table's retention rules", () => {
  const rule = (over: Partial<SqlRetentionRule> = {}): SqlRetentionRule =>
    sqlRetentionRuleSchema.parse({
      id: 'inactive',
      description: 'Inactive for three years',
      countsFrom: 'last_login',
      afterMonths: 36,
      action: 'delete',
      ...over,
    });
  type Table = Parameters<typeof checkSqlRetentionRules>[0];
  const user = (rules: SqlRetentionRule[], over: Partial<Table> = {}): Table => ({
    match: { column: 'email' },
    erasure: { mode: 'mask', columns: { email: { format: 'erased+{key}@invalid' }, name: 'null', last_login: 'null' } },
    restriction: { column: 'is_restricted' },
    retentionRules: rules,
    ...over,
  });
  const invoices = (rules: SqlRetentionRule[]): Table => ({
    match: { column: 'user_id' },
    erasure: { mode: 'legal_hold', holdDays: 2192, fromColumn: 'issued_on' },
    restriction: { column: 'restricted_at' },
    retentionRules: rules,
  });
  const problems = (table: Table) => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    checkSqlRetentionRules(table, { addIssue: (i) => issues.push(i) }, ['tables', 0]);
    return issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('runs dry in batches of 500 and at most 50,000 rows a run unless the register says otherwise', () => {
    expect(rule()).toMatchObject({ enforce: false, rowsPerBatch: 500, maxRowsPerRun: 50_000 });
    expect(sqlRetentionRuleSchema.safeParse({ ...rule(), afterDays: 30 }).success).toBe(false);
    expect(sqlRetentionRuleSchema.safeParse({ ...rule(), action: 'anonymise' }).error?.issues[0]?.message).toBe('action must be delete, mask or restrict');
    expect(sqlRetentionRuleSchema.safeParse({ ...rule(), countsFrom: 'last_login; DROP TABLE x' }).success).toBe(false);
  });

  it('takes delete, mask and restrict rules at a table that declares what they need', () => {
    expect(problems(user([rule(), rule({ id: 'masked', action: 'mask', afterMonths: 24 }), rule({ id: 'r', action: 'restrict', afterMonths: 12 })]))).toEqual(
      [],
    );
  });

  it('refuses a mask without mask columns or with a keyed hash, and a restriction without a column', () => {
    expect(problems(user([rule({ action: 'mask' })], { erasure: { mode: 'delete' } }))).toEqual([
      expect.stringMatching(/^tables\.0\.retentionRules\.0\.action: rule inactive: this table declares no mask columns/),
    ]);
    expect(problems(user([rule({ action: 'mask' })], { erasure: { mode: 'mask', columns: { email: 'hash', name: 'null' } } }))[0]).toContain(
      'the mask writes a keyed hash to email, which a retention rule cannot',
    );
    expect(problems(user([rule({ action: 'restrict' })], { restriction: undefined }))[0]).toContain('no restriction column');
  });

  it('refuses to count from the column subjects are found by, from the restriction mark, or from a date the mask overwrites', () => {
    expect(problems(user([rule({ countsFrom: 'email' })]))[0]).toContain('found by');
    expect(problems(user([rule({ countsFrom: 'is_restricted' })]))[0]).toContain('restriction column this service writes');
    const overwritten = user([rule({ action: 'mask' })], { erasure: { mode: 'mask', columns: { email: 'null', last_login: { value: '1970-01-01' } } } });
    expect(problems(overwritten)[0]).toContain('the mask overwrites last_login');
  });

  it('refuses a first stage that the delete rule would always come before', () => {
    expect(problems(user([rule({ afterMonths: 84, action: 'restrict' }), rule({ id: 'deleted', afterMonths: 120 })]))).toEqual([]);
    expect(problems(user([rule({ afterMonths: 120, action: 'restrict' }), rule({ id: 'deleted', afterMonths: 84 })]))).toEqual([
      expect.stringContaining('tables.0.retentionRules.0.afterMonths: rule inactive: the delete rule deleted takes these rows after 84 months'),
    ]);
  });

  it('refuses a legal_hold table without the delete rule that ends its hold, or with one clearly shorter than the hold', () => {
    expect(problems(invoices([]))).toEqual([expect.stringContaining('tables.0.retentionRules: a legal hold ends by a retention rule')]);
    // Restricting is not ending: the rows would still be kept forever.
    expect(problems(invoices([rule({ countsFrom: 'issued_on', action: 'restrict' })]))[0]).toContain('a legal hold ends by a retention rule');
    expect(problems(invoices([rule({ countsFrom: 'issued_on', afterMonths: 72 })]))).toEqual([]);
    expect(problems(invoices([rule({ countsFrom: 'issued_on', afterMonths: 6 })]))).toEqual([
      'tables.0.retentionRules.0.afterMonths: rule inactive: 6 months is shorter than the legal hold of 2192 days',
    ]);
  });

  it('counts a hold the way the erasure does: held until its date plus the hold', () => {
    expect(legalHoldCutoff(10, new Date('2026-03-11T03:00:00.000Z')).toISOString()).toBe('2026-03-01T03:00:00.000Z');
  });

  it("refuses two rules with one id across a database's tables and the controller's stores", () => {
    const issues: { path: (string | number)[]; message: string }[] = [];
    checkRetentionRuleIds(
      [
        { id: 'members', retentionRules: [{ id: 'inactive' }] },
        { id: 'db', tables: [{ retentionRules: [{ id: 'old' }] }, { retentionRules: [{ id: 'inactive' }] }] },
      ],
      { addIssue: (i) => issues.push(i) },
    );
    expect(issues).toEqual([
      { code: 'custom', path: ['processors', 1, 'tables', 1, 'retentionRules', 0, 'id'], message: 'duplicate retention rule id inactive' },
    ]);
  });
});
