import type { Locale } from '../domain/request';
import { setting } from './config';

/** Where people reach the service; links in emails and pages are built from it. */
const base = () => setting('PUBLIC_BASE_URL');

export const links = {
  form: (locale: Locale) => `${base()}/${locale}`,
  verify: (requestId: string, token: string) => `${base()}/v1/requests/${requestId}/verify?token=${encodeURIComponent(token)}`,
  status: (requestId: string, statusKey: string) => `${base()}/v1/requests/${requestId}/status?key=${encodeURIComponent(statusKey)}`,
  download: (requestId: string, token: string) => `${base()}/v1/requests/${requestId}/package?token=${encodeURIComponent(token)}`,
  /** The access package's index in a browser, with the same token as the download. */
  packageView: (requestId: string, token: string) => `${base()}/v1/requests/${requestId}/package/view?token=${encodeURIComponent(token)}`,
  /** The staff console opened at one request (staff sign in first; the link carries no secret). */
  console: (requestId: string) => `${base()}/console?request=${encodeURIComponent(requestId)}`,
  /** The staff console's start page. */
  consoleHome: () => `${base()}/console`,
  /** A vendor's or staff member's one-time link to answer for one processor. */
  task: (requestId: string, processorId: string, token: string) => `${base()}/v1/tasks/${requestId}/${processorId}?token=${encodeURIComponent(token)}`,
};

/** Paths that pages post to: relative, so a form posts to the origin that served it (CSP form-action 'self'). */
export const paths = {
  /** One controller's form, in one of its languages. */
  form: (controllerId: string, locale: Locale) => `/c/${encodeURIComponent(controllerId)}/${locale}`,
  /** The status page, e.g. where a withdrawal sends the browser on (303) once it is recorded. */
  status: (requestId: string, statusKey: string) => `/v1/requests/${encodeURIComponent(requestId)}/status?key=${encodeURIComponent(statusKey)}`,
  /** GET: the page asking to confirm a withdrawal; POST (key and `confirm=yes`): the withdrawal. */
  cancel: (requestId: string) => `/v1/requests/${encodeURIComponent(requestId)}/cancel`,
  /** The page after the form (check your email), which a reload shows again without posting; its key is good for a short while. */
  sent: (requestId: string, key: string) => `/v1/requests/${encodeURIComponent(requestId)}/sent?key=${encodeURIComponent(key)}`,
  /** Where the subject answers staff's question (Art. 12(6)), with the status key. */
  reply: (requestId: string) => `/v1/requests/${encodeURIComponent(requestId)}/reply`,
};
