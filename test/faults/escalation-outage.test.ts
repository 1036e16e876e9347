/**
 * Regressions (found by the fault suite): a branch that failed while SES was down was never
 * escalated. RecordBranchFailure claimed the escalation, the DPO's email failed, and the step's
 * retry found the escalation claimed already (the claim is written before the email, so that it
 * goes once) and did nothing more. Now an unsent escalation gives its claim back and the retry escalates.
 * And when SES stays down through every retry of the step, Route escalates before the closing review.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DPO, REQUESTS_TABLE, type Runtime, removeDir, start, tempDataDir } from '../harness';
import { db, requestPartition } from './drive';
import { type FlakyProxy, sentEmails, startFlakyProxy } from './flaky-proxy';

let rt: Runtime;
let dataDir: string;
let ses: FlakyProxy;

beforeAll(async () => {
  dataDir = tempDataDir();
  ses = await startFlakyProxy(() => rt.urls.ses, 0, true);
  rt = await start(dataDir, undefined, { handlerEndpoints: { ses: ses.url }, sweepOnStart: false });
  // The test runs Route's and RecordBranchFailure's code itself, with what their functions are given.
  const { configure } = await import('../../functions/platform/config');
  const { secrets } = await import('../../functions/platform/aws/secrets');
  await configure(secrets, 'REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'SUPPRESSION_KEY_SECRET');
});

afterAll(async () => {
  await rt?.stop();
  await ses?.stop();
  if (dataDir) removeDir(dataDir);
});

const svc = { gateway: () => rt.urls.gateway, dynamodb: () => rt.urls.dynamodb };
const toDpo = (requestId: string) => sentEmails(ses).filter((m) => m.to.includes(DPO) && m.subject.includes(requestId));

/** A request whose branches have all ended, the newsletter's failed and not escalated; `branch` adds to it. */
async function endedWithAnUntoldFailure(branch: Record<string, unknown> = {}): Promise<string> {
  const requestId = randomUUID();
  const now = new Date().toISOString();
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
  await db(svc).send(
    new PutCommand({
      TableName: REQUESTS_TABLE,
      Item: {
        pk: `REQ#${requestId}`,
        sk: 'REQUEST',
        requestId,
        controllerId: 'demo-association',
        type: 'erasure',
        locale: 'en',
        email: 'dan@example.org',
        status: 'in_progress',
        version: 3,
        createdAt: now,
        verifyExpiresAt: due,
        statusKey: 'k',
        receivedAt: now,
        dueAt: due,
        history: [],
        screenedAt: now,
        plannedAt: now,
      },
    }),
  );
  await db(svc).send(
    new PutCommand({
      TableName: REQUESTS_TABLE,
      Item: {
        pk: `REQ#${requestId}`,
        sk: 'BRANCH#newsletter',
        requestId,
        processorId: 'newsletter',
        kind: 'opendsr',
        action: 'erase',
        status: 'failed',
        attempts: 1,
        errorClass: 'OpendsrUnavailable',
        finishedAt: now,
        ...branch,
      },
    }),
  );
  return requestId;
}

it('tells the DPO of a failed branch before staff are asked about it, when SES was down through every retry of the step that failed it', async () => {
  const requestId = await endedWithAnUntoldFailure();
  const { routeRequest } = await import('../../functions/workflow/routing');

  ses.down = true;
  // The review waits until the DPO can be told: Route fails, and its retries (or the re-drive) try again.
  await expect(routeRequest({ requestId })).rejects.toThrow();
  ses.down = false;
  expect(await routeRequest({ requestId })).toEqual({ requestId, next: 'review', branches: [] });
  expect(await routeRequest({ requestId })).toEqual({ requestId, next: 'review', branches: [] });

  expect(toDpo(requestId).map((m) => m.subject)).toEqual([expect.stringMatching(/^Needs attention: .* failed/)]);
  const partition = await requestPartition(svc, requestId);
  expect(partition.filter((i) => i.event === 'branch_escalated').map((i) => i.detail)).toEqual([{ processorId: 'newsletter', reason: 'failed' }]);
  expect(partition.find((i) => i.sk === 'REQUEST')).toMatchObject({ status: 'in_review', reviewStage: 'closing' });
});

