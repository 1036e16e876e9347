/**
 * The register's SQL databases in AWS: the functions that reach them (RunDatabaseProcessor, Retention) run
 * in the VPC the stack is given, and only they; each connection secret and IAM database user is
 * granted to them and no other; a register with databases and no VPC does not synthesize.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, type NagPack, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { parseRegister, type Register } from '../../functions/domain/register-schema';
import { buildApp } from '../../infra/app';
import { REPO_ROOT } from '../../infra/constructs/house-function';
import type { DsrFunctions, DsrStackProps } from '../../infra/stack';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any>; DependsOn?: string[] };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string };

const SKIP_BUNDLING = { 'aws:cdk:bundling-stacks': [] as string[] };
const SENDER = 'privacy@acme-association.eu';
const NETWORK = {
  vpcId: 'vpc-0a1b2c3d4e5f60718',
  subnetIds: ['subnet-0aaa1111bbbb2222c', 'subnet-0ddd3333eeee4444f'],
  securityGroupIds: ['sg-0123456789abcdef0'],
};
const SECRET_ARN = 'arn:aws:secretsmanager:eu-north-1:111122223333:secret:courses/dsr-AbCdEf';

/** The production fixture with the demo's course database, its connection replaced by `connection`. */
function registerWith(...connections: Record<string, unknown>[]): Register {
  const production = JSON.parse(readFileSync(path.join(REPO_ROOT, 'test', 'fixtures', 'production-register.json'), 'utf8'));
  const demo = JSON.parse(readFileSync(path.join(REPO_ROOT, 'config', 'register.json'), 'utf8'));
  const courses = demo.controllers.flatMap((c: { processors: { kind: string }[] }) => c.processors).find((p: { kind: string }) => p.kind === 'sql');
  // Each copy's retention rules renamed, as rule ids are unique within a controller.
  const copy = (i: number) =>
    JSON.parse(JSON.stringify(courses), (key, value) => (key === 'id' && typeof value === 'string' && value !== courses.id ? `${value}-${i}` : value));
  production.controllers[0].processors.push(...connections.map((connection, i) => ({ ...copy(i), id: `courses-${i}`, connection })));
  return parseRegister(production);
}

function synth(props: DsrStackProps, context: Record<string, unknown> = {}) {
  const { app, stack } = buildApp({ nag: false, appProps: { context: { ...SKIP_BUNDLING, ...context } }, stackProps: { senderEmail: SENDER, ...props } });
  const resources = app.synth().getStackByName(stack.stackName).template.Resources as Record<string, Resource>;
  return { app, stack, resources, template: Template.fromStack(stack) };
}

function lambdaOf(resources: Record<string, Resource>, entry: string): Resource {
  return Object.values(resources).find((r) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['dsr:entry'] === entry)!;
}

function statementsOf(resources: Record<string, Resource>, fn: Resource): Statement[] {
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref?: string }[]).some((x) => x.Ref === role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[]);
}

/** The functions whose Lambda has a VpcConfig, by their key in `stack.functions`. */
function inVpc(functions: DsrFunctions, resources: Record<string, Resource>): string[] {
  return (Object.keys(functions) as (keyof DsrFunctions)[]).filter((k) => lambdaOf(resources, functions[k].entry).Properties.VpcConfig).sort();
}

const actions = (s: Statement) => [s.Action].flat();

