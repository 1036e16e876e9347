/**
 * Emails to the data subject, to processors and staff, and the summary page inside the access package.
 * Every email has a one-line subject and one list of blocks, rendered as its text and its HTML part;
 * each link appears once.
 */
import type { BranchAction, DenialReason, ObjectionScope, ReviewReason } from '../functions/domain/request';
import { type Email, facts, link, list, type MaybeBlock, mailto, oneLine, p, quote, renderEmail, signature, strong } from './emails/email.ts';
import { escapeHtml as e, escapeUrlPart, htmlDocument, multiLine, safeHref } from './html.ts';
import { countryName, formatDate, formatDateTime, formatNumber, type Locale, RIGHTS, type Right, asRight as right, safeLocale } from './locale.ts';
import { type Correction, taskTodo } from './tasks.ts';
import { type AnswerTexts, answerTexts } from './texts/answer/index.ts';
import { intakeTexts } from './texts/intake/index.ts';
import { mailTexts } from './texts/mail/index.ts';
import { textsOf } from './texts/merge.ts';
import { siteTexts } from './texts/site/index.ts';
import { type StaffMailTexts, staffMailTexts } from './texts/staff-mail/index.ts';
import { type TaskTexts, taskTexts } from './texts/task/index.ts';

export { asRepeat, type Email, oneLine } from './emails/email.ts';
export type { Locale } from './locale.ts';

const INTAKE = /* @__PURE__ */ textsOf(mailTexts, intakeTexts);
const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);
const TASK = /* @__PURE__ */ textsOf(mailTexts, taskTexts);
const STAFF = /* @__PURE__ */ textsOf(mailTexts, staffMailTexts);

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

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    p(v.action),
    link(input.verifyUrl, v.linkText),
    p(expires, ' ', v.why),
    p(strong(v.ignore)),
    sig,
  ]);
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

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    late && p(late),
    outcomeNote && p(outcomeNote),
    ...(exports ? (download ? [p(downloadIntro), link(download, c.downloadLinkText), expires && p(expires)] : [p(c.noDownload)]) : []),
    transmitted && p(transmitted),
    lines.length > 0 &&
      list(
        listTitle,
        lines.map((l) => [strong(l.name), `: ${l.phrase}`]),
      ),
    restricted && p(restricted),
    told.length > 0 &&
      list(
        c.recipientsTitle,
        told.map((r) => [r]),
        toldIntro,
      ),
    anyFailed && p(c.failedNote),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    mailto(dpo, c.questions),
    link(input.supervisoryAuthority.url, oneLine(input.supervisoryAuthority.url), complaint),
    sig,
  ]);
}

/** The subject's identities a vendor or staff member needs to find them, as labelled lines. */
function identityBlock(t: TaskTexts, identities: { email?: string; name?: string } | undefined = {}): MaybeBlock {
  const rows: [string, string][] = [];
  if (identities.email) rows.push([t.task.identity.email, oneLine(identities.email)]);
  if (identities.name) rows.push([t.task.identity.name, oneLine(identities.name)]);
  return rows.length > 0 && facts(t.task.personTitle, rows);
}

/** The correction as labelled parts: the attribute on one line, the subject's own words with their line breaks. */
function correctionBlock(t: TaskTexts, correction: Correction | undefined): MaybeBlock {
  if (!correction) return undefined;
  const k = t.email.correction;
  return quote(k.title, [
    ...(correction.attribute ? [{ label: k.attribute, text: oneLine(correction.attribute) }] : []),
    { label: k.inaccurate, text: multiLine(correction.inaccurate) },
    { label: k.corrected, text: multiLine(correction.corrected) },
  ]);
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

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    input.reminder && p(strong(v.reminderIntro)),
    p(intro),
    person,
    p(v.todo[todo]),
    correction,
    link(url, v.linkText),
    p(strong(due), ' ', k.linkOnce),
    p(k.reference(r)),
    sig,
  ]);
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

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    p(strong(s.action[todo])),
    correction,
    instructions && quote(s.instructionsTitle, [{ text: instructions }]),
    person,
    p(s.finish),
    link(url, s.linkText),
    p(strong(due), ' ', k.linkOnce),
    p(k.reference(r)),
    sig,
  ]);
}

