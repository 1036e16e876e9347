import { DescribeExecutionCommand, RedriveExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../platform/aws/sfn';
import { setting } from '../platform/config';
import { errorClass, logger } from '../platform/log';

/** Executions are named by request id; this is the ARN Step Functions gives such an execution. */
export function executionArn(requestId: string): string {
  return `${setting('STATE_MACHINE_ARN').replace(':stateMachine:', ':execution:')}:${requestId}`;
}

/**
 * Starts the request's workflow, named by the request id, with the id as its only input. Returns
 * 'exists' when that name is taken: running with the same input is idempotent in Step Functions,
 * and a closed execution answers ExecutionAlreadyExists.
 */
export async function startExecution(requestId: string): Promise<'started' | 'exists'> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: setting('STATE_MACHINE_ARN'), name: requestId, input: JSON.stringify({ requestId }) }));
    return 'started';
  } catch (err) {
    if (errorClass(err) === 'ExecutionAlreadyExists') return 'exists';
    throw err;
  }
}

/**
 * Makes sure the request's workflow runs to the end: starts it, finds it running or finished, or
 * re-drives it if it stopped without finishing (the sweep's repair for outages and crashes).
 */
export async function ensureExecution(requestId: string): Promise<'started' | 'running' | 'redriven' | 'finished'> {
  if ((await startExecution(requestId)) === 'started') return 'started';
  const arn = executionArn(requestId);
  const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
  if (status === 'RUNNING' || status === 'PENDING_REDRIVE') return 'running';
  if (status === 'SUCCEEDED') return 'finished';
  await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
  logger.warn('execution re-driven', { requestId, previousStatus: status });
  return 'redriven';
}
