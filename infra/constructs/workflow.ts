import { type CfnElement, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { WAIT_EXPIRED } from '../../functions/domain/request';
import type { BranchMode } from '../../functions/domain/rights';

/**
 * Branches run at once. Each is a different processor (one call to each), so running a
 * controller's usual register (up to ten) all at once waits for the slowest processor only; the
 * cap keeps a long register from taking a burst of Lambda concurrency and SES sends at one moment.
 */
export const MAX_PARALLEL_BRANCHES = 10;

/** The Lambda functions behind each task of {@link RequestWorkflow}. */
export interface RequestWorkflowProps {
  /** `Route`: `{requestId}` → `{requestId, next}`: `review`, `process` or `answer`, read from DynamoDB. */
  readonly route: IFunction;
  /**
   * `AwaitDecision`: `{requestId, taskToken}`; records the token on the request and emails staff.
   * A staff decision (approve, deny, retry) resumes it with SendTaskSuccess.
   */
  readonly awaitDecision: IFunction;
  /** `RunProcessor` (sync kinds): `{requestId, processorId}`; exports or erases at one processor. */
  readonly runProcessor: IFunction;
  /**
   * `RunDatabaseProcessor` (sync kinds that reach a database: `sql`): as `RunProcessor`, in a
   * function of its own that carries the SQL drivers and runs in the databases' VPC.
   */
  readonly runDatabaseProcessor: IFunction;
  /**
   * `AwaitProcessor` (async kinds): `{requestId, processorId, taskToken}`; records the token on the
   * branch and sends the request out. The branch is answered later with SendTaskSuccess/Failure.
   */
  readonly awaitProcessor: IFunction;
  /** `RecordBranchFailure`: `{requestId, processorId, error: {Error}}`. */
  readonly recordBranchFailure: IFunction;
  /** `AssemblePackage`: `{requestId}` → `{requestId}`. */
  readonly assemblePackage: IFunction;
  /** `NotifySubject`: `{requestId}` → `{requestId}`. */
  readonly notifySubject: IFunction;
  /** `Finalize`: `{requestId}` → `{requestId}`. */
  readonly finalize: IFunction;
  /** The customer-managed key the workflow's log group is encrypted with. */
  readonly logEncryptionKey?: IKey;
  /** @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
}

/** Retries with exponential backoff and full jitter, so parallel branches don't retry in step. */
/** The error class a connector's submit throws when its rate limit's queue is longer than an attempt waits (functions/processors/http/errors.ts). */
const CONNECTOR_BUSY = 'ConnectorBusy';

const RETRY: sfn.RetryProps = {
  errors: [sfn.Errors.ALL],
  interval: Duration.seconds(2),
  backoffRate: 2,
  jitterStrategy: sfn.JitterType.FULL,
};

/** Only the request id travels between the outer states; handlers load the rest from DynamoDB. */
const REQUEST_ID_ONLY = { 'requestId.$': '$.requestId' };

/**
 * The Standard state machine that answers one verified request:
 * `Route → ByNextStep{review: AwaitDecision → Route; process: ForEachProcessor{ByMode → RunProcessor |
 * RunDatabaseProcessor | AwaitProcessor, Catch → RecordBranchFailure} → Route; answer: AssemblePackage → NotifySubject → Finalize}`.
 *
 * Execution input, task payloads and outputs carry ids only: Step Functions keeps execution history
 * for 90 days, and personal data must not be there. For the same reason the log level is ERROR
 * without execution data, and a failed branch passes on its error class but never its cause.
 */
export class RequestWorkflow extends Construct {
  public readonly stateMachine: sfn.StateMachine;
  public readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: RequestWorkflowProps) {
    super(scope, id);

    // Route reads the request and says where to go; every loop comes back to it, so a resumed or
    // re-driven execution takes its turn from what DynamoDB records, not from workflow state.
    const route = new tasks.LambdaInvoke(this, 'Route', {
      stateName: 'Route',
      lambdaFunction: props.route,
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      payload: sfn.TaskInput.fromObject(REQUEST_ID_ONLY),
      // For `process`, the branches still to run (Route plans them): ids and numbers only.
      resultSelector: { 'requestId.$': '$.requestId', 'next.$': '$.next', 'branches.$': '$.branches' },
    }).addRetry({ ...RETRY, maxAttempts: 4 });

    // Staff decide an edge case in the console; the decision resumes this task. No timeout: the
    // deadline reminders and the overdue alert chase staff; the sweep heartbeats every open review,
    // and a review whose heartbeat lapsed goes back through Route, which waits again.
    const awaitDecision = new tasks.LambdaInvoke(this, 'AwaitDecision', {
      stateName: 'AwaitDecision',
      lambdaFunction: props.awaitDecision,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      retryOnServiceExceptions: false,
      payload: sfn.TaskInput.fromObject({ 'requestId.$': '$.requestId', taskToken: sfn.JsonPath.taskToken }),
      heartbeatTimeout: sfn.Timeout.duration(Duration.days(2)),
      resultSelector: REQUEST_ID_ONLY,
    })
      .addRetry({ errors: [sfn.Errors.HEARTBEAT_TIMEOUT], maxAttempts: 0 })
      .addRetry({ ...RETRY, maxAttempts: 3 });
    awaitDecision.addCatch(route, { errors: [sfn.Errors.ALL], resultPath: sfn.JsonPath.DISCARD });

    const recordBranchFailure = new tasks.LambdaInvoke(this, 'RecordBranchFailure', {
      stateName: 'RecordBranchFailure',
      lambdaFunction: props.recordBranchFailure,
      payloadResponseOnly: true,
      retryOnServiceExceptions: false,
      // The error class only: a Cause can quote a processor's message, which may contain personal data.
      payload: sfn.TaskInput.fromObject({
        'requestId.$': '$.requestId',
        'processorId.$': '$.processorId',
        error: { 'Error.$': '$.error.Error' },
      }),
      // The output is the handler's result (ids only), so the caught Cause does not flow on.
    }).addRetry({ ...RETRY, maxAttempts: 4 });

    // Sync kinds run at once, the stores in RunProcessor and the databases in RunDatabaseProcessor,
    // each retried the same way and recorded failed the same way.
    const runAtOnce = (name: 'RunProcessor' | 'RunDatabaseProcessor', fn: IFunction) =>
      new tasks.LambdaInvoke(this, name, {
        stateName: name,
        lambdaFunction: fn,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject({ 'requestId.$': '$.requestId', 'processorId.$': '$.processorId' }),
        // The branch outcome is recorded in DynamoDB by the handler; the Map result is not used.
        resultPath: sfn.JsonPath.DISCARD,
      })
        .addRetry({ ...RETRY, maxAttempts: 3 })
        .addCatch(recordBranchFailure, { errors: [sfn.Errors.ALL], resultPath: '$.error' });
    const runProcessor = runAtOnce('RunProcessor', props.runProcessor);
    const runDatabaseProcessor = runAtOnce('RunDatabaseProcessor', props.runDatabaseProcessor);

    // Async kinds (OpenDSR, email, manual): the branch waits on a task token until it is answered
    // (callback, vendor's link, staff note, the sweep's poll), times out before the deadline, or fails.
    const awaitProcessor = new tasks.LambdaInvoke(this, 'AwaitProcessor', {
      stateName: 'AwaitProcessor',
      lambdaFunction: props.awaitProcessor,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      retryOnServiceExceptions: false,
      payload: sfn.TaskInput.fromObject({
        'requestId.$': '$.requestId',
        'processorId.$': '$.processorId',
        taskToken: sfn.JsonPath.taskToken,
      }),
      // Route sets timeoutSeconds per branch so the wait ends before the request's deadline.
      taskTimeout: sfn.Timeout.at('$.timeoutSeconds'),
      // How long a branch may go without the sweep's heartbeat (every 15 min): Route sets it, up to
      // two days and always shorter than the timeout, as the States Language requires.
      heartbeatTimeout: sfn.Timeout.at('$.heartbeatSeconds'),
      // SendTaskSuccess answers with ids only; the outcome itself is recorded on the branch in DynamoDB.
      resultPath: sfn.JsonPath.DISCARD,
    })
      // A wait that ran out (or reached the end Route planned, WAIT_EXPIRED) is final: retrying would submit again and wait past the deadline.
      .addRetry({ errors: [sfn.Errors.TIMEOUT, sfn.Errors.HEARTBEAT_TIMEOUT, WAIT_EXPIRED], maxAttempts: 0 })
      // A connector's rate limit had a longer queue than a run starts behind (11.25 s for a two-step
      // action, functions/processors/http/engine.ts), and nothing was taken from it: a burst of
      // requests comes back every 0-10 s, without backing off, so some branch is always back before
      // the queue runs dry; about half an hour on average before the branch goes to staff.
      .addRetry({
        errors: [CONNECTOR_BUSY],
        interval: Duration.seconds(10),
        backoffRate: 1,
        maxAttempts: 360,
        jitterStrategy: sfn.JitterType.FULL,
      })
      // Anything else is the submit Lambda failing; submitting is safe to repeat.
      .addRetry({ ...RETRY, maxAttempts: 3 })
      .addCatch(recordBranchFailure, { errors: [sfn.Errors.ALL], resultPath: '$.error' });

    // Route's planned items carry the branch's mode (`modeOf`): async kinds wait for an answer,
    // databases run in their own function, the stores at once.
    const byMode = new sfn.Choice(this, 'ByMode', { stateName: 'ByMode' })
      .when(sfn.Condition.stringEquals('$.mode', 'async' satisfies BranchMode), awaitProcessor)
      .when(sfn.Condition.stringEquals('$.mode', 'database' satisfies BranchMode), runDatabaseProcessor)
      .otherwise(runProcessor);

    const forEachProcessor = new sfn.Map(this, 'ForEachProcessor', {
      stateName: 'ForEachProcessor',
      itemsPath: '$.branches',
      maxConcurrency: MAX_PARALLEL_BRANCHES,
      // The output stays {requestId, branches}; the next task only takes the requestId from it.
      resultPath: sfn.JsonPath.DISCARD,
    }).itemProcessor(byMode);

    const outer = (name: 'AssemblePackage' | 'NotifySubject' | 'Finalize', fn: IFunction) =>
      new tasks.LambdaInvoke(this, name, {
        stateName: name,
        lambdaFunction: fn,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        payload: sfn.TaskInput.fromObject(REQUEST_ID_ONLY),
        resultSelector: REQUEST_ID_ONLY,
      }).addRetry({ ...RETRY, maxAttempts: 4 });

    const answer = outer('AssemblePackage', props.assemblePackage).next(outer('NotifySubject', props.notifySubject)).next(outer('Finalize', props.finalize));
    const next = new sfn.Choice(this, 'ByNextStep', { stateName: 'ByNextStep' })
      .when(sfn.Condition.stringEquals('$.next', 'review'), awaitDecision.next(route))
      .when(sfn.Condition.stringEquals('$.next', 'process'), forEachProcessor.next(route))
      .otherwise(answer);
    const definition = route.next(next);

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: RemovalPolicy.DESTROY,
      encryptionKey: props.logEncryptionKey,
    });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      tracingEnabled: true,
      logs: { destination: this.logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
      comment: 'Answers one verified data-subject request; ids only in state',
    });

    Validations.of(this.stateMachine).acknowledge({
      id: 'AwsSolutions-SF1',
      reason:
        'Logging is at ERROR level without execution data on purpose: state must never reach logs with personal data, and every step outcome is recorded in DynamoDB audit events instead.',
    });
    acknowledgeStateMachineRole(this.stateMachine, [
      props.route,
      props.awaitDecision,
      props.runProcessor,
      props.runDatabaseProcessor,
      props.awaitProcessor,
      props.recordBranchFailure,
      props.assemblePackage,
      props.notifySubject,
      props.finalize,
    ]);
  }
}

/** The wildcard findings CDK's own grants produce on the state machine role, each with why it is needed. */
function acknowledgeStateMachineRole(stateMachine: sfn.StateMachine, functions: IFunction[]): void {
  const stack = Stack.of(stateMachine);
  const acks = Validations.of(stateMachine.role);
  acks.acknowledge({
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'X-Ray PutTraceSegments/PutTelemetryRecords/GetSampling* and the CloudWatch Logs delivery actions (logs:CreateLogDelivery, ...) do not support resource-level permissions.',
  });
  for (const fn of functions) {
    const logicalId = stack.getLogicalId(fn.node.defaultChild as CfnElement);
    acks.acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
      reason: `Invoking ${fn.node.path} by any version or alias (ARN:*) is how CDK's LambdaInvoke task grants; it names one function only.`,
    });
  }
}
