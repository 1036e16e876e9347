import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { texts } from '../../web/texts/all';
import {
  answerDemoTasks,
  closeWithoutEvent,
  confirmFromEmail,
  documentClient,
  linksIn,
  mailbox,
  REQUESTS_TABLE,
  type Runtime,
  removeDir,
  STAFF,
  type StoredEmail,
  start,
  statusLinkIn,
  statusOf,
  submit,
  tempDataDir,
  VENDOR,
  waitForEmail,
  waitForFinal,
} from '../harness';

let rt: Runtime;
let dataDir: string;
const db = () => documentClient(rt.urls.dynamodb);

beforeAll(async () => {
  dataDir = tempDataDir();
  rt = await start(dataDir);
});

afterAll(async () => {
  await rt?.stop();
  removeDir(dataDir);
});

/** The sweep as the scheduler runs it, in this process (the runtime set its environment). */
async function runSweep(): Promise<{ closedUnverified: number; closesSeenThrough: number; ensured: number; failed: number }> {
  const { handler } = await import('../../functions/handlers/scheduled/sweep');
  return handler();
}

/**
 * An access request as a crash may leave it: submitted, then confirmed (`status`, received and due
 * now) with `set` besides, and no execution started. Ids, keys and the time used.
 */
async function leftByACrash(email: string, status: string, set: (at: string) => Record<string, unknown>) {
  const { requestId } = await submit(rt, { type: 'access', email });
  await waitForEmail(rt, email);
  const key = { pk: `REQ#${requestId}`, sk: 'REQUEST' };
  const statusKey = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: key }))).Item!.statusKey as string;
  const at = new Date().toISOString();
  const values: Record<string, unknown> = { ':status': status, ':at': at, ':due': new Date(Date.now() + 30 * 86_400_000).toISOString() };
  const names: Record<string, string> = { '#status': 'status' };
  const extra = Object.entries(set(at))
    .map(([k, v], i) => {
      names[`#x${i}`] = k;
      values[`:x${i}`] = v;
      return `, #x${i} = :x${i}`;
    })
    .join('');
  await db().send(
    new UpdateCommand({
      TableName: REQUESTS_TABLE,
      Key: key,
      UpdateExpression: `SET #status = :status, receivedAt = :at, dueAt = :due, openDue = :due${extra} REMOVE verifyTokenHash`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    }),
  );
  return { requestId, key, statusKey, at };
}

/** A confirmed access request, once its email vendor's branch waits for the vendor's answer. */
async function waitingForVendor(email: string): Promise<{ requestId: string; branchKey: { pk: string; sk: string } }> {
  const { requestId } = await submit(rt, { type: 'access', email });
  await confirmFromEmail(rt, await waitForEmail(rt, email));
  const branchKey = { pk: `REQ#${requestId}`, sk: 'BRANCH#bookkeeping' };
  for (let i = 0; (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey }))).Item?.status !== 'waiting'; i++) {
    if (i > 200) throw new Error('the vendor branch never waited');
    await new Promise((r) => setTimeout(r, 100));
  }
  return { requestId, branchKey };
}

