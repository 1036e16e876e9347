import { notifySubject } from '../lib/notify';
import { loadRequest, requestRef } from '../lib/workflow';

/** Step `NotifySubject`: `{requestId}`. */
export const handler = async (input: unknown) => {
  const { requestId } = requestRef.parse(input);
  const { request, controller, branches } = await loadRequest(requestId, { withBranches: true });
  await notifySubject(request, controller, branches);
  return { requestId };
};
