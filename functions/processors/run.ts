import { runBranch } from '../lib/branch';
import { branchRef } from '../lib/workflow';

/** Step `RunProcessor` (one Map iteration): `{requestId, processorId}`. */
export const handler = async (input: unknown) => runBranch(branchRef.parse(input));
