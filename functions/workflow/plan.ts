import { planRequest, requestRef } from '../lib/workflow';

/** Step `Plan`: `{requestId}` → `{requestId, branches}`. */
export const handler = async (input: unknown) => planRequest(requestRef.parse(input));
