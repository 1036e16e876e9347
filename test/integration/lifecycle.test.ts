import { DescribeExecutionCommand, ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { GetCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import {
  answerDemoTasks,
  answerTaskLink,
  captureOutput,
  confirmFromEmail,
  linksIn,
  mailbox,
  pressConfirm,
  REQUESTS_TABLE,
  STAFF,
  statusLinkIn,
  submit,
  taskLinkFor,
  useRuntime,
  VENDOR,
  waitForEmail,
  waitForFinal,
} from '../harness';

/** Everything this process writes to stdout and stderr from here on: the handlers' logs run in it. */
const output = captureOutput();
const local = useRuntime();

/** Every entry of a ZIP, as text. */
function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const files = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(files));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

async function byEmail(table: string, email: string) {
  const out = await local.db.send(
    new QueryCommand({ TableName: table, IndexName: 'by-email', KeyConditionExpression: 'email = :e', ExpressionAttributeValues: { ':e': email } }),
  );
  return out.Items ?? [];
}

describe('an access request, from the form to the package', () => {
  it('emails one verification link, confirms on POST, and delivers a ZIP with the subject’s data only', async () => {
    const accepted = await submit(local.rt, { type: 'access', email: 'ada@example.org', name: 'Ada Lovelace', locale: 'en' });
    expect(accepted).toEqual({ requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'awaiting_verification' });

    const verification = await waitForEmail(local.rt, 'ada@example.org');
    expect(linksIn(verification).filter((l) => l.includes('/verify?token='))).toHaveLength(1);

    const confirmed = await confirmFromEmail(local.rt, verification);
    expect(confirmed.status).toBe(200);
    const statusUrl = statusLinkIn(await confirmed.text());

    // The email-only vendor answers with its export; staff search the shared mailbox.
    expect(
      (await answerTaskLink(await taskLinkFor(local.rt, VENDOR, accepted.requestId), { file: { name: 'ledger.txt', content: 'Ada: 2 invoices' } })).status,
    ).toBe(200);
    expect(
      (
        await answerTaskLink(await taskLinkFor(local.rt, STAFF, accepted.requestId), {
          note: 'Two messages from 2023, exported.',
          file: { name: 'messages.txt', content: 'Two messages from Ada, 2023' },
        })
      ).status,
    ).toBe(200);

    const final = await waitForFinal(statusUrl);
    expect(final).toMatchObject({ requestId: accepted.requestId, type: 'access', status: 'completed' });
    // In the order the register declares them, as people read them.
    expect(final.processors).toEqual([
      { id: 'members', status: 'completed' },
      { id: 'event-participation', status: 'completed' },
      { id: 'invoices', status: 'completed' },
      { id: 'mailing-list', status: 'completed' },
      { id: 'bookkeeping', status: 'completed' },
      { id: 'shared-mailbox', status: 'completed' },
      { id: 'newsletter', status: 'completed' },
    ]);
    expect(new Date(final.dueAt!).getTime() - new Date(final.receivedAt!).getTime()).toBeGreaterThan(29 * 86_400_000);

    // After the verification and the receipt.
    const completion = await waitForEmail(local.rt, 'ada@example.org', 3);
    const download = linksIn(completion).find((l) => l.includes('/package?token='));
    expect(download).toBeDefined();
    expect(linksIn(completion).some((l) => l.includes('/status?key='))).toBe(true);

    const redirect = await fetch(download!, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const zipResponse = await fetch(redirect.headers.get('location')!);
    expect(zipResponse.status).toBe(200);
    const files = await unzip(Buffer.from(await zipResponse.arrayBuffer()));

    expect([...files.keys()].sort()).toEqual([
      'bookkeeping/ledger.txt',
      'event-participation.csv',
      'event-participation.json',
      'index.html',
      'invoices.csv',
      'invoices.json',
      'mailing-list.csv',
      'mailing-list.json',
      'members.csv',
      'members.json',
      'newsletter.csv',
      'newsletter.json',
      'shared-mailbox/messages.txt',
    ]);
    expect(files.get('bookkeeping/ledger.txt')).toBe('Ada: 2 invoices');
    const members = JSON.parse(files.get('members.json')!) as Record<string, unknown>[];
    expect(members).toHaveLength(1);
    expect(members[0]).toMatchObject({ email: 'ada@example.org' });
    const events = JSON.parse(files.get('event-participation.json')!) as Record<string, unknown>[];
    expect(events).toHaveLength(2);
    expect(files.get('members.csv')!.split('\r\n')[0]).toContain('email');
    expect(files.get('members.csv')).toContain('ada@example.org');
    for (const content of files.values()) expect(content).not.toContain('bo@example.org');
    expect(files.get('index.html')).toContain('Membership register');
    // The index shows the records themselves, not only where the files are.
    expect(files.get('index.html')).toMatch(/<caption id="records-members">[^<]*<\/caption>[\s\S]*<td>ada@example\.org<\/td>/);

    // A phone that cannot open a ZIP reads the same page in the browser, with the download linked.
    const view = linksIn(completion).find((l) => l.includes('/package/view?token='));
    expect(view).toBeDefined();
    const page = await fetch(view!);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    const viewHtml = await page.text();
    expect(viewHtml).toContain('<td>ada@example.org</td>');
    expect(viewHtml).not.toContain('bo@example.org');
    const again = new URL(viewHtml.match(/href="(\.\.\/package\?token=[^"]+)"/)![1]!.replace(/&amp;/g, '&'), view);
    expect(again.href).toBe(download);
    expect((await fetch(again, { redirect: 'manual' })).status).toBe(302);
    expect((await fetch(view!.replace(/token=[^&]+/, `token=${'A'.repeat(43)}`))).status).toBe(410);
  });

  it('answers an address the organisation does not know exactly like one it knows', async () => {
    const known = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'access', email: 'dan@example.org' }),
    });
    const unknown = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'access', email: 'nobody@example.org' }),
    });
    expect(unknown.status).toBe(known.status);
    const unknownBody = (await unknown.json()) as { requestId: string };
    expect(Object.keys(unknownBody)).toEqual(Object.keys((await known.json()) as object));

    const confirmed = await confirmFromEmail(local.rt, await waitForEmail(local.rt, 'nobody@example.org'));
    await answerDemoTasks(local.rt, unknownBody.requestId);
    const final = await waitForFinal(statusLinkIn(await confirmed.text()));
    expect(final.status).toBe('completed');
  });
});

