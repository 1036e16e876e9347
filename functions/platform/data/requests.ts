/**
 * Requests: their items, status changes, and the open and purge indexes. Status changes are one
 * conditional write guarded by the current status.
 */
import { type AuditEvent, type Branch, type DsrRequest, isClosing, type RequestStatus } from '../../domain/request';
import { owing, recordOwed, settleOwed } from './audit';
import { and, between, type Condition, eq, exists, isIn, le, ne, notExists, or, projectionExpression, queryExpression, type UpdateSpec } from './expressions';
import { OPEN_INDEX, PURGE_INDEX } from './indexes';
import { branchesAndRequestRange, branchKey, isBranchItem, isRequestItem, requestIdOf, requestKey, requestPartition } from './keys';
import { batchGet, paginate } from './paginate';
import { getItem, putItem, queryItems, requestsTable, updateItem } from './table';

/** Stores a new request; fails if the id exists (ids are random UUIDs, so only on a retry). */
export async function createRequest(request: DsrRequest): Promise<void> {
  await putItem(requestKey(request.requestId), request, notExists('pk'));
}

export async function getRequest(requestId: string): Promise<DsrRequest | undefined> {
  return getItem<DsrRequest>(requestKey(requestId));
}

/** A request with its branches, read in one query over its partition. */
export async function getRequestWithBranches(requestId: string): Promise<{ request?: DsrRequest; branches: Branch[] }> {
  let request: DsrRequest | undefined;
  const branches: Branch[] = [];
  const { from, to } = branchesAndRequestRange;
  const items = queryItems<Record<string, unknown>>(
    { ...queryExpression(and(eq('pk', requestPartition(requestId)), between('sk', from, to))), ConsistentRead: true },
    { withKeys: true },
  );
  for await (const { pk: _pk, sk, ...item } of items) {
    if (isRequestItem({ sk })) request = item as unknown as DsrRequest;
    else if (isBranchItem({ sk })) branches.push(item as unknown as Branch);
  }
  return { request, branches };
}

/** The statuses of requests by id (those that exist). */
export async function requestStatuses(requestIds: readonly string[]): Promise<Map<string, RequestStatus>> {
  const found = new Map<string, RequestStatus>();
  const items = batchGet<Pick<DsrRequest, 'requestId' | 'status'>>(requestsTable(), requestIds.map(requestKey), projectionExpression(['requestId', 'status']));
  for await (const item of items) found.set(item.requestId, item.status);
  return found;
}

const updateRequestItem = async (requestId: string, spec: UpdateSpec) => (await updateItem(requestKey(requestId), spec)) !== false;

/**
 * Changes attributes of a request (no status change) only while `guard` holds, returning the
 * request as now stored, or undefined when the guard did not hold. For staff decisions and the
 * subject's answers, whose conditions are more than "absent".
 */
export async function updateRequestIf(
  requestId: string,
  change: { set?: Partial<DsrRequest>; remove?: (keyof DsrRequest)[]; owe?: readonly AuditEvent[] },
  guard: Condition,
): Promise<DsrRequest | undefined> {
  const stored = await updateItem(
    requestKey(requestId),
    { set: change.set, remove: change.remove, ...owing(change.owe), condition: and(exists('pk'), guard) },
    'ALL_NEW',
  );
  return stored === false ? undefined : (stored as unknown as DsrRequest);
}

/** Records on the trail the audit events a request owes, as read (see `settleOwed`). */
export const settleRequestOwed = (request: Pick<DsrRequest, 'requestId' | 'auditOwed'>): Promise<number> =>
  settleOwed(requestKey(request.requestId), request.auditOwed);

/** What a request and its branches owe the trail, as read: settled (recorded and taken off), or with `recordOnly` only recorded. */
export async function settleOwedOfRequest(
  found: { request?: Pick<DsrRequest, 'requestId' | 'auditOwed'>; branches: readonly Branch[] },
  { recordOnly = false } = {},
): Promise<void> {
  const settle = recordOnly ? recordOwed : settleOwed;
  if (found.request?.auditOwed?.size) await settle(requestKey(found.request.requestId), found.request.auditOwed);
  for (const b of found.branches) if (b.auditOwed?.size) await settle(branchKey(b.requestId, b.processorId), b.auditOwed);
}

/** Fields a status change may set or remove alongside the status. */
export interface StatusChange {
  set?: Partial<Omit<DsrRequest, 'requestId' | 'status' | 'version' | 'history'>>;
  remove?: (keyof DsrRequest)[];
  /** Extra guard, e.g. the verification token hash that must still be there. */
  condition?: Condition;
  /** The audit events that record the change, written with it as owed (then `settleOwed`). */
  owe?: readonly AuditEvent[];
}

/**
 * Moves a request from one of `from` to `to`, as one conditional write guarded by the current
 * status, appending to its status history. Returns false when the request was not in `from`
 * (another attempt got there first, or the request moved on): callers treat that as "already done".
 */
