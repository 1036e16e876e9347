/** The summary page (index.html) inside the access package ZIP. */
import type { ProcessorAnswer } from '../../functions/domain/request';
import { escapeHtml as e, escapeUrlPart, htmlDocument, safeHref } from '../html.ts';
import { countryName, formatDate, formatDateTime, formatNumber, type Locale, RIGHTS, safeLocale } from '../locale.ts';
import { answerTexts } from '../texts/answer/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, answerTexts);

/** One processor's part of the access package: its Art. 15 information and its files. */
export interface PackageProcessor {
  id: string;
  name: string;
  recordCount: number;
  status: 'completed' | 'failed';
  dataCategories: string[];
  purposes: string[];
  legalBasis: string;
  retention: string;
  source?: string;
  recipients: { name: string; country: string; safeguard?: string }[];
  /** A file as the processor sent it (a vendor's upload, an OpenDSR result), in the ZIP as `<id>/<attachmentName>`. */
  attachmentName?: string;
  /**
   * Whether the ZIP holds `<id>.json` and `<id>.csv` with a record count (default true). False for a
   * processor that only sent a file of its own.
   */
  records?: boolean;
  /** What a processor that answers later said: nothing held, kept on a legal basis, or answered in part. */
  answer?: ProcessorAnswer;
}

/**
 * index.html inside the access package ZIP: per processor the Art. 15 information and its files
 * (`<id>.json`, `<id>.csv`, linked relative to this page), then the subject's rights. Standalone:
 * inline CSS, no scripts, no external assets.
 */
export function accessPackageSummary(input: {
  locale: Locale;
  controllerName: string;
  requestId: string;
  generatedAt: string;
  processors: PackageProcessor[];
  supervisoryAuthority: { name: string; url: string };
  dpoEmail: string;
}): string {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const k = t.package;
  const title = k.title({ controller: input.controllerName });
  const list = (items: string[]) => `<ul>${items.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`;
  const sectionId = (id: string) => `system-${id}`;

  const processors = input.processors.map((proc) => {
    const rows: string[] = [];
    const row = (label: string, html: string) => rows.push(`<dt>${e(label)}</dt>\n<dd>${html}</dd>`);
    const records = proc.records !== false;
    if (proc.status === 'completed') {
      if (records) row(k.recordCount, e(formatNumber(proc.recordCount, locale)));
      const files = records ? [`${proc.id}.json`, `${proc.id}.csv`].map((f) => `<a href="${escapeUrlPart(f)}"><code>${e(f)}</code></a>`) : [];
      if (proc.attachmentName) {
        const path = `${proc.id}/${proc.attachmentName}`;
        files.push(`<a href="${escapeUrlPart(proc.id)}/${escapeUrlPart(proc.attachmentName)}"><code>${e(path)}</code></a> ${e(k.asSent)}`);
      }
      if (files.length) row(k.files, files.join(', '));
    }
    row(k.dataCategories, list(proc.dataCategories));
    row(k.purposes, list(proc.purposes));
    row(k.legalBasis, e(proc.legalBasis));
    row(k.retention, e(proc.retention));
    if (proc.source) row(k.source, e(proc.source));
    row(
      k.recipients,
      proc.recipients.length
        ? `<ul>${proc.recipients
            .map((r) => `<li>${e(r.name)} (${e(countryName(r.country, locale))})${r.safeguard ? ` – ${e(r.safeguard)}` : ''}</li>`)
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
    return `<section aria-labelledby="${e(sectionId(proc.id))}">
<h2 id="${e(sectionId(proc.id))}">${e(proc.name)}</h2>
${note}
<dl class="facts">
${rows.join('\n')}
</dl>
</section>`;
  });

  const body = `<main id="main">
<h1>${e(title)}</h1>
<p class="lead">${e(k.intro)}</p>
<dl class="facts">
<dt>${e(k.reference)}</dt>
<dd><code>${e(input.requestId)}</code></dd>
<dt>${e(k.generatedAt)}</dt>
<dd>${e(formatDateTime(input.generatedAt, locale))}</dd>
</dl>
<p>${e(k.filesIntro)}</p>
${input.processors.some((proc) => proc.status === 'completed' && proc.attachmentName) ? `<p>${e(k.attachmentNote)}</p>\n` : ''}${locale === 'en' ? '' : `<p class="hint">${e(k.registerNote)}</p>`}
<nav aria-labelledby="contents-title">
<h2 id="contents-title">${e(k.contentsTitle)}</h2>
<ul>
${input.processors.map((proc) => `<li><a href="#${e(sectionId(proc.id))}">${e(proc.name)}</a></li>`).join('\n')}
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
<p>${e(k.complaint({ authority: input.supervisoryAuthority.name }))} <a href="${safeHref(input.supervisoryAuthority.url)}">${e(input.supervisoryAuthority.url)}</a></p>
</section>
</main>`;

  return htmlDocument({ locale, title, body, noindex: true });
}
