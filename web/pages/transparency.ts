/**
 * The public transparency page of one controller: per calendar year, requests received, complied
 * with, refused and withdrawn, and the median days to answer. Aggregates only.
 */
import type { TransparencyFigures } from '../../functions/reporting/transparency';
import { escapeHtml as e, layout } from '../html.ts';
import { formatDate, formatNumber, type Locale } from '../locale.ts';
import { transparencyTexts } from '../texts/transparency/index.ts';

export interface TransparencyPageInput {
  locale: Locale;
  controllerName: string;
  figures?: TransparencyFigures;
  /** The page in each of the controller's languages. */
  alternates: Partial<Record<Locale, string>>;
  branding?: { accentColour?: string; logoUrl?: string };
}

export function renderTransparencyPage(input: TransparencyPageInput): string {
  const { locale } = input;
  const t = transparencyTexts[locale].transparency;
  const n = (x: number) => formatNumber(x, locale);
  const f = input.figures;
  const table = f
    ? `<table>
<thead><tr><th scope="col">${e(t.year)}</th><th scope="col">${e(t.received)}</th><th scope="col">${e(t.compliedWith)}</th><th scope="col">${e(t.refused)}</th><th scope="col">${e(t.withdrawn)}</th><th scope="col">${e(t.medianDays)}</th></tr></thead>
<tbody>
${f.years.map((y) => `<tr><th scope="row">${e(y.toDate ? t.toDate({ year: y.year }) : String(y.year))}</th><td>${n(y.received)}</td><td>${n(y.compliedWith)}</td><td>${n(y.refused)}</td><td>${n(y.withdrawn)}</td><td>${y.medianDaysToAnswer === null ? '–' : n(y.medianDaysToAnswer)}</td></tr>`).join('\n')}
</tbody>
</table>
<p>${e(t.updated({ date: formatDate(f.updatedAt, locale) }))}</p>`
    : `<p>${e(t.notYet)}</p>`;
  return layout({
    locale,
    title: t.title,
    controllerName: input.controllerName,
    alternates: input.alternates,
    branding: input.branding,
    body: `<h1>${e(t.title)}</h1>
<p class="lead">${e(t.intro({ controller: input.controllerName }))}</p>
${table}`,
  });
}
