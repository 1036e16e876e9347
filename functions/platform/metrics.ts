import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Right } from '../domain/request';
import { METRICS_NAMESPACE, METRICS_SERVICE } from './metric-names';

/** How a request closed: answered in time or late, refused, withdrawn, never confirmed, or its link could not be delivered. */
export type RequestOutcome = 'completed_on_time' | 'completed_late' | 'denied' | 'withdrawn' | 'closed_unverified' | 'undeliverable';

// Embedded metric format: each metric is a log line CloudWatch turns into a metric, no API call and
// no permission beyond the function's own log group. Right and outcome only: never an id or address.
const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });

/** One request closed, counted by its right and outcome (`RequestsClosed`), written at once. */
export function recordRequestClosed(right: Right, outcome: RequestOutcome): void {
  const metric = metrics.singleMetric();
  metric.addDimensions({ right, outcome });
  metric.addMetric('RequestsClosed', MetricUnit.Count, 1);
}

/** What the sweep found past its deadline and still open (`OverdueRequests`), each run. */
export function recordOverdueRequests(count: number): void {
  metrics.singleMetric().addMetric('OverdueRequests', MetricUnit.Count, count);
}

/** A processor that could not be told of a withdrawal after every retry (`WithdrawalNoticesUntold`): staff must tell it. */
export function recordWithdrawalNoticeUntold(): void {
  metrics.singleMetric().addMetric('WithdrawalNoticesUntold', MetricUnit.Count, 1);
}

/**
 * An email to the controller's own people (the DPO, staff) bounced for good (`StaffMailUndeliverable`):
 * the operations alarm of that name goes off, since reminders, escalations and digests no longer reach anyone.
 */
export function recordStaffMailUndeliverable(): void {
  metrics.singleMetric().addMetric('StaffMailUndeliverable', MetricUnit.Count, 1);
}

/** SES told of a bounce or complaint (`MailFeedback`), by its type and the kind of email: never an id or address. */
export function recordMailFeedback(type: string, kind: string): void {
  const metric = metrics.singleMetric();
  metric.addDimensions({ type, kind });
  metric.addMetric('MailFeedback', MetricUnit.Count, 1);
}

/** What became of a message to a privacy address (`InboundMail`, dimensions `outcome` and `reason`): never an address. */
export function recordInboundMail(outcome: 'accepted' | 'triaged' | 'dropped' | 'duplicate', reason: string): void {
  const metric = metrics.singleMetric();
  metric.addDimensions({ outcome, reason });
  metric.addMetric('InboundMail', MetricUnit.Count, 1);
}
