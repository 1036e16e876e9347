import middy from '@middy/core';
import { z } from 'zod';
import { renderNotFound, renderReplyReceived } from '../../web/pages';
import { clientError, html, httpMiddleware, json, pickLocale, wantsJson, type HttpEvent, type HttpResult } from '../lib/http';
import { answerInformationRequest } from '../lib/information';
import { findController } from '../lib/register';
import { getRequest } from '../lib/store';
import { constantTimeEqual } from '../lib/tokens';

const answerSchema = z
  .string({ error: 'answer is required' })
  .trim()
  .min(1, 'answer is required')
  .max(4000, 'answer must be at most 4000 characters')
  .refine((s) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/.test(s), 'answer must not contain control characters');

/**
 * POST /v1/requests/{requestId}/reply with the status key and `answer`: the subject answers staff's
 * request for more information (Art. 12(6)). A wrong key and an unknown id get the same 404;
 * no open question is a 409.
 */
async function reply(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId ?? '';
  const body = (event.body ?? {}) as Record<string, unknown>;
  const request = /^[0-9a-f-]{36}$/.test(requestId) ? await getRequest(requestId) : undefined;
  const controller = request && findController(request.controllerId);
  if (!request || !controller || typeof body.key !== 'string' || !constantTimeEqual(body.key, request.statusKey)) {
    return wantsJson(event)
      ? json(404, { message: 'No request with this id and key', errors: { key: 'unknown' } })
      : html(404, renderNotFound({ locale: pickLocale(event) }));
  }
  const answer = answerSchema.safeParse(body.answer);
  if (!answer.success) throw clientError(400, 'The answer is invalid', { answer: answer.error.issues[0]!.message });
  if (!(await answerInformationRequest(request, controller, answer.data))) {
    return json(409, { message: 'There is no open question to answer on this request', errors: { answer: 'no open question' } });
  }
  return wantsJson(event) ? json(200, { requestId, answered: true }) : html(200, renderReplyReceived({ locale: request.locale }));
}

// An answer may be a few thousand characters of any script.
export const handler = middy().use(httpMiddleware({ maxBodyBytes: 32 * 1024 })).handler(reply);
