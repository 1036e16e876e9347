import { finalizeRequest, requestRef } from '../../workflow/requests';

/** Step `Finalize`: `{requestId}`. */
export const handler = async (input: unknown) => finalizeRequest(requestRef.parse(input));
