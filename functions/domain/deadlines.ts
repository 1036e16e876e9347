import type { Controller, DeadlineRule } from './register-schema';
import type { DsrRequest } from './request';

const DAY_MS = 86_400_000;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** The last moment of a UTC calendar day. */
function endOfDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day, 23, 59, 59, 999));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Western (Gregorian) Easter Sunday: the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

const mmdd = (d: Date) => `${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;

/** Whether a day is one of the controller's public holidays (rules as the register declares them). */
export function isPublicHoliday(day: Date, holidays: readonly string[]): boolean {
  const date = mmdd(day);
  const midnight = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  return holidays.some((rule) => {
    if (/^\d{2}-\d{2}$/.test(rule)) return rule === date;
    const easter = /^easter([+-]\d+)$/.exec(rule);
    if (easter) return easterSunday(day.getUTCFullYear()).getTime() + Number(easter[1]) * DAY_MS === midnight;
    const range = /^(\d{2}-\d{2})\/(\d{2}-\d{2}):(\w{3})$/.exec(rule);
    return !!range && date >= range[1]! && date <= range[2]! && WEEKDAYS[day.getUTCDay()] === range[3];
  });
}

/** Saturdays, Sundays and the controller's public holidays are not working days. */
function isWorkingDay(day: Date, holidays: readonly string[]): boolean {
  const wd = day.getUTCDay();
  return wd !== 0 && wd !== 6 && !isPublicHoliday(day, holidays);
}

/** Saturday and Sunday as ISO weekdays (1 Monday … 7 Sunday): the weekend unless a controller declares another. */
export const SATURDAY_AND_SUNDAY: readonly number[] = [6, 7];

/** A day's ISO weekday: 1 Monday … 7 Sunday. */
const isoWeekday = (day: Date) => ((day.getUTCDay() + 6) % 7) + 1;

/** Whether a day is worked at a controller: not on its weekend (ISO weekdays), not one of its public holidays. */
export function isWorkingDayAt(day: Date, holidays: readonly string[], weekend: readonly number[] = SATURDAY_AND_SUNDAY): boolean {
  return !weekend.includes(isoWeekday(day)) && !isPublicHoliday(day, holidays);
}

/**
 * The end (UTC) of the `n`th working day after `from`'s day: the day itself never counts, as the
 * day of the event does not under Reg. 1182/71 Art. 3(1), so 1 is "the next working day".
 */
export function addWorkingDays(from: Date, n: number, holidays: readonly string[] = [], weekend: readonly number[] = SATURDAY_AND_SUNDAY): Date {
  let day = endOfDay(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  for (let left = n; left > 0; ) {
    day = new Date(day.getTime() + DAY_MS);
    if (isWorkingDayAt(day, holidays, weekend)) left--;
  }
  return day;
}

/** How many working days lie after `from`'s day up to and including `to`'s: what a pause from `from` to `to` cost. */
export function workingDaysBetween(from: Date, to: Date, holidays: readonly string[] = [], weekend: readonly number[] = SATURDAY_AND_SUNDAY): number {
  let count = 0;
  const last = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  for (let t = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()) + DAY_MS; t <= last; t += DAY_MS) {
    if (isWorkingDayAt(new Date(t), holidays, weekend)) count++;
  }
  return count;
}

/**
 * When a request received at `receivedAt` must be answered (Art. 12(3)).
 *
 * `month`: Regulation 1182/71 Art. 3(2)(c): the same date one month later, or the last day of
 * that month when it has no such date (31 Aug → 30 Sep); a last day that is a Saturday, Sunday or
 * public holiday of the controller's country moves to the next working day (Art. 3(4)). `days`: a
 * fixed number of calendar days. `workingDays`: the policy's promise, counted in the controller's
 * working days (its `weekend` and holidays), but never later than the month the law allows.
 * Either way the deadline is the end of the due day (UTC).
 */
export function dueDate(receivedAt: Date, rule: DeadlineRule, holidays: readonly string[] = [], weekend: readonly number[] = SATURDAY_AND_SUNDAY): Date {
  const y = receivedAt.getUTCFullYear();
  const m = receivedAt.getUTCMonth();
  const d = receivedAt.getUTCDate();
  if (rule.rule === 'workingDays') {
    const promised = addWorkingDays(receivedAt, rule.days, holidays, weekend);
    const legal = dueDate(receivedAt, { rule: 'month' }, holidays);
    return new Date(Math.min(promised.getTime(), legal.getTime()));
  }
  if (rule.rule === 'days') {
    const due = new Date(Date.UTC(y, m, d) + rule.days * DAY_MS);
    return endOfDay(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate());
  }
  const ny = m === 11 ? y + 1 : y;
  const nm = (m + 1) % 12;
  let due = endOfDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
  while (!isWorkingDay(due, holidays)) due = new Date(due.getTime() + DAY_MS);
  return due;
}

/**
 * Art. 12(3): the deadline extended by `months` (at most two), counted from the first month's end
 * the way the first month was (same date, or that month's last day), then moved off a non-working day.
 */
export function extendedDueDate(originalDue: Date, months: number, holidays: readonly string[] = []): Date {
  const y = originalDue.getUTCFullYear();
  const m = originalDue.getUTCMonth() + months;
  const ny = y + Math.floor(m / 12);
  const nm = m % 12;
  let due = endOfDay(ny, nm, Math.min(originalDue.getUTCDate(), daysInMonth(ny, nm)));
  while (!isWorkingDay(due, holidays)) due = new Date(due.getTime() + DAY_MS);
  return due;
}

/** A deadline moved on by a paused stretch (waiting for the subject's answer), landing on a working day. */
export function resumedDueDate(due: Date, pausedMs: number, holidays: readonly string[] = []): Date {
  const moved = new Date(due.getTime() + Math.max(0, pausedMs));
  let day = endOfDay(moved.getUTCFullYear(), moved.getUTCMonth(), moved.getUTCDate());
  while (!isWorkingDay(day, holidays)) day = new Date(day.getTime() + DAY_MS);
  return day;
}

/**
 * A deadline moved on by a pause (the clock stopped from `pausedAt` to `resumedAt`: a question to
 * the subject, a fee not yet paid). A `workingDays` rule moves on by the working days the pause
 * took, so a pause over a weekend costs the controller nothing; the others by the time it took
 * ({@link resumedDueDate}).
 */
export function pausedDueDate(
  due: Date,
  pause: { pausedAt: Date; resumedAt: Date },
  rule: DeadlineRule,
  holidays: readonly string[] = [],
  weekend: readonly number[] = SATURDAY_AND_SUNDAY,
): Date {
  if (rule.rule !== 'workingDays') return resumedDueDate(due, pause.resumedAt.getTime() - pause.pausedAt.getTime(), holidays);
  const lost = workingDaysBetween(pause.pausedAt, pause.resumedAt, holidays, weekend);
  return lost > 0 ? addWorkingDays(due, lost, holidays, weekend) : due;
}

/** What of the register a request's deadlines are computed from. */
export type DeadlineSettings = Pick<Controller, 'deadline' | 'publicHolidays'> & Partial<Pick<Controller, 'weekend' | 'target'>>;

/** A request's deadlines: the one it must be answered by, and the controller's own earlier target, if it sets one. */
export interface RequestDeadlines {
  dueAt: string;
  /** Internal, never a legal deadline: staff are reminded and the digest lists what passed it, never as overdue. */
  targetAt?: string;
}

/** The deadlines of a request received at `receivedAt`; a target not before the deadline is no target. */
export function requestDeadlines(receivedAt: Date, controller: DeadlineSettings): RequestDeadlines {
  const due = dueDate(receivedAt, controller.deadline, controller.publicHolidays, controller.weekend);
  const target = controller.target && dueDate(receivedAt, controller.target, controller.publicHolidays, controller.weekend);
  return { dueAt: due.toISOString(), ...(target && target < due ? { targetAt: target.toISOString() } : {}) };
}

/** A request's deadlines moved on by a pause, each by its own rule; a target that reaches the deadline is dropped. */
export function pausedDeadlines(
  current: { dueAt: string; targetAt?: string },
  pause: { pausedAt: Date; resumedAt: Date },
  controller: DeadlineSettings,
): RequestDeadlines {
  const due = pausedDueDate(new Date(current.dueAt), pause, controller.deadline, controller.publicHolidays, controller.weekend);
  const target =
    current.targetAt && controller.target
      ? pausedDueDate(new Date(current.targetAt), pause, controller.target, controller.publicHolidays, controller.weekend)
      : undefined;
  return { dueAt: due.toISOString(), ...(target && target < due ? { targetAt: target.toISOString() } : {}) };
}

/** The longest run of consecutive non-working days in the years 2000–2199 (a deadline moves past at most this many). */
function longestNonWorkingRun(holidays: readonly string[]): number {
  let longest = 0;
  let run = 0;
  for (let t = Date.UTC(2000, 0, 1); t < Date.UTC(2200, 0, 1); t += DAY_MS) {
    run = isWorkingDay(new Date(t), holidays) ? 0 : run + 1;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * The most whole days from a request's receipt to the end of its deadline extended by the full two
 * months (Art. 12(3)): a bound, not a date. The first deadline is at most `days` (or 31) days on,
 * two months add at most 62, and each may move past a run of non-working days; one more day
 * counts the due day itself. Whatever the workflow keeps for the answer must last this long.
 */
export function longestAnswerDays(rule: DeadlineRule, holidays: readonly string[] = []): number {
  const firstDeadline = rule.rule === 'days' ? rule.days : 31;
  return firstDeadline + 62 + 2 * longestNonWorkingRun(holidays) + 1;
}

/**
 * Whether a request's clock is stopped now: staff asked the subject a question that pauses it and
 * it is not answered yet, or charged a fee (Art. 12(5)(a)) not paid yet. Its `dueAt` then moves on
 * when the clock runs again, so it is neither reminded of nor counted overdue meanwhile.
 */
export function clockPaused(request: Pick<DsrRequest, 'infoRequest'> & Partial<Pick<DsrRequest, 'fee'>>): boolean {
  return (!!request.infoRequest?.pausesClock && !request.infoRequest.answeredAt) || (!!request.fee && !request.fee.paidAt);
}
