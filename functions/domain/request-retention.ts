import type { Controller } from './register-schema';
import { type DsrRequest, FINAL_STATUSES } from './request';

/**
 * The service's own retention of what it holds about a request (Art. 5(1)(c) and (e)): once a
 * request is closed, its access package goes when the download link expires, and its personal
 * data (address, name, what the subject wrote) goes `requestDataRetentionDays` after it closed.
 * What stays is the evidence that it was answered: ids, type, dates, status, history, outcome and
 * a keyed hash of the address. Pure: the sweep's steps are in functions/retention/request-purge.ts.
 */

const DAY_MS = 86_400_000;

/** When a closed request closed: the recorded completion (answered or refused), else its last status change (withdrawn). */
export function closedAt(request: Pick<DsrRequest, 'status' | 'completedAt' | 'history'>): string | undefined {
  if (!FINAL_STATUSES.includes(request.status)) return undefined;
  return request.completedAt ?? request.history.findLast((h) => h.status === request.status)?.at;
}

/** When the personal data of a request closed at `closed` is due to be erased, by the controller's setting. */
export function personalDataEraseAt(closed: string, retentionDays: number): string {
  return new Date(Date.parse(closed) + retentionDays * DAY_MS).toISOString();
}

/** What of a request decides its purge steps besides when it closed. */
type PurgeFacts = Pick<DsrRequest, 'packageKey' | 'downloadExpiresAt' | 'personalDataErasedAt'>;

/**
 * When the next purge step of a request closed at `closed` is due, or undefined when nothing is
 * left to purge: the package's deletion when its link expires (if that comes first), then the erasure.
 */
export function nextPurgeAt(closed: string, request: PurgeFacts, retentionDays: number): string | undefined {
  if (request.personalDataErasedAt) return undefined;
  const eraseAt = personalDataEraseAt(closed, retentionDays);
  if (request.packageKey && request.downloadExpiresAt && request.downloadExpiresAt < eraseAt) return request.downloadExpiresAt;
  return eraseAt;
}

/**
 * The sparse index attributes a request gets in the very write that closes it (at `closed`), so no
 * crash between closing and scheduling can leave it unpurged.
 */
export function purgeSchedule(
  controller: Pick<Controller, 'id' | 'requestDataRetentionDays'>,
  closed: string,
  request: PurgeFacts,
): Pick<DsrRequest, 'purgeCtl' | 'purgeAt'> {
  const purgeAt = nextPurgeAt(closed, request, controller.requestDataRetentionDays);
  return purgeAt ? { purgeCtl: controller.id, purgeAt } : {};
}
