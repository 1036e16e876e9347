import middy from '@middy/core';
import { CONSOLE_CSP, renderConsolePage } from '../../../web/pages/console';
import { configure, setting } from '../../platform/config';
import { type HttpEvent, type HttpResult, html, httpMiddleware, pickLocale } from '../../platform/http';

// The identity provider's sign-in page (Cognito hosted UI; locally /local/sign-in).
await configure('STAFF_SIGN_IN_URL');

/**
 * GET /console: the staff console. A page without data (no authorizer): its script signs the person
 * in and calls the staff API with their id token. Its own CSP admits exactly that script.
 */
async function consolePage(event: HttpEvent): Promise<HttpResult> {
  const page = html(200, renderConsolePage({ locale: pickLocale(event), signInUrl: setting('STAFF_SIGN_IN_URL') }));
  return { ...page, headers: { ...page.headers, 'content-security-policy': CONSOLE_CSP } };
}

export const handler = middy().use(httpMiddleware()).handler(consolePage);