/** Waits until a branch's step has written its event (`branch_submitted`, `branch_completed`): nothing of the step still to land. */
async function eventRecorded(requestId: string, processorId: string, event = 'branch_submitted'): Promise<void> {
  const { listAudit } = await import('../../functions/platform/data/audit');
  const recorded = async () => (await listAudit(requestId)).some((e) => e.event === event && e.detail?.processorId === processorId);
  for (let i = 0; !(await recorded()); i++) {
    if (i > 200) throw new Error(`${processorId}: no ${event}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The vendor's branch once it went out, and its submit step is done. */
async function submittedToVendor(email: string): Promise<{ requestId: string; branchKey: { pk: string; sk: string } }> {
  const { requestId, branchKey } = await waitingForVendor(email);
  await eventRecorded(requestId, 'bookkeeping');
  return { requestId, branchKey };
}

/** The bookkeeping branch's submission and completion events, in chain order. */
async function vendorEvents(requestId: string) {
  const { listAudit } = await import('../../functions/platform/data/audit');
  const trail = await listAudit(requestId);
  const of = (event: string) => trail.filter((e) => e.event === event && e.detail?.processorId === 'bookkeeping');
  return { submitted: of('branch_submitted'), completed: of('branch_completed') };
}

describe('after a restart', () => {
  it('finishes a request that was in flight when the runtime stopped, and keeps it', async () => {
    const { requestId } = await submit(rt, { type: 'access', email: 'ada@example.org' });
    const confirmed = await confirmFromEmail(rt, await waitForEmail(rt, 'ada@example.org'));
    const statusUrl = statusLinkIn(await confirmed.text());
    const ports = rt.ports;
    await rt.stop();

    rt = await start(dataDir, ports);
    // The vendor and staff answer links sent before or after the restart: either works.
    await answerDemoTasks(rt, requestId);
    const final = await waitForFinal(statusUrl);
    expect(final.status).toBe('completed');

    // Stopped and started again, the finished request and its history are still there.
    await rt.stop();
    rt = await start(dataDir, ports);
    expect((await statusOf(statusUrl)).status).toBe('completed');
  });

  it('starts the workflow of a request confirmed just before a crash, when no execution had started', async () => {
    const { requestId } = await submit(rt, { type: 'access', email: 'bo@example.org' });
    const email = await waitForEmail(rt, 'bo@example.org');
    const statusKey = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!
      .statusKey as string;
    // What the confirmation's conditional write leaves behind if the process dies before StartExecution.
    const at = new Date().toISOString();
    await db().send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' },
        UpdateExpression: 'SET #s = :received, receivedAt = :at, dueAt = :due, openDue = :due REMOVE verifyTokenHash',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':received': 'received', ':at': at, ':due': new Date(Date.now() + 30 * 86_400_000).toISOString() },
      }),
    );
    expect(linksIn(email)).toHaveLength(1);

    const report = await runSweep();
    expect(report.ensured).toBeGreaterThanOrEqual(1);
    await answerDemoTasks(rt, requestId);
    const final = await waitForFinal(`${rt.urls.gateway}/v1/requests/${requestId}/status?key=${statusKey}`);
    expect(final.status).toBe('completed');
  });
});

describe('an email whose sending a crash left unrecorded', () => {
  it('goes again, saying it may be a second copy, to the vendor and to the subject, and nothing else does', async () => {
    const subject = 'cy@example.org';
    // What a crash leaves: confirmed with no execution yet, the vendor's email begun and never
    // recorded as sent, and (as if a previous run got that far) the answer begun likewise.
    const { requestId, key, statusKey, at } = await leftByACrash(subject, 'received', (at) => ({ notifyStartedAt: at }));
    await db().send(
      new PutCommand({
        TableName: REQUESTS_TABLE,
        Item: {
          pk: `REQ#${requestId}`,
          sk: 'BRANCH#bookkeeping',
          requestId,
          processorId: 'bookkeeping',
          kind: 'email',
          action: 'export',
          status: 'pending',
          attempts: 0,
          controllerId: 'demo-association',
          submitStartedAt: at,
        },
      }),
    );

    await runSweep();
    await answerDemoTasks(rt, requestId);
    expect((await waitForFinal(`${rt.urls.gateway}/v1/requests/${requestId}/status?key=${statusKey}`)).status).toBe('completed');

    const { repeat } = texts.en.email;
    const mail = (await mailbox(rt)).filter((m) => (m.body.text ?? '').includes(requestId) || m.destination.to.includes(subject));
    const vendor = mail.filter((m) => m.destination.to.includes(VENDOR));
    const staff = mail.filter((m) => m.destination.to.includes(STAFF));
    const answer = mail.filter((m) => m.destination.to.includes(subject) && !linksIn(m).some((l) => l.includes('/verify?')));
    expect(vendor.map((m) => m.subject.startsWith(`${repeat.subjectPrefix}: `))).toEqual([true]);
    expect(vendor[0]!.body.text!.startsWith(repeat.notice)).toBe(true);
    expect(vendor[0]!.body.html).toContain(repeat.notice);
    expect(staff.map((m) => m.subject.startsWith(`${repeat.subjectPrefix}: `))).toEqual([false]);
    expect(answer.map((m) => m.subject.startsWith(`${repeat.subjectPrefix}: `))).toEqual([true]);
    const stored = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: key }))).Item!;
    expect(stored.notifiedAt).toBeDefined();
  });
});

