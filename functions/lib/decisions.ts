import { z } from 'zod';
import { denialEmail, denialReasonText, extensionEmail, informationRequestEmail } from '../../web/emails';
import { completeBranch } from './branch-outcome';
import { extendedDueDate } from './deadlines';
import { links } from './links';
import { sendEmail } from './mailer';
import type { Controller } from './register';
import { DENIAL_REASONS, FINAL_STATUSES, WITHDRAWN, type Branch, type DenialReason, type DsrRequest } from './request';
import { resumeReview } from './review';
import { audit, finishBranch, resetFailedBranch, transitionReturning, updateRequestIf } from './store';

// Staff's words go to the subject as they are (escaped in the email), so only control characters are refused.
const prose = (field: string, max: number) => z
  .string({ error: `${field} is required` })
  .trim()
  .min(1, `${field} is required`)
  .max(max, `${field} must be at most ${max} characters`)
  .refine((s) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/.test(s), `${field} must not contain control characters`);
const processorId = z.string({ error: 'processorId is required' }).regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'processorId must be a processor id');

/** A staff decision as the console posts it; every message names its field. */
export const decisionSchema = z.discriminatedUnion('decision', [
  z.object({ decision: z.literal('approve') }).strict(),
  z.object({
    decision: z.literal('deny'),
    reason: z.enum(DENIAL_REASONS, { error: `reason must be one of: ${DENIAL_REASONS.join(', ')}` }),
    text: prose('text', 4000),
  }).strict(),
  z.object({
    decision: z.literal('extend'),
    months: z.union([z.literal(1), z.literal(2)], { error: 'months must be 1 or 2' }),
    reasons: prose('reasons', 4000),
  }).strict(),
  z.object({ decision: z.literal('request_info'), text: prose('text', 4000) }).strict(),
  z.object({ decision: z.literal('retry_branch'), processorId }).strict(),
  z.object({ decision: z.literal('complete_task'), processorId, note: prose('note', 4000) }).strict(),
], { error: 'decision must be one of: approve, deny, extend, request_info, retry_branch, complete_task' });
export type DecisionInput = z.infer<typeof decisionSchema>;

/** A decision that does not fit the request as it stands now (409): the message says why. */
export class DecisionConflict extends Error {
  override name = 'DecisionConflict';
}

/** Which decisions the console offers now; `retry_branch` and `complete_task` list processor ids. */
export interface AllowedDecisions {
  approve: boolean;
  deny: boolean;
  extend: { maxMonths: number } | false;
  request_info: boolean;
  retry_branch: string[];
  complete_task: string[];
}

const MONTHS_OF_EXTENSION = 2;

const failedBranches = (branches: Branch[]) => branches.filter((b) => b.status === 'failed' && b.errorClass !== WITHDRAWN);
/** A waiting branch staff themselves answer: a manual task, or a task staff do for a processor. */
const staffWaiting = (branches: Branch[]) => branches.filter((b) => b.status === 'waiting' && (b.kind === 'manual' || b.staffTask));

/** The first month's end: the deadline before any extension. */
const firstMonthEnd = (request: DsrRequest) => request.extension?.originalDueAt ?? request.dueAt;

/** What staff may decide about a request now (the console shows only these; `decide` checks again). */
export function allowedDecisions(request: DsrRequest, branches: Branch[], _controller: Controller, now = new Date()): AllowedDecisions {
  const open = !FINAL_STATUSES.includes(request.status) && request.status !== 'awaiting_verification';
  const inReview = request.status === 'in_review';
  const screening = inReview && request.reviewStage === 'screening';
  const closing = inReview && request.reviewStage === 'closing';
  const firstEnd = firstMonthEnd(request);
  const monthsLeft = MONTHS_OF_EXTENSION - (request.extension?.months ?? 0);
  return {
    approve: inReview,
    deny: screening,
    // 12(3): extended only within the first month, by two months at most in all.
    extend: open && !!firstEnd && now.toISOString() < firstEnd && monthsLeft > 0 ? { maxMonths: monthsLeft } : false,
    request_info: screening && (!request.infoRequest || !!request.infoRequest.answeredAt),
    retry_branch: closing ? failedBranches(branches).map((b) => b.processorId) : [],
    complete_task: open
      ? [...(closing ? failedBranches(branches) : []), ...staffWaiting(branches)].map((b) => b.processorId)
      : [],
  };
}

