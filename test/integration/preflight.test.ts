/**
 * `npm run preflight` against the local runtime's emulators: dynalite answers DescribeTable, the
 * local SES GetEmailIdentity and GetAccount (in the sandbox here). The runtime has no Secrets
 * Manager, so that one branch runs against a stub of its DescribeSecret (JSON 1.1 over HTTP).
 */
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import * as path from 'node:path';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { CreateEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../infra/constructs/house-function';
import { type Check, preflight } from '../../infra/preflight';
import { listen } from '../../local/http-util';
import { linksIn, VENDOR, waitForEmail } from '../harness/mailbox';
import { type OwnRuntime, startOwnRuntime, TEST_OPTIONS } from '../harness/runtime';

const PRODUCTION_REGISTER = path.join(REPO_ROOT, 'test', 'fixtures', 'production-register.json');
const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const EXISTING_SECRET = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:dsr/unsubscribe-key-AbCdEf';

let local: OwnRuntime;
let dynamodb: DynamoDBClient;
let ses: SESv2Client;
let secretsManager: SecretsManagerClient;
let stub: Server;
let stubUrl: string;

beforeAll(async () => {
  local = await startOwnRuntime({ ...TEST_OPTIONS, sesSandbox: true }, 'dsr-preflight-');
  dynamodb = new DynamoDBClient({ endpoint: local.rt.urls.dynamodb, region: 'us-east-1', credentials });
  ses = new SESv2Client({ endpoint: local.rt.urls.ses, region: 'us-east-1', credentials });
  // Secrets Manager's DescribeSecret: the one secret that exists, ResourceNotFoundException for any other.
  stub = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      const { SecretId } = JSON.parse(body) as { SecretId: string };
      res.setHeader('content-type', 'application/x-amz-json-1.1');
      if (req.headers['x-amz-target'] === 'secretsmanager.DescribeSecret' && SecretId === EXISTING_SECRET) {
        res.end(JSON.stringify({ ARN: EXISTING_SECRET, Name: 'dsr/unsubscribe-key' }));
      } else {
        res.statusCode = 400;
        res.end(JSON.stringify({ __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." }));
      }
    });
  });
  stubUrl = `http://127.0.0.1:${await listen(stub, 0)}`;
  secretsManager = new SecretsManagerClient({ endpoint: stubUrl, region: 'us-east-1', credentials });
});

afterAll(async () => {
  for (const c of [dynamodb, ses, secretsManager]) c?.destroy();
  stub?.close();
  await local?.stop();
});

const run = (opts: Parameters<typeof preflight>[0]) => {
  const lines: string[] = [];
  return preflight({ dynamodb, ses, secretsManager, print: (l) => lines.push(l), ...opts }).then((checks) => ({ checks, lines }));
};
const find = (checks: Check[], what: string) => checks.find((c) => c.what === what);

