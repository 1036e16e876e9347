import { denialReasonText } from '../../web/emails/denial';
import { clockPaused } from '../domain/deadlines';
import { type AllowedDecisions, allowedDecisions } from '../domain/decision-rules';
import { reasonFits, suggestedReason } from '../domain/refusal-reasons';
import { inLocale, staffText } from '../domain/register-schema';
import {
  type AuditEvent,
  type Branch,
  DENIAL_REASONS,
  type DenialReason,
  type DsrRequest,
  FINAL_STATUSES,
  LOCALES,
  type Locale,
  type ObjectionScope,
  REQUEST_STATUSES,
  type RequestStatus,
  type ReviewReason,
  type ReviewStage,
  RIGHTS,
  type Right,
} from '../domain/request';
import { clientError } from '../platform/http';
import { type Controller, findController, findProcessor, inDeclaredOrder } from '../platform/register';

/**
 * Who a staff member is, from the claims of the id token that API Gateway's JWT authorizer checked
 * (docs/ARCHITECTURE.md, "Staff console"). The authorizer proves the token; this module decides what
 * its holder may do: `viewer` or `approver` reads, only `approver` decides, and only for the
 * controllers named in `custom:controllers` (`*` for all).
 */

/** The roles staff have, as Cognito groups. */
export const STAFF_ROLES = ['viewer', 'approver'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** What a handler asks of the caller: to read requests, to decide on them, or to record one that came by letter, phone, email or in person. */
export type StaffAction = 'read' | 'decide' | 'enter';

/** The roles that may do each action. */
export const ROLES_FOR: Record<StaffAction, readonly StaffRole[]> = {
  read: ['viewer', 'approver'],
  decide: ['approver'],
  enter: ['approver'],
};

/** Claims as the authorizer hands them over: strings, numbers, booleans, or arrays of strings. */
export type Claims = Record<string, unknown>;

export interface Staff {
  /** `cognito:username`, else `sub`: an id, safe to log and to record in audit events. */
  username: string;
  /** The caller's staff roles (other groups are ignored). */
  roles: StaffRole[];
  /** The controllers the caller may see: all of them, or these ids. */
  controllers: '*' | string[];
}

/** The claims of an HTTP API event checked by a JWT authorizer; undefined if there are none. */
export function claimsOf(event: unknown): Claims | undefined {
  const claims = (event as { requestContext?: { authorizer?: { jwt?: { claims?: unknown } } } } | undefined)?.requestContext?.authorizer?.jwt?.claims;
  if (!claims || typeof claims !== 'object' || Array.isArray(claims)) return undefined;
  return Object.keys(claims).length ? (claims as Claims) : undefined;
}

/**
 * A list-valued claim: an array, or a string as API Gateway flattens arrays (`"[viewer approver]"`),
 * or a plain string (one value, or several separated by commas or spaces).
 */
export function listClaim(value: unknown): string[] {
  if (Array.isArray(value))
    return value
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.trim())
      .filter(Boolean);
  if (typeof value !== 'string') return [];
  const inner = value.trim().replace(/^\[(.*)\]$/s, '$1');
  return inner
    .split(/[\s,]+/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** `custom:controllers`: `*` for all, else comma-separated ids (none when missing). */
export function controllersClaim(value: unknown): '*' | string[] {
  const ids = listClaim(value);
  if (ids.includes('*')) return '*';
  return [...new Set(ids)];
}

/** The staff member the claims describe. */
export function staffFrom(claims: Claims): Staff {
  const name = claims['cognito:username'] ?? claims.sub;
  const groups = listClaim(claims['cognito:groups']);
  return {
    username: typeof name === 'string' ? name : '',
    roles: STAFF_ROLES.filter((r) => groups.includes(r)),
    controllers: controllersClaim(claims['custom:controllers']),
  };
}

/** Whether a staff member may do an action at all (regardless of controller). */
export function mayDo(staff: Pick<Staff, 'roles'>, action: StaffAction): boolean {
  return staff.roles.some((r) => ROLES_FOR[action].includes(r));
}

/**
 * The caller, if their claims allow the action. No claims (the authorizer should have refused
 * already) is 401; a token without the role is 403 naming the role(s) needed.
 */
export function requireRole(claims: Claims | undefined, action: StaffAction): Staff {
  if (!claims) throw clientError(401, 'Sign in first: this needs a valid staff id token', { authorization: 'missing' });
  // API Gateway's JWT authorizer also admits the client's access tokens (client_id for aud); only
  // the id token carries what this module reads (groups, custom:controllers) as the sign-in gave it.
  if (claims.token_use !== 'id') throw clientError(401, 'Sign in first: this needs a staff id token', { authorization: 'not an id token' });
  const staff = staffFrom(claims);
  if (!staff.username) throw clientError(401, 'Sign in first: this needs a valid staff id token', { authorization: 'no user' });
  if (!mayDo(staff, action)) {
    const needed = ROLES_FOR[action].join(' or ');
    throw clientError(403, `This needs the ${needed} role`, { role: needed });
  }
  return staff;
}

/** Whether a staff member may see a controller's requests. */
export function mayAccess(staff: Pick<Staff, 'controllers'>, controllerId: string): boolean {
  return staff.controllers === '*' || staff.controllers.includes(controllerId);
}

// ---------------------------------------------------------------------------------------------
// What staff see of requests: the list's filters and items, and one request's page. Whitelists:
// token hashes, the status key, task tokens and storage keys never leave the table.

/** Filters of the staff list, as validated from the query string. */
export interface ListFilters {
  status?: RequestStatus;
  type?: Right;
  controller?: string;
  dueWithinDays?: number;
  overdue?: boolean;
}

const FILTER_NAMES = ['status', 'type', 'controller', 'dueWithinDays', 'overdue'] as const;

/** Validates the list's query string; a bad or unknown parameter is a 400 naming it. */
export function parseListFilters(query: Record<string, string | undefined> | undefined, knownControllers: readonly string[]): ListFilters {
  const q = query ?? {};
  const errors: Record<string, string> = {};
  const filters: ListFilters = {};
  for (const key of Object.keys(q)) {
    if (!(FILTER_NAMES as readonly string[]).includes(key)) errors[key] = `unknown filter; use ${FILTER_NAMES.join(', ')}`;
  }
  const value = (name: (typeof FILTER_NAMES)[number]) => {
    const v = q[name];
    return v === undefined || v === '' ? undefined : v;
  };
  const status = value('status');
  if (status !== undefined) {
    if ((REQUEST_STATUSES as readonly string[]).includes(status)) filters.status = status as RequestStatus;
    else errors.status = `must be one of ${REQUEST_STATUSES.join(', ')}`;
  }
  const type = value('type');
  if (type !== undefined) {
    if ((RIGHTS as readonly string[]).includes(type)) filters.type = type as Right;
    else errors.type = `must be one of ${RIGHTS.join(', ')}`;
  }
  const controller = value('controller');
  if (controller !== undefined) {
    if (knownControllers.includes(controller)) filters.controller = controller;
    else errors.controller = 'unknown controller id';
  }
  const due = value('dueWithinDays');
  if (due !== undefined) {
    const n = Number(due);
    if (/^\d+$/.test(due) && n >= 1 && n <= 365) filters.dueWithinDays = n;
    else errors.dueWithinDays = 'must be a whole number from 1 to 365';
  }
  const overdue = value('overdue');
  if (overdue !== undefined) {
    if (overdue === 'true') filters.overdue = true;
    else if (overdue === 'false') filters.overdue = false;
    else errors.overdue = 'must be true or false';
  }
  const bad = Object.keys(errors);
  if (bad.length) throw clientError(400, `Invalid filter: ${bad.join(', ')}`, errors);
  return filters;
}

/** The controllers whose requests a staff member sees, of those the register declares, maybe narrowed by a filter. */
export function visibleControllers(staff: Pick<Staff, 'controllers'>, declared: readonly string[], only?: string): string[] {
  return declared.filter((id) => mayAccess(staff, id) && (only === undefined || id === only));
}

/** A request is overdue when it is not final and its deadline has passed. */
export function isOverdue(request: Pick<DsrRequest, 'status' | 'dueAt'> & Partial<Pick<DsrRequest, 'infoRequest' | 'fee'>>, now: Date): boolean {
  // A paused clock (a question, a fee) is not late: its date moves on when it runs again.
  return !FINAL_STATUSES.includes(request.status) && request.dueAt !== undefined && Date.parse(request.dueAt) < now.getTime() && !clockPaused(request);
}

/** One line of the staff list. */
export interface ListItem {
  requestId: string;
  controllerId: string;
  /** The controller's name as the register gives it (its id when the register no longer declares it). */
  controllerName: string;
  type: string;
  status: RequestStatus;
  createdAt: string | null;
  receivedAt: string | null;
  dueAt: string | null;
  overdue: boolean;
  /** A review is open: the request waits for a staff decision. */
  waitsForStaff: boolean;
}

/** Whether a request waits for a staff decision: in review before processing, or a closing review is open. */
export function waitsForStaff(r: Pick<Partial<DsrRequest>, 'status' | 'reviewStage'>): boolean {
  return r.status === 'in_review' || (r.reviewStage !== undefined && !FINAL_STATUSES.includes(r.status as RequestStatus));
}

/** A controller's name as staff read it; its id if the register no longer declares it. */
const staffNameOf = (controllerId: string) => {
  const c = findController(controllerId);
  return c ? staffText(c, c.name) : controllerId;
};

export function listItem(r: Partial<DsrRequest> & Pick<DsrRequest, 'requestId' | 'controllerId' | 'status'>, now: Date): ListItem {
  return {
    requestId: r.requestId,
    controllerId: r.controllerId,
    controllerName: staffNameOf(r.controllerId),
    type: r.type ?? '',
    status: r.status,
    createdAt: r.createdAt ?? null,
    receivedAt: r.receivedAt ?? null,
    dueAt: r.dueAt ?? null,
    overdue: isOverdue(r, now),
    waitsForStaff: waitsForStaff(r),
  };
}

/**
 * Whether an open request belongs in the list under these filters. Without a status filter the
 * list holds requests from `received` on (those with a deadline); requests still awaiting the
 * subject's confirmation are listed only when asked for by `status=awaiting_verification`.
 */
export function matchesFilters(item: ListItem, filters: ListFilters, now: Date): boolean {
  if (filters.status ? item.status !== filters.status : item.status === 'awaiting_verification') return false;
  if (filters.dueWithinDays !== undefined && !(item.dueAt !== null && Date.parse(item.dueAt) <= Date.parse(dueBefore(filters.dueWithinDays, now))))
    return false;
  if (filters.type && item.type !== filters.type) return false;
  if (filters.overdue !== undefined && item.overdue !== filters.overdue) return false;
  return true;
}

/** The latest deadline `dueWithinDays` admits. */
export function dueBefore(days: number, now: Date): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}

/** Earliest deadline first; requests without one (unconfirmed) after, by creation. */
export function byDueDate(a: ListItem, b: ListItem): number {
  const ka = a.dueAt ?? `~${a.createdAt ?? ''}`;
  const kb = b.dueAt ?? `~${b.createdAt ?? ''}`;
  return ka < kb ? -1 : ka > kb ? 1 : a.requestId < b.requestId ? -1 : a.requestId > b.requestId ? 1 : 0;
}

/**
 * Request fields staff see: the subject's address and name, dates and statuses; never token hashes,
 * the status key or storage keys. Once the service's own retention erased the personal data,
 * `personalDataErasedAt` says so (the address and name are gone, not missing).
 */
const REQUEST_FIELDS = [
  'requestId',
  'controllerId',
  'type',
  'locale',
  'email',
  'name',
  'identifiers',
  'onBehalfOf',
  'status',
  'createdAt',
  'verifyExpiresAt',
  'receivedAt',
  'dueAt',
  'targetAt',
  'completedAt',
  'onTime',
  'history',
  'notifiedAt',
  'downloadExpiresAt',
  'dueReminder7At',
  'dueReminder2At',
  'overdueAlertedAt',
  'transmittedAt',
  'packageDeletedAt',
  'personalDataErasedAt',
] as const satisfies readonly (keyof DsrRequest)[];

/** Branch fields staff see: what was done where and how it went; never the task token, link hash or storage keys (`holdBasis` is added as staff read it). */
const BRANCH_FIELDS = [
  'processorId',
  'kind',
  'action',
  'status',
  'attempts',
  'recordCount',
  'startedAt',
  'finishedAt',
  'errorClass',
  'externalId',
  'submittedAt',
  'lastPolledAt',
  'remindedAt',
  'escalatedAt',
  'expectedCompletionAt',
  'attachmentName',
  'note',
  'heldCount',
  'holdUntil',
  'suppressedUntil',
  'staffTask',
  'answer',
  'notLookedUp',
] as const satisfies readonly (keyof Branch)[];

function pick<T extends object, K extends keyof T>(item: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const k of keys) if (item[k] !== undefined) out[k] = item[k];
  return out;
}

