import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type MailTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { MailTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const mailTexts: Record<Locale, MailTexts> = { en, sv, sl, de };
