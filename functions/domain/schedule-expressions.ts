/**
 * EventBridge Scheduler's schedule expressions, evaluated locally so `npm start` fires each
 * schedule of the template when AWS would: `rate(n unit)`, `cron(min hour dom month dow year)` in
 * the schedule's time zone, and one-time `at(yyyy-mm-ddThh:mm:ss)`.
 * https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html
 *
 * Cron supports `*`, `?`, lists, ranges, steps, month and weekday names, `L` (last day of the
 * month; `5L` the last Thursday), and `#` (`2#1`, the first Monday). `W` is refused with a clear
 * message rather than guessed.
 */

/** A parsed expression that can say when it fires next. */
export interface ScheduleExpression {
  /** The first firing strictly after `after`, or undefined if it never fires again. */
  nextAfter(after: Date): Date | undefined;
}

const RATE_UNITS: Record<string, number> = { minute: 60_000, hour: 3_600_000, day: 86_400_000 };

/** Parses `rate(...)`, `cron(...)` or `at(...)`; throws a message naming the part it cannot read. */
export function parseScheduleExpression(expression: string, timezone = 'UTC'): ScheduleExpression {
  const text = expression.trim();
  const rate = /^rate\(\s*(\d+)\s+(minute|hour|day)s?\s*\)$/.exec(text);
  if (rate) {
    const every = Number(rate[1]) * RATE_UNITS[rate[2]!]!;
    if (every <= 0) throw new Error(`schedule ${expression}: a rate must be positive`);
    // A rate counts from when the schedule was created: locally, from when this expression is read.
    const origin = Date.now();
    return { nextAfter: (after) => new Date(origin + (Math.floor((after.getTime() - origin) / every) + 1) * every) };
  }
  const at = /^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$/.exec(text);
  if (at) {
    const [y, mo, d, h, mi, s] = at.slice(1).map(Number) as [number, number, number, number, number, number];
    const when = zonedTime(timezone, y, mo, d, h, mi, s);
    return { nextAfter: (after) => (when.getTime() > after.getTime() ? when : undefined) };
  }
  const cron = /^cron\((.+)\)$/.exec(text);
  if (cron) return cronExpression(expression, cron[1]!, timezone);
  throw new Error(`schedule ${expression}: expected rate(...), cron(...) or at(...)`);
}

// ---- cron ----------------------------------------------------------------------------------

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** How many years ahead a cron expression is searched before it is taken to never fire. */
const HORIZON_YEARS = 5;

interface Field {
  name: string;
  min: number;
  max: number;
  names?: string[];
}
const FIELDS: Field[] = [
  { name: 'minutes', min: 0, max: 59 },
  { name: 'hours', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTHS },
  { name: 'day-of-week', min: 1, max: 7, names: WEEKDAYS },
  { name: 'year', min: 1970, max: 2199 },
];

/** A day test: does this local date match the day-of-month and day-of-week fields? */
type DayTest = (y: number, m: number, d: number) => boolean;

function cronExpression(expression: string, body: string, timezone: string): ScheduleExpression {
  const parts = body.trim().split(/\s+/);
  if (parts.length !== 6) throw new Error(`schedule ${expression}: cron needs 6 fields (minutes hours day-of-month month day-of-week year)`);
  const [minP, hourP, domP, monP, dowP, yearP] = parts as [string, string, string, string, string, string];
  if ((domP === '?') === (dowP === '?')) throw new Error(`schedule ${expression}: exactly one of day-of-month and day-of-week must be ?`);
  const minutes = values(expression, minP, FIELDS[0]!);
  const hours = values(expression, hourP, FIELDS[1]!);
  const months = values(expression, monP, FIELDS[3]!);
  const years = values(expression, yearP, FIELDS[5]!);
  const dayMatches: DayTest = domP === '?' ? weekdayTest(expression, dowP) : monthDayTest(expression, domP);
  const times = [...hours].sort((a, b) => a - b).flatMap((h) => [...minutes].sort((a, b) => a - b).map((mi) => [h, mi] as const));

  return {
    nextAfter(after) {
      let [y, m, d] = localDate(timezone, after);
      const lastYear = y + HORIZON_YEARS;
      while (y <= lastYear) {
        if (years.has(y) && months.has(m) && dayMatches(y, m, d)) {
          for (const [h, mi] of times) {
            const when = zonedTime(timezone, y, m, d, h, mi, 0);
            // A local time skipped by a DST change maps to another hour: not a firing.
            const [, , , lh, lmi] = localParts(timezone, when);
            if (when.getTime() > after.getTime() && lh === h && lmi === mi) return when;
          }
        }
        [y, m, d] = nextDay(y, m, d);
      }
      return undefined;
    },
  };
}

