import middy from '@middy/core';
import { renderNotFound, renderStatusPage } from '../../web/pages';
import { html, httpMiddleware, json, pickLocale, wantsJson, type HttpEvent, type HttpResult } from '../lib/http';
import { findController, findProcessor, inDeclaredOrder } from '../lib/register';
import type { RequestStatus } from '../lib/request';
import { paths } from '../lib/links';
import { getRequestWithBranches } from '../lib/store';
import { constantTimeEqual } from '../lib/tokens';
import { withdrawRequest } from '../lib/withdrawal';

/** Statuses a subject may still withdraw a request from. */
const WITHDRAWABLE: readonly RequestStatus[] = ['awaiting_verification', 'received', 'in_progress'];

/**
 * GET /v1/requests/{requestId}/status?key=…: where a request stands. Shows ids, dates and
 * statuses only; a wrong key and an unknown id get the same 404.
 * POST /v1/requests/{requestId}/cancel with the key: the subject withdraws the request.
 */
async function status(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId ?? '';
  const isPost = event.requestContext.http.method === 'POST';
  const key = isPost ? (event.body as Record<string, unknown> | undefined)?.key : event.queryStringParameters?.key;
  let { request, branches } = /^[0-9a-f-]{36}$/.test(requestId) ? await getRequestWithBranches(requestId) : { request: undefined, branches: [] };
  if (!request || typeof key !== 'string' || !constantTimeEqual(key, request.statusKey)) {
    return wantsJson(event)
      ? json(404, { message: 'No request with this id and key', errors: { key: 'unknown' } })
      : html(404, renderNotFound({ locale: pickLocale(event) }));
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
  const controller = findController(request.controllerId);
  const ordered = controller ? inDeclaredOrder(controller, branches) : branches;
  const processors = ordered.map((b) => ({ id: b.processorId, status: b.status }));
  if (wantsJson(event)) {
    return json(200, {
      requestId: request.requestId,
      type: request.type,
      status: request.status,
      receivedAt: request.receivedAt ?? null,
      dueAt: request.dueAt ?? null,
      processors,
    });
  }
  return html(200, renderStatusPage({
    locale: pickLocale(event, event.queryStringParameters?.lang ?? request.locale),
    controllerName: controller?.name ?? request.controllerId,
    requestId: request.requestId,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    completedAt: request.completedAt,
    processors: ordered.map((b) => ({
      name: (controller && findProcessor(controller, b.processorId)?.name) ?? b.processorId,
      status: b.status,
    })),
    ...(WITHDRAWABLE.includes(request.status) ? { withdraw: { actionUrl: paths.cancel(request.requestId), statusKey: request.statusKey } } : {}),
    justWithdrawn,
    ...(request.extension && request.dueAt ? { extension: { months: request.extension.months, reasons: request.extension.reasons, newDueAt: request.dueAt } } : {}),
    ...(request.denial ? { denial: { text: request.denial.text } } : {}),
    ...(request.infoRequest ? {
      infoRequest: {
        question: request.infoRequest.text,
        pausesClock: request.infoRequest.pausesClock,
        ...(request.infoRequest.answeredAt ? { answeredAt: request.infoRequest.answeredAt } : {}),
        replyUrl: paths.reply(request.requestId),
        statusKey: request.statusKey,
      },
    } : {}),
  }));
}

export const handler = middy().use(httpMiddleware()).handler(status);