/** An email the sweep sends once, claimed on the branch before it goes and recorded after. */
interface ClaimedEmail {
  email: string;
  /** The emails of this kind about the request. */
  sent: (requestId: string) => Promise<StoredEmail[]>;
  /** The update that leaves its claim `:at` behind, as a crash between claim and record would. */
  claim: { expression: string; values?: Record<string, unknown> };
  recordedAs: string;
}

const CUT_SHORT: Record<string, ClaimedEmail> = {
  'an escalation to the DPO': {
    email: 'dee@example.org',
    sent: async (requestId) =>
      (await mailbox(rt)).filter((m) => m.destination.to.includes('dpo@demo-association.example') && (m.body.text ?? '').includes(requestId)),
    claim: { expression: 'SET escalationStartedAt = :at, escalationReason = :reason', values: { ':reason': 'no_answer' } },
    recordedAs: 'escalatedAt',
  },
  "an email vendor's reminder": {
    email: 'dag@example.org',
    sent: async (requestId) =>
      (await mailbox(rt)).filter(
        (m) => m.destination.to.includes(VENDOR) && (m.body.text ?? '').includes(requestId) && m.subject.includes(texts.en.email.vendor.reminder),
      ),
    // Eight days without an answer: the reminder (after seven) is due, the escalation (after fourteen) not.
    claim: {
      expression: 'SET reminderStartedAt = :at, submittedAt = :submitted',
      values: { ':submitted': new Date(Date.now() - 8 * 86_400_000).toISOString() },
    },
    recordedAs: 'remindedAt',
  },
};

describe.each(Object.entries(CUT_SHORT))('%s a crash cut short', (_, kind) => {
  it('is sent again by the sweep once its claim has run out, saying it may be a second copy, and only once', async () => {
    const { requestId, branchKey } = await waitingForVendor(kind.email);
    const claimBegun = (minutesAgo: number) =>
      db().send(
        new UpdateCommand({
          TableName: REQUESTS_TABLE,
          Key: branchKey,
          UpdateExpression: kind.claim.expression,
          ExpressionAttributeValues: { ':at': new Date(Date.now() - minutesAgo * 60_000).toISOString(), ...kind.claim.values },
        }),
      );

    // Begun 5 minutes ago: it may still be on its way, so the sweep leaves it alone.
    await claimBegun(5);
    await runSweep();
    expect(await kind.sent(requestId)).toEqual([]);

    // Begun 20 minutes ago and never recorded as sent: longer than any Lambda runs.
    await claimBegun(20);
    await runSweep();
    const sent = await kind.sent(requestId);
    expect(sent.map((m) => m.subject.startsWith(`${texts.en.email.repeat.subjectPrefix}: `))).toEqual([true]);
    expect(sent[0]!.body.text!.startsWith(texts.en.email.repeat.notice)).toBe(true);
    expect((await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey }))).Item![kind.recordedAs]).toEqual(expect.any(String));

    await runSweep();
    expect(await kind.sent(requestId)).toHaveLength(1);
  });
});

