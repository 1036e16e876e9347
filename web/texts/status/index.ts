import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type StatusTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { StatusTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const statusTexts: Record<Locale, StatusTexts> = { en, sv, sl, de };
