/**
 * A local Step Functions endpoint: speaks the service's AWS JSON 1.0 protocol, so
 * @aws-sdk/client-sfn works unchanged through AWS_ENDPOINT_URL_SFN, and runs the synthesized ASL
 * with aws-local-stepfunctions, each Lambda task mapped to its handler module.
 *
 * Executions are kept in the runtime's data folder (./sfn-executions.ts), so a restart knows them;
 * one running when the runtime stopped (or was killed) is ABORTED, and the sweep re-drives it.
 * Semantics follow AWS for a STANDARD state machine:
 * - StartExecution: the name is unique per state machine for 90 days after the execution closed;
 *   the same name and input as a RUNNING execution returns that execution; a closed one, or other
 *   input, is ExecutionAlreadyExists.
 * - RedriveExecution resumes a FAILED/ABORTED/TIMED_OUT execution at the top-level state that did
 *   not finish, with the input it was entered with (a Map runs only its unsuccessful iterations);
 *   it is ExecutionNotRedrivable 14 days after the stop, or at AWS's 25,000 history events.
 * - `lambda:invoke.waitForTaskToken` Tasks wait for SendTaskSuccess/SendTaskFailure with their
 *   token, heartbeats (SendTaskHeartbeat) and timeouts as in AWS: see ./sfn-task-tokens.ts.
 *   `$$.Task.Token` is bound through the run's context object to a constant placeholder, which
 *   each attempt replaces with its own new token in the evaluated Parameters (the library
 *   evaluates Parameters before the task runs and has one context per run, not per task).
 */

import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ExecutionAbortedError, ExecutionError, ExecutionTimeoutError, StateMachine } from 'aws-local-stepfunctions';
import { BodyTooLargeError, closeServer, DEFAULT_HOST, listen, readBody, urlFor } from './http-util.ts';
import type { Invoker } from './lambda-host.ts';
import {
  type ExecutionStatus,
  ExecutionStore,
  executedStateName,
  forgotten,
  historyEventsOf,
  type LibraryEvent,
  notRedrivableReason,
  REDRIVE_STATE_PREFIX,
  type ResumePoint,
  resumedDefinition,
  type StoredExecution,
} from './sfn-executions.ts';
import {
  containsPlaceholder,
  SfnApiError,
  statesRuntimeError,
  substituteToken,
  TASK_TOKEN_PLACEHOLDER,
  TaskTokens,
  taskReleasedError,
  timeoutErrorReady,
} from './sfn-task-tokens.ts';
import { LOCAL_ACCOUNT, LOCAL_REGION, localStateMachineArn, type StackModel, type TaskStateModel } from './synth.ts';

export { type ExecutionStatus, SfnApiError };

interface ExecutionRecord extends StoredExecution {
  /** Increases on each (re)run, so a stale run cannot overwrite a newer one's outcome. */
  run: number;
  abort?: () => void;
}

export interface SfnEndpointOptions {
  stateMachine: StackModel['stateMachine'];
  lambdas: Invoker;
  port?: number;
  host?: string;
  /** Multiplies every Retry interval (and MaxDelaySeconds); 1 (the default) keeps the real ones. */
  retryIntervalScale?: number;
  /**
   * Multiplies the timeout and heartbeat durations of waitForTaskToken Tasks (tests: e.g. 0.01
   * turns 20 s into 200 ms); 1 (the default) keeps the real ones.
   */
  timeScale?: number;
  log?: (line: string) => void;
  /** Where executions are kept across restarts (a folder of their own); without it, in memory only. */
  dataDir?: string;
  /** The clock of the redrivable period and the names' reservation; default the wall clock (tests move it). */
  now?: () => Date;
  /**
   * Told of every state entered and every retry (nested Map states too): what Step Functions bills
   * as state transitions. Only when given are the executions' event logs read.
   */
  onTransition?: (stateName: string) => void;
}

