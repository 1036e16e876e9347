import { describe, expect, it } from 'vitest';
import {
  checkRetentionRuleIds,
  checkRetentionRules,
  isOlderThan,
  type RetentionRule,
  retentionCutoff,
  retentionRuleSchema,
} from '../../../functions/domain/retention-rules';

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
