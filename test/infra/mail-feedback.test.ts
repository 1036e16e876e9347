/**
 * Bounces and complaints: the sending configuration set publishes them to the default event bus,
 * one rule sends this configuration set's to MailFeedback, which may only do what it must.
 */
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import type { DsrStack } from '../../infra/stack';

let template: Template;
let stack: DsrStack;
const id = (construct: { node: { defaultChild?: unknown } }) => stack.getLogicalId(construct.node.defaultChild as never);

beforeAll(() => {
  const built = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } });
  stack = built.stack as DsrStack;
  template = Template.fromStack(stack);
});

describe('bounces and complaints', () => {
  it('are published by the sending configuration set to the default event bus, nothing else', () => {
    template.resourceCountIs('AWS::SES::ConfigurationSetEventDestination', 1);
    template.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      ConfigurationSetName: { Ref: id(stack.sendingConfiguration) },
      EventDestination: {
        Enabled: true,
        MatchingEventTypes: ['bounce', 'complaint'],
        EventBridgeDestination: { EventBusArn: Match.objectLike({ 'Fn::Join': Match.arrayWith([Match.arrayWith([':event-bus/default'])]) }) },
      },
    });
  });

  it("go by one rule matching this configuration set's tag to MailFeedback, retried, with a dead-letter queue", () => {
    const fnId = id(stack.functions.mailFeedback.fn);
    template.hasResourceProperties('AWS::Events::Rule', {
      State: 'ENABLED',
      EventPattern: {
        source: ['aws.ses'],
        'detail-type': ['Email Bounced', 'Email Complaint Received'],
        detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: id(stack.sendingConfiguration) }] } } },
      },
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 7200 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [id(stack.scheduledFailures), 'Arn'] } },
        }),
      ],
    });
    // EventBridge may invoke it, from that rule only.
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] },
      Principal: 'events.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [id(stack.mailFeedbackRule), 'Arn'] },
    });
    // Lambda retries a failed run twice, then keeps it with the failed runs.
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: fnId },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [id(stack.scheduledFailures), 'Arn'] } } },
    });
  });

  it('lets MailFeedback read and write requests, erase an unconfirmed request’s files and send through the configuration set, with its variables', () => {
    const fn = template.findResources('AWS::Lambda::Function')[id(stack.functions.mailFeedback.fn)]!;
    expect(fn.Metadata['dsr:entry']).toBe('functions/handlers/events/mail-feedback.ts');
    expect(Object.keys(fn.Properties.Environment.Variables).sort()).toEqual(
      ['NODE_OPTIONS', 'PACKAGE_BUCKET', 'PUBLIC_BASE_URL', 'REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET'].sort(),
    );
    expect(fn.Properties.Environment.Variables.SES_CONFIGURATION_SET).toEqual({ Ref: id(stack.sendingConfiguration) });
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((p) =>
      (p.Properties.Roles as { Ref: string }[]).some((r) => r.Ref === id(stack.functions.mailFeedback.role)),
    );
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as { Action: string | string[]; Resource: unknown }[]);
    const send = statements.find((s) => s.Action === 'ses:SendEmail')!;
    expect(JSON.stringify(send.Resource)).toContain(':configuration-set/');
    expect(statements.some((s) => [s.Action].flat().includes('dynamodb:UpdateItem'))).toBe(true);
    expect(JSON.stringify(statements.find((s) => s.Action === 's3:DeleteObject')!.Resource)).toContain('/entries/*');
  });

  it('raise the operations alarm when mail to the DPO or staff bounces for good', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'StaffMailUndeliverable',
      Namespace: 'GdprDsr',
      Dimensions: [{ Name: 'service', Value: 'dsr' }],
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [{ Ref: id(stack.operations.topic) }],
    });
  });
});