/**
 * What the subject asked beyond the right, as staff read it: the stored details field by field
 * (free text is personal data: shown, escaped, never logged), with declared ids resolved to the
 * names the subject chose from.
 */
export interface DetailsView {
  rectification?: { attribute?: string; inaccurate: string; corrected: string };
  objection?: { scope: ObjectionScope; grounds?: string };
  consentPurposes?: { id: string; name: string }[];
  transmitTo?: { id: string; name: string };
  viaCustomer?: string;
  message?: string;
}

/** The open review: at which stage, why, since when. Never its task token. */
export interface ReviewView {
  stage: ReviewStage;
  reasons: ReviewReason[];
  openedAt: string | null;
}

export type RequestView = Pick<DsrRequest, (typeof REQUEST_FIELDS)[number]> & {
  controllerName: string;
  overdue: boolean;
  waitsForStaff: boolean;
  details: DetailsView;
  denial: NonNullable<DsrRequest['denial']> | null;
  extension: NonNullable<DsrRequest['extension']> | null;
  /** What staff asked the subject, and the subject's answer once it came. */
  infoRequest: NonNullable<DsrRequest['infoRequest']> | null;
  /** Art. 12(5)(a): the fee charged, and when its payment was recorded. */
  fee: Omit<NonNullable<DsrRequest['fee']>, 'sendStartedAt' | 'notifiedAt'> | null;
  /** The clock stands still: a question or a fee waits for the subject. */
  clockPaused: boolean;
  /** Recorded by staff: the channel, the day it was received, by whom, and how the identity was established; null for the form's requests. */
  entry: NonNullable<DsrRequest['entry']> | null;
  /** The files that came with a recorded request: names and sizes, never their storage keys. */
  attachments: { name: string; contentType: string; bytes: number }[];
};
/** A branch as staff see it; a legal hold's basis in the controller's first language, as every register text staff read. */
export type BranchView = Pick<Branch, (typeof BRANCH_FIELDS)[number]> & { processorName: string; holdBasis?: string };

