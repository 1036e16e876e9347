import { SendTaskHeartbeatCommand } from '@aws-sdk/client-sfn';
import { deliverNotice } from '../answer/subject-notices';
import { escalate, escalationCutShort, escalationDueAt } from '../branches/escalation';
import { endExpiredWait, heartbeat, resumeIfCutShort } from '../branches/outcome';
import { clockPaused } from '../domain/deadlines';
import { type Branch, type DsrRequest, isClosing, UNPROVEN_PERSONAL_DATA } from '../domain/request';
import { sfn } from '../platform/aws/sfn';
import { auditOnce } from '../platform/data/audit';
import { settleBranchOwed } from '../platform/data/branches';
import { le } from '../platform/data/expressions';
import { getRequest, getRequestWithBranches, openRequests, purgeDueRequests, settleRequestOwed, transitionReturning } from '../platform/data/requests';
import { errorClass, logger } from '../platform/log';
import { recordRequestClosed } from '../platform/metrics';
import { type Controller, findController, findProcessor, type Processor, register } from '../platform/register';
import { asyncKind } from '../processors/async-kinds';
import { deleteAttachments, purgeRequest } from '../retention/request-purge';
import { carryOut, done, due } from '../retention/scheduled-erasures';
import { seeCloseThrough } from './close';
import { remindOfDeadline, remindOfTarget } from './deadline-reminders';
import { ensureExecution } from './execution';
import { closeReviewIfResolved, resumeReview } from './routing';
import { retryWithdrawalNotice } from './withdrawal-retry';

/** What one sweep did, by count. */
export interface SweepReport {
  closedUnverified: number;
  /** Closes a crash cut short, their events recorded and the requests taken out of the open index. */
  closesSeenThrough: number;
  /** Audit events a crash kept off the trail after their change was written (owed), recorded now. */
  owedEventsRecorded: number;
  ensured: number;
  watched: number;
  escalated: number;
  /** Closing reviews whose reasons no longer held (a failed branch answered after all). */
  reviewsClosed: number;
  /** Waiting tasks resumed for branches that ended without their resume (a crash or timeout between). */
  resumed: number;
  /** Waits ended at the end Route planned (a re-driven wait's timeout counts afresh). */
  waitsEnded: number;
  deadlineReminders: number;
  erasedOnSchedule: number;
  /** The service's own retention: packages deleted after their link expired, requests whose personal data was erased. */
  packagesDeleted: number;
  personalDataErased: number;
  /** Processors told of a withdrawal on a retry, and those given up on after every retry (staff are told). */
  withdrawalNoticesSent: number;
  withdrawalNoticesUntold: number;
  /** Confirmed requests still open past their deadline (the `OverdueRequests` metric the stack alarms on). */
  overdue: number;
  failed: number;
}

/**
 * What the sweep does with a request in the open index: close one whose verification link expired
 * unused, see a refusal through to its notice, look after one in flight, or finish a close a crash
 * cut short (workflow/close.ts); nothing for one whose link still runs.
 */
export type SweepDuty = 'close_unverified' | 'see_refusal_through' | 'look_after' | 'see_close_through';

export function sweepDuty(open: Pick<DsrRequest, 'status' | 'verifyExpiresAt'>, now: string): SweepDuty | undefined {
  if (isClosing(open.status)) return 'see_close_through';
  if (open.status === 'awaiting_verification') return open.verifyExpiresAt > now ? undefined : 'close_unverified';
  if (open.status === 'denied') return 'see_refusal_through';
  if (open.status === 'received' || open.status === 'in_progress' || open.status === 'in_review') return 'look_after';
  return undefined;
}

/** Whether a waiting branch has waited too long for its answer and staff must hear of it now. */
export function noAnswerEscalationDue(processor: Processor, branch: Branch, request: DsrRequest, now: Date): boolean {
  const escalateAt = escalationDueAt(processor, branch, request);
  return !branch.escalatedAt && escalateAt !== undefined && now >= escalateAt;
}

/** Closed requests purged per controller per sweep, so one run stays well inside its timeout; the rest wait for the next. */
export const PURGES_PER_SWEEP = 100;

/**
 * The service's own retention: the closed requests of a controller whose package or personal data
 * is due to go, from the sparse purge index (never a Scan), at most {@link PURGES_PER_SWEEP}.
 */