describe('a register with sql processors, given a VPC', () => {
  const register = registerWith({ secret: SECRET_ARN }, { secret: 'orders/dsr' });
  const { stack, resources, template } = synth({ register, demo: false, databaseNetwork: NETWORK });

  it('runs RunDatabaseProcessor and Retention in its subnets with its security groups, and no other function', () => {
    expect(inVpc(stack.functions, resources)).toEqual(['retention', 'runDatabaseProcessor']);
    for (const name of ['runDatabaseProcessor', 'retention'] as const) {
      expect(lambdaOf(resources, stack.functions[name].entry).Properties.VpcConfig).toEqual({
        SubnetIds: NETWORK.subnetIds,
        SecurityGroupIds: NETWORK.securityGroupIds,
      });
    }
    // The operator's VPC is imported, never created, and its groups get no rules from this stack.
    expect(Object.values(resources).filter((r) => r.Type.startsWith('AWS::EC2::'))).toEqual([]);
  });

  it('lets those two read each connection secret, by full ARN or by name with its six-character suffix, and no other function', () => {
    const byName = {
      'Fn::Join': [
        '',
        ['arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':secret:orders/dsr-??????'],
      ],
    };
    for (const name of ['runDatabaseProcessor', 'retention'] as const) {
      const reads = statementsOf(resources, lambdaOf(resources, stack.functions[name].entry)).filter((s) =>
        actions(s).includes('secretsmanager:GetSecretValue'),
      );
      // The function's own suppression key besides, for RunDatabaseProcessor.
      const databaseReads = reads.filter((s) => JSON.stringify(s.Resource).includes('dsr'));
      expect(databaseReads.map((s) => s.Resource)).toEqual([SECRET_ARN, byName]);
      expect(databaseReads.every((s) => actions(s).length === 1)).toBe(true);
    }
    const readers = (Object.keys(stack.functions) as (keyof DsrFunctions)[]).filter((k) =>
      statementsOf(resources, lambdaOf(resources, stack.functions[k].entry)).some((s) => JSON.stringify(s.Resource).includes('dsr-')),
    );
    expect(readers.sort()).toEqual(['retention', 'runDatabaseProcessor']);
  });

  it("gives Lambda the role's network-interface permissions it places them with, creation only in the given subnets and groups", () => {
    const statements = statementsOf(resources, lambdaOf(resources, stack.functions.runDatabaseProcessor.entry));
    const create = statements.filter((s) => actions(s).includes('ec2:CreateNetworkInterface'));
    expect(create).toHaveLength(1);
    expect(actions(create[0]!)).toEqual(['ec2:CreateNetworkInterface']);
    const named = JSON.stringify(create[0]!.Resource);
    for (const id of [...NETWORK.subnetIds.map((s) => `:subnet/${s}`), `:security-group/${NETWORK.securityGroupIds[0]}`, ':network-interface/*']) {
      expect(named).toContain(id);
    }
    expect(
      statements
        .filter((s) => s.Resource === '*')
        .flatMap(actions)
        .sort(),
    ).toEqual(['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets', 'xray:PutTelemetryRecords', 'xray:PutTraceSegments'].sort());
    // No managed policy (AWSLambdaVPCAccessExecutionRole would allow these on every resource).
    const role = lambdaOf(resources, stack.functions.runDatabaseProcessor.entry).Properties.Role['Fn::GetAtt'][0];
    expect(resources[role]!.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('creates no endpoint unless route tables are given', () => {
    expect(template.findResources('AWS::EC2::VPCEndpoint')).toEqual({});
  });

  it('synthesizes with no warning or error', () => {
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it.each([
    ['AwsSolutions', () => new AwsSolutionsChecks()],
    ['Serverless', () => new ServerlessChecks()],
  ] as [string, () => NagPack][])('leaves no unacknowledged %s finding', (_name, pack) => {
    const { app } = buildApp({
      nag: false,
      appProps: { context: SKIP_BUNDLING },
      stackProps: { senderEmail: SENDER, register, demo: false, databaseNetwork: { ...NETWORK, gatewayEndpointRouteTableIds: ['rtb-0123abcd'] } },
    });
    const report = pack().validateScope(app);
    expect(report.violations.flatMap((v) => v.violatingResources.map((r) => `${v.ruleName} at ${r.constructPath}`))).toEqual([]);
  });
});

describe('the database network from context', () => {
  const register = registerWith({ secret: 'courses/dsr' });
  const context = {
    databaseVpcId: NETWORK.vpcId,
    databaseSubnetIds: NETWORK.subnetIds.join(','),
    databaseSecurityGroupIds: NETWORK.securityGroupIds.join(','),
    databaseRouteTableIds: 'rtb-0123abcd,rtb-0456efab',
  };

  it('is read from -c databaseVpcId, databaseSubnetIds, databaseSecurityGroupIds, with DynamoDB and S3 gateway endpoints on -c databaseRouteTableIds', () => {
    const { stack, resources, template } = synth({ register, demo: false }, context);
    expect(inVpc(stack.functions, resources)).toEqual(['retention', 'runDatabaseProcessor']);
    const endpoints = Object.values(template.findResources('AWS::EC2::VPCEndpoint')).map((r) => r.Properties);
    expect(endpoints).toHaveLength(2);
    for (const service of ['dynamodb', 's3']) {
      expect(endpoints).toContainEqual({
        VpcId: NETWORK.vpcId,
        VpcEndpointType: 'Gateway',
        RouteTableIds: ['rtb-0123abcd', 'rtb-0456efab'],
        ServiceName: { 'Fn::Join': ['', ['com.amazonaws.', { Ref: 'AWS::Region' }, `.${service}`]] },
      });
    }
  });

  it('refuses ids that are not ids, naming them', () => {
    expect(() => synth({ register, demo: false }, { ...context, databaseSubnetIds: 'subnet-0aaa1111,private-a' })).toThrow(/Not a subnet.*private-a/);
    expect(() => synth({ register, demo: false }, { ...context, databaseSecurityGroupIds: '' })).toThrow(/security groups/);
  });
});

describe('a register with sql processors and no VPC', () => {
  it('fails synthesis, naming the processors and what to give', () => {
    const register = registerWith({ secret: SECRET_ARN });
    expect(() => synth({ register, demo: false })).toThrow(/sql processors \(courses-0\).*no VPC.*-c databaseVpcId=/);
  });

  it('fails for a demo deployment too when a database is reached through a secret (a real one)', () => {
    expect(() => synth({ register: registerWith({ url: 'postgres://u@127.0.0.1/db' }, { secret: SECRET_ARN }), demo: true })).toThrow(/courses-0, courses-1/);
  });

  it("synthesizes the demo register in demo mode outside any VPC, warning that the demo's local database is out of reach", () => {
    const { stack, resources } = synth({}, {});
    expect(stack.registerSource.demo).toBe(true);
    expect(inVpc(stack.functions, resources)).toEqual([]);
    Annotations.fromStack(stack).hasWarning('*', Match.stringLikeRegexp('course-database.*DatabaseUnavailable'));
    // A connection by URL needs no grant: the only secrets read are the stack's own, those the
    // register names for the demo's Mailchimp connector and in-house webhook (checked in
    // test/infra/http-connectors.test.ts and test/infra/inhouse-processors.test.ts), and the
    // controllers' keys the register names (mailing tools' webhooks, suppression checks).
    const controllerKeys = /secret:dsr\/demo-association\/(mailchimp-webhook|suppression-check)-key-\?{6}/;
    const reads = Object.values(resources)
      .filter((r) => r.Type === 'AWS::IAM::Policy')
      .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[])
      .filter((st) => actions(st).includes('secretsmanager:GetSecretValue'))
      .filter((st) => !/demo\/mailchimp-api-key|demo-volunteer-portal-webhook/.test(JSON.stringify(st.Resource)));
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.filter((st) => !(st.Resource as { Ref?: string }).Ref && !controllerKeys.test(JSON.stringify(st.Resource)))).toEqual([]);
  });

  it('puts the demo in the VPC when one is given', () => {
    const { stack, resources } = synth({ databaseNetwork: NETWORK });
    expect(inVpc(stack.functions, resources)).toEqual(['retention', 'runDatabaseProcessor']);
  });
});

describe('RDS IAM authentication', () => {
  const register = registerWith({ secret: 'courses/dsr', iamAuth: { resourceId: 'db-ABCDEFGHIJKL0123', user: 'dsr_service' } });

  it('grants rds-db:connect as the declared user of that one database, to RunDatabaseProcessor and Retention, and no other function', () => {
    const { stack, resources } = synth({ register, demo: false, databaseNetwork: NETWORK });
    for (const name of ['runDatabaseProcessor', 'retention'] as const) {
      const connect = statementsOf(resources, lambdaOf(resources, stack.functions[name].entry)).filter((s) => actions(s).includes('rds-db:connect'));
      expect(connect.map((s) => s.Resource)).toEqual([
        {
          'Fn::Join': [
            '',
            ['arn:', { Ref: 'AWS::Partition' }, ':rds-db:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':dbuser:db-ABCDEFGHIJKL0123/dsr_service'],
          ],
        },
      ]);
    }
    const connectors = (Object.keys(stack.functions) as (keyof DsrFunctions)[]).filter((k) =>
      statementsOf(resources, lambdaOf(resources, stack.functions[k].entry)).some((s) => actions(s).includes('rds-db:connect')),
    );
    expect(connectors.sort()).toEqual(['retention', 'runDatabaseProcessor']);
  });

  it('synthesizes with no error or warning', () => {
    const { stack } = synth({ register, demo: false, databaseNetwork: NETWORK });
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('is refused by the register check when its resource id is a name', () => {
    expect(() => registerWith({ secret: 'courses/dsr', iamAuth: { resourceId: 'my-database', user: 'dsr_service' } })).toThrow(/DbiResourceId/);
  });
});