/** One request's page for staff (also what a decision answers with). */
export interface RequestDetail {
  request: RequestView;
  branches: BranchView[];
  timeline: AuditEvent[];
  /** The open review (why the request waits for staff), or null. */
  review: ReviewView | null;
  /** Whether the caller holds the approver role; without it `allowedDecisions` offers nothing. */
  mayDecide: boolean;
  /** What the caller may decide on the request as it is now (functions/staff/decisions.ts). */
  allowedDecisions: AllowedDecisions;
  /** Refusal texts in the subject's language, for staff to pick and edit. */
  denialTemplates: DenialTemplate[];
  /** The refusal reason the review points to, when it fits the right (domain/refusal-reasons.ts); else null. */
  suggestedDenialReason: DenialReason | null;
}

/** A refusal template: its text in the subject's language, every language's version, and whether it fits the right. */
export interface DenialTemplate {
  reason: DenialReason;
  /** The default text in the subject's language, which staff edit and send. */
  text: string;
  /** The same template in every language, so staff can read it in theirs beside the subject's. */
  texts: Record<Locale, string>;
  /** Whether the reason may be given for this request's right (domain/refusal-reasons.ts). */
  fits: boolean;
}

/** Nothing to decide: a viewer, or a request whose controller the register no longer declares. */
const NO_DECISIONS: AllowedDecisions = {
  approve: false,
  deny: false,
  extend: false,
  request_info: false,
  retry_branch: [],
  complete_task: [],
  correct_answer: [],
  lift_restriction: false,
  charge_fee: false,
  record_fee_payment: false,
};

