import { sendReceipt } from '../answer/receipt';
import { requestDeadlines } from '../domain/deadlines';
import type { DsrRequest } from '../domain/request';
import { auditEvent } from '../platform/data/audit';
import { and, eq, gt } from '../platform/data/expressions';
import { getRequest, settleRequestOwed, transitionReturning } from '../platform/data/requests';
import { startExecution } from '../platform/executions';
import { findController } from '../platform/register';
import { hashToken, tokenMatches } from '../platform/tokens';

/** What a verification link leads to. */
export type LinkState =
  | { state: 'valid'; request: DsrRequest }
  | { state: 'used'; request: DsrRequest }
  /** The request is known (its page speaks its language and names its controller), but no longer by this link. */
  | { state: 'expired'; request: DsrRequest }
  | { state: 'invalid' };

/** Looks at a verification link without changing anything (GET must never confirm). */
export async function inspectLink(requestId: string, token: string, at = new Date()): Promise<LinkState> {
  const request = await getRequest(requestId);
  if (!request) return { state: 'invalid' };
  if (request.status === 'awaiting_verification' && tokenMatches(token, request.verifyTokenHash)) {
    return request.verifyExpiresAt > at.toISOString() ? { state: 'valid', request } : { state: 'expired', request };
  }
  if (request.status === 'closed_unverified' && tokenMatches(token, request.verifyTokenHash)) return { state: 'expired', request };
  if (tokenMatches(token, request.verifyTokenUsedHash)) return { state: 'used', request };
  return { state: 'invalid' };
}

/**
 * Confirms a request with its verification token: the request becomes `received`, its deadline
 * is set, the subject is sent the receipt and its one execution starts. A second confirmation (a
 * double click) finds the request confirmed and starts nothing new; a failed execution is the
 * sweep's to re-drive, and a receipt left unsent Route's to send.
 */
export async function confirmRequest(requestId: string, token: string, at = new Date()): Promise<LinkState> {
  const link = await inspectLink(requestId, token, at);
  if (link.state === 'used') {
    // Confirmed by an earlier click; if that click died before starting the workflow, start it now.
    if (link.request.status === 'received') await startExecution(requestId);
    return link;
  }
  if (link.state !== 'valid') return link;
  const controller = findController(link.request.controllerId);
  if (!controller) throw new Error(`controller ${link.request.controllerId} of request ${requestId} is not in the register`);
  // A request staff recorded counts from the day it reached them, not from the person's click.
  const receivedAt = link.request.entry?.receivedAt ?? at.toISOString();
  const { dueAt, targetAt } = requestDeadlines(new Date(receivedAt), controller);
  const hash = hashToken(token);
  const request = await transitionReturning(
    requestId,
    ['awaiting_verification'],
    'received',
    {
      set: { receivedAt, dueAt, ...(targetAt ? { targetAt } : {}), openDue: dueAt, verifyTokenUsedHash: hash },
      remove: ['verifyTokenHash'],
      condition: and(eq('verifyTokenHash', hash), gt('verifyExpiresAt', at.toISOString())),
      owe: [auditEvent('identity_verified', 'subject', { dueAt, ...(targetAt ? { targetAt } : {}) }, at)],
    },
    at,
  );
  if (!request) return confirmRequest(requestId, token, at); // raced with another click or the sweep: look again
  await settleRequestOwed(request);
  // Before the workflow starts, so the receipt comes before anything the workflow sends.
  await sendReceipt(request, controller, at);
  await startExecution(requestId);
  return { state: 'valid', request };
}
