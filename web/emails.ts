/**
 * Emails to the data subject, to processors and staff, and the summary page inside the access package.
 * Every email has a one-line subject, a plain-text part and an HTML part; each link appears once.
 */
import { escapeHtml as e, escapeUrlPart, htmlDocument, multiLine, safeHref } from './html.ts';

export { multiLine } from './html.ts';

import type { BranchAction, DenialReason, ObjectionScope, ReviewReason } from '../functions/domain/request';
import { countryName, formatDate, formatDateTime, formatNumber, type Locale, RIGHTS, type Right, asRight as right, safeLocale } from './locale.ts';
import { type Correction, taskTodo } from './tasks.ts';
import { type AnswerTexts, answerTexts } from './texts/answer/index.ts';
import { intakeTexts } from './texts/intake/index.ts';
import { type MailTexts, mailTexts } from './texts/mail/index.ts';
import { textsOf } from './texts/merge.ts';
import { siteTexts } from './texts/site/index.ts';
import { type StaffMailTexts, staffMailTexts } from './texts/staff-mail/index.ts';
import { type TaskTexts, taskTexts } from './texts/task/index.ts';

export type { Locale } from './locale.ts';

const INTAKE = /* @__PURE__ */ textsOf(mailTexts, intakeTexts);
const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);
const TASK = /* @__PURE__ */ textsOf(mailTexts, taskTexts);
const STAFF = /* @__PURE__ */ textsOf(mailTexts, staffMailTexts);

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

/**
 * The same email, marked as possibly sent before. SES has no idempotency key, so when a crash (or a
 * timeout) falls between sending an email and recording that it went, we cannot tell whether it
 * did: we send it again rather than risk sending none, and say so at the top and in the subject
 * (its links replace the earlier email's, whose tokens are no longer stored).
 */
export function asRepeat<E extends Email>(email: E, locale: Locale): E {
  const r = mailTexts[safeLocale(locale)].email.repeat;
  const open = email.html.indexOf('<div style="max-width:36rem');
  const at = open < 0 ? -1 : email.html.indexOf('>', open) + 1;
  const notice = p(`<strong>${e(r.notice)}</strong>`);
  return {
    ...email,
    subject: oneLine(`${r.subjectPrefix}: ${email.subject}`),
    text: `${r.notice}\n\n${email.text}`,
    html: at > 0 ? `${email.html.slice(0, at)}\n${notice}${email.html.slice(at)}` : email.html,
  };
}

const p = (html: string) => `<p style="margin:0 0 16px">${html}</p>`;
const a = (href: string, text: string) => `<a href="${safeHref(href)}" style="${LINK}">${e(text)}</a>`;
const h2 = (text: string) => `<h2 style="font-size:18px;margin:24px 0 8px">${e(text)}</h2>`;
/** A list of already-escaped items. */
const ul = (items: string[]) => `<ul style="margin:0 0 16px;padding-left:24px">\n${items.map((i) => `<li>${i}</li>`).join('\n')}\n</ul>`;
const mailto = (address: string) => `<a href="mailto:${e(address)}" style="${LINK}">${e(address)}</a>`;

/** Text parts: paragraphs separated by a blank line; empty ones dropped. */
function textParts(...paragraphs: (string | false | undefined)[]): string {
  return `${paragraphs.filter((x): x is string => Boolean(x)).join('\n\n')}\n`;
}

function signature(t: MailTexts, controller: string) {
  return {
    text: `${t.email.signoff}\n${controller}`,
    html: p(`${e(t.email.signoff)}<br>${e(controller)}`),
  };
}

/** Free text someone wrote (staff's reasons or question): line breaks kept, each line escaped in HTML. */
function freeText(value: unknown): { text: string; html: string } {
  const text = multiLine(value);
  return { text, html: text ? paragraphsHtml(text) : '' };
}

