/**
 * Runs the template's Lambdas in this process: imports each function's `dsr:entry` module on first
 * use (its cold start, so process.env must be set before), calls `handler(event, context)` with a
 * Lambda-like context and the function's timeout, and reports failures the way Lambda does:
 * the error type is the thrown error's `name`.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { type LambdaModel, localLambdaArn, REPO_ROOT } from './synth.ts';

/**
 * A failed invocation, as Lambda reports it: `name` is the error type (the thrown error's `name`,
 * e.g. `ConfigError`, or `Sandbox.Timedout`), and `message` is the JSON Step Functions shows as
 * the Cause (`{"errorType","errorMessage","trace"}`).
 */
export class LambdaFunctionError extends Error {
  readonly errorType: string;
  readonly errorMessage: string;
  constructor(errorType: string, errorMessage: string, trace: string[] = []) {
    super(JSON.stringify({ errorType, errorMessage, trace }));
    this.name = errorType;
    this.errorType = errorType;
    this.errorMessage = errorMessage;
  }
}

export function toLambdaError(thrown: unknown): LambdaFunctionError {
  if (thrown instanceof LambdaFunctionError) return thrown;
  if (thrown instanceof Error) {
    const name = typeof thrown.name === 'string' && thrown.name !== '' ? thrown.name : 'Error';
    return new LambdaFunctionError(name, String(thrown.message ?? ''), (thrown.stack ?? '').split('\n'));
  }
  return new LambdaFunctionError('Error', typeof thrown === 'string' ? thrown : (JSON.stringify(thrown) ?? String(thrown)));
}

type Handler = (event: unknown, context: Context) => unknown;

/** The invocation the code running now belongs to (none: the runtime's own code, or a test's). */
const invocation = new AsyncLocalStorage<{ timedOut: boolean }>();

/** What a timed-out invocation's code meets at its next AWS call or fetch. */
export class SandboxStopped extends Error {
  override name = 'Sandbox.Stopped';
}

function stopIfTimedOut(): void {
  if (invocation.getStore()?.timedOut) throw new SandboxStopped('this invocation timed out: Lambda would have stopped its sandbox');
}

let guarded: Promise<void> | undefined;

/**
 * Lambda stops the sandbox of an invocation that timed out; here its code would run on beside the
 * retry. So once the first handler is loaded (its environment is set), the functions' AWS clients
 * and fetch refuse calls from an invocation that timed out, and it stops at its next one.
 */
function guardTimedOutInvocations(): Promise<void> {
  guarded ??= (async () => {
    for (const name of ['dynamodb', 's3', 'ses', 'sfn', 'lambda']) {
      const mod = (await import(pathToFileURL(resolve(REPO_ROOT, 'functions', 'platform', 'aws', `${name}.ts`)).href)) as Record<string, unknown>;
      for (const client of Object.values(mod)) {
        const stack = (client as { middlewareStack?: { add: (m: unknown, o: unknown) => void } } | null)?.middlewareStack;
        stack?.add(
          (next: (args: unknown) => Promise<unknown>) => (args: unknown) => {
            stopIfTimedOut();
            return next(args);
          },
          { step: 'initialize', name: 'localSandboxStopped' },
        );
      }
    }
    const realFetch = globalThis.fetch;
    globalThis.fetch = (input, init) => {
      stopIfTimedOut();
      return realFetch(input, init);
    };
    // The functions' own outbound calls (functions/platform/outbound.ts) use node:http(s) to pin the address.
    for (const mod of [http, https] as { request: (...args: unknown[]) => unknown }[]) {
      const realRequest = mod.request;
      mod.request = (...args: unknown[]) => {
        stopIfTimedOut();
        return realRequest.apply(mod, args);
      };
    }
  })();
  return guarded;
}

/** What the gateway and the Step Functions endpoint need: invoke a function of the template by logical id. */
export interface Invoker {
  invoke(logicalId: string, event: unknown): Promise<unknown>;
}

/**
 * Told of every finished invocation with its duration (what Lambda bills) and, for one that failed,
 * its error type (e.g. `Sandbox.Timedout`) and the event it was given.
 */
export type InvocationObserver = (fn: LambdaModel, durationMs: number, failure?: { errorType: string; event: unknown }) => void;

export class LambdaHost implements Invoker {
  private readonly modules = new Map<string, Promise<Handler>>();
  private readonly inFlight = new Set<Promise<unknown>>();

