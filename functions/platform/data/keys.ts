/**
 * Every key of the requests table (docs/ARCHITECTURE.md, "Data model"): one function per item
 * kind giving its `pk` and `sk`, and the few that read a key back. Nothing else in the service
 * writes or parses a key string.
 */

/** The primary key of an item of the requests table. */
export interface ItemKey {
  pk: string;
  sk: string;
}

const REQUEST_SK = 'REQUEST';
const BRANCH_PREFIX = 'BRANCH#';
const AUDIT_PREFIX = 'AUDIT#';
const DRAFT_PREFIX = 'DRAFT#';

/** The partition of a request, holding the request, its branches and its audit trail. */
export const requestPartition = (requestId: string): string => `REQ#${requestId}`;

/** A request: `REQ#<requestId>` / `REQUEST`. */
export const requestKey = (requestId: string): ItemKey => ({ pk: requestPartition(requestId), sk: REQUEST_SK });

/** The request id of a request's partition key (as the keys-only purge index gives it). */
export const requestIdOf = (pk: string): string => pk.slice(requestPartition('').length);

/** The audit trail an item's events go on: its request's for an item of a request partition, else the partition's own. */
export const trailOf = (key: ItemKey): string => (key.pk.startsWith(requestPartition('')) ? requestIdOf(key.pk) : key.pk);

/** A processor branch of a request: `REQ#<requestId>` / `BRANCH#<processorId>`. */
export const branchKey = (requestId: string, processorId: string): ItemKey => ({ pk: requestPartition(requestId), sk: `${BRANCH_PREFIX}${processorId}` });

/**
 * The sort keys of a request partition's branches and the request, in one range: `BRANCH#…` sorts
 * before `REQUEST` (and `AUDIT#…` before both).
 */
export const branchesAndRequestRange = { from: BRANCH_PREFIX, to: REQUEST_SK } as const;

/** Whether a request partition's item is the request itself, or one of its branches. */
export const isRequestItem = (item: { sk?: unknown }): boolean => item.sk === REQUEST_SK;
export const isBranchItem = (item: { sk?: unknown }): boolean => String(item.sk).startsWith(BRANCH_PREFIX);

/**
 * The partition of an audit trail: a request's for a request id, or a partition named in full
 * (containing `#`) for a record that is not a request, such as a run of a retention rule
 * ({@link retentionRunTrail}). The chain's hashes cover this id as given.
 */
export const auditPartition = (trailId: string): string => (trailId.includes('#') ? trailId : requestPartition(trailId));

/** An audit event: its trail's partition / `AUDIT#<seq>`, zero-padded so keys sort in chain order. */
export const auditEventKey = (trailId: string, seq: number): ItemKey => ({ pk: auditPartition(trailId), sk: `${AUDIT_PREFIX}${String(seq).padStart(6, '0')}` });

/** The sort-key prefix every audit event of a trail shares. */
export const auditPrefix = AUDIT_PREFIX;
/** Sorts after every audit event's sort key. */
export const auditRangeEnd = `${AUDIT_PREFIX}\uffff`;

/** The trail id of one retention rule's run, a partition of its own. */
export const retentionRunTrail = (run: { controllerId: string; ruleId: string; runAt: string }): string =>
  `RETENTION_RUN#${run.controllerId}#${run.ruleId}#${run.runAt}`;

/** The audit trail of a controller's exports by staff (CSV of requests): a trail of its own, not a request's. */
export const staffExportTrail = (controllerId: string): string => `STAFF_EXPORTS#${controllerId}`;

/** A retention rule's run: `RETENTION#<controllerId>` / `<runAt>#<ruleId>`. */
export const retentionRunKey = (controllerId: string, runAt: string, ruleId: string): ItemKey => ({
  pk: retentionRunPartition(controllerId),
  sk: `${runAt}#${ruleId}`,
});
/** The partition of a controller's retention runs, sorted by when they ran. */
export const retentionRunPartition = (controllerId: string): string => `RETENTION#${controllerId}`;

/** What a scheduled erasure's key is made of. */
export interface ScheduledKeyParts {
  controllerId: string;
  dueAt: string;
  kind: string;
  requestId: string;
  processorId: string;
}