/** setTimeout's ceiling: a Task without TimeoutSeconds waits for its Lambda's own timeout. */
export const MAX_TASK_TIMEOUT_SECONDS = 2_147_483;
const WAIT_FOR_TASK_TOKEN_RE = /^arn:aws:states:::lambda:invoke\.waitForTaskToken$/;
/** The Task fields the local endpoint enforces itself for waitForTaskToken Tasks. */
export const WAIT_TASK_TIMING_FIELDS = ['TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath'] as const;
const MAX_INPUT_BYTES = 256 * 1024;
const NAME_RE = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/;
const STATUSES: ExecutionStatus[] = ['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED'];

function deepMap(definition: Record<string, any>, fn: (state: Record<string, any>) => void): Record<string, any> {
  const copy = structuredClone(definition);
  const walk = (states: Record<string, any>) => {
    for (const state of Object.values(states)) {
      fn(state);
      const nested = state.ItemProcessor ?? state.Iterator;
      if (nested?.States) walk(nested.States);
      for (const branch of state.Branches ?? []) walk(branch.States ?? {});
    }
  };
  walk(copy.States ?? {});
  return copy;
}

export const isWaitForTaskToken = (state: Record<string, any>) =>
  state.Type === 'Task' && typeof state.Resource === 'string' && WAIT_FOR_TASK_TOKEN_RE.test(state.Resource);

/**
 * How a waitForTaskToken Task is handed to the library: its Parameters are wrapped so that the
 * local handler gets the evaluated Parameters together with its timing, resolved against the same
 * input (`{"Parameters": <the state's Parameters>, "TimeoutSeconds": n | "TimeoutSeconds.$": path,
 * "HeartbeatSeconds": n | "HeartbeatSeconds.$": path}`), and the timing fields leave the state
 * (the endpoint enforces them, scaled; the library would read TimeoutSecondsPath from the
 * evaluated Parameters and knows no heartbeats). Nothing else changes: `$$.Task.Token` stays.
 */
export function wrapWaitTaskParameters(state: Record<string, any>): Record<string, any> {
  const wrapped: Record<string, any> = state.Parameters === undefined ? { 'Parameters.$': '$' } : { Parameters: state.Parameters };
  if (state.TimeoutSeconds !== undefined) wrapped.TimeoutSeconds = state.TimeoutSeconds;
  if (state.TimeoutSecondsPath !== undefined) wrapped['TimeoutSeconds.$'] = state.TimeoutSecondsPath;
  if (state.HeartbeatSeconds !== undefined) wrapped.HeartbeatSeconds = state.HeartbeatSeconds;
  if (state.HeartbeatSecondsPath !== undefined) wrapped['HeartbeatSeconds.$'] = state.HeartbeatSecondsPath;
  return wrapped;
}

/**
 * The definition actually executed: the template's ASL with Retry intervals scaled (tests),
 * Tasks without TimeoutSeconds left to their Lambda's timeout (as in AWS; the library would
 * otherwise stop them after 60 s), and waitForTaskToken Tasks' Parameters wrapped with their
 * timing ({@link wrapWaitTaskParameters}; their own TimeoutSeconds becomes the ceiling too).
 */
export function executableDefinition(definition: Record<string, any>, retryIntervalScale = 1): Record<string, any> {
  return deepMap(definition, (state) => {
    if (isWaitForTaskToken(state)) {
      state.Parameters = wrapWaitTaskParameters(state);
      for (const field of WAIT_TASK_TIMING_FIELDS) delete state[field];
    }
    if (state.Type === 'Task' && state.TimeoutSeconds === undefined && state.TimeoutSecondsPath === undefined) {
      state.TimeoutSeconds = MAX_TASK_TIMEOUT_SECONDS;
    }
    if (retryIntervalScale !== 1) {
      for (const retrier of state.Retry ?? []) {
        retrier.IntervalSeconds = (retrier.IntervalSeconds ?? 1) * retryIntervalScale;
        if (retrier.MaxDelaySeconds !== undefined) retrier.MaxDelaySeconds *= retryIntervalScale;
      }
    }
  });
}

const epoch = (d: Date | undefined) => (d ? d.getTime() / 1000 : undefined);

