import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  and,
  beginsWith,
  conditionExpression,
  eq,
  exists,
  isIn,
  lt,
  ne,
  not,
  notExists,
  or,
  projectionExpression,
  queryExpression,
  scanExpression,
  updateExpression,
} from '../../../functions/platform/data/expressions';
import {
  auditEventKey,
  auditPartition,
  branchKey,
  identityKey,
  isBranchItem,
  isRequestItem,
  opendsrLinkKey,
  rateLimitKey,
  requestIdOf,
  requestKey,
  restrictedKey,
  retentionRunKey,
  retentionRunTrail,
  scheduledErasureKey,
  suppressionKey,
  transparencyKey,
  transparencyTallyKey,
  withoutKey,
} from '../../../functions/platform/data/keys';
import { all, batchGet, first, paginate } from '../../../functions/platform/data/paginate';

describe('keys', () => {
  it('gives each item kind the key the data model documents', () => {
    expect(requestKey('r1')).toEqual({ pk: 'REQ#r1', sk: 'REQUEST' });
    expect(branchKey('r1', 'crm')).toEqual({ pk: 'REQ#r1', sk: 'BRANCH#crm' });
    expect(auditEventKey('r1', 7)).toEqual({ pk: 'REQ#r1', sk: 'AUDIT#000007' });
    expect(scheduledErasureKey({ controllerId: 'c', dueAt: '2026-01-01T00:00:00.000Z', kind: 'legal_hold_end', requestId: 'r1', processorId: 'p' })).toEqual({
      pk: 'DUE#c',
      sk: '2026-01-01T00:00:00.000Z#legal_hold_end#r1#p',
    });
    expect(restrictedKey('r1', 'p')).toEqual({ pk: 'RESTRICTED#r1', sk: 'p' });
    expect(identityKey('c', 'h', '2026-01-01T00:00:00.000Z', 'r1')).toEqual({ pk: 'SUBJECT#c#h', sk: '2026-01-01T00:00:00.000Z#r1' });
    expect(suppressionKey('c', 'p', 'h')).toEqual({ pk: 'SUPPRESS#c#p', sk: 'h' });
    expect(opendsrLinkKey('s1')).toEqual({ pk: 'OPENDSR#s1', sk: 'BRANCH' });
    expect(rateLimitKey('intake-address', 'h', new Date(Date.UTC(2026, 0, 1, 10)))).toEqual({
      pk: 'LIMIT#intake-address#h',
      sk: '2026-01-01T10:00:00.000Z',
    });
    expect(transparencyKey('c')).toEqual({ pk: 'REPORT#c', sk: 'TRANSPARENCY' });
    expect(transparencyTallyKey('c', 2026)).toEqual({ pk: 'REPORT#c', sk: 'TRANSPARENCY#TALLY#2026' });
    expect(retentionRunKey('c', '2026-01-01T03:00:00.000Z', 'rule')).toEqual({ pk: 'RETENTION#c', sk: '2026-01-01T03:00:00.000Z#rule' });
  });

  it('keeps a retention run’s trail in a partition of its own, named in full', () => {
    const trail = retentionRunTrail({ controllerId: 'c', ruleId: 'rule', runAt: '2026-01-01T03:00:00.000Z' });
    expect(trail).toBe('RETENTION_RUN#c#rule#2026-01-01T03:00:00.000Z');
    expect(auditPartition(trail)).toBe(trail);
    expect(auditEventKey(trail, 1)).toEqual({ pk: trail, sk: 'AUDIT#000001' });
  });

  it('sorts audit events in chain order, before branches and the request', () => {
    const sks = [requestKey('r').sk, branchKey('r', 'a').sk, auditEventKey('r', 10).sk, auditEventKey('r', 9).sk];
    expect([...sks].sort()).toEqual(['AUDIT#000009', 'AUDIT#000010', 'BRANCH#a', 'REQUEST']);
  });

  it('reads keys back', () => {
    expect(requestIdOf(requestKey('r-42').pk)).toBe('r-42');
    expect(isRequestItem(requestKey('r'))).toBe(true);
    expect(isBranchItem(branchKey('r', 'p'))).toBe(true);
    expect(isBranchItem(requestKey('r'))).toBe(false);
    expect(withoutKey({ ...requestKey('r'), status: 'received' })).toEqual({ status: 'received' });
    expect(withoutKey(undefined)).toBeUndefined();
  });
});