/** The email with the verification link. The link opens the confirm page; it confirms nothing by itself. */
export function verificationEmail(input: { locale: Locale; controllerName: string; type: Right; verifyUrl: string; expiresAt: string }): Email {
  const locale = safeLocale(input.locale);
  const t = INTAKE[locale];
  const v = t.email.verify;
  const type = right(input.type);
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
   * `export` (access, portability); at the controller's own stores `delete`, `anonymise`,
   * `legal_hold` (kept, restricted, deleted when the hold ends) or `suppress` (deleted, a keyed hash
   * kept); `erase`: an external processor was asked to erase and confirmed it; `rectify`: corrected;
   * `restrict`: marked restricted (restriction, an upheld objection).
   */
  action: BranchAction;
  /** Items exported, deleted, anonymised, corrected or restricted (for `legal_hold`: kept, when `heldCount` is absent). */
  recordCount?: number;
  /** Legal hold: items kept, until when (ISO time), and the law that requires it, as the subject reads it. */
  heldCount?: number;
  holdUntil?: string;
  holdBasis?: string;
  /** Suppression: until when (ISO time) the keyed hash of the address is kept. */
  suppressedUntil?: string;
  /** The store could not do it itself and staff did it by hand (a free-text correction). */
  staffTask?: boolean;
}

/** What happened at one processor, in words: "deleted 3 records", "held no data about you". */
function outcomePhrase(t: AnswerTexts, locale: Locale, o: Outcome): string {
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
    case 'rectify':
      if (n === 0) return w.noneHeld;
      if (o.staffTask) return w.rectifiedByStaff;
      return n === undefined ? w.rectifiedUncounted : w.rectified({ count: n });
    case 'restrict':
      if (n === 0) return w.noneHeld;
      return n === undefined ? w.restrictedUncounted : w.restricted({ count: n });
    default:
      if (n === 0) return w.noneHeld;
      return n === undefined ? w.deletedUncounted : w.deleted({ count: n });
  }
}

/** Rights whose result is a change at the stores, which the recipients of the data are told about (Art. 19). */
const CHANGES_TOLD: readonly Right[] = ['rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent'];

/**
 * The answer, per right: access and portability a download link (portability: machine-readable, and
 * whether it was sent on); rectification where the data was corrected; restriction where it is now
 * restricted; objection what stopped; withdrawal of consent which purposes and what happened to their
 * data; erasure what was erased where. Always the ways to follow up.
 */