export class LocalStepFunctions {
  readonly stateMachineArn: string;
  readonly name: string;
  /** The template's ASL, Lambda ARNs substituted: what DescribeStateMachine returns. */
  readonly definition: Record<string, any>;
  /** What runs: {@link definition} with Retry intervals scaled and Task timeouts left to the Lambdas. */
  readonly executedDefinition: Record<string, any>;
  private readonly machine: StateMachine;
  private readonly executions = new Map<string, ExecutionRecord>();
  private readonly tasks: TaskStateModel[];
  private readonly tokens: TaskTokens;
  private readonly timeScale: number;
  private readonly createdAt = new Date();
  private readonly store?: ExecutionStore;
  private readonly topLevelStates: Set<string>;
  private server?: Server;
  private closing = false;
  private readonly log: (line: string) => void;
  url?: string;

  constructor(private readonly opts: SfnEndpointOptions) {
    this.name = opts.stateMachine.name;
    this.stateMachineArn = localStateMachineArn(this.name);
    this.definition = opts.stateMachine.definition;
    this.log = opts.log ?? (() => undefined);
    this.tokens = new TaskTokens(this.log);
    this.timeScale = opts.timeScale ?? 1;
    if (!(this.timeScale > 0)) throw new Error('timeScale must be a positive number');
    // validate the template's own ASL once, as AWS does on CreateStateMachine
    new StateMachine(structuredClone(this.definition) as any, { validationOptions: { checkArn: false } });
    this.executedDefinition = executableDefinition(this.definition, opts.retryIntervalScale ?? 1);
    this.machine = new StateMachine(this.executedDefinition as any, { validationOptions: { noValidate: true } });
    this.tasks = [...new Map(opts.stateMachine.taskStates.map((t) => [t.stateName, t])).values()];
    this.topLevelStates = new Set(Object.keys(this.definition.States ?? {}));
    if (opts.dataDir) {
      this.store = new ExecutionStore(opts.dataDir);
      for (const stored of this.store.load()) {
        const rec: ExecutionRecord = { ...stored, run: 0 };
        if (rec.status === 'RUNNING') {
          // the last runtime stopped without saying so (a kill): its run ended there
          Object.assign(rec, { status: 'ABORTED', stopDate: this.now(), error: 'States.Runtime', cause: 'The local runtime stopped' });
          this.save(rec);
        }
        this.executions.set(rec.executionArn, rec);
      }
    }
  }

  private now(): Date {
    return this.opts.now?.() ?? new Date();
  }

  private save(rec: ExecutionRecord): void {
    this.store?.save(rec);
  }

  /** The Task states that run a local handler (nested ones included). */
  get taskStateNames(): string[] {
    return this.tasks.map((t) => t.stateName);
  }

  /** Waiting (waitForTaskToken) tasks not closed yet. */
  get openTaskCount(): number {
    return this.tokens.openCount;
  }

  /** The handlers of one run of an execution: a run that stopped starts no more tasks. */
  private handlersFor(rec: ExecutionRecord, run: number): Record<string, (input: any) => Promise<any>> {
    const current = () => rec.run === run && rec.status === 'RUNNING';
    return Object.fromEntries(
      this.tasks.map((t) => {
        const handler = this.taskHandler(t, rec);
        return [
          t.stateName,
          (input: any) => {
            // after StopExecution the library may still retry a task (its retry sleep ends on abort)
            if (!current()) return Promise.reject(taskReleasedError());
            return handler(input);
          },
        ];
      }),
    );
  }

  private taskHandler(task: TaskStateModel, owner: ExecutionRecord): (input: any) => Promise<any> {
    const { lambdas } = this.opts;
    if (task.integration === 'waitForTaskToken') return (input) => this.waitForTaskToken(task, owner, input);
    // `$$.Task.Token` exists only in waitForTaskToken Tasks: elsewhere it does not point to a value
    const noToken = (input: unknown) => {
      if (containsPlaceholder(input)) throw statesRuntimeError(`The JSONPath '$$.Task.Token' could not be found in the context of ${task.stateName}`);
    };
    if (task.integration === 'direct') {
      return async (input) => {
        noToken(input);
        return lambdas.invoke(task.functionLogicalId, input);
      };
    }
    // arn:aws:states:::lambda:invoke: Parameters {FunctionName, Payload}; the result is the Invoke response
    return async (input) => {
      noToken(input);
      const payload = input && typeof input === 'object' && 'Payload' in input ? input.Payload : {};
      const result = await lambdas.invoke(task.functionLogicalId, payload);
      const requestId = randomUUID();
      return {
        ExecutedVersion: '$LATEST',
        Payload: result,
        SdkHttpMetadata: {
          AllHttpHeaders: { 'X-Amz-Executed-Version': ['$LATEST'], 'x-amzn-RequestId': [requestId], 'Content-Type': ['application/json'] },
          HttpHeaders: { 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId, 'Content-Type': 'application/json' },
          HttpStatusCode: 200,
        },
        SdkResponseMetadata: { RequestId: requestId },
        StatusCode: 200,
      };
    };
  }

