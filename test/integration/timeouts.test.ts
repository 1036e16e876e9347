import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmFromEmail, mailbox, removeDir, start, statusLinkIn, submit, tempDataDir, waitForEmail, waitForFinal, type Runtime } from './support';

let rt: Runtime;
let dataDir: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  // Waits shrink a hundred-thousandfold: the two-day heartbeat lasts under two seconds.
  rt = await start(dataDir, undefined, { timeScale: 0.00001 });
});

afterAll(async () => {
  await rt?.stop();
  removeDir(dataDir);
});

describe('a processor that never answers', () => {
  it('runs out of time, is recorded as failed, the DPO is told, and the request is still answered', async () => {
    const { requestId } = await submit(rt, { type: 'access', email: 'bo@example.org' });
    const confirmed = await confirmFromEmail(rt, await waitForEmail(rt, 'bo@example.org'));
    const final = await waitForFinal(statusLinkIn(await confirmed.text()), 60_000);

    expect(final.status).toBe('completed');
    expect(final.processors).toEqual(expect.arrayContaining([
      { id: 'members', status: 'completed' },
      { id: 'bookkeeping', status: 'failed' },
      { id: 'shared-mailbox', status: 'failed' },
    ]));
    const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.urls.dynamodb }));
    const branch = (await db.send(new GetCommand({ TableName: 'dsr-requests', Key: { pk: `REQ#${requestId}`, sk: 'BRANCH#bookkeeping' } }))).Item!;
    expect(branch.errorClass).toMatch(/^States\.(Heartbeat)?Timeout$/);

    const toDpo = (await mailbox(rt)).filter((e) => e.destination.to.includes('dpo@demo-association.example') && e.body.text!.includes(requestId));
    expect(toDpo.length).toBeGreaterThanOrEqual(2);
    for (const email of toDpo) expect(JSON.stringify(email)).not.toContain('bo@example.org');

    // The subject hears that the request is answered and that some places will be followed up.
    const completion = await waitForEmail(rt, 'bo@example.org', 2);
    expect(completion.body.text).toContain('Demo Bookkeeping AB');
  });
});
