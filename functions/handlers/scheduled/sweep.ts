import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { recordOverdueRequests } from '../../platform/metrics';
import { sweep } from '../../workflow/sweep';

// The composition root: what this function is given, checked at cold start.
await configure(
  secrets,
  'REQUESTS_TABLE',
  'PACKAGE_BUCKET',
  'STATE_MACHINE_ARN',
  'SENDER_EMAIL',
  'SES_CONFIGURATION_SET',
  'PUBLIC_BASE_URL',
  'SUPPRESSION_KEY_SECRET',
);

/** Scheduled every 15 minutes, and run by the local runtime at start. */
export const handler = async () => {
  const report = await sweep();
  recordOverdueRequests(report.overdue);
  return report;
};
