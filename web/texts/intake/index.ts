import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type IntakeTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { IntakeTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const intakeTexts: Record<Locale, IntakeTexts> = { en, sv, sl, de };
