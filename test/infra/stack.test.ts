import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueDate, extendedDueDate } from '../../functions/domain/deadlines';
import { parseRegister } from '../../functions/domain/register-schema';
import { buildApp } from '../../infra/app';
import { REPO_ROOT } from '../../infra/constructs/house-function';
import { PACKAGE_AFTER_DEADLINE_DAYS } from '../../infra/stack';

/** The handler modules of docs/ARCHITECTURE.md, by the short names used below. */
const MODULES = {
  form: 'functions/handlers/subject-api/form.ts',
  intake: 'functions/handlers/subject-api/intake.ts',
  verify: 'functions/handlers/subject-api/verify.ts',
  status: 'functions/handlers/subject-api/status.ts',
  download: 'functions/handlers/subject-api/download.ts',
  opendsrCallback: 'functions/handlers/processor-api/opendsr-callback.ts',
  task: 'functions/handlers/processor-api/task.ts',
  processorCallback: 'functions/handlers/processor-api/processor-callback.ts',
  reply: 'functions/handlers/subject-api/reply.ts',
  unsubscribe: 'functions/handlers/subject-api/unsubscribe.ts',
  mailingToolWebhook: 'functions/handlers/processor-api/mailing-tool-webhook.ts',
  suppressionCheck: 'functions/handlers/subject-api/suppression-check.ts',
  route: 'functions/handlers/workflow/route.ts',
  awaitDecision: 'functions/handlers/workflow/await-decision.ts',
  run: 'functions/handlers/workflow/run-processor.ts',
  runDatabase: 'functions/handlers/workflow/run-database-processor.ts',
  submit: 'functions/handlers/workflow/await-processor.ts',
  recordFailure: 'functions/handlers/workflow/record-branch-failure.ts',
  assemble: 'functions/handlers/workflow/assemble-package.ts',
  notify: 'functions/handlers/workflow/notify-subject.ts',
  finalize: 'functions/handlers/workflow/finalize.ts',
  sweep: 'functions/handlers/scheduled/sweep.ts',
  console: 'functions/handlers/staff-api/console.ts',
  staffRequests: 'functions/handlers/staff-api/requests.ts',
  staffDecide: 'functions/handlers/staff-api/decide.ts',
  staffReports: 'functions/handlers/staff-api/reports.ts',
  staffEnter: 'functions/handlers/staff-api/enter.ts',
  digest: 'functions/handlers/scheduled/digest.ts',
  transparency: 'functions/handlers/subject-api/transparency.ts',
  openApi: 'functions/handlers/subject-api/openapi.ts',
  retention: 'functions/handlers/scheduled/retention.ts',
  mailFeedback: 'functions/handlers/events/mail-feedback.ts',
  receiveEmail: 'functions/handlers/inbound/receive-email.ts',
  staffInbound: 'functions/handlers/staff-api/inbound.ts',
} as const;
type Name = keyof typeof MODULES;
const ALL = Object.keys(MODULES) as Name[];
/** The handlers that only read the requests table: the staff API's reads and the public transparency page. */
const READERS: Name[] = ['staffRequests', 'staffReports', 'transparency'];
/**
 * The handlers that read and write the requests table: all but the staff console, the form and the API document (no
 * data), the readers, download and the suppression check (items by key) and the retention sweep (put and update only).
 */
const WRITERS = ALL.filter((n) => !['console', 'form', 'openApi', 'download', 'suppressionCheck', 'retention'].includes(n) && !READERS.includes(n));

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

let template: Template;
let resources: Record<string, Resource>;
/** Logical id of each function, by short name. */
const functionIds = {} as Record<Name, string>;

beforeAll(() => {
  // Bundling skipped: these tests look at the template, not at the code.
  const { stack } = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } });
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::Lambda::Function') continue;
    const entry = r.Metadata?.['dsr:entry'];
    const name = ALL.find((n) => MODULES[n] === entry);
    if (name) functionIds[name] = id;
  }
});

function ofType(type: string): [string, Resource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

/** Logical id of the one resource of this type. */
function idOf(type: string): string {
  const all = ofType(type);
  expect(all, type).toHaveLength(1);
  return all[0]![0];
}

/** Every statement in the policies attached to the role of the named function. */
function statementsOf(name: Name): Statement[] {
  const fn = resources[functionIds[name]]!;
  const roleId: string = fn.Properties.Role['Fn::GetAtt'][0];
  return ofType('AWS::IAM::Policy')
    .filter(([, p]) => (p.Properties.Roles as unknown[]).some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleId })))
    .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
}

function actionsOf(name: Name): string[] {
  return statementsOf(name).flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
}

function withAction(predicate: (action: string) => boolean): Name[] {
  return ALL.filter((n) => actionsOf(n).some(predicate)).sort();
}

function envOf(name: Name): Record<string, unknown> {
  return resources[functionIds[name]]!.Properties.Environment?.Variables ?? {};
}

function withEnv(variable: string): Name[] {
  return ALL.filter((n) => variable in envOf(n)).sort();
}

/** The state machine's ASL with each function ARN replaced by `<logicalId>` and the partition by `aws`. */
function definition(): any {
  const [[, sm]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Resource]];
  const parts: unknown[] = sm.Properties.DefinitionString['Fn::Join'][1];
  const literal = (p: any): string => {
    if (typeof p === 'string') return p;
    if (p.Ref === 'AWS::Partition') return 'aws';
    if (p['Fn::GetAtt']?.[1] === 'Arn') return `<${p['Fn::GetAtt'][0]}>`;
    throw new Error(`unexpected token in the definition: ${JSON.stringify(p)}`);
  };
  return JSON.parse(parts.map(literal).join(''));
}

/** Logical ids of the roles that hold a statement allowing `action`, in any policy of the stack. */
function rolesAllowed(action: string): string[] {
  const roles = new Set<string>();
  for (const [, policy] of ofType('AWS::IAM::Policy')) {
    const statements = policy.Properties.PolicyDocument.Statement as Statement[];
    if (!statements.some((s) => s.Effect === 'Allow' && [s.Action].flat().includes(action))) continue;
    for (const role of policy.Properties.Roles as { Ref: string }[]) roles.add(role.Ref);
  }
  for (const [id, role] of ofType('AWS::IAM::Role')) {
    if (JSON.stringify(role.Properties.Policies ?? []).includes(`"${action}"`)) roles.add(id);
  }
  return [...roles].sort();
}

function roleOf(name: Name): string {
  return resources[functionIds[name]]!.Properties.Role['Fn::GetAtt'][0];
}

describe('requests table', () => {
  it('keeps requests: point-in-time recovery, KMS encryption, retained on delete and replace', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: Match.anyValue() },
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      }),
    });
  });

  it.each([
    { index: 'open-by-due', partition: 'openCtl', sort: 'openDue', projection: 'ALL', of: 'open requests' },
    {
      index: 'purge-by-due',
      partition: 'purgeCtl',
      sort: 'purgeAt',
      projection: 'KEYS_ONLY',
      of: "closed requests still to purge (the service's own retention)",
    },
  ])('has the sparse $index index on $partition and $sort ($projection) for $of', ({ index, partition, sort, projection }) => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: Match.arrayWith([
        {
          IndexName: index,
          KeySchema: [
            { AttributeName: partition, KeyType: 'HASH' },
            { AttributeName: sort, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: projection },
        },
      ]),
    });
  });

  it('indexes requests by received and answered time, and branches by finish time, per controller, projecting no personal data', () => {
    const indexes = ofType('AWS::DynamoDB::Table')[0]![1].Properties.GlobalSecondaryIndexes as any[];
    const byName = Object.fromEntries(indexes.map((i) => [i.IndexName, i]));
    for (const [name, sortKey] of [
      ['received-by-controller', 'receivedAt'],
      ['answered-by-controller', 'completedAt'],
      ['branch-outcomes-by-controller', 'finishedAt'],
    ]) {
      expect(byName[name!].KeySchema).toEqual([
        { AttributeName: 'controllerId', KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ]);
      expect(byName[name!].Projection.ProjectionType).toBe('INCLUDE');
      for (const personal of ['email', 'name', 'details', 'infoRequest', 'statusKey'])
        expect(byName[name!].Projection.NonKeyAttributes).not.toContain(personal);
    }
  });

  it('encrypts with a customer-managed key that rotates and is retained', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
  });
});

