import { DescribeExecutionCommand, type DescribeExecutionCommandOutput, RedriveExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../platform/aws/sfn';
import { setting } from '../platform/config';
import { advanceExecutionRun } from '../platform/data/requests';
import { errorClass, logger } from '../platform/log';

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

/** What to do about an execution that exists, from what DescribeExecution says of it. */
export type ExecutionRepair = 'running' | 'finished' | 'redrive' | 'start_anew';

/**
 * The sweep's choice for an open request's execution: leave one running (or pending its re-drive)
 * and one that succeeded; re-drive one that stopped while Step Functions still allows it; start a
 * new execution for one it does not (14 days after the stop, or its history full).
 */
export function repairFor(execution: Pick<DescribeExecutionCommandOutput, 'status' | 'redriveStatus'>): ExecutionRepair {
  const { status, redriveStatus } = execution;
  if (status === 'RUNNING' || status === 'PENDING_REDRIVE') return 'running';
  if (status === 'SUCCEEDED') return 'finished';
  return redriveStatus === 'NOT_REDRIVABLE' ? 'start_anew' : 'redrive';
}

/**
 * Makes sure the request's workflow runs to the end: starts its current execution (`run`, what
 * the request records as `executionRun`), finds it running or finished, re-drives it if it stopped
 * without finishing (the sweep's repair for outages and crashes), or, when it can no longer be
 * re-driven, records and starts the next one (`<requestId>-r<n+1>`). Every step is idempotent and
 * Route reads the request, so the new execution takes up the request where it stands.
 */
export async function ensureExecution(requestId: string, run = 1): Promise<'started' | 'running' | 'redriven' | 'finished' | 'restarted'> {
  if ((await startExecution(requestId, run)) === 'started') return 'started';
  const described = await sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(requestId, run) }));
  const repair = repairFor(described);
  if (repair === 'running' || repair === 'finished') return repair;
  if (repair === 'redrive') {
    try {
      await sfn.send(new RedriveExecutionCommand({ executionArn: executionArn(requestId, run) }));
      logger.warn('execution re-driven', { requestId, run, previousStatus: described.status });
      return 'redriven';
    } catch (err) {
      // its redrivable period ran out between the two calls
      if (errorClass(err) !== 'ExecutionNotRedrivable') throw err;
    }
  }
  // Recorded first: status, withdrawal and decisions act through what the request records, and
  // the next sweep starts this same name if a crash comes between.
  await advanceExecutionRun(requestId, run, run + 1);
  await startExecution(requestId, run + 1);
  logger.warn('execution started anew', { requestId, run: run + 1, previousStatus: described.status, reason: described.redriveStatusReason });
  return 'restarted';
}
