import { urlEnv } from './env';
import type { Locale } from './request';

/** Where people reach the service; links in emails and pages are built from it. */
const BASE = urlEnv('PUBLIC_BASE_URL');

export const links = {
  form: (locale: Locale) => `${BASE}/${locale}`,
  verify: (requestId: string, token: string) => `${BASE}/v1/requests/${requestId}/verify?token=${encodeURIComponent(token)}`,
  status: (requestId: string, statusKey: string) => `${BASE}/v1/requests/${requestId}/status?key=${encodeURIComponent(statusKey)}`,
  download: (requestId: string, token: string) => `${BASE}/v1/requests/${requestId}/package?token=${encodeURIComponent(token)}`,
  /** The staff console opened at one request (staff sign in first; the link carries no secret). */
  console: (requestId: string) => `${BASE}/console?request=${encodeURIComponent(requestId)}`,
  /** A vendor's or staff member's one-time link to answer for one processor. */
  task: (requestId: string, processorId: string, token: string) => `${BASE}/v1/tasks/${requestId}/${processorId}?token=${encodeURIComponent(token)}`,
};
