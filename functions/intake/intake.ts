import { randomUUID } from 'node:crypto';
import { verificationEmail } from '../../web/emails/verification';
import type { DsrRequest, RequestDetails } from '../domain/request';
import type { Submission } from '../domain/submission';
import { setting } from '../platform/config';
import { audit } from '../platform/data/audit';
import { createRequest } from '../platform/data/requests';
import { links } from '../platform/links';
import { sendEmail } from '../platform/mailer';
import type { Controller } from '../platform/register';
import { hashToken, newToken } from '../platform/tokens';

/**
 * Accepts a request: stores it awaiting verification and emails the one link that proves the
 * address. Nothing is looked up about the subject before that proof, so the answer is the same
 * whether or not the organisation holds data on the address.
 */
export async function acceptRequest(submission: Submission, controller: Controller, at = new Date(), details: RequestDetails = {}): Promise<DsrRequest> {
  const token = newToken();
  const verifyExpiresAt = new Date(at.getTime() + setting('VERIFY_TTL_DAYS') * 86_400_000).toISOString();
  const locale = controller.locales.includes(submission.locale) ? submission.locale : controller.locales[0]!;
  const request: DsrRequest = {
    requestId: randomUUID(),
    controllerId: controller.id,
    type: submission.type,
    locale,
    email: submission.email,
    ...(submission.name ? { name: submission.name } : {}),
    ...(Object.keys(details).length ? { details } : {}),
    status: 'awaiting_verification',
    version: 1,
    createdAt: at.toISOString(),
    verifyTokenHash: hashToken(token),
    verifyExpiresAt,
    statusKey: newToken(),
    history: [{ status: 'awaiting_verification', at: at.toISOString() }],
    openCtl: controller.id,
    openDue: verifyExpiresAt,
  };
  await createRequest(request);
  // The trail starts here, so its head is known (no reads); the email does not wait for it.
  const [submitted] = await Promise.all([
    audit(request.requestId, 'request_submitted', 'subject', { type: request.type, locale }, at, { head: null }),
    sendEmail(
      request.email,
      verificationEmail({
        locale,
        controllerName: controller.name,
        type: request.type,
        requestReference: request.requestId,
        verifyUrl: links.verify(request.requestId, token),
        expiresAt: verifyExpiresAt,
      }),
    ),
  ]);
  await audit(request.requestId, 'verification_sent', 'system', undefined, at, { head: submitted ?? null });
  return request;
}
