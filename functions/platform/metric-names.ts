/** The CloudWatch namespace of the service's own metrics (the stack's alarms and dashboard read it). */
export const METRICS_NAMESPACE = 'GdprDsr';
/** The `service` dimension every metric carries. */
export const METRICS_SERVICE = 'dsr';
