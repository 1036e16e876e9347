import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LambdaEndpoint, lambdaInvoker, startLambdaEndpoint } from '../../../local/lambda-endpoint.ts';
import { type Invoker, LambdaFunctionError } from '../../../local/lambda-host.ts';

/** Functions as the runtime hosts them: one answers, one fails with a named error, others do not exist. */
const functions: Invoker = {
  async invoke(logicalId, event) {
    if (logicalId === 'Echo') return { got: event };
    if (logicalId === 'Fails') throw new LambdaFunctionError('ProcessorError', 'the store refused');
    throw new LambdaFunctionError('ResourceNotFoundException', `Function not found: ${logicalId}`);
  },
};

let endpoint: LambdaEndpoint;
beforeAll(async () => {
  endpoint = await startLambdaEndpoint(functions, 0);
});
afterAll(() => endpoint.stop());

describe("the functions on Lambda's Invoke API", () => {
  it('answers with the result, by name or by ARN', async () => {
    const invoker = lambdaInvoker(endpoint.url);
    expect(await invoker.invoke('Echo', { requestId: 'r-1' })).toEqual({ got: { requestId: 'r-1' } });
    const res = await fetch(`${endpoint.url}/2015-03-31/functions/${encodeURIComponent('arn:aws:lambda:us-east-1:000000000000:function:Echo')}/invocations`, {
      method: 'POST',
      body: '{"a":1}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ got: { a: 1 } });
  });

  it("reports a function's error as Lambda does, so Retry and Catch match it by name", async () => {
    const res = await fetch(`${endpoint.url}/2015-03-31/functions/Fails/invocations`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-amz-function-error')).toBe('Unhandled');
    expect(await res.json()).toMatchObject({ errorType: 'ProcessorError', errorMessage: 'the store refused' });
    await expect(lambdaInvoker(endpoint.url).invoke('Fails', {})).rejects.toMatchObject({ name: 'ProcessorError', errorMessage: 'the store refused' });
  });

  it('answers 404 for a function the template does not have', async () => {
    const res = await fetch(`${endpoint.url}/2015-03-31/functions/Nope/invocations`, { method: 'POST', body: '{}' });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-amzn-errortype')).toBe('ResourceNotFoundException');
  });
});