describe('confirming', () => {
  it('starts one execution, named by the request id, when the confirm button is pressed twice', async () => {
    const { requestId } = await submit(local.rt, { type: 'access', email: 'bo@example.org' });
    const email = await waitForEmail(local.rt, 'bo@example.org');
    const [first, second] = await Promise.all([confirmFromEmail(local.rt, email), confirmFromEmail(local.rt, email)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    // Only the press that confirmed shows the status link; the other says it is confirmed already.
    const pages = [await first.text(), await second.text()];
    const withLink = pages.filter((p) => p.includes('/status?key='));
    expect(withLink).toHaveLength(1);
    expect(pages.find((p) => !p.includes('/status?key='))).toContain('This link has already been used');
    await answerDemoTasks(local.rt, requestId);
    await waitForFinal(statusLinkIn(withLink[0]!));

    const sfn = new SFNClient({ endpoint: local.rt.urls.sfn });
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: local.rt.stateMachineArn }));
    expect(executions!.filter((e) => e.name === requestId)).toHaveLength(1);
  });

  it('tells a used link apart from a wrong one, and never confirms on GET', async () => {
    const { requestId } = await submit(local.rt, { type: 'erasure', email: 'dan@example.org' });
    const email = await waitForEmail(local.rt, 'dan@example.org', 2);
    const link = linksIn(email).find((l) => l.includes(requestId))!;

    // A mail scanner opening the link changes nothing.
    await fetch(link);
    await fetch(link);
    const stored = await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }));
    expect(stored.Item!.status).toBe('awaiting_verification');
    expect(JSON.stringify(stored.Item)).not.toContain(new URL(link).searchParams.get('token')!);

    const confirmed = await confirmFromEmail(local.rt, email);
    expect(await confirmed.text()).toContain('/status?key=');
    // A used link never shows the status link again, opened or pressed.
    const used = await fetch(link);
    expect(used.status).toBe(200);
    const usedPage = await used.text();
    expect(usedPage).toMatch(/already/i);
    expect(usedPage).toContain('the page after you confirmed it');
    expect(usedPage).not.toContain('status?key=');
    const pressedAgain = await pressConfirm(link);
    expect(pressedAgain.status).toBe(200);
    const againPage = await pressedAgain.text();
    expect(againPage).toMatch(/already/i);
    expect(againPage).not.toContain('status?key=');
    const asJson = await fetch(new URL(link).href.replace(/\?.*$/, ''), {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ token: new URL(link).searchParams.get('token') }),
    });
    expect(asJson.status).toBe(409);
    expect(JSON.stringify(await asJson.json())).not.toContain('key');

    const wrong = await fetch(link.replace(/token=[^&]+/, `token=${'A'.repeat(43)}`));
    expect(wrong.status).toBe(404);
  });
});