describe('a branch whose outcome was recorded and whose waiting task was never resumed', () => {
  it('is resumed by the sweep, its missing events recorded once, and the request is answered rather than waiting days for a heartbeat to time out', async () => {
    const { requestId } = await waitingForVendor('ida@example.org');
    const request = { pk: `REQ#${requestId}`, sk: 'REQUEST' };
    const branchKey = (p: string) => ({ pk: `REQ#${requestId}`, sk: `BRANCH#${p}` });
    const finishedAt = new Date(Date.now() - 5 * 60_000).toISOString();
    // The vendor's submission as a cut between recording it and its event leaves it: a time with no event.
    const submittedAt = new Date(Date.now() - 6 * 60_000).toISOString();
    for (const p of ['bookkeeping', 'shared-mailbox']) {
      await eventRecorded(requestId, p);
      // What a crash (or a Lambda's timeout) between recording the answer and its event and resume leaves.
      await db().send(
        new UpdateCommand({
          TableName: REQUESTS_TABLE,
          Key: branchKey(p),
          UpdateExpression: `SET #status = :completed, finishedAt = :at, recordCount = :none${p === 'bookkeeping' ? ', submittedAt = :sent' : ''}`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':completed': 'completed', ':at': finishedAt, ':none': 0, ...(p === 'bookkeeping' ? { ':sent': submittedAt } : {}) },
        }),
      );
    }

    expect(((await runSweep()) as { resumed?: number }).resumed).toBe(2);
    const statusKey = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: request }))).Item!.statusKey as string;
    expect((await waitForFinal(`${rt.urls.gateway}/v1/requests/${requestId}/status?key=${statusKey}`)).status).toBe('completed');
    for (const p of ['bookkeeping', 'shared-mailbox']) {
      expect((await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey(p) }))).Item!.resumedAt).toEqual(expect.any(String));
    }
    const { listAudit } = await import('../../functions/platform/data/audit');
    const trail = await listAudit(requestId);
    const of = (event: string, p: string) => trail.filter((e) => e.event === event && e.detail?.processorId === p);
    for (const p of ['bookkeeping', 'shared-mailbox']) {
      expect(of('branch_completed', p).map((e) => [e.at, e.detail])).toEqual([[finishedAt, { processorId: p, recordCount: 0 }]]);
    }
    // the submission recorded before the crash, and the one whose event it cut off, before the outcome
    expect(of('branch_submitted', 'bookkeeping').map((e) => e.at)).toEqual([expect.any(String), submittedAt]);
    expect(of('branch_submitted', 'bookkeeping')[1]!.seq).toBeLessThan(of('branch_completed', 'bookkeeping')[0]!.seq);
  });
});

describe('a submission recorded without its event, answered before the submit step ran again', () => {
  it('gets its event from the answer, which proves it went, before the branch completes', async () => {
    const { requestId, branchKey } = await submittedToVendor('jon@example.org');
    // The step recorded the submission at this time, then was stopped before its event.
    const submittedAt = new Date(Date.now() - 60_000).toISOString();
    await db().send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: branchKey,
        UpdateExpression: 'SET submittedAt = :sent',
        ExpressionAttributeValues: { ':sent': submittedAt },
      }),
    );
    await answerDemoTasks(rt, requestId);

    const { submitted, completed } = await vendorEvents(requestId);
    expect(submitted.map((e) => e.at)).toEqual([expect.any(String), submittedAt]);
    expect(completed).toHaveLength(1);
    expect(submitted[1]!.seq).toBeLessThan(completed[0]!.seq);
  });
});

describe('a task email that went without its submission recorded (the step stopped between SES and the record)', () => {
  it('gets its event from the answer, at the time sending began', async () => {
    const { requestId, branchKey } = await submittedToVendor('kim@example.org');
    // As the stopped step left it: sending begun, nothing recorded after.
    const startedAt = new Date(Date.now() - 60_000).toISOString();
    await db().send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: branchKey,
        UpdateExpression: 'SET submitStartedAt = :began REMOVE submittedAt',
        ExpressionAttributeValues: { ':began': startedAt },
      }),
    );
    await answerDemoTasks(rt, requestId);

    const { submitted, completed } = await vendorEvents(requestId);
    expect(submitted.map((e) => e.at)).toEqual([expect.any(String), startedAt]);
    expect(submitted[1]!.seq).toBeLessThan(completed[0]!.seq);
  });
});

