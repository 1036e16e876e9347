import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { findMailingTool, readMailchimpEvent, withdrawAtMailingTool } from '../../intake/mailing-tools';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { controllerKeyMatches } from '../../platform/controller-keys';
import { clientError, type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { logger } from '../../platform/log';
import type { Controller, MailingTool } from '../../platform/register';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'STATE_MACHINE_ARN', 'UNSUBSCRIBE_KEY_SECRET');

/** A key longer than this is no key of ours: refused without reading the secret. */
const MAX_KEY_CHARS = 256;

type WebhookContext = Context & { mailingTool?: { controller: Controller; tool: MailingTool } };

/**
 * The key in the URL's query (`?key=`) is checked before the body is read: Mailchimp signs
 * nothing, so the URL the controller gave it is the only proof. Unknown tool 404, no key 401,
 * a wrong key 403.
 */
function keyFirst(): middy.MiddlewareObj<HttpEvent, HttpResult, Error, WebhookContext> {
  return {
    before: async (request) => {
      const { controllerId = '', toolId = '' } = request.event.pathParameters ?? {};
      const found = findMailingTool(controllerId, toolId);
      if (!found) return json(404, { message: 'No such mailing tool', errors: { toolId: 'unknown' } });
      const key = request.event.queryStringParameters?.key;
      if (!key) return json(401, { message: 'The webhook URL must carry its key', errors: { key: 'missing' } });
      if (key.length > MAX_KEY_CHARS || !(await controllerKeyMatches(found.tool.webhookSecret, key))) {
        return json(403, { message: 'This key is not valid', errors: { key: 'not valid' } });
      }
      request.context.mailingTool = found;
      return undefined;
    },
  };
}

/**
 * GET/POST /v1/mailing-tools/{controllerId}/{toolId}?key=…: a mailing tool's webhook. GET answers
 * the tool's check of the URL; a POSTed `unsubscribe` withdraws consent to its list's purpose (the
 * same request a one-click link makes), any other event is acknowledged and ignored.
 */
async function webhook(event: HttpEvent, context: WebhookContext): Promise<HttpResult> {
  const { controller, tool } = context.mailingTool!;
  if (event.requestContext.http.method !== 'POST') return json(200, { ok: true });
  const read = readMailchimpEvent(event.body);
  if ('errors' in read) throw clientError(400, 'The event has invalid fields', read.errors);
  if (read.event.type !== 'unsubscribe') {
    logger.info('mailing tool event ignored', { controllerId: controller.id, toolId: tool.id });
    return json(200, { ignored: true });
  }
  const withdrawal = await withdrawAtMailingTool(controller, tool, read.event);
  if (!withdrawal) throw clientError(400, 'The list is not declared for this mailing tool', { 'data[list_id]': 'not declared in the register' });
  logger.info('unsubscribed at mailing tool', { requestId: withdrawal.requestId, controllerId: controller.id, toolId: tool.id, created: withdrawal.created });
  return json(200, { requestId: withdrawal.requestId, status: 'received' });
}

export const handler = middy<HttpEvent, HttpResult, Error, WebhookContext>()
  .use(httpMiddleware({ first: keyFirst() }))
  .handler(webhook);
