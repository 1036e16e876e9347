/**
 * Texts from the register in the reader's language, or visibly not: a text that fell back to
 * another language is marked with `lang` on its element, so a screen reader switches voice (WCAG 3.1.2).
 */
import type { LocalText } from '../functions/domain/register-schema';
import { type Inline, oneLine } from './emails/email.ts';
import { escapeHtml } from './html.ts';
import type { Locale } from './locale.ts';

export type { LocalText };

/** A text a page or email shows: the page's own words (a string), or a register text with the language it is in. */
export type Text = string | LocalText;

/** The words alone (a subject line, an attribute value, the plain-text part of an email). */
export const plainText = (t: Text | undefined): string => (t === undefined ? '' : typeof t === 'string' ? t : t.text);

/** The language to mark on the element holding `t`, when it is not the page's. */
export const foreignLang = (t: Text, locale: Locale): Locale | undefined => (typeof t === 'string' || t.lang === locale ? undefined : t.lang);

/** ` lang="sv"` for an element holding `t`, or nothing when it is in the page's language. */
export function langAttr(t: Text, locale: Locale): string {
  const lang = foreignLang(t, locale);
  return lang ? ` lang="${escapeHtml(lang)}"` : '';
}

/** `t` escaped for HTML, in a `<span lang>` when it is in another language than the page. */
export function htmlText(t: Text, locale: Locale): string {
  const lang = foreignLang(t, locale);
  return lang ? `<span lang="${escapeHtml(lang)}">${escapeHtml(plainText(t))}</span>` : escapeHtml(plainText(t));
}

// Private-use characters stand in for a foreign text while the sentence is written and escaped.
const MARK = /\uE000(\d+)\uE001/g;

/** A sentence of the page's words with register texts in it, split where the foreign ones stand. */
export function sentenceParts<V extends object>(
  words: (values: V) => string,
  values: { [K in keyof V]: V[K] | LocalText },
  locale: Locale,
): { text: string; lang?: Locale }[] {
  const foreign: LocalText[] = [];
  const plain = Object.fromEntries(
    Object.entries(values).map(([k, v]) => {
      if (!v || typeof v !== 'object' || !('lang' in v)) return [k, v];
      const t = v as LocalText;
      if (t.lang === locale) return [k, t.text];
      foreign.push(t);
      return [k, `\uE000${foreign.length - 1}\uE001`];
    }),
  ) as V;
  const sentence = words(plain);
  const parts: { text: string; lang?: Locale }[] = [];
  let at = 0;
  for (const m of sentence.matchAll(MARK)) {
    if (m.index > at) parts.push({ text: sentence.slice(at, m.index) });
    const t = foreign[Number(m[1])]!;
    parts.push({ text: t.text, lang: t.lang });
    at = m.index + m[0].length;
  }
  if (at < sentence.length) parts.push({ text: sentence.slice(at) });
  return parts;
}

/** {@link sentenceParts} as HTML: escaped, each foreign text in a `<span lang>`. */
export function htmlSentence<V extends object>(words: (values: V) => string, values: { [K in keyof V]: V[K] | LocalText }, locale: Locale): string {
  return sentenceParts(words, values, locale)
    .map((p) => (p.lang ? `<span lang="${escapeHtml(p.lang)}">${escapeHtml(p.text)}</span>` : escapeHtml(p.text)))
    .join('');
}

/** {@link sentenceParts} as plain text. */
export function plainSentence<V extends object>(words: (values: V) => string, values: { [K in keyof V]: V[K] | LocalText }, locale: Locale): string {
  return sentenceParts(words, values, locale)
    .map((p) => p.text)
    .join('');
}

/** A register text as a run of an email's words: marked with its language when it is not the email's, strong if asked. */
export function inlineText(t: Text, locale: Locale, strong = false): Inline {
  const lang = foreignLang(t, locale);
  const text = oneLine(plainText(t));
  if (strong) return lang ? { strong: text, lang } : { strong: text };
  return lang ? { text, lang } : text;
}

/** {@link sentenceParts} as an email's words, each foreign text marked. */
export function inlineSentence<V extends object>(words: (values: V) => string, values: { [K in keyof V]: V[K] | LocalText }, locale: Locale): Inline[] {
  return sentenceParts(words, values, locale).map((p) => (p.lang ? { text: p.text, lang: p.lang } : p.text));
}