/** Logical id of the bucket holding exports and packages. */
function packageBucketId(): string {
  const buckets = ofType('AWS::S3::Bucket').filter(([, b]) => b.Properties.LifecycleConfiguration?.Rules?.some((r: any) => r.Prefix === 'packages/'));
  expect(buckets).toHaveLength(1);
  return buckets[0]![0];
}

describe('package bucket', () => {
  const packageBucket = (): [string, Resource] => [packageBucketId(), resources[packageBucketId()]!];

  it('encrypts access packages with the KMS key and blocks all public access', () => {
    const [, bucket] = packageBucket();
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toMatchObject({
      SSEAlgorithm: 'aws:kms',
      KMSMasterKeyID: expect.anything(),
    });
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  it('expires packages after 8 days, a day after the download link', () => {
    const [, bucket] = packageBucket();
    const rules = bucket.Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(expect.arrayContaining([expect.objectContaining({ Prefix: 'packages/', ExpirationInDays: 8, Status: 'Enabled' })]));
  });

  it('keeps exports until the slowest branch can answer: past any deadline extended by two months, and a closing review after it', () => {
    const [, bucket] = packageBucket();
    const rule = bucket.Properties.LifecycleConfiguration.Rules.find((r: any) => r.Prefix === 'exports/');
    expect(rule).toMatchObject({ Status: 'Enabled', ExpirationInDays: expect.any(Number) });
    // S3 counts from the write, rounded up to midnight UTC; an export is written after receipt at the earliest.
    const DAY = 86_400_000;
    for (const c of parseRegister(JSON.parse(readFileSync(path.join(REPO_ROOT, 'config', 'register.json'), 'utf8'))).controllers) {
      for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2028, 0, 1); t += DAY) {
        const lastAnswer =
          extendedDueDate(dueDate(new Date(t), c.deadline, c.publicHolidays), 2, c.publicHolidays).getTime() + PACKAGE_AFTER_DEADLINE_DAYS * DAY;
        expect(t + rule.ExpirationInDays * DAY, `${c.id}, received ${new Date(t).toISOString()}`).toBeGreaterThanOrEqual(lastAnswer);
      }
    }
  });

  it('writes server access logs to a separate bucket', () => {
    const [, bucket] = packageBucket();
    const target = bucket.Properties.LoggingConfiguration.DestinationBucketName.Ref;
    expect(resources[target]?.Type).toBe('AWS::S3::Bucket');
  });

  it('denies every request that does not use TLS, on both buckets', () => {
    const policies = ofType('AWS::S3::BucketPolicy');
    expect(policies).toHaveLength(2);
    for (const [, policy] of policies) {
      expect(policy.Properties.PolicyDocument.Statement).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            Effect: 'Deny',
            Action: 's3:*',
            Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          }),
        ]),
      );
    }
  });
});

describe('functions', () => {
  it('builds one function per handler module, each recording an existing module as dsr:entry', () => {
    const entries = ofType('AWS::Lambda::Function')
      .map(([, r]) => r.Metadata?.['dsr:entry'])
      .sort();
    expect(entries).toEqual(Object.values(MODULES).sort());
    for (const entry of entries) expect(existsSync(path.join(REPO_ROOT, entry)), `${entry} exists`).toBe(true);
  });

  it('runs every function on Node.js 24, ARM, with active tracing and its own log group', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
        TracingConfig: { Mode: 'Active' },
        LoggingConfig: { LogGroup: { Ref: expect.any(String) } },
      });
    }
  });

  it('maps stack traces to the sources everywhere, and pins a small young generation for the package builder only', () => {
    for (const name of ALL) {
      expect(envOf(name).NODE_OPTIONS).toBe(name === 'assemble' ? '--enable-source-maps --max-semi-space-size=8' : '--enable-source-maps');
    }
  });

  it('keeps every log group for a limited time', () => {
    for (const [id, group] of ofType('AWS::Logs::LogGroup')) {
      expect(group.Properties.RetentionInDays, id).toBeGreaterThan(0);
    }
  });

  it('gives no function the broad AWSLambdaBasicExecutionRole managed policy', () => {
    for (const [, role] of ofType('AWS::IAM::Role')) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });
});

