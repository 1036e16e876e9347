/**
 * The SES sandbox as a first deployment meets it: mail only to verified identities, one message a
 * second. The local runtime emulates it (local/ses-account.ts); the service must answer a refusal
 * with 503 (never 500) and its workflow's sends must retry rather than lose mail.
 */
import { CreateEmailIdentityCommand, GetAccountCommand, GetEmailIdentityCommand, SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SENDER_EMAIL, SES_CONFIGURATION_SET } from '../../local/runtime';
import { linksIn, mailbox, STAFF, VENDOR, verificationEmailFor, waitForEmail } from '../harness/mailbox';
import { poll } from '../harness/poll';
import { confirmFromEmail, postRequest, submit } from '../harness/requests';
import { type OwnRuntime, startOwnRuntime, TEST_OPTIONS } from '../harness/runtime';
import { requestPartition } from '../harness/tables';

let local: OwnRuntime;
let ses: SESv2Client;

beforeAll(async () => {
  // Real Step Functions retry intervals (2 s, doubling): the sandbox's rate is per second.
  local = await startOwnRuntime({ ...TEST_OPTIONS, retryIntervalScale: 1, sesSandbox: true }, 'dsr-sandbox-');
  ses = new SESv2Client({
    endpoint: local.rt.urls.ses,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
});

afterAll(async () => {
  ses?.destroy();
  await local?.stop();
});

const send = (to: string, configurationSet = SES_CONFIGURATION_SET) =>
  ses.send(
    new SendEmailCommand({
      FromEmailAddress: SENDER_EMAIL,
      ConfigurationSetName: configurationSet,
      Destination: { ToAddresses: [to] },
      Content: { Simple: { Subject: { Data: 'hello' }, Body: { Text: { Data: 'hello' } } } },
    }),
  );

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Verifies an address as a person does in the sandbox: CreateEmailIdentity, then the link SES mails to it. */
async function verifyAddress(address: string): Promise<void> {
  await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: address }));
  const mail = await waitForEmail(local.rt, address);
  const [link] = linksIn(mail).filter((l) => l.includes('/local/identities/'));
  expect((await fetch(link!)).status).toBe(200);
}

describe('the local SES in the sandbox', () => {
  it('is in the sandbox, one message a second, and knows the sender domain and the configuration set', async () => {
    const account = await ses.send(new GetAccountCommand({}));
    expect(account.ProductionAccessEnabled).toBe(false);
    expect(account.SendQuota?.MaxSendRate).toBe(1);
    const domain = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'demo-association.example' }));
    expect(domain).toMatchObject({ IdentityType: 'DOMAIN', VerifiedForSendingStatus: true });
  });

  it('refuses an unverified recipient with MessageRejected, as SES does', async () => {
    await sleep(1100);
    await expect(send('stranger@sandbox.test')).rejects.toMatchObject({
      name: 'MessageRejected',
      message: expect.stringContaining('Email address is not verified'),
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('refuses an unknown configuration set', async () => {
    await expect(send(STAFF, 'no-such-set')).rejects.toMatchObject({ name: 'NotFoundException', $metadata: { httpStatusCode: 404 } });
  });

  it('refuses a second message within the second with TooManyRequestsException (429)', async () => {
    await sleep(1100);
    await send(STAFF);
    await expect(send(STAFF)).rejects.toMatchObject({
      name: 'TooManyRequestsException',
      message: 'Maximum sending rate exceeded.',
      $metadata: { httpStatusCode: 429 },
    });
    await sleep(1100);
    await expect(send(STAFF)).resolves.toMatchObject({ MessageId: expect.any(String) });
  });

  it('verifies an address only once the link SES mails to it is followed', async () => {
    await sleep(1100);
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: 'pending@sandbox.test' }));
    expect(await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'pending@sandbox.test' }))).toMatchObject({ VerifiedForSendingStatus: false });
    await expect(send('pending@sandbox.test')).rejects.toMatchObject({ name: 'MessageRejected' });
    const mail = await waitForEmail(local.rt, 'pending@sandbox.test');
    const [link] = linksIn(mail).filter((l) => l.includes('/local/identities/'));
    expect((await fetch(link!.replace(/token=\w+/, 'token=wrong'))).status).toBe(404);
    expect((await fetch(link!)).status).toBe(200);
    expect(await ses.send(new GetEmailIdentityCommand({ EmailIdentity: 'pending@sandbox.test' }))).toMatchObject({ VerifiedForSendingStatus: true });
  });
});

describe('the service in the sandbox', () => {
  it('answers a request from an address SES will not write to with 503 and Retry-After, never 500, naming no address', async () => {
    const res = await postRequest(local.rt.urls.gateway, { controller: 'demo-association', type: 'access', email: 'unverified@sandbox.test', locale: 'en' });
    const text = await res.text();
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(text).toMatch(/try again/i);
    expect(text).not.toContain('unverified@sandbox.test');
    expect(local.rt.sesAccount.refused.MessageRejected).toBeGreaterThan(0);
  });

  it('accepts the same request once the address is verified', async () => {
    await verifyAddress('verified@sandbox.test');
    await sleep(1100);
    const { requestId } = await submit(local.rt, { controller: 'demo-association', type: 'access', email: 'verified@sandbox.test', locale: 'en' });
    await verificationEmailFor(local.rt, 'verified@sandbox.test', requestId);
  });

  it("retries the workflow's sends that the sandbox's rate refuses, so every email goes out", async () => {
    await verifyAddress(VENDOR);
    await sleep(1100);
    const subject = 'burst@sandbox.test';
    await verifyAddress(subject);
    await sleep(1100);
    const before = local.rt.sesAccount.refused.TooManyRequestsException ?? 0;
    // An access request at the demo association emails its vendor and its staff at once (two
    // branches that wait for an answer), faster than one message a second.
    const { requestId } = await submit(local.rt, { controller: 'demo-association', type: 'access', email: subject, locale: 'en' });
    const response = await confirmFromEmail(local.rt, await verificationEmailFor(local.rt, subject, requestId));
    expect(response.status).toBe(200);
    const about = (to: string) => async () => (await mailbox(local.rt)).find((e) => e.destination.to.includes(to) && (e.body.text ?? '').includes(requestId));
    await poll(about(VENDOR), { timeoutMs: 60_000, failure: () => 'the vendor was never emailed' });
    await poll(about(STAFF), { timeoutMs: 60_000, failure: () => 'staff were never emailed' });
    // The rate did refuse some of them: they went out on a retry, and no branch failed for it.
    expect(local.rt.sesAccount.refused.TooManyRequestsException ?? 0).toBeGreaterThan(before);
    const branches = (await requestPartition(local.db, requestId)).filter((i) => String(i.sk).startsWith('BRANCH#'));
    expect(branches.length).toBeGreaterThan(0);
    expect(branches.filter((b) => b.status === 'failed')).toEqual([]);
  }, 120_000);
});