describe('an answer cut short before its events, and the submit step retried after its timeout', () => {
  it('records the submission and the answer once when the retry finds the branch answered, then resumes the workflow', async () => {
    const { requestId, branchKey } = await submittedToVendor('lea@example.org');
    const before = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey }))).Item!;
    // The submit step was stopped between SES and its record; the vendor's answer was recorded,
    // then its Lambda stopped too, before either event.
    const startedAt = new Date(Date.now() - 120_000).toISOString();
    const finishedAt = new Date(Date.now() - 60_000).toISOString();
    await db().send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: branchKey,
        UpdateExpression: 'SET #status = :completed, finishedAt = :at, recordCount = :none, submitStartedAt = :began REMOVE submittedAt',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':completed': 'completed', ':at': finishedAt, ':none': 0, ':began': startedAt },
      }),
    );

    const { handler } = await import('../../functions/handlers/workflow/await-processor');
    const retry = { requestId, processorId: 'bookkeeping', taskToken: before.taskToken as string };
    await handler(retry);
    await handler(retry);

    const { submitted, completed } = await vendorEvents(requestId);
    expect(submitted.map((e) => e.at)).toEqual([expect.any(String), startedAt]);
    expect(completed.map((e) => [e.at, e.detail])).toEqual([[finishedAt, { processorId: 'bookkeeping', recordCount: 0 }]]);
    expect(submitted[1]!.seq).toBeLessThan(completed[0]!.seq);
    expect((await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey }))).Item!.resumedAt).toEqual(expect.any(String));
  });
});

describe("a store's branch whose step was stopped between recording it completed and its event", () => {
  it('gets its event, once, from the step run again, which does not act again', async () => {
    const { requestId } = await submittedToVendor('max@example.org');
    const key = { pk: `REQ#${requestId}`, sk: 'BRANCH#members' };
    await eventRecorded(requestId, 'members', 'branch_completed');
    const done = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: key }))).Item!;
    expect(done.status).toBe('completed');
    // As the stopped attempt left it: the completion recorded at this time, and no event for it.
    const finishedAt = new Date(Date.now() - 60_000).toISOString();
    await db().send(
      new UpdateCommand({ TableName: REQUESTS_TABLE, Key: key, UpdateExpression: 'SET finishedAt = :at', ExpressionAttributeValues: { ':at': finishedAt } }),
    );

    const { handler } = await import('../../functions/handlers/workflow/run-processor');
    await handler({ requestId, processorId: 'members' });
    await handler({ requestId, processorId: 'members' });

    const { listAudit } = await import('../../functions/platform/data/audit');
    const completed = (await listAudit(requestId)).filter((e) => e.event === 'branch_completed' && e.detail?.processorId === 'members');
    expect(completed.map((e) => [e.at, e.detail])).toEqual([
      [done.finishedAt, expect.anything()],
      [finishedAt, { processorId: 'members', action: 'export', recordCount: done.recordCount }],
    ]);
    expect((await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: key }))).Item!.attempts).toBe(done.attempts);
  });
});

describe('branches whose steps were stopped before their events and never ran again (the last attempt, or a re-drive)', () => {
  it('get their events from Route before the request goes on, once, and a branch completed by hand keeps the decision as its event', async () => {
    const { requestId } = await leftByACrash('ned@example.org', 'in_progress', (at) => ({ screenedAt: at, plannedAt: at }));
    const finished = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
    const branches = [
      { processorId: 'members', kind: 'dynamodb', action: 'export', status: 'completed', recordCount: 2, finishedAt: finished(3) },
      { processorId: 'newsletter', kind: 'opendsr', action: 'export', status: 'completed', recordCount: 1, finishedAt: finished(2) },
      { processorId: 'invoices', kind: 'dynamodb', action: 'export', status: 'completed', recordCount: 0, finishedAt: finished(1), note: 'done by hand' },
    ];
    for (const b of branches) {
      await db().send(
        new PutCommand({
          TableName: REQUESTS_TABLE,
          Item: { pk: `REQ#${requestId}`, sk: `BRANCH#${b.processorId}`, requestId, attempts: 1, controllerId: 'demo-association', ...b },
        }),
      );
    }
    const { audit, listAudit } = await import('../../functions/platform/data/audit');
    await audit(requestId, 'decision_task_completed', 'staff', { by: 'office', processorId: 'invoices' }, new Date(branches[2]!.finishedAt));
    const { routeRequest } = await import('../../functions/workflow/routing');

    await routeRequest({ requestId });
    await routeRequest({ requestId });

    const outcomes = (await listAudit(requestId)).filter((e) => e.event === 'branch_completed').map((e) => [e.at, e.detail]);
    expect(outcomes).toEqual([
      [branches[0]!.finishedAt, { processorId: 'members', action: 'export', recordCount: 2 }],
      [branches[1]!.finishedAt, { processorId: 'newsletter', recordCount: 1 }],
    ]);
  });
});

