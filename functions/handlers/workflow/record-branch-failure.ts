import { recordBranchFailure } from '../../branches/failure';
import * as z from '../../domain/validation';
import { configure } from '../../platform/config';
import { branchRef } from '../../workflow/requests';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL');

const input = z.extend(branchRef, { error: z.object({ Error: z.string() }) });

/** Step `RecordBranchFailure` (the Map's Catch): `{requestId, processorId, error: {Error}}`. */
export const handler = async (event: unknown) => {
  const { error, ...ref } = input.parse(event);
  return recordBranchFailure(ref, error.Error);
};
