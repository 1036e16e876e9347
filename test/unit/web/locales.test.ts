import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verificationEmail } from '../../../web/emails/verification';
import { LANGUAGE_NAMES, LOCALES, type Locale } from '../../../web/locale';
import { AREAS } from '../../../web/texts/all';
import { consoleTexts } from '../../../web/texts/console/index';
import { reportTexts } from '../../../web/texts/reports/index';

/**
 * A language is its texts files and its code in LOCALES. Each language other than English has a
 * file in every area, and is written in it rather than copied: a file that kept English's words
 * (a copied en.ts with its type changed) is caught here, which the type check cannot do.
 */

const TEXTS = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/texts');
const AREA_DIRS = readdirSync(TEXTS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);
/** At most this share of an area's words may read as English's do (names, "System", "Name"). */
const MAX_SAME_AS_ENGLISH = 0.1;

/** Every leaf as text: a string, or a function given sample values (a different sample per call would hide nothing). */
function leaves(node: unknown, at = ''): [string, string][] {
  if (typeof node === 'string') return [[at, node]];
  if (typeof node === 'function') {
    const sample = { controller: 'Org', processor: 'Proc', reference: 'R1', date: '1 May', days: 7, months: 1, count: 3, year: 2026 };
    return leaves((node as (p: object) => unknown)({ ...sample, what: 'W', asked: 'A', system: 'S', purposes: 'P', basis: 'B', kept: 'K', reason: 'R' }), at);
  }
  if (Array.isArray(node)) return node.flatMap((v, i) => leaves(v, `${at}${i}.`));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => leaves(v, `${at}${k}.`));
  return [];
}

const areas: Record<string, Record<Locale, object>> = { ...AREAS, consoleTexts, reportTexts };

describe('every language', () => {
  const others = LOCALES.filter((l) => l !== 'en');

  it.each(others)('%s has a texts file in every area', (locale) => {
    for (const area of AREA_DIRS) expect(readdirSync(join(TEXTS, area)), area).toContain(`${locale}.ts`);
  });

  it.each(others)('%s is written in its own words, not copied from English, in every area', (locale) => {
    for (const [name, area] of Object.entries(areas)) {
      const english = new Map(leaves(area.en));
      const own = leaves(area[locale]);
      const same = own.filter(([k, v]) => english.get(k) === v).map(([k]) => k);
      expect(same.length / own.length, `${name}: ${locale} reads as English in ${same.join(', ')}`).toBeLessThanOrEqual(MAX_SAME_AS_ENGLISH);
    }
  });

  it('would catch a copy of English: the check fails on an area whose words are English’s', () => {
    const english = leaves(AREAS.intakeTexts.en);
    const copy = leaves(JSON.parse(JSON.stringify(AREAS.intakeTexts.en)));
    const same = copy.filter(([k, v]) => english.find(([ek]) => ek === k)?.[1] === v);
    expect(same.length / copy.length).toBeGreaterThan(MAX_SAME_AS_ENGLISH);
  });

  it('is named in itself for the language switcher, as Intl names it', () => {
    expect(LANGUAGE_NAMES).toEqual({ en: 'English', sv: 'Svenska', sl: 'Slovenščina', de: 'Deutsch' });
    for (const l of LOCALES) {
      const name = new Intl.DisplayNames([l], { type: 'language' }).of(l) ?? l;
      expect(LANGUAGE_NAMES[l], l).toBe(name.charAt(0).toLocaleUpperCase(l) + name.slice(1));
    }
  });
});

describe('German', () => {
  it('writes the verification email in German, formally, with its dates in German', () => {
    const mail = verificationEmail({
      locale: 'de',
      controllerName: 'Demo Organising Platform',
      type: 'erasure',
      verifyUrl: 'https://dsr.example/v1/requests/r-1/verify?token=t',
      expiresAt: '2026-04-05T14:03:00.000Z',
      requestReference: 'r-1',
    });
    expect(mail.subject).toBe('Bestätigen Sie Ihren Antrag an Demo Organising Platform (Az. r-1)');
    expect(mail.text).toContain('Guten Tag,');
    expect(mail.text).toContain('die Löschung der personenbezogenen Daten beantragt');
    expect(mail.text).toContain('Der Link ist bis zum 5. April 2026 um 14:03 UTC gültig.');
    expect(mail.text).toContain('Aktenzeichen: r-1');
    expect(mail.text).toContain('Mit freundlichen Grüßen');
    expect(mail.html).toContain('<html lang="de"');
  });
});
