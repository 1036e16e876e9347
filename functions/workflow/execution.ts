import { DescribeExecutionCommand, type DescribeExecutionCommandOutput, RedriveExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../platform/aws/sfn';
import { advanceExecutionRun } from '../platform/data/requests';
import { executionArn, startExecution } from '../platform/executions';
import { errorClass, logger } from '../platform/log';

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
