import * as z from 'zod';
import { type Branch, type DsrRequest, FINAL_STATUSES } from '../domain/request';
import { purgeSchedule } from '../domain/request-retention';
import { actionFor, modeOf } from '../domain/rights';
import { requestIdSchema } from '../domain/validation';
import { audit } from '../platform/data/audit';
import { ensureBranch, updateBranch } from '../platform/data/branches';
import { eq } from '../platform/data/expressions';
import { getRequest, getRequestWithBranches, setOnce, transition, updateRequestIf } from '../platform/data/requests';
import { recordRequestClosed } from '../platform/metrics';
import { type Controller, findController } from '../platform/register';

/** Workflow state carries ids only; anything else in it is a bug. */
export const requestRef = z.object({ requestId: requestIdSchema });
export const branchRef = z.object({ requestId: requestIdSchema, processorId: z.string().min(1).max(64) });
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

/** A Map item: which branch, whether it answers at once or later, how long it may wait, and how long between heartbeats. */
export interface PlannedBranch extends BranchRef {
  mode: 'sync' | 'async';
  timeoutSeconds: number;
  heartbeatSeconds: number;
}

/** The sweep heartbeats every 15 minutes; two days without one means it is not running. */
const MAX_HEARTBEAT_SECONDS = 2 * 86_400;

/** A waiting branch gives up this long before the deadline, so staff can still act on time. */
const WAIT_MARGIN_MS = 3 * 86_400_000;
/** However close the deadline, a waiting branch gets at least this long (seconds). */
const MIN_WAIT_SECONDS = 3_600;

/**
 * Plan: the request is in progress, with one branch per processor the right concerns (see
 * `actionFor`). Returns the branches still to run: a branch already completed or failed is not run
 * again (staff retry a failed one by resetting it to pending first).
 */
export async function planRequest({ requestId }: RequestRef, now = new Date()): Promise<RequestRef & { branches: PlannedBranch[] }> {
  const { request, controller, branches: existing } = await loadRequest(requestId, { withBranches: true });
  if (FINAL_STATUSES.includes(request.status) || request.status === 'in_review') return { requestId, branches: [] };
  if (await transition(requestId, ['received'], 'in_progress')) await audit(requestId, 'processing_started', 'workflow');
  const final = new Set(existing.filter((b) => b.status === 'completed' || b.status === 'failed').map((b) => b.processorId));
  const dueMs = Date.parse(request.dueAt ?? now.toISOString());
  const timeoutSeconds = Math.max(MIN_WAIT_SECONDS, Math.floor((dueMs - WAIT_MARGIN_MS - now.getTime()) / 1000));
  const heartbeatSeconds = Math.min(MAX_HEARTBEAT_SECONDS, Math.floor(timeoutSeconds / 2));
  const branches: PlannedBranch[] = [];
  for (const p of controller.processors) {
    const planned = actionFor(p, request, controller);
    if (!planned) continue;
    await ensureBranch(requestId, p.id, p.kind, planned.action, { staffTask: planned.staffTask, controllerId: request.controllerId });
    if (final.has(p.id)) continue;
    const mode = modeOf(p, planned);
    if (mode === 'async') await updateBranch(requestId, p.id, { waitUntil: new Date(now.getTime() + timeoutSeconds * 1000).toISOString() });
    branches.push({ requestId, processorId: p.id, mode, timeoutSeconds, heartbeatSeconds });
  }
  if (await setOnce(requestId, 'plannedAt', { plannedAt: now.toISOString() })) {
    await audit(requestId, 'branches_planned', 'workflow', { branches: branches.length }, now);
  }
  return { requestId, branches };
}

/** Finalize: the request is answered, on time or late, and leaves the open-requests index. */
export async function finalizeRequest({ requestId }: RequestRef, at = new Date()): Promise<RequestRef> {
  const { request, controller } = await loadRequest(requestId);
  const onTime = !request.dueAt || at.toISOString() <= request.dueAt;
  if (
    await transition(
      requestId,
      ['in_progress', 'received'],
      'completed',
      {
        // Scheduled for the service's own retention in the same write: the package (its link was set by NotifySubject), then the personal data.
        set: { completedAt: at.toISOString(), onTime, ...purgeSchedule(controller, at.toISOString(), request) },
        remove: ['openCtl', 'openDue'],
      },
      at,
    )
  ) {
    await audit(requestId, 'request_completed', 'workflow', { onTime }, at);
    recordRequestClosed(request.type, onTime ? 'completed_on_time' : 'completed_late');
  }
  // A refusal leaves the open index once its email has gone out (NotifySubject ran before this).
  if (request.status === 'denied' && request.openCtl) {
    await updateRequestIf(requestId, { remove: ['openCtl', 'openDue'] }, eq('status', 'denied'));
  }
  return { requestId };
}
