import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDRIVABLE_PERIOD_MS } from '../../local/sfn-executions';
import { answerDemoTasks, documentClient, poll, REQUESTS_TABLE, type Runtime, removeDir, start, submitConfirmed, tempDataDir, waitForFinal } from '../harness';

let rt: Runtime;
let dataDir: string;
/** How far the Step Functions endpoint's clock is ahead of the wall clock (the handlers keep the wall clock). */
let clockAhead = 0;
const sfnClock = () => new Date(Date.now() + clockAhead);
const db = () => documentClient(rt.urls.dynamodb);
const sfn = () => new SFNClient({ endpoint: rt.urls.sfn });

beforeAll(async () => {
  dataDir = tempDataDir();
  rt = await start(dataDir, undefined, { sfnClock });
});

afterAll(async () => {
  await rt?.stop();
  removeDir(dataDir);
});

/** The sweep as the scheduler runs it, in this process (the runtime set its environment). */
async function runSweep() {
  const { handler } = await import('../../functions/handlers/scheduled/sweep');
  return handler();
}

const arnOf = (name: string) => `${rt.stateMachineArn.replace(':stateMachine:', ':execution:')}:${name}`;

async function statusOfExecution(name: string, until?: string): Promise<string | undefined> {
  return poll(
    async () => {
      const { status } = await sfn().send(new DescribeExecutionCommand({ executionArn: arnOf(name) }));
      return !until || status === until ? status : undefined;
    },
    { timeoutMs: 10_000, failure: () => `execution ${name} never ${until}` },
  );
}

/** A confirmed access request stored as confirmation leaves it, for an execution started before it existed. */
async function putReceivedRequest(requestId: string, statusKey: string): Promise<void> {
  const now = new Date().toISOString();
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
  await db().send(
    new PutCommand({
      TableName: REQUESTS_TABLE,
      Item: {
        pk: `REQ#${requestId}`,
        sk: 'REQUEST',
        requestId,
        controllerId: 'demo-association',
        type: 'access',
        locale: 'en',
        email: 'erik@example.org',
        status: 'received',
        version: 2,
        createdAt: now,
        verifyExpiresAt: due,
        statusKey,
        receivedAt: now,
        dueAt: due,
        openCtl: 'demo-association',
        openDue: due,
        history: [
          { status: 'awaiting_verification', at: now },
          { status: 'received', at: now },
        ],
      },
    }),
  );
}

const requestId = randomUUID();

describe('a request whose execution failed more than 14 days ago', () => {
  it('is finished by a new execution, <requestId>-r2, which two sweeps start once and the request records', async () => {
    // The request is not there yet (think: a table outage): Route fails through its retries.
    await sfn().send(new StartExecutionCommand({ stateMachineArn: rt.stateMachineArn, name: requestId, input: JSON.stringify({ requestId }) }));
    expect(await statusOfExecution(requestId, 'FAILED')).toBe('FAILED');

    clockAhead = REDRIVABLE_PERIOD_MS + 60_000;
    const failed = await sfn().send(new DescribeExecutionCommand({ executionArn: arnOf(requestId) }));
    expect([failed.redriveStatus, failed.redriveStatusReason]).toEqual(['NOT_REDRIVABLE', 'Execution redrivable period exceeded']);
    await putReceivedRequest(requestId, 'renewal-test-key');

    const reports = await Promise.all([runSweep(), runSweep()]);
    expect(reports.map((r) => r.failed)).toEqual([0, 0]);
    await answerDemoTasks(rt, requestId);
    const final = await waitForFinal(`${rt.urls.gateway}/v1/requests/${requestId}/status?key=renewal-test-key`);
    expect(final.status).toBe('completed');

    expect(await statusOfExecution(`${requestId}-r2`, 'SUCCEEDED')).toBe('SUCCEEDED');
    const { executions } = await sfn().send(new ListExecutionsCommand({ stateMachineArn: rt.stateMachineArn }));
    expect(executions!.filter((e) => e.name!.startsWith(requestId)).map((e) => [e.name, e.status])).toEqual(
      expect.arrayContaining([
        [requestId, 'FAILED'],
        [`${requestId}-r2`, 'SUCCEEDED'],
      ]),
    );
    expect(executions!.filter((e) => e.name!.startsWith(requestId))).toHaveLength(2);
    const stored = await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }));
    expect(stored.Item!.executionRun).toBe(2);
  }, 60_000);
});

describe("a waiting branch whose wait reached Plan's end (a re-driven wait counts its timeout afresh)", () => {
  it('is ended by the sweep as timed out, never left waiting past the deadline', async () => {
    const { requestId: waiting } = await submitConfirmed(rt, { type: 'access', email: 'frida@example.org' });
    const branchKey = { pk: `REQ#${waiting}`, sk: 'BRANCH#bookkeeping' };
    const branch = await poll(
      async () => {
        const item = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey }))).Item;
        return item?.status === 'waiting' && item.submittedAt ? item : undefined;
      },
      { timeoutMs: 15_000, failure: () => 'the vendor branch never waited' },
    );
    const request = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${waiting}`, sk: 'REQUEST' } }))).Item!;
    expect(branch.waitUntil < request.dueAt).toBe(true);

    // As a wait re-driven days after Plan finds it: its planned end has passed.
    await db().send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: branchKey,
        UpdateExpression: 'SET waitUntil = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );
    const report = await runSweep();
    expect(report.waitsEnded).toBe(1);
    const ended = await poll(
      async () => {
        const item = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey }))).Item;
        return item?.status === 'failed' && item.escalationReason ? item : undefined;
      },
      { timeoutMs: 15_000, failure: () => 'the expired wait was not ended and escalated' },
    );
    expect(ended.errorClass).toBe('WaitExpired');
    expect(ended.escalationReason).toBe('timed_out');
  }, 60_000);
});

describe('after a restart of the runtime', () => {
  it('still knows its executions: the failed one, and the one that finished the request', async () => {
    const ports = rt.ports;
    await rt.stop();
    rt = await start(dataDir, ports, { sfnClock });
    const old = await sfn().send(new DescribeExecutionCommand({ executionArn: arnOf(requestId) }));
    expect([old.status, old.input, old.redriveStatus]).toEqual(['FAILED', JSON.stringify({ requestId }), 'NOT_REDRIVABLE']);
    expect((await sfn().send(new DescribeExecutionCommand({ executionArn: arnOf(`${requestId}-r2`) }))).status).toBe('SUCCEEDED');
  }, 60_000);
});
