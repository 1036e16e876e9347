/**
 * Least privilege, asserted: every function's IAM actions, exactly. A grant added to a function
 * without a row here fails, and so does one that widens a row.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import type { DsrFunctions } from '../../infra/stack';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Condition?: unknown };

/** Every function: its own log group and X-Ray traces. */
const BASE = ['logs:CreateLogStream', 'logs:PutLogEvents', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'];
/** CDK's grantReadWriteData on the requests table, and the personal-data key it is encrypted with. */
const TABLE_READ_WRITE = [
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DeleteItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:PutItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:UpdateItem',
  'kms:Decrypt',
  'kms:DescribeKey',
  'kms:Encrypt',
  'kms:GenerateDataKey*',
  'kms:ReEncrypt*',
];
/** CDK's grantReadData on the requests table. */
const TABLE_READ = [
  'dynamodb:BatchGetItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:DescribeTable',
  'dynamodb:GetItem',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
  'dynamodb:Query',
  'dynamodb:Scan',
  'kms:Decrypt',
  'kms:DescribeKey',
];
/** CDK's grantReadWrite on the package bucket. */
const BUCKET_READ_WRITE = [
  's3:Abort*',
  's3:DeleteObject*',
  's3:GetBucket*',
  's3:GetObject*',
  's3:List*',
  's3:PutObject',
  's3:PutObjectLegalHold',
  's3:PutObjectRetention',
  's3:PutObjectTagging',
  's3:PutObjectVersionTagging',
];
const SEND_EMAIL = ['ses:SendEmail'];
/** A staff read's own audit event (limited by the statement's conditions to the audit trails' keys and attributes). */
const AUDIT_READ = ['dynamodb:PutItem', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:ReEncrypt*'];
const ANSWER_TASKS = ['states:SendTaskFailure', 'states:SendTaskHeartbeat', 'states:SendTaskSuccess'];
const START = ['states:StartExecution'];
const FAILED_RUNS = ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'];
/** Reading one secret at cold start. */
const READ_SECRET = ['secretsmanager:GetSecretValue'];

/** What each function may do, and nothing more. */
const ALLOWED: Record<keyof DsrFunctions, string[]> = {
  // The form is rendered from the bundled register: no data at all.
  form: BASE,
  // The API document is built from the bundled schemas: no data at all.
  openApi: BASE,
  intake: [...BASE, ...TABLE_READ_WRITE, 's3:PutObject', ...SEND_EMAIL, ...READ_SECRET],
  // Confirming starts the workflow and emails the receipt.
  verify: [...BASE, ...TABLE_READ_WRITE, ...START, ...SEND_EMAIL],
  // A withdrawal ends waiting branches, emails the receipt and the vendors and staff still working, signs webhooks' notices,
  // invokes the lambda processors still working (their declared ARNs only: test/infra/inhouse-processors.test.ts).
  status: [...BASE, ...TABLE_READ_WRITE, 's3:DeleteObject', ...ANSWER_TASKS, ...SEND_EMAIL, ...READ_SECRET, 'lambda:InvokeFunction'],
  // One item by its key, and one object under packages/ to sign a link to.
  download: [...BASE, 'dynamodb:GetItem', 'kms:Decrypt', 's3:GetObject'],
  // Results and uploads are written under exports/, never read, listed or deleted.
  opendsrCallback: [...BASE, ...TABLE_READ_WRITE, 's3:PutObject', ...ANSWER_TASKS],
  task: [...BASE, ...TABLE_READ_WRITE, 's3:PutObject', ...ANSWER_TASKS],
  // An in-house system's later answer: its records under exports/, its webhook's signing secret.
  processorCallback: [...BASE, ...TABLE_READ_WRITE, 's3:PutObject', ...ANSWER_TASKS, ...READ_SECRET],
  unsubscribe: [...BASE, ...TABLE_READ_WRITE, ...START, ...READ_SECRET],
  reply: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL],
  // The unsubscribe key (request ids) and the mailing tools' webhook keys the register names.
  mailingToolWebhook: [...BASE, ...TABLE_READ_WRITE, ...START, ...READ_SECRET],
  // Suppression list entries by key, the suppression key (keyed hashes), the controllers' API keys.
  suppressionCheck: [...BASE, 'dynamodb:GetItem', 'kms:Decrypt', ...READ_SECRET],
  route: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL, ...READ_SECRET],
  awaitDecision: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL, ...ANSWER_TASKS],
  runProcessor: [...BASE, ...TABLE_READ_WRITE, ...BUCKET_READ_WRITE, ...READ_SECRET],
  // The demo's database is given by URL: no connection secret, no network (test/infra/sql-databases.test.ts).
  runDatabaseProcessor: [...BASE, ...TABLE_READ_WRITE, ...BUCKET_READ_WRITE, ...READ_SECRET],
  // It invokes the register's lambda processors (their declared ARNs only: test/infra/inhouse-processors.test.ts).
  awaitProcessor: [...BASE, ...TABLE_READ_WRITE, ...BUCKET_READ_WRITE, ...SEND_EMAIL, ...ANSWER_TASKS, ...READ_SECRET, 'lambda:InvokeFunction'],
  recordBranchFailure: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL],
  assemblePackage: [...BASE, ...TABLE_READ_WRITE, ...BUCKET_READ_WRITE],
  notifySubject: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL],
  finalize: [...BASE, ...TABLE_READ_WRITE],
  sweep: [
    ...BASE,
    ...TABLE_READ_WRITE,
    ...BUCKET_READ_WRITE,
    ...SEND_EMAIL,
    ...ANSWER_TASKS,
    ...START,
    'states:DescribeExecution',
    'states:RedriveExecution',
    ...FAILED_RUNS,
    ...READ_SECRET,
    // A withdrawal's notice to a lambda processor, sent again.
    'lambda:InvokeFunction',
  ],
  console: BASE,
  staffRequests: [...BASE, ...TABLE_READ, ...AUDIT_READ, 's3:GetObject'],
  staffDecide: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL, ...ANSWER_TASKS],
  staffReports: [...BASE, ...TABLE_READ, ...AUDIT_READ],
  // A recorded request's files are written under entries/, never read, listed or deleted; an attested one starts at once.
  staffEnter: [...BASE, ...TABLE_READ_WRITE, 's3:PutObject', ...START, ...SEND_EMAIL],
  digest: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL, ...FAILED_RUNS],
  transparency: [...BASE, ...TABLE_READ],
  retention: [
    ...BASE,
    'dynamodb:DescribeTable',
    'dynamodb:PutItem',
    'dynamodb:Query',
    'dynamodb:Scan',
    'dynamodb:UpdateItem',
    'kms:Decrypt',
    'kms:Encrypt',
    'kms:GenerateDataKey*',
    'kms:ReEncrypt*',
    's3:PutObject',
    ...FAILED_RUNS,
  ],
  // Closes a request whose link bounced, escalates a bounced task by email; a run that failed goes to the failed-runs queue.
  mailFeedback: [...BASE, ...TABLE_READ_WRITE, 's3:DeleteObject', ...SEND_EMAIL, ...FAILED_RUNS],
  // A received message is read from under inbound-mail/ only, never listed, written or deleted (its lifecycle rule deletes it).
  receiveEmail: [...BASE, ...TABLE_READ_WRITE, 's3:GetObject', ...SEND_EMAIL, ...READ_SECRET],
  // Accepting a draft makes the request and sends its verification email.
  staffInbound: [...BASE, ...TABLE_READ_WRITE, ...SEND_EMAIL],
};

