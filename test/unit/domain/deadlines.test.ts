import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  clockPaused,
  dueDate,
  easterSunday,
  extendedDueDate,
  isPublicHoliday,
  longestAnswerDays,
  pausedDeadlines,
  pausedDueDate,
  requestDeadlines,
  workingDaysBetween,
} from '../../../functions/domain/deadlines';
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

describe('working days, as a policy promises them', () => {
  const tenWorkingDays: DeadlineRule = { rule: 'workingDays', days: 10 };

  it('counts from the day after receipt, skipping Saturdays and Sundays', () => {
    // Received Wednesday 4 March 2026: Thu 5, Fri 6, Mon 9 … Wed 18 is the tenth working day.
    expect(dueDate(at('2026-03-04T15:00:00Z'), tenWorkingDays).toISOString()).toBe('2026-03-18T23:59:59.999Z');
    // "The next working day": a Friday's request is answered by Monday, a Saturday's too.
    expect(day(addWorkingDays(at('2026-03-06T10:00:00Z'), 1))).toBe('2026-03-09');
    expect(day(addWorkingDays(at('2026-03-07T10:00:00Z'), 1))).toBe('2026-03-09');
    expect(day(addWorkingDays(at('2026-03-09T23:00:00Z'), 1))).toBe('2026-03-10');
  });

  it('skips the controller’s holidays: Easter in Sweden, Statehood Day in Slovenia', () => {
    // Maundy Thursday 2 April 2026: Good Friday, Easter Sunday and Monday are not counted.
    expect(day(dueDate(at('2026-04-02T09:00:00Z'), { rule: 'workingDays', days: 3 }, SE))).toBe('2026-04-09');
    expect(day(dueDate(at('2026-04-02T09:00:00Z'), { rule: 'workingDays', days: 3 }, []))).toBe('2026-04-07');
    // Wednesday 24 June 2026: Thursday 25 June is Statehood Day in Slovenia, not in Sweden.
    expect(day(addWorkingDays(at('2026-06-24T09:00:00Z'), 1, SI))).toBe('2026-06-26');
    // Midsummer Eve (Friday 19 June 2026) is a day off in Sweden.
    expect(day(addWorkingDays(at('2026-06-18T09:00:00Z'), 1, SE))).toBe('2026-06-22');
    // Christmas in Sweden: from 23 December the next working day is 28 December.
    expect(day(addWorkingDays(at('2026-12-23T09:00:00Z'), 1, SE))).toBe('2026-12-28');
  });

  it('counts the weekend the controller declares, by ISO weekday', () => {
    // A controller that does not work Fridays and Saturdays (5, 6) answers a Thursday's request on Sunday.
    expect(day(addWorkingDays(at('2026-03-05T09:00:00Z'), 1, [], [5, 6]))).toBe('2026-03-08');
    expect(day(dueDate(at('2026-03-05T09:00:00Z'), { rule: 'workingDays', days: 1 }, [], [5, 6]))).toBe('2026-03-08');
    // With Sunday alone off, Saturday counts.
    expect(day(addWorkingDays(at('2026-03-06T09:00:00Z'), 1, [], [7]))).toBe('2026-03-07');
  });

  it('never promises later than the legal month', () => {
    // 60 working days are about three months; the law allows one.
    expect(day(dueDate(at('2026-03-05T09:00:00Z'), { rule: 'workingDays', days: 60 }, SE))).toBe(
      day(dueDate(at('2026-03-05T09:00:00Z'), { rule: 'month' }, SE)),
    );
  });

  it('moves a working-day deadline on by the working days a pause took', () => {
    const due = at('2026-03-18T23:59:59.999Z'); // a Wednesday
    // Paused Friday afternoon, answered Monday morning: one working day (Monday) lost.
    expect(workingDaysBetween(at('2026-03-06T15:00:00Z'), at('2026-03-09T08:00:00Z'))).toBe(1);
    expect(pausedDueDate(due, { pausedAt: at('2026-03-06T15:00:00Z'), resumedAt: at('2026-03-09T08:00:00Z') }, tenWorkingDays).toISOString()).toBe(
      '2026-03-19T23:59:59.999Z',
    );
    // Asked and answered the same day: nothing lost.
    expect(pausedDueDate(due, { pausedAt: at('2026-03-09T08:00:00Z'), resumedAt: at('2026-03-09T17:00:00Z') }, tenWorkingDays)).toEqual(due);
    // A week's pause (five working days) moves Wednesday 18 to Wednesday 25; over Easter in Sweden further.
    expect(day(pausedDueDate(due, { pausedAt: at('2026-03-09T10:00:00Z'), resumedAt: at('2026-03-16T10:00:00Z') }, tenWorkingDays))).toBe('2026-03-25');
    // Two working days lost from Wednesday 1 April 2026: Thursday, then (past Good Friday and Easter Monday) Tuesday.
    const easterDue = at('2026-04-01T23:59:59.999Z');
    expect(day(pausedDueDate(easterDue, { pausedAt: at('2026-03-30T10:00:00Z'), resumedAt: at('2026-04-01T10:00:00Z') }, tenWorkingDays, SE))).toBe(
      '2026-04-07',
    );
    // A calendar rule still moves by the time the pause took, as before.
    expect(day(pausedDueDate(due, { pausedAt: at('2026-03-06T15:00:00Z'), resumedAt: at('2026-03-09T15:00:00Z') }, { rule: 'days', days: 30 }))).toBe(
      '2026-03-23',
    );
  });

  it('sets an internal target apart from the legal deadline, and moves both with a pause', () => {
    const platform = { deadline: { rule: 'month' } as DeadlineRule, target: { rule: 'workingDays', days: 1 } as DeadlineRule, publicHolidays: SE };
    const received = at('2026-06-18T09:00:00Z'); // Thursday before Midsummer Eve
    const deadlines = requestDeadlines(received, platform);
    expect(deadlines).toEqual({ dueAt: '2026-07-20T23:59:59.999Z', targetAt: '2026-06-22T23:59:59.999Z' });
    // Without a target, none; a target not before the deadline is none either.
    expect(requestDeadlines(received, { deadline: { rule: 'month' }, publicHolidays: SE })).toEqual({ dueAt: '2026-07-20T23:59:59.999Z' });
    expect(requestDeadlines(received, { deadline: { rule: 'workingDays', days: 1 }, target: { rule: 'days', days: 10 }, publicHolidays: SE })).toEqual({
      dueAt: '2026-06-22T23:59:59.999Z',
    });
    // A question waits from Monday 22 to Wednesday 24 June: two working days for the target, two calendar days for the month.
    expect(pausedDeadlines(deadlines, { pausedAt: at('2026-06-22T08:00:00Z'), resumedAt: at('2026-06-24T08:00:00Z') }, platform)).toEqual({
      dueAt: '2026-07-22T23:59:59.999Z',
      targetAt: '2026-06-24T23:59:59.999Z',
    });
  });

  it('knows when the clock stands still: a question that pauses it and is not answered yet, a fee not paid', () => {
    const question = { text: 'q', by: 'staff', at: '2026-03-06T10:00:00Z', pausesClock: true };
    expect(clockPaused({ infoRequest: question })).toBe(true);
    expect(clockPaused({ infoRequest: { ...question, answeredAt: '2026-03-07T10:00:00Z' } })).toBe(false);
    expect(clockPaused({ infoRequest: { ...question, pausesClock: false } })).toBe(false);
    expect(clockPaused({})).toBe(false);
    // A fee charged and not paid stops it too (Art. 12(5)(a)); paid, it runs.
    const fee = { amount: '25.00', currency: 'EUR', reason: 'r', by: 'staff', at: '2026-03-06T10:00:00Z' };
    expect(clockPaused({ fee })).toBe(true);
    expect(clockPaused({ fee: { ...fee, paidAt: '2026-03-08T10:00:00Z' } })).toBe(false);
  });

  it('keeps the extended answer within the bound for a working-day promise', () => {
    const bound = longestAnswerDays(tenWorkingDays, SE);
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2030, 0, 1); t += 86_400_000) {
      const extended = extendedDueDate(dueDate(new Date(t), tenWorkingDays, SE), 2, SE);
      expect(Math.ceil((extended.getTime() - t) / 86_400_000)).toBeLessThanOrEqual(bound);
    }
  });
});