describe('configuration and grants (least privilege)', () => {
  it('sets each variable on exactly the handlers of the ARCHITECTURE.md table', () => {
    expect(withEnv('REQUESTS_TABLE')).toEqual(ALL.filter((n) => n !== 'console' && n !== 'form' && n !== 'openApi').sort());
    expect(withEnv('PACKAGE_BUCKET')).toEqual([
      'assemble',
      'download',
      'intake',
      'mailFeedback',
      'opendsrCallback',
      'processorCallback',
      'receiveEmail',
      'retention',
      'run',
      'runDatabase',
      'staffEnter',
      'staffRequests',
      'status',
      'submit',
      'sweep',
      'task',
    ]);
    expect(withEnv('STATE_MACHINE_ARN')).toEqual(['mailingToolWebhook', 'staffEnter', 'sweep', 'unsubscribe', 'verify']);
    expect(withEnv('UNSUBSCRIBE_KEY_SECRET')).toEqual(['mailingToolWebhook', 'unsubscribe']);
    expect(withEnv('SENDER_EMAIL')).toEqual([
      'awaitDecision',
      'digest',
      'intake',
      'mailFeedback',
      'notify',
      'receiveEmail',
      'recordFailure',
      'reply',
      'route',
      'staffDecide',
      'staffEnter',
      'staffInbound',
      'status',
      'submit',
      'sweep',
      'verify',
    ]);
    expect(withEnv('PUBLIC_BASE_URL')).toEqual([
      'awaitDecision',
      'digest',
      'form',
      'intake',
      'mailFeedback',
      'notify',
      'receiveEmail',
      'recordFailure',
      'reply',
      'route',
      'staffDecide',
      'staffEnter',
      'staffInbound',
      'status',
      'submit',
      'sweep',
      'task',
      'verify',
    ]);
    expect(withEnv('SUPPRESSION_KEY_SECRET')).toEqual(['intake', 'receiveEmail', 'route', 'run', 'runDatabase', 'submit', 'suppressionCheck', 'sweep']);
    expect(withEnv('STAFF_SIGN_IN_URL')).toEqual(['console']);
    expect(envOf('intake').VERIFY_TTL_DAYS).toBe('7');
    expect(envOf('intake')).toMatchObject({ INTAKE_LIMIT_PER_ADDRESS: '5', INTAKE_LIMIT_PER_CLIENT: '30', INTAKE_LIMIT_PER_DOMAIN: '50' });
    // Mail to a privacy address is counted by the form's own limits.
    expect(withEnv('INTAKE_LIMIT_PER_ADDRESS')).toEqual(['intake', 'receiveEmail']);
    expect(withEnv('INTAKE_LIMIT_PER_DOMAIN')).toEqual(['intake', 'receiveEmail']);
    expect(envOf('notify').DOWNLOAD_TTL_DAYS).toBe('7');
    expect(withEnv('RETENTION_BATCH_SIZE')).toEqual(['retention']);
    expect(envOf('retention').RETENTION_BATCH_SIZE).toBe('500');
  });

  it('lets every handler but the console, the form, the readers, download, the suppression check and retention read and write the requests table and its index', () => {
    const tableId = ofType('AWS::DynamoDB::Table')[0]![0];
    for (const name of WRITERS) {
      const statement = statementsOf(name).find((s) => JSON.stringify(s.Resource).includes(`"${tableId}"`));
      expect(statement, name).toBeDefined();
      expect(statement!.Action).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
      expect(JSON.stringify(statement!.Resource)).toContain('/index/*');
    }
  });

  it("lets only verify, sweep, unsubscribe, the mailing tools' webhook and staff recording a request start executions", () => {
    expect(withAction((a) => a === 'states:StartExecution')).toEqual(['mailingToolWebhook', 'staffEnter', 'sweep', 'unsubscribe', 'verify']);
    // ...and no other role in the stack either (the scheduler and state machine roles included).
    const starters = ofType('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties).includes('states:StartExecution'));
    expect(starters).toHaveLength(5);
  });

  it('lets only sweep describe and re-drive executions, of this state machine only', () => {
    expect(withAction((a) => a === 'states:DescribeExecution')).toEqual(['sweep']);
    expect(withAction((a) => a === 'states:RedriveExecution')).toEqual(['sweep']);
    const redrive = statementsOf('sweep').find((s) => [s.Action].flat().includes('states:RedriveExecution'))!;
    expect(JSON.stringify(redrive.Resource)).toContain(':execution:');
    expect(JSON.stringify(redrive.Resource)).toContain('WorkflowStateMachine');
  });

  it("gives intake no Step Functions access, and S3 only to add a representative's mandate under entries/", () => {
    expect(actionsOf('intake').filter((a) => a.startsWith('states:'))).toEqual([]);
    expect(actionsOf('intake').filter((a) => a.startsWith('s3:'))).toEqual(['s3:PutObject']);
    const put = statementsOf('intake').find((st) => st.Action === 's3:PutObject')!;
    expect(JSON.stringify(put.Resource)).toContain('/entries/*');
  });

  it("gives S3 access only to the functions that write exports, packages, requests' files or retention reports, erase an unconfirmed request's files, download, open a file for staff or receive mail", () => {
    expect(withAction((a) => a.startsWith('s3:'))).toEqual([
      'assemble',
      'download',
      'intake',
      'mailFeedback',
      'opendsrCallback',
      'processorCallback',
      'receiveEmail',
      'retention',
      'run',
      'runDatabase',
      'staffEnter',
      'staffRequests',
      'status',
      'submit',
      'sweep',
      'task',
    ]);
    // Staff open a request's files (a mandate) by a signed link: GetObject only, under entries/.
    expect(actionsOf('staffRequests').filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject']);
    expect(JSON.stringify(statementsOf('staffRequests').find((st) => st.Action === 's3:GetObject')!.Resource)).toContain('/entries/*');
    // A withdrawal or a bounce before confirmation erases the request's files: DeleteObject only, under entries/.
    for (const fn of ['status', 'mailFeedback'] as const) {
      expect(actionsOf(fn).filter((a) => a.startsWith('s3:'))).toEqual(['s3:DeleteObject']);
      expect(JSON.stringify(statementsOf(fn).find((st) => st.Action === 's3:DeleteObject')!.Resource)).toContain('/entries/*');
    }
    expect(actionsOf('download').filter((a) => a.startsWith('s3:'))).not.toEqual(expect.arrayContaining([expect.stringMatching(/^s3:(Put|Delete)/)]));
    // Recording a request only adds the person's files, under entries/: it reads and deletes nothing there.
    expect(actionsOf('staffEnter').filter((a) => a.startsWith('s3:'))).toEqual(['s3:PutObject']);
    const put = statementsOf('staffEnter').find((st) => st.Action === 's3:PutObject')!;
    expect(JSON.stringify(put.Resource)).toContain('/entries/*');
    expect(actionsOf('receiveEmail').filter((a) => a.startsWith('s3:'))).toEqual(['s3:GetObject']);
  });

  it("lets the sweep delete objects of the package bucket and of no other (the service's own retention)", () => {
    const bucketId = packageBucketId();
    const deletes = statementsOf('sweep').filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:DeleteObject')));
    expect(deletes.length).toBeGreaterThan(0);
    for (const statement of deletes) {
      expect(JSON.stringify(statement.Resource)).toContain(bucketId);
      expect(statement.Resource).not.toBe('*');
    }
  });

  it('lets only the functions that write to people send email, from the sender identity only', () => {
    const senders = [
      'awaitDecision',
      'digest',
      'intake',
      'mailFeedback',
      'notify',
      'receiveEmail',
      'recordFailure',
      'reply',
      'route',
      'staffDecide',
      'staffEnter',
      'staffInbound',
      'status',
      'submit',
      'sweep',
      'verify',
    ] as const;
    expect(withAction((a) => a.startsWith('ses:'))).toEqual(senders);
    expect(withAction((a) => a === 'ses:SendEmail')).toEqual(senders);
    const identityId = ofType('AWS::SES::EmailIdentity')[0]![0];
    for (const name of senders) {
      const send = statementsOf(name).find((s) => s.Action === 'ses:SendEmail')!;
      expect(JSON.stringify(send.Resource)).toContain(identityId);
      expect(send.Resource).not.toBe('*');
    }
  });

  it('lets only what answers a waiting task (submit, the OpenDSR and in-house callbacks, task, sweep, status, the review wait and staff decisions) do so, of this state machine only', () => {
    const answerers: Name[] = ['awaitDecision', 'opendsrCallback', 'processorCallback', 'staffDecide', 'status', 'submit', 'sweep', 'task'];
    const stateMachineId = ofType('AWS::StepFunctions::StateMachine')[0]![0];
    for (const action of ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat']) {
      expect(
        withAction((a) => a === action),
        action,
      ).toEqual(answerers);
      // ...and no other role in the stack (the state machine and scheduler roles included).
      expect(rolesAllowed(action), action).toEqual(answerers.map(roleOf).sort());
      for (const name of answerers) {
        const statement = statementsOf(name).find((s) => [s.Action].flat().includes(action))!;
        expect(statement.Resource, `${name} ${action}`).toEqual({ Ref: stateMachineId });
      }
    }
    expect(withAction((a) => a.startsWith('states:SendTask'))).toEqual(answerers);
  });

  it('names the hashing key to intake, the receiving of mail, both runs, submit, route, sweep and the suppression check only: the ARN of a generated, retained, KMS-encrypted secret they may read, never its value', () => {
    const secrets = ofType('AWS::SecretsManager::Secret');
    expect(secrets).toHaveLength(2); // and the unsubscribe links' key
    const [secretId, secret] = secrets.find(([id]) => id.startsWith('SuppressionKey'))!;
    expect(secret.Properties.GenerateSecretString).toEqual({ PasswordLength: 64, ExcludePunctuation: true, IncludeSpace: false });
    expect(secret.Properties.GenerateSecretString.SecretStringTemplate).toBeUndefined();
    const keyId = ofType('AWS::KMS::Key').find(([id]) => id.startsWith('PersonalDataKey'))![0];
    expect(secret.Properties.KmsKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
    template.hasResource('AWS::SecretsManager::Secret', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    // Rotating would make every stored suppression hash unmatchable.
    expect(ofType('AWS::SecretsManager::RotationSchedule')).toEqual([]);

    const readers = ['intake', 'receiveEmail', 'route', 'run', 'runDatabase', 'submit', 'suppressionCheck', 'sweep'] as const;
    expect(withEnv('SUPPRESSION_KEY_SECRET')).toEqual(readers);
    for (const name of readers.filter((n) => n !== 'suppressionCheck')) {
      // The ARN only: the function reads the value at cold start (no dynamic reference resolved into the environment).
      expect(envOf(name).SUPPRESSION_KEY_SECRET, name).toEqual({ Ref: secretId });
      // Besides: the demo register's Mailchimp connector secret, for submit and sweep (test/infra/http-connectors.test.ts),
      // and the demo's in-house webhook's signing secret for submit and for the sweep, which sends a
      // withdrawal notice again (test/infra/inhouse-processors.test.ts).
      const reads = statementsOf(name).filter(
        (s) =>
          [s.Action].flat().some((a) => a.startsWith('secretsmanager:')) &&
          !JSON.stringify(s.Resource).includes('demo/mailchimp-api-key') &&
          !((name === 'submit' || name === 'sweep') && JSON.stringify(s.Resource).includes('demo-volunteer-portal-webhook')),
      );
      expect(reads, name).toEqual([expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: secretId } })]);
    }
    const [unsubscribeKeyId] = secrets.find(([id]) => id.startsWith('UnsubscribeKey'))!;
    expect(envOf('unsubscribe').UNSUBSCRIBE_KEY_SECRET).toEqual({ Ref: unsubscribeKeyId });
    expect(statementsOf('unsubscribe').filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')))).toEqual([
      expect.objectContaining({ Action: 'secretsmanager:GetSecretValue', Resource: { Ref: unsubscribeKeyId } }),
    ]);
    // ...and the in-house callback the demo webhook's own signing secret.
    // The suppression check also reads the controllers' API keys, the webhook its tools' keys (the register names them).
    const [, ...apiKeys] = statementsOf('suppressionCheck').filter((s) => [s.Action].flat().some((a) => a.startsWith('secretsmanager:')));
    expect(JSON.stringify(apiKeys)).toContain('suppression-check-key');
    expect(envOf('mailingToolWebhook').UNSUBSCRIBE_KEY_SECRET).toEqual({ Ref: unsubscribeKeyId });
    // The status function signs the demo webhook's withdrawal notice with that webhook's secret.
    expect(withAction((a) => a.startsWith('secretsmanager:'))).toEqual([...readers, 'mailingToolWebhook', 'processorCallback', 'status', 'unsubscribe'].sort());
    // No dynamic reference to a secret anywhere in the template: no value is ever resolved into it.
    expect(JSON.stringify(template.toJSON())).not.toContain('resolve:secretsmanager');
  });

  it("lets only the processor function read and write the register's DynamoDB stores, table by table", () => {
    const run = statementsOf('run');
    for (const table of ['demo-members', 'demo-event-participation', 'demo-invoices', 'demo-mailing-list']) {
      const statement = run.find((s) => JSON.stringify(s.Resource).includes(`:table/${table}"`));
      expect(statement, table).toBeDefined();
      expect([statement!.Action].flat().sort()).toEqual(
        ['dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'].sort(),
      );
    }
    const others = ALL.filter((n) => !['run', 'sweep', 'retention'].includes(n) && JSON.stringify(statementsOf(n)).includes(':table/demo-'));
    expect(others).toEqual([]);
  });

  it('lets the sweep only delete items at the stores under a legal hold, and only update items at the stores (lifting restrictions)', () => {
    const atStores = statementsOf('sweep').filter((s) => JSON.stringify(s.Resource).includes(':table/demo-'));
    expect(atStores.map((s) => s.Action).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:UpdateItem']);
    const deletes = [atStores.find((s) => s.Action === 'dynamodb:DeleteItem')!.Resource].flat().map((r) => JSON.stringify(r));
    // The stores whose erasure is a legal hold: the association's invoices and the platform's billing contacts.
    expect(deletes.map((r) => r.match(/:table\/([a-z-]+)"/)?.[1]).sort()).toEqual(['demo-invoices', 'demo-platform-billing']);
    const updates = [atStores.find((s) => s.Action === 'dynamodb:UpdateItem')!.Resource].flat().map((r) => JSON.stringify(r));
    // Every store of the register, and only stores: no index, no other table.
    expect(updates.length).toBeGreaterThanOrEqual(4);
    for (const r of updates) expect(r).toMatch(/:table\/demo-[a-z-]+"/);
  });
});

describe('retention sweep', () => {
  const tablesOf = (s: Statement) =>
    [s.Resource]
      .flat()
      .map((r) => JSON.stringify(r).match(/:table\/([a-z-]+)"/)?.[1])
      .sort();

  it('scans only the stores that declare retention rules, and writes only where a rule is enforced', () => {
    const atStores = statementsOf('retention').filter((s) => JSON.stringify(s.Resource).includes(':table/demo-'));
    const scanned = atStores
      .filter((s) => [s.Action].flat().includes('dynamodb:Scan'))
      .flatMap(tablesOf)
      .sort();
    expect(scanned).toEqual(['demo-event-participation', 'demo-mailing-list', 'demo-members', 'demo-platform-accounts', 'demo-platform-usage']);
    // The one enforced rule anonymises event participants: UpdateItem there, and no DeleteItem anywhere.
    expect(atStores.filter((s) => [s.Action].flat().includes('dynamodb:UpdateItem')).flatMap(tablesOf)).toEqual(['demo-event-participation']);
    expect(actionsOf('retention').filter((a) => a === 'dynamodb:DeleteItem')).toEqual([]);
    for (const s of atStores)
      expect([s.Action].flat().every((a) => ['dynamodb:DescribeTable', 'dynamodb:Scan', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'].includes(a))).toBe(true);
  });

  it("writes only its runs' partitions of the requests table (never a request, never an index), and only puts reports under retention-reports/", () => {
    const tableId = ofType('AWS::DynamoDB::Table')[0]![0];
    const onRequests = statementsOf('retention').filter((s) => JSON.stringify(s.Resource).includes(`"${tableId}"`)) as (Statement & { Condition?: unknown })[];
    expect(onRequests.flatMap((s) => [s.Action].flat()).sort()).toEqual(['dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem']);
    for (const s of onRequests) expect(s.Condition).toEqual({ 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['RETENTION#*', 'RETENTION_RUN#*'] } });
    expect(JSON.stringify(onRequests)).not.toContain('/index/');
    const s3 = statementsOf('retention').filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    expect(s3.flatMap((s) => [s.Action].flat()).every((a) => a.startsWith('s3:Put') || a === 's3:Abort*')).toBe(true);
    expect(JSON.stringify(s3.map((s) => s.Resource))).toContain('/retention-reports/*');
  });

  it('runs daily at 03:00 UTC and keeps its reports 90 days', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 3 * * ? *)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [functionIds.retention, 'Arn'] }, RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 0 }) }),
    });
    const [, bucket] = ofType('AWS::S3::Bucket').find(([, b]) => b.Properties.LifecycleConfiguration?.Rules?.some((r: any) => r.Prefix === 'packages/'))!;
    expect(bucket.Properties.LifecycleConfiguration.Rules).toEqual(
      expect.arrayContaining([expect.objectContaining({ Prefix: 'retention-reports/', ExpirationInDays: 90, Status: 'Enabled' })]),
    );
  });
});

