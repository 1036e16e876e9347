import * as z from 'zod';
import { recordBranchFailure } from '../../branches/failure';
import { branchRef } from '../../workflow/requests';

const input = branchRef.extend({ error: z.object({ Error: z.string() }) });

/** Step `RecordBranchFailure` (the Map's Catch): `{requestId, processorId, error: {Error}}`. */
export const handler = async (event: unknown) => {
  const { error, ...ref } = input.parse(event);
  return recordBranchFailure(ref, error.Error);
};
