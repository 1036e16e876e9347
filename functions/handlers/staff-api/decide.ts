import middy from '@middy/core';
import { DecisionConflict, decisionSchema } from '../../domain/decision-rules';
import { readProcessorAnswer } from '../../domain/processor-answer';
import { fieldErrors, isRequestId } from '../../domain/validation';
import { configure } from '../../platform/config';
import { listAudit } from '../../platform/data/audit';
import { getRequestWithBranches, settleOwedOfRequest } from '../../platform/data/requests';
import { clientError, type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { findController } from '../../platform/register';
import { decide } from '../../staff/decisions';
import { claimsOf, mayAccess, requestDetail, requireRole } from '../../staff/staff';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL');

/**
 * POST /v1/staff/requests/{requestId}/decisions: an approver decides (approve, deny, extend, ask
 * for information, retry a branch, complete a task). Answers with the request as it now stands;
 * 409 when the decision does not fit the request any more (someone else decided first).
 */
async function decision(event: HttpEvent): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'decide');
  const requestId = event.pathParameters?.requestId ?? '';
  const notFound = () => json(404, { message: 'No request with this id', errors: { requestId: 'unknown' } });
  if (!isRequestId(requestId)) return notFound();
  const { request, branches } = await getRequestWithBranches(requestId);
  const controller = request && findController(request.controllerId);
  if (!request || !controller || !mayAccess(staff, request.controllerId)) return notFound();
  const parsed = decisionSchema.safeParse(event.body ?? {});
  if (!parsed.success) {
    throw clientError(400, 'The decision has invalid fields', fieldErrors(parsed.error, 'decision'));
  }
  if (parsed.data.decision === 'correct_answer') {
    const read = readProcessorAnswer(parsed.data, new Date());
    if ('errors' in read) throw clientError(400, 'The decision has invalid fields', read.errors);
  }
  // A decision whose event a crash kept off the trail (the staff member now trying again) is recorded first.
  await settleOwedOfRequest({ request, branches });
  try {
    await decide(request, branches, controller, parsed.data, staff.username);
  } catch (err) {
    if (err instanceof DecisionConflict) return json(409, { message: err.message });
    throw err;
  }
  const now = await getRequestWithBranches(requestId);
  return json(200, requestDetail(now.request!, now.branches, await listAudit(requestId), new Date()));
}

export const handler = middy().use(httpMiddleware()).handler(decision);
