import { asRepeat, escalationEmail } from '../../web/emails';
import { logger } from './log';
import { links } from './links';
import { sendEmail } from './mailer';
import type { Controller, Processor } from './register';
import type { Branch, DsrRequest } from './request';
import { audit, claimEscalation, EMAIL_CLAIM_MS, releaseBranchClaim, updateBranch } from './store';

const DAY_MS = 86_400_000;
/** Staff hear of a processor that has not answered at the latest this long before the deadline. */
const ESCALATE_BEFORE_DEADLINE_MS = 5 * DAY_MS;

export type EscalationReason = 'no_answer' | 'failed' | 'timed_out';

/** When a waiting branch goes to staff: the vendor's own cut-off, and always before the deadline. */
export function escalationDueAt(processor: Processor, branch: Branch, request: DsrRequest): Date | undefined {
  if (!request.dueAt) return undefined;
  const beforeDeadline = Date.parse(request.dueAt) - ESCALATE_BEFORE_DEADLINE_MS;
  const vendorCutoff = processor.kind === 'email' && branch.submittedAt
    ? Date.parse(branch.submittedAt) + processor.escalateAfterDays * DAY_MS
    : Infinity;
  return new Date(Math.min(beforeDeadline, vendorCutoff));
}

/** An escalation that began, never finished, and whose claim has run out: a crash cut it short. */
export function escalationCutShort(branch: Branch, now: Date): boolean {
  return Boolean(!branch.escalatedAt && branch.escalationStartedAt && Date.parse(branch.escalationStartedAt) < now.getTime() - EMAIL_CLAIM_MS);
}

/**
 * Tells the controller's DPO that a branch needs a person: no answer in time, failed, or timed out.
 * Once per branch: claimed (`escalationStartedAt`) before the email goes, recorded (`escalatedAt`)
 * after. A failed email gives the claim back; a claim a crash left behind runs out after
 * {@link EMAIL_CLAIM_MS}, and the sweep escalates again, saying it may be a second copy (the
 * email cannot be deduplicated: at least once, never none). The email names the request and
 * processor only, never the subject. `branch` is as read before: its claim tells a repeat.
 */
export async function escalate(request: DsrRequest, controller: Controller, processor: Processor, branch: Branch, reason: EscalationReason, now = new Date()): Promise<boolean> {
  const startedAt = now.toISOString();
  const staleBefore = new Date(now.getTime() - EMAIL_CLAIM_MS).toISOString();
  if (!(await claimEscalation(request.requestId, branch.processorId, reason, startedAt, staleBefore))) return false;
  const repeat = Boolean(branch.escalationStartedAt);
  const first = escalationEmail({
    locale: controller.locales[0]!,
    controllerName: controller.name,
    processorName: processor.name,
    kind: processor.kind,
    requestReference: request.requestId,
    reason,
    dueAt: request.dueAt ?? now.toISOString(),
    consoleUrl: links.console(request.requestId),
  });
  try {
    await sendEmail(controller.dpoEmail, repeat ? asRepeat(first, controller.locales[0]!) : first);
  } catch (err) {
    // Not sent (e.g. SES down for a while): the claim goes, so the step's retry or the sweep escalates again.
    await releaseBranchClaim(request.requestId, branch.processorId, 'escalationStartedAt', startedAt).catch(() => undefined);
    throw err;
  }
  await updateBranch(request.requestId, branch.processorId, { escalatedAt: startedAt }, { onlyIfAbsent: 'escalatedAt', evenIfFinal: true });
  await audit(request.requestId, 'branch_escalated', 'system', { processorId: branch.processorId, reason }, now);
  logger.info('branch escalated', { requestId: request.requestId, processorId: branch.processorId, reason });
  return true;
}
