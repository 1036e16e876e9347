import { finalizeRequest, requestRef } from '../lib/workflow';

/** Step `Finalize`: `{requestId}`. */
export const handler = async (input: unknown) => finalizeRequest(requestRef.parse(input));