describe('an erasure request', () => {
  it('deletes the member, anonymises the participations and leaves other subjects untouched', async () => {
    const othersBefore = [...(await byEmail('demo-members', 'bo@example.org')), ...(await byEmail('demo-event-participation', 'cecilia@example.org'))];
    expect(othersBefore.length).toBeGreaterThan(0);
    const participations = await byEmail('demo-event-participation', 'ada@example.org');
    expect(participations).toHaveLength(2);

    const { requestId } = await submit(local.rt, { type: 'erasure', email: 'ada@example.org', locale: 'sv' });
    const verification = await waitForEmail(local.rt, 'ada@example.org', 4);
    const confirmed = await confirmFromEmail(local.rt, verification);
    await answerDemoTasks(local.rt, requestId);
    const final = await waitForFinal(statusLinkIn(await confirmed.text()));
    expect(final.status).toBe('completed');

    expect(await byEmail('demo-members', 'ada@example.org')).toEqual([]);
    expect(await byEmail('demo-event-participation', 'ada@example.org')).toEqual([]);
    for (const p of participations) {
      const kept = await local.db.send(new GetCommand({ TableName: 'demo-event-participation', Key: { participationId: p.participationId } }));
      expect(kept.Item).toMatchObject({ eventId: p.eventId, anonymisedAt: expect.any(String) });
      expect(kept.Item).not.toHaveProperty('email');
      expect(kept.Item).not.toHaveProperty('name');
      expect(kept.Item).not.toHaveProperty('phone');
    }
    const othersAfter = [...(await byEmail('demo-members', 'bo@example.org')), ...(await byEmail('demo-event-participation', 'cecilia@example.org'))];
    expect(othersAfter).toEqual(othersBefore);

    // Invoices stay under the Bookkeeping Act's hold: restricted, and scheduled for deletion.
    const invoices = await byEmail('demo-invoices', 'ada@example.org');
    expect(invoices).toHaveLength(2);
    for (const invoice of invoices)
      expect(invoice).toMatchObject({ restricted: true, holdUntil: expect.any(String), holdBasis: expect.stringContaining('Bookkeeping') });
    const scheduled = await local.db.send(
      new QueryCommand({ TableName: REQUESTS_TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': 'DUE#demo-association' } }),
    );
    expect(
      scheduled
        .Items!.filter((i) => i.requestId === requestId)
        .map((i) => i.kind)
        .sort(),
    ).toEqual(['legal_hold_end', 'suppression_end']);

    // The mailing list forgot her, keeping only a keyed hash for six months.
    expect(await byEmail('demo-mailing-list', 'ada@example.org')).toEqual([]);
    const suppression = await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'SUPPRESS#demo-association#mailing-list' },
      }),
    );
    // Hers and Dan's (his erasure above reached the list before it waited on the vendor): hashes only.
    expect(suppression.Items!.length).toBeGreaterThanOrEqual(1);
    // (Base64 hashes may spell "ada" by chance: look for the addresses themselves.)
    expect(JSON.stringify(suppression.Items)).not.toMatch(/example\.org/i);

    const report = await waitForEmail(local.rt, 'ada@example.org', 6);
    expect(report.body.text).toContain('Medlemsregister');
    expect(report.body.text).toContain('Bokföringslagen');
    // The legal hold's basis as the register gives it in Swedish, not its English text.
    expect(report.body.text).toContain('eftersom lagen kräver det (Bokföringslagen 7 kap. 2 §: räkenskapsinformation ska sparas i sju år)');
    expect(report.body.text).not.toContain('requires us to keep accounting records');
    expect(report.body.html).not.toContain('Swedish Authority for Privacy Protection');
    expect(report.body.text).toContain('Demo Bookkeeping AB');
    // Where she may complain: the association's lead authority, named, or the one where she lives (Art. 77).
    for (const part of [report.body.text, report.body.html]) {
      expect(part).toContain('Vår ansvariga tillsynsmyndighet är Integritetsskyddsmyndigheten (IMY)');
      expect(part).toContain('det EU- eller EES-land där du bor eller arbetar');
      expect(part).toContain('artikel 77 i dataskyddsförordningen');
    }
  });
});

