import { LambdaClient } from '@aws-sdk/client-lambda';

/** The one Lambda client of a function: invokes the organisations' own functions (`lambda` processors). */
export const lambda = new LambdaClient({});
