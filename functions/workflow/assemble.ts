import { assemblePackage } from '../lib/access-package';
import { loadRequest, requestRef } from '../lib/workflow';

/** Step `AssemblePackage`: `{requestId}`. */
export const handler = async (input: unknown) => {
  const { requestId } = requestRef.parse(input);
  const { request, controller, branches } = await loadRequest(requestId, { withBranches: true });
  await assemblePackage(request, controller, branches);
  return { requestId };
};
