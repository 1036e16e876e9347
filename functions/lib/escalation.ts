import { escalationEmail } from '../../web/emails';
import { logger } from './log';
import { links } from './links';
import { sendEmail } from './mailer';
import type { Controller, Processor } from './register';
import type { Branch, DsrRequest } from './request';
import { audit, releaseBranchClaim, updateBranch } from './store';

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

/**
 * Tells the controller's DPO that a branch needs a person: no answer in time, failed, or timed out.
 * Once per branch (claimed with a conditional write before the email goes). The email names the
 * request and processor only, never the subject.
 */
export async function escalate(request: DsrRequest, controller: Controller, processor: Processor, branch: Branch, reason: EscalationReason, now = new Date()): Promise<boolean> {
  const claimed = await updateBranch(request.requestId, branch.processorId, { escalatedAt: now.toISOString() }, { onlyIfAbsent: 'escalatedAt', evenIfFinal: true });
  if (!claimed) return false;
  const email = escalationEmail({
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
    await sendEmail(controller.dpoEmail, email);
  } catch (err) {
    // Not sent (e.g. SES down for a while): the claim goes, so the step's retry or the sweep escalates again.
    await releaseBranchClaim(request.requestId, branch.processorId, 'escalatedAt', now.toISOString()).catch(() => undefined);
    throw err;
  }
  await audit(request.requestId, 'branch_escalated', 'system', { processorId: branch.processorId, reason }, now);
  logger.info('branch escalated', { requestId: request.requestId, processorId: branch.processorId, reason });
  return true;
}
