/** Languages the forms, pages and emails are written in. */
export const LOCALES = ['en', 'sv', 'sl'] as const;
export type Locale = (typeof LOCALES)[number];

/** The rights of a data subject (Art. 7(3), 15-18, 20, 21). Only access and erasure are served yet. */
export const RIGHTS = [
  'access',
  'portability',
  'rectification',
  'erasure',
  'restriction',
  'objection',
  'withdraw_consent',
] as const;
export type Right = (typeof RIGHTS)[number];
export const SERVED_RIGHTS = ['access', 'erasure'] as const satisfies readonly Right[];
export type ServedRight = (typeof SERVED_RIGHTS)[number];

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
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** The error class a branch ends with when its request was withdrawn; it is not escalated. */
export const WITHDRAWN = 'RequestWithdrawn';

/** Statuses after which nothing more happens to a request. */
export const FINAL_STATUSES: readonly RequestStatus[] = ['completed', 'denied', 'closed_unverified', 'cancelled'];

/**
 * What the workflow does at one processor for one request: export (access); at the controller's
 * own stores delete, anonymise, keep under a legal hold, or delete and suppress; at an external
 * processor (OpenDSR, email vendor, staff task) ask it to erase.
 */
export type BranchAction = 'export' | 'delete' | 'anonymise' | 'legal_hold' | 'suppress' | 'erase';
/** `waiting`: handed to a processor that answers later (callback, vendor link, staff task). */
export const BRANCH_STATUSES = ['pending', 'running', 'waiting', 'completed', 'failed'] as const;
export type BranchStatus = (typeof BRANCH_STATUSES)[number];

/** A data subject's request as stored: the only item that holds the subject's personal data. */
export interface DsrRequest {
  requestId: string;
  controllerId: string;
  type: ServedRight;
  locale: Locale;
  /** Personal data: never logged, never in workflow state. */
  email: string;
  /** Personal data: never logged, never in workflow state. */
  name?: string;
  status: RequestStatus;
  version: number;
  createdAt: string;
  verifyTokenHash?: string;
  /** Hash of the verification token once used, so a used link is told apart from a wrong one. */
  verifyTokenUsedHash?: string;
  verifyExpiresAt: string;
  /** Capability in the status link; shows ids, dates and statuses only. */
  statusKey: string;
  receivedAt?: string;
  dueAt?: string;
  completedAt?: string;
  onTime?: boolean;
  history: { status: RequestStatus; at: string }[];
  openCtl?: string;
  openDue?: string;
  downloadTokenHash?: string;
  downloadExpiresAt?: string;
  packageKey?: string;
  notifiedAt?: string;
  /** When staff were reminded of the deadline (7 and 2 days before) and alerted that it passed. */
  dueReminder7At?: string;
  dueReminder2At?: string;
  overdueAlertedAt?: string;
}

/** One processor's part of a request: what was done there and how it went. No personal data. */
export interface Branch {
  requestId: string;
  processorId: string;
  kind: string;
  action: BranchAction;
  status: BranchStatus;
  attempts: number;
  recordCount?: number;
  exportKey?: string;
  startedAt?: string;
  finishedAt?: string;
  /** The class of the last error (e.g. "ResourceNotFoundException"), never its message. */
  errorClass?: string;
  /** The Step Functions task token a waiting branch resumes with. */
  taskToken?: string;
  /** The id this request has at the processor (OpenDSR `subject_request_id`). */
  externalId?: string;
  /** Hash of the one-time link a vendor or staff member completes the branch with. */
  linkTokenHash?: string;
  /** When the request went out to the processor, and what happened while waiting. */
  submittedAt?: string;
  lastPolledAt?: string;
  remindedAt?: string;
  escalatedAt?: string;
  /** What the processor says it will be done by (OpenDSR `expected_completion_time`). */
  expectedCompletionAt?: string;
  /** A file a vendor uploaded or an OpenDSR processor's results, kept as they came, for the package. */
  attachmentKey?: string;
  attachmentName?: string;
  /** Staff's or the vendor's note on completion. Free text: shown to staff, never logged. */
  note?: string;
  /** Legal hold: how many items were kept, until when, and on what basis. */
  heldCount?: number;
  holdUntil?: string;
  holdBasis?: string;
  /** Suppression list: until when a keyed hash of the address is kept. */
  suppressedUntil?: string;
}

/** Who caused an audit event. */
export type Actor = 'subject' | 'system' | 'workflow';

/** An append-only record of something that happened to a request. Ids and counts only. */
export interface AuditEvent {
  event: string;
  at: string;
  actor: Actor;
  detail?: Record<string, string | number | boolean>;
}
