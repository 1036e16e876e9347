import middy from '@middy/core';
import { renderNotFound } from '../../../web/pages/not-found';
import { renderStatusPage } from '../../../web/pages/status';
import { renderStatusEnded } from '../../../web/pages/status-ended';
import { renderWithdrawConfirm } from '../../../web/pages/withdraw';
import { statusJson, statusKeyOpens, statusPageInput, withdrawable } from '../../answer/status-view';
import type { DsrRequest, Locale } from '../../domain/request';
import { isRequestId } from '../../domain/validation';
import { configure } from '../../platform/config';
import { getRequestWithBranches } from '../../platform/data/requests';
import { type HttpEvent, type HttpResult, html, httpMiddleware, json, pickLocale, redirect, wantsJson } from '../../platform/http';
import { paths } from '../../platform/links';
import { controllerNameIn } from '../../platform/register';
import { withdrawRequest } from '../../workflow/withdrawal';

// The composition root: what this function is given, checked at cold start. A withdrawal emails
// the subject's receipt and the vendors and staff still working on the request.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET', 'PUBLIC_BASE_URL', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET');

/** After a POST, the browser is sent on with a GET (303), so a reload shows the page and posts nothing. */
const seeOther = (location: string): HttpResult => ({ ...redirect(location), statusCode: 303 });

/** The status page in the language the subject chose there (carried as `lang`), else the request's. */
const statusPath = (request: DsrRequest, locale: Locale) =>
  `${paths.status(request.requestId, request.statusKey)}${locale === request.locale ? '' : `&lang=${locale}`}`;

/**
 * GET /v1/requests/{requestId}/status?key=…: where a request stands, and what staff said to the
 * subject (a question, an extension's reasons, a refusal); a wrong key and an unknown id get the same 404.
 * GET /v1/requests/{requestId}/cancel?key=…: the page asking to confirm a withdrawal.
 * POST /v1/requests/{requestId}/cancel with the key: the subject withdraws the request; from a
 * browser only with `confirm=yes` (that page's form), then on to the status page (303). A second
 * POST withdraws nothing again. The key ends with the request's personal data: then it gets a 410
 * saying so, and nothing else.
 */
async function status(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId ?? '';
  const isPost = event.requestContext.http.method === 'POST';
  const isCancel = isPost || /\/cancel$/.test(event.rawPath ?? '');
  const form = (isPost ? event.body : undefined) as Record<string, unknown> | undefined;
  const key = isPost ? form?.key : event.queryStringParameters?.key;
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
      : html(
          410,
          renderStatusEnded({
            locale: pickLocale(event, request.locale),
            erasedAt: request.personalDataErasedAt!,
            withdrawn: request.status === 'cancelled',
          }),
        );
  }
  const lang = isPost ? form?.lang : event.queryStringParameters?.lang;
  const locale = pickLocale(event, typeof lang === 'string' ? lang : request.locale);

  if (isCancel && !wantsJson(event) && !(isPost && form?.confirm === 'yes')) {
    // Asking first: the status page's button, a bookmarked or scanned link, or an old page's post.
    if (!withdrawable(request)) return seeOther(statusPath(request, locale));
    return html(
      200,
      renderWithdrawConfirm({
        locale,
        controllerName: controllerNameIn(request.controllerId, locale).text,
        requestId,
        type: request.type,
        actionUrl: paths.cancel(requestId),
        statusKey: request.statusKey,
        statusUrl: statusPath(request, locale),
        receipt: request.status !== 'awaiting_verification',
      }),
    );
  }
  if (isPost) {
    const outcome = await withdrawRequest(requestId);
    if (!wantsJson(event)) return seeOther(statusPath(request, locale));
    ({ request, branches } = await getRequestWithBranches(requestId));
    if (!request) return json(404, { message: 'No request with this id and key', errors: { key: 'unknown' } });
    if (outcome !== 'withdrawn') {
      return json(409, { message: `The request is ${request.status} and can no longer be withdrawn`, errors: { status: request.status } });
    }
    return json(200, statusJson(request, branches));
  }
  if (wantsJson(event)) return json(200, statusJson(request, branches));
  return html(200, renderStatusPage(statusPageInput(request, branches, { locale })));
}

export const handler = middy().use(httpMiddleware()).handler(status);
