import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type TaskTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { TaskTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const taskTexts: Record<Locale, TaskTexts> = { en, sv, sl, de };
