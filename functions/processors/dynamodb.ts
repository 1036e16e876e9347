import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, UpdateCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from '../lib/aws/dynamodb';
import type { DynamoDbProcessor } from '../lib/register';
import { schedule, suppress } from '../lib/scheduled-erasures';
import type { SyncProcessorKind, Subject } from './types';

/** Each table's primary key attributes, looked up once per cold start. */
const keyAttributes = new Map<string, Promise<string[]>>();

function tableKey(table: string): Promise<string[]> {
  let key = keyAttributes.get(table);
  if (!key) {
    key = ddb.send(new DescribeTableCommand({ TableName: table })).then((out) => (out.Table?.KeySchema ?? []).map((k) => k.AttributeName!));
    key.catch(() => keyAttributes.delete(table));
    keyAttributes.set(table, key);
  }
  return key;
}

/** Every item of the subject, page by page, found by the key or index the register declares. */
async function* subjectItems(p: DynamoDbProcessor, subject: Subject, projection?: string[]): AsyncGenerator<Record<string, unknown>> {
  const attribute = 'keyAttribute' in p.lookup ? p.lookup.keyAttribute : p.lookup.attribute;
  const names: Record<string, string> = { '#id': attribute };
  projection?.forEach((a, i) => (names[`#p${i}`] = a));
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out: QueryCommandOutput = await ddb.send(new QueryCommand({
      TableName: p.table,
      ...('indexName' in p.lookup ? { IndexName: p.lookup.indexName } : {}),
      KeyConditionExpression: '#id = :id',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: { ':id': subject.email },
      ...(projection ? { ProjectionExpression: projection.map((_, i) => `#p${i}`).join(', ') } : {}),
      ExclusiveStartKey,
    }));
    for (const item of out.Items ?? []) yield item;
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
}

const DAY_MS = 86_400_000;

/**
 * The organisation's own DynamoDB tables. Export streams the subject's items; erasure does what
 * the register declares for the store: delete, anonymise (strip identifying attributes), keep under
 * a legal hold (restricted, deleted when the hold ends), or delete and suppress (a keyed hash of the
 * address is kept so it is not added again by mistake).
 */
export const dynamodbProcessor: SyncProcessorKind<DynamoDbProcessor> = {
  mode: 'sync',

  async exportData(p, subject, out) {
    for await (const item of subjectItems(p, subject)) await out.write(item);
  },

  async erase(p, subject, { request, controller }) {
    const key = await tableKey(p.table);
    // Keys first, then writes: changing items while paging an index over them could skip some.
    const keys: Record<string, unknown>[] = [];
    for await (const item of subjectItems(p, subject, key)) keys.push(Object.fromEntries(key.map((k) => [k, item[k]])));
    const keyNames = Object.fromEntries(key.map((k, i) => [`#k${i}`, k]));
    const keyExists = key.map((_, i) => `attribute_exists(#k${i})`).join(' AND ');
    // Measured from when the request was received, so a retry computes the same dates.
    const from = Date.parse(request.receivedAt ?? request.createdAt);
    const rule = p.erasure;
    const holdUntil = rule.mode === 'legal_hold' ? new Date(from + rule.holdDays * DAY_MS).toISOString() : undefined;

    let recordCount = 0;
    for (const Key of keys) {
      try {
        if (rule.mode === 'delete' || rule.mode === 'suppress') {
          await ddb.send(new DeleteCommand({ TableName: p.table, Key, ConditionExpression: keyExists, ExpressionAttributeNames: keyNames }));
        } else if (rule.mode === 'anonymise') {
          const names = { ...keyNames, ...Object.fromEntries(rule.identifyingAttributes.map((a, i) => [`#a${i}`, a])) };
          await ddb.send(new UpdateCommand({
            TableName: p.table,
            Key,
            UpdateExpression: `SET anonymisedAt = :at REMOVE ${rule.identifyingAttributes.map((_, i) => `#a${i}`).join(', ')}`,
            ConditionExpression: keyExists,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':at': new Date().toISOString() },
          }));
        } else {
          // Art. 18(2): restricted data is only stored, used for nothing else until the hold ends.
          await ddb.send(new UpdateCommand({
            TableName: p.table,
            Key,
            UpdateExpression: 'SET restricted = :yes, holdUntil = :until, holdBasis = :basis',
            ConditionExpression: keyExists,
            ExpressionAttributeNames: keyNames,
            ExpressionAttributeValues: { ':yes': true, ':until': holdUntil, ':basis': rule.legalBasis },
          }));
        }
        recordCount++;
      } catch (err) {
        // Gone since we listed it (a concurrent retry): already erased, not counted twice.
        if (!isConditionFailure(err)) throw err;
      }
    }

    if (rule.mode === 'legal_hold') {
      if (keys.length > 0) {
        await schedule({ kind: 'legal_hold_end', controllerId: controller.id, requestId: request.requestId, processorId: p.id, dueAt: holdUntil!, table: p.table, keys });
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
};
