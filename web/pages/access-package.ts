/** The summary page (index.html) inside the access package ZIP. */
import type { ProcessorAnswer } from '../../functions/domain/request';
import { escapeHtml as e, escapeUrlPart, htmlDocument, safeHref } from '../html.ts';
import { htmlSentence, htmlText, plainSentence, type Text } from '../local-text.ts';
import { countryName, formatDate, formatDateTime, formatNumber, type Locale, RIGHTS, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, answerTexts);

// A wide table scrolls inside its own box, so the page still reflows on a phone (WCAG 1.4.10).
const RECORDS_CSS =
  '.records{overflow-x:auto;margin:0 0 1rem}.records:focus{outline:3px solid #0b4f8a}.records table{width:auto;min-width:100%;margin:0}.records td{white-space:pre-wrap;overflow-wrap:anywhere;min-width:8rem}';

/** One processor's part of the access package: its Art. 15 information and its files. */
export interface PackageProcessor {
  id: string;
  /** This and the Art. 15 texts below come from the register: in the package's language, or marked with the one they fell back to. */
  name: Text;
  recordCount: number;
  status: 'completed' | 'failed';
  dataCategories: Text[];
  purposes: Text[];
  legalBasis: Text;
  retention: Text;
  source?: Text;
  recipients: { name: string; country: string; safeguard?: Text }[];
  /** A file as the processor sent it (a vendor's upload, an OpenDSR result), in the ZIP as `<id>/<attachmentName>`. */
  attachmentName?: string;
  /**
   * Whether the ZIP holds `<id>.json` and `<id>.csv` with a record count (default true). False for a
   * processor that only sent a file of its own.
   */
  records?: boolean;
  /** What a processor that answers later said: nothing held, kept on a legal basis, or answered in part. */
  answer?: ProcessorAnswer;
  /** The first of the records in `<id>.json`, shown as a table so a person can read them without opening a file. */
  preview?: RecordsPreview;
}

/** The first records of an export, with their fields in the order they first appear. */
export interface RecordsPreview {
  columns: string[];
  rows: Record<string, unknown>[];
}

/**
 * Where the package's web view puts its download link: the stored page holds this in place of the
 * link, and the download function puts in the link with the token the person came with.
 */
export const DOWNLOAD_HREF = '#download-package';

/** The longest a value is shown in a table cell; the files hold it whole. */
const CELL_CHARS = 300;

function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS - 1)}…` : text;
}

/**
 * index.html inside the access package ZIP: per processor the Art. 15 information, its records as
 * a table and its files (`<id>.json`, `<id>.csv`, linked relative to this page), then the subject's
 * rights. Standalone: inline CSS, no scripts, no external assets. With `web`, the same page for a
 * browser that cannot open a ZIP (a phone): the files are named, not linked, beside a link to the
 * download ({@link DOWNLOAD_HREF}).
 */
export function accessPackageSummary(input: {
  locale: Locale;
  controllerName: Text;
  requestId: string;
  generatedAt: string;
  processors: PackageProcessor[];
  /** The lead authority: its name from the register, in the page's language or marked with the one it fell back to. */
  supervisoryAuthority: { name: Text; url: string };
  dpoEmail: string;
  web?: boolean;
}): string {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const k = t.package;
  const title = plainSentence(k.title, { controller: input.controllerName }, locale);
  const list = (items: Text[]) => `<ul>${items.map((x) => `<li>${htmlText(x, locale)}</li>`).join('')}</ul>`;
  const sectionId = (id: string) => `system-${id}`;

  const processors = input.processors.map((proc) => {
    const rows: string[] = [];
    const row = (label: string, html: string) => rows.push(`<dt>${e(label)}</dt>\n<dd>${html}</dd>`);
    const records = proc.records !== false;
    if (proc.status === 'completed') {
      if (records) row(k.recordCount, e(formatNumber(proc.recordCount, locale)));
      // On the web the files are in the ZIP, not beside the page: named, not linked.
      const file = (href: string, name: string) => (input.web ? `<code>${e(name)}</code>` : `<a href="${href}"><code>${e(name)}</code></a>`);
      const files = records ? [`${proc.id}.json`, `${proc.id}.csv`].map((f) => file(escapeUrlPart(f), f)) : [];
      if (proc.attachmentName) {
        const path = `${proc.id}/${proc.attachmentName}`;
        files.push(`${file(`${escapeUrlPart(proc.id)}/${escapeUrlPart(proc.attachmentName)}`, path)} ${e(k.asSent)}`);
      }
      if (files.length) row(k.files, files.join(', '));
    }
    row(k.dataCategories, list(proc.dataCategories));
    row(k.purposes, list(proc.purposes));
    row(k.legalBasis, htmlText(proc.legalBasis, locale));
    row(k.retention, htmlText(proc.retention, locale));
    if (proc.source) row(k.source, htmlText(proc.source, locale));
    row(
      k.recipients,
      proc.recipients.length
        ? `<ul>${proc.recipients
            .map((r) => `<li>${e(r.name)} (${e(countryName(r.country, locale))})${r.safeguard ? ` – ${htmlText(r.safeguard, locale)}` : ''}</li>`)
            .join('')}</ul>`
        : e(k.noRecipients),
    );
    const answer = proc.answer;
    const until = (iso: string | undefined) => (iso ? formatDate(iso, locale) : undefined);
    const note =
      proc.status !== 'completed'
        ? `<p class="panel warn">${e(k.failed)}</p>`
        : answer?.outcome === 'retained'
          ? `<p class="panel">${e(k.retained({ basis: answer.basis, date: until(answer.until) }))}</p>`
          : answer?.outcome === 'partly'
            ? `<p class="panel">${e(k.partly({ kept: answer.kept, reason: answer.reason, date: until(answer.until) }))}</p>`
            : (answer?.outcome === 'not_found' || (records && proc.recordCount === 0)) && !proc.attachmentName
              ? `<p class="panel">${e(k.noData)}</p>`
              : '';
    const preview = proc.status === 'completed' && records && proc.preview?.rows.length ? proc.preview : undefined;
    const tableId = `records-${proc.id}`;
    const table = preview
      ? `<div class="records" role="region" tabindex="0" aria-labelledby="${e(tableId)}">
