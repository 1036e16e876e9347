import middy from '@middy/core';
import { renderNotFound } from '../../../web/pages/not-found';
import { renderStatusPage } from '../../../web/pages/status';
import { renderStatusEnded } from '../../../web/pages/status-ended';
import { statusJson, statusKeyOpens, statusPageInput } from '../../answer/status-view';
import { isRequestId } from '../../domain/validation';
import { configure } from '../../platform/config';
import { getRequestWithBranches } from '../../platform/data/requests';
import { type HttpEvent, type HttpResult, html, httpMiddleware, json, pickLocale, wantsJson } from '../../platform/http';
import { withdrawRequest } from '../../workflow/withdrawal';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PUBLIC_BASE_URL');

/**
 * GET /v1/requests/{requestId}/status?key=…: where a request stands, and what staff said to the
 * subject (a question, an extension's reasons, a refusal); a wrong key and an unknown id get the same 404.
 * POST /v1/requests/{requestId}/cancel with the key: the subject withdraws the request.
 * The key ends with the request's personal data: then it gets a 410 saying so, and nothing else.
 */
async function status(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId ?? '';
  const isPost = event.requestContext.http.method === 'POST';
  const key = isPost ? (event.body as Record<string, unknown> | undefined)?.key : event.queryStringParameters?.key;
  let { request, branches } = isRequestId(requestId) ? await getRequestWithBranches(requestId) : { request: undefined, branches: [] };
  const opens = request ? statusKeyOpens(request, key) : 'wrong';
  if (!request || opens === 'wrong') {
    return wantsJson(event)
      ? json(404, { message: 'No request with this id and key', errors: { key: 'unknown' } })
      : html(404, renderNotFound({ locale: pickLocale(event) }));
  }
  if (opens === 'ended') {
    return wantsJson(event)
      ? json(410, { message: "The status link ended when the request's personal data was erased", errors: { key: 'ended' } })
      : html(410, renderStatusEnded({ locale: pickLocale(event, request.locale), erasedAt: request.personalDataErasedAt! }));
  }
  let justWithdrawn = false;
  if (isPost) {
    justWithdrawn = await withdrawRequest(requestId);
    if (!justWithdrawn && wantsJson(event)) {
      return json(409, { message: `The request is ${request.status} and can no longer be withdrawn`, errors: { status: request.status } });
    }
    ({ request, branches } = await getRequestWithBranches(requestId));
    if (!request) return html(404, renderNotFound({ locale: pickLocale(event) }));
  }
  if (wantsJson(event)) return json(200, statusJson(request, branches));
  return html(
    200,
    renderStatusPage(
      statusPageInput(request, branches, {
        locale: pickLocale(event, event.queryStringParameters?.lang ?? request.locale),
        justWithdrawn,
      }),
    ),
  );
}

export const handler = middy().use(httpMiddleware()).handler(status);
