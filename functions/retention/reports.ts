/**
 * Where retention rules' reports go: the package bucket (encrypted with the personal-data key,
 * private, expired after 90 days), one object per controller, run and rule. The only place the
 * keys of the records a rule matched are kept.
 */
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { s3 } from '../platform/aws/s3';
import { setting } from '../platform/config';
import type { RetentionRun } from '../platform/data/retention-runs';

/** Where the reports go in the package bucket. */
export const RETENTION_REPORTS_PREFIX = 'retention-reports/';

/** The report's object key: one per controller, run and rule. */
export const reportKey = (run: Pick<RetentionRun, 'controllerId' | 'runAt' | 'ruleId'>) =>
  `${RETENTION_REPORTS_PREFIX}${run.controllerId}/${run.runAt}/${run.ruleId}.json`;

/** Writes (or rewrites) a run's report. */
export async function putReport(run: Pick<RetentionRun, 'controllerId' | 'runAt' | 'ruleId'>, report: unknown): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: setting('PACKAGE_BUCKET'),
      Key: reportKey(run),
      Body: JSON.stringify(report, null, 2),
      ContentType: 'application/json',
    }),
  );
}
