import type { Locale } from '../../locale.ts';
import { de } from './de.ts';
import { en, type SiteTexts } from './en.ts';
import { sl } from './sl.ts';
import { sv } from './sv.ts';

export type { SiteTexts };

/** Every language's words of this area; a renderer picks one by the reader's locale. */
export const siteTexts: Record<Locale, SiteTexts> = { en, sv, sl, de };
