import middy from '@middy/core';
import { draftDecisionSchema } from '../../domain/inbound-email';
import { InvalidSubmission } from '../../domain/submission';
import { fieldErrors, isRequestId } from '../../domain/validation';
import { configure } from '../../platform/config';
import { clientError, type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { logger } from '../../platform/log';
import { DraftConflict, decideDraft, findDraft, listDrafts, viewDraft } from '../../staff/inbound-drafts';
import { claimsOf, requireRole } from '../../staff/staff';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'VERIFY_TTL_DAYS');

/** The 404 for an unknown draft and for one the caller may not see: the same, so ids cannot be probed. */
const notFound = () => json(404, { message: 'No message with this id waits for triage', errors: { draftId: 'unknown' } });

/**
 * Requests by email that wait for staff to name their right:
 * `GET /v1/staff/inbound` (the list, no personal data), `GET /v1/staff/inbound/{draftId}` (the
 * message; the reading is audited), `POST /v1/staff/inbound/{draftId}` (an approver accepts it
 * as a right, or discards it).
 */
async function inbound(event: HttpEvent): Promise<HttpResult> {
  const method = event.requestContext.http.method;
  const draftId = event.pathParameters?.draftId;
  if (draftId === undefined) {
    const staff = requireRole(claimsOf(event), 'read');
    return json(200, { drafts: await listDrafts(staff) });
  }
  const staff = requireRole(claimsOf(event), method === 'POST' ? 'decide' : 'read');
  // Draft ids are UUIDs, as request ids are.
  if (!isRequestId(draftId)) return notFound();
  const draft = await findDraft(staff, draftId);
  if (!draft) return notFound();
  if (method !== 'POST') return json(200, await viewDraft(staff, draft));
  const parsed = draftDecisionSchema.safeParse(event.body ?? {});
  if (!parsed.success) throw clientError(400, 'The decision has invalid fields', fieldErrors(parsed.error, 'action'));
  try {
    const done = await decideDraft(staff, draft, parsed.data);
    logger.info('inbound draft triaged', { draftId, action: parsed.data.action, ...(done.requestId ? { requestId: done.requestId } : {}) });
    return json(200, { status: parsed.data.action === 'accept' ? 'accepted' : 'discarded', ...done });
  } catch (err) {
    if (err instanceof DraftConflict) return json(409, { message: err.message });
    if (err instanceof InvalidSubmission) return json(400, { message: 'The request has invalid fields', errors: err.errors });
    throw err;
  }
}

export const handler = middy().use(httpMiddleware()).handler(inbound);
