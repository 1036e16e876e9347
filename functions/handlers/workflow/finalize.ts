import { configure } from '../../platform/config';
import { finalizeRequest, requestRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE');

/** Step `Finalize`: `{requestId}`. */
export const handler = async (input: unknown) => finalizeRequest(requestRef.parse(input));