  /**
   * arn:aws:states:::lambda:invoke.waitForTaskToken: `input` is {@link wrapWaitTaskParameters}'s
   * object, evaluated. Opens the task with a new token, invokes the Lambda with the Payload (the
   * token in place of `$$.Task.Token`), and settles with what the token is answered with. The
   * Lambda's result is ignored; its failure fails the task unless the task closed already.
   */
  private async waitForTaskToken(task: TaskStateModel, owner: ExecutionRecord, input: any): Promise<unknown> {
    const seconds = (field: 'TimeoutSeconds' | 'HeartbeatSeconds'): number | undefined => {
      const value = input?.[field];
      if (value === undefined) return undefined;
      if (!Number.isInteger(value) || value < 1) {
        throw statesRuntimeError(`${task.stateName}: ${field} must be a positive integer, got ${JSON.stringify(value)}`);
      }
      return value * 1000 * this.timeScale;
    };
    const timeoutMs = seconds('TimeoutSeconds');
    const heartbeatMs = seconds('HeartbeatSeconds');
    const opened = this.tokens.openTask(owner, task.stateName, timeoutMs, heartbeatMs);
    const parameters = substituteToken(input?.Parameters, opened.token) as any;
    const payload = parameters && typeof parameters === 'object' && 'Payload' in parameters ? parameters.Payload : {};
    // the token is open before the Lambda runs: it may answer at once (or a callback may beat it)
    this.opts.lambdas.invoke(task.functionLogicalId, payload).then(
      () => undefined,
      (e: Error) => opened.fail(e),
    );
    return opened.result;
  }

  async start(port = 0, host = this.opts.host ?? DEFAULT_HOST): Promise<string> {
    await timeoutErrorReady;
    this.server = createServer((req, res) => void this.handle(req, res));
    const bound = await listen(this.server, port, host);
    this.url = urlFor(host, bound);
    return this.url;
  }

  /**
   * Stops the endpoint: no new requests; running executions are aborted after their tasks settle,
   * and waiting tasks are released at once (their tokens answer TaskTimedOut).
   */
  async stop(): Promise<void> {
    this.closing = true;
    if (this.server) await closeServer(this.server);
    for (const rec of this.executions.values()) {
      if (rec.status === 'RUNNING') {
        rec.abort?.();
        rec.status = 'ABORTED';
        rec.stopDate = this.now();
        rec.error = 'States.Runtime';
        rec.cause = 'The local runtime stopped';
        this.save(rec);
      }
    }
    this.tokens.releaseAll();
  }

