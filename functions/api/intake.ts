import middy from '@middy/core';
import { renderRequestAccepted, renderRequestForm } from '../../web/pages';
import { html, httpMiddleware, json, wantsJson, type HttpEvent, type HttpResult } from '../lib/http';
import { acceptRequest } from '../lib/intake';
import { InvalidSubmission, validateSubmission } from '../lib/submission';
import { logger } from '../lib/log';
import { publicControllers } from '../lib/register';

/** POST /v1/requests: a data subject asks to exercise a right. JSON for API clients, pages for the no-JS form. */
async function intake(event: HttpEvent): Promise<HttpResult> {
  const asJson = wantsJson(event) || (event.headers['content-type'] ?? '').startsWith('application/json');
  try {
    const { submission, details, controller } = validateSubmission(event.body);
    const request = await acceptRequest(submission, controller, new Date(), details);
    logger.info('request accepted', { requestId: request.requestId, type: request.type, controllerId: controller.id });
    return asJson
      ? json(202, { requestId: request.requestId, status: request.status })
      : html(202, renderRequestAccepted({ locale: request.locale, controllerName: controller.name }));
  } catch (err) {
    if (!(err instanceof InvalidSubmission)) throw err;
    if (asJson) return json(400, { message: 'The request has invalid fields', errors: err.errors });
    const body = (event.body ?? {}) as Record<string, string>;
    return html(400, renderRequestForm({
      locale: err.locale,
      controllers: publicControllers(),
      selectedControllerId: typeof body.controller === 'string' ? body.controller : undefined,
      values: { type: body.type, email: body.email, name: body.name },
      errors: err.errors,
    }));
  }
}

// Free-text fields (a correction, an objection's grounds) may hold a few thousand characters of any script.
export const handler = middy().use(httpMiddleware({ maxBodyBytes: 32 * 1024 })).handler(intake);
