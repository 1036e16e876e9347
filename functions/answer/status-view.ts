import type { renderStatusPage } from '../../web/pages/status';
import { type Branch, type DsrRequest, type Locale, type RequestStatus, WITHDRAWN } from '../domain/request';
import { paths } from '../platform/links';
import { controllerNameIn, findController, inDeclaredOrder, processorNameIn } from '../platform/register';
import { constantTimeEqual, tokenMatches } from '../platform/tokens';

/**
 * What a presented status key opens: `open` (the status page, withdrawal, replies), `ended` (the
 * right key, but the request's personal data was erased, and the key with it), or `wrong`.
 */
export function statusKeyOpens(request: DsrRequest, key: unknown): 'open' | 'ended' | 'wrong' {
  if (typeof key !== 'string') return 'wrong';
  if (!constantTimeEqual(key, request.statusKey) && !tokenMatches(key, request.statusKeyHash)) return 'wrong';
  return request.personalDataErasedAt ? 'ended' : 'open';
}

/** Statuses a subject may still withdraw a request from (the guard of `workflow/withdrawal.ts`). */
export const WITHDRAWABLE: readonly RequestStatus[] = ['awaiting_verification', 'received', 'in_review', 'in_progress'];

/** Whether the request can still be withdrawn. */
export const withdrawable = (request: Pick<DsrRequest, 'status'>): boolean => WITHDRAWABLE.includes(request.status);

/**
 * A branch's status as the subject is shown it: one the withdrawal ended is `stopped`, not a
 * failure (nothing went wrong, and nobody will follow it up).
 */
export const shownStatus = (b: Pick<Branch, 'status' | 'errorClass'>): string => (b.status === 'failed' && b.errorClass === WITHDRAWN ? 'stopped' : b.status);

/** A finished branch that kept some of the data (a legal basis, a legal hold, done in part): never shown as plain "done". */
const keptSome = (b: Pick<Branch, 'status' | 'answer' | 'heldCount'>): boolean =>
  b.status === 'completed' && (b.answer?.outcome === 'retained' || b.answer?.outcome === 'partly' || (b.heldCount ?? 0) > 0);

/** When the subject withdrew the request: its last move to `cancelled`. */
export const withdrawnAt = (request: Pick<DsrRequest, 'status' | 'history'>): string | undefined =>
  request.status === 'cancelled' ? [...(request.history ?? [])].reverse().find((h) => h.status === 'cancelled')?.at : undefined;

/** The status as JSON: ids, dates and statuses only (a withdrawn request has no deadline left, and its stopped branches say so). */
export function statusJson(request: DsrRequest, branches: Branch[]) {
  const controller = findController(request.controllerId);
  const ordered = controller ? inDeclaredOrder(controller, branches) : branches;
  return {
    requestId: request.requestId,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt ?? null,
    dueAt: request.status === 'cancelled' ? null : (request.dueAt ?? null),
    ...(request.status === 'cancelled' ? { withdrawnAt: withdrawnAt(request) ?? null } : {}),
    // The service's own retention, as dates only.
    ...(request.packageDeletedAt ? { packageDeletedAt: request.packageDeletedAt } : {}),
    ...(request.personalDataErasedAt ? { personalDataErasedAt: request.personalDataErasedAt } : {}),
    processors: ordered.map((b) => ({ id: b.processorId, status: shownStatus(b) })),
    // Art. 12(5)(a): what the request waits for, while a fee is unpaid.
    ...(request.fee && request.status !== 'cancelled'
      ? { fee: { amount: request.fee.amount, currency: request.fee.currency, paidAt: request.fee.paidAt ?? null } }
      : {}),
    ...(request.fee && !request.fee.paidAt && request.status === 'in_review' ? { waitingFor: 'fee_payment' } : {}),
  };
}

/**
 * What the status page shows the subject: where the request stands, what staff said (an
 * extension's reasons, a refusal, a question with the reply form), until when the emailed download
 * link works (never the link), whom to ask, and the withdraw button (to the page that asks to
 * confirm) while the request can still be withdrawn. Shared by the status page and the reply handler, which
 * shows it again with the subject's answer and what was wrong with it.
 */
export function statusPageInput(
  request: DsrRequest,
  branches: Branch[],
  opts: { locale: Locale; values?: { answer?: string }; errors?: { answer?: string } },
): Parameters<typeof renderStatusPage>[0] {
  const controller = findController(request.controllerId);
  const ordered = controller ? inDeclaredOrder(controller, branches) : branches;
  return {
    locale: opts.locale,
    controllerName: controllerNameIn(request.controllerId, opts.locale),
    requestId: request.requestId,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    completedAt: request.completedAt,
    withdrawnAt: withdrawnAt(request),
    processors: ordered.map((b) => ({
      name: processorNameIn(controller, b.processorId, opts.locale),
      status: keptSome(b) ? 'kept' : shownStatus(b),
    })),
    ...(withdrawable(request) ? { withdraw: { actionUrl: paths.cancel(request.requestId), statusKey: request.statusKey } } : {}),
    ...(request.extension && request.dueAt
      ? { extension: { months: request.extension.months, reasons: request.extension.reasons, newDueAt: request.dueAt } }
      : {}),
    ...(request.denial ? { denial: { text: request.denial.text } } : {}),
    ...(request.status === 'completed' && request.downloadExpiresAt ? { download: { expiresAt: request.downloadExpiresAt } } : {}),
    ...(controller ? { dpoEmail: controller.dpoEmail } : {}),
    ...(request.packageDeletedAt ? { packageDeletedAt: request.packageDeletedAt } : {}),
    ...(request.personalDataErasedAt ? { personalDataErasedAt: request.personalDataErasedAt } : {}),
    ...(request.infoRequest
      ? {
          infoRequest: {
            question: request.infoRequest.text,
            pausesClock: request.infoRequest.pausesClock,
            ...(request.infoRequest.answeredAt ? { answeredAt: request.infoRequest.answeredAt } : {}),
            replyUrl: paths.reply(request.requestId),
            statusKey: request.statusKey,
          },
        }
      : {}),
    ...(request.fee
      ? {
          fee: {
            amount: request.fee.amount,
            currency: request.fee.currency,
            reason: request.fee.reason,
            ...(request.fee.paidAt ? { paidAt: request.fee.paidAt } : {}),
          },
        }
      : {}),
    ...(opts.values ? { values: opts.values } : {}),
    ...(opts.errors ? { errors: opts.errors } : {}),
  };
}
