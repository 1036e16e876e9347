/**
 * SES receiving for the privacy addresses, asserted on the synthesized template: the receipt rule
 * (recipients, scanning, TLS, S3 then Lambda), where the raw mail goes and for how long, and who
 * may write, encrypt with and read it.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { INBOUND_MAIL_EXPIRE_AFTER_DAYS, INBOUND_MAIL_PREFIX } from '../../infra/constructs/package-bucket';
import type { DsrStack } from '../../infra/stack';

type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Action: string | string[]; Resource: unknown; Effect: string; Principal?: any; Condition?: any };

let stack: DsrStack;
let template: Template;
let resources: Record<string, Resource>;
beforeAll(() => {
  ({ stack } = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } }));
  template = Template.fromStack(stack);
  resources = template.toJSON().Resources;
}, 300_000);

const idOf = (construct: any) => stack.getLogicalId(construct.node.defaultChild);
const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('SES receiving', () => {
  it('has one rule for the register’s privacy addresses: scanned, TLS only, stored in S3 and then handed to the function', () => {
    template.resourceCountIs('AWS::SES::ReceiptRuleSet', 1);
    const rules = ofType('AWS::SES::ReceiptRule');
    expect(rules).toHaveLength(1);
    const rule = rules[0]![1].Properties.Rule;
    expect(rule.Recipients).toEqual(['requests@demo-association.example']);
    expect(rule.ScanEnabled).toBe(true);
    expect(rule.TlsPolicy).toBe('Require');
    expect(rule.Enabled).toBe(true);
    const [store, invoke] = rule.Actions;
    expect(store.S3Action).toEqual({ BucketName: { Ref: idOf(stack.packageBucket) }, ObjectKeyPrefix: INBOUND_MAIL_PREFIX });
    // No SES client-side encryption (the function could not read it): the bucket's own SSE-KMS encrypts.
    expect(store.S3Action.KmsKeyArn).toBeUndefined();
    expect(invoke.LambdaAction).toEqual({ FunctionArn: { 'Fn::GetAtt': [idOf(stack.functions.receiveEmail.fn), 'Arn'] }, InvocationType: 'Event' });
    expect(rule.Actions).toHaveLength(2);
  });

  it('deletes raw mail the day after it arrived', () => {
    const rules = resources[idOf(stack.packageBucket)]!.Properties.LifecycleConfiguration.Rules;
    expect(rules).toContainEqual({
      Id: 'expire-inbound-mail',
      Prefix: INBOUND_MAIL_PREFIX,
      ExpirationInDays: INBOUND_MAIL_EXPIRE_AFTER_DAYS,
      Status: 'Enabled',
    });
  });

  it('lets SES put objects under inbound-mail/ only, for this account only', () => {
    const statements: Statement[] = ofType('AWS::S3::BucketPolicy').flatMap(([, r]) => r.Properties.PolicyDocument.Statement);
    const ses = statements.filter((s) => JSON.stringify(s.Principal ?? {}).includes('ses.amazonaws.com'));
    expect(ses).toHaveLength(1);
    expect(ses[0]!.Action).toBe('s3:PutObject');
    expect(JSON.stringify(ses[0]!.Resource)).toContain(`/${INBOUND_MAIL_PREFIX}*`);
    expect(ses[0]!.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } });
  });

  it('lets SES take data keys of the personal-data key through S3 only, for this account only', () => {
    const policy = resources[stack.getLogicalId(stack.personalDataKey.node.defaultChild as any)]!.Properties.KeyPolicy.Statement as Statement[];
    const ses = policy.filter((s) => JSON.stringify(s.Principal ?? {}).includes('ses.amazonaws.com'));
    expect(ses).toHaveLength(1);
    expect([ses[0]!.Action].flat().sort()).toEqual(['kms:Encrypt', 'kms:GenerateDataKey']);
    expect(ses[0]!.Condition.StringEquals['aws:SourceAccount']).toEqual({ Ref: 'AWS::AccountId' });
    expect(JSON.stringify(ses[0]!.Condition.StringEquals['kms:ViaService'])).toContain('s3.');
  });

  it('lets SES invoke the receiving function, from this account only', () => {
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      Principal: 'ses.amazonaws.com',
      FunctionName: { 'Fn::GetAtt': [idOf(stack.functions.receiveEmail.fn), 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
  });

  it('lets the receiving function read objects under inbound-mail/ and nothing else of the bucket', () => {
    const roleId = stack.getLogicalId(stack.functions.receiveEmail.role.node.defaultChild as any);
    const statements: Statement[] = ofType('AWS::IAM::Policy')
      .filter(([, r]) => JSON.stringify(r.Properties.Roles).includes(roleId))
      .flatMap(([, r]) => r.Properties.PolicyDocument.Statement);
    const s3 = statements.filter((s) => [s.Action].flat().some((a) => a.startsWith('s3:')));
    expect(s3).toHaveLength(1);
    expect(s3[0]!.Action).toBe('s3:GetObject');
    expect(JSON.stringify(s3[0]!.Resource)).toContain(`/${INBOUND_MAIL_PREFIX}*`);
  });

  it('names the rule set to make active, which CloudFormation cannot', () => {
    template.hasOutput('InboundRuleSetName', { Value: { Ref: Match.anyValue() } });
  });
});
