import { assemblePackage } from '../../answer/access-package';
import { transmitPackage } from '../../answer/portability';
import { configure } from '../../platform/config';
import { loadRequest, requestRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET');

/**
 * Step `AssemblePackage`: `{requestId}`. Builds the access or portability package once; a
 * portability package the subject asked to have sent to another controller is then sent there.
 */
export const handler = async (input: unknown) => {
  const { requestId } = requestRef.parse(input);
  const { request, controller, branches } = await loadRequest(requestId, { withBranches: true });
  const key = await assemblePackage(request, controller, branches);
  if (key) await transmitPackage(request, controller, key);
  return { requestId };
};