describe('workflow', () => {
  it('is a Standard state machine with X-Ray tracing, logging errors without execution data', () => {
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', {
      StateMachineType: 'STANDARD',
      TracingConfiguration: { Enabled: true },
      LoggingConfiguration: Match.objectLike({ Level: 'ERROR', IncludeExecutionData: false }),
    });
  });

  it('routes from what the request records: review back to Route, processing back to Route, or the answer', () => {
    const asl = definition();
    expect(asl.StartAt).toBe('Route');
    expect(Object.keys(asl.States).sort()).toEqual([
      'AssemblePackage',
      'AwaitDecision',
      'ByNextStep',
      'Finalize',
      'ForEachProcessor',
      'NotifySubject',
      'Route',
    ]);
    expect(asl.States.Route.Next).toBe('ByNextStep');
    expect(asl.States.ByNextStep).toEqual({
      Type: 'Choice',
      Choices: [
        { Variable: '$.next', StringEquals: 'review', Next: 'AwaitDecision' },
        { Variable: '$.next', StringEquals: 'process', Next: 'ForEachProcessor' },
      ],
      Default: 'AssemblePackage',
    });
    expect(asl.States.AwaitDecision.Next).toBe('Route');
    expect(asl.States.ForEachProcessor.Next).toBe('Route');
    expect(asl.States.AssemblePackage.Next).toBe('NotifySubject');
    expect(asl.States.NotifySubject.Next).toBe('Finalize');
    expect(asl.States.Finalize.End).toBe(true);
  });

  it('calls each task Lambda directly, so input and output are the plain payload', () => {
    const asl = definition();
    const tasks = { ...asl.States, ...asl.States.ForEachProcessor.ItemProcessor.States };
    // AwaitProcessor goes through the waitForTaskToken integration instead (see below).
    const expected: Record<string, Name> = {
      Route: 'route',
      RunProcessor: 'run',
      RunDatabaseProcessor: 'runDatabase',
      RecordBranchFailure: 'recordFailure',
      AssemblePackage: 'assemble',
      NotifySubject: 'notify',
      Finalize: 'finalize',
    };
    for (const [state, name] of Object.entries(expected)) {
      expect(tasks[state].Type, state).toBe('Task');
      expect(tasks[state].Resource, state).toBe(`<${functionIds[name]}>`);
      expect(tasks[state].Retry, state).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], JitterStrategy: 'FULL' })]);
    }
  });

  it('passes ids only between states', () => {
    const asl = definition();
    for (const state of ['Route', 'AssemblePackage', 'NotifySubject', 'Finalize']) {
      expect(asl.States[state].Parameters, state).toEqual({ 'requestId.$': '$.requestId' });
    }
    expect(asl.States.Route.ResultSelector).toEqual({ 'requestId.$': '$.requestId', 'next.$': '$.next', 'branches.$': '$.branches' });
    for (const state of ['AssemblePackage', 'NotifySubject', 'Finalize']) {
      expect(asl.States[state].ResultSelector, state).toEqual({ 'requestId.$': '$.requestId' });
    }
  });

  it('fans out over the branches, ten at a time, choosing by mode between running a store, running a database and awaiting each processor', () => {
    const map = definition().States.ForEachProcessor;
    expect(map).toMatchObject({ Type: 'Map', ItemsPath: '$.branches', MaxConcurrency: 10, ResultPath: null });
    expect(map.ItemSelector).toBeUndefined();
    expect(Object.keys(map.ItemProcessor.States).sort()).toEqual(['AwaitProcessor', 'ByMode', 'RecordBranchFailure', 'RunDatabaseProcessor', 'RunProcessor']);
    expect(map.ItemProcessor.StartAt).toBe('ByMode');
    expect(map.ItemProcessor.States.ByMode).toEqual({
      Type: 'Choice',
      Choices: [
        { Variable: '$.mode', StringEquals: 'async', Next: 'AwaitProcessor' },
        { Variable: '$.mode', StringEquals: 'database', Next: 'RunDatabaseProcessor' },
      ],
      Default: 'RunProcessor',
    });
  });

  it('runs sync processors at once, stores and databases alike, retrying each and recording a failure without its cause', () => {
    const { RunProcessor, RunDatabaseProcessor, RecordBranchFailure: failure } = definition().States.ForEachProcessor.ItemProcessor.States;
    for (const run of [RunProcessor, RunDatabaseProcessor]) {
      expect(run.End).toBe(true);
      expect(run.ResultPath).toBeNull();
      expect(run.Parameters).toEqual({ 'requestId.$': '$.requestId', 'processorId.$': '$.processorId' });
      expect(run.Retry).toEqual([{ ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: 'FULL' }]);
      expect(run.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordBranchFailure' }]);
    }
    expect(failure.Parameters).toEqual({
      'requestId.$': '$.requestId',
      'processorId.$': '$.processorId',
      error: { 'Error.$': '$.error.Error' },
    });
    expect(JSON.stringify(failure)).not.toContain('Cause');
    expect(failure.End).toBe(true);
  });

  it('awaits async processors on a task token: ids only, timeout and heartbeat from the branch, no retry of a wait that ran out', () => {
    const { AwaitProcessor: wait } = definition().States.ForEachProcessor.ItemProcessor.States;
    expect(wait.Type).toBe('Task');
    expect(wait.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(wait.Parameters).toEqual({
      FunctionName: `<${functionIds.submit}>`,
      Payload: { 'requestId.$': '$.requestId', 'processorId.$': '$.processorId', 'taskToken.$': '$$.Task.Token' },
    });
    expect(wait.TimeoutSecondsPath).toBe('$.timeoutSeconds');
    expect(wait.TimeoutSeconds).toBeUndefined();
    expect(wait.HeartbeatSecondsPath).toBe('$.heartbeatSeconds');
    expect(wait.HeartbeatSeconds).toBeUndefined();
    // The answer (ids only) is discarded; outcomes are recorded on the branch in DynamoDB.
    expect(wait.ResultPath).toBeNull();
    expect(wait.ResultSelector).toBeUndefined();
    expect(wait.End).toBe(true);
    expect(wait.Retry).toEqual([
      // WaitExpired: the wait reached the end Route planned (a re-driven wait); final like a timeout
      { ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout', 'WaitExpired'], MaxAttempts: 0 },
      // A connector's queue was full: waits and tries again for long, never failing the branch at once
      { ErrorEquals: ['ConnectorBusy'], IntervalSeconds: 10, MaxAttempts: 360, BackoffRate: 1, JitterStrategy: 'FULL' },
      { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: 'FULL' },
    ]);
    expect(wait.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordBranchFailure' }]);
  });

  it('may invoke the submit function (and the other task functions), and no others', () => {
    const [[, sm]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Resource]];
    const roleId: string = sm.Properties.RoleArn['Fn::GetAtt'][0];
    const invoked = ofType('AWS::IAM::Policy')
      .filter(([, p]) => (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === roleId))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[])
      .filter((s) => [s.Action].flat().includes('lambda:InvokeFunction'))
      .flatMap((s) => [s.Resource].flat())
      .map((r) => JSON.stringify(r).match(/"Fn::GetAtt":\["([^"]+)"/)?.[1]);
    const names = [...new Set(invoked)].map((id) => ALL.find((n) => functionIds[n] === id)).sort();
    expect(names).toEqual(['assemble', 'awaitDecision', 'finalize', 'notify', 'recordFailure', 'route', 'run', 'runDatabase', 'submit']);
  });
});

describe('HTTP API', () => {
  it('routes each path to its handler', () => {
    const integrationTarget = (routeTarget: any): Name => {
      const integrationId = routeTarget['Fn::Join'][1][1].Ref;
      const uri = resources[integrationId]!.Properties.IntegrationUri;
      const name = ALL.find((n) => uri['Fn::GetAtt']?.[0] === functionIds[n]);
      expect(name, `route target ${integrationId}`).toBeDefined();
      return name!;
    };
    const routes = Object.fromEntries(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey, integrationTarget(r.Properties.Target)]));
    expect(routes).toStrictEqual({
      'GET /': 'form',
      'GET /{locale}': 'form',
      'GET /c/{controllerId}': 'form',
      'GET /c/{controllerId}/{locale}': 'form',
      'POST /v1/requests/{requestId}/reply': 'reply',
      'GET /v1/unsubscribe/{controllerId}/{purposeId}': 'unsubscribe',
      'POST /v1/unsubscribe/{controllerId}/{purposeId}': 'unsubscribe',
      'GET /v1/mailing-tools/{controllerId}/{toolId}': 'mailingToolWebhook',
      'POST /v1/mailing-tools/{controllerId}/{toolId}': 'mailingToolWebhook',
      'POST /v1/suppression/check': 'suppressionCheck',
      'POST /v1/requests': 'intake',
      'GET /v1/requests/{requestId}/sent': 'intake',
      'GET /v1/requests/{requestId}/verify': 'verify',
      'POST /v1/requests/{requestId}/verify': 'verify',
      'GET /v1/requests/{requestId}/status': 'status',
      'GET /v1/requests/{requestId}/cancel': 'status',
      'POST /v1/requests/{requestId}/cancel': 'status',
      'GET /v1/requests/{requestId}/package': 'download',
      'GET /v1/requests/{requestId}/package/view': 'download',
      'POST /v1/opendsr/callback': 'opendsrCallback',
      'POST /v1/webhooks/callback/{requestId}/{processorId}': 'processorCallback',
      'GET /v1/tasks/{requestId}/{processorId}': 'task',
      'POST /v1/tasks/{requestId}/{processorId}': 'task',
      'GET /console': 'console',
      'GET /transparency/{controllerId}': 'transparency',
      'GET /v1/openapi.json': 'openApi',
      'GET /v1/staff/reports': 'staffReports',
      'GET /v1/staff/reports/requests.csv': 'staffReports',
      'GET /v1/staff/requests': 'staffRequests',
      'POST /v1/staff/requests': 'staffEnter',
      'GET /v1/staff/requests/{requestId}': 'staffRequests',
      'GET /v1/staff/requests/{requestId}/audit': 'staffRequests',
      'GET /v1/staff/requests/{requestId}/attachments/{file}': 'staffRequests',
      'POST /v1/staff/requests/{requestId}/decisions': 'staffDecide',
      'GET /v1/staff/inbound': 'staffInbound',
      'GET /v1/staff/inbound/{draftId}': 'staffInbound',
      'POST /v1/staff/inbound/{draftId}': 'staffInbound',
    });
  });

  it('throttles the default stage and logs access without paths or query strings, where tokens travel', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, Resource]];
    expect(stage.Properties.StageName).toBe('$default');
    expect(stage.Properties.DefaultRouteSettings).toMatchObject({ ThrottlingRateLimit: expect.any(Number), ThrottlingBurstLimit: expect.any(Number) });
    const format: string = stage.Properties.AccessLogSettings.Format;
    expect(JSON.parse(format)).toMatchObject({ routeKey: '$context.routeKey', status: '$context.status' });
    for (const leaky of ['$context.path', '$context.requestOverride', '$input', '$context.domainPrefix', 'querystring']) {
      expect(format).not.toContain(leaky);
    }
  });
});

