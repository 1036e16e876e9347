/**
 * The requests table as the suites and the benchmarks read it behind the service's back: its name,
 * the keys of a request and a branch, and the few reads they make (never the service's own code).
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { PACKAGE_BUCKET, REQUESTS_TABLE } from '../../local/provision.ts';
import { poll } from './poll.ts';
import { FINAL_STATUSES } from './requests.ts';

/** The table every request, branch and audit event is in (as the local runtime provisions it). */
export { REQUESTS_TABLE };

/** A request's item. */
export const requestKey = (requestId: string) => ({ pk: `REQ#${requestId}`, sk: 'REQUEST' });
/** One processor's branch of a request. */
export const branchKey = (requestId: string, processorId: string) => ({ pk: `REQ#${requestId}`, sk: `BRANCH#${processorId}` });

/**
 * A client of the emulated DynamoDB at `endpoint`. It names its region and keys, so it works in a
 * process the runtime has not set up (the crash suite's runtime is another process); `maxAttempts`
 * for a DynamoDB that may be down for a moment.
 */
export function documentClient(endpoint: string, maxAttempts?: number): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      ...(maxAttempts ? { maxAttempts } : {}),
    }),
  );
}

/** A client of the runtime's S3 (s3rver), for reading what the service put in its buckets. */
export function bucketClient(endpoint: string): S3Client {
  return new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
}

/** The keys of the files requests came with (`entries/`: mandates, recorded requests' files) in the package bucket. */
export async function requestFileKeys(s3Endpoint: string): Promise<string[]> {
  const listed = await bucketClient(s3Endpoint).send(new ListObjectsV2Command({ Bucket: PACKAGE_BUCKET, Prefix: 'entries/' }));
  return (listed.Contents ?? []).map((o) => o.Key!);
}

/** A request's item as stored, or undefined. */
export async function storedRequest(db: DynamoDBDocumentClient, requestId: string, consistent = true): Promise<Record<string, unknown> | undefined> {
  return (await db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: requestKey(requestId), ...(consistent ? { ConsistentRead: true } : {}) }))).Item;
}

/** A branch's item as stored (read consistently), or undefined. */
export async function storedBranch(db: DynamoDBDocumentClient, requestId: string, processorId: string): Promise<Record<string, any> | undefined> {
  return (await db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey(requestId, processorId), ConsistentRead: true }))).Item;
}

/** How many items hold an email address, as the subject's or as the one a representative acts for (a Scan). */
export async function itemsWithAddress(db: DynamoDBDocumentClient, address: string): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: REQUESTS_TABLE,
        FilterExpression: 'email = :a OR onBehalfOf.email = :a',
        ExpressionAttributeValues: { ':a': address },
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

/**
 * Polls a request's item until its close is seen through: final, and out of the open index, which
 * is the close's last write (functions/workflow/close.ts). The status link says final a moment
 * earlier, before the close's event is on the trail; a test reading the trail waits for this.
 */
export async function waitForClosed(db: DynamoDBDocumentClient, requestId: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  return poll(
    async () => {
      const item = await storedRequest(db, requestId);
      return item && FINAL_STATUSES.includes(String(item.status)) && item.openCtl === undefined ? item : undefined;
    },
    { timeoutMs, failure: () => `request ${requestId} not closed after ${timeoutMs} ms` },
  );
}

/**
 * Leaves a request as a crash between a close and its event does: closed as `status` at `at` (its
 * history says so), its address and name gone, still in the open index, no event on the trail.
 */
export async function closeWithoutEvent(db: DynamoDBDocumentClient, requestId: string, status: string, at: string): Promise<void> {
  await db.send(
    new UpdateCommand({
      TableName: REQUESTS_TABLE,
      Key: requestKey(requestId),
      UpdateExpression: 'SET #s = :s, #h = list_append(#h, :h), personalDataErasedAt = :at REMOVE email, #n',
      ExpressionAttributeNames: { '#s': 'status', '#h': 'history', '#n': 'name' },
      ExpressionAttributeValues: { ':s': status, ':h': [{ status, at }], ':at': at },
    }),
  );
}

/** Requests' items by id (BatchGet, 100 at a time); `attributes` limits what is read of each. */
export async function requestItems(
  db: DynamoDBDocumentClient,
  ids: string[],
  { attributes, consistent = true }: { attributes?: string[]; consistent?: boolean } = {},
): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  const projection = attributes
    ? {
        ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      }
    : {};
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map(requestKey);
    while (keys?.length) {
      const res: BatchGetCommandOutput = await db.send(
        new BatchGetCommand({ RequestItems: { [REQUESTS_TABLE]: { Keys: keys, ...(consistent ? { ConsistentRead: true } : {}), ...projection } } }),
      );
      for (const item of res.Responses?.[REQUESTS_TABLE] ?? []) out.set(item.requestId as string, item);
      keys = res.UnprocessedKeys?.[REQUESTS_TABLE]?.Keys;
    }
  }
  return out;
}

/** Everything stored under a request: the request, its branches and its audit events. */
export async function requestPartition(db: DynamoDBDocumentClient, requestId: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const res = await db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `REQ#${requestId}` },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    items.push(...(res.Items ?? []));
    ExclusiveStartKey = res.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

/** How many items the table holds (a Scan: fine in a test, never in the service). */
export async function countItems(db: DynamoDBDocumentClient, counted?: (item: Record<string, unknown>) => boolean): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({ TableName: REQUESTS_TABLE, ExclusiveStartKey: start, ...(counted ? { ProjectionExpression: 'pk, sk, event' } : { Select: 'COUNT' }) }),
    );
    count += counted ? (page.Items ?? []).filter(counted).length : (page.Count ?? 0);
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}