async function purgeDue(controller: Controller, at: Date, report: SweepReport): Promise<void> {
  let handled = 0;
  for await (const due of purgeDueRequests(controller.id, at.toISOString())) {
    if (handled++ >= PURGES_PER_SWEEP) return;
    try {
      const done = await purgeRequest(due.requestId, controller, at);
      if (done.packageDeleted) report.packagesDeleted++;
      if (done.personalDataErased) report.personalDataErased++;
    } catch (err) {
      report.failed++;
      logger.error('purging a closed request failed', { requestId: due.requestId, errorClass: errorClass(err) });
    }
  }
}

/**
 * Looks after a request's branches: tells Step Functions each waiting one is still looked after
 * (heartbeat), lets its kind poll or remind, and escalates to staff what has waited too long; and
 * escalates again any branch whose escalation a crash cut short (a failed one included), and
 * resumes the workflow for a branch that ended without resuming it.
 */
async function watchBranches(requestId: string, now: Date, report: SweepReport): Promise<void> {
  const { request, branches } = await getRequestWithBranches(requestId);
  const controller = request && findController(request.controllerId);
  if (!request || !controller) return;
  if (await closeReviewIfResolved(request, controller, branches, now)) report.reviewsClosed++;
  else if (request.status === 'in_review') await heartbeatReview(request);
  for (const branch of branches) {
    if (branch.auditOwed?.size) report.owedEventsRecorded += await settleBranchOwed(branch);
    const processor = findProcessor(controller, branch.processorId);
    if (!processor) continue;
    if (escalationCutShort(branch, now) && (await escalate(request, controller, processor, branch, branch.escalationReason ?? 'failed', now))) {
      report.escalated++;
    }
    if (request.status !== 'in_progress') continue;
    if (await resumeIfCutShort(branch, now)) report.resumed++;
    if (branch.status !== 'waiting') continue;
    if (await endExpiredWait(branch, now)) {
      report.waitsEnded++;
      continue;
    }
    const kind = asyncKind(processor, branch);
    await heartbeat(branch);
    if (kind.watch) await kind.watch(processor, { request, controller, branch }, now);
    report.watched++;
    if (noAnswerEscalationDue(processor, branch, request, now) && (await escalate(request, controller, processor, branch, 'no_answer', now))) {
      report.escalated++;
    }
  }
}

/** A review waiting for staff is still looked after: its task's heartbeat (see the workflow construct). */
async function heartbeatReview(request: DsrRequest): Promise<void> {
  if (!request.reviewTaskToken) return;
  await sfn.send(new SendTaskHeartbeatCommand({ taskToken: request.reviewTaskToken })).catch((err) => {
    // A task that is gone (a restart) is re-created by the re-driven execution's AwaitDecision.
    logger.info('review heartbeat not delivered', { requestId: request.requestId, errorClass: errorClass(err) });
  });
}

/**
 * The periodic sweep over open requests (the sparse index, never a Scan):
 * - a request whose verification link expired unused is closed as `closed_unverified`, and the
 *   address and name it was submitted with are erased: nobody proved they were theirs;
 * - a confirmed request makes sure its workflow runs, so requests in flight at a crash or restart
 *   finish (every step is idempotent), and its waiting branches are looked after; an escalation a
 *   crash cut short is sent again, and a closing review whose reasons no longer hold is closed;
 * - erasures scheduled for now are carried out: legal holds that ended, suppressions that expired;
 *   and notices held for sending again: a staff decision's to the subject, a withdrawal's to a processor;
 * - the service's own retention: packages whose link expired and the personal data of requests
 *   closed longer than the controller's `requestDataRetentionDays` are deleted.
 */
