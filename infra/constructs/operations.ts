import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import {
  Alarm,
  AlarmStatusWidget,
  ComparisonOperator,
  Dashboard,
  GraphWidget,
  MathExpression,
  Metric,
  SingleValueWidget,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../../functions/platform/metric-names';

/** Props of {@link Operations}. */
export interface OperationsProps {
  readonly stateMachine: IStateMachine;
  /** Where a failed scheduled run goes (the scheduled functions' on-failure destination). */
  readonly scheduledFailures: IQueue;
  readonly httpApi: HttpApi;
  /** Who is told of an alarm: the DPOs of the register. */
  readonly alarmEmails: readonly string[];
}

/**
 * What an operator watches: alarms for failed executions, failed scheduled runs, overdue requests,
 * processors never told of a withdrawal and 5xx answers, sent by email through one SNS topic; and one dashboard with the requests closed
 * by right and outcome (the functions' EMF metrics, `functions/platform/metrics.ts`).
 */
export class Operations extends Construct {
  public readonly topic: Topic;
  public readonly alarms: Record<
    'executionsFailed' | 'scheduledRunFailures' | 'overdueRequests' | 'withdrawalNoticesUntold' | 'serverErrors' | 'staffMailUndeliverable',
    Alarm
  >;
  public readonly dashboard: Dashboard;

  constructor(scope: Construct, id: string, props: OperationsProps) {
    super(scope, id);
    const key = new Key(this, 'TopicKey', {
      description: "Encrypts the operations alarms' SNS topic",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    // CloudWatch alarms publish to an encrypted topic only if they may use its key.
    key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.topic = new Topic(this, 'Alarms', { displayName: 'GDPR DSR operations', masterKey: key, enforceSSL: true });
    for (const email of [...new Set(props.alarmEmails)].sort()) {
      const subscription = this.topic.addSubscription(new EmailSubscription(email));
      Validations.of(subscription).acknowledge({
        id: 'Serverless-SNSRedrivePolicy',
        reason:
          'An alarm email SNS cannot deliver is not worth keeping in a queue nobody reads: the alarm stays in ALARM on the dashboard and in the console until its cause is gone.',
      });
    }

    const fiveMinutes = Duration.minutes(5);
    const executionsFailed = props.stateMachine.metricFailed({ period: fiveMinutes, statistic: 'Sum' });
    const dlqVisible = props.scheduledFailures.metricApproximateNumberOfMessagesVisible({ period: fiveMinutes, statistic: 'Maximum' });
    const overdue = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'OverdueRequests',
      dimensionsMap: { service: METRICS_SERVICE },
      // The sweep writes it every 15 minutes.
      period: Duration.minutes(15),
      statistic: 'Maximum',
    });
    // A processor still not told of a withdrawal after every retry (functions/workflow/withdrawal.ts).
    const untold = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'WithdrawalNoticesUntold',
      dimensionsMap: { service: METRICS_SERVICE },
      period: Duration.minutes(15),
      statistic: 'Sum',
    });
    // MailFeedback writes it when mail to the DPO or staff bounced for good (an alarm cannot watch a SEARCH: one dimension only).
    const staffMailUndeliverable = new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: 'StaffMailUndeliverable',
      dimensionsMap: { service: METRICS_SERVICE },
      period: fiveMinutes,
      statistic: 'Sum',
    });
    // HTTP APIs publish `5xx` (REST APIs' `5XXError`).
    const serverErrors = props.httpApi.metricServerError({ period: fiveMinutes, statistic: 'Sum' });

    const alarm = (id: string, metric: Metric, description: string) => {
      const a = new Alarm(this, id, {
        metric,
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      a.addAlarmAction(new SnsAction(this.topic));
      return a;
    };
    this.alarms = {
      executionsFailed: alarm(
        'ExecutionsFailed',
        executionsFailed,
        'A request workflow execution failed; the sweep re-drives it, but a repeated failure needs a look (Step Functions console, by request id).',
      ),
      scheduledRunFailures: alarm(
        'ScheduledRunFailures',
        dlqVisible,
        'A scheduled run (sweep, digest, retention) failed: its record is in the ScheduledRunFailures queue.',
      ),
      overdueRequests: alarm(
        'OverdueRequests',
        overdue,
        'A confirmed request is open past its legal deadline (Art. 12(3)); the staff console lists it under overdue.',
      ),
      withdrawalNoticesUntold: alarm(
        'WithdrawalNoticesUntold',
        untold,
        'A processor could not be told that a request was withdrawn, after every retry: staff must tell it (the request timeline says which).',
      ),
      serverErrors: alarm('ServerErrors', serverErrors, 'The API answered 5xx: a handler failed (500) or a service behind it was unavailable (503).'),
      staffMailUndeliverable: alarm(
        'StaffMailUndeliverable',
        staffMailUndeliverable,
        "An email to the DPO or staff (digest, reminder, escalation, review) bounced for good: the register's address no longer reaches anyone, and SES's suppression list now holds it.",
      ),
    };

    const closed = new MathExpression({
      expression: `SEARCH('{${METRICS_NAMESPACE},outcome,right,service} MetricName="RequestsClosed"', 'Sum', 86400)`,
      label: 'Requests closed',
      period: Duration.days(1),
    });
    this.dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-operations`,
      widgets: [
        [new AlarmStatusWidget({ title: 'Alarms', alarms: Object.values(this.alarms), width: 24, height: 3 })],
        [
          new GraphWidget({ title: 'Requests closed per day, by right and outcome', left: [closed], width: 12, height: 6 }),
          new SingleValueWidget({ title: 'Overdue requests (last sweep)', metrics: [overdue], width: 6, height: 6 }),
          new GraphWidget({ title: 'Failed scheduled runs waiting', left: [dlqVisible], width: 6, height: 6 }),
        ],
        [
          new GraphWidget({
            title: 'Workflow executions',
            left: [
              props.stateMachine.metricStarted({ period: fiveMinutes, statistic: 'Sum' }),
              props.stateMachine.metricSucceeded({ period: fiveMinutes, statistic: 'Sum' }),
              executionsFailed,
            ],
            width: 12,
            height: 6,
          }),
          new GraphWidget({
            title: 'API answers',
            left: [
              props.httpApi.metricCount({ period: fiveMinutes, statistic: 'Sum' }),
              props.httpApi.metricClientError({ period: fiveMinutes, statistic: 'Sum' }),
              serverErrors,
            ],
            width: 12,
            height: 6,
          }),
        ],
      ],
    });
  }
}
