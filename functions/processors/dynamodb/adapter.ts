import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { identityValue, lookupIdentity } from '../../domain/identifiers';
import { staffText } from '../../domain/register-schema';
import { ddb, isConditionFailure } from '../../platform/aws/dynamodb';
import { and, type Condition, conditionExpression, eq, exists, ne, notExists, or, queryExpression, updateExpression } from '../../platform/data/expressions';
import { paginate } from '../../platform/data/paginate';
import { recordRestricted } from '../../platform/data/scheduled';
import type { DynamoDbProcessor } from '../../platform/register';
import { schedule, suppress } from '../../retention/scheduled-erasures';
import { ProcessorError, type Subject, type SyncProcessorKind } from '../port';

/**
 * Every item of the subject, page by page, found by the key or index the register declares. A key
 * lookup reads strongly consistently; an index cannot (see {@link subjectKeys}).
 */
function subjectItems(p: DynamoDbProcessor, subject: Subject, projection?: string[]): AsyncGenerator<Record<string, unknown>> {
  const attribute = 'keyAttribute' in p.lookup ? p.lookup.keyAttribute : p.lookup.attribute;
  // The value of the identity the attribute holds, never another's: a phone index is not asked for an address.
  const identity = lookupIdentity(p.lookup);
  const value = identity && identityValue(subject, identity);
  if (value === undefined)
    throw new ProcessorError('IdentityMissing', `${p.id} looks the subject up by ${identity ?? attribute}, which the request does not give`);
  return paginate({
    query: {
      TableName: p.table,
      ...('indexName' in p.lookup ? { IndexName: p.lookup.indexName } : { ConsistentRead: true }),
      ...queryExpression(eq(attribute, value), { projection }),
    },
  });
}

/**
 * How long a global secondary index may take to show an item just written: AWS says usually a
 * fraction of a second. A listing is repeated after this until it finds nothing new.
 */
