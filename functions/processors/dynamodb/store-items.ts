/**
 * Writes to a controller's own DynamoDB store by primary key, shared by the dynamodb processor
 * (a subject's request) and the retention sweep (a rule the register declares), so an erasure is
 * the same whichever asked for it. Every write is conditional and safe to repeat.
 */
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from '../../platform/aws/dynamodb';
import { and, type Condition, conditionExpression, exists, updateExpression } from '../../platform/data/expressions';

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
