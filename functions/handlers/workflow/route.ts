import { requestRef } from '../../workflow/requests';
import { routeRequest } from '../../workflow/routing';

/** Step `Route`: `{requestId}` → `{requestId, next: 'review' | 'process' | 'answer'}`. */
export const handler = async (input: unknown) => routeRequest(requestRef.parse(input));
