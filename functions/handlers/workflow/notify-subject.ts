import { notifySubject } from '../../answer/notify';
import { loadRequest, requestRef } from '../../workflow/requests';

/** Step `NotifySubject`: `{requestId}`. */
export const handler = async (input: unknown) => {
  const { requestId } = requestRef.parse(input);
  const { request, controller, branches } = await loadRequest(requestId, { withBranches: true });
  await notifySubject(request, controller, branches);
  return { requestId };
};
