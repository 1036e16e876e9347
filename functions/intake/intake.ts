import { randomUUID } from 'node:crypto';
import { verificationEmail } from '../../web/emails/verification';
import { inLocale } from '../domain/register-schema';
import type { Channel, DsrRequest, RequestDetails } from '../domain/request';
import type { Submission } from '../domain/submission';
import { setting } from '../platform/config';
import { audit } from '../platform/data/audit';
import { createRequest, getRequest } from '../platform/data/requests';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import type { Controller } from '../platform/register';
import { hashToken, newToken, tokenMatches } from '../platform/tokens';

/** How long the page after the form shows the address typed: long enough for a reload, short on a shared computer. */
export const SENT_PAGE_TTL_MS = 60 * 60_000;

/** A request just accepted, and the key of the page that shows where its link went (see {@link sentPage}). */
export interface Accepted {
  request: DsrRequest;
  sentPageKey: string;
}

/**
 * Accepts a request: stores it awaiting verification and emails the one link that proves the
 * address. Nothing is looked up about the subject before that proof, so the answer is the same
 * whether or not the organisation holds data on the address.
 */
export async function acceptRequest(
  submission: Submission,
  controller: Controller,
  at = new Date(),
  details: RequestDetails = {},
  opts: { channel?: Channel } = {},
): Promise<Accepted> {
  const token = newToken();
  const sentPageKey = newToken();
  const verifyExpiresAt = new Date(at.getTime() + setting('VERIFY_TTL_DAYS') * 86_400_000).toISOString();
  const locale = controller.locales.includes(submission.locale) ? submission.locale : controller.locales[0]!;
  const request: DsrRequest = {
    requestId: randomUUID(),
    controllerId: controller.id,
    type: submission.type,
    locale,
    ...(opts.channel && opts.channel !== 'form' ? { channel: opts.channel } : {}),
    email: submission.email,
    ...(submission.name ? { name: submission.name } : {}),
    ...(Object.keys(details).length ? { details } : {}),
    status: 'awaiting_verification',
    version: 1,
    createdAt: at.toISOString(),
    verifyTokenHash: hashToken(token),
    verifyExpiresAt,
    statusKey: newToken(),
    sentPageKeyHash: hashToken(sentPageKey),
    sentPageUntil: new Date(Math.min(at.getTime() + SENT_PAGE_TTL_MS, Date.parse(verifyExpiresAt))).toISOString(),
    history: [{ status: 'awaiting_verification', at: at.toISOString() }],
    openCtl: controller.id,
    openDue: verifyExpiresAt,
  };
  await createRequest(request);
  // The trail starts here, so its head is known (no reads); the email does not wait for it.
  const [submitted] = await Promise.all([
    audit(request.requestId, 'request_submitted', 'subject', { type: request.type, locale, ...(request.channel ? { channel: request.channel } : {}) }, at, {
      head: null,
    }),
    sendEmail(
      request.email,
      verificationEmail({
        locale,
        controllerName: inLocale(controller.name, locale, controller).text,
        type: request.type,
        requestReference: request.requestId,
        verifyUrl: links.verify(request.requestId, token),
        expiresAt: verifyExpiresAt,
        ...(request.channel === 'email' ? { receivedByEmail: true } : {}),
      }),
    ),
  ]);
  await audit(request.requestId, 'verification_sent', 'system', undefined, at, { head: submitted ?? null });
  return { request, sentPageKey };
}

/**
 * What the page after the form may show, for its key: `address` while the link is fresh and the
 * request still waits for confirmation (the address typed, so a typo can be seen), `plain` after
 * that (the page without the address), `wrong` for a wrong key or id.
 */
export type SentPage = { show: 'address'; request: DsrRequest } | { show: 'plain'; request: DsrRequest } | { show: 'wrong' };

/** Looks the page after the form up by its request and key; changes nothing. */
export async function sentPage(requestId: string, key: string, at = new Date()): Promise<SentPage> {
  const request = await getRequest(requestId);
  if (!request || !tokenMatches(key, request.sentPageKeyHash)) return { show: 'wrong' };
  const fresh = request.status === 'awaiting_verification' && !!request.email && (request.sentPageUntil ?? '') > at.toISOString();
  return { show: fresh ? 'address' : 'plain', request };
}
