import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerDemoTasks, branchKey, documentClient, REQUESTS_TABLE, sleep, submitConfirmed, useRuntime, waitForFinal } from '../harness';

/**
 * DynamoDB's global secondary indexes are eventually consistent; the local runtime holds a written
 * item out of them for `indexLagMs` (docs/ARCHITECTURE.md, "Local runtime"). Here the lag is long
 * enough that a step listing an index right after a write cannot see it, and shorter than the
 * erasure's settle interval (INDEX_SETTLE_MS, 1 s), as AWS's usual lag is.
 */
const LAG_MS = 800;
const MEMBERS = 'demo-members';

/** Set when the workflow first enters RunProcessor; the test writes the subject's late item then. */
let onRunProcessor: (() => void) | undefined;
const local = useRuntime({
  indexLagMs: LAG_MS,
  meter: {
    transition(stateName) {
      if (stateName !== 'RunProcessor' || !onRunProcessor) return;
      const write = onRunProcessor;
      onRunProcessor = undefined;
      write();
    },
  },
});

const byEmailQuery = (email: string) => ({
  TableName: MEMBERS,
  IndexName: 'by-email',
  KeyConditionExpression: 'email = :e',
  ExpressionAttributeValues: { ':e': email },
});

/** DynamoDB as the service reaches it, index lag included (`local.db` reads the table behind its back, without). */
let lagged: DynamoDBDocumentClient;
beforeAll(() => {
  lagged = documentClient(local.rt.urls.dynamodb);
});

const byEmail = async (email: string) => (await lagged.send(new QueryCommand(byEmailQuery(email)))).Items ?? [];

describe('index lag, as DynamoDB’s eventual consistency has it', () => {
  it('keeps a written item out of a global secondary index for a while, never out of the table', async () => {
    const item = { memberId: 'm-lag-1', email: 'lag-probe@example.org', name: 'Probe' };
    await lagged.send(new PutCommand({ TableName: MEMBERS, Item: item }));
    expect(await byEmail(item.email)).toEqual([]);
    expect((await local.db.send(new QueryCommand(byEmailQuery(item.email)))).Items).toEqual([item]);
    expect((await local.db.send(new GetCommand({ TableName: MEMBERS, Key: { memberId: item.memberId }, ConsistentRead: true }))).Item).toEqual(item);
    await sleep(LAG_MS + 50);
    expect(await byEmail(item.email)).toEqual([item]);
  });

  it('erases at a dynamodb store an item written just before the erasure listed the index', async () => {
    // cecilia@example.org has no membership: the one the erasure must find is written as the workflow reaches the stores.
    const email = 'cecilia@example.org';
    const late = { memberId: 'm-late-1', email, name: 'Cecilia' };
    let written: Promise<unknown> | undefined;
    onRunProcessor = () => {
      written = lagged.send(new PutCommand({ TableName: MEMBERS, Item: late }));
    };
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email, locale: 'en' });
    await answerDemoTasks(local.rt, requestId);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    expect(written).toBeDefined();
    await written;

    expect((await local.db.send(new GetCommand({ TableName: MEMBERS, Key: { memberId: late.memberId }, ConsistentRead: true }))).Item).toBeUndefined();
    const branch = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey(requestId, 'members'), ConsistentRead: true }))).Item;
    expect(branch).toMatchObject({ status: 'completed', recordCount: 1 });
  });
});
