import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { REPO_ROOT } from '../../infra/constructs/house-function';

/** The handler modules of docs/ARCHITECTURE.md, by the short names used below. */
const MODULES = {
  form: 'functions/api/form.ts',
  intake: 'functions/api/intake.ts',
  verify: 'functions/api/verify.ts',
  status: 'functions/api/status.ts',
  download: 'functions/api/download.ts',
  plan: 'functions/workflow/plan.ts',
  run: 'functions/processors/run.ts',
  recordFailure: 'functions/workflow/record-failure.ts',
  assemble: 'functions/workflow/assemble.ts',
  notify: 'functions/workflow/notify.ts',
  finalize: 'functions/workflow/finalize.ts',
  sweep: 'functions/scheduled/sweep.ts',
} as const;
type Name = keyof typeof MODULES;
const ALL = Object.keys(MODULES) as Name[];

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

/** The state machine's ASL with each function ARN replaced by `<logicalId>`. */
function definition(): any {
  const [[, sm]] = ofType('AWS::StepFunctions::StateMachine') as [[string, Resource]];
  const parts: unknown[] = sm.Properties.DefinitionString['Fn::Join'][1];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : `<${(p as any)['Fn::GetAtt'][0]}>`)).join(''));
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

  it('has the sparse open-by-due index on openCtl and openDue with all attributes', () => {
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      GlobalSecondaryIndexes: [
        {
          IndexName: 'open-by-due',
          KeySchema: [
            { AttributeName: 'openCtl', KeyType: 'HASH' },
            { AttributeName: 'openDue', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
  });

  it('encrypts with a customer-managed key that rotates and is retained', () => {
    template.hasResource('AWS::KMS::Key', { DeletionPolicy: 'Retain', Properties: Match.objectLike({ EnableKeyRotation: true }) });
  });
});

describe('package bucket', () => {
  const packageBucket = () => {
    const buckets = ofType('AWS::S3::Bucket').filter(([, b]) => b.Properties.LifecycleConfiguration?.Rules?.some((r: any) => r.Prefix === 'packages/'));
    expect(buckets).toHaveLength(1);
    return buckets[0]!;
  };

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

  it('expires exports after 7 days and packages after 8, a day after the download link', () => {
    const [, bucket] = packageBucket();
    const rules = bucket.Properties.LifecycleConfiguration.Rules;
    expect(rules).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ Prefix: 'exports/', ExpirationInDays: 7, Status: 'Enabled' }),
        expect.objectContaining({ Prefix: 'packages/', ExpirationInDays: 8, Status: 'Enabled' }),
      ]),
    );
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
    const entries = ofType('AWS::Lambda::Function').map(([, r]) => r.Metadata?.['dsr:entry']).sort();
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
    expect(withEnv('REQUESTS_TABLE')).toEqual([...ALL].sort());
    expect(withEnv('PACKAGE_BUCKET')).toEqual(['assemble', 'download', 'run']);
    expect(withEnv('STATE_MACHINE_ARN')).toEqual(['sweep', 'verify']);
    expect(withEnv('SENDER_EMAIL')).toEqual(['intake', 'notify']);
    expect(withEnv('PUBLIC_BASE_URL')).toEqual(['form', 'intake', 'notify', 'status', 'verify']);
    expect(envOf('intake').VERIFY_TTL_DAYS).toBe('7');
    expect(envOf('notify').DOWNLOAD_TTL_DAYS).toBe('7');
  });

  it('lets every handler read and write the requests table and its index', () => {
    const tableId = ofType('AWS::DynamoDB::Table')[0]![0];
    for (const name of ALL) {
      const statement = statementsOf(name).find((s) => JSON.stringify(s.Resource).includes(`"${tableId}"`));
      expect(statement, name).toBeDefined();
      expect(statement!.Action).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']));
      expect(JSON.stringify(statement!.Resource)).toContain('/index/*');
    }
  });

  it('lets only verify and sweep start executions', () => {
    expect(withAction((a) => a === 'states:StartExecution')).toEqual(['sweep', 'verify']);
    // ...and no other role in the stack either (the scheduler and state machine roles included).
    const starters = ofType('AWS::IAM::Policy').filter(([, p]) => JSON.stringify(p.Properties).includes('states:StartExecution'));
    expect(starters).toHaveLength(2);
  });

  it('lets only sweep describe and re-drive executions, of this state machine only', () => {
    expect(withAction((a) => a === 'states:DescribeExecution')).toEqual(['sweep']);
    expect(withAction((a) => a === 'states:RedriveExecution')).toEqual(['sweep']);
    const redrive = statementsOf('sweep').find((s) => [s.Action].flat().includes('states:RedriveExecution'))!;
    expect(JSON.stringify(redrive.Resource)).toContain(':execution:');
    expect(JSON.stringify(redrive.Resource)).toContain('WorkflowStateMachine');
  });

  it('gives intake neither S3 nor Step Functions access', () => {
    expect(actionsOf('intake').filter((a) => a.startsWith('s3:') || a.startsWith('states:'))).toEqual([]);
  });

  it('gives S3 access only to run, assemble and download, and download read-only', () => {
    expect(withAction((a) => a.startsWith('s3:'))).toEqual(['assemble', 'download', 'run']);
    expect(actionsOf('download').filter((a) => a.startsWith('s3:'))).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^s3:(Put|Delete)/)]),
    );
  });

  it('lets only intake and notify send email, from the sender identity only', () => {
    expect(withAction((a) => a.startsWith('ses:'))).toEqual(['intake', 'notify']);
    const identityId = ofType('AWS::SES::EmailIdentity')[0]![0];
    for (const name of ['intake', 'notify'] as const) {
      const send = statementsOf(name).find((s) => s.Action === 'ses:SendEmail')!;
      expect(JSON.stringify(send.Resource)).toContain(identityId);
      expect(send.Resource).not.toBe('*');
    }
  });

  it("lets only the processor function reach the register's DynamoDB stores, table by table", () => {
    const run = statementsOf('run');
    for (const table of ['demo-members', 'demo-event-participation']) {
      const statement = run.find((s) => JSON.stringify(s.Resource).includes(`:table/${table}"`));
      expect(statement, table).toBeDefined();
      expect([statement!.Action].flat().sort()).toEqual(
        ['dynamodb:DeleteItem', 'dynamodb:DescribeTable', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'].sort(),
      );
    }
    const others = ALL.filter((n) => n !== 'run' && JSON.stringify(statementsOf(n)).includes(':table/demo-'));
    expect(others).toEqual([]);
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

  it('runs Plan, then each processor, then AssemblePackage, NotifySubject and Finalize', () => {
    const asl = definition();
    expect(asl.StartAt).toBe('Plan');
    expect(Object.keys(asl.States).sort()).toEqual(['AssemblePackage', 'Finalize', 'ForEachProcessor', 'NotifySubject', 'Plan']);
    expect(asl.States.Plan.Next).toBe('ForEachProcessor');
    expect(asl.States.ForEachProcessor.Next).toBe('AssemblePackage');
    expect(asl.States.AssemblePackage.Next).toBe('NotifySubject');
    expect(asl.States.NotifySubject.Next).toBe('Finalize');
    expect(asl.States.Finalize.End).toBe(true);
  });

  it('calls each task Lambda directly, so input and output are the plain payload', () => {
    const asl = definition();
    const tasks = { ...asl.States, ...asl.States.ForEachProcessor.ItemProcessor.States };
    const expected: Record<string, Name> = {
      Plan: 'plan',
      RunProcessor: 'run',
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
    for (const state of ['Plan', 'AssemblePackage', 'NotifySubject', 'Finalize']) {
      expect(asl.States[state].Parameters, state).toEqual({ 'requestId.$': '$.requestId' });
    }
    expect(asl.States.Plan.ResultSelector).toEqual({ 'requestId.$': '$.requestId', 'branches.$': '$.branches' });
    for (const state of ['AssemblePackage', 'NotifySubject', 'Finalize']) {
      expect(asl.States[state].ResultSelector, state).toEqual({ 'requestId.$': '$.requestId' });
    }
  });

  it('fans out over the branches, five at a time, retrying each processor and recording a failure without its cause', () => {
    const map = definition().States.ForEachProcessor;
    expect(map).toMatchObject({ Type: 'Map', ItemsPath: '$.branches', MaxConcurrency: 5, ResultPath: null });
    const { RunProcessor: run, RecordBranchFailure: failure } = map.ItemProcessor.States;
    expect(map.ItemProcessor.StartAt).toBe('RunProcessor');
    expect(run.Parameters).toEqual({ 'requestId.$': '$.requestId', 'processorId.$': '$.processorId' });
    expect(run.Retry).toEqual([
      { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, MaxAttempts: 3, BackoffRate: 2, JitterStrategy: 'FULL' },
    ]);
    expect(run.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RecordBranchFailure' }]);
    expect(failure.Parameters).toEqual({
      'requestId.$': '$.requestId',
      'processorId.$': '$.processorId',
      error: { 'Error.$': '$.error.Error' },
    });
    expect(JSON.stringify(failure)).not.toContain('Cause');
  });
});

describe('HTTP API', () => {
  it('routes each path to its handler', () => {
    const integrationTarget = (routeTarget: any): Name => {
      const integrationId = routeTarget['Fn::Join'][1][1].Ref;
      const uri = resources[integrationId]!.Properties.IntegrationUri;
      return ALL.find((n) => uri['Fn::GetAtt']?.[0] === functionIds[n])!;
    };
    const routes = Object.fromEntries(
      ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey, integrationTarget(r.Properties.Target)]),
    );
    expect(routes).toEqual({
      'GET /': 'form',
      'GET /{locale}': 'form',
      'POST /v1/requests': 'intake',
      'GET /v1/requests/{requestId}/verify': 'verify',
      'POST /v1/requests/{requestId}/verify': 'verify',
      'GET /v1/requests/{requestId}/status': 'status',
      'GET /v1/requests/{requestId}/package': 'download',
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

describe('email and schedule', () => {
  it('creates the SES identity of the sender', () => {
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: 'privacy@example.org' });
  });

  it('invokes the sweep every 15 minutes', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      Target: Match.objectLike({ Arn: { 'Fn::GetAtt': [functionIds.sweep, 'Arn'] } }),
    });
  });
});

describe('outputs', () => {
  it('names the API URL, state machine, table and bucket', () => {
    expect(Object.keys(template.toJSON().Outputs).sort()).toEqual(['ApiUrl', 'PackageBucketName', 'RequestsTableName', 'StateMachineArn']);
  });
});
