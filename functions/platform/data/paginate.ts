/**
 * The one way to read more than one page: every Query and Scan of the service, on the requests
 * table or a controller's own store, goes through {@link paginate}, which follows DynamoDB's
 * continuation keys with the SDK's own paginators.
 */
import {
  type DynamoDBDocumentClient,
  paginatedBatchGet,
  paginateQuery,
  paginateScan,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ddb } from '../aws/dynamodb';

/** What to read: a Query or a Scan, with its full input (table, expressions, index). */
export type ReadRequest = { query: QueryCommandInput } | { scan: ScanCommandInput };

/** Where to read: the function's client unless another is given (the local runtime, a test). */
export interface PaginateOptions {
  client?: DynamoDBDocumentClient;
}

/** Every page of a Query or Scan, in order: the items of each, read one page at a time. */
export async function* pages(request: ReadRequest, { client = ddb }: PaginateOptions = {}): AsyncGenerator<Record<string, unknown>[]> {
  // The SDK's paginators write the continuation key into the input they are given: each run gets its own copy.
  const paginator = 'query' in request ? paginateQuery({ client }, { ...request.query }) : paginateScan({ client }, { ...request.scan });
  for await (const page of paginator) yield page.Items ?? [];
}

/** Every item of a Query or Scan, in order, read a page at a time; stop early by leaving the loop. */
export async function* paginate<T = Record<string, unknown>>(request: ReadRequest, options: PaginateOptions = {}): AsyncGenerator<T> {
  for await (const items of pages(request, options)) yield* items as T[];
}

/** Everything an async iterable yields, as an array. */
export async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The first item an async iterable yields (reading no further), or undefined. */
export async function first<T>(items: AsyncIterable<T>): Promise<T | undefined> {
  for await (const item of items) return item;
  return undefined;
}

/**
 * Items of one table by key, a hundred a call (BatchGetItem's limit), asking again for the keys
 * DynamoDB left unprocessed.
 */
export async function* batchGet<T = Record<string, unknown>>(
  table: string,
  keys: readonly object[],
  read: { ProjectionExpression?: string; ExpressionAttributeNames?: Record<string, string> } = {},
  { client = ddb }: PaginateOptions = {},
): AsyncGenerator<T> {
  for (let i = 0; i < keys.length; i += 100) {
    const input = { RequestItems: { [table]: { Keys: keys.slice(i, i + 100) as Record<string, unknown>[], ...read } } };
    for await (const page of paginatedBatchGet({ client }, input)) yield* (page.Responses?.[table] ?? []) as T[];
  }
}
