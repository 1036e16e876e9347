import { describe, expect, it } from 'vitest';
import { dueDate, easterSunday, extendedDueDate, isPublicHoliday, longestAnswerDays } from '../../../functions/domain/deadlines';
import type { DeadlineRule } from '../../../functions/domain/register-schema';

const at = (iso: string) => new Date(iso);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Sweden's public holidays and de facto non-working eves, as a controller would declare them. */
const SE = ['01-01', '01-06', 'easter-2', 'easter+1', '05-01', 'easter+39', '06-06', '06-19/06-25:fri', '12-24', '12-25', '12-26', '12-31'];
/** Slovenia's public holidays that are days off. */
const SI = ['01-01', '01-02', '02-08', 'easter+1', '04-27', '05-01', '05-02', '06-25', '08-15', '10-31', '11-01', '12-25', '12-26'];

describe('deadlines', () => {
  it('answers within a fixed number of days by the end of the last day', () => {
    const due = dueDate(at('2026-03-05T10:00:00Z'), { rule: 'days', days: 30 });
    expect(due.toISOString()).toBe('2026-04-04T23:59:59.999Z');
  });

  it('knows Western Easter Sunday', () => {
    expect(['2024', '2025', '2026', '2027', '2038'].map((y) => day(easterSunday(Number(y))))).toEqual([
      '2024-03-31',
      '2025-04-20',
      '2026-04-05',
      '2027-03-28',
      '2038-04-25',
    ]);
  });

  it('reads fixed, Easter-relative and weekday-in-range holidays', () => {
    expect(isPublicHoliday(at('2026-04-06T00:00:00Z'), SE)).toBe(true); // Easter Monday
    expect(isPublicHoliday(at('2026-05-14T00:00:00Z'), SE)).toBe(true); // Ascension Day
    expect(isPublicHoliday(at('2026-06-19T00:00:00Z'), SE)).toBe(true); // Midsummer Eve, a Friday
    expect(isPublicHoliday(at('2026-06-18T00:00:00Z'), SE)).toBe(false);
    expect(isPublicHoliday(at('2026-06-25T00:00:00Z'), SI)).toBe(true); // Statehood Day
  });

  // One calendar month by Regulation 1182/71: [received, due, why].
  const cases: [string, string, readonly string[], string][] = [
    ['2027-03-05', '2027-04-05', SE, 'the same date a month later (a Monday)'],
    ['2027-08-31', '2027-09-30', SE, 'the last day of a shorter month'],
    ['2028-01-31', '2028-02-29', SE, 'the last day of February in a leap year'],
    ['2027-01-31', '2027-03-01', SE, 'the last day of February, a Sunday, moves to Monday'],
    ['2026-03-05', '2026-04-07', SE, 'Easter Sunday and Easter Monday move it to Tuesday'],
    ['2026-11-24', '2026-12-28', SE, 'Christmas Eve, Christmas, Boxing Day and a Sunday'],
    ['2026-05-19', '2026-06-22', SE, 'Midsummer Eve (a Friday) and the weekend'],
    ['2026-05-25', '2026-06-26', SI, 'Slovenian Statehood Day'],
    ['2026-05-25', '2026-06-25', SE, 'the same day is a working day in Sweden'],
    ['2026-12-31', '2027-02-01', [], 'across the year end, 31 January 2027 being a Sunday'],
  ];
  for (const [received, due, holidays, why] of cases) {
    it(`answers a request received ${received} by ${due}: ${why}`, () => {
      expect(day(dueDate(at(`${received}T09:00:00Z`), { rule: 'month' }, holidays))).toBe(due);
    });
  }

  it('bounds the time from receipt to the end of a deadline extended by two months, whatever the day', () => {
    const rules: [DeadlineRule, string[]][] = [
      [{ rule: 'month' }, []],
      [{ rule: 'month' }, SE],
      [{ rule: 'days', days: 90 }, SI],
      [{ rule: 'days', days: 30 }, []],
    ];
    for (const [rule, holidays] of rules) {
      const bound = longestAnswerDays(rule, holidays);
      let longest = 0;
      for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2036, 0, 1); t += 86_400_000) {
        const extended = extendedDueDate(dueDate(new Date(t), rule, holidays), 2, holidays);
        longest = Math.max(longest, Math.ceil((extended.getTime() - t) / 86_400_000));
      }
      expect(bound).toBeGreaterThanOrEqual(longest);
      // a bound that stays close: a few days of slack, not months of personal data kept for nothing
      expect(bound - longest).toBeLessThan(8);
    }
  });
});