  /**
   * @param onInitError told when a module fails to load (its cold start): init code handles no
   *   request data, so its message (e.g. a ConfigError naming a variable) is safe to show.
   * @param onInvoked told of every invocation's duration (the benchmarks' cost model counts them).
   */
  constructor(
    readonly functions: Map<string, LambdaModel>,
    private readonly repoRoot = REPO_ROOT,
    private readonly onInitError: (entry: string, error: LambdaFunctionError) => void = () => undefined,
    private readonly onInvoked?: InvocationObserver,
  ) {}

  /** Repo-relative entries whose file is missing. */
  missingEntries(): string[] {
    return [...new Set([...this.functions.values()].map((f) => f.entry))].filter((e) => !existsSync(resolve(this.repoRoot, e)));
  }

  /** Whether any handler module was imported (after which its cold-start config is fixed). */
  get loadedCount(): number {
    return this.modules.size;
  }

  private load(fn: LambdaModel): Promise<Handler> {
    let p = this.modules.get(fn.entry);
    if (!p) {
      p = importHandler(resolve(this.repoRoot, fn.entry), fn.entry);
      this.modules.set(fn.entry, p);
      // a module that failed to load is retried on the next call (like a new cold start)
      p.catch(() => this.modules.delete(fn.entry));
    }
    return p;
  }

  /** Invokes a function of the template; rejects with a LambdaFunctionError when it fails. */
  invoke(logicalId: string, event: unknown): Promise<unknown> {
    const fn = this.functions.get(logicalId);
    if (!fn) return Promise.reject(new LambdaFunctionError('ResourceNotFoundException', `Function not found: ${logicalId}`));
    const started = performance.now();
    const run = this.run(fn, event);
    this.inFlight.add(run);
    const forget = (error?: unknown) => {
      this.inFlight.delete(run);
      this.onInvoked?.(fn, performance.now() - started, error === undefined ? undefined : { errorType: toLambdaError(error).errorType, event });
    };
    run.then(() => forget(), forget);
    return run;
  }

  private async run(fn: LambdaModel, event: unknown): Promise<unknown> {
    let handler: Handler;
    try {
      handler = await this.load(fn);
    } catch (e) {
      // Lambda reports a failed init with the init error's type (or Runtime.ImportModuleError)
      const error = toLambdaError(e);
      this.onInitError(fn.entry, error);
      throw error;
    }
    await guardTimedOutInvocations();
    const timeoutMs = fn.timeoutSeconds * 1000;
    const deadline = Date.now() + timeoutMs;
    const state = { timedOut: false };
    const requestId = randomUUID();
    const context: Context = {
      callbackWaitsForEmptyEventLoop: true,
      functionName: fn.logicalId,
      functionVersion: '$LATEST',
      invokedFunctionArn: localLambdaArn(fn.logicalId),
      memoryLimitInMB: String(fn.memoryMb),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/${fn.logicalId}`,
      logStreamName: `local/[$LATEST]${requestId.replace(/-/g, '')}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        state.timedOut = true;
        reject(new LambdaFunctionError('Sandbox.Timedout', `Task timed out after ${fn.timeoutSeconds.toFixed(2)} seconds`));
      }, timeoutMs);
    });
    try {
      // process.env is shared by all handlers of this process, as the runtime intends;
      // AWS_LAMBDA_FUNCTION_NAME etc. are deliberately not set (they would differ per function)
      const result = await Promise.race([invocation.run(state, () => Promise.resolve().then(() => handler(structuredClone(event), context))), timeout]);
      return result === undefined ? null : JSON.parse(JSON.stringify(result));
    } catch (e) {
      throw toLambdaError(e);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Waits (at most timeoutMs) for the invocations under way to settle. */
  async drain(timeoutMs = 10_000): Promise<void> {
    if (this.inFlight.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.inFlight]),
      new Promise((r) => {
        timer = setTimeout(r, timeoutMs);
      }),
    ]);
    clearTimeout(timer);
  }
}

async function importHandler(file: string, entry: string): Promise<Handler> {
  if (!existsSync(file)) throw new LambdaFunctionError('Runtime.ImportModuleError', `Error: Cannot find module '${entry}'`);
  const mod = (await import(pathToFileURL(file).href)) as { handler?: unknown; default?: { handler?: unknown } };
  const handler = mod.handler ?? mod.default?.handler;
  if (typeof handler !== 'function') {
    throw new LambdaFunctionError('Runtime.HandlerNotFound', `${entry}.handler is undefined or not exported`);
  }
  return handler as Handler;
}
