import middy from '@middy/core';
import { consoleCsp, renderConsolePage } from '../../../web/pages/console';
import { configure, setting } from '../../platform/config';
import { type HttpEvent, type HttpResult, html, httpMiddleware, pickLocale } from '../../platform/http';

// The identity provider's authorize URL and token endpoint (Cognito hosted UI; locally /local/sign-in and /local/token).
await configure('STAFF_SIGN_IN_URL', 'STAFF_TOKEN_URL');

/**
 * GET /console: the staff console. A page without data (no authorizer): its script signs the person
 * in (authorization code with PKCE) and calls the staff API with their id token. Its own CSP admits
 * exactly that script, and calls to this origin and the token endpoint.
 */
async function consolePage(event: HttpEvent): Promise<HttpResult> {
  const tokenUrl = setting('STAFF_TOKEN_URL');
  const page = html(200, renderConsolePage({ locale: pickLocale(event), signInUrl: setting('STAFF_SIGN_IN_URL'), tokenUrl }));
  return { ...page, headers: { ...page.headers, 'content-security-policy': consoleCsp(tokenUrl) } };
}

export const handler = middy().use(httpMiddleware()).handler(consolePage);