export const INDEX_SETTLE_MS = 1_000;
/** At most this many listings: an index that keeps showing new items is being written to by someone else. */
const MAX_LISTINGS = 5;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The primary keys of the subject's items, listed before anything is written: changing items
 * while paging an index over them could skip some. With the names and condition a write needs
 * to touch only an item that still exists.
 *
 * An index is eventually consistent: an item written just before may not be in it yet, and an
 * erasure that missed it would never come back for it. So an index is listed again after
 * {@link INDEX_SETTLE_MS} until a listing finds no key the earlier ones did not; the keys of every
 * listing are kept (one gone since is skipped by the write's condition). A key lookup reads
 * consistently and is listed once.
 */
async function subjectKeys(p: DynamoDbProcessor, subject: Subject) {
  const key = await tableKey(p.table);
  const found = new Map<string, Record<string, unknown>>();
  const list = async () => {
    let added = 0;
    for await (const item of subjectItems(p, subject, key)) {
      const k = Object.fromEntries(key.map((a) => [a, item[a]]));
      const id = JSON.stringify(key.map((a) => item[a]));
      if (!found.has(id)) {
        found.set(id, k);
        added++;
      }
    }
    return added;
  };
  await list();
  if ('indexName' in p.lookup) {
    for (let listing = 1; listing < MAX_LISTINGS; listing++) {
      await sleep(INDEX_SETTLE_MS);
      if ((await list()) === 0) break;
    }
  }
  return { key, keys: [...found.values()], exists: keyExists(key) };
}

const DAY_MS = 86_400_000;

/**
 * The organisation's own DynamoDB tables. Export streams the subject's items; erasure does what
 * the register declares for the store: delete, anonymise (strip identifying attributes), keep under
 * a legal hold (restricted, deleted when the hold ends), or delete and suppress (a keyed hash of the
 * address is kept so it is not added again by mistake). Rectification sets a declared attribute on
 * the subject's items; restriction marks them restricted for the request.
 */
export const dynamodbProcessor: SyncProcessorKind<DynamoDbProcessor> = {
  mode: 'sync',

  async exportData(p, subject, out) {
    for await (const item of subjectItems(p, subject)) await out.write(item);
  },

  async erase(p, subject, { request, controller }) {
    const { keys, exists } = await subjectKeys(p, subject);
    // Measured from when the request was received, so a retry computes the same dates.
    const from = Date.parse(request.receivedAt ?? request.createdAt);
    const rule = p.erasure;
    const holdUntil = rule.mode === 'legal_hold' ? new Date(from + rule.holdDays * DAY_MS).toISOString() : undefined;

    let recordCount = 0;
    for (const Key of keys) {
      // Gone since we listed it (a concurrent retry): already erased, not counted twice.
      const erased =
        rule.mode === 'legal_hold'
          ? // Art. 18(2): restricted data is only stored, used for nothing else until the hold ends.
            await conditionally(() =>
              ddb.send(
                new UpdateCommand({
                  TableName: p.table,
                  Key,
                  ...updateExpression({ set: { restricted: true, holdUntil, holdBasis: staffText(controller, rule.legalBasis) }, condition: exists }),
                }),
              ),
            )
          : // The same erasure a retention rule does (eraseItem, below).
            await eraseItem(p.table, Key, rule.mode === 'anonymise' ? rule : { mode: 'delete' }, exists);
      if (erased) recordCount++;
    }

    if (rule.mode === 'legal_hold') {
      if (keys.length > 0) {
        await schedule({
          kind: 'legal_hold_end',
          controllerId: controller.id,
          requestId: request.requestId,
          processorId: p.id,
          dueAt: holdUntil!,
          table: p.table,
          keys,
        });
      }
      return { recordCount: 0, heldCount: recordCount, holdUntil, holdBasis: rule.legalBasis };
    }
    if (rule.mode === 'suppress' && keys.length > 0) {
      // Only an address the list held is suppressed: keeping a hash of a stranger's would be new data.
      const until = new Date(from + rule.keepDays * DAY_MS).toISOString();
      await suppress(controller.id, p.id, request.requestId, subject.email, until);
      return { recordCount, suppressedUntil: until };
    }
    return { recordCount };
  },

  async rectify(p, subject, { attribute, corrected }) {
    // The form only offers declared attributes; this guards a register changed since the request.
    if (!p.rectifiable.includes(attribute)) throw new ProcessorError('NotRectifiable', `${p.id} does not declare ${attribute} as rectifiable`);
    const { key, keys, exists } = await subjectKeys(p, subject);
    if (key.includes(attribute)) throw new ProcessorError('NotRectifiable', `${attribute} is part of ${p.id}'s primary key and cannot be changed in place`);
    let recordCount = 0;
    for (const Key of keys) {
      // Setting the same value again is harmless, so a retry counts every item that now holds it.
      const written = await conditionally(() =>
        ddb.send(
          new UpdateCommand({
            TableName: p.table,
            Key,
            ...updateExpression({ set: { [attribute]: corrected }, condition: exists }),
          }),
        ),
      );
      if (written) recordCount++;
    }
    return { recordCount };
  },

  async restrict(p, subject, { request }) {
    const { keys, exists } = await subjectKeys(p, subject);
    const at = new Date().toISOString();
    let recordCount = 0;
    for (const Key of keys) {
      // Art. 18(2): restricted items are only kept. Written once per request, so a retry keeps the first `restrictedAt`.
      const written = await conditionally(() =>
        ddb.send(
          new UpdateCommand({
            TableName: p.table,
            Key,
            ...updateExpression({
              set: { restricted: true, restrictedAt: at, restrictedFor: request.requestId },
              condition: and(exists, or(notExists('restrictedFor'), ne('restrictedFor', request.requestId))),
            }),
          }),
        ),
      );
      if (written) {
        recordCount++;
        continue;
      }
      // Not written: gone since we listed it (not counted), or restricted for this request by an earlier attempt (counted).
      const now = await ddb.send(new GetCommand({ TableName: p.table, Key, ProjectionExpression: 'restrictedFor', ConsistentRead: true }));
      if (now.Item?.restrictedFor === request.requestId) recordCount++;
    }
    // Keys only, so staff can lift the restriction later without looking the subject up again.
    if (keys.length > 0) await recordRestricted(request.requestId, p.id, p.table, keys);
    return { recordCount };
  },
};

// Writes by primary key, shared with the retention sweep (a rule the register declares), so an
// erasure is the same whichever asked for it. Every write is conditional and safe to repeat.

/** Each table's primary key attributes, looked up once per cold start. */
const keyAttributes = new Map<string, Promise<string[]>>();

/** The primary key attributes of a store's table, from the table itself (the register does not declare them). */
export function tableKey(table: string): Promise<string[]> {
  let key = keyAttributes.get(table);
  if (!key) {
    key = ddb.send(new DescribeTableCommand({ TableName: table })).then((out) => (out.Table?.KeySchema ?? []).map((k) => k.AttributeName!));
    key.catch(() => keyAttributes.delete(table));
    keyAttributes.set(table, key);
  }
  return key;
}

/** The condition "the item still exists" for a table's key: a write never creates an item. */
export function keyExists(key: readonly string[]): Condition {
  return and(...key.map((k) => exists(k)));
}

/** Runs a conditional write; false when its condition did not hold (the item is gone, or already changed). */
export async function conditionally(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    return false;
  }
}

/** How an item is erased: deleted, or anonymised by removing the store's identifying attributes. */
export type ItemErasure = { mode: 'delete' } | { mode: 'anonymise'; identifyingAttributes: string[] };

/**
 * Erases one item if `condition` still holds: deletes it, or removes its identifying attributes
 * and stamps `anonymisedAt` (what remains serves statistics only). False when the condition did
 * not hold: the item is gone, or changed since it was chosen; the caller decides what that means.
 */
export function eraseItem(table: string, Key: Record<string, unknown>, erasure: ItemErasure, condition: Condition, at = new Date()): Promise<boolean> {
  return conditionally(() =>
    erasure.mode === 'delete'
      ? ddb.send(new DeleteCommand({ TableName: table, Key, ...conditionExpression(condition) }))
      : ddb.send(
          new UpdateCommand({
            TableName: table,
            Key,
            ...updateExpression({ set: { anonymisedAt: at.toISOString() }, remove: erasure.identifyingAttributes, condition }),
          }),
        ),
  );
}
