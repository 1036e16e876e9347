import * as z from 'zod';
import { recordBranchFailure } from '../lib/branch-failure';
import { branchRef } from '../lib/workflow';

const input = branchRef.extend({ error: z.object({ Error: z.string() }) });

/** Step `RecordBranchFailure` (the Map's Catch): `{requestId, processorId, error: {Error}}`. */
export const handler = async (event: unknown) => {
  const { error, ...ref } = input.parse(event);
  return recordBranchFailure(ref, error.Error);
};