describe('staff identity (Cognito)', () => {
  const pool = () => {
    const pools = ofType('AWS::Cognito::UserPool');
    expect(pools).toHaveLength(1);
    return pools[0]!;
  };
  const client = () => {
    const clients = ofType('AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    return clients[0]!;
  };
  /** `{Fn::GetAtt: [api, ApiEndpoint]}` + `/console`, the default public base URL's console. */
  const consoleUrl = () => {
    const apiId = idOf('AWS::ApiGatewayV2::Api');
    return { 'Fn::Join': ['', [{ 'Fn::GetAtt': [apiId, 'ApiEndpoint'] }, '/console']] };
  };

  it('is a pool administrators fill: no self sign-up, sign-in by email, retained and protected from deletion', () => {
    const [, p] = pool();
    expect(p.Properties.AdminCreateUserConfig.AllowAdminCreateUserOnly).toBe(true);
    expect(p.Properties.UsernameAttributes).toEqual(['email']);
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(p.Properties.DeletionProtection).toBe('ACTIVE');
  });

  it('requires TOTP MFA, a strong password and acts on risky sign-ins (Plus tier threat protection)', () => {
    const [, p] = pool();
    expect(p.Properties.MfaConfiguration).toBe('ON');
    expect(p.Properties.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
    expect(p.Properties.Policies.PasswordPolicy).toMatchObject({
      MinimumLength: expect.any(Number),
      RequireLowercase: true,
      RequireUppercase: true,
      RequireNumbers: true,
      RequireSymbols: true,
    });
    expect(p.Properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(12);
    expect(p.Properties.UserPoolTier).toBe('PLUS');
    expect(p.Properties.UserPoolAddOns).toEqual({ AdvancedSecurityMode: 'ENFORCED' });
  });

  it('keeps the controllers a person may see in the mutable string attribute custom:controllers', () => {
    const [, p] = pool();
    expect(p.Properties.Schema).toEqual(expect.arrayContaining([expect.objectContaining({ Name: 'controllers', AttributeDataType: 'String', Mutable: true })]));
  });

  it('has the groups viewer and approver in that pool, and no others', () => {
    const [poolId] = pool();
    const groups = ofType('AWS::Cognito::UserPoolGroup');
    expect(groups.map(([, g]) => g.Properties.GroupName).sort()).toEqual(['approver', 'viewer']);
    for (const [, g] of groups) expect(g.Properties.UserPoolId).toEqual({ Ref: poolId });
  });

  it('gives the console a public client: no secret, the code flow only, openid email profile, back to /console only', () => {
    const [poolId] = pool();
    const [, c] = client();
    expect(c.Properties).toMatchObject({
      UserPoolId: { Ref: poolId },
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: true,
      SupportedIdentityProviders: ['COGNITO'],
    });
    // No implicit grant: a token in the URL fragment cannot be tied to the sign-in that asked for it.
    expect(c.Properties.AllowedOAuthFlows).toEqual(['code']);
    expect([...c.Properties.AllowedOAuthScopes].sort()).toEqual(['email', 'openid', 'profile']);
    expect(c.Properties.CallbackURLs).toEqual([consoleUrl()]);
    expect(c.Properties.LogoutURLs).toEqual([consoleUrl()]);
  });

  it('puts custom:controllers into the id token but never lets a user write it', () => {
    const [, c] = client();
    expect(c.Properties.ReadAttributes).toContain('custom:controllers');
    // Unset, WriteAttributes would let the client write attributes on the user's behalf.
    expect(c.Properties.WriteAttributes).toEqual(expect.any(Array));
    expect(c.Properties.WriteAttributes).not.toContain('custom:controllers');
    expect((c.Properties.WriteAttributes as string[]).filter((a) => a.startsWith('custom:'))).toEqual([]);
  });

  it('serves the hosted UI from a Cognito domain derived from the stack name and account', () => {
    const [poolId] = pool();
    const domains = ofType('AWS::Cognito::UserPoolDomain');
    expect(domains).toHaveLength(1);
    expect(domains[0]![1].Properties).toMatchObject({
      UserPoolId: { Ref: poolId },
      Domain: { 'Fn::Join': ['', ['gdprdsr-staff-', { Ref: 'AWS::AccountId' }]] },
    });
  });

  it("gives the console function the hosted UI's authorize URL (code flow) and token endpoint for the console client, and nothing else", () => {
    const [poolClientId] = client();
    const domainId = idOf('AWS::Cognito::UserPoolDomain');
    const apiId = idOf('AWS::ApiGatewayV2::Api');
    expect(envOf('console').STAFF_SIGN_IN_URL).toEqual({
      'Fn::Join': [
        '',
        [
          'https://',
          { Ref: domainId },
          '.auth.',
          { Ref: 'AWS::Region' },
          '.amazoncognito.com/oauth2/authorize?response_type=code&client_id=',
          { Ref: poolClientId },
          '&redirect_uri=',
          { 'Fn::GetAtt': [apiId, 'ApiEndpoint'] },
          '/console&scope=openid+email+profile',
        ],
      ],
    });
    expect(envOf('console').STAFF_TOKEN_URL).toEqual({
      'Fn::Join': ['', ['https://', { Ref: domainId }, '.auth.', { Ref: 'AWS::Region' }, '.amazoncognito.com/oauth2/token']],
    });
    expect(Object.keys(envOf('console')).sort()).toEqual(['NODE_OPTIONS', 'STAFF_SIGN_IN_URL', 'STAFF_TOKEN_URL']);
  });
});

describe('staff API', () => {
  /** Route keys whose route carries the given authorizer (or none). */
  const routesWith = (authorizerId: string | undefined): string[] =>
    ofType('AWS::ApiGatewayV2::Route')
      .filter(([, r]) => (authorizerId === undefined ? r.Properties.AuthorizerId === undefined : r.Properties.AuthorizerId?.Ref === authorizerId))
      .map(([, r]) => r.Properties.RouteKey)
      .sort();

  it('checks id tokens with a JWT authorizer: issuer the staff pool, audience the console client, from the Authorization header', () => {
    const authorizers = ofType('AWS::ApiGatewayV2::Authorizer');
    expect(authorizers).toHaveLength(1);
    const [, authorizer] = authorizers[0]!;
    const apiId = idOf('AWS::ApiGatewayV2::Api');
    const poolId = idOf('AWS::Cognito::UserPool');
    const clientId = idOf('AWS::Cognito::UserPoolClient');
    expect(authorizer.Properties).toEqual({
      ApiId: { Ref: apiId },
      AuthorizerType: 'JWT',
      Name: expect.any(String),
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }]] },
        Audience: [{ Ref: clientId }],
      },
    });
  });

  it('puts exactly the staff routes behind it, and no other route behind any authorizer', () => {
    const authorizerId = idOf('AWS::ApiGatewayV2::Authorizer');
    expect(routesWith(authorizerId)).toEqual([
      'GET /v1/staff/inbound',
      'GET /v1/staff/inbound/{draftId}',
      'GET /v1/staff/reports',
      'GET /v1/staff/reports/requests.csv',
      'GET /v1/staff/requests',
      'GET /v1/staff/requests/{requestId}',
      'GET /v1/staff/requests/{requestId}/attachments/{file}',
      'GET /v1/staff/requests/{requestId}/audit',
      'POST /v1/staff/inbound/{draftId}',
      'POST /v1/staff/requests',
      'POST /v1/staff/requests/{requestId}/decisions',
    ]);
    for (const [, r] of ofType('AWS::ApiGatewayV2::Route')) {
      const key: string = r.Properties.RouteKey;
      if (key.includes(' /v1/staff/')) expect(r.Properties.AuthorizationType, key).toBe('JWT');
      else expect([undefined, 'NONE'], key).toContain(r.Properties.AuthorizationType);
    }
    // Every subject route and the console page stay public.
    expect(routesWith(undefined)).toEqual(
      ofType('AWS::ApiGatewayV2::Route')
        .map(([, r]) => r.Properties.RouteKey as string)
        .filter((k) => !k.includes(' /v1/staff/'))
        .sort(),
    );
    expect(routesWith(undefined)).toContain('GET /console');
  });

  it.each(READERS)(
    'lets %s only read the requests table (staff reads append their audit event; staff open files by a signed link): no SES, no Step Functions',
    (reader) => {
      const actions = actionsOf(reader);
      const tableId = ofType('AWS::DynamoDB::Table')[0]![0];
      const data = actions.filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'));
      const opensFiles = reader === 'staffRequests';
      for (const a of data) expect(a, a).toMatch(opensFiles ? /^(dynamodb|kms):|^s3:GetObject$/ : /^(dynamodb|kms):/);
      expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:GetItem']));
      const writes = /^dynamodb:(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems|PartiQL(Insert|Update|Delete))$/;
      // The staff reads write one thing: the audit event that a staff member read (Art. 5(2)), only
      // under the audit trails' partition keys and with an audit event's attributes.
      const audited = reader !== 'transparency';
      expect(actions.filter((a) => writes.test(a))).toEqual(audited ? ['dynamodb:PutItem'] : []);
      for (const st of statementsOf(reader).filter((x) => [x.Action].flat().includes('dynamodb:PutItem'))) {
        const condition = JSON.stringify((st as Statement & { Condition?: unknown }).Condition ?? {});
        expect(condition).toContain('dynamodb:LeadingKeys');
        expect(condition).toContain('dynamodb:Attributes');
      }
      // Writing the audit event to the encrypted table needs the key's encrypt side; pure readers get none.
      if (!audited) expect(actions.filter((a) => /^kms:(Encrypt|ReEncrypt|GenerateDataKey)/.test(a))).toEqual([]);
      for (const s of statementsOf(reader).filter((st) => [st.Action].flat().some((a) => a.startsWith('dynamodb:')))) {
        for (const resource of [s.Resource].flat()) expect(JSON.stringify(resource)).toContain(`"${tableId}"`);
      }
      expect(Object.keys(envOf(reader)).sort()).toEqual(opensFiles ? ['NODE_OPTIONS', 'PACKAGE_BUCKET', 'REQUESTS_TABLE'] : ['NODE_OPTIONS', 'REQUESTS_TABLE']);
    },
  );

  it('gives the console function no data access at all: logs and traces only', () => {
    const actions = actionsOf('console');
    expect(actions.filter((a) => !a.startsWith('logs:') && !a.startsWith('xray:'))).toEqual([]);
    expect(withEnv('REQUESTS_TABLE')).not.toContain('console');
  });
});

