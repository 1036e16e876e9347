import { GetCommand, PutCommand, QueryCommand, type QueryCommandOutput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Actor, AuditEvent, Branch, BranchAction, DsrRequest, RequestStatus } from '../../domain/request';
import { type ChainedAuditEvent, canonicalJson, chainNext } from '../audit-chain';
import { ddb, isConditionFailure } from '../aws/dynamodb';
import { requiredEnv } from '../env';

/** The requests table: requests, their processor branches and audit events (docs/ARCHITECTURE.md). */
const TABLE = requiredEnv('REQUESTS_TABLE');
/** Sparse index of open requests by controller and due date. */
export const OPEN_INDEX = 'open-by-due';

const requestKey = (requestId: string) => ({ pk: `REQ#${requestId}`, sk: 'REQUEST' });
const branchKey = (requestId: string, processorId: string) => ({ pk: `REQ#${requestId}`, sk: `BRANCH#${processorId}` });

function strip<T extends object>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}

/** Stores a new request; fails if the id exists (ids are random UUIDs, so only on a retry). */
export async function createRequest(request: DsrRequest): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: TABLE,
      Item: { ...requestKey(request.requestId), ...request },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getRequest(requestId: string): Promise<DsrRequest | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: TABLE, Key: requestKey(requestId), ConsistentRead: true }));
  return strip<DsrRequest>(out.Item);
}

/** A request with its branches, read in one query over its partition. */
export async function getRequestWithBranches(requestId: string): Promise<{ request?: DsrRequest; branches: Branch[] }> {
  let request: DsrRequest | undefined;
  const branches: Branch[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        // BRANCH#… sorts before REQUEST, and AUDIT#… before both: one range covers the two kinds we want.
        ExpressionAttributeValues: { ':pk': `REQ#${requestId}`, ':from': 'BRANCH#', ':to': 'REQUEST' },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) {
      if (item.sk === 'REQUEST') request = strip<DsrRequest>(item);
      else if (String(item.sk).startsWith('BRANCH#')) branches.push(strip<Branch>(item)!);
    }
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return { request, branches };
}

/** A conditional update: what to set and remove, and the guard. */
interface ConditionalUpdate {
  set?: Record<string, unknown>;
  remove?: string[];
  /** Raw SET clauses and the names and values they use. */
  clauses?: string[];
  /** Raw REMOVE paths (e.g. a nested attribute), with their names in `names`. */
  removePaths?: string[];
  condition: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** One conditional update of one item; false when the condition did not hold. */
async function updateItem(Key: Record<string, string>, u: ConditionalUpdate, returnNew = false): Promise<Record<string, unknown> | false> {
  const names = { ...u.names };
  const values = { ...u.values };
  const sets = [...(u.clauses ?? [])];
  Object.entries(u.set ?? {})
    .filter(([, v]) => v !== undefined)
    .forEach(([k, v], i) => {
      names[`#s${i}`] = k;
      values[`:s${i}`] = v;
      sets.push(`#s${i} = :s${i}`);
    });
  const removes = [
    ...(u.remove ?? []).map((k, i) => {
      names[`#r${i}`] = k;
      return `#r${i}`;
    }),
    ...(u.removePaths ?? []),
  ];
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName: TABLE,
        Key,
        UpdateExpression: [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' '),
        ConditionExpression: u.condition,
        ExpressionAttributeNames: names,
        ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        ...(returnNew ? { ReturnValues: 'ALL_NEW' as const } : {}),
      }),
    );
    return out.Attributes ?? {};
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

const updateRequestItem = async (requestId: string, u: ConditionalUpdate) => (await updateItem(requestKey(requestId), u)) !== false;

/** Extra guard of a conditional write on a request: an expression and the values it uses. */
export interface Guard {
  expression: string;
  values?: Record<string, unknown>;
  names?: Record<string, string>;
}

/**
 * Changes attributes of a request (no status change) only while `guard` holds, returning the
 * request as now stored, or undefined when the guard did not hold. For staff decisions and the
 * subject's answers, whose conditions are more than "absent".
 */
