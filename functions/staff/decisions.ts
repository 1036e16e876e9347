import { denialEmail } from '../../web/emails/denial';
import { deliverNotice, holdNotice } from '../answer/subject-notices';
import { completeBranch } from '../branches/outcome';
import { extendedDueDate, pausedDeadlines } from '../domain/deadlines';
import { allowedDecisions, DecisionConflict, type DecisionInput, firstMonthEnd } from '../domain/decision-rules';
import { readProcessorAnswer } from '../domain/processor-answer';
import { inLocale } from '../domain/register-schema';
import type { Branch, DsrRequest } from '../domain/request';
import { purgeSchedule } from '../domain/request-retention';
import { auditEvent } from '../platform/data/audit';
import { correctBranchAnswer, finishBranch, resetFailedBranch, settleBranchOwed } from '../platform/data/branches';
import { and, eq, exists, notExists, or } from '../platform/data/expressions';
import { settleRequestOwed, transitionReturning, updateRequestIf } from '../platform/data/requests';
import { restrictedBy } from '../platform/data/scheduled';
import { links } from '../platform/links';
import { recordRequestClosed } from '../platform/metrics';
import type { Controller } from '../platform/register';
import { done, schedule } from '../retention/scheduled-erasures';
import { DEADLINE_REMINDER_MARKS } from '../workflow/deadline-reminders';
import { REVIEW_FIELDS, resumeReview } from '../workflow/routing';

const inReviewAt = (stage: string | undefined) => eq('reviewStage', stage);

/**
 * Carries out a staff decision on a request (docs/ARCHITECTURE.md, "Review and decisions"): one
 * guarded write each, so two staff members deciding at once cannot both win; the loser gets a
 * {@link DecisionConflict}. Audited with who decided; staff's free text stays on the request item.
 */
