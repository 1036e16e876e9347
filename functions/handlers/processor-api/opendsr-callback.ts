import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { configure } from '../../platform/config';
import { type HttpResult, httpMiddleware, json } from '../../platform/http';
import { receiveCallback } from '../../processors/opendsr/callback';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET');

/** A status callback is a few hundred bytes; anything this big is refused before it is looked at. */
const MAX_CALLBACK_BYTES = 64 * 1024;

/**
 * `POST /v1/opendsr/callback`: signed status callbacks of OpenDSR processors. The body stays raw:
 * the signature is over its bytes, checked before anything parses it.
 */
async function callback(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const raw = event.body === undefined || event.body === null ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  const answer = await receiveCallback(event.headers as Record<string, string | undefined>, raw);
  return json(answer.statusCode, answer.body);
}

export const handler = middy()
  .use(httpMiddleware({ maxBodyBytes: MAX_CALLBACK_BYTES, rawBody: true }))
  .handler(callback);