describe('expressions', () => {
  it('builds SET, ADD and REMOVE with generated names and values, leaving out undefined values', () => {
    expect(
      updateExpression({
        set: { status: 'in_progress', name: undefined },
        increment: { version: 1 },
        append: { history: [{ status: 'in_progress' }] },
        setIfMissing: { startedAt: 't' },
        setPaths: [[['extension', 'notifiedAt'], 'n']],
        add: { count: 1 },
        remove: ['reviewTaskToken', ['infoRequest', 'sendStartedAt']],
        condition: and(exists('pk'), isIn('status', ['received', 'in_review'])),
      }),
    ).toEqual({
      UpdateExpression:
        'SET #n0 = #n0 + :v0, #n1 = list_append(#n1, :v1), #n2 = if_not_exists(#n2, :v2), #n3.#n4 = :v3, #n5 = :v4 ADD #n6 :v5 REMOVE #n7, #n8.#n9',
      ConditionExpression: 'attribute_exists(#n10) AND #n5 IN (:v6, :v7)',
      ExpressionAttributeNames: {
        '#n0': 'version',
        '#n1': 'history',
        '#n2': 'startedAt',
        '#n3': 'extension',
        '#n4': 'notifiedAt',
        '#n5': 'status',
        '#n6': 'count',
        '#n7': 'reviewTaskToken',
        '#n8': 'infoRequest',
        '#n9': 'sendStartedAt',
        '#n10': 'pk',
      },
      ExpressionAttributeValues: {
        ':v0': 1,
        ':v1': [{ status: 'in_progress' }],
        ':v2': 't',
        ':v3': 'n',
        ':v4': 'in_progress',
        ':v5': 1,
        ':v6': 'received',
        ':v7': 'in_review',
      },
    });
  });

  it('parenthesises only what is combined, and leaves out conditions not given', () => {
    const c = and(exists('pk'), notExists('sent'), or(notExists('claim'), lt('claim', 'x')), undefined);
    expect(conditionExpression(c)).toEqual({
      ConditionExpression: 'attribute_exists(#n0) AND attribute_not_exists(#n1) AND (attribute_not_exists(#n2) OR #n2 < :v0)',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'sent', '#n2': 'claim' },
      ExpressionAttributeValues: { ':v0': 'x' },
    });
    expect(conditionExpression(and(eq('a', 1))).ConditionExpression).toBe('#n0 = :v0');
    expect(conditionExpression(not(isIn('status', ['completed', 'failed']))).ConditionExpression).toBe('NOT (#n0 IN (:v0, :v1))');
  });

  it('never splits an attribute name on a dot; a nested path is a list', () => {
    expect(conditionExpression(ne('a.b', 1)).ExpressionAttributeNames).toEqual({ '#n0': 'a.b' });
    expect(conditionExpression(ne(['a', 'b'], 1)).ConditionExpression).toBe('#n0.#n1 <> :v0');
  });

  it('puts strings in and takes them out of a string set, leaving out empty ones', () => {
    expect(updateExpression({ set: { x: 1 }, addToSet: { owed: ['a', 'b'], none: [] }, deleteFromSet: { done: ['c'] } })).toEqual({
      UpdateExpression: 'SET #n0 = :v0 ADD #n1 :v1 DELETE #n2 :v2',
      ExpressionAttributeNames: { '#n0': 'x', '#n1': 'owed', '#n2': 'done' },
      ExpressionAttributeValues: { ':v0': 1, ':v1': new Set(['a', 'b']), ':v2': new Set(['c']) },
    });
    expect(() => updateExpression({ deleteFromSet: { done: [] } })).toThrow(/must change something/);
  });

  it('leaves out empty maps, and refuses an update that changes nothing', () => {
    expect(updateExpression({ remove: ['x'] })).toEqual({ UpdateExpression: 'REMOVE #n0', ExpressionAttributeNames: { '#n0': 'x' } });
    expect(() => updateExpression({ set: { x: undefined } })).toThrow(/must change something/);
  });

  it('builds key conditions, filters and projections for reads', () => {
    expect(queryExpression(and(eq('pk', 'REQ#r'), beginsWith('sk', 'AUDIT#')), { projection: ['seq'] })).toEqual({
      KeyConditionExpression: '#n0 = :v0 AND begins_with(#n1, :v1)',
      ProjectionExpression: '#n2',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': 'sk', '#n2': 'seq' },
      ExpressionAttributeValues: { ':v0': 'REQ#r', ':v1': 'AUDIT#' },
    });
    expect(scanExpression({ filter: lt('createdAt', 'c'), projection: ['id', 'createdAt'] })).toEqual({
      FilterExpression: '#n0 < :v0',
      ProjectionExpression: '#n1, #n0',
      ExpressionAttributeNames: { '#n0': 'createdAt', '#n1': 'id' },
      ExpressionAttributeValues: { ':v0': 'c' },
    });
    expect(projectionExpression(['requestId', 'status'])).toEqual({
      ProjectionExpression: '#n0, #n1',
      ExpressionAttributeNames: { '#n0': 'requestId', '#n1': 'status' },
    });
  });
});