describe('a step run again after a crash', () => {
  it('records a branch failure once: one audit event, its first time kept, one escalation', async () => {
    const { requestId, branchKey } = await waitingForVendor('eve@example.org');
    const branch = async () => (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey }))).Item!;
    const { handler } = await import('../../functions/handlers/workflow/record-branch-failure');
    const step = { requestId, processorId: 'bookkeeping', error: { Error: 'States.Timeout' } };
    await handler(step);
    const first = await branch();
    await new Promise((r) => setTimeout(r, 20));
    await handler(step);

    expect((await branch()).finishedAt).toBe(first.finishedAt);
    const { listAudit } = await import('../../functions/platform/data/audit');
    const trail = await listAudit(requestId);
    expect(trail.filter((e) => e.event === 'branch_failed')).toEqual([
      expect.objectContaining({ at: first.finishedAt, detail: { processorId: 'bookkeeping', errorClass: 'States.Timeout' } }),
    ]);
    expect(trail.filter((e) => e.event === 'branch_escalated')).toHaveLength(1);
    const toDpo = (await mailbox(rt)).filter((m) => m.destination.to.includes('dpo@demo-association.example') && (m.body.text ?? '').includes(requestId));
    expect(toDpo).toHaveLength(1);
  });
});

describe('a closing review whose failed branch was answered after all', () => {
  it('is closed by the sweep, and the request is answered without waiting for staff', async () => {
    // Waiting for staff because the newsletter's branch had failed; its late answer completed it since.
    const { requestId, statusKey, at } = await leftByACrash('fay@example.org', 'in_review', (at) => ({
      screenedAt: at,
      plannedAt: at,
      reviewStage: 'closing',
      reviewReasons: ['branch_failed'],
      reviewOpenedAt: at,
    }));
    const processors = {
      members: 'dynamodb',
      'event-participation': 'dynamodb',
      invoices: 'dynamodb',
      'mailing-list': 'dynamodb',
      newsletter: 'opendsr',
      bookkeeping: 'email',
      'shared-mailbox': 'manual',
    };
    for (const [processorId, kind] of Object.entries(processors)) {
      await db().send(
        new PutCommand({
          TableName: REQUESTS_TABLE,
          Item: {
            pk: `REQ#${requestId}`,
            sk: `BRANCH#${processorId}`,
            requestId,
            processorId,
            kind,
            action: 'export',
            status: 'completed',
            attempts: 1,
            recordCount: 0,
            finishedAt: at,
            controllerId: 'demo-association',
          },
        }),
      );
    }

    await runSweep();
    const final = await waitForFinal(`${rt.urls.gateway}/v1/requests/${requestId}/status?key=${statusKey}`);
    expect(final.status).toBe('completed');
    const { listAudit } = await import('../../functions/platform/data/audit');
    expect((await listAudit(requestId)).filter((e) => e.event === 'review_closed')).toEqual([
      expect.objectContaining({ actor: 'system', detail: { stage: 'closing', why: 'reasons_gone' } }),
    ]);
  });
});

