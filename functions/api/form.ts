import middy from '@middy/core';
import { renderNotFound, renderRequestForm } from '../../web/pages';
import { html, httpMiddleware, pickLocale, type HttpEvent, type HttpResult } from '../lib/http';
import { publicControllers, register } from '../lib/register';
import { LOCALES, type Locale } from '../lib/request';

/** GET / and GET /{locale}: the request form, server-rendered so it works without JavaScript. */
async function form(event: HttpEvent): Promise<HttpResult> {
  const requested = event.pathParameters?.locale;
  if (requested !== undefined && !(LOCALES as readonly string[]).includes(requested)) {
    return html(404, renderNotFound({ locale: pickLocale(event) }));
  }
  const locale: Locale = (requested as Locale | undefined) ?? pickLocale(event);
  const controllerId = event.queryStringParameters?.controller;
  return html(200, renderRequestForm({
    locale,
    controllers: publicControllers(),
    selectedControllerId: register.controllers.some((c) => c.id === controllerId) ? controllerId : undefined,
  }));
}

export const handler = middy().use(httpMiddleware()).handler(form);
