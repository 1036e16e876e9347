import middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { configure } from '../../platform/config';
import { type HttpResult, httpMiddleware, json } from '../../platform/http';
import { receiveInhouseCallback } from '../../processors/inhouse/callback';
import { MAX_ANSWER_BYTES } from '../../processors/webhook/adapter';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET');

/**
 * `POST /v1/webhooks/callback/{requestId}/{processorId}`: the later answer of an organisation's
 * own Lambda or webhook. The body stays raw: a webhook's signature is over its bytes.
 */
async function callback(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const raw = event.body === undefined || event.body === null ? Buffer.alloc(0) : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  const { requestId = '', processorId = '' } = event.pathParameters ?? {};
  const answer = await receiveInhouseCallback(requestId, processorId, event.headers as Record<string, string | undefined>, raw);
  return json(answer.statusCode, answer.body);
}

export const handler = middy()
  .use(httpMiddleware({ maxBodyBytes: MAX_ANSWER_BYTES, rawBody: true }))
  .handler(callback);
