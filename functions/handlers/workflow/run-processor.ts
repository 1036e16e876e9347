import { runBranch } from '../../branches/run-processor';
import { branchRef } from '../../workflow/requests';

/** Step `RunProcessor` (one Map iteration): `{requestId, processorId}`. */
export const handler = async (input: unknown) => runBranch(branchRef.parse(input));
