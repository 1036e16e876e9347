import { routeRequest } from '../../workflow/routing';
import { requestRef } from '../../workflow/requests';

/** Step `Route`: `{requestId}` → `{requestId, next: 'review' | 'process' | 'answer'}`. */
export const handler = async (input: unknown) => routeRequest(requestRef.parse(input));
