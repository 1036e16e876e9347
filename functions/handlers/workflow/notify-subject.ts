import { notifySubject } from '../../answer/notify';
import { configure } from '../../platform/config';
import { loadRequest, requestRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'DOWNLOAD_TTL_DAYS');

/** Step `NotifySubject`: `{requestId}`. */
export const handler = async (input: unknown) => {
  const { requestId } = requestRef.parse(input);
  const { request, controller, branches } = await loadRequest(requestId, { withBranches: true });
  await notifySubject(request, controller, branches);
  return { requestId };
};
