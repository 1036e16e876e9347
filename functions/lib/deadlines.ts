import type { DeadlineRule } from './register';

const DAY_MS = 86_400_000;

/** The last moment of a UTC calendar day. */
function endOfDay(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month, day, 23, 59, 59, 999));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** Saturday and Sunday; public holidays per country come with the deadline issue. */
function isWorkingDay(d: Date): boolean {
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6;
}

/**
 * When a request received at `receivedAt` must be answered (Art. 12(3)).
 *
 * `month`: Regulation 1182/71 Art. 3(2)(c): the same date one month later, or the last day of
 * that month when it has no such date (31 Aug → 30 Sep); a last day that is not a working day
 * moves to the next working day (Art. 3(4)). `days`: a fixed number of calendar days.
 * Either way the deadline is the end of the due day (UTC).
 */
export function dueDate(receivedAt: Date, rule: DeadlineRule): Date {
  const y = receivedAt.getUTCFullYear();
  const m = receivedAt.getUTCMonth();
  const d = receivedAt.getUTCDate();
  if (rule.rule === 'days') {
    const due = new Date(Date.UTC(y, m, d) + rule.days * DAY_MS);
    return endOfDay(due.getUTCFullYear(), due.getUTCMonth(), due.getUTCDate());
  }
  const ny = m === 11 ? y + 1 : y;
  const nm = (m + 1) % 12;
  let due = endOfDay(ny, nm, Math.min(d, daysInMonth(ny, nm)));
  while (!isWorkingDay(due)) due = new Date(due.getTime() + DAY_MS);
  return due;
}
