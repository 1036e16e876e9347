import { DescribeExecutionCommand, RedriveExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from './aws/sfn';
import { requiredEnv } from './env';
import { errorClass, logger } from './log';

/** The request workflow. */
const STATE_MACHINE_ARN = requiredEnv('STATE_MACHINE_ARN');

/** Executions are named by request id; this is the ARN Step Functions gives such an execution. */
export function executionArn(requestId: string): string {
  return `${STATE_MACHINE_ARN.replace(':stateMachine:', ':execution:')}:${requestId}`;
}

/**
 * Makes sure the request's workflow runs: starts it, or finds it running (same name and input
 * is idempotent), or re-drives it if it stopped without finishing. Execution input is the id only.
 */
export async function ensureExecution(requestId: string): Promise<'started' | 'running' | 'redriven' | 'finished'> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: STATE_MACHINE_ARN, name: requestId, input: JSON.stringify({ requestId }) }));
    return 'started';
  } catch (err) {
    if (errorClass(err) !== 'ExecutionAlreadyExists') throw err;
  }
  // The name is taken by a closed execution (or one with other input): look at how it ended.
  const arn = executionArn(requestId);
  const { status } = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
  if (status === 'RUNNING' || status === 'PENDING_REDRIVE') return 'running';
  if (status === 'SUCCEEDED') return 'finished';
  await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
  logger.warn('execution re-driven', { requestId, previousStatus: status });
  return 'redriven';
}