export function completionEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  statusUrl: string;
  onTime: boolean;
  downloadUrl?: string;
  downloadExpiresAt?: string;
  outcomes: Outcome[];
  supervisoryAuthority: { name: string; url: string };
  dpoEmail: string;
  /** Art. 19: the recipients (processors and others) told of the change; not shown for access or portability. */
  recipientsTold?: string[];
  /** Portability: the receiving organisation's name, when the package was sent to it. */
  transmittedTo?: string;
  /** Withdrawal of consent: the names of the purposes withdrawn. */
  consentPurposes?: string[];
  /** Objection: to direct marketing or to other processing. */
  objectionScope?: ObjectionScope;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const c = t.email.completion;
  const type = right(input.type);
  const exports = type === 'access' || type === 'portability';
  const controller = oneLine(input.controllerName);
  const authority = oneLine(input.supervisoryAuthority.name);
  const dpo = oneLine(input.dpoEmail);
  const download = exports && input.downloadUrl ? oneLine(input.downloadUrl) : undefined;
  const directMarketing = input.objectionScope === 'direct_marketing';

  const subject = oneLine(
    download ? (type === 'portability' ? c.subject.portabilityReady : c.subject.accessReady)({ controller }) : c.subject[type]({ controller }),
  );
  const intro = c.intro[type]({ controller });
  const late = input.onTime ? undefined : c.late;
  const anyFailed = input.outcomes.some((o) => o.status !== 'completed');
  const listTitle = {
    access: c.searchedTitle,
    portability: c.searchedTitle,
    rectification: c.rectifiedTitle,
    erasure: c.erasedTitle,
    restriction: c.restrictedTitle,
    objection: directMarketing ? c.erasedTitle : c.restrictedTitle,
    withdraw_consent: c.consentTitle,
  }[type];
  const lines = input.outcomes.map((o) => ({ name: oneLine(o.processorName), phrase: outcomePhrase(t, locale, o) }));
  const expires = download && input.downloadExpiresAt ? c.downloadExpires({ date: formatDateTime(input.downloadExpiresAt, locale) }) : undefined;
  const downloadIntro = type === 'portability' ? c.portabilityDownloadIntro : c.downloadIntro;
  const transmitted = type === 'portability' && input.transmittedTo ? c.transmitted({ target: oneLine(input.transmittedTo) }) : undefined;
  // What the right did, said once before the list of systems.
  const outcomeNote =
    type === 'objection'
      ? directMarketing
        ? c.objectionDirectMarketing
        : c.objectionUpheld
      : type === 'withdraw_consent' && input.consentPurposes?.length
        ? c.consentWithdrawn({ purposes: input.consentPurposes.map(oneLine).join(', ') })
        : undefined;
  const restricted = type === 'restriction' || (type === 'objection' && !directMarketing) ? c.restrictedExplain : undefined;
  const complaint = c.complaint({ authority });
  const sig = signature(t, controller);
  const told = CHANGES_TOLD.includes(type) ? (input.recipientsTold ?? []).map(oneLine).filter(Boolean) : [];
  const erased = type === 'erasure' || type === 'withdraw_consent' || (type === 'objection' && directMarketing);
  const toldIntro = erased ? c.recipientsIntro : c.recipientsIntroChange;

  const textList = lines.length ? `${listTitle}\n${lines.map((l) => `- ${l.name}: ${l.phrase}`).join('\n')}` : undefined;
  const text = textParts(
    t.email.greeting,
    intro,
    late,
    outcomeNote,
    exports && (download ? `${downloadIntro}\n\n${download}${expires ? `\n\n${expires}` : ''}` : c.noDownload),
    transmitted,
    textList,
    restricted,
    told.length > 0 && `${c.recipientsTitle}\n${toldIntro}\n${told.map((r) => `- ${r}`).join('\n')}`,
    anyFailed && c.failedNote,
    `${c.statusIntro}\n${oneLine(input.statusUrl)}`,
    `${c.questions} ${dpo}`,
    `${complaint}\n${oneLine(input.supervisoryAuthority.url)}`,
    sig.text,
  );

  const htmlList = lines.length ? `${h2(listTitle)}\n${ul(lines.map((l) => `<strong>${e(l.name)}</strong>: ${e(l.phrase)}`))}` : '';
  const downloadHtml = exports
    ? download
      ? [p(e(downloadIntro)), p(a(download, c.downloadLinkText)), expires ? p(e(expires)) : ''].join('\n')
      : p(e(c.noDownload))
    : '';
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(e(intro)),
      late ? p(e(late)) : '',
      outcomeNote ? p(e(outcomeNote)) : '',
      downloadHtml,
      transmitted ? p(e(transmitted)) : '',
      htmlList,
      restricted ? p(e(restricted)) : '',
      told.length > 0 ? `${h2(c.recipientsTitle)}\n${p(e(toldIntro))}\n${ul(told.map((r) => e(r)))}` : '',
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
    .map((par) =>
      p(
        par
          .split('\n')
          .map((line) => e(line))
          .join('<br>'),
      ),
    )
    .join('\n');
}

/** The subject's identities a vendor or staff member needs to find them, as labelled lines. */
function identityBlock(t: TaskTexts, identities: { email?: string; name?: string } | undefined = {}) {
  const rows: [string, string][] = [];
  if (identities.email) rows.push([t.task.identity.email, oneLine(identities.email)]);
  if (identities.name) rows.push([t.task.identity.name, oneLine(identities.name)]);
  return {
    text: rows.length ? `${t.task.personTitle}\n${rows.map(([k, v]) => `${k}: ${v}`).join('\n')}` : undefined,
    html: rows.length ? `${h2(t.task.personTitle)}\n${ul(rows.map(([k, v]) => `${e(k)}: <strong>${e(v)}</strong>`))}` : '',
  };
}

