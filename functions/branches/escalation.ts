import { asRepeat } from '../../web/emails/email';
import { escalationEmail } from '../../web/emails/escalation';
import { inLocale } from '../domain/register-schema';
import { type Branch, type DsrRequest, WAIT_EXPIRED, WITHDRAWN } from '../domain/request';
import { auditOnce } from '../platform/data/audit';
import { links } from '../platform/links';
import { logger } from '../platform/log';
import { sendEmail } from '../platform/mailer';
import { branchOwner, CLAIM_TIMEOUT_MS, cutShort, type OutboxMessage, sendOnce } from '../platform/outbox';
import { type Controller, findProcessor, type Processor } from '../platform/register';

const DAY_MS = 86_400_000;
/** Staff hear of a processor that has not answered at the latest this long before the deadline. */
const ESCALATE_BEFORE_DEADLINE_MS = 5 * DAY_MS;

/** Why a branch goes to the DPO: no answer in time, failed, its wait ran out, or the email asking for it bounced. */
export type EscalationReason = 'no_answer' | 'failed' | 'timed_out' | 'undeliverable';

/** Step Functions' names for a wait that ran out, and ours for one that reached Plan's end (`waitUntil`). */
const TIMEOUTS = new Set(['States.Timeout', 'States.HeartbeatTimeout', WAIT_EXPIRED]);

/** Why a failed branch goes to the DPO, from its error class: its wait ran out, or it failed. */
export const failureReason = (errorClass: string | undefined): EscalationReason => (errorClass && TIMEOUTS.has(errorClass) ? 'timed_out' : 'failed');

/** When a waiting branch goes to staff: the vendor's own cut-off, and always before the deadline. */
export function escalationDueAt(processor: Processor, branch: Branch, request: DsrRequest): Date | undefined {
  if (!request.dueAt) return undefined;
  const beforeDeadline = Date.parse(request.dueAt) - ESCALATE_BEFORE_DEADLINE_MS;
  const vendorCutoff = processor.kind === 'email' && branch.submittedAt ? Date.parse(branch.submittedAt) + processor.escalateAfterDays * DAY_MS : Infinity;
  return new Date(Math.min(beforeDeadline, vendorCutoff));
}

/** An escalation's marks on its branch: claimed (with its reason) before the email, recorded after. */
const escalation = (requestId: string, processorId: string, reason?: EscalationReason): OutboxMessage => ({
  owner: branchOwner(requestId, processorId),
  startedAt: 'escalationStartedAt',
  sentAt: 'escalatedAt',
  ...(reason ? { withClaim: { escalationReason: reason } } : {}),
});

/** An escalation that began, never finished, and whose claim has run out: a crash cut it short. */
export function escalationCutShort(branch: Branch, now: Date): boolean {
  return cutShort(branch as unknown as Record<string, unknown>, escalation(branch.requestId, branch.processorId), now);
}

/**
 * Tells the controller's DPO that a branch needs a person: no answer in time, failed, or timed out.
 * Once per branch, through the outbox: claimed (`escalationStartedAt`) before the email goes,
 * recorded (`escalatedAt`) after. A failed email gives the claim back; a claim a crash left behind
 * runs out after {@link CLAIM_TIMEOUT_MS}, and the sweep escalates again, saying it may be a second
 * copy (the email cannot be deduplicated: at least once, never none). The email names the request
 * and processor only, never the subject.
 */
export async function escalate(
  request: DsrRequest,
  controller: Controller,
  processor: Processor,
  branch: Branch,
  reason: EscalationReason,
  now = new Date(),
  opts: { claimsCutShort?: boolean } = {},
): Promise<boolean> {
  const locale = controller.locales[0]!;
  const email = escalationEmail({
    locale,
    controllerName: inLocale(controller.name, locale, controller).text,
    processorName: inLocale(processor.name, locale, controller).text,
    kind: processor.kind,
    requestReference: request.requestId,
    reason,
    dueAt: request.dueAt ?? now.toISOString(),
    consoleUrl: links.console(request.requestId),
  });
  const { outcome, startedAt } = await sendOnce({
    message: escalation(request.requestId, branch.processorId, reason),
    // A caller that knows no other step can hold the claim (see escalateUntoldFailures) takes over any claim at once.
    staleAfterMs: opts.claimsCutShort ? 0 : CLAIM_TIMEOUT_MS,
    at: now,
    send: (again) =>
      sendEmail(controller.dpoEmail, again ? asRepeat(email, locale) : email, { kind: 'dpo', controllerId: controller.id, requestId: request.requestId }),
  });
  if (outcome === 'skipped') return false;
  await auditEscalated(request.requestId, branch.processorId, reason, startedAt);
  logger.info('branch escalated', { requestId: request.requestId, processorId: branch.processorId, reason });
  return true;
}

/**
 * The DPO hears of every failed branch before staff can act on it (a retry clears the failure and
 * its claim). RecordBranchFailure escalates as a branch fails, but can end without it: SES down
 * for longer than its retries (the execution fails, and a re-drive does not run it again), or
 * stopped at its timeout holding the claim. Route calls this once every branch has ended, before
 * the closing review: no step of the request runs then, so a claim still held was cut short and
 * its email goes again, marked as possibly a second copy. Throws if an email cannot go (Route's
 * retries and the sweep's re-drive try again): the review waits until the DPO has been told. An
 * escalation recorded on the branch whose audit event a stopped step never wrote gets it here.
 */
export async function escalateUntoldFailures(request: DsrRequest, controller: Controller, branches: Branch[], now = new Date()): Promise<number> {
  let escalated = 0;
  // A withdrawal ends branches as failed too, and nobody needs to be told of those.
  for (const branch of branches.filter((b) => b.status === 'failed' && b.errorClass !== WITHDRAWN)) {
    if (branch.escalatedAt) {
      // Told, and recorded so on the branch; the step may have been stopped before its event.
      await auditEscalated(request.requestId, branch.processorId, branch.escalationReason ?? failureReason(branch.errorClass), branch.escalatedAt);
      continue;
    }
    const processor = findProcessor(controller, branch.processorId);
    if (processor && (await escalate(request, controller, processor, branch, failureReason(branch.errorClass), now, { claimsCutShort: true }))) escalated++;
  }
  return escalated;
}

/** The escalation's audit event, at the time recorded on the branch (`escalatedAt`): once, whoever records it. */
function auditEscalated(requestId: string, processorId: string, reason: EscalationReason, escalatedAt: string): Promise<void> {
  return auditOnce(requestId, 'branch_escalated', 'system', { processorId, reason }, new Date(escalatedAt));
}
