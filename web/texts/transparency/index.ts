import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type TransparencyTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { TransparencyTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const transparencyTexts: Record<Locale, TransparencyTexts> = { en, sv, sl, de };
