import { randomUUID } from 'node:crypto';
import { verificationEmail } from '../../web/emails/verification';
import { inLocale } from '../domain/register-schema';
import type { DsrRequest, IntakeChannel, RequestAttachment, RequestEntry } from '../domain/request';
import type { ValidSubmission } from '../domain/submission';
import { setting } from '../platform/config';
import { audit, auditEvent, owedEntry } from '../platform/data/audit';
import { createRequest, getRequest } from '../platform/data/requests';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import { hashToken, newToken, tokenMatches } from '../platform/tokens';

/** How long the page after the form shows the address typed: long enough for a reload, short on a shared computer. */
export const SENT_PAGE_TTL_MS = 60 * 60_000;

/** A request just accepted, and the key of the page that shows where its link went (see {@link sentPage}). */
export interface Accepted {
  request: DsrRequest;
  sentPageKey: string;
}

/** A request staff recorded (functions/intake/staff-entry.ts): its entry and the files already stored. */
export interface Recorded {
  requestId: string;
  entry: RequestEntry;
  attachments: RequestAttachment[];
}

/** How a request came to be accepted, beyond what was asked. */
export interface AcceptOptions {
  at?: Date;
  /** Staff recorded it (its entry, and the files already stored): the trail starts with staff's recording. */
  recorded?: Recorded;
  channel?: IntakeChannel;
  /** The id, when files that came with it (a representative's mandate) were stored under it first: `attachments`. */
  requestId?: string;
  attachments?: RequestAttachment[];
}

/**
 * Accepts a request: stores it awaiting verification and emails the one link that proves the
 * address. Nothing is looked up about the subject before that proof, so the answer is the same
 * whether or not the organisation holds data on the address. A request staff recorded comes with
 * its entry: the trail then starts with staff's recording rather than the subject's submission.
 */
export async function acceptRequest(valid: ValidSubmission, opts: AcceptOptions = {}): Promise<Accepted> {
  const { submission, controller, details, identifiers, onBehalfOf } = valid;
  const { at = new Date(), recorded } = opts;
  const requestId = recorded?.requestId ?? opts.requestId ?? randomUUID();
  const attachments = recorded?.attachments ?? opts.attachments ?? [];
  const token = newToken();
  const sentPageKey = newToken();
  const verifyExpiresAt = new Date(at.getTime() + setting('VERIFY_TTL_DAYS') * 86_400_000).toISOString();
  const locale = controller.locales.includes(submission.locale) ? submission.locale : controller.locales[0]!;
  const request: DsrRequest = {
    requestId,
    controllerId: controller.id,
    type: submission.type,
    locale,
    ...(opts.channel && opts.channel !== 'form' ? { channel: opts.channel } : {}),
    email: submission.email,
    ...(submission.name ? { name: submission.name } : {}),
    ...(Object.keys(identifiers).length ? { identifiers } : {}),
    ...(Object.keys(details).length ? { details } : {}),
    ...(onBehalfOf ? { onBehalfOf } : {}),
    ...(recorded ? { entry: recorded.entry } : {}),
    ...(attachments.length ? { attachments } : {}),
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
  const first = recorded
    ? auditEvent('request_entered', 'staff', entryAuditDetail(request, recorded), at)
    : auditEvent('request_submitted', 'subject', submittedAuditDetail(request), at);
  // Owed with the request itself; the confirmation (or the close of an unconfirmed one) takes it off.
  await createRequest({ ...request, auditOwed: new Set([owedEntry(first)]) });
  // The trail starts here, so its head is known (no reads); the email does not wait for it.
  const [submitted] = await Promise.all([
    audit(request.requestId, first.event, first.actor, first.detail, at, { head: null, once: true }),
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
        ...(request.onBehalfOf ? { forSomeone: request.onBehalfOf.name } : {}),
      }),
      { kind: 'verification', controllerId: controller.id, requestId: request.requestId },
    ),
  ]);
  await audit(request.requestId, 'verification_sent', 'system', undefined, at, { head: submitted ?? null });
  return { request, sentPageKey };
}

/** What the trail says of a submitted request: the right, language, channel, and whether someone asks for another (how, and with how many files); nothing of the person. */
function submittedAuditDetail(request: DsrRequest): Record<string, string | number> {
  return {
    type: request.type,
    locale: request.locale,
    ...(request.channel ? { channel: request.channel } : {}),
    ...(request.onBehalfOf ? { onBehalfOf: request.onBehalfOf.representation, attachments: request.attachments?.length ?? 0 } : {}),
  };
}

/** What the trail says of a recorded request: who recorded it, the channel, the day, how identity is established, how many files; nothing of the person. */
export function entryAuditDetail(
  request: Pick<DsrRequest, 'type' | 'locale' | 'onBehalfOf'>,
  recorded: Pick<Recorded, 'entry' | 'attachments'>,
): Record<string, string | number> {
  const { entry, attachments } = recorded;
  return {
    type: request.type,
    ...(request.onBehalfOf ? { onBehalfOf: request.onBehalfOf.representation } : {}),
    locale: request.locale,
    by: entry.by,
    channel: entry.channel,
    receivedAt: entry.receivedAt,
    identity: entry.identity.method,
    attachments: attachments.length,
  };
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
