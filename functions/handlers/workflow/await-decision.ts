import * as z from '../../domain/validation';
import { configure } from '../../platform/config';
import { awaitDecision } from '../../workflow/await-decision';
import { requestRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL');

const input = z.extend(requestRef, { taskToken: z.string().check(z.minLength(1), z.maxLength(2048)) });

/** Step `AwaitDecision` (waitForTaskToken): `{requestId, taskToken}`; a staff decision resumes it. */
export const handler = async (event: unknown) => {
  await awaitDecision(input.parse(event));
  return {};
};