export async function updateRequestIf(
  requestId: string,
  change: { set?: Partial<DsrRequest>; remove?: (keyof DsrRequest)[] },
  guard: Guard,
): Promise<DsrRequest | undefined> {
  const stored = await updateItem(
    requestKey(requestId),
    {
      set: change.set,
      remove: change.remove,
      condition: `attribute_exists(pk) AND (${guard.expression})`,
      names: guard.names,
      values: guard.values,
    },
    true,
  );
  return stored === false ? undefined : strip<DsrRequest>(stored);
}

/** Fields a status change may set or remove alongside the status. */
export interface StatusChange {
  set?: Partial<Omit<DsrRequest, 'requestId' | 'status' | 'version' | 'history'>>;
  remove?: (keyof DsrRequest)[];
  /** Extra guard, e.g. the verification token hash that must still be there. */
  condition?: { expression: string; values: Record<string, unknown>; names?: Record<string, string> };
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
  const values: Record<string, unknown> = { ':to': to, ':one': 1, ':entry': [{ status: to, at: at.toISOString() }] };
  const fromList = from.map((s, i) => {
    values[`:f${i}`] = s;
    return `:f${i}`;
  });
  let condition = `#status IN (${fromList.join(', ')})`;
  if (change.condition) {
    condition += ` AND (${change.condition.expression})`;
    Object.assign(values, change.condition.values);
  }
  const stored = await updateItem(
    requestKey(requestId),
    {
      clauses: ['#status = :to', '#version = #version + :one', '#history = list_append(#history, :entry)'],
      set: change.set,
      remove: change.remove,
      condition,
      names: { '#status': 'status', '#version': 'version', '#history': 'history', ...change.condition?.names },
      values,
    },
    true,
  );
  return stored === false ? undefined : strip<DsrRequest>(stored);
}

/**
 * Sets attributes on a request without a status change, once: the write only happens while
 * `onlyIfAbsent` is missing on the item. Returns false if it was already set.
 */
export function setOnce(requestId: string, onlyIfAbsent: keyof DsrRequest, set: Partial<DsrRequest>): Promise<boolean> {
  return updateRequestItem(requestId, { set, condition: 'attribute_exists(pk) AND attribute_not_exists(#guard)', names: { '#guard': onlyIfAbsent } });
}

/** Overwrites attributes of an existing request (no status change), e.g. a fresh download token. */
export async function updateRequest(requestId: string, set: Partial<DsrRequest>): Promise<void> {
  if (!(await updateRequestItem(requestId, { set, condition: 'attribute_exists(pk)' }))) {
    throw new Error(`request ${requestId} not found`);
  }
}

/**
 * Creates a branch in `pending` unless it exists (plan may run twice). Its `controllerId` puts it,
 * once finished, in the branch-outcomes index the reports read.
 */
export async function ensureBranch(
  requestId: string,
  processorId: string,
  kind: string,
  action: BranchAction,
  opts: { staffTask?: boolean; controllerId?: string } = {},
): Promise<void> {
  const branch: Branch = {
    requestId,
    processorId,
    kind,
    action,
    status: 'pending',
    attempts: 0,
    ...(opts.staffTask ? { staffTask: true } : {}),
    ...(opts.controllerId ? { controllerId: opts.controllerId } : {}),
  };
  try {
    await ddb.send(
      new PutCommand({
        TableName: TABLE,
        Item: { ...branchKey(requestId, processorId), ...branch },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

export async function getBranch(requestId: string, processorId: string): Promise<Branch | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: TABLE, Key: branchKey(requestId, processorId), ConsistentRead: true }));
  return strip<Branch>(out.Item);
}

/**
 * Marks a branch as running and counts the attempt. Returns the branch as it was before, or
 * undefined if it had already completed (so a retry or re-drive does not act twice).
 */
export async function startBranch(requestId: string, processorId: string, at = new Date()): Promise<Branch | undefined> {
  try {
    const out = await ddb.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: branchKey(requestId, processorId),
        UpdateExpression: 'SET #status = :running, attempts = attempts + :one, startedAt = if_not_exists(startedAt, :at) REMOVE errorClass',
        ConditionExpression: 'attribute_exists(pk) AND #status <> :completed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':running': 'running', ':one': 1, ':at': at.toISOString(), ':completed': 'completed' },
        ReturnValues: 'ALL_OLD',
      }),
    );
    return strip<Branch>(out.Attributes);
  } catch (err) {
    if (isConditionFailure(err)) return undefined;
    throw err;
  }
}