/** The correction as labelled parts: the attribute on one line, the subject's own words with their line breaks. */
function correctionBlock(t: TaskTexts, correction: Correction | undefined) {
  if (!correction) return { text: undefined, html: '' };
  const k = t.email.correction;
  const rows: [string, string][] = [
    ...(correction.attribute ? [[k.attribute, oneLine(correction.attribute)] as [string, string]] : []),
    [k.inaccurate, multiLine(correction.inaccurate)],
    [k.corrected, multiLine(correction.corrected)],
  ];
  return {
    text: `${k.title}\n${rows.map(([label, v]) => `${label}:\n${v}`).join('\n')}`,
    html: `${h2(k.title)}\n${rows.map(([label, v]) => `${p(`<strong>${e(label)}</strong>`)}\n${paragraphsHtml(v)}`).join('\n')}`,
  };
}

/** The parts of a processor-facing message every task email shares: who asks what, and the reference. */
function taskParts(t: TaskTexts, input: { controllerName: string; processorName: string; type: Right; requestReference: string }) {
  const type = right(input.type);
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  return { type, r, asked: t.email.asked[type]({ controller: r.controller }) };
}

/**
 * To an email-only vendor's privacy contact (Art. 28(3)(e)): which controller asks, about whom,
 * what to do for this right and action (with the correction, for `rectify`), the one-time link to
 * answer through, and by when. The reminder variant says so in the subject and the first line.
 * Written in the controller's language.
 */