/** The values one field allows (`*`, `?`, lists, ranges, steps, names). */
function values(expression: string, text: string, field: Field): Set<number> {
  const out = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/') as [string, string | undefined];
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new Error(`schedule ${expression}: bad step in ${field.name} "${item}"`);
    let from: number;
    let to: number;
    if (range === '*' || range === '?') {
      [from, to] = [field.min, field.max];
    } else if (range.includes('-')) {
      const [a, b] = range.split('-') as [string, string];
      [from, to] = [number(expression, a, field), number(expression, b, field)];
    } else {
      from = number(expression, range, field);
      to = stepText === undefined ? from : field.max;
    }
    if (from > to) throw new Error(`schedule ${expression}: ${field.name} range "${range}" runs backwards`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

function number(expression: string, text: string, field: Field): number {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + 1 : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= field.min && n <= field.max)) {
    throw new Error(`schedule ${expression}: ${field.name} "${text}" is not between ${field.min} and ${field.max}`);
  }
  return n;
}

function monthDayTest(expression: string, text: string): DayTest {
  if (text.includes('W')) throw new Error(`schedule ${expression}: day-of-month W (nearest weekday) is not supported locally`);
  if (text === 'L') return (y, m, d) => d === daysInMonth(y, m);
  const days = values(expression, text, FIELDS[2]!);
  return (_y, _m, d) => days.has(d);
}

function weekdayTest(expression: string, text: string): DayTest {
  const field = FIELDS[4]!;
  const last = /^(\w+)L$/.exec(text);
  if (last) {
    const wd = number(expression, last[1]!, field);
    return (y, m, d) => weekday(y, m, d) === wd && d + 7 > daysInMonth(y, m);
  }
  const nth = /^(\w+)#([1-5])$/.exec(text);
  if (nth) {
    const wd = number(expression, nth[1]!, field);
    const n = Number(nth[2]);
    return (y, m, d) => weekday(y, m, d) === wd && Math.ceil(d / 7) === n;
  }
  if (text === 'L') return (y, m, d) => weekday(y, m, d) === 7;
  const days = values(expression, text, field);
  return (y, m, d) => days.has(weekday(y, m, d));
}

// ---- calendar and time zones ------------------------------------------------------------

/** 1 = Sunday … 7 = Saturday, as EventBridge counts. */
const weekday = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 1;
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

function nextDay(y: number, m: number, d: number): [number, number, number] {
  const next = new Date(Date.UTC(y, m - 1, d + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** [year, month, day, hour, minute, second] of an instant on the wall clock of `timezone`. */
function localParts(timezone: string, at: Date): number[] {
  let f = formatters.get(timezone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timezone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(at).map((p) => [p.type, p.value]));
  return ['year', 'month', 'day', 'hour', 'minute', 'second'].map((k) => Number(parts[k]));
}

const localDate = (timezone: string, at: Date) => localParts(timezone, at).slice(0, 3) as [number, number, number];

/** The instant at which the wall clock of `timezone` shows the given time. */
function zonedTime(timezone: string, y: number, m: number, d: number, h: number, mi: number, s: number): Date {
  const wall = Date.UTC(y, m - 1, d, h, mi, s);
  // The zone's offset at a first guess, then corrected once for a DST change between the two.
  let guess = wall;
  for (let i = 0; i < 2; i++) {
    const [ly, lm, ld, lh, lmi, ls] = localParts(timezone, new Date(guess)) as [number, number, number, number, number, number];
    guess = wall - (Date.UTC(ly, lm - 1, ld, lh, lmi, ls) - guess);
  }
  return new Date(guess);
}
