import middy from '@middy/core';
import { renderNotFound } from '../../../web/pages/not-found';
import { renderReplyReceived } from '../../../web/pages/reply-received';
import { ANSWER_MAX_CHARS, renderStatusPage } from '../../../web/pages/status';
import { statusKeyOpens, statusPageInput } from '../../answer/status-view';
import { inLocale } from '../../domain/register-schema';
import { infoAnswerSchema } from '../../domain/submission';
import { fieldErrors, isRequestId } from '../../domain/validation';
import { configure } from '../../platform/config';
import { getRequest, getRequestWithBranches } from '../../platform/data/requests';
import { type HttpEvent, type HttpResult, html, httpMiddleware, json, pickLocale, wantsJson } from '../../platform/http';
import { paths } from '../../platform/links';
import { findController } from '../../platform/register';
import { answerInformationRequest } from '../../staff/information';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL');

/**
 * POST /v1/requests/{requestId}/reply with the status key and `answer`: the subject answers staff's
 * request for more information (Art. 12(6)). A wrong key and an unknown id get the same 404;
 * no open question is a 409.
 */
async function reply(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId ?? '';
  const body = (event.body ?? {}) as Record<string, unknown>;
  const request = isRequestId(requestId) ? await getRequest(requestId) : undefined;
  const controller = request && findController(request.controllerId);
  if (!request || !controller || statusKeyOpens(request, body.key) !== 'open') {
    return wantsJson(event)
      ? json(404, { message: 'No request with this id and key', errors: { key: 'unknown' } })
      : html(404, renderNotFound({ locale: pickLocale(event) }));
  }
  const locale = pickLocale(event, request.locale);
  const answer = infoAnswerSchema.safeParse(body.answer);
  const refused = async (statusCode: number, message: string, problem: string) => {
    if (wantsJson(event)) return json(statusCode, { message, errors: { answer: problem } });
    // The no-JS form: the status page again, with what was typed and what was wrong with it.
    const { branches } = await getRequestWithBranches(requestId);
    const typed = typeof body.answer === 'string' ? body.answer.slice(0, ANSWER_MAX_CHARS) : '';
    return html(statusCode, renderStatusPage(statusPageInput(request, branches, { locale, values: { answer: typed }, errors: { answer: problem } })));
  };
  if (!answer.success) return refused(400, 'The answer is invalid', fieldErrors(answer.error, 'answer').answer!);
  if (!(await answerInformationRequest(request, controller, answer.data))) {
    return refused(409, 'There is no open question to answer on this request', 'no open question');
  }
  if (wantsJson(event)) return json(200, { requestId, answered: true });
  // The way back to the status page, in the language the page was read in.
  const statusUrl = `${paths.status(requestId, request.statusKey)}${locale === request.locale ? '' : `&lang=${locale}`}`;
  return html(200, renderReplyReceived({ locale, statusUrl, controllerName: inLocale(controller.name, locale, controller) }));
}

// An answer may be a few thousand characters of any script.
export const handler = middy()
  .use(httpMiddleware({ maxBodyBytes: 32 * 1024 }))
  .handler(reply);
