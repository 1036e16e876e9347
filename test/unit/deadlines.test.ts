import { describe, expect, it } from 'vitest';
import { dueDate } from '../../functions/lib/deadlines';

const at = (iso: string) => new Date(iso);
const day = (d: Date) => d.toISOString().slice(0, 10);

describe('deadlines', () => {
  it('answers within a fixed number of days by the end of the last day', () => {
    const due = dueDate(at('2026-03-05T10:00:00Z'), { rule: 'days', days: 30 });
    expect(due.toISOString()).toBe('2026-04-04T23:59:59.999Z');
  });

  it('counts one calendar month to the same date (5 March → 5 April)', () => {
    // 5 April 2027 is a Monday, so no working-day shift hides the rule.
    expect(day(dueDate(at('2027-03-05T08:00:00Z'), { rule: 'month' }))).toBe('2027-04-05');
  });

  it('ends a month on the last day when the date does not exist (31 August → 30 September)', () => {
    // 30 September 2027 is a Thursday.
    expect(day(dueDate(at('2027-08-31T12:00:00Z'), { rule: 'month' }))).toBe('2027-09-30');
  });

  it('moves a month deadline that falls on a weekend to the next working day', () => {
    // 5 March 2026 + one month = Sunday 5 April 2026 → Monday 6 April.
    expect(day(dueDate(at('2026-03-05T08:00:00Z'), { rule: 'month' }))).toBe('2026-04-06');
  });

  it('crosses the year end', () => {
    expect(day(dueDate(at('2026-12-31T08:00:00Z'), { rule: 'month' }))).toBe('2027-02-01'); // 31 Jan 2027 is a Sunday
  });
});