/** Each resource's dependencies in a template: DependsOn, Ref, Fn::GetAtt and Fn::Sub references to resources. */
function dependencies(of: Record<string, { Properties?: unknown; DependsOn?: string | string[] }>): Map<string, Set<string>> {
  const ids = new Set(Object.keys(of));
  const collect = (node: unknown, into: Set<string>): void => {
    if (Array.isArray(node)) for (const n of node) collect(n, into);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'Ref' && typeof v === 'string' && ids.has(v)) into.add(v);
        else if (k === 'Fn::GetAtt' && Array.isArray(v) && ids.has(v[0])) into.add(v[0]);
        else {
          if (k === 'Fn::Sub') {
            const text = Array.isArray(v) ? v[0] : v;
            for (const m of String(text).matchAll(/\$\{([A-Za-z0-9]+)[.}]/g)) if (ids.has(m[1]!)) into.add(m[1]!);
          }
          collect(v, into);
        }
      }
    }
  };
  const deps = new Map<string, Set<string>>();
  for (const [id, r] of Object.entries(of)) {
    const into = new Set<string>([r.DependsOn ?? []].flat());
    collect(r.Properties ?? {}, into);
    deps.set(id, into);
  }
  return deps;
}

/** Dependency cycles (as `A -> B -> A`), which CloudFormation refuses to deploy. */
function cycles(deps: Map<string, Set<string>>): string[] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[] = [];
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done') return;
    if (state.get(id) === 'open') {
      found.push([...trail.slice(trail.indexOf(id)), id].join(' -> '));
      return;
    }
    state.set(id, 'open');
    for (const d of deps.get(id) ?? []) visit(d, [...trail, id]);
    state.set(id, 'done');
  };
  for (const id of deps.keys()) visit(id, []);
  return found;
}

