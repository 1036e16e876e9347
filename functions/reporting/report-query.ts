/**
 * The dashboard's query string: which controller and which days. Dates are whole days (UTC),
 * `from` and `to` both included; a bad value is a 400 that names the parameter.
 */

import { clientError } from '../platform/http';
import { mayAccess, type Staff } from '../staff/staff';
import type { ReportPeriod } from './compliance-report';

const DAY_MS = 86_400_000;
/** Twelve weeks unless asked otherwise: a quarter's trend at a glance. */
const DEFAULT_DAYS = 84;
/** At most a year and a day, so one request reads a bounded period. */
const MAX_DAYS = 366;
const NAMES = ['controller', 'from', 'to'];

/** A validated dashboard query. */
export interface ReportQuery {
  controllerId: string;
  period: ReportPeriod;
}

function day(value: string, name: string, errors: Record<string, string>): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!d || d.toISOString().slice(0, 10) !== value) {
    errors[name] = 'must be a date as YYYY-MM-DD';
    return undefined;
  }
  return d;
}

export function parseReportQuery(query: Record<string, string | undefined> | undefined, staff: Staff, declared: readonly string[], now: Date): ReportQuery {
  const q = query ?? {};
  const errors: Record<string, string> = {};
  for (const key of Object.keys(q)) if (!NAMES.includes(key)) errors[key] = `unknown parameter; use ${NAMES.join(', ')}`;

  const visible = declared.filter((id) => mayAccess(staff, id));
  // Without one named, the first controller the caller may see (the console then offers the others).
  const controllerId = q.controller || visible[0];
  if (controllerId === undefined) throw clientError(403, "You may not see any controller's requests", { controller: 'none yours' });
  if (!declared.includes(controllerId)) errors.controller = 'unknown controller id';

  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const to = q.to ? day(q.to, 'to', errors) : today;
  const from = q.from ? day(q.from, 'from', errors) : to && new Date(to.getTime() - (DEFAULT_DAYS - 1) * DAY_MS);
  if (from && to && !errors.from && !errors.to) {
    const days = (to.getTime() - from.getTime()) / DAY_MS + 1;
    if (days < 1) errors.from = 'must not be after to';
    else if (days > MAX_DAYS) errors.from = `the period may cover at most ${MAX_DAYS} days`;
  }
  if (Object.keys(errors).length) throw clientError(400, 'The report query is not valid', errors);
  if (!mayAccess(staff, controllerId)) throw clientError(403, "You may not see this controller's requests", { controller: 'not yours' });
  return { controllerId, period: { from: from!, to: new Date(to!.getTime() + DAY_MS) } };
}
