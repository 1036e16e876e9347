import type { Branch, DsrRequest } from '../domain/request';
import { purgeSchedule } from '../domain/request-retention';
import * as z from '../domain/validation';
import { requestIdSchema } from '../domain/validation';
import { eq } from '../platform/data/expressions';
import { getRequest, getRequestWithBranches, transitionReturning, updateRequestIf } from '../platform/data/requests';
import { recordRequestClosed } from '../platform/metrics';
import { type Controller, findController } from '../platform/register';
import { seeCloseThrough } from './close';

/** Workflow state carries ids only; anything else in it is a bug. */
export const requestRef = z.object({ requestId: requestIdSchema });
export const branchRef = z.object({ requestId: requestIdSchema, processorId: z.string().check(z.minLength(1), z.maxLength(64)) });
export type RequestRef = z.infer<typeof requestRef>;
export type BranchRef = z.infer<typeof branchRef>;

/** Raised when workflow input points at something that is not there; retrying will not help. */
export class MissingRecord extends Error {
  override name = 'MissingRecord';
}

/** A request the workflow acts on, its controller and, when asked, its branches (one query). */
export async function loadRequest(
  requestId: string,
  opts: { withBranches?: boolean } = {},
): Promise<{ request: DsrRequest; controller: Controller; branches: Branch[] }> {
  const { request, branches } = opts.withBranches ? await getRequestWithBranches(requestId) : { request: await getRequest(requestId), branches: [] };
  if (!request) throw new MissingRecord(`request ${requestId} not found`);
  const controller = findController(request.controllerId);
  if (!controller) throw new MissingRecord(`controller of request ${requestId} not in the register`);
  return { request, controller, branches };
}

/** Finalize: the request is answered, on time or late, and leaves the open-requests index. */
export async function finalizeRequest({ requestId }: RequestRef, at = new Date()): Promise<RequestRef> {
  const { request, controller } = await loadRequest(requestId);
  const onTime = !request.dueAt || at.toISOString() <= request.dueAt;
  const completed = await transitionReturning(
    requestId,
    ['in_progress', 'received'],
    'completed',
    // Scheduled for the service's own retention in the same write: the package (its link was set by NotifySubject), then the personal data.
    { set: { completedAt: at.toISOString(), onTime, ...purgeSchedule(controller, at.toISOString(), request) } },
    at,
  );
  if (completed) recordRequestClosed(request.type, onTime ? 'completed_on_time' : 'completed_late');
  // A retry after a crash finds the request completed, and records what the first try did not.
  await seeCloseThrough(completed ?? request);
  // A refusal leaves the open index once its email has gone out (NotifySubject ran before this).
  if (request.status === 'denied' && request.openCtl) {
    await updateRequestIf(requestId, { remove: ['openCtl', 'openDue'] }, eq('status', 'denied'));
  }
  return { requestId };
}