<table>
<caption id="${e(tableId)}">${htmlSentence(k.recordsTitle, { system: proc.name }, locale)}</caption>
<thead><tr>${preview.columns.map((c) => `<th scope="col">${e(c)}</th>`).join('')}</tr></thead>
<tbody>
${preview.rows.map((r) => `<tr>${preview.columns.map((c) => `<td>${e(cellText(r[c]))}</td>`).join('')}</tr>`).join('\n')}
</tbody>
</table>
</div>
${preview.rows.length < proc.recordCount ? `<p class="hint">${e(k.previewNote({ shown: formatNumber(preview.rows.length, locale), total: formatNumber(proc.recordCount, locale) }))}</p>\n` : ''}`
      : '';
    return `<section aria-labelledby="${e(sectionId(proc.id))}">
<h2 id="${e(sectionId(proc.id))}">${htmlText(proc.name, locale)}</h2>
${note}
<dl class="facts">
${rows.join('\n')}
</dl>
${table}</section>`;
  });

  const body = `<main id="main">
<h1>${htmlSentence(k.title, { controller: input.controllerName }, locale)}</h1>
<p class="lead">${e(k.intro)}</p>
<dl class="facts">
<dt>${e(k.reference)}</dt>
<dd><code>${e(input.requestId)}</code></dd>
<dt>${e(k.generatedAt)}</dt>
<dd>${e(formatDateTime(input.generatedAt, locale))}</dd>
</dl>
${input.web ? `<p class="panel">${e(k.webIntro)} <a href="${DOWNLOAD_HREF}">${e(k.webDownload)}</a></p>` : `<p>${e(k.filesIntro)}</p>`}
${input.processors.some((proc) => proc.status === 'completed' && proc.attachmentName) ? `<p>${e(k.attachmentNote)}</p>\n` : ''}${locale === 'en' ? '' : `<p class="hint">${e(k.registerNote)}</p>`}
<nav aria-labelledby="contents-title">
<h2 id="contents-title">${e(k.contentsTitle)}</h2>
<ul>
${input.processors.map((proc) => `<li><a href="#${e(sectionId(proc.id))}">${htmlText(proc.name, locale)}</a></li>`).join('\n')}
</ul>
</nav>
${processors.join('\n')}
<section aria-labelledby="rights-title">
<h2 id="rights-title">${e(k.rightsTitle)}</h2>
<p>${e(k.rightsIntro)}</p>
<dl class="rights">
${RIGHTS.map((r) => `<dt>${e(t.rights[r].title)}</dt>\n<dd>${e(t.rights[r].summary)}</dd>`).join('\n')}
</dl>
<p>${e(t.common.dpoLabel)}: <a href="mailto:${e(input.dpoEmail)}">${e(input.dpoEmail)}</a></p>
<p>${htmlSentence(k.complaint, { authority: input.supervisoryAuthority.name }, locale)} <a href="${safeHref(input.supervisoryAuthority.url)}">${e(input.supervisoryAuthority.url)}</a></p>
</section>
</main>`;

  return htmlDocument({ locale, title, body, noindex: true, extraCss: RECORDS_CSS });
}
