/**
 * The requests table and the single-item operations its repositories share. Every write is one
 * conditional write of one item: it scales, and the local runtime's DynamoDB has no transactions.
 */
import { DeleteCommand, GetCommand, PutCommand, type QueryCommandInput, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from '../aws/dynamodb';
import { requiredEnv } from '../config';
import { type Condition, conditionExpression, notExists, type UpdateSpec, updateExpression } from './expressions';
import { type ItemKey, withoutKey } from './keys';
import { paginate } from './paginate';

let name: string | undefined;
/** The requests table's name, read when first used: many modules load the data layer, fewer use it. */
export const requestsTable = (): string => (name ??= requiredEnv('REQUESTS_TABLE'));

/** One item by key, without its key attributes; consistent unless asked otherwise. */
export async function getItem<T>(key: ItemKey, { consistent = true }: { consistent?: boolean } = {}): Promise<T | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: requestsTable(), Key: key, ...(consistent ? { ConsistentRead: true } : {}) }));
  return withoutKey<T>(out.Item);
}

/** Writes a whole item (overwriting one with the same key unless `condition` says otherwise); a failed condition throws. */
export async function putItem(key: ItemKey, attributes: object, condition?: Condition): Promise<void> {
  await ddb.send(new PutCommand({ TableName: requestsTable(), Item: { ...key, ...attributes }, ...(condition ? conditionExpression(condition) : {}) }));
}

/** Writes a new item; false when one with the same key exists already. */
export async function putNew(key: ItemKey, attributes: object): Promise<boolean> {
  try {
    await putItem(key, attributes, notExists('pk'));
    return true;
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

export async function deleteItem(key: ItemKey): Promise<void> {
  await ddb.send(new DeleteCommand({ TableName: requestsTable(), Key: key }));
}

/** One update of one item, returning the item as it is after (or was before, with `ALL_OLD`) without its key; a failed condition throws. */
export async function update(key: ItemKey, spec: UpdateSpec, returnValues: 'ALL_NEW' | 'ALL_OLD' | 'NONE' = 'NONE'): Promise<Record<string, unknown>> {
  const out = await ddb.send(
    new UpdateCommand({
      TableName: requestsTable(),
      Key: key,
      ...updateExpression(spec),
      ...(returnValues !== 'NONE' ? { ReturnValues: returnValues } : {}),
    }),
  );
  return withoutKey<Record<string, unknown>>(out.Attributes ?? {});
}

/** {@link update}, or false when its condition did not hold. */
export async function updateItem(
  key: ItemKey,
  spec: UpdateSpec,
  returnValues: 'ALL_NEW' | 'ALL_OLD' | 'NONE' = 'NONE',
): Promise<Record<string, unknown> | false> {
  try {
    return await update(key, spec, returnValues);
  } catch (err) {
    if (isConditionFailure(err)) return false;
    throw err;
  }
}

/** Every item a Query of the requests table finds, page by page, without the key attributes unless `withKeys`. */
export async function* queryItems<T>(input: Omit<QueryCommandInput, 'TableName'>, { withKeys = false } = {}): AsyncGenerator<T> {
  for await (const item of paginate({ query: { TableName: requestsTable(), ...input } })) yield (withKeys ? item : withoutKey(item)) as T;
}
