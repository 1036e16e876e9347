import { planRequest, requestRef } from '../../workflow/requests';

/** Step `Plan`: `{requestId}` → `{requestId, branches}`. */
export const handler = async (input: unknown) => planRequest(requestRef.parse(input));