const PROCESSOR_KINDS = ['opendsr', 'email', 'manual', 'dynamodb'] as const;
const ESCALATION_REASONS = ['no_answer', 'failed', 'timed_out'] as const;

/** How close a request is to its deadline when staff are reminded. */
export type DeadlineStage = 'in_7_days' | 'in_2_days' | 'overdue';

/**
 * To the DPO: a request that is not answered is due in 7 days, in 2 days, or overdue. Reference and
 * dates only, never the subject's personal data.
 */
/** The line that opens a request in the staff console; nothing without a URL. */
function consoleLink(t: StaffMailTexts, consoleUrl: string | undefined): MaybeBlock {
  const w = t.email.reviewWaiting;
  return consoleUrl ? link(oneLine(consoleUrl), w.linkText, w.link) : undefined;
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
  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(strong(x.intro[input.stage](r))),
    p(due),
    p(x.advice),
    consoleLink(t, input.consoleUrl),
    p(t.email.escalation.automatic),
  ]);
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
  const kind = PROCESSOR_KINDS.find((k) => k === input.kind);
  const reason = ESCALATION_REASONS.find((k) => k === input.reason) ?? 'failed';
  const r = { controller: oneLine(input.controllerName), processor: oneLine(input.processorName), reference: oneLine(input.requestReference) };
  const subject = oneLine(x.subject[reason](r));
  const due = x.due({ date: formatDateTime(input.dueAt, locale) });
  const url = input.taskUrl ? oneLine(input.taskUrl) : undefined;
  const what = [kind && x.kind[kind](r), x.reason[reason]].filter(Boolean).join(' ');
  const advice = kind ? x.advice[kind] : undefined;

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(strong(x.intro(r))),
    p(what),
    advice && p(advice),
    url && link(url, x.linkText, x.link),
    consoleLink(t, input.consoleUrl),
    p(due),
    p(x.noPersonalData),
    p(x.automatic),
  ]);
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
  const reasons = multiLine(input.reasonText);
  const remedies = d.remedies({ authority: oneLine(input.supervisoryAuthority.name) });
  const authorityUrl = oneLine(input.supervisoryAuthority.url);
  const dpo = oneLine(input.dpoEmail);
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    reasons && quote(d.reasonsTitle, [{ text: reasons }]),
    p(strong(remedies)),
    link(authorityUrl, authorityUrl, d.authorityLink),
    mailto(dpo, c.questions),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    sig,
  ]);
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
  const reasons = multiLine(input.reasons);
  const c = t.email.completion;
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    p(strong(newDue)),
    reasons && quote(x.reasonsTitle, [{ text: reasons }]),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    sig,
  ]);
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
  const question = multiLine(input.question);
  const clock = input.pausesClock === true ? x.pauses : x.runs({ date: formatDate(input.dueAt, locale) });
  const url = oneLine(input.statusUrl);
  const sig = signature(t, controller);

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(intro),
    quote(x.questionTitle, [{ text: question }]),
    p(x.howToAnswer),
    link(url, x.linkText),
    p(strong(clock)),
    sig,
  ]);
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

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(strong(intro)),
    names.length > 0 &&
      list(
        x.whereTitle,
        names.map((n) => [n]),
      ),
    p(x.after),
    p(x.object),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    sig,
  ]);
}

/** A staff email with no personal data: the reference, facts about the request, and the console link. */
function staffNotice(locale: Locale, subject: string, paragraphs: string[], extra: MaybeBlock, consoleUrl: string, linkIntro: string, linkText: string): Email {
  const t = STAFF[locale];
  return renderEmail(locale, subject, [
    p(t.email.greeting),
    ...paragraphs.map((x, i) => (i === 0 ? p(strong(x)) : p(x))),
    extra,
    link(oneLine(consoleUrl), linkText, linkIntro),
    p(t.email.escalation.noPersonalData),
    p(t.email.escalation.automatic),
  ]);
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
    reasons.length > 0 &&
      list(
        x.reasonsTitle,
        reasons.map((s) => [s]),
      ),
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
  return staffNotice(locale, x.subject(r), [x.intro(r)], undefined, input.consoleUrl, t.email.reviewWaiting.link, t.email.reviewWaiting.linkText);
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
