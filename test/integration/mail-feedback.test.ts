import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  captureOutput,
  closeWithoutEvent,
  confirmFromEmail,
  DPO,
  LOOSE_INTAKE_LIMITS,
  mailbox,
  poll,
  REQUESTS_TABLE,
  submit,
  useRuntime,
  waitForClosed,
  waitForEmail,
} from '../harness';

/**
 * Bounces and complaints (docs/ARCHITECTURE.md, "Bounces and complaints"): mail to the SES mailbox
 * simulator's addresses comes back from the local SES as the EventBridge events SES publishes,
 * which the template's rule hands to MailFeedback. The demo's email vendor is reached at the bounce
 * address here, through the register's placeholder.
 */
const BOUNCE = 'bounce@simulator.amazonses.com';
const COMPLAINT = 'complaint@simulator.amazonses.com';
const output = captureOutput();
const local = useRuntime({ environment: { ...LOOSE_INTAKE_LIMITS, DEMO_BOOKKEEPING_CONTACT: BOUNCE } });

const requestItem = async (requestId: string) =>
  (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' }, ConsistentRead: true }))).Item!;

async function partition(requestId: string): Promise<Record<string, any>[]> {
  const out = await local.db.send(
    new QueryCommand({
      TableName: REQUESTS_TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `REQ#${requestId}` },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}
const auditNames = async (requestId: string) => (await partition(requestId)).filter((i) => String(i.sk).startsWith('AUDIT#')).map((e) => e.event as string);

describe('bounces and complaints from the SES mailbox simulator', () => {
  it('closes a request whose verification email hard-bounced as undeliverable, its address and name erased', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: BOUNCE, name: 'Bo Unce' });
    const item = await waitForClosed(local.db, requestId, 20_000);
    expect(item.status).toBe('undeliverable');
    expect(item.email).toBeUndefined();
    expect(item.name).toBeUndefined();
    expect(item.personalDataErasedAt).toBeTruthy();
    const events = await auditNames(requestId);
    expect(events).toContain('email_bounced');
    expect(events).toContain('undeliverable');
    const bounced = (await partition(requestId)).find((e) => e.event === 'email_bounced')!;
    expect(bounced.detail).toMatchObject({ kind: 'verification', bounceType: 'Permanent', bounceSubType: 'General' });
    // The address the event carries is never logged.
    await local.rt.settleEvents();
    expect(output.join('')).not.toContain(BOUNCE);
  });

  it('records the close it missed when SES delivers the bounce again after a crash, and only once', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'crash-bounce@example.org' });
    const { controllerId } = await requestItem(requestId);
    // The close was written, then the function died before its event: what a crash leaves.
    const closedAt = '2026-03-05T10:00:00.000Z';
    await closeWithoutEvent(local.db, requestId, 'undeliverable', closedAt);
    const bounce = {
      source: 'aws.ses',
      'detail-type': 'Email Bounced',
      time: new Date().toISOString(),
      detail: {
        eventType: 'Bounce',
        mail: {
          messageId: `m-${requestId}`,
          tags: { 'ses:configuration-set': ['dsr-sending'], 'dsr-kind': ['verification'], 'dsr-controller': [controllerId], 'dsr-request': [requestId] },
        },
        bounce: { bounceType: 'Permanent', bounceSubType: 'General', feedbackId: `f-${requestId}` },
      },
    };
    await local.rt.putEvent(bounce);
    await local.rt.putEvent(bounce);
    const closes = (await partition(requestId)).filter((e) => e.event === 'undeliverable');
    expect(closes.map((e) => e.at)).toEqual([closedAt]);
    const item = await requestItem(requestId);
    expect(item.status).toBe('undeliverable');
    expect(item.openCtl).toBeUndefined();
  });

  it('escalates at once the branch of an email vendor whose contact address bounces', async () => {
    const email = 'vendor-bounce@example.org';
    const { requestId } = await submit(local.rt, { type: 'access', email });
    await confirmFromEmail(local.rt, await waitForEmail(local.rt, email));
    const branch = await poll(
      async () => {
        const b = (await partition(requestId)).find((i) => i.sk === 'BRANCH#bookkeeping');
        return b?.escalatedAt ? b : undefined;
      },
      { timeoutMs: 30_000, failure: () => 'the bookkeeping branch was not escalated' },
    );
    expect(branch.escalationReason).toBe('undeliverable');
    // The DPO's escalation says the email could not be delivered, naming the request.
    const toDpo = (await mailbox(local.rt)).filter((e) => e.destination.to.includes(DPO) && e.subject.includes(requestId));
    expect(toDpo.some((e) => /could not be delivered/.test(e.subject))).toBe(true);
    const bounced = (await partition(requestId)).find((e) => e.event === 'email_bounced')!;
    expect(bounced.detail).toMatchObject({ kind: 'processor_task', processorId: 'bookkeeping', bounceType: 'Permanent' });
    await poll(async () => ((await auditNames(requestId)).includes('branch_escalated') ? true : undefined), {
      timeoutMs: 10_000,
      failure: () => 'no branch_escalated event',
    });
  });

  it('records a complaint on the request, and closes nothing', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: COMPLAINT });
    const complaint = await poll(async () => (await partition(requestId)).find((e) => e.event === 'email_complaint'), {
      timeoutMs: 20_000,
      failure: () => 'no complaint recorded',
    });
    expect(complaint.detail).toMatchObject({ kind: 'verification', feedbackType: 'abuse' });
    // A complaint closes nothing.
    expect((await requestItem(requestId)).status).toBe('awaiting_verification');
    expect(output.join('')).not.toContain(COMPLAINT);
  });

  it('drops a malformed event with a log line naming no value, and does not fail', async () => {
    const before = output.length;
    // It passes the rule (this configuration set's tag) but has no bounce and no message id.
    await local.rt.putEvent({
      source: 'aws.ses',
      'detail-type': 'Email Bounced',
      detail: { eventType: 'Bounce', mail: { destination: ['x@y.example'], tags: { 'ses:configuration-set': ['dsr-sending'] } } },
    });
    const logged = output.slice(before).join('');
    expect(logged).toContain('mail feedback dropped');
    expect(logged).not.toContain('x@y.example');
    expect(logged).not.toMatch(/failed on a/);
  });
});
