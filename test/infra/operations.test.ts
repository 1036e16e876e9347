/**
 * Operations: alarms for failed executions, failed scheduled runs, overdue requests and 5xx answers,
 * emailed to the register's DPOs through one encrypted SNS topic, and one dashboard.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { REPO_ROOT } from '../../infra/constructs/house-function';

type Resource = { Type: string; Properties: Record<string, any> };
let resources: Record<string, Resource>;

beforeAll(() => {
  const { app, stack } = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } });
  resources = app.synth().getStackByName(stack.stackName).template.Resources;
});

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
const one = (type: string, predicate: (r: Resource) => boolean = () => true): [string, Resource] => {
  const found = ofType(type).filter(([, r]) => predicate(r));
  expect(found, type).toHaveLength(1);
  return found[0]!;
};

describe('operations alarms', () => {
  it('email every DPO of the register through one SNS topic, encrypted with a key CloudWatch may use, TLS only', () => {
    const [topicId, topic] = one('AWS::SNS::Topic');
    const register = JSON.parse(readFileSync(path.join(REPO_ROOT, 'config', 'register.json'), 'utf8')) as { controllers: { dpoEmail: string }[] };
    const dpos = [...new Set(register.controllers.map((c) => c.dpoEmail))].sort();
    const subscriptions = ofType('AWS::SNS::Subscription').map(([, s]) => s.Properties);
    expect(subscriptions.map((s) => s.Endpoint).sort()).toEqual(dpos);
    for (const s of subscriptions) expect(s).toMatchObject({ Protocol: 'email', TopicArn: { Ref: topicId } });

    const keyId = topic.Properties.KmsMasterKeyId['Fn::GetAtt'][0] as string;
    const key = resources[keyId]!;
    expect(key.Properties.EnableKeyRotation).toBe(true);
    const forCloudWatch = key.Properties.KeyPolicy.Statement.find((s: any) => s.Principal?.Service === 'cloudwatch.amazonaws.com');
    expect(forCloudWatch.Action).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey*']));
    const [, policy] = one('AWS::SNS::TopicPolicy');
    expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('alarm on failed executions, the failed-runs queue, overdue requests, untold withdrawals, 5xx answers and bounced staff mail, each to the topic', () => {
    const [topicId] = one('AWS::SNS::Topic');
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms).toHaveLength(6);
    for (const a of alarms) {
      expect(a.AlarmActions).toEqual([{ Ref: topicId }]);
      expect(a).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
    }
    const byMetric = Object.fromEntries(alarms.map((a) => [`${a.Namespace}/${a.MetricName}`, a]));
    expect(Object.keys(byMetric).sort()).toEqual([
      'AWS/ApiGateway/5xx',
      'AWS/SQS/ApproximateNumberOfMessagesVisible',
      'AWS/States/ExecutionsFailed',
      'GdprDsr/OverdueRequests',
      'GdprDsr/StaffMailUndeliverable',
      'GdprDsr/WithdrawalNoticesUntold',
    ]);

    const [stateMachineId] = one('AWS::StepFunctions::StateMachine');
    expect(byMetric['AWS/States/ExecutionsFailed']!.Dimensions).toEqual([{ Name: 'StateMachineArn', Value: { Ref: stateMachineId } }]);
    const [queueId] = one('AWS::SQS::Queue', (q) => q.Properties.MessageRetentionPeriod === 14 * 86_400);
    expect(byMetric['AWS/SQS/ApproximateNumberOfMessagesVisible']!.Dimensions).toEqual([
      { Name: 'QueueName', Value: { 'Fn::GetAtt': [queueId, 'QueueName'] } },
    ]);
    const [apiId] = one('AWS::ApiGatewayV2::Api');
    expect(byMetric['AWS/ApiGateway/5xx']!.Dimensions).toEqual([{ Name: 'ApiId', Value: { Ref: apiId } }]);
    // As the sweep writes it (functions/platform/metrics.ts): the service dimension only.
    expect(byMetric['GdprDsr/OverdueRequests']).toMatchObject({ Dimensions: [{ Name: 'service', Value: 'dsr' }], Statistic: 'Maximum', Period: 900 });
    // A processor never told of a withdrawal, counted by the sweep when it gives up (functions/workflow/withdrawal.ts).
    expect(byMetric['GdprDsr/WithdrawalNoticesUntold']).toMatchObject({ Dimensions: [{ Name: 'service', Value: 'dsr' }], Statistic: 'Sum', Period: 900 });
  });

  it('have one dashboard showing the requests closed by right and outcome beside the alarms', () => {
    const [, dashboard] = one('AWS::CloudWatch::Dashboard');
    const body = JSON.stringify(dashboard.Properties.DashboardBody);
    expect(body).toContain('RequestsClosed');
    expect(body).toContain('{GdprDsr,outcome,right,service}');
    for (const metric of ['OverdueRequests', 'ExecutionsFailed', 'ApproximateNumberOfMessagesVisible', '5xx']) expect(body).toContain(metric);
  });
});