let resources: Record<string, Resource>;
let functions: DsrFunctions;

beforeAll(() => {
  const { app, stack } = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } });
  functions = stack.functions;
  resources = app.synth().getStackByName(stack.stackName).template.Resources;
});

/** Every statement of every policy on the role of the function, wherever the policy was made. */
function statementsOf(name: keyof DsrFunctions): Statement[] {
  const entry = functions[name].entry;
  const [, fn] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['dsr:entry'] === entry)!;
  const role: string = fn.Properties.Role['Fn::GetAtt'][0];
  const managed = resources[role]!.Properties.ManagedPolicyArns ?? [];
  expect(managed, `${name}: managed policies`).toEqual([]);
  expect(resources[role]!.Properties.Policies ?? [], `${name}: inline role policies`).toEqual([]);
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref?: string }[]).some((x) => x.Ref === role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}

const actionsOf = (statements: Statement[]) => [...new Set(statements.flatMap((s) => [s.Action].flat()))].sort();
const onResource = (statements: Statement[], action: string) => statements.filter((s) => [s.Action].flat().includes(action));
const logicalId = (type: string, predicate: (r: Resource) => boolean = () => true) => {
  const found = Object.entries(resources).filter(([, r]) => r.Type === type && predicate(r));
  expect(found, type).toHaveLength(1);
  return found[0]![0];
};

