import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand, UpdateCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from '../lib/aws/dynamodb';
import type { DynamoDbProcessor } from '../lib/register';
import type { ProcessorKind, Subject } from './types';

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

/**
 * The organisation's own DynamoDB tables. Export streams the subject's items; erasure deletes
 * them or removes their identifying attributes, as the register declares for the store.
 */
export const dynamodbProcessor: ProcessorKind<DynamoDbProcessor> = {
  async exportData(p, subject, out) {
    for await (const item of subjectItems(p, subject)) await out.write(item);
  },

  async erase(p, subject) {
    const key = await tableKey(p.table);
    // Keys first, then writes: changing items while paging an index over them could skip some.
    const keys: Record<string, unknown>[] = [];
    for await (const item of subjectItems(p, subject, key)) keys.push(Object.fromEntries(key.map((k) => [k, item[k]])));
    const keyExists = key.map((_, i) => `attribute_exists(#k${i})`).join(' AND ');
    const keyNames = Object.fromEntries(key.map((k, i) => [`#k${i}`, k]));
    let recordCount = 0;
    for (const Key of keys) {
      try {
        if (p.erasure.mode === 'delete') {
          await ddb.send(new DeleteCommand({ TableName: p.table, Key, ConditionExpression: keyExists, ExpressionAttributeNames: keyNames }));
        } else {
          const names = { ...keyNames, ...Object.fromEntries(p.erasure.identifyingAttributes.map((a, i) => [`#a${i}`, a])) };
          await ddb.send(new UpdateCommand({
            TableName: p.table,
            Key,
            UpdateExpression: `SET anonymisedAt = :at REMOVE ${p.erasure.identifyingAttributes.map((_, i) => `#a${i}`).join(', ')}`,
            ConditionExpression: keyExists,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: { ':at': new Date().toISOString() },
          }));
        }
        recordCount++;
      } catch (err) {
        // Gone since we listed it (a concurrent retry): already erased, not counted twice.
        if (!isConditionFailure(err)) throw err;
      }
    }
    return { recordCount };
  },
};
