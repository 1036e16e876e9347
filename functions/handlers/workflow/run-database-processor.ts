import { runBranch, type SyncKinds } from '../../branches/run-processor';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { sqlProcessor } from '../../processors/sql/adapter';
import { branchRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'PACKAGE_BUCKET', 'SUPPRESSION_KEY_SECRET');

/**
 * The kinds that answer at once from a database: their drivers stay out of `RunProcessor`, and
 * only this function runs in the databases' VPC.
 */
const kinds: SyncKinds = { sql: sqlProcessor };

/** Step `RunDatabaseProcessor` (one Map iteration): `{requestId, processorId}`. */
export const handler = async (input: unknown) => runBranch(branchRef.parse(input), kinds);
