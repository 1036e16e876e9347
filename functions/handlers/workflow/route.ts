import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { requestRef } from '../../workflow/requests';
import { routeRequest } from '../../workflow/routing';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'SUPPRESSION_KEY_SECRET');

/** Step `Route`: `{requestId}` → `{requestId, next: 'review' | 'process' | 'answer'}`. */
export const handler = async (input: unknown) => routeRequest(requestRef.parse(input));
