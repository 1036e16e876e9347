/**
 * Writes to a controller's own DynamoDB store by primary key, shared by the dynamodb processor
 * (a subject's request) and the retention sweep (a rule the register declares), so an erasure is
 * the same whichever asked for it. Every write is conditional and safe to repeat.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from '../../platform/aws/dynamodb';

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

/** A condition a write to one item must meet, with the names and values it uses. */
export interface ItemCondition {
  expression: string;
  names: Record<string, string>;
  values?: Record<string, unknown>;
}

/** The condition "the item still exists" for a table's key: a write never creates an item. */
export function keyExists(key: readonly string[]): ItemCondition {
  return {
    expression: key.map((_, i) => `attribute_exists(#k${i})`).join(' AND '),
    names: Object.fromEntries(key.map((k, i) => [`#k${i}`, k])),
  };
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
export function eraseItem(table: string, Key: Record<string, unknown>, erasure: ItemErasure, condition: ItemCondition, at = new Date()): Promise<boolean> {
  return conditionally(() => {
    if (erasure.mode === 'delete') {
      return ddb.send(
        new DeleteCommand({
          TableName: table,
          Key,
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: condition.names,
          ...(condition.values ? { ExpressionAttributeValues: condition.values } : {}),
        }),
      );
    }
    const stripped = Object.fromEntries(erasure.identifyingAttributes.map((a, i) => [`#a${i}`, a]));
    return ddb.send(
      new UpdateCommand({
        TableName: table,
        Key,
        UpdateExpression: `SET anonymisedAt = :anonymisedAt REMOVE ${Object.keys(stripped).join(', ')}`,
        ConditionExpression: condition.expression,
        ExpressionAttributeNames: { ...condition.names, ...stripped },
        ExpressionAttributeValues: { ...condition.values, ':anonymisedAt': at.toISOString() },
      }),
    );
  });
}
