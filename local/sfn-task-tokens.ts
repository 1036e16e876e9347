/**
 * Task tokens for the local Step Functions endpoint: the callback pattern
 * (`arn:aws:states:::lambda:invoke.waitForTaskToken`) as AWS runs it.
 *
 * - Each attempt of a waiting Task gets a new opaque token (a retry gets a fresh one).
 * - The task stays open until SendTaskSuccess (its result is the `output` given),
 *   SendTaskFailure (a task error named `error`, with `cause`), its timeout (`States.Timeout`),
 *   a missed heartbeat (`States.HeartbeatTimeout`), or a failed invocation of its Lambda.
 * - A token whose task closed answers TaskTimedOut ("the task token has either expired or the
 *   task associated with the token has already been closed"); a string that is no token of this
 *   endpoint answers InvalidToken. A well-formed token issued by another endpoint instance (an
 *   earlier `npm start`) is one whose task closed when that runtime stopped: TaskTimedOut.
 *   TaskDoesNotExist is the activities' error ("the activity does not exist") and is not used.
 */
import { randomBytes } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';

/** Errors of the Step Functions API: `{"__type": code, "message"}` with status 400. */
export class SfnApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

/**
 * A task error as the interpreter sees it. `retryable`/`catchable` follow aws-local-stepfunctions'
 * RuntimeError (`isRetryable`, `isCatchable`; absent means true).
 */
export class TaskError extends Error {
  constructor(
    name: string,
    message: string,
    private readonly retryable = true,
    private readonly catchable = true,
  ) {
    super(message);
    this.name = name;
  }
  get isRetryable(): boolean {
    return this.retryable;
  }
  get isCatchable(): boolean {
    return this.catchable;
  }
}

/** `States.Runtime`: neither retried nor caught, the execution fails (as in AWS). */
export const statesRuntimeError = (message: string) => new TaskError('States.Runtime', message, false, false);

/** A waiting task of an execution that stopped: unwinds the interpreter's stack; nothing matches it. */
export const taskReleasedError = () => new TaskError('States.Runtime', 'The execution stopped', false, false);

/** A plain `States.Timeout`, used only if the library's own class could not be obtained. */
class FallbackTimeoutError extends TaskError {
  constructor() {
    super('States.Timeout', 'States.Timeout');
  }
}

let StatesTimeoutError: new () => Error = FallbackTimeoutError;

/**
 * aws-local-stepfunctions lets `States.TaskFailed` match every task error except instances of its
 * own (unexported) StatesTimeoutError, as AWS does for `States.Timeout`. The class is taken from
 * the library once, by letting a 1 ms task time out (the endpoint awaits this before it serves);
 * if that ever fails, a plain error named `States.Timeout` is used (which `States.TaskFailed`
 * would then match too).
 */
export const timeoutErrorReady: Promise<void> = (async () => {
  try {
    const probe = new StateMachine(
      {
        StartAt: 'T',
        States: { T: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:000000000000:function:probe', TimeoutSeconds: 0.001, End: true } },
      } as any,
      { validationOptions: { noValidate: true } },
    );
    await probe.run({}, { overrides: { taskResourceLocalHandlers: { T: () => new Promise<never>(() => undefined) } } }).result;
  } catch (e) {
    const cause = (e as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.name === 'States.Timeout') StatesTimeoutError = cause.constructor as new () => Error;
  }
})();

/** Whether timeouts use the interpreter's own States.Timeout class (tests check it). */
export const usesLibraryTimeoutError = () => StatesTimeoutError !== FallbackTimeoutError;

/** The constant `$$.Task.Token` evaluates to in Parameters; each attempt substitutes its own token for it. */
export const TASK_TOKEN_PLACEHOLDER = `sfn-local-task-token-placeholder-${randomBytes(12).toString('hex')}`;

/** Replaces the placeholder in every string of a JSON value (also inside States.Format results). */
export function substituteToken(value: unknown, token: string): unknown {
  if (typeof value === 'string') return value.includes(TASK_TOKEN_PLACEHOLDER) ? value.split(TASK_TOKEN_PLACEHOLDER).join(token) : value;
  if (Array.isArray(value)) return value.map((v) => substituteToken(v, token));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituteToken(v, token)]));
  }
  return value;
}