describe('npm run preflight', () => {
  it("finds the demo register's tables and the sender's verified domain, and names each unverified recipient while in the sandbox", async () => {
    const { checks, lines } = await run({ senderEmail: 'privacy@demo-association.example' });
    for (const table of ['demo-members', 'demo-event-participation', 'demo-invoices', 'demo-mailing-list', 'demo-platform-accounts']) {
      expect(find(checks, `table ${table}`), table).toMatchObject({ ok: true, detail: 'exists (ACTIVE)' });
    }
    expect(find(checks, 'SES identity demo-association.example')).toMatchObject({ ok: true, detail: 'verified for sending' });
    expect(find(checks, 'SES account')).toMatchObject({
      ok: true,
      detail: expect.stringContaining('in the sandbox (1 message/s): deploy with -c sesSandbox=true'),
    });
    // The DPO and staff are at the verified sender domain; the vendor is not verified.
    expect(find(checks, 'SES identity dpo@demo-association.example (demo-association DPO)')).toMatchObject({ ok: true });
    expect(find(checks, `SES identity ${VENDOR} (demo-association processor bookkeeping)`)).toMatchObject({
      ok: false,
      detail: expect.stringContaining('not verified'),
    });
    expect(lines).toContain('      no secrets named');
    expect(lines.some((l) => l.startsWith(`FAIL  SES identity ${VENDOR}`))).toBe(true);
  });

  it('passes a recipient once it is verified', async () => {
    await ses.send(new CreateEmailIdentityCommand({ EmailIdentity: VENDOR }));
    const [link] = linksIn(await waitForEmail(local.rt, VENDOR)).filter((l) => l.includes('/local/identities/'));
    await fetch(link!);
    const { checks } = await run({ senderEmail: 'privacy@demo-association.example' });
    expect(find(checks, `SES identity ${VENDOR} (demo-association processor bookkeeping)`)).toMatchObject({ ok: true });
  });

  it("fails a production register whose tables do not exist, or lack the lookup's index, and a sender domain not yet created", async () => {
    const first = await run({ registerFile: PRODUCTION_REGISTER, senderEmail: 'privacy@acme-association.eu' });
    expect(find(first.checks, 'table acme-members')).toMatchObject({ ok: false, detail: 'does not exist in this account and region' });
    expect(find(first.checks, 'SES identity acme-association.eu')).toMatchObject({ ok: true, detail: expect.stringContaining('the stack creates it') });
    expect(find(first.checks, 'SES identity dpo@acme-association.eu (acme-association DPO)')).toMatchObject({ ok: false });

    await dynamodb.send(
      new CreateTableCommand({
        TableName: 'acme-members',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      }),
    );
    const second = await run({ registerFile: PRODUCTION_REGISTER, senderEmail: 'privacy@acme-association.eu' });
    expect(find(second.checks, 'table acme-members')).toMatchObject({ ok: false, detail: "has no index by-email, which the register's lookup uses" });
  });

  it('checks each secret it is given with DescribeSecret', async () => {
    const missing = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:dsr/gone-XyZ123';
    const { checks } = await run({ secrets: [EXISTING_SECRET, missing] });
    expect(find(checks, `secret ${EXISTING_SECRET}`)).toMatchObject({ ok: true, detail: 'exists' });
    expect(find(checks, `secret ${missing}`)).toMatchObject({ ok: false, detail: 'does not exist in this account and region' });
  });

  it('runs as `npm run preflight` with the caller’s credentials and endpoints, printing each check and failing when one fails', async () => {
    // Not spawnSync: the emulators answer from this process's event loop.
    const out = await new Promise<{ stdout: string; status: number | null }>((resolve) => {
      const child = execFile(
        'npx',
        ['tsx', 'infra/preflight.ts', '--register', PRODUCTION_REGISTER, '--sender', 'privacy@acme-association.eu'],
        {
          cwd: REPO_ROOT,
          encoding: 'utf8',
          env: {
            PATH: process.env.PATH ?? '',
            HOME: process.env.HOME ?? '',
            AWS_REGION: 'us-east-1',
            AWS_ACCESS_KEY_ID: 'local',
            AWS_SECRET_ACCESS_KEY: 'local',
            AWS_ENDPOINT_URL_DYNAMODB: local.rt.urls.dynamodb,
            AWS_ENDPOINT_URL_SESV2: local.rt.urls.ses,
            AWS_ENDPOINT_URL_SECRETS_MANAGER: stubUrl,
          },
          timeout: 60_000,
        },
        (_err, stdout) => resolve({ stdout, status: child.exitCode }),
      );
    });
    expect(out.stdout).toContain(`register ${PRODUCTION_REGISTER}`);
    expect(out.stdout).toMatch(/FAIL {2}table acme-members: (has no index by-email|does not exist)/);
    expect(out.stdout).toMatch(/ok {4}SES account: in the sandbox/);
    expect(out.stdout).toMatch(/\d+ check\(s\) failed/);
    expect(out.status).toBe(1);
  }, 90_000);
});