describe('an execution that failed', () => {
  it('is re-driven by the sweep once what made it fail is gone', async () => {
    const requestId = randomUUID();
    const sfn = new SFNClient({ endpoint: rt.urls.sfn });
    // The request is not there yet (think: a table outage): Plan fails through its retries.
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({ stateMachineArn: rt.stateMachineArn, name: requestId, input: JSON.stringify({ requestId }) }),
    );
    for (let i = 0; ; i++) {
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      if (status === 'FAILED') break;
      if (i > 300) throw new Error(`execution still ${status}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const now = new Date();
    const due = new Date(now.getTime() + 30 * 86_400_000).toISOString();
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
          email: 'dan@example.org',
          status: 'received',
          version: 2,
          createdAt: now.toISOString(),
          verifyExpiresAt: due,
          statusKey: 'recovery-test-key',
          receivedAt: now.toISOString(),
          dueAt: due,
          openCtl: 'demo-association',
          openDue: due,
          history: [
            { status: 'awaiting_verification', at: now.toISOString() },
            { status: 'received', at: now.toISOString() },
          ],
        },
      }),
    );

    await runSweep();
    await answerDemoTasks(rt, requestId);
    const final = await waitForFinal(`${rt.urls.gateway}/v1/requests/${requestId}/status?key=recovery-test-key`);
    expect(final.status).toBe('completed');
    // Finalize records `completed` just before the execution itself ends: give it a moment.
    let status: string | undefined;
    for (let i = 0; i < 100 && status !== 'SUCCEEDED'; i++) {
      if (i) await new Promise((r) => setTimeout(r, 100));
      status = (await sfn.send(new DescribeExecutionCommand({ executionArn }))).status;
    }
    expect(status).toBe('SUCCEEDED');
  });
});

describe('a request never confirmed', () => {
  it('is closed as closed_unverified once its link expires, keeping no address', async () => {
    const { requestId } = await submit(rt, { type: 'erasure', email: 'cecilia@example.org', name: 'Cecilia' });
    const email = await waitForEmail(rt, 'cecilia@example.org');
    await db().send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' },
        UpdateExpression: 'SET verifyExpiresAt = :past, openDue = :past',
        ExpressionAttributeValues: { ':past': new Date(Date.now() - 1000).toISOString() },
      }),
    );

    expect((await runSweep()).closedUnverified).toBe(1);
    const item = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
    expect(item.status).toBe('closed_unverified');
    expect(item).not.toHaveProperty('email');
    expect(item).not.toHaveProperty('name');
    expect(item).not.toHaveProperty('openCtl');

    const link = linksIn(email)[0]!;
    const page = await (await fetch(link)).text();
    expect(page).toMatch(/expired/i);
    expect(page).not.toContain('method="post"');
    const url = new URL(link);
    await fetch(`${url.origin}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `token=${url.searchParams.get('token')}`,
    });
    const after = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
    expect(after.status).toBe('closed_unverified');
  });
});

describe('a close cut short by a crash', () => {
  it('is finished by the sweep: its event recorded once, at the time of the close, and it leaves the open index', async () => {
    const { requestId } = await submit(rt, { type: 'erasure', email: 'dora@example.org' });
    const { controllerId } = (await db().send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item!;
    // Withdrawn, and the function died before the close's event: the request is still in the open index.
    const withdrawnAt = new Date(Date.now() - 60_000).toISOString();
    await closeWithoutEvent(db(), requestId, 'cancelled', withdrawnAt);
    const { openRequests } = await import('../../functions/platform/data/requests');
    const { listAudit } = await import('../../functions/platform/data/audit');
    const ids = async (closing: boolean) => {
      const out: string[] = [];
      for await (const open of openRequests(controllerId, undefined, { closing })) out.push(open.requestId);
      return out;
    };
    // Lists and reports no longer count it as open work; the sweep still finds it.
    expect(await ids(false)).not.toContain(requestId);
    expect(await ids(true)).toContain(requestId);

    expect((await runSweep()).closesSeenThrough).toBeGreaterThanOrEqual(1);
    const withdrawn = (await listAudit(requestId)).filter((e) => e.event === 'request_withdrawn');
    expect(withdrawn.map((e) => [e.at, e.actor])).toEqual([[withdrawnAt, 'subject']]);
    expect(await ids(true)).not.toContain(requestId);

    await runSweep();
    expect((await listAudit(requestId)).filter((e) => e.event === 'request_withdrawn')).toHaveLength(1);
  });
});
