import { configure } from '../../platform/config';
import { planRequest, requestRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE');

/** Step `Plan`: `{requestId}` → `{requestId, branches}`. */
export const handler = async (input: unknown) => planRequest(requestRef.parse(input));