export async function decide(
  request: DsrRequest,
  branches: Branch[],
  controller: Controller,
  input: DecisionInput,
  by: string,
  now = new Date(),
): Promise<void> {
  const allowed = allowedDecisions(request, branches, controller, now);
  const { requestId } = request;
  const at = now.toISOString();
  const conflict = (message: string): never => {
    throw new DecisionConflict(message);
  };

  switch (input.decision) {
    case 'approve': {
      if (!allowed.approve) conflict('The request is not waiting for a decision');
      const stage = request.reviewStage;
      const approved = await transitionReturning(
        requestId,
        ['in_review'],
        'in_progress',
        {
          set: stage === 'closing' ? { closingReviewedAt: at } : { screenedAt: at },
          remove: [...REVIEW_FIELDS],
          condition: inReviewAt(stage),
          owe: [auditEvent('decision_approved', 'staff', { by, stage: stage ?? 'screening' }, now)],
        },
        now,
      );
      if (!approved) conflict('The request is not waiting for a decision any more');
      await settleRequestOwed(approved!);
      await resumeReview(requestId, approved!.reviewTaskToken);
      return;
    }
    case 'deny': {
      if (!allowed.deny) conflict('Only a request waiting for its first review can be refused');
      const onTime = !request.dueAt || at <= request.dueAt;
      const denied = await transitionReturning(
        requestId,
        ['in_review'],
        'denied',
        {
          set: { denial: { reason: input.reason, text: input.text, by, at }, completedAt: at, onTime, ...purgeSchedule(controller, at, request) },
          // It stays in the open index until Finalize, so the sweep sees it if the workflow stalls.
          remove: [...REVIEW_FIELDS],
          condition: inReviewAt('screening'),
          owe: [auditEvent('decision_denied', 'staff', { by, reason: input.reason, onTime }, now)],
        },
        now,
      );
      if (!denied) conflict('The request is not waiting for a decision any more');
      await settleRequestOwed(denied!);
      recordRequestClosed(request.type, 'denied');
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
      const notice = await holdNotice(controller.id, requestId, now);
      const extended = await updateRequestIf(
        requestId,
        {
          set: {
            extension: { months, reasons: input.reasons, by, at, originalDueAt },
            dueAt: newDue,
            ...(request.openCtl ? { openDue: newDue } : {}),
          },
          // The reminders count towards the new date.
          remove: DEADLINE_REMINDER_MARKS,
          owe: [auditEvent('deadline_extended', 'staff', { by, months: input.months, totalMonths: months }, now)],
        },
        and(eq('version', request.version), eq('dueAt', request.dueAt)),
      );
      if (!extended) conflict('The request changed meanwhile; reload and decide again');
      await settleRequestOwed(extended!);
      await deliverNotice(notice, controller, now);
      return;
    }
    case 'request_info': {
      if (!allowed.request_info) conflict('More information can be asked for only during the first review, one question at a time');
      const pausesClock = controller.review.clockPausesForInformation;
      const notice = await holdNotice(controller.id, requestId, now);
      const asked = await updateRequestIf(
        requestId,
        {
          set: { infoRequest: { text: input.text, by, at, pausesClock } },
          owe: [auditEvent('information_requested', 'staff', { by, pausesClock }, now)],
        },
        and(eq('status', 'in_review'), eq('reviewStage', 'screening'), or(notExists('infoRequest'), exists(['infoRequest', 'answeredAt']))),
      );
      if (!asked) conflict('The request changed meanwhile; reload and decide again');
      await settleRequestOwed(asked!);
      await deliverNotice(notice, controller, now);
      return;
    }
    case 'retry_branch': {
      if (!allowed.retry_branch.includes(input.processorId)) conflict('Only a failed branch of a request in its closing review can be retried');
      const reset = await resetFailedBranch(requestId, input.processorId, [auditEvent('decision_retry', 'staff', { by, processorId: input.processorId }, now)]);
      if (!reset) conflict('The branch is not failed any more');
      const resumed = await transitionReturning(requestId, ['in_review'], 'in_progress', { remove: [...REVIEW_FIELDS], condition: inReviewAt('closing') }, now);
      await settleBranchOwed(reset!);
      // The review may have moved on meanwhile (another decision): the branch runs with Route's next plan either way.
      if (resumed) await resumeReview(requestId, resumed.reviewTaskToken);
      return;
    }
    case 'complete_task': {
      if (!allowed.complete_task.includes(input.processorId)) conflict('Only a waiting staff task or a failed branch in the closing review can be completed');
      const branch = branches.find((b) => b.processorId === input.processorId)!;
      const outcome = { status: 'completed' as const, note: input.note };
      const owe = [auditEvent('decision_task_completed', 'staff', { by, processorId: input.processorId }, now)];
      // A waiting task resumes its branch; a failed one is only recorded (the review goes on).
      if (branch.status === 'waiting') {
        if (!(await completeBranch(requestId, input.processorId, outcome, now, owe))) conflict('The branch was answered meanwhile');
      } else {
        const finished = await finishBranch(requestId, input.processorId, outcome, now, owe);
        if (!finished) conflict('The branch was answered meanwhile');
        await settleBranchOwed(finished!);
      }
      return;
    }
    case 'correct_answer': {
      if (!allowed.correct_answer.includes(input.processorId))
        conflict("Only a finished system's answer, of a request answered or under way, can be corrected");
      // The handler refused a bad answer already, naming its fields.
      const read = readProcessorAnswer(input, now);
      if ('errors' in read) conflict('The answer is not valid');
      const { answer } = read as Exclude<typeof read, { errors: unknown }>;
      const branch = branches.find((b) => b.processorId === input.processorId)!;
      const previous = branch.answer;
      // The subject, told the result already, hears of the correction; otherwise the result tells it.
      const notice = request.notifiedAt ? await holdNotice(controller.id, requestId, now) : undefined;
      // Staff's reason stays on the items; the trail records who changed what into what.
      const corrected = await correctBranchAnswer(
        requestId,
        input.processorId,
        {
          answer,
          answerCorrection: { by, at, why: input.why, ...(previous ? { previous } : {}) },
          ...(answer.outcome === 'not_found' ? { recordCount: 0 } : {}),
        },
        [auditEvent('answer_corrected', 'staff', { by, processorId: input.processorId, from: previous?.outcome ?? 'done', to: answer.outcome }, now)],
      );
      if (!corrected) conflict('The branch changed meanwhile; reload and decide again');
      if (notice) {
        await updateRequestIf(requestId, { set: { answerCorrection: { by, at, processorId: input.processorId, why: input.why } } }, exists('notifiedAt'));
      }
      await settleBranchOwed(corrected!);
      if (notice) await deliverNotice(notice, controller, now);
      return;
    }
    case 'lift_restriction': {
      if (!allowed.lift_restriction) conflict('Only a restriction in place can be lifted');
      // Art. 18(3): the subject is told before the restriction is lifted, then it is lifted on schedule.
      const liftAt = new Date(now.getTime() + controller.restrictionLiftNoticeDays * 86_400_000).toISOString();
      // The notice and the lifts are scheduled before the decision is recorded, so a crash in
      // between leaves nothing half done; if another decision won, they are taken back.
      const notice = await holdNotice(controller.id, requestId, now);
      const lifts = (await restrictedBy(requestId)).map((s) => ({
        kind: 'restriction_end' as const,
        controllerId: controller.id,
        requestId,
        processorId: s.processorId,
        dueAt: liftAt,
        table: s.table,
        keys: s.keys,
      }));
      for (const lift of lifts) await schedule(lift);
      const lifting = await updateRequestIf(
        requestId,
        { set: { restrictionLift: { by, at, liftAt } }, owe: [auditEvent('restriction_lift_scheduled', 'staff', { by, liftAt, stores: lifts.length }, now)] },
        and(eq('status', 'completed'), notExists('restrictionLift')),
      );
      if (!lifting) {
        for (const lift of lifts) await done(lift);
        conflict('The restriction is already being lifted');
      }
      await settleRequestOwed(lifting!);
      await deliverNotice(notice, controller, now);
      return;
    }
    case 'charge_fee': {
      if (!allowed.charge_fee) conflict('A fee can be charged once, during the first review, with no question open');
      // Kept as a decimal string with two places: money is never a float.
      const fee = { amount: Number(input.amount).toFixed(2), currency: input.currency, reason: input.reason, by, at };
      const notice = await holdNotice(controller.id, requestId, now);
      const charged = await updateRequestIf(
        requestId,
        // Staff's reason stays on the request; the trail records the fact and the amount.
        { set: { fee }, owe: [auditEvent('fee_charged', 'staff', { by, amount: fee.amount, currency: fee.currency }, now)] },
        and(eq('status', 'in_review'), eq('reviewStage', 'screening'), notExists('fee'), or(notExists('infoRequest'), exists(['infoRequest', 'answeredAt']))),
      );
      if (!charged) conflict('The request changed meanwhile; reload and decide again');
      await settleRequestOwed(charged!);
      await deliverNotice(notice, controller, now);
      return;
    }
    case 'record_fee_payment': {
      if (!allowed.record_fee_payment) conflict('No fee is waiting for payment');
      const fee = request.fee!;
      // The clock ran again when the fee was paid: each date moves on by the wait, by its own rule.
      const moved = request.dueAt
        ? pausedDeadlines({ dueAt: request.dueAt, targetAt: request.targetAt }, { pausedAt: new Date(fee.at), resumedAt: now }, controller)
        : undefined;
      const pausedHours = Math.round((now.getTime() - Date.parse(fee.at)) / 3_600_000);
      const paid = await transitionReturning(
        requestId,
        ['in_review'],
        'in_progress',
        {
          set: {
            fee: { ...fee, paidAt: at, paymentRecordedBy: by },
            screenedAt: at,
            ...(moved
              ? { dueAt: moved.dueAt, ...(moved.targetAt ? { targetAt: moved.targetAt } : {}), ...(request.openCtl ? { openDue: moved.dueAt } : {}) }
              : {}),
          },
          // The reminders count towards the moved dates.
          remove: [...REVIEW_FIELDS, ...DEADLINE_REMINDER_MARKS, ...(moved && !moved.targetAt ? (['targetAt'] as const) : [])],
          condition: and(inReviewAt('screening'), exists('fee'), notExists(['fee', 'paidAt']), eq(['fee', 'at'], fee.at)),
          owe: [auditEvent('fee_payment_recorded', 'staff', { by, pausedHours, ...(moved ? { dueAt: moved.dueAt } : {}) }, now)],
        },
        now,
      );
      if (!paid) conflict('The request changed meanwhile; reload and decide again');
      await settleRequestOwed(paid!);
      // Paying was what the request waited for: it goes on as if approved.
      await resumeReview(requestId, paid!.reviewTaskToken);
      return;
    }
  }
}

/** The refusal email (Art. 12(4)), sent by NotifySubject for a denied request. */
export function refusalEmailFor(request: DsrRequest, controller: Controller) {
  return denialEmail({
    locale: request.locale,
    controllerName: inLocale(controller.name, request.locale, controller).text,
    type: request.type,
    requestReference: request.requestId,
    reasonText: request.denial?.text ?? '',
    supervisoryAuthority: { name: inLocale(controller.supervisoryAuthority.name, request.locale, controller), url: controller.supervisoryAuthority.url },
    dpoEmail: controller.dpoEmail,
    statusUrl: links.status(request.requestId, request.statusKey),
  });
}
