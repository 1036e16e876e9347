import * as z from 'zod';
import { configure } from '../../platform/config';
import { awaitDecision } from '../../workflow/await-decision';
import { requestRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL');

const input = requestRef.extend({ taskToken: z.string().min(1).max(2048) });

/** Step `AwaitDecision` (waitForTaskToken): `{requestId, taskToken}`; a staff decision resumes it. */
export const handler = async (event: unknown) => {
  await awaitDecision(input.parse(event));
  return {};
};
