/**
 * The languages a person can read this service in, and how dates, numbers and countries are
 * written in each. The words themselves are in `texts/`, one folder per area and one file per
 * language, so that each function bundles only the words of what it renders.
 */

import {
  BRANCH_STATUSES,
  type BranchStatus,
  LOCALES,
  type Locale,
  REQUEST_STATUSES,
  type RequestStatus,
  RIGHTS,
  type Right,
  SERVED_RIGHTS,
} from '../functions/domain/request';

export type { BranchStatus, Locale, RequestStatus, Right };
export { BRANCH_STATUSES, LOCALES, REQUEST_STATUSES, RIGHTS };
export const DEFAULT_LOCALE: Locale = 'en';
/** The rights the form accepts now; the others are explained with a pointer to the organisation. */
export const FORM_RIGHTS = SERVED_RIGHTS;
export type FormRight = (typeof FORM_RIGHTS)[number];

/**
 * The Intl locale behind a language: its own code, except English, which is British (day before
 * month, 24-hour clock). The region is otherwise left to Intl, which writes de, sv and sl as
 * de-DE, sv-SE and sl-SI do.
 */
export function intlLocale(locale: Locale): string {
  return locale === 'en' ? 'en-GB' : locale;
}

/**
 * Each language named in itself, as a menu item, for the language switcher: Intl.DisplayNames's
 * names, written out because building them costs every cold start some 20 ms of ICU loading.
 */
export const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', sv: 'Svenska', sl: 'Slovenščina', de: 'Deutsch' };

/** A right from data (a stored request, a form): access when the value is not one, so a page never fails on it. */
export function asRight(value: unknown): Right {
  return (RIGHTS as readonly unknown[]).includes(value) ? (value as Right) : 'access';
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** A date in the reader's language, e.g. "5 April 2026", "5 april 2026", "5. april 2026", "5. April 2026". */
export function formatDate(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone }).format(d);
}

/** A date and time for link expiries, with the time zone named, e.g. "5 April 2026 at 14:03 UTC". */
export function formatDateTime(iso: string, locale: Locale, timeZone = 'UTC'): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const s = new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeStyle: 'short', timeZone }).format(d);
  return timeZone === 'UTC' ? `${s} UTC` : s;
}

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale)).format(n);
}

/** An amount (a decimal string) in its ISO 4217 currency, as the reader writes money: "€25.00", "25,00 kr". */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(Number(amount));
}

/** A country code as a name in the reader's language, e.g. SE → "Sweden" / "Sverige" / "Švedska". */
export function countryName(code: string, locale: Locale): string {
  try {
    return new Intl.DisplayNames(intlLocale(locale), { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A locale that is not one of ours (bad data from a caller) falls back to English, never throws. */
export function safeLocale(locale: unknown): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}