/**
 * A branch starts waiting on a task token: records the token, counts the attempt, and returns the
 * branch as now stored; undefined if it is already final (answered before the token existed).
 */
export async function startWaiting(requestId: string, processorId: string, taskToken: string, at = new Date()): Promise<Branch | undefined> {
  const stored = await updateItem(
    branchKey(requestId, processorId),
    {
      clauses: ['#status = :waiting', 'attempts = attempts + :one', 'startedAt = if_not_exists(startedAt, :at)'],
      set: { taskToken },
      condition: 'attribute_exists(pk) AND NOT #status IN (:completed, :failed)',
      names: { '#status': 'status' },
      values: { ':waiting': 'waiting', ':one': 1, ':at': at.toISOString(), ':completed': 'completed', ':failed': 'failed' },
    },
    true,
  );
  return stored === false ? undefined : strip<Branch>(stored);
}

/** A branch's final outcome and what it records with it. */
export type BranchOutcome = { status: 'completed' | 'failed' } & Partial<Omit<Branch, 'requestId' | 'processorId' | 'kind' | 'action' | 'status' | 'attempts'>>;

/** Records a branch's outcome; a completed branch is never overwritten. Returns the branch as now stored, or undefined if it was already completed. */
export async function finishBranch(requestId: string, processorId: string, outcome: BranchOutcome, at = new Date()): Promise<Branch | undefined> {
  const { status, ...rest } = outcome;
  const stored = await updateItem(
    branchKey(requestId, processorId),
    {
      clauses: ['#status = :status', 'finishedAt = :at'],
      set: rest,
      condition: 'attribute_exists(pk) AND #status <> :completed',
      names: { '#status': 'status' },
      values: { ':status': status, ':at': at.toISOString(), ':completed': 'completed' },
    },
    true,
  );
  return stored === false ? undefined : strip<Branch>(stored);
}

/**
 * Sets attributes on a branch that is not final yet. With `onlyIfAbsent`, only the first such
 * write happens (e.g. the OpenDSR id, the time a vendor was reminded). Returns the branch as now
 * stored, or undefined if the guard did not hold.
 */
export async function updateBranch(
  requestId: string,
  processorId: string,
  set: Partial<Branch>,
  opts: { onlyIfAbsent?: keyof Branch; evenIfFinal?: boolean } = {},
): Promise<Branch | undefined> {
  const conditions = ['attribute_exists(pk)'];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (!opts.evenIfFinal) {
    conditions.push('NOT #status IN (:completed, :failed)');
    names['#status'] = 'status';
    values[':completed'] = 'completed';
    values[':failed'] = 'failed';
  }
  if (opts.onlyIfAbsent) {
    conditions.push('attribute_not_exists(#guard)');
    names['#guard'] = opts.onlyIfAbsent;
  }
  const stored = await updateItem(branchKey(requestId, processorId), { set, condition: conditions.join(' AND '), names, values }, true);
  return stored === false ? undefined : strip<Branch>(stored);
}

/** Longer than any Lambda runs: an email to send claimed this long ago and never recorded as sent was cut short by a crash. */
export const EMAIL_CLAIM_MS = 15 * 60_000;

/**
 * Claims sending one of a branch's emails (`claim` holds when sending began, `sent` when it went):
 * when none began, or when one began before `staleBefore` and never finished (a crash). False when
 * another attempt holds the claim or the email was sent.
 */
async function claimBranchEmail(
  requestId: string,
  processorId: string,
  claim: 'escalationStartedAt' | 'reminderStartedAt',
  sent: 'escalatedAt' | 'remindedAt',
  at: string,
  staleBefore: string,
  set: Record<string, unknown> = {},
): Promise<boolean> {
  return (
    (await updateItem(branchKey(requestId, processorId), {
      set: { [claim]: at, ...set },
      condition: 'attribute_exists(pk) AND attribute_not_exists(#sent) AND (attribute_not_exists(#claim) OR #claim < :stale)',
      names: { '#sent': sent, '#claim': claim },
      values: { ':stale': staleBefore },
    })) !== false
  );
}

