import * as z from 'zod';
import { awaitBranch } from '../../branches/await-processor';
import { branchRef } from '../../workflow/requests';

const input = branchRef.extend({ taskToken: z.string().min(1).max(2048) });

/** Step `AwaitProcessor` (waitForTaskToken): `{requestId, processorId, taskToken}`. */
export const handler = async (event: unknown) => {
  await awaitBranch(input.parse(event));
  return {};
};
