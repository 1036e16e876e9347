import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { mailbox, REQUESTS_TABLE, useRuntime, waitForEmail } from '../harness';

/**
 * One-click unsubscribe (RFC 8058) on the local runtime: a link signed for one address and one
 * consent purpose, as the controller's newsletter carries it, withdraws consent with one POST.
 */

const local = useRuntime();
let unsubscribePath: typeof import('../../functions/intake/unsubscribe').unsubscribePath;

beforeAll(async () => {
  // The runtime's secret holds the key its functions read; the controller's mailer would sign with the same one.
  ({ unsubscribePath } = await import('../../functions/intake/unsubscribe'));
  const { secrets } = await import('../../functions/platform/aws/secrets');
  await (await import('../../functions/platform/config')).configure(secrets, 'UNSUBSCRIBE_KEY_SECRET');
});

const requestItem = async (requestId: string) =>
  (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }))).Item;

async function waitForStatus(requestId: string, status: string): Promise<Record<string, any>> {
  for (const deadline = Date.now() + 30_000; ; ) {
    const item = await requestItem(requestId);
    if (item?.status === status) return item;
    if (Date.now() > deadline) throw new Error(`request ${requestId} is ${item?.status}, not ${status}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a one-click unsubscribe link', () => {
  it('shows a button on GET and changes nothing, so a mail scanner following the link unsubscribes nobody', async () => {
    const page = await fetch(`${local.rt.urls.gateway}${unsubscribePath('demo-association', 'newsletter', 'dan@example.org')}`);
    expect(page.status).toBe(200);
    const body = await page.text();
    expect(body).toContain('method="post"');
    expect(body).toContain('The newsletter and member mailings');
    expect(body).not.toContain('dan@example.org');
    const list = await local.db.send(
      new QueryCommand({
        TableName: 'demo-mailing-list',
        IndexName: 'by-email',
        KeyConditionExpression: 'email = :e',
        ExpressionAttributeValues: { ':e': 'dan@example.org' },
      }),
    );
    expect(list.Items).toHaveLength(1);
  });

  it("withdraws consent with one POST: the purpose's stores erase and suppress, and the subject is told", async () => {
    const url = `${local.rt.urls.gateway}${unsubscribePath('demo-association', 'newsletter', 'dan@example.org')}`;
    const post = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: 'List-Unsubscribe=One-Click',
      });
    const first = await post();
    expect(first.status).toBe(200);
    const { requestId } = (await first.json()) as { requestId: string };
    // A mail client that sends it twice makes one request.
    expect(((await (await post()).json()) as { requestId: string }).requestId).toBe(requestId);

    const done = await waitForStatus(requestId, 'completed');
    expect(done).toMatchObject({ type: 'withdraw_consent', details: { consentPurposes: ['newsletter'] }, controllerId: 'demo-association' });
    const list = await local.db.send(
      new QueryCommand({
        TableName: 'demo-mailing-list',
        IndexName: 'by-email',
        KeyConditionExpression: 'email = :e',
        ExpressionAttributeValues: { ':e': 'dan@example.org' },
      }),
    );
    expect(list.Items).toEqual([]);
    const branches = await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :b)',
        ExpressionAttributeValues: { ':pk': `REQ#${requestId}`, ':b': 'BRANCH#' },
      }),
    );
    expect(branches.Items!.map((b) => b.processorId).sort()).toEqual(['mailing-list', 'newsletter']);
    expect((await waitForEmail(local.rt, 'dan@example.org')).body.text).toContain('Demo Association');
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('dan@example.org'))).toHaveLength(1);
  });

  it('refuses a link that was not signed for that address or purpose, storing nothing', async () => {
    const signed = new URL(unsubscribePath('demo-association', 'newsletter', 'ada@example.org'), local.rt.urls.gateway);
    signed.searchParams.set('address', Buffer.from('bo@example.org').toString('base64url'));
    const forged = await fetch(signed, { method: 'POST', headers: { accept: 'application/json' } });
    expect(forged.status).toBe(404);
    expect(await forged.json()).toMatchObject({ errors: { sig: 'unknown' } });
    const otherPurpose = await fetch(`${local.rt.urls.gateway}${unsubscribePath('demo-association', 'no-such-purpose', 'ada@example.org')}`, {
      method: 'POST',
    });
    expect(otherPurpose.status).toBe(404);
    expect((await mailbox(local.rt)).filter((e) => e.destination.to.includes('bo@example.org'))).toEqual([]);
  });
});
