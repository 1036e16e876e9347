import { runBranch, type SyncKinds } from '../../branches/run-processor';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { dynamodbProcessor } from '../../processors/dynamodb/adapter';
import { branchRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'PACKAGE_BUCKET', 'SUPPRESSION_KEY_SECRET');

/**
 * The stores that answer at once; the databases are `RunDatabaseProcessor`'s (their drivers and
 * VPC stay out of here), the waiting kinds `AwaitProcessor`'s.
 */
const kinds: SyncKinds = { dynamodb: dynamodbProcessor };

/** Step `RunProcessor` (one Map iteration): `{requestId, processorId}`. */
export const handler = async (input: unknown) => runBranch(branchRef.parse(input), kinds);
