/** The answer to a request: what was done at each processor, the download, and how to follow up. */
import type { Identity } from '../../functions/domain/identifiers';
import type { BranchAction, ObjectionScope, ProcessorAnswer } from '../../functions/domain/request';
import { inlineSentence, inlineText, plainText, type Text } from '../local-text.ts';
import { formatDate, formatDateTime, type Locale, type Right, asRight as right, safeLocale } from '../locale.ts';
import { type AnswerTexts, answerTexts } from '../texts/answer/index.ts';
import { mailTexts } from '../texts/mail/index.ts';
import { textsOf } from '../texts/merge.ts';
import { siteTexts } from '../texts/site/index.ts';
import { type Email, type Inline, link, list, mailto, oneLine, p, referenceLine, renderEmail, signature, withReference } from './email.ts';

const ANSWER = /* @__PURE__ */ textsOf(siteTexts, mailTexts, answerTexts);

/** What happened at one processor, as the completion email tells it. */
export interface Outcome {
  /** The system's name from the register, in the email's language or marked with the one it fell back to. */
  processorName: Text;
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
  /** Items kept with identifying details masked (a database's rows that others refer to). */
  maskedCount?: number;
  /** Legal hold: items kept, until when (ISO time), and the law that requires it, as the subject reads it. */
  heldCount?: number;
  holdUntil?: string;
  /** The register's text, in the email's language or marked with the one it fell back to. */
  holdBasis?: Text;
  /** Suppression: until when (ISO time) the keyed hash of the address is kept. */
  suppressedUntil?: string;
  /** The store could not do it itself and staff did it by hand (a free-text correction). */
  staffTask?: boolean;
  /** What a processor that answers later said: all done, nothing held, kept on a legal basis, or done in part. */
  answer?: ProcessorAnswer;
  /** The system finds people only by these, and the request gave none of them: it was not searched. */
  notLookedUp?: Identity[];
}

/**
 * What happened at one processor, in words: "deleted 3 records", "held no data about you"; as an
 * email's words, since a legal hold's basis from the register may be marked with its language.
 */
export function outcomePhrase(t: AnswerTexts, locale: Locale, o: Outcome): Inline[] {
  const w = t.email.completion.outcome;
  if (o.status !== 'completed') return [w.failed];
  // Not searched is not "held nothing": the subject learns which identifier would have let us look.
  if (o.notLookedUp?.length) return [o.notLookedUp.map((i) => w.notLookedUp[i]).join('; ')];
  const n = o.recordCount;
  const date = (iso: string | undefined) => (iso ? formatDate(iso, locale) : undefined);
  const basis = o.holdBasis === undefined ? undefined : oneLineText(o.holdBasis);
  const held = (count: number | undefined) => inlineSentence(w.held, { count, date: date(o.holdUntil), basis }, locale);
  // A processor that kept something says so in its own words: never "erased" or "confirmed" then.
  const answer = o.answer;
  if (answer?.outcome === 'retained') return [w.retained({ basis: oneLine(answer.basis), date: date(answer.until) })];
  if (answer?.outcome === 'partly') return [w.partly({ kept: oneLine(answer.kept), reason: oneLine(answer.reason), date: date(answer.until) })];
  if (answer?.outcome === 'not_found') return [o.action === 'export' ? w.nothingFound : w.noneHeld];
  switch (o.action) {
    case 'export':
      if (n === undefined) return [w.searched];
      return [n > 0 ? w.found({ count: n }) : w.nothingFound];
    case 'anonymise':
      if (n === 0) return [w.noneHeld];
      return [n === undefined ? w.anonymisedUncounted : w.anonymised({ count: n })];
    case 'legal_hold': {
      // Everything the subject has at such a store is kept: nothing there is deleted now.
      const count = o.heldCount ?? n;
      if (count === 0) return [w.noneHeld];
      return held(count);
    }
    case 'suppress': {
      const deleted = n === 0 ? w.noneHeld : n === undefined ? w.deletedUncounted : w.deleted({ count: n });
      if (n === 0 && !o.suppressedUntil) return [deleted];
      return [`${deleted}; ${w.suppressed({ date: date(o.suppressedUntil) })}`];
    }
    case 'erase':
      if (n === 0) return [w.noneHeld];
      return [n === undefined ? w.erasedConfirmed : w.erasedConfirmedCount({ count: n })];
    case 'rectify':
      if (n === 0) return [w.noneHeld];
      if (o.staffTask) return [w.rectifiedByStaff];
      return [n === undefined ? w.rectifiedUncounted : w.rectified({ count: n })];
    case 'restrict':
      if (n === 0) return [w.noneHeld];
      return [n === undefined ? w.restrictedUncounted : w.restricted({ count: n })];
    default: {
      // A database's tables each erase their own way: say what was deleted, masked and kept.
      const parts: Inline[][] = [
        ...(n ? [[w.deleted({ count: n })]] : []),
        ...(o.maskedCount ? [[w.anonymised({ count: o.maskedCount })]] : []),
        ...(o.heldCount ? [held(o.heldCount)] : []),
      ];
      if (parts.length > 0) return parts.flatMap((part, i) => (i ? ['; ', ...part] : part));
      return [n === undefined ? w.deletedUncounted : w.noneHeld];
    }
  }
}

/** A register text on one line, keeping its language. */
export const oneLineText = (t: Text): Text => (typeof t === 'string' ? oneLine(t) : { ...t, text: oneLine(t.text) });

