import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { fieldErrors } from '../../domain/validation';
import { controllerOfApiKey, isSuppressedAtController, suppressionCheckSchema } from '../../intake/suppression-check';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { clientError, type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { logger } from '../../platform/log';
import type { Controller } from '../../platform/register';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'SUPPRESSION_KEY_SECRET');

/** A key longer than this is no key of ours: refused without reading any secret. */
const MAX_KEY_CHARS = 256;

type CheckContext = Context & { controller?: Controller };

/**
 * The API key is checked before the body is read: `Authorization: Bearer <key>`. Without one the
 * answer is 401 (with `WWW-Authenticate`), with one that is no controller's 403.
 */
function apiKeyFirst(): middy.MiddlewareObj<HttpEvent, HttpResult, Error, CheckContext> {
  return {
    before: async (request) => {
      const header = request.event.headers.authorization ?? '';
      const key = /^Bearer ([\x21-\x7e]+)$/.exec(header)?.[1];
      if (!key) {
        const res = json(401, { message: 'An API key is required: Authorization: Bearer <key>', errors: { authorization: 'missing' } });
        return { ...res, headers: { ...res.headers, 'www-authenticate': 'Bearer' } };
      }
      const controller = key.length <= MAX_KEY_CHARS ? await controllerOfApiKey(key) : undefined;
      if (!controller) return json(403, { message: 'This API key is not valid', errors: { authorization: 'not valid' } });
      request.context.controller = controller;
      return undefined;
    },
  };
}

/**
 * POST /v1/suppression/check `{"email": ...}` → `{"suppressed": true|false}`: whether the address
 * is on one of the API key's controller's suppression lists, so a signup form does not add it again.
 * The address is never logged.
 */
async function check(event: HttpEvent, context: CheckContext): Promise<HttpResult> {
  const controller = context.controller!;
  const parsed = suppressionCheckSchema.safeParse(event.body ?? {});
  if (!parsed.success) throw clientError(400, 'The body has invalid fields', fieldErrors(parsed.error));
  const suppressed = await isSuppressedAtController(controller, parsed.data.email);
  logger.info('suppression checked', { controllerId: controller.id, suppressed });
  return json(200, { suppressed });
}

export const handler = middy<HttpEvent, HttpResult, Error, CheckContext>()
  .use(httpMiddleware({ first: apiKeyFirst() }))
  .handler(check);
