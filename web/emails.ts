/**
 * Emails to the data subject, to processors and staff, and the summary page inside the access package.
 * Every email has a one-line subject, a plain-text part and an HTML part; each link appears once.
 */
import { escapeHtml as e, escapeUrlPart, htmlDocument, multiLine, safeHref } from './html.ts';

export { multiLine } from './html.ts';
import {
  DEFAULT_LOCALE,
  RIGHTS,
  countryName,
  formatDate,
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
const h2 = (text: string) => `<h2 style="font-size:18px;margin:24px 0 8px">${e(text)}</h2>`;
/** A list of already-escaped items. */
const ul = (items: string[]) =>
  `<ul style="margin:0 0 16px;padding-left:24px">\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`;
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
  /**
   * `export` (access); at the controller's own stores `delete`, `anonymise`, `legal_hold` (kept,
   * restricted, deleted when the hold ends) or `suppress` (deleted, a keyed hash kept); `erase`: an
   * external processor was asked to erase and confirmed it.
   */
  action: 'export' | 'delete' | 'anonymise' | 'legal_hold' | 'suppress' | 'erase';
  /** Items exported, deleted or anonymised (for `legal_hold`: kept, when `heldCount` is absent). */
  recordCount?: number;
  /** Legal hold: items kept, until when (ISO time), and the law that requires it, as the subject reads it. */
  heldCount?: number;
  holdUntil?: string;
  holdBasis?: string;
  /** Suppression: until when (ISO time) the keyed hash of the address is kept. */
  suppressedUntil?: string;
}

