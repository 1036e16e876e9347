import middy from '@middy/core';
import { renderConfirmed, renderConfirmPage } from '../../../web/pages/confirm';
import { renderLinkProblem } from '../../../web/pages/link-problem';
import { isRequestId } from '../../domain/validation';
import { confirmRequest, inspectLink, type LinkState } from '../../intake/verification';
import { configure } from '../../platform/config';
import { clientError, type HttpEvent, type HttpResult, html, httpMiddleware, json, pickLocale, wantsJson } from '../../platform/http';
import { links } from '../../platform/links';
import { logger } from '../../platform/log';
import { controllerNameIn } from '../../platform/register';
import { TOKEN_PATTERN } from '../../platform/tokens';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'STATE_MACHINE_ARN', 'PUBLIC_BASE_URL', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET');

/** The request id from the path and the token from the query (GET) or the form (POST), checked for shape. */
function linkParts(event: HttpEvent): { requestId: string; token: string } | undefined {
  const requestId = event.pathParameters?.requestId ?? '';
  const fromBody = (event.body as Record<string, unknown> | undefined)?.token;
  const token = event.requestContext.http.method === 'POST' ? fromBody : event.queryStringParameters?.token;
  if (!isRequestId(requestId) || typeof token !== 'string' || !TOKEN_PATTERN.test(token)) return undefined;
  return { requestId, token };
}

/**
 * A link that cannot be used: a calm page for people, a 4xx naming the problem for API clients.
 * A used link says so and no more: the status link is shown once, when the link confirms. A link
 * whose token matched once names its controller; an invalid one cannot say whose it would be.
 */
function problem(event: HttpEvent, link: Exclude<LinkState, { state: 'valid' }>): HttpResult {
  const request = link.state === 'invalid' ? undefined : link.request;
  if (wantsJson(event)) {
    const status = link.state === 'used' ? 409 : link.state === 'expired' ? 410 : 404;
    return json(status, { message: `This verification link is ${link.state}`, errors: { token: link.state } });
  }
  const locale = pickLocale(event, request?.locale);
  const controllerName = request && controllerNameIn(request.controllerId, request.locale);
  return html(link.state === 'invalid' ? 404 : 200, renderLinkProblem({ locale, reason: link.state, controllerName }));
}

/**
 * GET shows a page with one confirm button; POST confirms. Mail scanners open links (GET) but do
 * not submit forms, so they cannot confirm a request on the subject's behalf.
 */
async function verify(event: HttpEvent): Promise<HttpResult> {
  const parts = linkParts(event);
  if (!parts) {
    if (event.requestContext.http.method === 'POST' && wantsJson(event))
      throw clientError(400, 'token is missing or malformed', { token: 'missing or malformed' });
    return problem(event, { state: 'invalid' });
  }
  if (event.requestContext.http.method === 'GET') {
    const link = await inspectLink(parts.requestId, parts.token);
    if (link.state !== 'valid') return problem(event, link);
    return html(
      200,
      renderConfirmPage({
        locale: link.request.locale,
        requestId: link.request.requestId,
        token: parts.token,
        type: link.request.type,
        controllerName: controllerNameIn(link.request.controllerId, link.request.locale).text,
      }),
    );
  }
  const link = await confirmRequest(parts.requestId, parts.token);
  // Only the press that confirmed shows the status link; a second press (a double click, a link
  // found later) is told the request is confirmed.
  if (link.state !== 'valid') return problem(event, link);
  const request = link.request;
  logger.info('request confirmed', { requestId: request.requestId });
  const statusUrl = links.status(request.requestId, request.statusKey);
  if (wantsJson(event)) return json(200, { requestId: request.requestId, status: request.status, dueAt: request.dueAt });
  return html(
    200,
    renderConfirmed({
      locale: request.locale,
      controllerName: controllerNameIn(request.controllerId, request.locale).text,
      type: request.type,
      dueAt: request.dueAt!,
      statusUrl,
    }),
  );
}

export const handler = middy().use(httpMiddleware()).handler(verify);
