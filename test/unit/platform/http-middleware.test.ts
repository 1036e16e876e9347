import middy from '@middy/core';
import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { type HttpEvent, httpMiddleware, json } from '../../../functions/platform/http';
import { multipartBody } from '../../../functions/platform/multipart';

/** A handler behind the house middleware that answers with the body it was given. */
const echo = (opts: Parameters<typeof httpMiddleware>[0]) =>
  middy()
    .use(httpMiddleware(opts))
    .handler(async (event: HttpEvent) => json(200, { body: event.body }));

function event(contentType: string, body: string): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'POST /x',
    rawPath: '/x',
    rawQueryString: '',
    headers: { 'content-type': contentType },
    requestContext: { http: { method: 'POST', path: '/x' } } as APIGatewayProxyEventV2['requestContext'],
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  };
}

describe("the house middleware with multipart bodies (the task link's upload form)", () => {
  it("answers a malformed multipart body with a 400 naming the body, as JSON, not the parser's plain-text 415", async () => {
    // Found by the fuzz: a JSON text sent as multipart/form-data with a boundary it does not contain.
    const res = await echo({ multipart: multipartBody })(event('multipart/form-data; boundary=x', '{"token":"abc"}'), {} as Context);
    expect(res.statusCode).toBe(400);
    expect(res.headers?.['content-type'] ?? res.headers?.['Content-Type']).toMatch(/application\/json/);
    expect(JSON.parse(res.body as string)).toEqual({
      message: 'Request body is not valid multipart/form-data',
      errors: { body: 'not valid multipart/form-data' },
    });
  });

  it('still parses a well-formed multipart body into its fields', async () => {
    const body = ['--x', 'Content-Disposition: form-data; name="outcome"', '', 'done', '--x--', ''].join('\r\n');
    const res = await echo({ multipart: multipartBody })(event('multipart/form-data; boundary=x', body), {} as Context);
    expect(res.statusCode).toBe(200);
    expect(JSON.parse(res.body as string)).toEqual({ body: { outcome: 'done' } });
  });
});

describe('the house middleware when a service behind a handler fails', () => {
  const failing = (err: unknown) =>
    middy()
      .use(httpMiddleware())
      .handler(async () => {
        throw err;
      });
  const sdkError = (name: string, fault: 'server' | 'client', httpStatusCode: number, extra: object = {}) =>
    Object.assign(new Error(`${name} from the service`), { name, $fault: fault, $metadata: { httpStatusCode }, ...extra });

  it('answers 503 with Retry-After, saying to try again shortly, when a service is down, busy or slow', async () => {
    for (const err of [
      sdkError('ServiceUnavailable', 'server', 503),
      sdkError('ThrottlingException', 'client', 400, { $retryable: { throttling: true } }),
      Object.assign(new Error('socket timed out'), { name: 'TimeoutError' }),
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
    ]) {
      const res = await failing(err)(event('application/json', '{}'), {} as Context);
      expect(res.statusCode, (err as Error).name).toBe(503);
      expect(res.headers?.['Retry-After']).toBe('30');
      expect(JSON.parse(res.body as string)).toEqual({ message: 'Temporarily unavailable: please try again in 30 seconds' });
      expect(res.body).not.toContain('from the service');
    }
  });

  it('keeps a fault of its own a 500 that says nothing about it', async () => {
    for (const err of [new TypeError('x is undefined'), sdkError('ValidationException', 'client', 400)]) {
      const res = await failing(err)(event('application/json', '{}'), {} as Context);
      expect(res.statusCode).toBe(500);
      expect(JSON.parse(res.body as string)).toEqual({ message: 'Internal Server Error' });
    }
  });
});
