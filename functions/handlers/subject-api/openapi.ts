import middy from '@middy/core';
// Written from the handlers' schemas by infra/openapi.ts and held to them by a test, so that this function builds none.
import document from '../../../web/openapi.json' with { type: 'json' };
import { type HttpResult, httpMiddleware, json } from '../../platform/http';

/** GET /v1/openapi.json: the API's OpenAPI 3.1 document. */
export const handler = middy()
  .use(httpMiddleware())
  .handler(async (): Promise<HttpResult> => json(200, document));
