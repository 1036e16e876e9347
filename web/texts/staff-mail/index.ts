import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type StaffMailTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { StaffMailTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const staffMailTexts: Record<Locale, StaffMailTexts> = { en, sv, sl, de };
