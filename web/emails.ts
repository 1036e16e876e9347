/**
 * Emails to the data subject and the summary page inside the access package.
 * Every email has a one-line subject, a plain-text part and an HTML part; each link appears once.
 */
import { escapeHtml as e, escapeUrlPart, htmlDocument, safeHref } from './html.ts';
import {
  DEFAULT_LOCALE,
  RIGHTS,
  countryName,
  formatDateTime,
  formatNumber,
  isLocale,
  texts,
  type FormRight,
  type Locale,
  type Texts,
} from './i18n.ts';

export type { Locale } from './i18n.ts';

export interface Email {
  /** One line: never contains CR, LF or other control characters. */
  subject: string;
  text: string;
  html: string;
}

/**
 * A value made safe for a single line (subjects, and names inside plain text): control characters
 * and Unicode line/paragraph separators become spaces, runs of spaces collapse.
 */
export function oneLine(value: unknown): string {
  return String(value ?? '')
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function safeLocale(locale: unknown): Locale {
  return isLocale(locale) ? locale : DEFAULT_LOCALE;
}

const FONT = 'font-family:system-ui,-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif';
const LINK = 'color:#0b4f8a;font-weight:bold';

/** The HTML part's frame: inline styles only, since mail programs drop style sheets. */
function emailHtml(locale: Locale, title: string, body: string): string {
  return `<!doctype html>
<html lang="${e(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)}</title>
</head>
<body style="margin:0;padding:0;background:#ffffff">
<div style="max-width:36rem;margin:0 auto;padding:24px 16px;${FONT};font-size:16px;line-height:1.55;color:#1b1b1b">
${body}
</div>
</body>
</html>
`;
}

const p = (html: string) => `<p style="margin:0 0 16px">${html}</p>`;
const a = (href: string, text: string) => `<a href="${safeHref(href)}" style="${LINK}">${e(text)}</a>`;
const mailto = (address: string) => `<a href="mailto:${e(address)}" style="${LINK}">${e(address)}</a>`;

/** Text parts: paragraphs separated by a blank line; empty ones dropped. */
function textParts(...paragraphs: (string | false | undefined)[]): string {
  return `${paragraphs.filter((x): x is string => Boolean(x)).join('\n\n')}\n`;
}

function signature(t: Texts, controller: string) {
  return {
    text: `${t.email.signoff}\n${controller}`,
    html: p(`${e(t.email.signoff)}<br>${e(controller)}`),
  };
}

/** The email with the verification link. The link opens the confirm page; it confirms nothing by itself. */
export function verificationEmail(input: {
  locale: Locale;
  controllerName: string;
  type: FormRight;
  verifyUrl: string;
  expiresAt: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const v = t.email.verify;
  const type: FormRight = input.type === 'erasure' ? 'erasure' : 'access';
  const controller = oneLine(input.controllerName);
  const subject = oneLine(v.subject({ controller }));
  const intro = v.intro[type]({ controller });
  const expires = v.expires({ date: formatDateTime(input.expiresAt, locale) });
  const sig = signature(t, controller);

  const text = textParts(t.email.greeting, intro, v.action, oneLine(input.verifyUrl), `${expires} ${v.why}`, v.ignore, sig.text);

  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(e(intro)),
      p(e(v.action)),
      p(a(input.verifyUrl, v.linkText)),
      p(`${e(expires)} ${e(v.why)}`),
      p(`<strong>${e(v.ignore)}</strong>`),
      sig.html,
    ].join('\n'),
  );
  return { subject, text, html };
}

export interface Outcome {
  processorName: string;
  status: 'completed' | 'failed';
  action: 'export' | 'delete' | 'anonymise';
  recordCount?: number;
}

/** What happened at one processor, in words: "deleted 3 records", "held no data about you". */
function outcomePhrase(t: Texts, o: Outcome): string {
  const w = t.email.completion.outcome;
  if (o.status !== 'completed') return w.failed;
  const n = o.recordCount;
  if (o.action === 'export') {
    if (n === undefined) return w.searched;
    return n > 0 ? w.found({ count: n }) : w.nothingFound;
  }
  if (n === 0) return w.noneHeld;
  if (o.action === 'anonymise') return n === undefined ? w.anonymisedUncounted : w.anonymised({ count: n });
  return n === undefined ? w.deletedUncounted : w.deleted({ count: n });
}

