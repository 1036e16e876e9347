import { LOCALES, type Locale } from '../../locale.ts';
import { type ReportTexts, reportTexts } from '../reports/index.ts';
import { de } from './de.ts';
import { type ConsoleOwnTexts, en } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

/** Every word of the console: its own, and the reports' words it shares with the digest email. */
export type ConsoleTexts = ConsoleOwnTexts & ReportTexts;

const own: Record<Locale, ConsoleOwnTexts> = { en, sv, sl, de };

/** The console's words per language; the page's script receives them as JSON. */
export const consoleTexts = Object.fromEntries(LOCALES.map((l) => [l, { ...own[l], ...reportTexts[l] }])) as Record<Locale, ConsoleTexts>;