/** The purposes withdrawn, in one sentence: each name marked with its language when it is not the email's. */
function consentNote(words: (p: { purposes: string }) => string, purposes: Text[], locale: Locale) {
  const [before = '', after = ''] = words({ purposes: '\u0000' }).split('\u0000');
  const names = purposes.flatMap((purpose, i) => [...(i ? [', '] : []), inlineText(purpose, locale)]);
  return [before, ...names, after].filter((x) => x !== '');
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
  controllerName: Text;
  type: Right;
  /** The request's reference: in the subject and the body. */
  requestReference: string;
  statusUrl: string;
  onTime: boolean;
  downloadUrl?: string;
  /** Access: the package's index shown in a browser, for a phone that cannot open a ZIP. */
  viewUrl?: string;
  downloadExpiresAt?: string;
  outcomes: Outcome[];
  /** The lead authority: its name from the register, in the email's language or marked with the one it fell back to. */
  supervisoryAuthority: { name: Text; url: string };
  dpoEmail: string;
  /** Art. 19: the recipients (processors and others) told of the change; not shown for access or portability. */
  recipientsTold?: Text[];
  /** Portability: the receiving organisation's name, when the package was sent to it. */
  transmittedTo?: Text;
  /** Withdrawal of consent: the names of the purposes withdrawn. */
  consentPurposes?: Text[];
  /** Objection: to direct marketing or to other processing. */
  objectionScope?: ObjectionScope;
}): Email {
  const locale = safeLocale(input.locale);
  const t = ANSWER[locale];
  const c = t.email.completion;
  const type = right(input.type);
  const exports = type === 'access' || type === 'portability';
  const controller = oneLine(plainText(input.controllerName));
  const named = { controller: input.controllerName };
  const dpo = oneLine(input.dpoEmail);
  const download = exports && input.downloadUrl ? oneLine(input.downloadUrl) : undefined;
  const view = download && type === 'access' && input.viewUrl ? oneLine(input.viewUrl) : undefined;
  const directMarketing = input.objectionScope === 'direct_marketing';

  const subject = withReference(
    t,
    download ? (type === 'portability' ? c.subject.portabilityReady : c.subject.accessReady)({ controller }) : c.subject[type]({ controller }),
    input.requestReference,
  );
  const intro = inlineSentence(c.intro[type], named, locale);
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
  const lines = input.outcomes.map((o) => ({ name: inlineText(o.processorName, locale, true), phrase: outcomePhrase(t, locale, o) }));
  const expires = download && input.downloadExpiresAt ? c.downloadExpires({ date: formatDateTime(input.downloadExpiresAt, locale) }) : undefined;
  const downloadIntro = type === 'portability' ? c.portabilityDownloadIntro : c.downloadIntro;
  const transmitted =
    type === 'portability' && input.transmittedTo ? inlineSentence(c.transmitted, { target: oneLineText(input.transmittedTo) }, locale) : undefined;
  // What the right did, said once before the list of systems.
  const outcomeNote =
    type === 'objection'
      ? directMarketing
        ? c.objectionDirectMarketing
        : c.objectionUpheld
      : type === 'withdraw_consent' && input.consentPurposes?.length
        ? consentNote(c.consentWithdrawn, input.consentPurposes, locale)
        : undefined;
  const restricted = type === 'restriction' || (type === 'objection' && !directMarketing) ? c.restrictedExplain : undefined;
  // The lead authority, named, and the person's own member state's (Art. 77).
  const complaint: Inline[] = [
    `${t.email.complaints.completionIntro} `,
    ...inlineSentence(t.email.complaints.lead, { authority: oneLineText(input.supervisoryAuthority.name) }, locale),
  ];
  const sig = signature(t, controller);
  const told = CHANGES_TOLD.includes(type) ? (input.recipientsTold ?? []).filter((r) => oneLine(plainText(r))) : [];
  const erased = type === 'erasure' || type === 'withdraw_consent' || (type === 'objection' && directMarketing);
  // The heading names the change the recipients were told of (Art. 19): the erasure, the correction or the restriction.
  const [toldTitle, toldIntro] = erased
    ? [c.recipientsTitle, c.recipientsIntro]
    : type === 'rectification'
      ? [c.recipientsTitleCorrection, c.recipientsIntroCorrection]
      : [c.recipientsTitleRestriction, c.recipientsIntroRestriction];

  return renderEmail(locale, subject, [
    p(t.email.greeting),
    p(...intro),
    referenceLine(t, input.requestReference),
    late && p(late),
    outcomeNote && p(...(typeof outcomeNote === 'string' ? [outcomeNote] : outcomeNote)),
    ...(exports
      ? download
        ? [p(downloadIntro), link(download, c.downloadLinkText), view && link(view, c.viewLinkText, c.viewIntro), expires && p(expires)]
        : [p(c.noDownload)]
      : []),
    transmitted && p(...transmitted),
    lines.length > 0 &&
      list(
        listTitle,
        lines.map((l) => [l.name, ': ', ...l.phrase]),
      ),
    restricted && p(restricted),
    told.length > 0 &&
      list(
        toldTitle,
        told.map((r) => [inlineText(r, locale)]),
        toldIntro,
      ),
    anyFailed && p(c.failedNote),
    link(input.statusUrl, t.common.statusLink, c.statusIntro),
    mailto(dpo, c.questions),
    link(input.supervisoryAuthority.url, oneLine(input.supervisoryAuthority.url), complaint),
    p(t.email.complaints.ownState),
    sig,
  ]);
}