/** The answer: the download link (access) or what was erased where (erasure), with the ways to follow up. */
export function completionEmail(input: {
  locale: Locale;
  controllerName: string;
  type: FormRight;
  statusUrl: string;
  onTime: boolean;
  downloadUrl?: string;
  downloadExpiresAt?: string;
  outcomes: Outcome[];
  supervisoryAuthority: { name: string; url: string };
  dpoEmail: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const c = t.email.completion;
  const type: FormRight = input.type === 'erasure' ? 'erasure' : 'access';
  const controller = oneLine(input.controllerName);
  const authority = oneLine(input.supervisoryAuthority.name);
  const dpo = oneLine(input.dpoEmail);
  const download = type === 'access' && input.downloadUrl ? oneLine(input.downloadUrl) : undefined;

  const subject = oneLine(
    type === 'erasure'
      ? c.subject.erasure({ controller })
      : download
        ? c.subject.accessReady({ controller })
        : c.subject.access({ controller }),
  );
  const intro = c.intro[type]({ controller });
  const late = input.onTime ? undefined : c.late;
  const anyFailed = input.outcomes.some((o) => o.status !== 'completed');
  const listTitle = type === 'access' ? c.searchedTitle : c.erasedTitle;
  const lines = input.outcomes.map((o) => ({ name: oneLine(o.processorName), phrase: outcomePhrase(t, o) }));
  const expires =
    download && input.downloadExpiresAt
      ? c.downloadExpires({ date: formatDateTime(input.downloadExpiresAt, locale) })
      : undefined;
  const complaint = c.complaint({ authority });
  const sig = signature(t, controller);

  const textList = lines.length ? `${listTitle}\n${lines.map((l) => `- ${l.name}: ${l.phrase}`).join('\n')}` : undefined;
  const text = textParts(
    t.email.greeting,
    intro,
    late,
    type === 'access' && (download ? `${c.downloadIntro}\n\n${download}${expires ? `\n\n${expires}` : ''}` : c.noDownload),
    textList,
    anyFailed && c.failedNote,
    `${c.statusIntro}\n${oneLine(input.statusUrl)}`,
    `${c.questions} ${dpo}`,
    `${complaint}\n${oneLine(input.supervisoryAuthority.url)}`,
    sig.text,
  );

  const htmlList = lines.length
    ? `<h2 style="font-size:18px;margin:24px 0 8px">${e(listTitle)}</h2>
<ul style="margin:0 0 16px;padding-left:24px">
${lines.map((l) => `<li><strong>${e(l.name)}</strong>: ${e(l.phrase)}</li>`).join('\n')}
</ul>`
    : '';
  const downloadHtml =
    type === 'access'
      ? download
        ? [p(e(c.downloadIntro)), p(a(download, c.downloadLinkText)), expires ? p(e(expires)) : ''].join('\n')
        : p(e(c.noDownload))
      : '';
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(e(intro)),
      late ? p(e(late)) : '',
      downloadHtml,
      htmlList,
      anyFailed ? p(e(c.failedNote)) : '',
      p(`${e(c.statusIntro)} ${a(input.statusUrl, t.common.statusLink)}`),
      p(`${e(c.questions)} ${mailto(dpo)}`),
      p(`${e(complaint)} ${a(input.supervisoryAuthority.url, oneLine(input.supervisoryAuthority.url))}`),
      sig.html,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

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
  const t = texts[locale];
  const k = t.package;
  const title = k.title({ controller: input.controllerName });
  const list = (items: string[]) => `<ul>${items.map((x) => `<li>${e(x)}</li>`).join('')}</ul>`;
  const sectionId = (id: string) => `system-${id}`;

  const processors = input.processors.map((proc) => {
    const rows: string[] = [];
    const row = (label: string, html: string) => rows.push(`<dt>${e(label)}</dt>\n<dd>${html}</dd>`);
    if (proc.status === 'completed') {
      row(k.recordCount, e(formatNumber(proc.recordCount, locale)));
      row(
        k.files,
        [`${proc.id}.json`, `${proc.id}.csv`]
          .map((f) => `<a href="${escapeUrlPart(f)}"><code>${e(f)}</code></a>`)
          .join(', '),
      );
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
            .map(
              (r) =>
                `<li>${e(r.name)} (${e(countryName(r.country, locale))})${r.safeguard ? ` – ${e(r.safeguard)}` : ''}</li>`,
            )
            .join('')}</ul>`
        : e(k.noRecipients),
    );
    const note =
      proc.status !== 'completed'
        ? `<p class="panel warn">${e(k.failed)}</p>`
        : proc.recordCount === 0
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
${locale === 'en' ? '' : `<p class="hint">${e(k.registerNote)}</p>`}
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