/** An erasure to carry out later: `DUE#<controllerId>` / `<dueAt>#<kind>#<requestId>#<processorId>`. */
export const scheduledErasureKey = (e: ScheduledKeyParts): ItemKey => ({
  pk: scheduledPartition(e.controllerId),
  sk: `${e.dueAt}#${e.kind}#${e.requestId}#${e.processorId}`,
});
/** The partition of a controller's scheduled erasures, sorted by when they are due. */
export const scheduledPartition = (controllerId: string): string => `DUE#${controllerId}`;
/** Sorts after every scheduled erasure due at `at` or before. */
export const dueBy = (at: string): string => `${at}~`;

/** What a restriction marked at one store: `RESTRICTED#<requestId>` / `<processorId>`. */
export const restrictedKey = (requestId: string, processorId: string): ItemKey => ({ pk: restrictedPartition(requestId), sk: processorId });
export const restrictedPartition = (requestId: string): string => `RESTRICTED#${requestId}`;

/** One request of a requester identity: `SUBJECT#<controllerId>#<hash>` / `<receivedAt>#<requestId>`. */
export const identityKey = (controllerId: string, identityHash: string, receivedAt: string, requestId: string): ItemKey => ({
  pk: identityPartition(controllerId, identityHash),
  sk: `${receivedAt}#${requestId}`,
});
export const identityPartition = (controllerId: string, identityHash: string): string => `SUBJECT#${controllerId}#${identityHash}`;

/** An entry of a processor's suppression list: `SUPPRESS#<controllerId>#<processorId>` / `<hash>`. */
export const suppressionKey = (controllerId: string, processorId: string, hash: string): ItemKey => ({
  pk: `SUPPRESS#${controllerId}#${processorId}`,
  sk: hash,
});

/** How an OpenDSR callback finds its branch: `OPENDSR#<subject_request_id>` / `BRANCH`. */
export const opendsrLinkKey = (subjectRequestId: string): ItemKey => ({ pk: `OPENDSR#${subjectRequestId}`, sk: 'BRANCH' });

/** What an intake rate limit counts: requests per mailbox, per mail domain, or per client IP address. */
export type RateLimitCounter = 'intake-address' | 'intake-domain' | 'intake-client';

/** An hour's count of one limit: `LIMIT#<counter>#<hash>` / the window's start. */
export const rateLimitKey = (counter: RateLimitCounter, hash: string, windowStart: Date): ItemKey => ({
  pk: `LIMIT#${counter}#${hash}`,
  sk: windowStart.toISOString(),
});

/**
 * The call schedule of one connector at one processor (one vendor account), shared by every
 * Lambda: `LIMIT#connector#<controllerId>#<processorId>` / `CALLS`.
 */
export const connectorCallsKey = (controllerId: string, processorId: string): ItemKey => ({
  pk: `LIMIT#connector#${controllerId}#${processorId}`,
  sk: 'CALLS',
});

/** A controller's published transparency figures: `REPORT#<controllerId>` / `TRANSPARENCY`. */
export const transparencyKey = (controllerId: string): ItemKey => ({ pk: `REPORT#${controllerId}`, sk: 'TRANSPARENCY' });

/** What a year's transparency figures are counted from: `REPORT#<controllerId>` / `TRANSPARENCY#TALLY#<year>`. */
export const transparencyTallyKey = (controllerId: string, year: number): ItemKey => ({
  pk: `REPORT#${controllerId}`,
  sk: `TRANSPARENCY#TALLY#${year}`,
});

/** A request by email that waits for staff to name its right: `INBOUND#<controllerId>` / `DRAFT#<draftId>`. */
export const inboundDraftKey = (controllerId: string, draftId: string): ItemKey => ({
  pk: inboundDraftPartition(controllerId),
  sk: `${DRAFT_PREFIX}${draftId}`,
});
export const inboundDraftPartition = (controllerId: string): string => `INBOUND#${controllerId}`;
export const inboundDraftPrefix = DRAFT_PREFIX;

/** The audit trail of one draft, a trail of its own (it is not a request): `INBOUND_DRAFT#<draftId>`. */
export const inboundDraftTrail = (draftId: string): string => `INBOUND_DRAFT#${draftId}`;

/** The mark that one received message (SES's message id) has been taken in, so a retried invocation does nothing: `INBOUND_MSG#<id>` / `MESSAGE`. */
export const inboundMessageKey = (messageId: string): ItemKey => ({ pk: `INBOUND_MSG#${messageId}`, sk: 'MESSAGE' });

/** An item without its key attributes: what the repositories hand out. */
export function withoutKey<T>(item: Record<string, unknown>): T;
export function withoutKey<T>(item: Record<string, unknown> | undefined): T | undefined;
export function withoutKey<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}
