import { asRepeat } from '../../web/emails/email';
import { withdrawalReceiptEmail } from '../../web/emails/withdrawal';
import { WITHDRAWABLE, withdrawnAt } from '../answer/status-view';
import { completeBranch } from '../branches/outcome';
import { inLocale } from '../domain/register-schema';
import { type Branch, type DsrRequest, UNPROVEN_PERSONAL_DATA, WITHDRAWN } from '../domain/request';
import { purgeSchedule } from '../domain/request-retention';
import { getRequestWithBranches, transitionReturning } from '../platform/data/requests';
import { links } from '../platform/links';
import { errorClass, logger } from '../platform/log';
import { sendEmail, subjectMail } from '../platform/mailer';
import { recordRequestClosed } from '../platform/metrics';
import { CLAIM_TIMEOUT_MS, requestOwner, sendOnce } from '../platform/outbox';
import { type Controller, findController, findProcessor, type Processor } from '../platform/register';
import { tellOfWithdrawal, wasSent } from '../processors/withdrawal-notice';
import { deleteAttachments } from '../retention/request-purge';
import { done, schedule, type WithdrawalNoticeDue } from '../retention/scheduled-erasures';
import { seeCloseThrough } from './close';
import { resumeReview } from './routing';

/**
 * What a withdrawal did: `withdrawn` now; `already` withdrawn before (a reload, a second tab: what
 * was cut short then is finished now, nothing is withdrawn twice); `final` when the request had
 * ended otherwise and can no longer be withdrawn; `unknown` for no such request.
 */
export type WithdrawalOutcome = 'withdrawn' | 'already' | 'final' | 'unknown';

/**
 * The subject withdraws a request that is not finished. It becomes `cancelled` at once; each
 * processor that was sent the request and has not answered is told (an OpenDSR processor by
 * `DELETE /requests/{id}`, an email vendor and a staff task by email, a webhook by a signed notice,
 * a Lambda by an invocation, a vendor job by its declared cancel: `processors/withdrawal-notice.ts`),
 * a notice that fails (or a vendor job's) being held for the sweep to send, then its branch ends as stopped, which lets the workflow run to its end
 * without a package or a completion email. What was already done stays done. The subject gets a
 * receipt by email, once. Every message goes through the outbox, so a second call (a reload after
 * a crash) sends what the first left unsent and nothing twice.
 */
export async function withdrawRequest(requestId: string, now = new Date()): Promise<WithdrawalOutcome> {
  const { request, branches } = await getRequestWithBranches(requestId);
  if (!request) return 'unknown';
  const controller = findController(request.controllerId);
  if (request.status === 'cancelled') {
    // A second call (a reload after a crash): the close, then what the first call left undone.
    await seeCloseThrough(request);
    await finishWithdrawal(request, controller, branches, now);
    return 'already';
  }
  // Unconfirmed: nothing started, and nobody proved the address theirs: keep none of it. Confirmed:
  // kept for the controller's retention period, scheduled in the same write.
  const unconfirmed = request.status === 'awaiting_verification';
  // Its files go first (a mandate): a crash after leaves their keys on the request for the next try.
  if (unconfirmed) await deleteAttachments(request);
  const withdrawn = await transitionReturning(
    requestId,
    WITHDRAWABLE,
    'cancelled',
    unconfirmed
      ? { set: { personalDataErasedAt: now.toISOString() }, remove: ['verifyTokenHash', ...UNPROVEN_PERSONAL_DATA] }
      : { set: controller ? purgeSchedule(controller, now.toISOString(), request) : {} },
    now,
  );
  if (!withdrawn) return (await getRequestWithBranches(requestId)).request?.status === 'cancelled' ? 'already' : 'final';
  recordRequestClosed(request.type, 'withdrawn');
  await seeCloseThrough(withdrawn);
  // A review waiting for staff ends too: the workflow runs on to its end and finds the request final.
  if (request.status === 'in_review') await resumeReview(requestId, withdrawn.reviewTaskToken);
  await finishWithdrawal(withdrawn, controller, branches, now);
  return 'withdrawn';
}

/** Tells each processor still working, ends its branch, and sends the receipt: each safe to repeat. */
async function finishWithdrawal(request: DsrRequest, controller: Controller | undefined, branches: Branch[], now: Date): Promise<void> {
  for (const branch of branches) {
    if (branch.status === 'completed' || branch.status === 'failed') continue;
    const processor = controller && findProcessor(controller, branch.processorId);
    // Told before the branch ends (a crash between the two leaves it for the next call). The
    // processor may be down: the branch ends anyway, or the workflow would wait on it until its
    // timeout and escalate, and the held notice is sent again by the sweep.
    if (processor && controller && wasSent(branch)) await tellHeld(request, controller, processor, branch, now);
    await completeBranch(request.requestId, branch.processorId, { status: 'failed', errorClass: WITHDRAWN }, now);
  }
  await sendReceipt(request, controller, now).catch((err) => {
    logger.warn('withdrawal receipt not sent', { requestId: request.requestId, errorClass: errorClass(err) });
  });
}

/** The held notice of one branch: keyed by the withdrawal's time, so a second call holds the same one. */
const heldNotice = (request: DsrRequest, branch: Branch, now: Date): WithdrawalNoticeDue => ({
  kind: 'withdrawal_notice',
  controllerId: request.controllerId,
  requestId: request.requestId,
  processorId: branch.processorId,
  dueAt: withdrawnAt(request) ?? now.toISOString(),
  attempts: 0,
});

/**
 * Holds the notice for the sweep, tells the processor, and lets go of the notice once it is told
 * (or cannot be). A vendor job is left held: the sweep tells it (`workflow/withdrawal-retry.ts`).
 */
async function tellHeld(request: DsrRequest, controller: Controller, processor: Processor, branch: Branch, now: Date): Promise<void> {
  const held = heldNotice(request, branch, now);
  try {
    await schedule(held);
    const told = await tellOfWithdrawal({ request, controller, branch }, processor, held.dueAt, now);
    if (told !== 'under_way') await done(held);
  } catch (err) {
    logger.warn('processor not told of the withdrawal yet: the sweep tries again', {
      requestId: request.requestId,
      processorId: branch.processorId,
      errorClass: errorClass(err),
    });
  }
}

/**
 * The subject's receipt: the withdrawal is recorded, in their language. Not for a request never
 * confirmed: its address was never proven theirs, and is gone with the withdrawal.
 */
async function sendReceipt(request: DsrRequest, controller: Controller | undefined, now: Date): Promise<void> {
  if (!request.email || request.personalDataErasedAt || !controller) return;
  const email = withdrawalReceiptEmail({
    locale: request.locale,
    controllerName: inLocale(controller.name, request.locale, controller).text,
    type: request.type,
    requestReference: request.requestId,
    withdrawnAt: withdrawnAt(request) ?? now.toISOString(),
    statusUrl: links.status(request.requestId, request.statusKey),
    formUrl: links.form(request.locale),
  });
  await sendOnce({
    message: { owner: requestOwner(request.requestId), startedAt: 'withdrawalReceiptStartedAt', sentAt: 'withdrawalReceiptSentAt' },
    event: { event: 'subject_notice_sent', actor: 'system', detail: { notice: 'withdrawal' } },
    // Two posts may run at once (a double click, a second tab): only a claim older than any run was cut short.
    staleAfterMs: CLAIM_TIMEOUT_MS,
    at: now,
    send: (again) => sendEmail(request.email, again ? asRepeat(email, request.locale) : email, subjectMail(request)),
  });
}
