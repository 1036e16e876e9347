import { type Branch, WITHDRAWN } from '../domain/request';
import { MODES } from '../domain/rights';
import { audit, listAudit } from '../platform/data/audit';
import type { Processor } from '../platform/register';

/** What a branch's end says in the audit trail. */
export interface OutcomeEvent {
  event: 'branch_completed' | 'branch_failed';
  detail: Record<string, string | number | boolean>;
}

/** A store's branch (run at once) completed: what was done, and to how many records. */
export const storeCompletedDetail = (branch: Branch) => ({
  processorId: branch.processorId,
  action: branch.action,
  recordCount: branch.recordCount ?? 0,
  ...(branch.maskedCount !== undefined ? { maskedCount: branch.maskedCount } : {}),
  ...(branch.heldCount !== undefined ? { heldCount: branch.heldCount } : {}),
  // Identity names only (`phone`): the store was not searched, for want of them.
  ...(branch.notLookedUp?.length ? { notLookedUp: branch.notLookedUp.join(',') } : {}),
});

/**
 * The audit event of a branch's end, as the step that recorded it writes it (the same from every
 * path, so a repair finds it): a store's completion says what it did; an answer says how many
 * records; a failure its error class.
 */
export function outcomeEvent(branch: Branch): OutcomeEvent {
  if (branch.status !== 'completed') {
    return { event: 'branch_failed', detail: { processorId: branch.processorId, ...(branch.errorClass ? { errorClass: branch.errorClass } : {}) } };
  }
  if (!branch.staffTask && MODES[branch.kind as Processor['kind']] === 'sync') return { event: 'branch_completed', detail: storeCompletedDetail(branch) };
  return {
    event: 'branch_completed',
    detail: {
      processorId: branch.processorId,
      ...(branch.recordCount !== undefined ? { recordCount: branch.recordCount } : {}),
      // The outcome only: what was kept and why is the processor's free text, not for the trail.
      ...(branch.answer ? { answer: branch.answer.outcome } : {}),
    },
  };
}

/**
 * Every ended branch's outcome is in the audit trail before the request goes on. The step that
 * recorded an end writes its event next, and may be stopped between the two (a crash, its
 * timeout); its retry writes the event, but there may be none: it was the step's last attempt
 * (the Catch finds the branch ended), or a re-drive's Plan skips ended branches. Route calls this
 * once every branch has ended: one read of the trail, and each missing event written at the
 * branch's `finishedAt`, as the step would have. A withdrawal's end has no event, by design, and a
 * failed branch staff completed by hand has their decision's. Written once: a processor's late
 * answer can turn a failed branch completed while Route runs, and record the same event.
 */
export async function auditMissingOutcomes(requestId: string, branches: Branch[]): Promise<number> {
  const ended = branches.filter((b) => b.finishedAt && (b.status === 'completed' || (b.status === 'failed' && b.errorClass !== WITHDRAWN)));
  if (ended.length === 0) return 0;
  const trail = await listAudit(requestId);
  const recorded = new Set(trail.map((e) => `${e.event} ${(e.detail as { processorId?: string } | undefined)?.processorId} ${e.at}`));
  let head = trail.at(-1) ?? null;
  let written = 0;
  for (const branch of ended) {
    const { event, detail } = outcomeEvent(branch);
    // Staff who completed a failed branch by hand recorded their decision instead, at the same time.
    if ([event, 'decision_task_completed'].some((e) => recorded.has(`${e} ${branch.processorId} ${branch.finishedAt}`))) continue;
    // The read above looked up to `head`; a writer that got there first is looked at again.
    const appended = await audit(requestId, event, 'workflow', detail, new Date(branch.finishedAt!), { once: true, head });
    if (!appended) continue;
    head = appended;
    written++;
  }
  return written;
}
