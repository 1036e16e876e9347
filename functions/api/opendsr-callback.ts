import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { json, type HttpResult } from '../lib/http';
import { errorClass, logger } from '../lib/log';
import { receiveCallback } from '../lib/opendsr/callback';

/** A status callback is a few hundred bytes; anything this big is refused before it is looked at. */
const MAX_CALLBACK_BYTES = 64 * 1024;

/**
 * `POST /v1/opendsr/callback`: signed status callbacks of OpenDSR processors. Not the house
 * middleware: the signature is over the raw body, so the body must reach the check unparsed.
 */
async function callback(event: APIGatewayProxyEventV2): Promise<HttpResult> {
  const raw = event.body === undefined || event.body === null
    ? Buffer.alloc(0)
    : Buffer.from(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
  if (raw.length > MAX_CALLBACK_BYTES) return json(413, { message: `Request body is larger than ${MAX_CALLBACK_BYTES} bytes`, errors: { body: 'too large' } });
  const headers = event.headers as Record<string, string | undefined>;
  const answer = await receiveCallback(headers, raw);
  return json(answer.statusCode, answer.body);
}

/** Logs a failed callback by status and error class only. */
function logFailure(err: unknown): void {
  const statusCode = (err as { statusCode?: number })?.statusCode ?? 500;
  if (statusCode >= 500) logger.error('OpenDSR callback failed', { errorClass: errorClass(err), statusCode });
  else logger.info('OpenDSR callback refused', { statusCode });
}

export const handler = middy<APIGatewayProxyEventV2, HttpResult>()
  .use(httpHeaderNormalizer())
  .use(httpErrorHandler({ logger: logFailure, fallbackMessage: JSON.stringify({ message: 'Internal Server Error' }) }))
  .handler(callback);
