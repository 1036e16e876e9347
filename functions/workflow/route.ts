import { routeRequest } from '../lib/routing';
import { requestRef } from '../lib/workflow';

/** Step `Route`: `{requestId}` → `{requestId, next: 'review' | 'process' | 'answer'}`. */
export const handler = async (input: unknown) => routeRequest(requestRef.parse(input));