describe('template', () => {
  it('finds a dependency cycle when there is one (the check below is not vacuous)', () => {
    const looped = dependencies({
      Api: { Properties: { Name: { 'Fn::GetAtt': ['Client', 'ClientId'] } } },
      Client: { Properties: { CallbackURLs: [{ 'Fn::Sub': '${Api.ApiEndpoint}/console' }] } },
      Other: { Properties: { X: { Ref: 'AWS::Region' } }, DependsOn: 'Api' },
    });
    expect(cycles(looped)).toEqual(['Api -> Client -> Api']);
  });

  it('has no dependency cycle between resources (the API, the client callback, the authorizer, the console variable)', () => {
    const deps = dependencies(resources);
    expect(cycles(deps)).toEqual([]);
    // The edges that would close a cycle if the API itself ever depended on the staff side.
    const apiId = idOf('AWS::ApiGatewayV2::Api');
    const clientId = idOf('AWS::Cognito::UserPoolClient');
    const authorizerId = idOf('AWS::ApiGatewayV2::Authorizer');
    expect([...deps.get(clientId)!]).toContain(apiId);
    expect([...deps.get(authorizerId)!]).toEqual(expect.arrayContaining([apiId, clientId]));
    expect([...deps.get(functionIds.console)!]).toEqual(expect.arrayContaining([apiId, clientId]));
    expect([...deps.get(apiId)!]).toEqual([]);
  });
});

