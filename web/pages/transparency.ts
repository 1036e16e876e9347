/**
 * The public transparency page of one controller: per calendar year, requests received, complied
 * with, refused and withdrawn, and the median days to answer. Aggregates only.
 */
import type { TransparencyFigures, TransparencyYear } from '../../functions/reporting/transparency';
import { escapeHtml as e, layout, safeHref } from '../html.ts';
import { htmlSentence, type Text } from '../local-text.ts';
import { formatDate, formatNumber, type Locale } from '../locale.ts';
import { transparencyTexts } from '../texts/transparency/index.ts';

export interface TransparencyPageInput {
  locale: Locale;
  controllerName: Text;
  figures?: TransparencyFigures;
  /** The page in each of the controller's languages. */
  alternates: Partial<Record<Locale, string>>;
  branding?: { accentColour?: string; logoUrl?: string };
  /** The controller's request form in this language. */
  formUrl: string;
  dpoEmail: string;
  /** With no figures yet: when the first are published at the latest (the next digest, ISO time). */
  firstFiguresBy?: string;
  /** The time zone the digest runs in, for that date. */
  timeZone?: string;
}

/**
 * One column per year (at most two) and one row per measure, so the table fits a 320 px screen
 * without scrolling sideways (WCAG 1.4.10); six columns of figures would not.
 */
export function renderTransparencyPage(input: TransparencyPageInput): string {
  const { locale } = input;
  const t = transparencyTexts[locale].transparency;
  const n = (x: number) => formatNumber(x, locale);
  const f = input.figures;
  const row = (label: string, value: (y: TransparencyYear) => string) =>
    `<tr><th scope="row">${e(label)}</th>${f!.years.map((y) => `<td>${value(y)}</td>`).join('')}</tr>`;
  const table = f
    ? `<table>
<thead><tr><th scope="col">${e(t.measure)}</th>${f.years.map((y) => `<th scope="col">${e(y.toDate ? t.toDate({ year: y.year }) : String(y.year))}</th>`).join('')}</tr></thead>
<tbody>
${[
  row(t.received, (y) => n(y.received)),
  row(t.compliedWith, (y) => n(y.compliedWith)),
  row(t.refused, (y) => n(y.refused)),
  row(t.withdrawn, (y) => n(y.withdrawn)),
  row(t.medianDays, (y) => (y.medianDaysToAnswer === null ? '–' : n(y.medianDaysToAnswer))),
].join('\n')}
</tbody>
</table>
<p>${e(t.updated({ date: formatDate(f.updatedAt, locale) }))}</p>`
    : `<p>${e(input.firstFiguresBy ? t.notYetUntil({ date: formatDate(input.firstFiguresBy, locale, input.timeZone) }) : t.notYet)}</p>`;
  return layout({
    locale,
    title: t.title,
    controllerName: input.controllerName,
    alternates: input.alternates,
    branding: input.branding,
    body: `<h1>${e(t.title)}</h1>
<p class="lead">${htmlSentence(t.intro, { controller: input.controllerName }, input.locale)}</p>
${table}
<h2>${e(t.ownRequestTitle)}</h2>
<p>${htmlSentence(t.ownRequest, { controller: input.controllerName }, input.locale)} <a href="${safeHref(input.formUrl)}">${e(t.formLink)}</a></p>
<p>${e(t.dpo)} <a href="${safeHref(`mailto:${input.dpoEmail}`)}">${e(input.dpoEmail)}</a></p>`,
  });
}
