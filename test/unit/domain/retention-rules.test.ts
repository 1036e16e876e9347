import { describe, expect, it } from 'vitest';
import { isOlderThan, retentionCutoff } from '../../../functions/domain/retention-rules';

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