/** Claims escalating a branch (see {@link claimBranchEmail}), recording why. */
export async function claimEscalation(
  requestId: string,
  processorId: string,
  reason: NonNullable<Branch['escalationReason']>,
  at: string,
  staleBefore: string,
): Promise<boolean> {
  return claimBranchEmail(requestId, processorId, 'escalationStartedAt', 'escalatedAt', at, staleBefore, { escalationReason: reason });
}

/** Claims reminding an email vendor of a request it has not answered (see {@link claimBranchEmail}). */
export async function claimReminder(requestId: string, processorId: string, at: string, staleBefore: string): Promise<boolean> {
  return claimBranchEmail(requestId, processorId, 'reminderStartedAt', 'remindedAt', at, staleBefore);
}

/**
 * Gives back a claim made at `at` whose email could not be sent (an escalation, a request going out
 * to a vendor or staff), so the next attempt sends it as the first: a claim must not stand for an
 * email never sent. Only that claim: a later attempt's is left alone.
 */
export async function releaseBranchClaim(
  requestId: string,
  processorId: string,
  attribute: 'escalationStartedAt' | 'reminderStartedAt' | 'submitStartedAt',
  at: string,
): Promise<void> {
  await updateItem(branchKey(requestId, processorId), {
    remove: [attribute],
    condition: 'attribute_exists(pk) AND #claim = :at',
    names: { '#claim': attribute },
    values: { ':at': at },
  });
}

/**
 * Staff retry a failed branch: it goes back to `pending` with what its last attempt left behind
 * cleared, so the next Plan runs it again (and an async processor is asked again). The OpenDSR id
 * stays: a processor that did the work before our side gave up recognises the id and reports it,
 * rather than doing the work a second time. Only a failed branch is reset; returns false otherwise.
 */
export async function resetFailedBranch(requestId: string, processorId: string): Promise<boolean> {
  const stored = await updateItem(branchKey(requestId, processorId), {
    clauses: ['#status = :pending'],
    remove: [
      'errorClass',
      'finishedAt',
      'taskToken',
      'submitStartedAt',
      'submittedAt',
      'linkTokenHash',
      'reminderStartedAt',
      'remindedAt',
      'escalationStartedAt',
      'escalationReason',
      'escalatedAt',
      'lastPolledAt',
      'resumedAt',
    ],
    condition: 'attribute_exists(pk) AND #status = :failed',
    names: { '#status': 'status' },
    values: { ':pending': 'pending', ':failed': 'failed' },
  });
  return stored !== false;
}

// ---- Who asked before: the same identity's requests to a controller, for repeats (Art. 12(5)) ----

const identityKey = (controllerId: string, identityHash: string) => `SUBJECT#${controllerId}#${identityHash}`;

/** Records that a keyed hash of an address made a request of this right (idempotent). */
export async function recordIdentityRequest(controllerId: string, identityHash: string, requestId: string, type: string, receivedAt: string): Promise<void> {
  await ddb.send(
    new PutCommand({
      TableName: TABLE,
      Item: { pk: identityKey(controllerId, identityHash), sk: `${receivedAt}#${requestId}`, requestId, type, receivedAt },
    }),
  );
}

/** The requests the same identity made to a controller received from `since` on, oldest first. */
export async function identityRequests(
  controllerId: string,
  identityHash: string,
  since: string,
): Promise<{ requestId: string; type: string; receivedAt: string }[]> {
  const found: { requestId: string; type: string; receivedAt: string }[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk >= :since',
        ExpressionAttributeValues: { ':pk': identityKey(controllerId, identityHash), ':since': since },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) found.push({ requestId: String(item.requestId), type: String(item.type), receivedAt: String(item.receivedAt) });
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return found;
}

type NoticeFactName = 'extension' | 'infoRequest' | 'restrictionLift';

/**
 * Marks a notice to the subject on the decision's fact (extension, question, restriction lift),
 * once: `sendStartedAt` before its email goes (so an attempt after a crash between sending and
 * marking knows it may have arrived), `notifiedAt` after. False when it was marked already or the
 * fact is gone.
 */
export async function markNotice(requestId: string, fact: NoticeFactName, mark: 'sendStartedAt' | 'notifiedAt', at: string): Promise<boolean> {
  return updateRequestItem(requestId, {
    clauses: ['#fact.#mark = :at'],
    condition: 'attribute_exists(#fact) AND attribute_not_exists(#fact.#mark)',
    names: { '#fact': fact, '#mark': mark },
    values: { ':at': at },
  });
}

