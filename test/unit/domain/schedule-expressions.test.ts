import { describe, expect, it } from 'vitest';
import { parseScheduleExpression } from '../../../functions/domain/schedule-expressions';

const next = (expression: string, after: string, timezone?: string) => parseScheduleExpression(expression, timezone).nextAfter(new Date(after))?.toISOString();

describe('schedule expressions as EventBridge Scheduler reads them', () => {
  it('fires a weekly cron on the next Monday at 07:00 UTC', () => {
    // 2026-11-22 is a Sunday.
    expect(next('cron(0 7 ? * MON *)', '2026-11-22T10:00:00Z')).toBe('2026-11-23T07:00:00.000Z');
    expect(next('cron(0 7 ? * MON *)', '2026-11-23T07:00:00Z')).toBe('2026-11-30T07:00:00.000Z');
  });

  it('counts weekdays from 1 = Sunday, as EventBridge does', () => {
    expect(next('cron(30 6 ? * 2 *)', '2026-11-22T00:00:00Z')).toBe('2026-11-23T06:30:00.000Z');
    expect(next('cron(0 12 ? * 1 *)', '2026-11-22T13:00:00Z')).toBe('2026-11-29T12:00:00.000Z');
  });

  it("reads the hour on the wall clock of the schedule's time zone, across a DST change", () => {
    // Stockholm is UTC+2 in summer and UTC+1 in winter.
    expect(next('cron(0 8 * * ? *)', '2026-07-01T00:00:00Z', 'Europe/Stockholm')).toBe('2026-07-01T06:00:00.000Z');
    expect(next('cron(0 8 * * ? *)', '2026-12-01T00:00:00Z', 'Europe/Stockholm')).toBe('2026-12-01T07:00:00.000Z');
    // 2026-03-29 02:30 does not exist in Stockholm: that day has no firing.
    expect(next('cron(30 2 * * ? *)', '2026-03-28T03:00:00Z', 'Europe/Stockholm')).toBe('2026-03-30T00:30:00.000Z');
  });

  it('fires on the first of the month, the last day, the last Friday and the first Monday', () => {
    expect(next('cron(0 6 1 * ? *)', '2026-11-22T00:00:00Z')).toBe('2026-12-01T06:00:00.000Z');
    expect(next('cron(0 6 L * ? *)', '2027-02-01T00:00:00Z')).toBe('2027-02-28T06:00:00.000Z');
    expect(next('cron(0 6 ? * 6L *)', '2026-11-01T00:00:00Z')).toBe('2026-11-27T06:00:00.000Z');
    expect(next('cron(0 6 ? * MON#1 *)', '2026-11-22T00:00:00Z')).toBe('2026-12-07T06:00:00.000Z');
  });

  it('reads lists, ranges, steps and month names', () => {
    expect(next('cron(0/15 * * * ? *)', '2026-11-22T10:07:00Z')).toBe('2026-11-22T10:15:00.000Z');
    expect(next('cron(0 9-17/4 ? * MON-FRI *)', '2026-11-23T09:00:00Z')).toBe('2026-11-23T13:00:00.000Z');
    expect(next('cron(0 0 1 JAN,JUL ? *)', '2026-11-22T00:00:00Z')).toBe('2027-01-01T00:00:00.000Z');
  });

  it('stops after the last year a cron allows, and after a one-time schedule', () => {
    expect(next('cron(0 0 1 1 ? 2026)', '2026-11-22T00:00:00Z')).toBeUndefined();
    expect(next('at(2026-12-24T18:00:00)', '2026-11-22T00:00:00Z', 'Europe/Ljubljana')).toBe('2026-12-24T17:00:00.000Z');
    expect(next('at(2026-12-24T18:00:00)', '2026-12-25T00:00:00Z')).toBeUndefined();
  });

  it('fires a rate every interval', () => {
    const rate = parseScheduleExpression('rate(15 minutes)');
    const now = Date.now();
    const first = rate.nextAfter(new Date(now))!.getTime();
    expect(first - now).toBeGreaterThan(0);
    expect(first - now).toBeLessThanOrEqual(15 * 60_000);
    expect(rate.nextAfter(new Date(first))!.getTime() - first).toBe(15 * 60_000);
  });

  it('refuses expressions it cannot read, naming the field', () => {
    expect(() => parseScheduleExpression('cron(0 7 * * MON *)')).toThrow(/exactly one of day-of-month and day-of-week must be \?/);
    expect(() => parseScheduleExpression('cron(61 7 ? * MON *)')).toThrow(/minutes "61" is not between 0 and 59/);
    expect(() => parseScheduleExpression('cron(0 7 ? * FUN *)')).toThrow(/day-of-week "FUN"/);
    expect(() => parseScheduleExpression('cron(0 7 15W * ? *)')).toThrow(/W \(nearest weekday\) is not supported/);
    expect(() => parseScheduleExpression('cron(0 7 * *)')).toThrow(/6 fields/);
    expect(() => parseScheduleExpression('every monday')).toThrow(/expected rate/);
  });
});
