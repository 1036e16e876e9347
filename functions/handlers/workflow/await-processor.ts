import * as z from 'zod';
import { awaitBranch } from '../../branches/await-processor';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { branchRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'PACKAGE_BUCKET', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'SUPPRESSION_KEY_SECRET');

const input = branchRef.extend({ taskToken: z.string().min(1).max(2048) });

/** Step `AwaitProcessor` (waitForTaskToken): `{requestId, processorId, taskToken}`. */
export const handler = async (event: unknown) => {
  await awaitBranch(input.parse(event));
  return {};
};