/** What happened at one processor, in words: "deleted 3 records", "held no data about you". */
function outcomePhrase(t: Texts, locale: Locale, o: Outcome): string {
  const w = t.email.completion.outcome;
  if (o.status !== 'completed') return w.failed;
  const n = o.recordCount;
  const date = (iso: string | undefined) => (iso ? formatDate(iso, locale) : undefined);
  switch (o.action) {
    case 'export':
      if (n === undefined) return w.searched;
      return n > 0 ? w.found({ count: n }) : w.nothingFound;
    case 'anonymise':
      if (n === 0) return w.noneHeld;
      return n === undefined ? w.anonymisedUncounted : w.anonymised({ count: n });
    case 'legal_hold': {
      // Everything the subject has at such a store is kept: nothing there is deleted now.
      const held = o.heldCount ?? n;
      if (held === 0) return w.noneHeld;
      return w.held({ count: held, date: date(o.holdUntil), basis: o.holdBasis ? oneLine(o.holdBasis) : undefined });
    }
    case 'suppress': {
      const deleted = n === 0 ? w.noneHeld : n === undefined ? w.deletedUncounted : w.deleted({ count: n });
      if (n === 0 && !o.suppressedUntil) return deleted;
      return `${deleted}; ${w.suppressed({ date: date(o.suppressedUntil) })}`;
    }
    case 'erase':
      if (n === 0) return w.noneHeld;
      return n === undefined ? w.erasedConfirmed : w.erasedConfirmedCount({ count: n });
    default:
      if (n === 0) return w.noneHeld;
      return n === undefined ? w.deletedUncounted : w.deleted({ count: n });
  }
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
  /** Art. 19: the recipients (processors and others) told of the erasure; shown for erasure only. */
  recipientsTold?: string[];
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
  const lines = input.outcomes.map((o) => ({ name: oneLine(o.processorName), phrase: outcomePhrase(t, locale, o) }));
  const expires =
    download && input.downloadExpiresAt
      ? c.downloadExpires({ date: formatDateTime(input.downloadExpiresAt, locale) })
      : undefined;
  const complaint = c.complaint({ authority });
  const sig = signature(t, controller);
  const told = type === 'erasure' ? (input.recipientsTold ?? []).map(oneLine).filter(Boolean) : [];

  const textList = lines.length ? `${listTitle}\n${lines.map((l) => `- ${l.name}: ${l.phrase}`).join('\n')}` : undefined;
  const text = textParts(
    t.email.greeting,
    intro,
    late,
    type === 'access' && (download ? `${c.downloadIntro}\n\n${download}${expires ? `\n\n${expires}` : ''}` : c.noDownload),
    textList,
    told.length > 0 && `${c.recipientsTitle}\n${c.recipientsIntro}\n${told.map((r) => `- ${r}`).join('\n')}`,
    anyFailed && c.failedNote,
    `${c.statusIntro}\n${oneLine(input.statusUrl)}`,
    `${c.questions} ${dpo}`,
    `${complaint}\n${oneLine(input.supervisoryAuthority.url)}`,
    sig.text,
  );

  const htmlList = lines.length
    ? `${h2(listTitle)}\n${ul(lines.map((l) => `<strong>${e(l.name)}</strong>: ${e(l.phrase)}`))}`
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
      told.length > 0 ? `${h2(c.recipientsTitle)}\n${p(e(c.recipientsIntro))}\n${ul(told.map((r) => e(r)))}` : '',
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

/** Multi-line text as HTML paragraphs, its single line breaks as <br>. */
function paragraphsHtml(text: string): string {
  return text
    .split('\n\n')
    .map((par) => p(par.split('\n').map((line) => e(line)).join('<br>')))
    .join('\n');
}

/** The subject's identities a vendor or staff member needs to find them, as labelled lines. */
function identityBlock(t: Texts, identities: { email?: string; name?: string } | undefined = {}) {
  const rows: [string, string][] = [];
  if (identities.email) rows.push([t.task.identity.email, oneLine(identities.email)]);
  if (identities.name) rows.push([t.task.identity.name, oneLine(identities.name)]);
  return {
    text: rows.length ? `${t.task.personTitle}\n${rows.map(([k, v]) => `${k}: ${v}`).join('\n')}` : undefined,
    html: rows.length ? `${h2(t.task.personTitle)}\n${ul(rows.map(([k, v]) => `${e(k)}: <strong>${e(v)}</strong>`))}` : '',
  };
}

const served = (type: unknown): FormRight => (type === 'erasure' ? 'erasure' : 'access');

/**
 * To an email-only vendor's privacy contact (Art. 28(3)(e)): which controller asks, about whom,
 * what to do under Art. 15 or 17, the one-time link to answer through, and by when. The reminder
 * variant says so in the subject and the first line. Written in the controller's language.
 */
export function vendorRequestEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  type: 'access' | 'erasure';
  requestReference: string;
  identities: { email?: string; name?: string };
  taskUrl: string;
  dueAt: string;
  reminder?: boolean;
}): Email {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const v = t.email.vendor;
  const k = t.email.task;
  const type = served(input.type);
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  const main = v.subject[type](r);
  const subject = oneLine(input.reminder ? `${v.reminder}: ${main}` : main);
  const url = oneLine(input.taskUrl);
  const due = k.dueBy({ date: formatDateTime(input.dueAt, locale) });
  const person = identityBlock(t, input.identities);
  const sig = signature(t, r.controller);

  const text = textParts(
    t.email.greeting,
    input.reminder && v.reminderIntro,
    v.intro[type](r),
    person.text,
    v.todo[type],
    url,
    `${due} ${k.linkOnce}`,
    k.reference(r),
    sig.text,
  );
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      input.reminder ? p(`<strong>${e(v.reminderIntro)}</strong>`) : '',
      p(e(v.intro[type](r))),
      person.html,
      p(e(v.todo[type])),
      p(a(url, v.linkText)),
      p(`<strong>${e(due)}</strong> ${e(k.linkOnce)}`),
      p(e(k.reference(r))),
      sig.html,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

/**
 * To the staff member a manual task is assigned to: the request, the register's instructions, who
 * it is about, and the one-time link to record the outcome with a note.
 */
export function staffTaskEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  type: 'access' | 'erasure';
  requestReference: string;
  instructions: string;
  identities: { email: string; name?: string };
  taskUrl: string;
  dueAt: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const s = t.email.staff;
  const k = t.email.task;
  const type = served(input.type);
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  const subject = oneLine(s.subject[type](r));
  const instructions = multiLine(input.instructions);
  const url = oneLine(input.taskUrl);
  const due = k.dueBy({ date: formatDateTime(input.dueAt, locale) });
  const person = identityBlock(t, input.identities);
  const sig = signature(t, r.controller);

  const text = textParts(
    t.email.greeting,
    s.intro[type](r),
    instructions && `${s.instructionsTitle}\n${instructions}`,
    person.text,
    s.finish,
    url,
    `${due} ${k.linkOnce}`,
    k.reference(r),
    sig.text,
  );
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(e(s.intro[type](r))),
      instructions ? `${h2(s.instructionsTitle)}\n${paragraphsHtml(instructions)}` : '',
      person.html,
      p(e(s.finish)),
      p(a(url, s.linkText)),
      p(`<strong>${e(due)}</strong> ${e(k.linkOnce)}`),
      p(e(k.reference(r))),
      sig.html,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

const PROCESSOR_KINDS = ['opendsr', 'email', 'manual', 'dynamodb'] as const;
const ESCALATION_REASONS = ['no_answer', 'failed', 'timed_out'] as const;

/** How close a request is to its deadline when staff are reminded. */
export type DeadlineStage = 'in_7_days' | 'in_2_days' | 'overdue';

/**
 * To the DPO: a request that is not answered is due in 7 days, in 2 days, or overdue. Reference and
 * dates only, never the subject's personal data.
 */
export function deadlineEmail(input: { locale: Locale; controllerName: string; requestReference: string; stage: DeadlineStage; dueAt: string }): Email {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const x = t.email.deadline;
  const r = { controller: oneLine(input.controllerName), processor: '', reference: oneLine(input.requestReference) };
  const subject = oneLine(x.subject[input.stage](r));
  const due = x.due({ date: formatDateTime(input.dueAt, locale) });
  const text = textParts(t.email.greeting, x.intro[input.stage](r), due, x.advice, t.email.escalation.automatic);
  const html = emailHtml(
    locale,
    subject,
    [p(e(t.email.greeting)), p(`<strong>${e(x.intro[input.stage](r))}</strong>`), p(e(due)), p(e(x.advice)), p(e(t.email.escalation.automatic))].join('\n'),
  );
  return { subject, text, html };
}

/**
 * To the DPO when a processor's part of a request needs a person: no answer, failed, or the wait
 * timed out. Names the request by its reference only, never the subject: this email carries no
 * personal data. `dueAt` is the request's deadline (Art. 12(3)); `taskUrl`, when given, lets the
 * DPO record the answer themselves.
 */
export function escalationEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  kind: 'opendsr' | 'email' | 'manual' | 'dynamodb';
  requestReference: string;
  reason: 'no_answer' | 'failed' | 'timed_out';
  dueAt: string;
  taskUrl?: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = texts[locale];
  const x = t.email.escalation;
  const kind = PROCESSOR_KINDS.find((k) => k === input.kind);
  const reason = ESCALATION_REASONS.find((k) => k === input.reason) ?? 'failed';
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  const subject = oneLine(x.subject[reason](r));
  const due = x.due({ date: formatDateTime(input.dueAt, locale) });
  const url = input.taskUrl ? oneLine(input.taskUrl) : undefined;
  const what = [kind && x.kind[kind](r), x.reason[reason]].filter(Boolean).join(' ');
  const advice = kind ? x.advice[kind] : undefined;

  const text = textParts(
    t.email.greeting,
    x.intro(r),
    what,
    advice,
    url && `${x.link}\n${url}`,
    due,
    x.noPersonalData,
    x.automatic,
  );
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(`<strong>${e(x.intro(r))}</strong>`),
      p(e(what)),
      advice ? p(e(advice)) : '',
      url ? p(`${e(x.link)} ${a(url, x.linkText)}`) : '',
      p(e(due)),
      p(e(x.noPersonalData)),
      p(e(x.automatic)),
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
  /** A file as the processor sent it (a vendor's upload, an OpenDSR result), in the ZIP as `<id>/<attachmentName>`. */
  attachmentName?: string;
  /**
   * Whether the ZIP holds `<id>.json` and `<id>.csv` with a record count (default true). False for a
   * processor that only sent a file of its own.
   */
  records?: boolean;
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
    const records = proc.records !== false;
    if (proc.status === 'completed') {
      if (records) row(k.recordCount, e(formatNumber(proc.recordCount, locale)));
      const files = records
        ? [`${proc.id}.json`, `${proc.id}.csv`].map((f) => `<a href="${escapeUrlPart(f)}"><code>${e(f)}</code></a>`)
        : [];
      if (proc.attachmentName) {
        const path = `${proc.id}/${proc.attachmentName}`;
        files.push(
          `<a href="${escapeUrlPart(proc.id)}/${escapeUrlPart(proc.attachmentName)}"><code>${e(path)}</code></a> ${e(k.asSent)}`,
        );
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
        : records && proc.recordCount === 0 && !proc.attachmentName
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