export function containsPlaceholder(value: unknown): boolean {
  return JSON.stringify(value ?? null).includes(TASK_TOKEN_PLACEHOLDER);
}

/** setTimeout's ceiling in milliseconds; longer waits are left to the interpreter's own Task timeout. */
const MAX_TIMER_MS = 2 ** 31 - 1;
const TOKEN_VERSION = 1;
const INSTANCE_BYTES = 12;
const NONCE_BYTES = 24;
const MAX_TOKEN_LENGTH = 2048;
const MAX_OUTPUT_BYTES = 256 * 1024;
const MAX_ERROR_LENGTH = 256;
const MAX_CAUSE_LENGTH = 32_768;

interface OpenTask {
  token: string;
  owner: object;
  stateName: string;
  heartbeatMs?: number;
  timeoutTimer?: NodeJS.Timeout;
  heartbeatTimer?: NodeJS.Timeout;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
}

type Closed = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'RELEASED';

export interface OpenedTask {
  token: string;
  /** Settles when the task closes: the output of SendTaskSuccess, or the task's error. */
  result: Promise<unknown>;
  /** Fails the task (e.g. its Lambda failed), unless it closed already. */
  fail(error: Error): void;
}

/** The token registry of one endpoint instance. */
export class TaskTokens {
  /** Tells tokens of this instance from those of an earlier one. */
  private readonly instance = randomBytes(INSTANCE_BYTES);
  private readonly open = new Map<string, OpenTask>();
  /** Tokens whose task closed (kept to answer TaskTimedOut rather than InvalidToken). */
  private readonly closed = new Map<string, Closed>();

  constructor(private readonly log: (line: string) => void = () => undefined) {}

  get openCount(): number {
    return this.open.size;
  }

  /**
   * Opens a waiting task for `owner` (one run of an execution) with a new token.
   * Durations are in milliseconds, already scaled; undefined means no limit.
   */
  openTask(owner: object, stateName: string, timeoutMs: number | undefined, heartbeatMs: number | undefined): OpenedTask {
    const token = Buffer.concat([Buffer.from([TOKEN_VERSION]), this.instance, randomBytes(NONCE_BYTES)]).toString('base64url');
    let resolve!: (output: unknown) => void;
    let reject!: (error: Error) => void;
    const result = new Promise<unknown>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const task: OpenTask = { token, owner, stateName, resolve, reject, ...(heartbeatMs !== undefined ? { heartbeatMs } : {}) };
    this.open.set(token, task);
    if (timeoutMs !== undefined && timeoutMs <= MAX_TIMER_MS) {
      task.timeoutTimer = setTimeout(() => {
        this.log(`sfn: task ${stateName} timed out`);
        this.close(token, 'TIMED_OUT', new StatesTimeoutError());
      }, timeoutMs);
    }
    this.armHeartbeat(task);
    return {
      token,
      result,
      fail: (error) => this.close(token, 'FAILED', error),
    };
  }

  private armHeartbeat(task: OpenTask): void {
    clearTimeout(task.heartbeatTimer);
    if (task.heartbeatMs === undefined || task.heartbeatMs > MAX_TIMER_MS) return;
    task.heartbeatTimer = setTimeout(() => {
      this.log(`sfn: task ${task.stateName} missed its heartbeat`);
      this.close(task.token, 'TIMED_OUT', new TaskError('States.HeartbeatTimeout', 'States.HeartbeatTimeout'));
    }, task.heartbeatMs);
  }

