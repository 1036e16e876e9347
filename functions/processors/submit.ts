import * as z from 'zod';
import { awaitBranch } from '../lib/await-branch';
import { branchRef } from '../lib/workflow';

const input = branchRef.extend({ taskToken: z.string().min(1).max(2048) });

/** Step `AwaitProcessor` (waitForTaskToken): `{requestId, processorId, taskToken}`. */
export const handler = async (event: unknown) => {
  await awaitBranch(input.parse(event));
  return {};
};
