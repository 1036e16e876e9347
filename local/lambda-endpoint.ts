/**
 * The template's functions on Lambda's Invoke API (`POST /2015-03-31/functions/{name}/invocations`),
 * for a Step Functions endpoint that is not the runtime's own (`SFN_ENDPOINT`: Step Functions Local
 * is pointed here with its `LAMBDA_ENDPOINT`). A function's error answers 200 with
 * `X-Amz-Function-Error: Unhandled` and `{errorType, errorMessage, trace}`, as Lambda does, so the
 * state machine's Retry and Catch match it by name. `lambdaInvoker` is the other side: an
 * {@link Invoker} that calls such an endpoint.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { closeServer, DEFAULT_HOST, listen, readBody, urlFor } from './http-util.ts';
import { type Invoker, LambdaFunctionError } from './lambda-host.ts';
import { logicalIdFromLambdaArn } from './synth.ts';

const INVOKE_PATH = /^\/2015-03-31\/functions\/([^/]+)\/invocations$/;
/** Lambda's synchronous payload limit. */
const MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

/** A running Invoke API in front of the runtime's functions. */
export interface LambdaEndpoint {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** The logical id a FunctionName names: the name itself, or a (qualified) ARN of it. */
function functionId(name: string): string {
  return logicalIdFromLambdaArn(name) ?? name.split(':')[0]!;
}

export async function startLambdaEndpoint(lambdas: Invoker, port: number, host = DEFAULT_HOST): Promise<LambdaEndpoint> {
  const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = INVOKE_PATH.exec(new URL(req.url ?? '/', 'http://local').pathname);
    if (req.method !== 'POST' || !path) return json(res, 404, { message: 'Only Invoke is served here' }, { 'x-amzn-errortype': 'UnknownOperationException' });
    const body = await readBody(req, MAX_PAYLOAD_BYTES);
    let event: unknown;
    try {
      event = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch {
      return json(res, 400, { message: 'Could not parse request body into json' }, { 'x-amzn-errortype': 'InvalidRequestContentException' });
    }
    const run = lambdas.invoke(functionId(decodeURIComponent(path[1]!)), event);
    if (req.headers['x-amz-invocation-type'] === 'Event') {
      run.catch(() => undefined);
      res.writeHead(202).end();
      return;
    }
    try {
      json(res, 200, (await run) ?? null, { 'x-amz-executed-version': '$LATEST' });
    } catch (e) {
      const error = e instanceof LambdaFunctionError ? e : new LambdaFunctionError('Error', String(e));
      if (error.errorType === 'ResourceNotFoundException') return json(res, 404, { message: error.errorMessage }, { 'x-amzn-errortype': error.errorType });
      // its message is Lambda's error payload already: {errorType, errorMessage, trace}
      res.writeHead(200, { 'content-type': 'application/json', 'x-amz-function-error': 'Unhandled' });
      res.end(error.message);
    }
  };
  const server: Server = createServer((req, res) => {
    handle(req, res).catch((e: Error) => {
      if (!res.headersSent) json(res, 500, { message: e.message }, { 'x-amzn-errortype': 'ServiceException' });
      else res.end();
    });
  });
  const bound = await listen(server, port, host);
  return { url: urlFor(host, bound), port: bound, stop: () => closeServer(server, 1_000) };
}

/** An {@link Invoker} that calls a Lambda Invoke API at `url` (a function's error rejects with its type and message). */
export function lambdaInvoker(url: string | (() => string)): Invoker {
  return {
    async invoke(logicalId, event) {
      const base = typeof url === 'function' ? url() : url;
      const res = await fetch(`${base}/2015-03-31/functions/${encodeURIComponent(logicalId)}/invocations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event ?? {}),
      });
      const text = await res.text();
      const body = text ? JSON.parse(text) : null;
      if (res.status !== 200) throw new LambdaFunctionError(res.headers.get('x-amzn-errortype') ?? 'ServiceException', body?.message ?? `HTTP ${res.status}`);
      if (res.headers.get('x-amz-function-error')) throw new LambdaFunctionError(body?.errorType ?? 'Error', body?.errorMessage ?? '', body?.trace ?? []);
      return body;
    },
  };
}
