import type { IdentifiedSubject, Identifiers, Identity } from './identifiers';
import type { Localised } from './register-schema';

/**
 * Languages the forms, pages and emails are written in: the one list of them. Adding a language is
 * adding its code here and a `<code>.ts` in each `web/texts/` area; the compiler names every index
 * (and built-in word list) that still lacks it. A controller offers it by naming it in `locales`.
 */
export const LOCALES = ['en', 'sv', 'sl', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/** The rights of a data subject (Art. 7(3), 15-18, 20, 21); every one can be requested through the form. */
export const RIGHTS = ['access', 'portability', 'rectification', 'erasure', 'restriction', 'objection', 'withdraw_consent'] as const;
export type Right = (typeof RIGHTS)[number];
/** Kept as a name for what the form accepts: every right. */
export const SERVED_RIGHTS = RIGHTS;
export type ServedRight = Right;

/** How a request came in when staff recorded it (`POST /v1/staff/requests`): the form's own requests carry none. */
export const CHANNELS = ['letter', 'phone', 'email', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

/** How staff established who asked: a verification email sent now, or their own word with a reason. */
export const IDENTITY_METHODS = ['verification_email', 'attested'] as const;
export type IdentityMethod = (typeof IDENTITY_METHODS)[number];

/**
 * A request a staff member recorded: the channel, when it was received (the deadline counts from
 * it, Art. 12(3)), who recorded it and when, and how the identity was established. The reason is
 * staff's own words, kept as a refusal's text is (Art. 5(2)); it is on the request item, never in
 * the audit trail.
 */
export interface RequestEntry {
  channel: Channel;
  /** The start of the day it was received (UTC), or the moment of recording when that is today. */
  receivedAt: string;
  /** The staff member's username. */
  by: string;
  at: string;
  identity: { method: 'verification_email' } | { method: 'attested'; reason: string };
}

/** A file the person sent with a request staff recorded, kept encrypted in the package bucket (`entries/`). */
export interface RequestAttachment {
  key: string;
  /** The file's name, made safe; personal data like the rest of what the person sent. */
  name: string;
  contentType: string;
  bytes: number;
}

/**
 * How someone may ask for another person: as the parent or guardian of a child (parental
 * responsibility, Art. 8 and national law), or as a representative the person gave a mandate
 * (a power of attorney, a lawyer, an organisation under Art. 80(1)).
 */
export const REPRESENTATIONS = ['parent', 'mandate'] as const;
export type Representation = (typeof REPRESENTATIONS)[number];

/**
 * The data subject a request is for when someone else asks. The request's `email` and `name` are
 * then the representative's: every email goes to them (the answer included), while the stores
 * are searched by the subject's own identities, never by the representative's address. Personal
 * data, kept and erased as the address is; the document showing the authority to act is among the
 * request's `attachments`.
 */
export interface RepresentedSubject {
  representation: Representation;
  name: string;
  /** The subject's own address (for a child, the one their account uses): the stores are searched by it. */
  email: string;
}

/** The document that shows a representative may act: one PDF or photo of it. */
export const MANDATE_EXTENSIONS = ['pdf', 'png', 'jpg', 'jpeg'] as const;
export const MANDATE_MAX_BYTES = 4 * 1024 * 1024;

/** What an objection is to (Art. 21): direct marketing is absolute (21(3)); other processing is weighed (21(1)). */
export const OBJECTION_SCOPES = ['direct_marketing', 'other'] as const;
export type ObjectionScope = (typeof OBJECTION_SCOPES)[number];

/**
 * What the subject said beyond the right itself, by right. Personal data (free text): stored on
 * the request item only, shown to staff, never logged or put in workflow state.
 */
export interface RequestDetails {
  /** Rectification (Art. 16): what is wrong, the correct value, and which attribute if the subject picked one the register declares. */
  rectification?: { attribute?: string; inaccurate: string; corrected: string };
  /** Objection (Art. 21): to direct marketing or to other processing, with the subject's grounds. */
  objection?: { scope: ObjectionScope; grounds?: string };
  /** Withdrawal of consent (Art. 7(3)): ids of the consent purposes the register declares. */
  consentPurposes?: string[];
  /** Portability (Art. 20(2)): the id of a receiving controller the register declares, to send the package to. */
  transmitTo?: string;
  /**
   * The subject says the data is held for one of the controller's customers (the controller acts as a
   * processor there): the customer's name, as the subject wrote it. Staff point the subject to that customer.
   */
  viaCustomer?: string;
  /** Anything else the subject wants staff to know. */
  message?: string;
}

/**
 * Why a request waits for staff (Art. 12): checked before processing (`screening`) and before the
 * request is answered (`closing`).
 */
export const REVIEW_REASONS = [
  /** The same right by the same identity within the controller's window: possibly excessive (12(5)). */
  'repeat_request',
  /** A controller rule asks staff to consider more information about the identity (12(6)). */
  'identity_check',
  /** An objection to processing other than direct marketing: staff weigh the grounds (21(1)). */
  'objection_weighing',
  /** A correction staff check before it is applied (16). */
  'rectification',
  /** The subject says the data is held for a customer of the controller: the customer answers (28). */
  'controller_as_processor',
  /** Someone asks for another person: staff check the document that shows they may (parent, mandate). */
  'representation',
  /** An erasure a legal hold blocked in part (17(3)(b)). */
  'legal_hold_partial',
  /** A processor branch failed or timed out. */
  'branch_failed',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];
export const SCREENING_REASONS: readonly ReviewReason[] = [
  'repeat_request',
  'identity_check',
  'objection_weighing',
  'rectification',
  'controller_as_processor',
  'representation',
];
export type ReviewStage = 'screening' | 'closing';

/** What staff may decide (functions/staff/decisions.ts). */
export const DECISIONS = [
  'approve',
  'deny',
  'extend',
  'request_info',
  'retry_branch',
  'complete_task',
  'lift_restriction',
  'charge_fee',
  'record_fee_payment',
] as const;
export type Decision = (typeof DECISIONS)[number];

/**
 * Why a request is refused, as templates staff pick and then edit (Art. 12(4)): the text is sent in
 * the subject's language with the right to complain to the supervisory authority and to a court.
 */
export const DENIAL_REASONS = [
  /** 12(5): manifestly unfounded. */
  'manifestly_unfounded',
  /** 12(5): excessive, in particular repetitive. */
  'excessive',
  /** 12(6) / 11(2): the identity could not be confirmed. */
  'identity_not_confirmed',
  /** Someone asked for another person without showing they may (no parental responsibility, no valid mandate). */
  'authority_not_shown',
  /** The controller holds the data only as a processor for a customer: ask the customer (Art. 28). */
  'processor_only',
  /** 17(3): the data must be kept (legal obligation, legal claims). */
  'legal_obligation',
  /** 21(1): compelling legitimate grounds override the objection. */
  'compelling_grounds',
  /** 16: the data is accurate as it is. */
  'data_accurate',
  /** Written by staff from scratch. */
  'other',
] as const;
export type DenialReason = (typeof DENIAL_REASONS)[number];

/** Subject-visible request statuses (DESIGN.md). Extension is a fact on the request, not a status. */
export const REQUEST_STATUSES = [
  'awaiting_verification',
  'received',
  'in_review',
  'in_progress',
  'completed',
  'denied',
  'closed_unverified',
  'cancelled',
  /** The verification email hard-bounced: nobody can confirm the request. */
  'undeliverable',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The error class a branch ends with when its request was withdrawn; it is not escalated. */
export const WITHDRAWN = 'RequestWithdrawn';

/**
 * The error class a wait ends with when it reached the end Plan gave it (`waitUntil`) without its
 * own timeout firing: a re-driven wait restarts that timeout, and must not outlive the deadline.
 */
export const WAIT_EXPIRED = 'WaitExpired';

/**
 * What a request closed before its address was proven (link expired, or withdrawn unconfirmed)
 * loses at once: nobody showed these were theirs, so nothing of them is kept.
 */
export const UNPROVEN_PERSONAL_DATA = ['email', 'name', 'identifiers', 'details', 'onBehalfOf', 'attachments'] as const;

/** Statuses after which nothing more happens to a request. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['completed', 'denied', 'closed_unverified', 'cancelled', 'undeliverable'];

/**
 * Final statuses whose request stays in the open-requests index only until its close is seen
 * through (its event recorded): nobody works on it any more, and lists and reports leave it out.
 * A refusal (`denied`) is not one: it stays open work until its email has gone out.
 */
export type ClosingStatus = Extract<RequestStatus, 'completed' | 'closed_unverified' | 'cancelled' | 'undeliverable'>;
export const CLOSING_STATUSES: readonly RequestStatus[] = ['completed', 'closed_unverified', 'cancelled', 'undeliverable'] satisfies ClosingStatus[];
export const isClosing = (status: RequestStatus): status is ClosingStatus => CLOSING_STATUSES.includes(status);

/**
 * What the workflow does at one processor for one request: export (access, portability); at the
 * controller's own stores delete, anonymise, keep under a legal hold, or delete and suppress; at an
 * external processor (OpenDSR, email vendor, staff task) ask it to erase; correct an attribute
 * (rectification); mark the subject's data restricted (restriction, an upheld objection).
 */
export type BranchAction = 'export' | 'delete' | 'anonymise' | 'legal_hold' | 'suppress' | 'erase' | 'rectify' | 'restrict';
/** `waiting`: handed to a processor that answers later (callback, vendor link, staff task). */
export const BRANCH_STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed'] as const;
export type BranchStatus = (typeof BRANCH_STATUSES)[number];

/** How a request arrived; a request without one came through the web form. */
export const INTAKE_CHANNELS = ['form', 'email'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** A data subject's request as stored: the only item that holds the subject's personal data. */
export interface DsrRequest {
  requestId: string;
  controllerId: string;
  type: Right;
  locale: Locale;
  /** How it arrived (absent: the form). */
  channel?: IntakeChannel;
  /** What the subject said beyond the right (personal data). */
  details?: RequestDetails;
  /**
   * Where every email about the request goes: the subject's address, or their representative's
   * (`onBehalfOf`). Personal data: never logged, never in workflow state.
   */
  email: string;
  /** Recorded by staff from a letter, call, email or visit; absent for the form's requests. */
  entry?: RequestEntry;
  /** Files that came with the request: those staff recorded, a representative's mandate (personal data: erased with the address). */
  attachments?: RequestAttachment[];
  /** Someone asks for the subject: who the subject is (the request's `email` and `name` are the representative's). */
  onBehalfOf?: RepresentedSubject;
  /** Personal data: never logged, never in workflow state. */
  name?: string;
  /**
   * What the form asked for beyond the address (a phone number in E.164, a customer number),
   * normalised, so stores can find the subject by it. Personal data: kept and erased as the address is.
   */
  identifiers?: Identifiers;
  status: RequestStatus;
  version: number;
  createdAt: string;
  verifyTokenHash?: string;
  /** Hash of the verification token once used, so a used link is told apart from a wrong one. */
  verifyTokenUsedHash?: string;
  verifyExpiresAt: string;
  /**
   * Hash of the key that opens the page after the form (check your email, with the address typed),
   * and until when it does: a reload shows that page again without posting the form.
   */
  sentPageKeyHash?: string;
  sentPageUntil?: string;
  /**
   * Capability in the status link; shows ids, dates and statuses only. It ends with the request's
   * personal data: the erasure keeps only its hash (`statusKeyHash`), so the link can say it ended.
   */
  statusKey: string;
  /** SHA-256 of the status key, once the personal data (and with it the key) was erased. */
  statusKeyHash?: string;
  receivedAt?: string;
  dueAt?: string;
  /** The controller's internal target (`target` in the register), before `dueAt`: staff are reminded, nobody is alerted. */
  targetAt?: string;
  completedAt?: string;
  onTime?: boolean;
  history: { status: RequestStatus; at: string }[];
  openCtl?: string;
  openDue?: string;
  /** Audit events written with a change and not yet on the trail (`AUDIT_OWED` in platform/data/audit.ts). */
  auditOwed?: ReadonlySet<string>;
  downloadTokenHash?: string;
  downloadExpiresAt?: string;
  packageKey?: string;
  /**
   * When sending the answer began; cleared if it failed. Set without `notifiedAt`, it means a crash
   * fell between sending and recording, so the next attempt says the email may come twice.
   */
  notifyStartedAt?: string;
  notifiedAt?: string;
  /** The subject withdrew the request: when sending their receipt began (the outbox's claim) and when it went. */
  withdrawalReceiptStartedAt?: string;
  withdrawalReceiptSentAt?: string;
  /** The receipt of the confirmation: when sending it began (the outbox's claim) and when it went. */
  receiptStartedAt?: string;
  receiptSentAt?: string;
  /** Screening passed (no edge case, or staff approved): the request may be processed. */
  screenedAt?: string;
  /** When Plan created the branches. */
  plannedAt?: string;
  /**
   * Which execution of the workflow answers the request: 1 (or absent) is the one named by the
   * request id, n is `<requestId>-r<n>`, started when the one before could no longer be re-driven.
   */
  executionRun?: number;
  /** The open review: its stage, why, since when, and the task token that resumes the workflow. */
  reviewStage?: ReviewStage;
  reviewReasons?: ReviewReason[];
  reviewOpenedAt?: string;
  reviewTaskToken?: string;
  /** When emailing staff about the open review began, and when it went (once per review, through the outbox). */
  reviewNotifyStartedAt?: string;
  reviewNotifiedAt?: string;
  /** Staff approved closing with the branches as they are. */
  closingReviewedAt?: string;
  /** A refusal (Art. 12(4)): the template, the text sent (staff's words), who and when. */
  denial?: { reason: DenialReason; text: string; by: string; at: string };
  /** Art. 12(3): the deadline was extended, by how many months in all, why, by whom; `originalDueAt` is the first month's end. */
  extension?: { months: number; reasons: string; by: string; at: string; originalDueAt: string; sendStartedAt?: string; notifiedAt?: string };
  /** Art. 12(6): staff asked the subject for more; whether the clock stopped meanwhile; the subject's answer. */
  infoRequest?: {
    text: string;
    by: string;
    at: string;
    pausesClock: boolean;
    answeredAt?: string;
    answer?: string;
    sendStartedAt?: string;
    notifiedAt?: string;
  };
  /**
   * Art. 12(5)(a): staff charge a reasonable fee (amount as a decimal string, ISO 4217 currency,
   * their reason, sent to the subject). The clock waits from `at` until staff record the payment
   * (`paidAt`, by `paymentRecordedBy`), or the subject withdraws.
   */
  fee?: {
    amount: string;
    currency: string;
    reason: string;
    by: string;
    at: string;
    paidAt?: string;
    paymentRecordedBy?: string;
    sendStartedAt?: string;
    notifiedAt?: string;
  };
  /** Staff corrected a processor's answer after the subject had the result: the subject is told (once per correction). */
  answerCorrection?: { by: string; at: string; processorId: string; why: string; sendStartedAt?: string; notifiedAt?: string };
  /** Art. 18(3): staff decided to lift the restriction; the subject was told, and it is lifted at `liftAt`. */
  restrictionLift?: { by: string; at: string; liftAt: string; sendStartedAt?: string; notifiedAt?: string };
  /** Portability: when the package was sent to the receiving controller. */
  transmittedAt?: string;
  /** When staff were reminded of the deadline (7 and 2 days before) and alerted that it passed. */
  dueReminder7At?: string;
  dueReminder2At?: string;
  overdueAlertedAt?: string;
  /** When sending each of those began (the outbox's claims, `platform/outbox.ts`). */
  dueReminder7StartedAt?: string;
  dueReminder2StartedAt?: string;
  overdueAlertStartedAt?: string;
  /** When sending the internal target's reminder began, and when it went (once per target). */
  targetReminderStartedAt?: string;
  targetReminderAt?: string;
  /**
   * The service's own retention (functions/domain/request-retention.ts): a closed request carries the
   * controller id and when its next purge step is due, for the sparse `purge-by-due` index.
   */
  purgeCtl?: string;
  purgeAt?: string;
  /** When the access or portability package (and the exports it was built from) was deleted. */
  packageDeletedAt?: string;
  /** When the subject's personal data (address, name, what they wrote) was erased from the request. */
  personalDataErasedAt?: string;
  /** Keyed hash (HMAC-SHA256) of the normalised address, kept once the address is erased: who asked, provably, without the address. */
  identityHash?: string;
}

/** One processor's part of a request: what was done there and how it went. No personal data. */
export interface Branch {
  requestId: string;
  /** Audit events written with a change of the branch and not yet on the trail (as on the request). */
  auditOwed?: ReadonlySet<string>;
  /** The request's controller: with `finishedAt`, the key of the branch-outcomes index. */
  controllerId?: string;
  processorId: string;
  kind: string;
  action: BranchAction;
  status: BranchStatus;
  attempts: number;
  recordCount?: number;
  exportKey?: string;
  startedAt?: string;
  finishedAt?: string;
  /**
   * The processor cannot do this action itself (e.g. a free-text correction at a store, a right its
   * API lacks): the branch is a task for the controller's staff, completed with a note.
   */
  staffTask?: boolean;
  /** The class of the last error (e.g. "ResourceNotFoundException"), never its message. */
  errorClass?: string;
  /** The Step Functions task token a waiting branch resumes with. */
  taskToken?: string;
  /**
   * When the branch's wait ends at the latest, as Plan gave it (its `timeoutSeconds` from then):
   * a wait re-driven later is ended here by the sweep, not by a timeout counted afresh.
   */
  waitUntil?: string;
  /** The id this request has at the processor (OpenDSR `subject_request_id`). */
  externalId?: string;
  /**
   * What a database's erasure did, written just before its transaction commits: a retry that finds
   * nothing left (the commit went, the branch's record did not) reports this rather than nothing.
   */
  preparedOutcome?: { recordCount: number; maskedCount?: number; heldCount?: number; holdUntil?: string; holdBasis?: Localised };
  /** Hash of the one-time link a vendor or staff member completes the branch with. */
  linkTokenHash?: string;
  /**
   * When sending the request out began; cleared if it failed. Set without `submittedAt`, it means
   * a crash fell between sending and recording, so the next attempt says the email may come twice.
   */
  submitStartedAt?: string;
  /** When the request went out to the processor, and what happened while waiting. */
  submittedAt?: string;
  lastPolledAt?: string;
  /**
   * A vendor job's watch under way (the http kind): when the sweep that polls the job and runs the
   * action's later steps began. Another watch waits until it ends or runs out (a crash's, after
   * longer than a Lambda runs).
   */
  jobWatchStartedAt?: string;
  /**
   * When reminding an email vendor began (a claim), and when the reminder went. A claim without
   * `remindedAt` older than a Lambda can run was cut short by a crash: the sweep reminds again.
   */
  reminderStartedAt?: string;
  remindedAt?: string;
  /** The request was withdrawn: when telling the processor (vendor, staff member, the organisation's own system) began (a claim) and when it was told. */
  withdrawalNoticeStartedAt?: string;
  withdrawalNoticedAt?: string;
  /** The request was withdrawn and the processor cannot be told (its vendor documents no cancellation): when that was recorded (a claim, then the mark). */
  withdrawalUntoldStartedAt?: string;
  withdrawalUntoldAt?: string;
  /**
   * When escalating to the DPO began, and why (a claim: one escalation at a time). Without
   * `escalatedAt` and older than a Lambda can run, a crash cut it short and the sweep escalates again.
   */
  escalationStartedAt?: string;
  escalationReason?: 'no_answer' | 'failed' | 'timed_out' | 'undeliverable';
  /** When the DPO was emailed about this branch. */
  escalatedAt?: string;
  /**
   * When the workflow's waiting task was resumed after the branch ended (or found already gone).
   * A final branch with a `taskToken` and without this was cut short between recording its
   * outcome and resuming: the sweep resumes it.
   */
  resumedAt?: string;
  /** What the processor says it will be done by (OpenDSR `expected_completion_time`). */
  expectedCompletionAt?: string;
  /** A file a vendor uploaded or an OpenDSR processor's results, kept as they came, for the package. */
  attachmentKey?: string;
  attachmentName?: string;
  /** Staff's or the vendor's note on completion. Free text: shown to staff, never logged. */
  note?: string;
  /**
   * The store looks the subject up only by these identities and the request gave none of them (no
   * phone number): nothing was searched, which is not the same as nothing found, and the subject
   * and staff are told so. Identity names only, never values.
   */
  notLookedUp?: Identity[];
  /** Items kept with their identifying attributes masked (the sql kind's `mask`). */
  maskedCount?: number;
  /** Legal hold: how many items were kept, until when, and on what basis (the register's text, per language where it gives them). */
  heldCount?: number;
  holdUntil?: string;
  holdBasis?: Localised;
  /** Suppression list: until when a keyed hash of the address is kept. */
  suppressedUntil?: string;
  /**
   * What a processor that answers later said it did (a vendor's link, a staff task, a connector,
   * the organisation's own Lambda or webhook). Free text in it is shown to the subject, never logged.
   */
  answer?: ProcessorAnswer;
  /** Staff corrected the answer: who, when, what it said before and why (shown to the subject). */
  answerCorrection?: { by: string; at: string; previous?: ProcessorAnswer; why: string };
}

/**
 * What a processor says it did with the subject's data: all of it (`done`), nothing held
 * (`not_found`), kept on a legal basis until a date (`retained`), or done in part, saying what
 * was kept and why (`partly`). The subject's email never says "erased" where something was kept.
 */
export type ProcessorAnswer =
  | { outcome: 'done' }
  | { outcome: 'not_found' }
  | { outcome: 'retained'; basis: string; until?: string }
  | { outcome: 'partly'; kept: string; reason: string; until?: string };

/** Who caused an audit event; a staff member's username is in the event's `detail.by`. */
export type Actor = 'subject' | 'system' | 'workflow' | 'staff';

/** An append-only record of something that happened to a request. Ids and counts only. */
export interface AuditEvent {
  event: string;
  at: string;
  actor: Actor;
  detail?: Record<string, string | number | boolean>;
}

/** The most a subject may write in answer to staff's question. */
export const INFO_ANSWER_MAX_CHARS = 4000;

/**
 * Who the stores search for: the subject's own address and identifiers. When someone asks for the
 * subject, that is the address they gave for the subject, never the representative's own.
 */
export function subjectOf(request: Pick<DsrRequest, 'email' | 'identifiers' | 'onBehalfOf'>): IdentifiedSubject {
  return { email: request.onBehalfOf?.email ?? request.email, ...(request.identifiers ? { identifiers: request.identifiers } : {}) };
}

/** The subject's name as staff, tasks and the organisation's own systems know them: not the representative's. */
export const subjectName = (request: Pick<DsrRequest, 'name' | 'onBehalfOf'>): string | undefined =>
  request.onBehalfOf ? request.onBehalfOf.name : request.name;