/** Gives back the record of a notice's sending begun at `at` whose email failed (nothing was sent). */
export async function releaseNoticeStarted(requestId: string, fact: NoticeFactName, at: string): Promise<void> {
  await updateRequestItem(requestId, {
    removePaths: ['#fact.#start'],
    condition: 'attribute_exists(#fact) AND #fact.#start = :at',
    names: { '#fact': fact, '#start': 'sendStartedAt' },
    values: { ':at': at },
  });
}

/**
 * Forgets a review's task token once its task was resumed: only that token, and only once the
 * request left review (a new review's token is never touched).
 */
export async function clearReviewToken(requestId: string, taskToken: string): Promise<void> {
  await updateItem(requestKey(requestId), {
    clauses: [],
    remove: ['reviewTaskToken'],
    condition: 'reviewTaskToken = :token AND #status <> :review',
    names: { '#status': 'status' },
    values: { ':token': taskToken, ':review': 'in_review' },
  });
}

/**
 * The partition of an audit trail: a request's (`REQ#<requestId>`) for a request id, or a
 * partition named in full (containing `#`) for a record that is not a request, such as a run of a
 * retention rule (`RETENTION_RUN#...`, functions/retention/runs.ts).
 */
export const auditPartition = (id: string): string => (id.includes('#') ? id : `REQ#${id}`);

const AUDIT_PREFIX = 'AUDIT#';
/** An audit event's sort key: its sequence number, zero-padded so keys sort in chain order (and before `BRANCH#` and `REQUEST`). */
const auditSortKey = (seq: number) => `${AUDIT_PREFIX}${String(seq).padStart(6, '0')}`;
/** Writers of one request's trail race for the next number (the Map's branches run in parallel): tries before giving up. */
const AUDIT_WRITE_ATTEMPTS = 20;

/** The error an audit write ends with when other writers kept taking the next number. */
export class AuditContentionError extends Error {
  override name = 'AuditContentionError';
}

/** The last event of a request's trail, read consistently (the chain's head), or none. */
async function lastAuditEvent(requestId: string): Promise<ChainedAuditEvent | undefined> {
  const out = await ddb.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
      ExpressionAttributeValues: { ':pk': auditPartition(requestId), ':audit': AUDIT_PREFIX },
      ScanIndexForward: false,
      Limit: 1,
      ConsistentRead: true,
    }),
  );
  return strip<ChainedAuditEvent>(out.Items?.[0]);
}

/** How an audit event is appended. */
export interface AuditOptions {
  /** Only if the trail does not hold it yet (see {@link auditOnce}). */
  once?: boolean;
  /**
   * The chain's head as the caller knows it (null: a trail not started, e.g. a request just
   * created), so the first attempt needs no read; a wrong guess only costs a retry.
   */
  head?: ChainedAuditEvent | null;
}

/**
 * Appends an audit event to the request's hash chain (functions/platform/audit-chain.ts): knows the
 * chain's head, writes the next number only if nobody holds it yet (one conditional put, no
 * transaction), and on losing that race reads the events written since and tries the number
 * after them, after a short random wait. Each try costs one read and one write, so parallel
 * branches finishing at once (each with an event) get through quickly even on a slow table.
 * Events are never updated or deleted. Returns the event as written (undefined when `once` found
 * it written already).
 */
export async function audit(
  requestId: string,
  event: string,
  actor: Actor,
  detail?: AuditEvent['detail'],
  at = new Date(),
  opts: AuditOptions = {},
): Promise<ChainedAuditEvent | undefined> {
  const item: AuditEvent = { event, at: at.toISOString(), actor, ...(detail ? { detail } : {}) };
  const same = canonicalJson(sameness(item));
  // `once` reads the whole trail (it must look at every event); otherwise the head alone will do.
  let last: ChainedAuditEvent | undefined;
  if (opts.once) {
    const trail = await auditEventsAfter(requestId, 0);
    if (trail.some((e) => canonicalJson(sameness(e)) === same)) return undefined;
    last = trail.at(-1);
  } else {
    // The caller's idea of the head saves a read; a wrong guess only costs a retry.
    last = opts.head !== undefined ? (opts.head ?? undefined) : await lastAuditEvent(requestId);
  }
  for (let attempt = 1; ; attempt++) {
    const next = chainNext(requestId, last, item);
    try {
      await ddb.send(
        new PutCommand({
          TableName: TABLE,
          Item: { pk: auditPartition(requestId), sk: auditSortKey(next.seq), ...next },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return next;
    } catch (err) {
      if (!isConditionFailure(err)) throw err;
      if (attempt >= AUDIT_WRITE_ATTEMPTS) throw new AuditContentionError(`audit event not recorded after ${attempt} attempts`);
      // Full jitter, growing: writers that collided spread out rather than collide again.
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 5 * 2 ** attempt)));
      const written = await auditEventsAfter(requestId, last?.seq ?? 0);
      if (opts.once && written.some((e) => canonicalJson(sameness(e)) === same)) return undefined;
      last = written.at(-1) ?? last;
    }
  }
}