/** The refusal templates, with their default text in the subject's language for staff to edit. */
export function denialTemplates(request: DsrRequest, controller: Controller): { reason: DenialReason; text: string }[] {
  return DENIAL_REASONS.map((reason) => ({
    reason,
    text: denialReasonText(reason, request.locale, {
      controllerName: controller.name,
      ...(request.details?.viaCustomer ? { viaCustomer: request.details.viaCustomer } : {}),
    }),
  }));
}

const REVIEW_FIELDS = ['reviewStage', 'reviewReasons', 'reviewOpenedAt', 'reviewNotifiedAt'] as const;
const inReviewAt = (stage: string | undefined) => ({
  expression: 'reviewStage = :stage',
  values: { ':stage': stage },
});

/**
 * Carries out a staff decision on a request (docs/ARCHITECTURE.md, "Review and decisions"): one
 * guarded write each, so two staff members deciding at once cannot both win; the loser gets a
 * {@link DecisionConflict}. Audited with who decided; staff's free text stays on the request item.
 */
export async function decide(request: DsrRequest, branches: Branch[], controller: Controller, input: DecisionInput, by: string, now = new Date()): Promise<void> {
  const allowed = allowedDecisions(request, branches, controller, now);
  const { requestId } = request;
  const at = now.toISOString();
  const statusUrl = links.status(requestId, request.statusKey);
  const conflict = (message: string): never => {
    throw new DecisionConflict(message);
  };

  switch (input.decision) {
    case 'approve': {
      if (!allowed.approve) conflict('The request is not waiting for a decision');
      const stage = request.reviewStage;
      const approved = await transitionReturning(requestId, ['in_review'], 'in_progress', {
        set: stage === 'closing' ? { closingReviewedAt: at } : { screenedAt: at },
        remove: [...REVIEW_FIELDS],
        condition: inReviewAt(stage),
      }, now);
      if (!approved) conflict('The request is not waiting for a decision any more');
      await audit(requestId, 'decision_approved', 'staff', { by, stage: stage ?? 'screening' }, now);
      await resumeReview(requestId, approved!.reviewTaskToken);
      return;
    }
    case 'deny': {
      if (!allowed.deny) conflict('Only a request waiting for its first review can be refused');
      const onTime = !request.dueAt || at <= request.dueAt;
      const denied = await transitionReturning(requestId, ['in_review'], 'denied', {
        set: { denial: { reason: input.reason, text: input.text, by, at }, completedAt: at, onTime },
        remove: [...REVIEW_FIELDS, 'openCtl', 'openDue'],
        condition: inReviewAt('screening'),
      }, now);
      if (!denied) conflict('The request is not waiting for a decision any more');
      await audit(requestId, 'decision_denied', 'staff', { by, reason: input.reason, onTime }, now);
      // The refusal email is the workflow's NotifySubject, once: resuming leads there.
      await resumeReview(requestId, denied!.reviewTaskToken);
      return;
    }
    case 'extend': {
      const { extend } = allowed;
      if (!extend) return conflict('The deadline can be extended only before the first month ends, by two months in all');
      if (input.months > extend.maxMonths) conflict(`The deadline can be extended by ${extend.maxMonths} more month(s) at most`);
      const originalDueAt = firstMonthEnd(request)!;
      const months = (request.extension?.months ?? 0) + input.months;
      const newDue = extendedDueDate(new Date(originalDueAt), months, controller.publicHolidays).toISOString();
      const extended = await updateRequestIf(requestId, {
        set: {
          extension: { months, reasons: input.reasons, by, at, originalDueAt },
          dueAt: newDue,
          ...(request.openCtl ? { openDue: newDue } : {}),
        },
        // The reminders count towards the new date.
        remove: ['dueReminder7At', 'dueReminder2At', 'overdueAlertedAt'],
      }, {
        expression: 'version = :version AND dueAt = :due',
        values: { ':version': request.version, ':due': request.dueAt },
      });
      if (!extended) conflict('The request changed meanwhile; reload and decide again');
      await audit(requestId, 'deadline_extended', 'staff', { by, months: input.months, totalMonths: months }, now);
      await sendEmail(request.email, extensionEmail({
        locale: request.locale, controllerName: controller.name, type: request.type, months, reasons: input.reasons, newDueAt: newDue, statusUrl,
      }));
      return;
    }
    case 'request_info': {
      if (!allowed.request_info) conflict('More information can be asked for only during the first review, one question at a time');
      const pausesClock = controller.review.clockPausesForInformation;
      const asked = await updateRequestIf(requestId, {
        set: { infoRequest: { text: input.text, by, at, pausesClock } },
      }, {
        expression: '#status = :review AND reviewStage = :screening AND (attribute_not_exists(infoRequest) OR attribute_exists(infoRequest.answeredAt))',
        names: { '#status': 'status' },
        values: { ':review': 'in_review', ':screening': 'screening' },
      });
      if (!asked) conflict('The request changed meanwhile; reload and decide again');
      await audit(requestId, 'information_requested', 'staff', { by, pausesClock }, now);
      await sendEmail(request.email, informationRequestEmail({
        locale: request.locale, controllerName: controller.name, type: request.type, question: input.text, statusUrl, pausesClock, dueAt: request.dueAt!,
      }));
      return;
    }
    case 'retry_branch': {
      if (!allowed.retry_branch.includes(input.processorId)) conflict('Only a failed branch of a request in its closing review can be retried');
      if (!(await resetFailedBranch(requestId, input.processorId))) conflict('The branch is not failed any more');
      const resumed = await transitionReturning(requestId, ['in_review'], 'in_progress', { remove: [...REVIEW_FIELDS], condition: inReviewAt('closing') }, now);
      await audit(requestId, 'decision_retry', 'staff', { by, processorId: input.processorId }, now);
      // The review may have moved on meanwhile (another decision): the branch runs with the next Plan either way.
      if (resumed) await resumeReview(requestId, resumed.reviewTaskToken);
      return;
    }
    case 'complete_task': {
      if (!allowed.complete_task.includes(input.processorId)) conflict('Only a waiting staff task or a failed branch in the closing review can be completed');
      const branch = branches.find((b) => b.processorId === input.processorId)!;
      const outcome = { status: 'completed' as const, note: input.note };
      // A waiting task resumes its branch; a failed one is only recorded (the review goes on).
      const done = branch.status === 'waiting'
        ? await completeBranch(requestId, input.processorId, outcome, now)
        : (await finishBranch(requestId, input.processorId, outcome, now)) !== undefined;
      if (!done) conflict('The branch was answered meanwhile');
      await audit(requestId, 'decision_task_completed', 'staff', { by, processorId: input.processorId }, now);
      return;
    }
  }
}

/** The refusal email (Art. 12(4)), sent by NotifySubject for a denied request. */
export function refusalEmailFor(request: DsrRequest, controller: Controller) {
  return denialEmail({
    locale: request.locale,
    controllerName: controller.name,
    type: request.type,
    reasonText: request.denial?.text ?? '',
    supervisoryAuthority: controller.supervisoryAuthority,
    dpoEmail: controller.dpoEmail,
    statusUrl: links.status(request.requestId, request.statusKey),
  });
}
