import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from './aws/sfn';
import { setting } from './config';
import { errorClass } from './log';

// How a request's workflow execution is named and started: confirmation and one-click unsubscribe
// start it, the sweep's repair (functions/workflow/execution.ts) starts it again.

/**
 * The name of a request's n-th execution: the request id for the first (what confirmation
 * starts), `<requestId>-r<n>` for each one started because the one before could not be re-driven.
 * Deterministic, so two sweeps that both decide to start anew start one execution.
 */
export function executionName(requestId: string, run = 1): string {
  return run <= 1 ? requestId : `${requestId}-r${run}`;
}

/** The ARN Step Functions gives the request's n-th execution. */
export function executionArn(requestId: string, run = 1): string {
  return `${setting('STATE_MACHINE_ARN').replace(':stateMachine:', ':execution:')}:${executionName(requestId, run)}`;
}

/**
 * Starts the request's n-th workflow execution (see {@link executionName}), with the id as its only
 * input. Returns 'exists' when that name is taken: running with the same input is idempotent in
 * Step Functions, and a closed execution answers ExecutionAlreadyExists for 90 days.
 */
export async function startExecution(requestId: string, run = 1): Promise<'started' | 'exists'> {
  try {
    await sfn.send(
      new StartExecutionCommand({ stateMachineArn: setting('STATE_MACHINE_ARN'), name: executionName(requestId, run), input: JSON.stringify({ requestId }) }),
    );
    return 'started';
  } catch (err) {
    if (errorClass(err) === 'ExecutionAlreadyExists') return 'exists';
    throw err;
  }
}
