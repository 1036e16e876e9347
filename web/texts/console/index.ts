import type { Locale } from '../../locale.ts';
import { type ReportTexts, reportTexts } from '../reports/index.ts';
import { type ConsoleOwnTexts, en } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

/** Every word of the console: its own, and the reports' words it shares with the digest email. */
export type ConsoleTexts = ConsoleOwnTexts & ReportTexts;

const own: Record<Locale, ConsoleOwnTexts> = { en, sv, sl };

/** The console's words per language; the page's script receives them as JSON. */
export const consoleTexts: Record<Locale, ConsoleTexts> = {
  en: { ...own.en, ...reportTexts.en },
  sv: { ...own.sv, ...reportTexts.sv },
  sl: { ...own.sl, ...reportTexts.sl },
};
