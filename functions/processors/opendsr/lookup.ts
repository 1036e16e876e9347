/**
 * How a callback finds its branch without a Scan: one small item per OpenDSR request in the
 * requests table, keyed by the `subject_request_id` we generated.
 *
 * | `pk` | `sk` | attributes |
 * |---|---|---|
 * | `OPENDSR#<subject_request_id>` | `BRANCH` | `requestId`, `processorId`, `controllerId`, `callbackUrl`, `createdAt`, `lastCallbackAt?` |
 *
 * Ids, a URL of ours and times only: no personal data.
 */
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, isConditionFailure } from '../../platform/aws/dynamodb';
import { requiredEnv } from '../../platform/env';

/** Read when first used: the module is loaded by every handler that knows the processor kinds. */
let table: string | undefined;
const TABLE = () => (table ??= requiredEnv('REQUESTS_TABLE'));

const key = (subjectRequestId: string) => ({ pk: `OPENDSR#${subjectRequestId}`, sk: 'BRANCH' });

export interface OpendsrLink {
  subjectRequestId: string;
  requestId: string;
  processorId: string;
  controllerId: string;
  /** The callback URL we sent the processor; a callback must name exactly this one (§8.8 step 6). */
  callbackUrl: string;
  createdAt: string;
  /** When a callback last told us the status. */
  lastCallbackAt?: string;
}

/** Records the link before the request goes out; a second put for the same id (a retry) keeps the first. */
export async function putLink(link: Omit<OpendsrLink, 'lastCallbackAt'>): Promise<void> {
  try {
    await ddb.send(
      new PutCommand({
        TableName: TABLE(),
        Item: { ...key(link.subjectRequestId), ...link },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}

export async function getLink(subjectRequestId: string): Promise<OpendsrLink | undefined> {
  const out = await ddb.send(new GetCommand({ TableName: TABLE(), Key: key(subjectRequestId), ConsistentRead: true }));
  if (!out.Item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = out.Item;
  return rest as OpendsrLink;
}

/** Notes that a callback came (the sweep polls only when none came for `pollAfterMinutes`). */
export async function touchLink(subjectRequestId: string, at: Date): Promise<void> {
  try {
    await ddb.send(
      new UpdateCommand({
        TableName: TABLE(),
        Key: key(subjectRequestId),
        UpdateExpression: 'SET lastCallbackAt = :at',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
  }
}