  private close(token: string, how: Closed, error?: Error, output?: unknown): void {
    const task = this.open.get(token);
    if (!task) return;
    this.open.delete(token);
    clearTimeout(task.timeoutTimer);
    clearTimeout(task.heartbeatTimer);
    this.closed.set(token, how);
    if (error) task.reject(error);
    else task.resolve(output);
  }

  /** Releases every open task of `owner` (its execution stopped or ended): their tokens are closed. */
  release(owner: object): void {
    for (const task of [...this.open.values()]) {
      if (task.owner === owner) this.close(task.token, 'RELEASED', taskReleasedError());
    }
  }

  /** Releases every open task (the endpoint stops). */
  releaseAll(): void {
    for (const token of [...this.open.keys()]) this.close(token, 'RELEASED', taskReleasedError());
  }

  // ---- the API operations ----------------------------------------------------------------

  private lookup(token: unknown): OpenTask {
    if (typeof token !== 'string' || token.length === 0) {
      throw new SfnApiError('InvalidToken', "Invalid Token: 'taskToken is required'");
    }
    if (token.length > MAX_TOKEN_LENGTH) {
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: Value at 'taskToken' failed to satisfy constraint: Member must have length less than or equal to ${MAX_TOKEN_LENGTH}`,
      );
    }
    const task = this.open.get(token);
    if (task) return task;
    if (this.closed.has(token) || this.isForeignToken(token)) {
      throw new SfnApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
    }
    throw new SfnApiError('InvalidToken', "Invalid Token: 'Invalid token'");
  }

  /** A well-formed token of another endpoint instance. */
  private isForeignToken(token: string): boolean {
    const bytes = Buffer.from(token, 'base64url');
    return (
      bytes.length === 1 + INSTANCE_BYTES + NONCE_BYTES &&
      bytes[0] === TOKEN_VERSION &&
      bytes.toString('base64url') === token &&
      !bytes.subarray(1, 1 + INSTANCE_BYTES).equals(this.instance)
    );
  }

  sendTaskSuccess(body: { taskToken?: unknown; output?: unknown }): Record<string, never> {
    if (typeof body.output !== 'string')
      throw new SfnApiError('ValidationException', "1 validation error detected: Value null at 'output' failed to satisfy constraint: Member must not be null");
    if (Buffer.byteLength(body.output) > MAX_OUTPUT_BYTES) {
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: Value at 'output' failed to satisfy constraint: Member must have length less than or equal to ${MAX_OUTPUT_BYTES}`,
      );
    }
    const task = this.lookup(body.taskToken);
    let output: unknown;
    try {
      output = JSON.parse(body.output);
    } catch {
      throw new SfnApiError('InvalidOutput', 'Invalid Output: the output is not valid JSON');
    }
    this.close(task.token, 'SUCCEEDED', undefined, output);
    return {};
  }

  sendTaskFailure(body: { taskToken?: unknown; error?: unknown; cause?: unknown }): Record<string, never> {
    if (body.error !== undefined && (typeof body.error !== 'string' || body.error.length > MAX_ERROR_LENGTH)) {
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: Value at 'error' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ERROR_LENGTH}`,
      );
    }
    if (body.cause !== undefined && (typeof body.cause !== 'string' || body.cause.length > MAX_CAUSE_LENGTH)) {
      throw new SfnApiError(
        'ValidationException',
        `1 validation error detected: Value at 'cause' failed to satisfy constraint: Member must have length less than or equal to ${MAX_CAUSE_LENGTH}`,
      );
    }
    const task = this.lookup(body.taskToken);
    this.close(task.token, 'FAILED', new TaskError((body.error as string | undefined) ?? '', (body.cause as string | undefined) ?? ''));
    return {};
  }

  sendTaskHeartbeat(body: { taskToken?: unknown }): Record<string, never> {
    this.armHeartbeat(this.lookup(body.taskToken));
    return {};
  }
}
