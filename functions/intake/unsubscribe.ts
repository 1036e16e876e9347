import { createHmac } from 'node:crypto';
import { requestDeadlines } from '../domain/deadlines';
import type { DsrRequest } from '../domain/request';
import * as z from '../domain/validation';
import { isConditionFailure } from '../platform/aws/dynamodb';
import { setting } from '../platform/config';
import { audit } from '../platform/data/audit';
import { createRequest } from '../platform/data/requests';
import { startExecution } from '../platform/executions';
import { type ConsentPurpose, type Controller, findController } from '../platform/register';
import { constantTimeEqual, newToken } from '../platform/tokens';

/*
 * One-click unsubscribe (RFC 8058), the simplest withdrawal of consent (Art. 7(3): as easy as
 * giving it). The controller's own emails carry a link signed for one address and one consent
 * purpose; a POST to it is a withdraw_consent request that needs no further proof: the signature
 * shows the controller sent that address the link. The key is shared with the controller's mailer
 * (it signs the links), never with anyone else.
 */

const normalise = (email: string) => email.trim().toLowerCase();
const mac = (...parts: string[]) => createHmac('sha256', setting('UNSUBSCRIBE_KEY_SECRET')).update(parts.join('\n'), 'utf8').digest('base64url');

/** The signature of an unsubscribe link for one address and one purpose. */
export function unsubscribeSignature(controllerId: string, purposeId: string, email: string): string {
  return mac('unsubscribe', controllerId, purposeId, normalise(email));
}

/** The path and query of an unsubscribe link (the controller's mailer puts it in List-Unsubscribe). */
export function unsubscribePath(controllerId: string, purposeId: string, email: string): string {
  const address = Buffer.from(normalise(email), 'utf8').toString('base64url');
  return `/v1/unsubscribe/${encodeURIComponent(controllerId)}/${encodeURIComponent(purposeId)}?address=${address}&sig=${unsubscribeSignature(controllerId, purposeId, email)}`;
}

/** A checked unsubscribe link: whose, and which purpose. Personal data: never logged. */
export interface UnsubscribeLink {
  controller: Controller;
  purpose: ConsentPurpose;
  email: string;
}

const email = z.email().check(z.maxLength(254));

/** Reads an unsubscribe link; undefined for anything not signed for exactly this address and purpose. */
export function readUnsubscribeLink(controllerId: string, purposeId: string, address: unknown, sig: unknown): UnsubscribeLink | undefined {
  const controller = findController(controllerId);
  const purpose = controller?.consentPurposes.find((p) => p.id === purposeId);
  if (!controller || !purpose || typeof address !== 'string' || typeof sig !== 'string' || address.length > 400) return undefined;
  const decoded = email.safeParse(Buffer.from(address, 'base64url').toString('utf8'));
  if (!decoded.success) return undefined;
  return constantTimeEqual(sig, unsubscribeSignature(controller.id, purpose.id, decoded.data)) ? { controller, purpose, email: decoded.data } : undefined;
}

/** A request id fixed by the link and the day, so a mail client that POSTs twice makes one request. */
function requestIdFor(link: UnsubscribeLink, day: string): string {
  const h = Buffer.from(mac('request', link.controller.id, link.purpose.id, normalise(link.email), day), 'base64url').toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Withdraws consent to the link's purpose: a `withdraw_consent` request, received at once (the
 * signed link, or the controller's mailing tool reporting it, is the proof), and its workflow started. Returns the request id and whether this
 * call created it (false for a repeat the same day).
 */
export async function unsubscribe(
  link: UnsubscribeLink,
  at = new Date(),
  /** The mailing tool whose webhook reported it, when it was not our own link. */
  via: { mailingTool?: string } = {},
): Promise<{ requestId: string; created: boolean }> {
  const { controller } = link;
  const now = at.toISOString();
  const requestId = requestIdFor(link, now.slice(0, 10));
  const { dueAt, targetAt } = requestDeadlines(at, controller);
  const request: DsrRequest = {
    requestId,
    controllerId: controller.id,
    type: 'withdraw_consent',
    locale: controller.locales[0]!,
    email: normalise(link.email),
    details: { consentPurposes: [link.purpose.id] },
    status: 'received',
    version: 1,
    createdAt: now,
    verifyExpiresAt: now,
    statusKey: newToken(),
    history: [{ status: 'received', at: now }],
    receivedAt: now,
    dueAt,
    ...(targetAt ? { targetAt } : {}),
    openCtl: controller.id,
    openDue: dueAt,
  };
  let created = true;
  try {
    await createRequest(request);
  } catch (err) {
    if (!isConditionFailure(err)) throw err;
    created = false;
  }
  if (created) {
    const source: Record<string, string | boolean> = via.mailingTool ? { mailingTool: via.mailingTool } : { oneClick: true };
    await audit(requestId, 'request_submitted', 'subject', { type: request.type, ...source }, at);
    // A mailing tool's report is as good as our link: the key in its webhook's URL shows it is the controller's tool.
    await audit(requestId, 'identity_verified', 'subject', { dueAt, by: via.mailingTool ? 'mailing_tool_webhook' : 'signed_unsubscribe_link' }, at);
  }
  // Also after a repeat: a first call that died before starting the workflow is repaired here (and by the sweep).
  await startExecution(requestId);
  return { requestId, created };
}
