import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type ReportTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { ReportTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const reportTexts: Record<Locale, ReportTexts> = { en, sv, sl, de };
