import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type RequestTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { RequestTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const requestTexts: Record<Locale, RequestTexts> = { en, sv, sl, de };