/**
 * Appends an event unless the trail already holds one of the same name, time, actor and detail:
 * for a step that records a change and then its event, so a retry after a crash between the two
 * records the event that was missed, and never a second. `at` must be the time the change
 * recorded (e.g. the branch's `submittedAt`), which tells occurrences apart. Checked again after
 * losing a race, so two writers at once record it once.
 */
export async function auditOnce(requestId: string, event: string, actor: Actor, detail: AuditEvent['detail'], at: Date): Promise<void> {
  await audit(requestId, event, actor, detail, at, { once: true });
}

/** What makes two audit events the same occurrence for {@link auditOnce}. */
const sameness = (e: AuditEvent) => ({ event: e.event, at: e.at, actor: e.actor, detail: e.detail ?? null });

/** A trail's events numbered above `seq`, in chain order, read consistently. */
async function auditEventsAfter(requestId: string, seq: number): Promise<ChainedAuditEvent[]> {
  const events: ChainedAuditEvent[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': auditPartition(requestId), ':from': auditSortKey(seq + 1), ':to': `${AUDIT_PREFIX}\uffff` },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    events.push(...(out.Items ?? []).map((i) => strip<ChainedAuditEvent>(i)!));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return events;
}

/** A request's audit trail in chain order (by sequence number). */
export async function listAudit(requestId: string): Promise<ChainedAuditEvent[]> {
  const events: ChainedAuditEvent[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :audit)',
        ExpressionAttributeValues: { ':pk': auditPartition(requestId), ':audit': AUDIT_PREFIX },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) events.push(strip<ChainedAuditEvent>(item)!);
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return events;
}

/** An open request as the sparse index projects it. */
export type OpenRequest = Pick<DsrRequest, 'requestId' | 'controllerId' | 'status' | 'openDue' | 'verifyExpiresAt' | 'dueAt' | 'reviewTaskToken'>;

/** Open requests of one controller due up to `dueBefore` (all open ones if omitted), earliest first. */
export async function* openRequests(controllerId: string, dueBefore?: string): AsyncGenerator<OpenRequest> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: OPEN_INDEX,
        KeyConditionExpression: dueBefore ? 'openCtl = :c AND openDue <= :due' : 'openCtl = :c',
        ExpressionAttributeValues: dueBefore ? { ':c': controllerId, ':due': dueBefore } : { ':c': controllerId },
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) yield strip<OpenRequest>(item)!;
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

// ---- The service's own retention: closed requests by when their next purge step is due ----

/** Sparse index of closed requests still holding a package or personal data, by controller and purge time. */
export const PURGE_INDEX = 'purge-by-due';

/** A closed request as the purge index gives it: the index projects keys only (the request id is in `pk`). */
export type PurgeDue = Pick<DsrRequest, 'requestId' | 'purgeAt'>;

/** Closed requests of one controller whose next purge step is due by `now`, earliest first, in pages. */
export async function* purgeDueRequests(controllerId: string, now: string): AsyncGenerator<PurgeDue> {
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: PURGE_INDEX,
        KeyConditionExpression: 'purgeCtl = :c AND purgeAt <= :now',
        ExpressionAttributeValues: { ':c': controllerId, ':now': now },
        ExclusiveStartKey,
      }),
    );
    for (const item of out.Items ?? []) yield { requestId: String(item.pk).slice('REQ#'.length), purgeAt: String(item.purgeAt) };
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}
