import middy from '@middy/core';
import { renderNotFound } from '../../../web/pages/not-found';
import { renderUnsubscribePage } from '../../../web/pages/unsubscribe';
import { inLocale } from '../../domain/register-schema';
import { readUnsubscribeLink, unsubscribe } from '../../intake/unsubscribe';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';
import { type HttpEvent, type HttpResult, html, httpMiddleware, json, pickLocale, wantsJson } from '../../platform/http';
import { logger } from '../../platform/log';

// The composition root: what this function is given, checked at cold start.
await configure(secrets, 'REQUESTS_TABLE', 'STATE_MACHINE_ARN', 'UNSUBSCRIBE_KEY_SECRET');

/**
 * GET/POST /v1/unsubscribe/{controllerId}/{purposeId}?address=…&sig=…: the one-click unsubscribe
 * link of the controller's own emails (RFC 8058). GET shows a button (mail scanners follow links);
 * POST, from that button or from the mail client's List-Unsubscribe-Post, withdraws consent.
 * A link not signed for that address and purpose gets 404, like an unknown one.
 */
async function handle(event: HttpEvent): Promise<HttpResult> {
  const { controllerId = '', purposeId = '' } = event.pathParameters ?? {};
  const q = event.queryStringParameters ?? {};
  const link = readUnsubscribeLink(controllerId, purposeId, q.address, q.sig);
  if (!link) {
    return wantsJson(event)
      ? json(404, { message: 'This unsubscribe link is not valid', errors: { sig: 'unknown' } })
      : html(404, renderNotFound({ locale: pickLocale(event) }));
  }
  const locale = pickLocale(event, link.controller.locales[0]);
  const names = {
    locale,
    controllerName: inLocale(link.controller.name, locale, link.controller),
    purposeName: inLocale(link.purpose.name, locale, link.controller),
  };
  if (event.requestContext.http.method !== 'POST') {
    const query = new URLSearchParams({ address: q.address!, sig: q.sig! }).toString();
    return html(
      200,
      renderUnsubscribePage({ ...names, actionUrl: `/v1/unsubscribe/${encodeURIComponent(controllerId)}/${encodeURIComponent(purposeId)}?${query}` }),
    );
  }
  const { requestId, created } = await unsubscribe(link);
  logger.info('unsubscribed', { requestId, controllerId, purposeId, created });
  return wantsJson(event) ? json(200, { requestId, status: 'received' }) : html(200, renderUnsubscribePage({ ...names, done: true }));
}

// The body (`List-Unsubscribe=One-Click`, urlencoded or multipart by RFC 8058) carries nothing we use: it is not parsed.
export const handler = middy()
  .use(httpMiddleware({ rawBody: true }))
  .handler(handle);