function detailsView(details: DsrRequest['details'], controller: Controller | undefined): DetailsView {
  if (!details) return {};
  const out: DetailsView = {};
  if (details.rectification) out.rectification = pick(details.rectification, ['attribute', 'inaccurate', 'corrected']);
  if (details.objection) out.objection = pick(details.objection, ['scope', 'grounds']);
  if (details.consentPurposes) {
    out.consentPurposes = details.consentPurposes.map((id) => {
      const purpose = controller?.consentPurposes.find((p) => p.id === id);
      return { id, name: controller && purpose ? staffText(controller, purpose.name) : id };
    });
  }
  if (details.transmitTo) {
    const id = details.transmitTo;
    const target = controller?.portabilityTargets.find((t) => t.id === id);
    out.transmitTo = { id, name: controller && target ? staffText(controller, target.name) : id };
  }
  if (details.viaCustomer) out.viaCustomer = details.viaCustomer;
  if (details.message) out.message = details.message;
  return out;
}

/**
 * One request as the staff page shows it: the request with what staff need to decide (the subject's
 * details, the open review, earlier decisions), its branches in the register's order, its audit
 * timeline oldest first, and the decisions open to the caller. `caller` is the staff member asking
 * (a viewer is offered no decisions); omitted, the caller is taken to be an approver (the decision
 * route has checked that already).
 */