/** A document client whose `send` answers from `respond` and records each command's input. */
function fakeClient(respond: (command: unknown, call: number) => unknown) {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'eu-west-1', endpoint: 'http://127.0.0.1:9' }));
  const calls: Record<string, unknown>[] = [];
  client.send = (async (command: { input: Record<string, unknown> }) => {
    calls.push(structuredClone(command.input));
    return respond(command, calls.length);
  }) as typeof client.send;
  return { client, calls };
}

describe('paginate', () => {
  const pagesOf = [[{ n: 1 }, { n: 2 }], [{ n: 3 }], []];

  it('follows the continuation keys of a Query, page after page, and yields every item', async () => {
    const { client, calls } = fakeClient((command, call) => {
      expect(command).toBeInstanceOf(QueryCommand);
      return { Items: pagesOf[call - 1], ...(call < 3 ? { LastEvaluatedKey: { pk: `k${call}` } } : {}) };
    });
    const input = { TableName: 't', KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'x' } };
    expect(await all(paginate({ query: input }, { client }))).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(calls.map((c) => c.ExclusiveStartKey)).toEqual([undefined, { pk: 'k1' }, { pk: 'k2' }]);
    expect(calls.every((c) => c.TableName === 't' && c.KeyConditionExpression === 'pk = :pk')).toBe(true);
    // The caller's input is left as it was, so it can be used again.
    expect(input).not.toHaveProperty('ExclusiveStartKey');
  });

  it('pages through a Scan the same way', async () => {
    const { client, calls } = fakeClient((command, call) => {
      expect(command).toBeInstanceOf(ScanCommand);
      return call === 1 ? { Items: [{ n: 1 }], LastEvaluatedKey: { id: 1 } } : { Items: [{ n: 2 }] };
    });
    expect(await all(paginate({ scan: { TableName: 'store', ConsistentRead: true } }, { client }))).toEqual([{ n: 1 }, { n: 2 }]);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ TableName: 'store', ConsistentRead: true, ExclusiveStartKey: { id: 1 } });
  });

  it('reads no further page than the caller takes', async () => {
    const { client, calls } = fakeClient(() => ({ Items: [{ n: 1 }, { n: 2 }], LastEvaluatedKey: { pk: 'more' } }));
    expect(await first(paginate({ query: { TableName: 't', Limit: 1 } }, { client }))).toEqual({ n: 1 });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.Limit).toBe(1);
  });

  it('passes a read’s failure on', async () => {
    const { client } = fakeClient(() => {
      throw Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' });
    });
    await expect(all(paginate({ query: { TableName: 't' } }, { client }))).rejects.toThrow('slow down');
  });

  it('gets items by key a hundred a call, asking again for the keys left unprocessed', async () => {
    const keys = Array.from({ length: 150 }, (_, i) => ({ pk: `REQ#${i}`, sk: 'REQUEST' }));
    const { client, calls } = fakeClient((command, call) => {
      expect(command).toBeInstanceOf(BatchGetCommand);
      const asked = (command as BatchGetCommand).input.RequestItems!.t!.Keys!;
      // The first call leaves its last key unprocessed.
      const unprocessed = call === 1 ? asked.slice(-1) : [];
      const answered = asked.slice(0, asked.length - unprocessed.length).map((k) => ({ id: k.pk }));
      return { Responses: { t: answered }, UnprocessedKeys: unprocessed.length ? { t: { Keys: unprocessed } } : {} };
    });
    const items = await all(batchGet<{ id: string }>('t', keys, projectionExpression(['id']), { client }));
    expect(items.map((i) => i.id).sort()).toEqual(keys.map((k) => k.pk).sort());
    expect(calls.map((c) => (c.RequestItems as Record<string, { Keys: unknown[] }>).t!.Keys.length)).toEqual([100, 1, 50]);
  });
});
