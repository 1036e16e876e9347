import { DescribeExecutionCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { confirmFromEmail, mailbox, REQUESTS_TABLE, statusLinkIn, statusOf, submit, taskLinkFor, useRuntime, VENDOR, waitForEmail } from '../harness';

const local = useRuntime({ demoCallbackDelayMs: 60_000 });

beforeAll(async () => {
  // The demo newsletter takes a minute to answer, so it is still working when the subject withdraws.
});

const item = async (requestId: string, sk: string) =>
  (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk } }))).Item;

async function until<T>(what: string, f: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await f();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

function withdraw(statusUrl: string, accept = 'text/html'): Promise<Response> {
  const url = new URL(statusUrl);
  return fetch(`${url.origin}${url.pathname.replace(/\/status$/, '/cancel')}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept },
    body: new URLSearchParams({ key: url.searchParams.get('key')! }).toString(),
  });
}

describe('withdrawing a request', () => {
  it('stops it at once, tells the OpenDSR processor, sends no result, and keeps what was done', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'ada@example.org' });
    const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'ada@example.org'));
    const statusUrl = statusLinkIn(await confirmed.text());
    await taskLinkFor(local.rt, VENDOR, requestId);
    const newsletter = await until('the newsletter request', async () => {
      const b = await item(requestId, 'BRANCH#newsletter');
      return b?.submittedAt ? b : undefined;
    });
    const page = await (await fetch(statusUrl)).text();
    expect(page).toContain(`action="/v1/requests/${requestId}/cancel"`);

    const res = await withdraw(statusUrl);
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/withdrawn/i);

    const view = await statusOf(statusUrl);
    expect(view.status).toBe('cancelled');
    expect(view.processors).toEqual(
      expect.arrayContaining([
        { id: 'members', status: 'completed' },
        { id: 'bookkeeping', status: 'failed' },
        { id: 'newsletter', status: 'failed' },
      ]),
    );
    expect((await item(requestId, 'BRANCH#bookkeeping'))!.errorClass).toBe('RequestWithdrawn');

    // The OpenDSR processor was asked to drop it (DELETE /requests/{id}).
    const atProcessor = await fetch(`${local.rt.urls.newsletter}/requests/${newsletter.externalId}`);
    expect(((await atProcessor.json()) as { request_status: string }).request_status).toBe('cancelled');

    // The workflow ran to its end without a package or a result email, and nobody was escalated to.
    const sfn = new SFNClient({ endpoint: local.rt.urls.sfn });
    const executionArn = `${local.rt.stateMachineArn.replace(':stateMachine:', ':execution:')}:${requestId}`;
    await until('the execution to end', async () => {
      const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn }));
      return status === 'SUCCEEDED' ? status : undefined;
    });
    const request = (await item(requestId, 'REQUEST'))!;
    expect(request.packageKey).toBeUndefined();
    expect(request).not.toHaveProperty('openCtl');
    const mail = await mailbox(local.rt);
    expect(mail.filter((e) => e.destination.to.includes('ada@example.org'))).toHaveLength(1);
    expect(mail.filter((e) => e.destination.to.includes('dpo@demo-association.example'))).toEqual([]);

    // Once withdrawn, it stays so.
    expect((await withdraw(statusUrl, 'application/json')).status).toBe(409);
  });

  it('forgets the address of a request withdrawn before it was confirmed', async () => {
    const { requestId } = await submit(local.rt, { type: 'erasure', email: 'bo@example.org', name: 'Bo' });
    await waitForEmail(local.rt, 'bo@example.org');
    const statusKey = (await item(requestId, 'REQUEST'))!.statusKey as string;
    const res = await withdraw(`${local.rt.urls.gateway}/v1/requests/${requestId}/status?key=${statusKey}`, 'application/json');
    expect(res.status).toBe(200);
    const request = (await item(requestId, 'REQUEST'))!;
    expect(request.status).toBe('cancelled');
    expect(request).not.toHaveProperty('email');
    expect(request).not.toHaveProperty('name');
  });

  it('refuses a wrong key like an unknown request', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'cecilia@example.org' });
    const res = await withdraw(`${local.rt.urls.gateway}/v1/requests/${requestId}/status?key=${'x'.repeat(43)}`, 'application/json');
    expect(res.status).toBe(404);
    expect((await item(requestId, 'REQUEST'))!.status).toBe('awaiting_verification');
  });
});
