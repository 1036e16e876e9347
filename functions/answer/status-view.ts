import type { renderStatusPage } from '../../web/pages/status';
import type { Branch, DsrRequest, Locale, RequestStatus } from '../domain/request';
import { paths } from '../platform/links';
import { findController, findProcessor, inDeclaredOrder } from '../platform/register';
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

/** Statuses a subject may still withdraw a request from. */
const WITHDRAWABLE: readonly RequestStatus[] = ['awaiting_verification', 'received', 'in_review', 'in_progress'];

/** The status as JSON: ids, dates and statuses only. */
export function statusJson(request: DsrRequest, branches: Branch[]) {
  const controller = findController(request.controllerId);
  const ordered = controller ? inDeclaredOrder(controller, branches) : branches;
  return {
    requestId: request.requestId,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt ?? null,
    dueAt: request.dueAt ?? null,
    // The service's own retention, as dates only.
    ...(request.packageDeletedAt ? { packageDeletedAt: request.packageDeletedAt } : {}),
    ...(request.personalDataErasedAt ? { personalDataErasedAt: request.personalDataErasedAt } : {}),
    processors: ordered.map((b) => ({ id: b.processorId, status: b.status })),
  };
}

/**
 * What the status page shows the subject: where the request stands, what staff said (an
 * extension's reasons, a refusal, a question with the reply form), and the withdraw button while
 * the request can still be withdrawn. Shared by the status page and the reply handler, which
 * shows it again with the subject's answer and what was wrong with it.
 */
export function statusPageInput(
  request: DsrRequest,
  branches: Branch[],
  opts: { locale: Locale; justWithdrawn?: boolean; values?: { answer?: string }; errors?: { answer?: string } },
): Parameters<typeof renderStatusPage>[0] {
  const controller = findController(request.controllerId);
  const ordered = controller ? inDeclaredOrder(controller, branches) : branches;
  return {
    locale: opts.locale,
    controllerName: controller?.name ?? request.controllerId,
    requestId: request.requestId,
    type: request.type,
    status: request.status,
    receivedAt: request.receivedAt,
    dueAt: request.dueAt,
    completedAt: request.completedAt,
    processors: ordered.map((b) => ({
      name: (controller && findProcessor(controller, b.processorId)?.name) ?? b.processorId,
      status: b.status,
    })),
    ...(WITHDRAWABLE.includes(request.status) ? { withdraw: { actionUrl: paths.cancel(request.requestId), statusKey: request.statusKey } } : {}),
    justWithdrawn: opts.justWithdrawn ?? false,
    ...(request.extension && request.dueAt
      ? { extension: { months: request.extension.months, reasons: request.extension.reasons, newDueAt: request.dueAt } }
      : {}),
    ...(request.denial ? { denial: { text: request.denial.text } } : {}),
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
    ...(opts.values ? { values: opts.values } : {}),
    ...(opts.errors ? { errors: opts.errors } : {}),
  };
}
