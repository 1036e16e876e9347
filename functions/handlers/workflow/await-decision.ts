import * as z from 'zod';
import { awaitDecision } from '../../workflow/await-decision';
import { requestRef } from '../../workflow/requests';

const input = requestRef.extend({ taskToken: z.string().min(1).max(2048) });

/** Step `AwaitDecision` (waitForTaskToken): `{requestId, taskToken}`; a staff decision resumes it. */
export const handler = async (event: unknown) => {
  await awaitDecision(input.parse(event));
  return {};
};
