/**
 * `npm run preflight -- [--register path/to/register.json] [--sender privacy@your-domain] [--secret name-or-arn]...`
 *
 * Before `cdk deploy`, with the caller's AWS credentials and region: checks that what the register
 * names exists in the account: each DynamoDB store (DescribeTable, and its lookup index), each
 * secret (DescribeSecret: Secrets Manager ARNs in the register and `--secret`), the sender's SES
 * domain identity (GetEmailIdentity) and, while the account is in the SES sandbox (GetAccount),
 * each address the service writes to that the register names (the DPO, staff, vendors), which
 * the sandbox delivers to only when verified. Prints each check; exits 1 if one failed.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeSecretCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { GetAccountCommand, GetEmailIdentityCommand, SESv2Client } from '@aws-sdk/client-sesv2';
import { REPO_ROOT } from './constructs/house-function';
import { readRegisterSource } from './register-source';

/** One check and what it found. */
export interface Check {
  readonly ok: boolean;
  /** What was checked, e.g. `table acme-members`. */
  readonly what: string;
  /** What was found, or what to do about it. */
  readonly detail: string;
}

/** Options of {@link preflight}; clients default to the SDK's, which use the caller's credentials and region. */
export interface PreflightOptions {
  /** @default the demo register */
  readonly registerFile?: string;
  /** @default cdk.json's context `senderEmail` */
  readonly senderEmail?: string;
  /** Secrets the deployment is given besides those the register names. */
  readonly secrets?: readonly string[];
  readonly dynamodb?: DynamoDBClient;
  readonly ses?: SESv2Client;
  readonly secretsManager?: SecretsManagerClient;
  /** Where each check is printed as it is made. @default console.log */
  readonly print?: (line: string) => void;
}

const SECRET_ARN = /arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:[A-Za-z0-9/_+=.@-]+/g;

/** Addresses the service writes to that the register names, with where. */
function recipients(register: ReturnType<typeof readRegisterSource>['register']): Map<string, string> {
  const found = new Map<string, string>();
  for (const c of register.controllers) {
    found.set(c.dpoEmail.toLowerCase(), `${c.id} DPO`);
    if (c.review.staffEmail) found.set(c.review.staffEmail.toLowerCase(), `${c.id} staff`);
    for (const r of c.digest?.recipients ?? []) found.set(r.toLowerCase(), `${c.id} digest`);
    for (const p of c.processors) {
      if (p.kind === 'email') found.set(p.contactEmail.toLowerCase(), `${c.id} processor ${p.id}`);
      if (p.kind === 'manual') found.set(p.assigneeEmail.toLowerCase(), `${c.id} processor ${p.id}`);
    }
  }
  return found;
}

const errorName = (e: unknown) => (e as { name?: string })?.name ?? 'Error';

