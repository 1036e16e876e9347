/** Counted nouns in each language ("1 record", "3 records"), for the texts that count. */
import { formatNumber, type Locale } from '../locale.ts';

/**
 * Slovenian chooses among four forms by the number's plural category; English and Swedish by 1 or
 * not. Made when first needed: ICU's plural data would otherwise load at every cold start.
 */
let slPlural: Intl.PluralRules | undefined;
function slCategory(n: number): 'one' | 'two' | 'few' | 'other' {
  slPlural ??= new Intl.PluralRules('sl');
  return slPlural.select(n) as 'one' | 'two' | 'few' | 'other';
}

/** "1 record", "3 records". */
export const enRecords = (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'record' : 'records'}`;
export const enDays = (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'day' : 'days'}`;
/** "1 post", "3 poster". */
export const svRecords = (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'post' : 'poster'}`;
export const svDays = (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'dag' : 'dagar'}`;
/** Slovenian has four forms: 1 dan, 2 dneva, 3 dni... 5 dni (accusative after "velja"). */
export const slDays = (n: number) => {
  const form = { one: 'dan', two: 'dneva', few: 'dni', other: 'dni' }[slCategory(n)] ?? 'dni';
  return `${formatNumber(n, 'sl')} ${form}`;
};
/** Accusative after a verb: našli smo 1 zapis, 2 zapisa, 3 zapise, 5 zapisov. */
export const slRecordsAcc = (n: number) => {
  const form = { one: 'zapis', two: 'zapisa', few: 'zapise', other: 'zapisov' }[slCategory(n)] ?? 'zapisov';
  return `${formatNumber(n, 'sl')} ${form}`;
};
/** Genitive after "iz": iz 1 zapisa, iz 2/3/5 zapisov. */
export const slRecordsGen = (n: number) => `${formatNumber(n, 'sl')} ${slCategory(n) === 'one' ? 'zapisa' : 'zapisov'}`;

/** "1 month", "2 months"; Swedish "1 månad", "2 månader"; Slovenian after "za": 1 mesec, 2 meseca, 3 mesece, 5 mesecev. */
export const enMonths = (n: number) => `${formatNumber(n, 'en')} ${n === 1 ? 'month' : 'months'}`;
export const svMonths = (n: number) => `${formatNumber(n, 'sv')} ${n === 1 ? 'månad' : 'månader'}`;
export const slMonths = (n: number) => {
  const form = { one: 'mesec', two: 'meseca', few: 'mesece', other: 'mesecev' }[slCategory(n)] ?? 'mesecev';
  return `${formatNumber(n, 'sl')} ${form}`;
};

/**
 * A counted noun by the language's own plural rule (Intl.PluralRules), for languages whose forms
 * follow it as it is: `other` for every category the language has no form of its own for.
 */
export const counted = (locale: Locale, forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }) => {
  const rules = new Intl.PluralRules(locale);
  return (n: number) => `${formatNumber(n, locale)} ${forms[rules.select(n)] ?? forms.other}`;
};

/** German: "1 Eintrag", "3 Einträge"; "1 Tag", "7 Tage"; "1 Monat", "2 Monate" (nominative and accusative). */
export const deRecords = /* @__PURE__ */ counted('de', { one: 'Eintrag', other: 'Einträge' });
/** Dative after "aus", "in": aus 1 Eintrag, aus 3 Einträgen. */
export const deRecordsDat = /* @__PURE__ */ counted('de', { one: 'Eintrag', other: 'Einträgen' });
export const deDays = /* @__PURE__ */ counted('de', { one: 'Tag', other: 'Tage' });
export const deMonths = /* @__PURE__ */ counted('de', { one: 'Monat', other: 'Monate' });
