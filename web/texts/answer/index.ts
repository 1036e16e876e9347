import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { type AnswerTexts, en } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { AnswerTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const answerTexts: Record<Locale, AnswerTexts> = { en, sv, sl, de };