it('escalates again, marked, a failure whose escalation a step stopped at its timeout had claimed, rather than waiting for the claim to run out', async () => {
  const requestId = await endedWithAnUntoldFailure({ escalationStartedAt: new Date(Date.now() - 60_000).toISOString(), escalationReason: 'failed' });
  const { routeRequest } = await import('../../functions/workflow/routing');

  expect(await routeRequest({ requestId })).toEqual({ requestId, next: 'review', branches: [] });

  expect(toDpo(requestId).map((m) => m.subject)).toEqual([expect.stringMatching(/^Sent again: Needs attention: .* failed/)]);
  const partition = await requestPartition(svc, requestId);
  expect(partition.filter((i) => i.event === 'branch_escalated')).toHaveLength(1);
});

it('records the escalation event of a step stopped after telling the DPO, once, and does not tell the DPO again', async () => {
  const escalatedAt = new Date(Date.now() - 60_000).toISOString();
  const requestId = await endedWithAnUntoldFailure({ escalationStartedAt: escalatedAt, escalationReason: 'failed', escalatedAt });
  const { routeRequest } = await import('../../functions/workflow/routing');

  expect(await routeRequest({ requestId })).toEqual({ requestId, next: 'review', branches: [] });
  expect(await routeRequest({ requestId })).toEqual({ requestId, next: 'review', branches: [] });

  expect(toDpo(requestId)).toEqual([]);
  const partition = await requestPartition(svc, requestId);
  expect(partition.filter((i) => i.event === 'branch_escalated').map((i) => [i.at, i.detail])).toEqual([
    [escalatedAt, { processorId: 'newsletter', reason: 'failed' }],
  ]);
});

it('escalates a failed branch once SES is back, even though the first attempt could not email the DPO', async () => {
  const requestId = randomUUID();
  const now = new Date().toISOString();
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString();
  await db(svc).send(
    new PutCommand({
      TableName: REQUESTS_TABLE,
      Item: {
        pk: `REQ#${requestId}`,
        sk: 'REQUEST',
        requestId,
        controllerId: 'demo-association',
        type: 'erasure',
        locale: 'en',
        email: 'dan@example.org',
        status: 'in_progress',
        version: 3,
        createdAt: now,
        verifyExpiresAt: due,
        statusKey: 'k',
        receivedAt: now,
        dueAt: due,
        history: [],
      },
    }),
  );
  await db(svc).send(
    new PutCommand({
      TableName: REQUESTS_TABLE,
      Item: {
        pk: `REQ#${requestId}`,
        sk: 'BRANCH#newsletter',
        requestId,
        processorId: 'newsletter',
        kind: 'opendsr',
        action: 'erase',
        status: 'waiting',
        attempts: 1,
      },
    }),
  );
  const { recordBranchFailure } = await import('../../functions/branches/failure');
  const ref = { requestId, processorId: 'newsletter' };

  ses.down = true;
  await expect(recordBranchFailure(ref, 'OpendsrUnavailable')).rejects.toThrow();
  ses.down = false;
  // Step Functions retries the step
  await recordBranchFailure(ref, 'OpendsrUnavailable');
  await recordBranchFailure(ref, 'OpendsrUnavailable');

  expect(toDpo(requestId).map((m) => m.subject)).toEqual([expect.stringMatching(/^Needs attention: .* failed/)]);
  const partition = await requestPartition(svc, requestId);
  // (each attempt of the step records branch_failed again; the escalation happens once)
  expect(partition.filter((i) => i.event === 'branch_escalated').map((i) => i.detail)).toEqual([{ processorId: 'newsletter', reason: 'failed' }]);
  expect(partition.find((i) => i.sk === 'BRANCH#newsletter')).toMatchObject({
    status: 'failed',
    errorClass: 'OpendsrUnavailable',
    escalatedAt: expect.any(String),
  });
});