export async function transition(
  requestId: string,
  from: readonly RequestStatus[],
  to: RequestStatus,
  change: StatusChange = {},
  at = new Date(),
): Promise<boolean> {
  return (await transitionReturning(requestId, from, to, change, at)) !== undefined;
}

/** {@link transition}, returning the request as now stored (undefined when it was not in `from`). */
export async function transitionReturning(
  requestId: string,
  from: readonly RequestStatus[],
  to: RequestStatus,
  change: StatusChange = {},
  at = new Date(),
): Promise<DsrRequest | undefined> {
  const stored = await updateItem(
    requestKey(requestId),
    {
      set: { status: to, ...change.set },
      increment: { version: 1 },
      append: { history: [{ status: to, at: at.toISOString() }] },
      remove: change.remove,
      ...owing(change.owe),
      condition: and(isIn('status', from), change.condition),
    },
    'ALL_NEW',
  );
  return stored === false ? undefined : (stored as unknown as DsrRequest);
}

/**
 * Sets attributes on a request without a status change, once: the write only happens while
 * `onlyIfAbsent` is missing on the item. Returns the request as now stored, or undefined if it was
 * already set. `owe`: the audit events that record the change, written with it.
 */
export async function setOnce(
  requestId: string,
  onlyIfAbsent: keyof DsrRequest,
  set: Partial<DsrRequest>,
  owe?: readonly AuditEvent[],
): Promise<DsrRequest | undefined> {
  const stored = await updateItem(requestKey(requestId), { set, ...owing(owe), condition: and(exists('pk'), notExists(onlyIfAbsent)) }, 'ALL_NEW');
  return stored === false ? undefined : (stored as unknown as DsrRequest);
}

/** Overwrites attributes of an existing request (no status change), e.g. a fresh download token. */
export async function updateRequest(requestId: string, set: Partial<DsrRequest>): Promise<void> {
  if (!(await updateRequestItem(requestId, { set, condition: exists('pk') }))) {
    throw new Error(`request ${requestId} not found`);
  }
}

/**
 * Forgets a review's task token once its task was resumed: only that token, and only once the
 * request left review (a new review's token is never touched).
 */
export async function clearReviewToken(requestId: string, taskToken: string): Promise<void> {
  await updateRequestItem(requestId, {
    remove: ['reviewTaskToken'],
    condition: and(eq('reviewTaskToken', taskToken), ne('status', 'in_review')),
  });
}

/**
 * Records that the request's workflow moved on from execution `from` to `to`; only from `from`, so
 * of two sweeps racing, one writes and both start the same (deterministically named) execution.
 */
export async function advanceExecutionRun(requestId: string, from: number, to: number): Promise<boolean> {
  const current = from <= 1 ? or(notExists('executionRun'), eq('executionRun', from)) : eq('executionRun', from);
  return updateRequestItem(requestId, { set: { executionRun: to }, condition: and(exists('pk'), current) });
}

/** An open request as the sparse index projects it (all of it; these are what the sweep reads). */
export type OpenRequest = Pick<
  DsrRequest,
  | 'requestId'
  | 'controllerId'
  | 'type'
  | 'status'
  | 'openDue'
  | 'verifyExpiresAt'
  | 'dueAt'
  | 'reviewTaskToken'
  | 'executionRun'
  | 'targetAt'
  | 'infoRequest'
  | 'fee'
  | 'attachments'
  | 'auditOwed'
>;

/**
 * Open requests of one controller due up to `dueBefore` (all open ones if omitted), earliest first.
 * Closed ones whose close is not seen through yet (`CLOSING_STATUSES`) only with `closing`: the sweep finishes them.
 */
export async function* openRequests(controllerId: string, dueBefore?: string, opts: { closing?: boolean } = {}): AsyncGenerator<OpenRequest> {
  const items = queryItems<OpenRequest>({
    IndexName: OPEN_INDEX,
    ...queryExpression(and(eq('openCtl', controllerId), dueBefore ? le('openDue', dueBefore) : undefined)),
  });
  for await (const item of items) if (opts.closing || !isClosing(item.status)) yield item;
}

/** A closed request as the purge index gives it: the index projects keys only (the request id is in `pk`). */
export type PurgeDue = Pick<DsrRequest, 'requestId' | 'purgeAt'>;

/** Closed requests of one controller whose next purge step is due by `now`, earliest first, in pages. */
export async function* purgeDueRequests(controllerId: string, now: string): AsyncGenerator<PurgeDue> {
  const items = paginate({
    query: {
      TableName: requestsTable(),
      IndexName: PURGE_INDEX,
      ...queryExpression(and(eq('purgeCtl', controllerId), le('purgeAt', now))),
    },
  });
  for await (const item of items) yield { requestId: requestIdOf(String(item.pk)), purgeAt: String(item.purgeAt) };
}