describe('least privilege', () => {
  it('has a row for every function of the stack', () => {
    expect(Object.keys(ALLOWED).sort()).toEqual(Object.keys(functions).sort());
  });

  it.each(Object.keys(ALLOWED) as (keyof DsrFunctions)[])('lets %s do exactly what its row allows, nothing extra', (name) => {
    const statements = statementsOf(name);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
    expect(actionsOf(statements)).toEqual([...new Set(ALLOWED[name])].sort());
  });

  it('gives the form no table, bucket, key or secret', () => {
    expect(actionsOf(statementsOf('form')).filter((a) => !BASE.includes(a))).toEqual([]);
  });

  it('lets download get one item of the requests table (no index) and get objects under packages/ only', () => {
    const statements = statementsOf('download');
    const tableId = logicalId('AWS::DynamoDB::Table', (r) => JSON.stringify(r.Properties.KeySchema).includes('"pk"') && !!r.Properties.SSESpecification);
    const [getItem] = onResource(statements, 'dynamodb:GetItem');
    expect([getItem!.Action].flat()).toEqual(['dynamodb:GetItem']);
    expect(getItem!.Resource).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
    const [getObject] = onResource(statements, 's3:GetObject');
    expect([getObject!.Action].flat()).toEqual(['s3:GetObject']);
    expect(JSON.stringify(getObject!.Resource)).toMatch(/"\/packages\/\*"\]\]\}$/);
    const [decrypt] = onResource(statements, 'kms:Decrypt');
    const keyId = logicalId('AWS::KMS::Key', (r) => String(r.Properties.Description).startsWith('Encrypts data-subject requests'));
    expect(decrypt!.Resource).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
  });

  it('lets the suppression check get suppression list entries only, and read only its keys', () => {
    const statements = statementsOf('suppressionCheck');
    const [getItem] = onResource(statements, 'dynamodb:GetItem');
    expect([getItem!.Action].flat()).toEqual(['dynamodb:GetItem']);
    expect(JSON.stringify(getItem!.Condition)).toContain('SUPPRESS#*');
    const secrets = onResource(statements, 'secretsmanager:GetSecretValue').flatMap((s) => [s.Resource].flat());
    expect(JSON.stringify(secrets)).toContain('secret:dsr/demo-association/suppression-check-key-??????');
    expect(JSON.stringify(secrets)).not.toContain('mailchimp-webhook-key');
    expect(secrets.some((r) => JSON.stringify(r).includes('*'))).toBe(false);
  });

  it("lets the mailing tools' webhook read its tools' keys, not the suppression check's", () => {
    const secrets = onResource(statementsOf('mailingToolWebhook'), 'secretsmanager:GetSecretValue').flatMap((s) => [s.Resource].flat());
    expect(JSON.stringify(secrets)).toContain('secret:dsr/demo-association/mailchimp-webhook-key-??????');
    expect(JSON.stringify(secrets)).not.toContain('suppression-check-key');
  });

  it.each(['task', 'opendsrCallback'] as const)('lets %s only put objects, under exports/ only', (name) => {
    const statements = statementsOf(name);
    expect(actionsOf(statements).filter((a) => a.startsWith('s3:'))).toEqual(['s3:PutObject']);
    const puts = onResource(statements, 's3:PutObject');
    expect(puts).toHaveLength(1);
    expect([puts[0]!.Action].flat()).toEqual(['s3:PutObject']);
    expect(JSON.stringify(puts[0]!.Resource)).toMatch(/"\/exports\/\*"\]\]\}$/);
  });
});
