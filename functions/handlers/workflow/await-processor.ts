import { awaitBranch } from '../../branches/await-processor';
import * as z from '../../domain/validation';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { branchRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'PACKAGE_BUCKET', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'SUPPRESSION_KEY_SECRET');

const input = z.extend(branchRef, { taskToken: z.string().check(z.minLength(1), z.maxLength(2048)) });

/** Step `AwaitProcessor` (waitForTaskToken): `{requestId, processorId, taskToken}`. */
export const handler = async (event: unknown) => {
  await awaitBranch(input.parse(event));
  return {};
};
