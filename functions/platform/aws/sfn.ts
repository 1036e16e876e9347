import { SFNClient } from '@aws-sdk/client-sfn';

/** The one Step Functions client of a function. */
export const sfn = new SFNClient({});