export function vendorRequestEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  type: Right;
  /** What the vendor is asked to do; by default the right's usual action. */
  action?: BranchAction;
  correction?: Correction;
  requestReference: string;
  identities: { email?: string; name?: string };
  taskUrl: string;
  dueAt: string;
  reminder?: boolean;
}): Email {
  const locale = safeLocale(input.locale);
  const t = TASK[locale];
  const v = t.email.vendor;
  const k = t.email.task;
  const { type, r, asked } = taskParts(t, input);
  const todo = taskTodo(type, input.action);
  const main = v.subject({ ...r, what: t.email.requestWhat[type] });
  const subject = oneLine(input.reminder ? `${v.reminder}: ${main}` : main);
  const url = oneLine(input.taskUrl);
  const due = k.dueBy({ date: formatDateTime(input.dueAt, locale) });
  const person = identityBlock(t, input.identities);
  const correction = correctionBlock(t, todo === 'rectify' ? input.correction : undefined);
  const sig = signature(t, r.controller);
  const intro = v.intro({ ...r, asked });

  const text = textParts(
    t.email.greeting,
    input.reminder && v.reminderIntro,
    intro,
    person.text,
    v.todo[todo],
    correction.text,
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
      p(e(intro)),
      person.html,
      p(e(v.todo[todo])),
      correction.html,
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
 * To the staff member a manual task is assigned to: the request, what this action asks (with the
 * correction, for `rectify`), the register's instructions, who it is about, and the one-time link
 * to record the outcome with a note.
 */
export function staffTaskEmail(input: {
  locale: Locale;
  controllerName: string;
  processorName: string;
  type: Right;
  /** What the task is; by default the right's usual action. */
  action?: BranchAction;
  correction?: Correction;
  requestReference: string;
  /** The register's instructions (a manual processor); a staff task at another kind of processor has none. */
  instructions?: string;
  identities: { email: string; name?: string };
  taskUrl: string;
  dueAt: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = TASK[locale];
  const s = t.email.staff;
  const k = t.email.task;
  const { type, r, asked } = taskParts(t, input);
  const todo = taskTodo(type, input.action);
  const subject = oneLine(s.subject({ ...r, what: t.email.requestShort[type] }));
  const instructions = multiLine(input.instructions);
  const url = oneLine(input.taskUrl);
  const due = k.dueBy({ date: formatDateTime(input.dueAt, locale) });
  const person = identityBlock(t, input.identities);
  const correction = correctionBlock(t, todo === 'rectify' ? input.correction : undefined);
  const sig = signature(t, r.controller);
  const intro = s.intro({ ...r, asked });

  const text = textParts(
    t.email.greeting,
    intro,
    s.action[todo],
    correction.text,
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
      p(e(intro)),
      p(`<strong>${e(s.action[todo])}</strong>`),
      correction.html,
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
/** The line that opens a request in the staff console, as text and HTML; empty without a URL. */
function consoleLink(t: StaffMailTexts, consoleUrl: string | undefined): { text: string | undefined; html: string } {
  if (!consoleUrl) return { text: undefined, html: '' };
  const url = oneLine(consoleUrl);
  const w = t.email.reviewWaiting;
  return { text: `${w.link}\n${url}`, html: p(`${e(w.link)} ${a(url, w.linkText)}`) };
}

export function deadlineEmail(input: {
  locale: Locale;
  controllerName: string;
  requestReference: string;
  stage: DeadlineStage;
  dueAt: string;
  consoleUrl?: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.deadline;
  const r = { controller: oneLine(input.controllerName), processor: '', reference: oneLine(input.requestReference) };
  const subject = oneLine(x.subject[input.stage](r));
  const due = x.due({ date: formatDateTime(input.dueAt, locale) });
  const open = consoleLink(t, input.consoleUrl);
  const text = textParts(t.email.greeting, x.intro[input.stage](r), due, x.advice, open.text, t.email.escalation.automatic);
  const html = emailHtml(
    locale,
    subject,
    [p(e(t.email.greeting)), p(`<strong>${e(x.intro[input.stage](r))}</strong>`), p(e(due)), p(e(x.advice)), open.html, p(e(t.email.escalation.automatic))]
      .filter(Boolean)
      .join('\n'),
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
  /** The request in the staff console, where staff see all of it and decide. */
  consoleUrl?: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.escalation;
  const open = consoleLink(t, input.consoleUrl);
  const kind = PROCESSOR_KINDS.find((k) => k === input.kind);
  const reason = ESCALATION_REASONS.find((k) => k === input.reason) ?? 'failed';
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  const subject = oneLine(x.subject[reason](r));
  const due = x.due({ date: formatDateTime(input.dueAt, locale) });
  const url = input.taskUrl ? oneLine(input.taskUrl) : undefined;
  const what = [kind && x.kind[kind](r), x.reason[reason]].filter(Boolean).join(' ');
  const advice = kind ? x.advice[kind] : undefined;

  const text = textParts(t.email.greeting, x.intro(r), what, advice, url && `${x.link}\n${url}`, open.text, due, x.noPersonalData, x.automatic);
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(`<strong>${e(x.intro(r))}</strong>`),
      p(e(what)),
      advice ? p(e(advice)) : '',
      url ? p(`${e(x.link)} ${a(url, x.linkText)}`) : '',
      open.html,
      p(e(due)),
      p(e(x.noPersonalData)),
      p(e(x.automatic)),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

/**
 * A refusal (Art. 12(4)): staff's reasons as they wrote them (line breaks kept), then the right to
 * lodge a complaint with the named supervisory authority and to seek a judicial remedy.
 */
export function denialEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  reasonText: string;
  supervisoryAuthority: { name: string; url: string };
  dpoEmail: string;
  statusUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const d = t.email.denial;
  const c = t.email.completion;
  const controller = oneLine(input.controllerName);
  const subject = oneLine(d.subject({ controller }));
  const intro = d.intro({ controller, what: t.email.requestShort[right(input.type)] });
  const reasons = freeText(input.reasonText);
  const remedies = d.remedies({ authority: oneLine(input.supervisoryAuthority.name) });
  const authorityUrl = oneLine(input.supervisoryAuthority.url);
  const dpo = oneLine(input.dpoEmail);
  const sig = signature(t, controller);

  const text = textParts(
    t.email.greeting,
    intro,
    reasons.text && `${d.reasonsTitle}\n${reasons.text}`,
    remedies,
    `${d.authorityLink}\n${authorityUrl}`,
    `${c.questions} ${dpo}`,
    `${c.statusIntro}\n${oneLine(input.statusUrl)}`,
    sig.text,
  );
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(e(intro)),
      reasons.text ? `${h2(d.reasonsTitle)}\n${reasons.html}` : '',
      p(`<strong>${e(remedies)}</strong>`),
      p(`${e(d.authorityLink)} ${a(authorityUrl, authorityUrl)}`),
      p(`${e(c.questions)} ${mailto(dpo)}`),
      p(`${e(c.statusIntro)} ${a(input.statusUrl, t.common.statusLink)}`),
      sig.html,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

/**
 * The default text of a refusal template in the subject's language, which staff edit before it is
 * sent. `processor_only` names the customer when the subject gave one; `other` starts empty.
 */
export function denialReasonText(reason: DenialReason, locale: Locale, ctx: { controllerName: string; viaCustomer?: string }): string {
  if (reason === 'other') return '';
  const template = answerTexts[safeLocale(locale)].email.denialReason[reason];
  if (!template) return '';
  const customer = ctx.viaCustomer ? oneLine(ctx.viaCustomer) : undefined;
  return template({ controller: oneLine(ctx.controllerName), ...(customer ? { customer } : {}) });
}

/** Art. 12(3): the deadline is extended, by how many months, to when, and why (staff's words). */
export function extensionEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  months: number;
  reasons: string;
  newDueAt: string;
  statusUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.extension;
  const controller = oneLine(input.controllerName);
  const subject = oneLine(x.subject({ controller }));
  const intro = x.intro({ controller, what: t.email.requestShort[right(input.type)] });
  const newDue = x.newDue({ months: input.months, date: formatDate(input.newDueAt, locale) });
  const reasons = freeText(input.reasons);
  const c = t.email.completion;
  const sig = signature(t, controller);

  const text = textParts(
    t.email.greeting,
    intro,
    newDue,
    reasons.text && `${x.reasonsTitle}\n${reasons.text}`,
    `${c.statusIntro}\n${oneLine(input.statusUrl)}`,
    sig.text,
  );
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(e(intro)),
      p(`<strong>${e(newDue)}</strong>`),
      reasons.text ? `${h2(x.reasonsTitle)}\n${reasons.html}` : '',
      p(`${e(c.statusIntro)} ${a(input.statusUrl, t.common.statusLink)}`),
      sig.html,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

/**
 * Art. 12(6): staff ask the subject for more. The question (staff's words), where to answer (the
 * status page, never by replying), and whether the deadline waits meanwhile.
 */
export function informationRequestEmail(input: {
  locale: Locale;
  controllerName: string;
  type: Right;
  question: string;
  statusUrl: string;
  pausesClock: boolean;
  dueAt: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.infoRequest;
  const controller = oneLine(input.controllerName);
  const subject = oneLine(x.subject({ controller }));
  const intro = x.intro({ controller, what: t.email.requestShort[right(input.type)] });
  const question = freeText(input.question);
  const clock = input.pausesClock === true ? x.pauses : x.runs({ date: formatDate(input.dueAt, locale) });
  const url = oneLine(input.statusUrl);
  const sig = signature(t, controller);

  const text = textParts(t.email.greeting, intro, `${x.questionTitle}\n${question.text}`, x.howToAnswer, url, clock, sig.text);
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(e(intro)),
      h2(x.questionTitle),
      question.html,
      p(e(x.howToAnswer)),
      p(a(url, x.linkText)),
      p(`<strong>${e(clock)}</strong>`),
      sig.html,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

/** Art. 18(3): the subject hears before a restriction is lifted, when and where, and how to object. */
export function restrictionLiftNoticeEmail(input: {
  locale: Locale;
  controllerName: string;
  liftAt: string;
  processorNames: string[];
  statusUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const x = t.email.restrictionLift;
  const controller = oneLine(input.controllerName);
  const subject = oneLine(x.subject({ controller }));
  const intro = x.intro({ controller, date: formatDate(input.liftAt, locale) });
  const names = input.processorNames.map(oneLine).filter(Boolean);
  const c = t.email.completion;
  const sig = signature(t, controller);

  const text = textParts(
    t.email.greeting,
    intro,
    names.length > 0 && `${x.whereTitle}\n${names.map((n) => `- ${n}`).join('\n')}`,
    x.after,
    x.object,
    `${c.statusIntro}\n${oneLine(input.statusUrl)}`,
    sig.text,
  );
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      p(`<strong>${e(intro)}</strong>`),
      names.length > 0 ? `${h2(x.whereTitle)}\n${ul(names.map((n) => e(n)))}` : '',
      p(e(x.after)),
      p(e(x.object)),
      p(`${e(c.statusIntro)} ${a(input.statusUrl, t.common.statusLink)}`),
      sig.html,
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject, text, html };
}

/** A staff email with no personal data: the reference, facts about the request, and the console link. */
function staffNotice(
  locale: Locale,
  subject: string,
  paragraphs: string[],
  extra: { text?: string; html: string },
  consoleUrl: string,
  linkIntro: string,
  linkText: string,
): Email {
  const t = STAFF[locale];
  const url = oneLine(consoleUrl);
  const text = textParts(t.email.greeting, ...paragraphs, extra.text, `${linkIntro}\n${url}`, t.email.escalation.noPersonalData, t.email.escalation.automatic);
  const html = emailHtml(
    locale,
    subject,
    [
      p(e(t.email.greeting)),
      ...paragraphs.map((x, i) => p(i === 0 ? `<strong>${e(x)}</strong>` : e(x))),
      extra.html,
      p(`${e(linkIntro)} ${a(url, linkText)}`),
      p(e(t.email.escalation.noPersonalData)),
      p(e(t.email.escalation.automatic)),
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return { subject: oneLine(subject), text, html };
}

/**
 * To staff (in the controller's first language): a request waits for their decision, why, and by
 * when it must be answered. Ids, the right, reasons and dates only: never the subject's data.
 */
export function reviewWaitingEmail(input: {
  locale: Locale;
  controllerName: string;
  requestReference: string;
  type: Right;
  reasons: ReviewReason[];
  dueAt: string;
  consoleUrl: string;
}): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.reviewWaiting;
  const r = {
    controller: oneLine(input.controllerName),
    processor: '',
    reference: oneLine(input.requestReference),
    what: t.email.requestShort[right(input.type)],
  };
  const reasons = [...new Set(input.reasons)].map((reason) => x.reasons[reason]).filter(Boolean);
  return staffNotice(
    locale,
    x.subject(r),
    [x.intro(r), x.due({ date: formatDateTime(input.dueAt, locale) })],
    {
      text: reasons.length ? `${x.reasonsTitle}\n${reasons.map((s) => `- ${s}`).join('\n')}` : undefined,
      html: reasons.length ? `${h2(x.reasonsTitle)}\n${ul(reasons.map((s) => e(s)))}` : '',
    },
    input.consoleUrl,
    x.link,
    x.linkText,
  );
}

/** To staff: the subject answered their question (Art. 12(6)); the answer itself is in the console only. */
export function subjectAnsweredEmail(input: { locale: Locale; controllerName: string; requestReference: string; consoleUrl: string }): Email {
  const locale = safeLocale(input.locale);
  const t = STAFF[locale];
  const x = t.email.subjectAnswered;
  const r = { controller: oneLine(input.controllerName), processor: '', reference: oneLine(input.requestReference) };
  return staffNotice(locale, x.subject(r), [x.intro(r)], { html: '' }, input.consoleUrl, t.email.reviewWaiting.link, t.email.reviewWaiting.linkText);
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