  // ---- HTTP -------------------------------------------------------------------------------

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, body: unknown, errorType?: string) => {
      const text = JSON.stringify(body);
      res.writeHead(status, {
        'content-type': 'application/x-amz-json-1.0',
        'content-length': Buffer.byteLength(text),
        'x-amzn-requestid': randomUUID(),
        ...(errorType ? { 'x-amzn-errortype': errorType } : {}),
      });
      res.end(text);
    };
    try {
      if (req.method !== 'POST' || (req.url ?? '/').split('?')[0] !== '/') {
        throw new SfnApiError('UnknownOperationException', 'Only POST / with X-Amz-Target is served', 404);
      }
      const target = String(req.headers['x-amz-target'] ?? '');
      const op = target.startsWith('AWSStepFunctions.') ? target.slice('AWSStepFunctions.'.length) : '';
      const raw = await readBody(req, 2 * 1024 * 1024);
      let body: any;
      try {
        body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      } catch {
        throw new SfnApiError('SerializationException', 'The request body is not valid JSON');
      }
      send(200, this.call(op, body ?? {}));
    } catch (e) {
      if (e instanceof SfnApiError) return send(e.status, { __type: e.code, message: e.message }, e.code);
      if (e instanceof BodyTooLargeError) return send(413, { __type: 'RequestEntityTooLarge', message: 'Request too large' });
      this.log(`sfn: internal error ${(e as Error)?.name ?? 'Error'}`);
      send(500, { __type: 'InternalFailure', message: 'Internal error' }, 'InternalFailure');
    }
  }

  /** Dispatches one API operation (also usable without HTTP). */
  call(op: string, body: Record<string, any>): unknown {
    switch (op) {
      case 'StartExecution':
        return this.startExecution(body);
      case 'DescribeExecution':
        return this.describeExecution(body);
      case 'ListExecutions':
        return this.listExecutions(body);
      case 'StopExecution':
        return this.stopExecution(body);
      case 'RedriveExecution':
        return this.redriveExecution(body);
      case 'DescribeStateMachine':
        return this.describeStateMachine(body);
      case 'SendTaskSuccess':
        return this.tokens.sendTaskSuccess(body);
      case 'SendTaskFailure':
        return this.tokens.sendTaskFailure(body);
      case 'SendTaskHeartbeat':
        return this.tokens.sendTaskHeartbeat(body);
      case 'ListStateMachines':
        return {
          stateMachines: [{ stateMachineArn: this.stateMachineArn, name: this.name, type: 'STANDARD', creationDate: epoch(this.createdAt) }],
        };
      default:
        throw new SfnApiError('UnknownOperationException', `Operation ${op || '(none)'} is not supported by the local Step Functions endpoint`);
    }
  }

  // ---- operations ---------------------------------------------------------------------------

  private checkStateMachine(arn: unknown): void {
    if (typeof arn !== 'string' || !arn.startsWith('arn:')) throw new SfnApiError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
    if (arn !== this.stateMachineArn) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  }

  private execution(arn: unknown): ExecutionRecord {
    if (typeof arn !== 'string' || !arn.startsWith('arn:')) throw new SfnApiError('InvalidArn', `Invalid Arn: '${String(arn)}'`);
    const rec = this.known(arn);
    if (!rec) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
    return rec;
  }

  /** The execution by ARN, unless AWS would have forgotten it (closed more than 90 days ago). */
  private known(arn: string): ExecutionRecord | undefined {
    const rec = this.executions.get(arn);
    if (rec && forgotten(rec, this.now())) {
      this.executions.delete(arn);
      this.store?.remove(arn);
      return undefined;
    }
    return rec;
  }

  startExecution(body: { stateMachineArn?: string; name?: string; input?: string }): { executionArn: string; startDate: number } {
    if (this.closing) throw new SfnApiError('ServiceUnavailable', 'The local runtime is stopping', 503);
    this.checkStateMachine(body.stateMachineArn);
    const name = body.name ?? randomUUID();
    if (typeof name !== 'string' || !NAME_RE.test(name)) throw new SfnApiError('InvalidName', `Invalid Name: '${String(name)}'`);
    const input = body.input ?? '{}';
    if (typeof input !== 'string') throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: input must be a string');
    if (Buffer.byteLength(input) > MAX_INPUT_BYTES) throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: too large');
    let parsed: unknown;
    try {
      parsed = JSON.parse(input);
    } catch {
      throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not JSON');
    }
    const executionArn = `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:execution:${this.name}:${name}`;
    const existing = this.known(executionArn);
    if (existing) {
      if (existing.status === 'RUNNING' && existing.input === input) {
        return { executionArn, startDate: epoch(existing.startDate)! };
      }
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const rec: ExecutionRecord = { executionArn, name, input, status: 'RUNNING', startDate: this.now(), redriveCount: 0, historyEvents: 0, run: 0 };
    this.executions.set(executionArn, rec);
    this.save(rec);
    this.run(rec, parsed);
    return { executionArn, startDate: epoch(rec.startDate)! };
  }

  /** Runs the execution from the start, or from `resume` (a re-drive). */
  private run(rec: ExecutionRecord, input: unknown, resume?: ResumePoint): void {
    const run = ++rec.run;
    const machine = resume
      ? new StateMachine(resumedDefinition(this.executedDefinition, resume) as any, { validationOptions: { noValidate: true } })
      : this.machine;
    const execution = machine.run((resume ? resume.input : input) as any, {
      overrides: { taskResourceLocalHandlers: this.handlersFor(rec, run) },
      context: {
        Execution: { Id: rec.executionArn, Name: rec.name, RoleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local`, RedriveCount: rec.redriveCount },
        StateMachine: { Id: this.stateMachineArn, Name: this.name },
        // one context per run (copied into Map iterations): each attempt swaps in its own token
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
    });
    rec.abort = execution.abort;
    const tracked = this.track(rec, run, execution.eventLogs, resume);
    const settle = (fields: Partial<ExecutionRecord>) => {
      // tasks still waiting in Map iterations the library aborted: their tokens close with the run
      if (rec.run === run) this.tokens.release(rec);
      if (rec.run !== run || rec.status !== 'RUNNING') return; // stopped, or redriven meanwhile
      Object.assign(rec, { stopDate: this.now(), abort: undefined }, fields);
      if (fields.status === 'SUCCEEDED') delete rec.resume;
      this.save(rec);
      // the last events (and their count) may still be on their way
      void tracked.then(() => rec.run === run && this.save(rec));
      this.log(`sfn: execution ${rec.name} ${rec.status}${rec.error ? ` (${rec.error})` : ''}`);
    };
    execution.result.then(
      (output) => settle({ status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
      (err: unknown) => {
        if (err instanceof ExecutionAbortedError) return settle({ status: 'ABORTED' });
        if (err instanceof ExecutionTimeoutError) return settle({ status: 'TIMED_OUT', error: 'States.Timeout', cause: 'The execution timed out' });
        const cause = err instanceof ExecutionError && err.cause instanceof Error ? err.cause : (err as Error);
        settle({ status: 'FAILED', error: cause?.name ?? 'Error', cause: cause?.message ?? '' });
      },
    );
  }

  /**
   * Follows a run's events: tells the meter of state transitions, counts the history AWS would
   * keep, and records where a re-drive would resume (the top-level state entered last, with its
   * input, and a Map's iterations that succeeded), kept at once so a kill loses none of it.
   */
  private async track(rec: ExecutionRecord, run: number, events: AsyncIterable<LibraryEvent>, resumed?: ResumePoint): Promise<void> {
    const told = this.opts.onTransition;
    let first = true;
    for await (const event of events) {
      const name = executedStateName(event.state?.name ?? '');
      const added = name.startsWith(REDRIVE_STATE_PREFIX);
      if (told && !added && (event.type === 'StateEntered' || event.type === 'StateRetried')) told(name);
      if (rec.run !== run || added) continue;
      rec.historyEvents += historyEventsOf(event);
      if (event.type === 'StateEntered' && event.index === undefined && this.topLevelStates.has(name)) {
        // a re-driven Map keeps the iterations that succeeded before
        const kept = first && resumed?.state === name ? resumed.succeeded : undefined;
        rec.resume = { state: name, input: event.state?.input ?? null, ...(kept ? { succeeded: kept } : {}) };
        first = false;
        if (rec.status === 'RUNNING') this.save(rec);
      } else if (
        event.type === 'MapIterationSucceeded' &&
        event.index !== undefined &&
        rec.resume &&
        rec.resume.state === executedStateName(event.parentState?.name ?? '')
      ) {
        rec.resume.succeeded = { ...rec.resume.succeeded, [event.index]: event.output ?? null };
        if (rec.status === 'RUNNING') this.save(rec);
      }
    }
  }

  describeExecution(body: { executionArn?: string }): Record<string, unknown> {
    const rec = this.execution(body.executionArn);
    const notRedrivable = notRedrivableReason(rec, this.now());
    return {
      executionArn: rec.executionArn,
      stateMachineArn: this.stateMachineArn,
      name: rec.name,
      status: rec.status,
      startDate: epoch(rec.startDate),
      ...(rec.stopDate ? { stopDate: epoch(rec.stopDate) } : {}),
      input: rec.input,
      inputDetails: { included: true },
      ...(rec.output !== undefined ? { output: rec.output, outputDetails: { included: true } } : {}),
      ...(rec.error !== undefined ? { error: rec.error } : {}),
      ...(rec.cause !== undefined ? { cause: rec.cause } : {}),
      redriveCount: rec.redriveCount,
      ...(rec.redriveDate ? { redriveDate: epoch(rec.redriveDate) } : {}),
      redriveStatus: notRedrivable ? 'NOT_REDRIVABLE' : 'REDRIVABLE',
      ...(notRedrivable ? { redriveStatusReason: notRedrivable } : {}),
    };
  }

  listExecutions(body: { stateMachineArn?: string; statusFilter?: string; maxResults?: number; nextToken?: string }) {
    this.checkStateMachine(body.stateMachineArn);
    if (body.statusFilter !== undefined && !STATUSES.includes(body.statusFilter as ExecutionStatus) && body.statusFilter !== 'PENDING_REDRIVE') {
      throw new SfnApiError('ValidationException', `statusFilter must be one of ${STATUSES.join(', ')}`);
    }
    const max = body.maxResults && body.maxResults > 0 ? Math.min(body.maxResults, 1000) : 100;
    const offset = body.nextToken ? Number(Buffer.from(body.nextToken, 'base64url').toString()) : 0;
    if (!Number.isInteger(offset) || offset < 0) throw new SfnApiError('InvalidToken', 'Invalid nextToken');
    const all = [...this.executions.keys()]
      .map((arn) => this.known(arn))
      .filter((r): r is ExecutionRecord => r !== undefined && (!body.statusFilter || r.status === body.statusFilter))
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
    const page = all.slice(offset, offset + max);
    return {
      executions: page.map((r) => ({
        executionArn: r.executionArn,
        stateMachineArn: this.stateMachineArn,
        name: r.name,
        status: r.status,
        startDate: epoch(r.startDate),
        ...(r.stopDate ? { stopDate: epoch(r.stopDate) } : {}),
        redriveCount: r.redriveCount,
        ...(r.redriveDate ? { redriveDate: epoch(r.redriveDate) } : {}),
      })),
      ...(offset + max < all.length ? { nextToken: Buffer.from(String(offset + max)).toString('base64url') } : {}),
    };
  }

  stopExecution(body: { executionArn?: string; error?: string; cause?: string }): { stopDate: number } {
    const rec = this.execution(body.executionArn);
    if (rec.status === 'RUNNING') {
      rec.abort?.();
      Object.assign(rec, { status: 'ABORTED', stopDate: this.now(), abort: undefined });
      if (body.error !== undefined) rec.error = body.error;
      if (body.cause !== undefined) rec.cause = body.cause;
      this.tokens.release(rec);
      this.save(rec);
      this.log(`sfn: execution ${rec.name} ABORTED`);
    }
    return { stopDate: epoch(rec.stopDate ?? new Date())! };
  }

  redriveExecution(body: { executionArn?: string }): { redriveDate: number } {
    if (this.closing) throw new SfnApiError('ServiceUnavailable', 'The local runtime is stopping', 503);
    const rec = this.execution(body.executionArn);
    const now = this.now();
    const notRedrivable = notRedrivableReason(rec, now);
    if (notRedrivable) throw new SfnApiError('ExecutionNotRedrivable', `${notRedrivable}: '${rec.executionArn}'`);
    // ExecutionRedriven
    Object.assign(rec, { status: 'RUNNING', redriveCount: rec.redriveCount + 1, redriveDate: now, historyEvents: rec.historyEvents + 1 });
    delete rec.stopDate;
    delete rec.output;
    delete rec.error;
    delete rec.cause;
    this.save(rec);
    this.run(rec, JSON.parse(rec.input), rec.resume);
    return { redriveDate: epoch(now)! };
  }

  describeStateMachine(body: { stateMachineArn?: string }) {
    this.checkStateMachine(body.stateMachineArn);
    return {
      stateMachineArn: this.stateMachineArn,
      name: this.name,
      status: 'ACTIVE',
      definition: JSON.stringify(this.definition),
      roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local`,
      type: 'STANDARD',
      creationDate: epoch(this.createdAt),
    };
  }
}