export async function sweep(at = new Date()): Promise<SweepReport> {
  const report: SweepReport = {
    closedUnverified: 0,
    closesSeenThrough: 0,
    owedEventsRecorded: 0,
    ensured: 0,
    watched: 0,
    escalated: 0,
    reviewsClosed: 0,
    resumed: 0,
    waitsEnded: 0,
    deadlineReminders: 0,
    erasedOnSchedule: 0,
    packagesDeleted: 0,
    personalDataErased: 0,
    withdrawalNoticesSent: 0,
    withdrawalNoticesUntold: 0,
    overdue: 0,
    failed: 0,
  };
  const now = at.toISOString();
  for (const controller of register.controllers) {
    for await (const open of openRequests(controller.id, undefined, { closing: true })) {
      const duty = sweepDuty(open, now);
      if (duty !== 'see_close_through' && open.status !== 'awaiting_verification' && open.dueAt && open.dueAt < now && !clockPaused(open)) report.overdue++;
      try {
        if (open.auditOwed?.size) report.owedEventsRecorded += await settleRequestOwed(open);
        if (duty === 'close_unverified') {
          // The files that came with a recorded request go first: a crash after leaves the keys for the next sweep.
          await deleteAttachments(open);
          const closed = await transitionReturning(
            open.requestId,
            ['awaiting_verification'],
            'closed_unverified',
            {
              // The token hash stays so the dead link can say it expired rather than that it is unknown.
              set: { personalDataErasedAt: now },
              remove: [...UNPROVEN_PERSONAL_DATA],
              condition: le('verifyExpiresAt', now),
            },
            at,
          );
          if (closed) {
            recordRequestClosed(open.type, 'closed_unverified');
            report.closedUnverified++;
            await seeCloseThrough(closed);
          }
        } else if (duty === 'see_close_through') {
          // The index may lag: a request out of it already had its close seen through.
          const closed = await getRequest(open.requestId);
          if (closed?.openCtl && (await seeCloseThrough(closed))) report.closesSeenThrough++;
        } else if (duty === 'see_refusal_through') {
          // Refused, its refusal not sent yet: the workflow must run on (a crash may have cut the resume short).
          await ensureExecution(open.requestId, open.executionRun);
          await resumeReview(open.requestId, open.reviewTaskToken);
          report.ensured++;
        } else if (duty === 'look_after') {
          await ensureExecution(open.requestId, open.executionRun);
          report.ensured++;
          // Decided, but the decision's resume was cut short: resume the review's task now.
          if (open.status !== 'in_review') await resumeReview(open.requestId, open.reviewTaskToken);
          if (open.status !== 'received') await watchBranches(open.requestId, at, report);
          if (await remindOfDeadline(open, controller, at)) report.deadlineReminders++;
          if (await remindOfTarget(open, controller, at)) report.deadlineReminders++;
        }
      } catch (err) {
        // One request's trouble must not stop the sweep for the others.
        report.failed++;
        logger.error('sweep could not handle a request', { requestId: open.requestId, errorClass: errorClass(err) });
      }
    }
  }
  for (const controller of register.controllers) {
    for await (const scheduled of due(controller.id, at)) {
      try {
        if (scheduled.kind === 'subject_notice') {
          // A staff decision's notice an outage left unsent.
          await deliverNotice(scheduled, controller, at);
          continue;
        }
        if (scheduled.kind === 'withdrawal_notice') {
          // A processor not yet told of a withdrawal (it was down, the telling was cut short, or a vendor job).
          const outcome = await retryWithdrawalNotice(scheduled, controller, at);
          if (outcome === 'told') report.withdrawalNoticesSent++;
          if (outcome === 'given_up') report.withdrawalNoticesUntold++;
          continue;
        }
        report.erasedOnSchedule += await carryOut(scheduled);
        // At the time it was due, then let go: a crash before either leaves it for the next sweep, which repeats nothing.
        const event = { legal_hold_end: 'legal_hold_ended', suppression_end: 'suppression_ended', restriction_end: 'restriction_lifted' }[scheduled.kind];
        await auditOnce(scheduled.requestId, event, 'system', { processorId: scheduled.processorId }, new Date(scheduled.dueAt));
        await done(scheduled);
      } catch (err) {
        report.failed++;
        logger.error('scheduled erasure failed', { requestId: scheduled.requestId, processorId: scheduled.processorId, errorClass: errorClass(err) });
      }
    }
  }
  for (const controller of register.controllers) {
    try {
      await purgeDue(controller, at, report);
    } catch (err) {
      // E.g. a local data folder made before the purge index existed: the rest of the sweep still ran.
      report.failed++;
      logger.error('purge index not readable', { controllerId: controller.id, errorClass: errorClass(err) });
    }
  }
  logger.info('sweep finished', { ...report });
  return report;
}