describe('bad input', () => {
  async function countItems(): Promise<number> {
    const out = await local.db.send(new ScanCommand({ TableName: REQUESTS_TABLE, Select: 'COUNT' }));
    return out.Count ?? 0;
  }

  it('answers 400 naming each bad field, 413 for a large body, 415 for other types, and stores nothing', async () => {
    const before = await countItems();
    const mails = (await mailbox(local.rt)).length;
    const post = (body: string, type = 'application/json') =>
      fetch(`${local.rt.urls.gateway}/v1/requests`, { method: 'POST', headers: { 'content-type': type, accept: 'application/json' }, body });

    const invalid = await post(JSON.stringify({ type: 'everything', email: 'nope' }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: Record<string, string> }).errors).toEqual({ type: expect.any(String), email: expect.any(String) });

    const malformed = await post('{"type": "access", ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ errors: { body: expect.any(String) } });

    const large = await post(JSON.stringify({ type: 'access', email: 'a@example.org', name: 'x'.repeat(40_000) })); // over intake's 32 KiB
    expect(large.status).toBe(413);
    expect(large.headers.get('x-content-type-options')).toBe('nosniff'); // refusals carry the security headers too
    expect((await post('type=access', 'text/plain')).status).toBe(415);

    const form = await fetch(`${local.rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: 'type=access&email=not-an-address&locale=sv',
    });
    expect(form.status).toBe(400);
    expect(form.headers.get('content-type')).toContain('text/html');

    expect(await countItems()).toBe(before);
    expect((await mailbox(local.rt)).length).toBe(mails);
  });
});

describe('personal data', () => {
  it('stays out of every execution input and output and out of the logs', async () => {
    const sfn = new SFNClient({ endpoint: local.rt.urls.sfn });
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: local.rt.stateMachineArn }));
    expect(executions!.length).toBeGreaterThanOrEqual(4);
    for (const e of executions!) {
      const d = await sfn.send(new DescribeExecutionCommand({ executionArn: e.executionArn }));
      expect(JSON.parse(d.input!)).toEqual({ requestId: e.name });
      // One is still waiting on its vendor (the used-link test left it): no output yet.
      if (d.status === 'SUCCEEDED') expect(JSON.parse(d.output!)).toEqual({ requestId: e.name });
      else expect(d.status).toBe('RUNNING');
    }
    const logs = output.join('');
    expect(logs).toContain('request accepted'); // the capture works: handlers did log
    for (const secret of ['@example.org', 'Lovelace', 'token=', 'key=', 'taskToken']) expect(logs).not.toContain(secret);
  });
});