/** Runs every check, printing each; resolves with them all. */
export async function preflight(opts: PreflightOptions = {}): Promise<Check[]> {
  const print = opts.print ?? ((line: string) => console.log(line));
  const source = readRegisterSource({ ...(opts.registerFile ? { file: opts.registerFile } : {}), demo: true });
  const context = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'cdk.json'), 'utf8')) as { context?: Record<string, string> }).context ?? {};
  const senderEmail = opts.senderEmail ?? context.senderEmail ?? '';
  const dynamodb = opts.dynamodb ?? new DynamoDBClient({});
  const ses = opts.ses ?? new SESv2Client({});
  const secretsManager = opts.secretsManager ?? new SecretsManagerClient({});
  const checks: Check[] = [];
  const record = (check: Check) => {
    checks.push(check);
    print(`${check.ok ? 'ok  ' : 'FAIL'}  ${check.what}: ${check.detail}`);
  };

  print(`register ${source.file}`);
  const stores = new Map<string, Set<string>>();
  for (const c of source.register.controllers) {
    for (const p of c.processors) {
      if (p.kind !== 'dynamodb') continue;
      const indexes = stores.get(p.table) ?? new Set<string>();
      if ('indexName' in p.lookup) indexes.add(p.lookup.indexName);
      stores.set(p.table, indexes);
    }
  }
  for (const [table, indexes] of stores) {
    try {
      const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: table }));
      const have = new Set((Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
      const missing = [...indexes].filter((i) => !have.has(i));
      if (missing.length) record({ ok: false, what: `table ${table}`, detail: `has no index ${missing.join(', ')}, which the register's lookup uses` });
      else record({ ok: true, what: `table ${table}`, detail: `exists (${Table?.TableStatus ?? 'unknown status'})` });
    } catch (e) {
      record({
        ok: false,
        what: `table ${table}`,
        detail: errorName(e) === 'ResourceNotFoundException' ? 'does not exist in this account and region' : `cannot be described (${errorName(e)})`,
      });
    }
  }

  const secrets = [...new Set([...(JSON.stringify(source.raw).match(SECRET_ARN) ?? []), ...(opts.secrets ?? [])])];
  if (secrets.length === 0) print('      no secrets named');
  for (const secret of secrets) {
    try {
      const out = await secretsManager.send(new DescribeSecretCommand({ SecretId: secret }));
      if (out.DeletedDate) record({ ok: false, what: `secret ${secret}`, detail: 'is scheduled for deletion' });
      else record({ ok: true, what: `secret ${secret}`, detail: 'exists' });
    } catch (e) {
      record({
        ok: false,
        what: `secret ${secret}`,
        detail: errorName(e) === 'ResourceNotFoundException' ? 'does not exist in this account and region' : `cannot be described (${errorName(e)})`,
      });
    }
  }

  const identityStatus = async (identity: string): Promise<{ exists: boolean; verified: boolean; error?: string }> => {
    try {
      const out = await ses.send(new GetEmailIdentityCommand({ EmailIdentity: identity }));
      return { exists: true, verified: out.VerifiedForSendingStatus === true };
    } catch (e) {
      return errorName(e) === 'NotFoundException' ? { exists: false, verified: false } : { exists: false, verified: false, error: errorName(e) };
    }
  };
  const senderDomain = context.senderDomain ?? senderEmail.split('@')[1] ?? '';
  const sender = await identityStatus(senderDomain);
  if (sender.error) record({ ok: false, what: `SES identity ${senderDomain}`, detail: `cannot be read (${sender.error})` });
  else if (!sender.exists)
    record({
      ok: true,
      what: `SES identity ${senderDomain}`,
      detail: 'not created yet: the stack creates it; then publish its DKIM records (the SenderDkimRecord outputs)',
    });
  else
    record({
      ok: sender.verified,
      what: `SES identity ${senderDomain}`,
      detail: sender.verified ? 'verified for sending' : 'not verified yet: publish its DKIM records',
    });

  let sandbox = true;
  try {
    const account = await ses.send(new GetAccountCommand({}));
    sandbox = account.ProductionAccessEnabled !== true;
    record({
      ok: true,
      what: 'SES account',
      detail: sandbox
        ? `in the sandbox (${account.SendQuota?.MaxSendRate ?? '?'} message/s): deploy with -c sesSandbox=true; only verified addresses get mail until production access is granted`
        : 'production access: mail goes to any address',
    });
  } catch (e) {
    record({ ok: false, what: 'SES account', detail: `cannot be read (${errorName(e)})` });
  }
  if (sandbox) {
    for (const [address, who] of recipients(source.register)) {
      const own = await identityStatus(address);
      const domain = own.verified ? own : await identityStatus(address.split('@')[1]!);
      record({
        ok: domain.verified,
        what: `SES identity ${address} (${who})`,
        detail: domain.verified
          ? 'verified: the sandbox delivers to it'
          : 'not verified: the sandbox refuses mail to it; verify it in SES or leave the sandbox',
      });
    }
  }
  return checks;
}

/** `--register x --sender y --secret z --secret w` → options. */
export function parseArgs(argv: readonly string[]): PreflightOptions {
  const secrets: string[] = [];
  let registerFile: string | undefined;
  let senderEmail: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = () => inline ?? argv[++i] ?? '';
    if (flag === '--register') registerFile = value();
    else if (flag === '--sender') senderEmail = value();
    else if (flag === '--secret') secrets.push(value());
    else throw new Error(`unknown option ${flag}; use --register <file>, --sender <address>, --secret <name or ARN>`);
  }
  return { ...(registerFile ? { registerFile } : {}), ...(senderEmail ? { senderEmail } : {}), secrets };
}

// Run as `npm run preflight`, not when imported by tests.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  preflight(parseArgs(process.argv.slice(2))).then(
    (checks) => {
      const failed = checks.filter((c) => !c.ok).length;
      console.log(failed ? `\n${failed} check(s) failed` : '\nall checks passed');
      process.exitCode = failed ? 1 : 0;
    },
    (e: Error) => {
      console.error(e.message);
      process.exitCode = 1;
    },
  );
}