export function requestDetail(request: DsrRequest, branches: Branch[], events: AuditEvent[], now: Date, caller?: Pick<Staff, 'roles'>): RequestDetail {
  const controller = findController(request.controllerId);
  const ordered = controller ? inDeclaredOrder(controller, branches) : branches;
  const mayDecide = caller ? mayDo(caller, 'decide') : true;
  const { denial, extension, infoRequest, fee } = request;
  return {
    request: {
      ...pick(request, REQUEST_FIELDS),
      controllerName: staffNameOf(request.controllerId),
      overdue: isOverdue(request, now),
      waitsForStaff: waitsForStaff(request),
      details: detailsView(request.details, controller),
      denial: denial ? pick(denial, ['reason', 'text', 'by', 'at']) : null,
      extension: extension ? pick(extension, ['months', 'reasons', 'by', 'at', 'originalDueAt']) : null,
      infoRequest: infoRequest ? pick(infoRequest, ['text', 'by', 'at', 'pausesClock', 'answeredAt', 'answer']) : null,
      fee: fee ? pick(fee, ['amount', 'currency', 'reason', 'by', 'at', 'paidAt', 'paymentRecordedBy']) : null,
      clockPaused: clockPaused(request),
      entry: request.entry ? pick(request.entry, ['channel', 'receivedAt', 'by', 'at', 'identity']) : null,
      attachments: (request.attachments ?? []).map((a) => pick(a, ['name', 'contentType', 'bytes'])),
    },
    branches: ordered.map((b) => ({
      ...pick(b, BRANCH_FIELDS),
      ...(b.holdBasis !== undefined ? { holdBasis: controller ? staffText(controller, b.holdBasis) : inLocale(b.holdBasis, 'en').text } : {}),
      processorName: controller ? staffText(controller, findProcessor(controller, b.processorId)?.name ?? b.processorId) : b.processorId,
    })),
    timeline: [...events]
      .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
      .map((e) => ({ event: e.event, at: e.at, actor: e.actor, ...(e.detail ? { detail: e.detail } : {}) })),
    review: request.reviewStage ? { stage: request.reviewStage, reasons: [...(request.reviewReasons ?? [])], openedAt: request.reviewOpenedAt ?? null } : null,
    mayDecide,
    allowedDecisions: controller && mayDecide ? allowedDecisions(request, branches, controller, now) : NO_DECISIONS,
    denialTemplates: controller ? denialTemplates(request, controller) : [],
    suggestedDenialReason: suggestedReason(request) ?? null,
  };
}

/** The refusal templates, with their default text in the subject's language for staff to edit, and in every language to read. */
export function denialTemplates(request: DsrRequest, controller: Controller): DenialTemplate[] {
  // Each language's text names the controller as that language has it.
  const ctx = (l: Locale) => ({
    controllerName: inLocale(controller.name, l, controller).text,
    ...(request.details?.viaCustomer ? { viaCustomer: request.details.viaCustomer } : {}),
  });
  return DENIAL_REASONS.map((reason) => ({
    reason,
    text: denialReasonText(reason, request.locale, ctx(request.locale)),
    texts: Object.fromEntries(LOCALES.map((l) => [l, denialReasonText(reason, l, ctx(l))])) as Record<Locale, string>,
    fits: reasonFits(reason, request),
  }));
}
