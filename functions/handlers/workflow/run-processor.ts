import { runBranch } from '../../branches/run-processor';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { branchRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'PACKAGE_BUCKET', 'SUPPRESSION_KEY_SECRET');

/** Step `RunProcessor` (one Map iteration): `{requestId, processorId}`. */
export const handler = async (input: unknown) => runBranch(branchRef.parse(input));