describe('email and schedule', () => {
  it("creates the SES domain identity of the sender's domain", () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'example.org' });
  });

  it('invokes the sweep every 15 minutes', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [functionIds.sweep, 'Arn'] } }),
    });
  });
});

describe('outputs', () => {
  it("names the API URL, state machine, table, bucket, staff console, staff user pool and the sender's DKIM records", () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual([
      'ApiUrl',
      'InboundRuleSetName',
      'PackageBucketName',
      'RequestsTableName',
      'SenderDkimRecord1',
      'SenderDkimRecord2',
      'SenderDkimRecord3',
      'StaffConsoleUrl',
      'StaffUserPoolId',
      'StateMachineArn',
    ]);
  });
});

describe('digest schedules', () => {
  it("schedules each controller's digest at its register expression, in its time zone, with only its id as input", () => {
    const schedules = ofType('AWS::Scheduler::Schedule').filter(([, s]) => JSON.stringify(s.Properties.Target.Arn).includes(functionIds.digest));
    const byController: Record<string, any> = Object.fromEntries(schedules.map(([, s]) => [JSON.parse(s.Properties.Target.Input).controllerId, s.Properties]));
    expect(Object.keys(byController).sort()).toEqual(['demo-association', 'demo-organising-platform']);
    expect(byController['demo-organising-platform']).toMatchObject({
      ScheduleExpression: 'cron(0 7 ? * MON *)',
      ScheduleExpressionTimezone: 'Europe/Stockholm',
    });
    expect(byController['demo-association']).toMatchObject({ ScheduleExpression: 'cron(0 * * * ? *)', ScheduleExpressionTimezone: 'Europe/Ljubljana' });
    for (const p of Object.values(byController)) {
      expect(JSON.parse(p.Target.Input)).toEqual({ controllerId: expect.any(String) });
      expect(p.Target.RetryPolicy.MaximumRetryAttempts).toBe(0);
    }
  });
});

describe('encryption and failed runs', () => {
  it('encrypts every log group (functions, workflow, API access logs) with a rotating key that only CloudWatch Logs of this account may use', () => {
    const keys = ofType('AWS::KMS::Key');
    const logsKey = keys.find(([, k]) => String(k.Properties.Description).includes('log groups'));
    expect(logsKey).toBeDefined();
    expect(logsKey![1].Properties.EnableKeyRotation).toBe(true);
    const groups = ofType('AWS::Logs::LogGroup');
    expect(groups.length).toBeGreaterThanOrEqual(ALL.length + 2);
    for (const [id, g] of groups) expect(g.Properties.KmsKeyId, id).toEqual({ 'Fn::GetAtt': [logsKey![0], 'Arn'] });
    const forLogs = logsKey![1].Properties.KeyPolicy.Statement.find((st: any) => JSON.stringify(st.Principal ?? {}).includes('logs.'));
    expect(JSON.stringify(forLogs.Condition)).toContain('kms:EncryptionContext:aws:logs:arn');
  });

  it('sends a failed scheduled run to an encrypted, TLS-only queue without a Lambda retry, and leaves the other functions synchronous', () => {
    const scheduled: Name[] = ['sweep', 'digest', 'retention'];
    const configs = ofType('AWS::Lambda::EventInvokeConfig');
    const byFunction = Object.fromEntries(configs.map(([, c]) => [c.Properties.FunctionName.Ref, c.Properties]));
    for (const name of scheduled) {
      const config = byFunction[functionIds[name]];
      expect(config, name).toBeDefined();
      expect(config.MaximumRetryAttempts).toBe(0);
      expect(JSON.stringify(config.DestinationConfig.OnFailure.Destination)).toContain('ScheduledRunFailures');
    }
    // SES's bounce and complaint events come through EventBridge: a failed run is retried twice, then kept in the same queue.
    const feedback = byFunction[functionIds.mailFeedback];
    expect(feedback.MaximumRetryAttempts).toBe(2);
    expect(JSON.stringify(feedback.DestinationConfig.OnFailure.Destination)).toContain('ScheduledRunFailures');
    expect(Object.keys(byFunction).sort()).toEqual([...scheduled, 'mailFeedback' as const].map((n) => functionIds[n]).sort());
    const queue = ofType('AWS::SQS::Queue').find(([id]) => id.startsWith('ScheduledRunFailures'))!;
    expect(queue[1].Properties.SqsManagedSseEnabled).toBe(true);
    const policy = ofType('AWS::SQS::QueuePolicy').find(([, p]) => JSON.stringify(p.Properties.Queues).includes(queue[0]))!;
    expect(JSON.stringify(policy[1].Properties.PolicyDocument)).toContain('aws:SecureTransport');
  });
});
