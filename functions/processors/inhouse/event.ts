/**
 * What the organisation's own system is sent (a `lambda` processor's event, a `webhook`
 * processor's POST body): one documented, versioned shape. It carries the subject's identities:
 * personal data, sent to the controller's own code by design, and never logged here.
 */
import { type BranchAction, type DsrRequest, type Right, subjectName, subjectOf } from '../../domain/request';
import { setting } from '../../platform/config';

/** The event's version: a change that would break a handler gets a new one. */
export const EVENT_VERSION = '1';

/** Where an answer that comes later is POSTed (`POST /v1/webhooks/callback/{requestId}/{processorId}`). */
export const callbackPath = (requestId: string, processorId: string) =>
  `/v1/webhooks/callback/${encodeURIComponent(requestId)}/${encodeURIComponent(processorId)}`;

/** Version 1 of the event (README, "In-house systems"). */
export interface InhouseEvent {
  version: typeof EVENT_VERSION;
  requestId: string;
  processorId: string;
  controllerId: string;
  /** The right the subject exercises. */
  right: Right;
  /** What this system is asked to do: `export` (access, portability), `erase`, `rectify` or `restrict`. */
  action: BranchAction;
  /** Who the request is about, as they proved it (the address) and gave it (the name). */
  subject: { email: string; name?: string };
  /** For `rectify`: what is wrong and the correct value (and the attribute, when the subject named one). */
  correction?: { attribute?: string; inaccurate: string; corrected: string };
  /** When the request was received and when it must be answered (ISO 8601). */
  receivedAt?: string;
  dueAt?: string;
  /**
   * How to answer later: POST the answer to `url`. A webhook signs it with its secret; a Lambda
   * presents `token` (`Authorization: Bearer <token>`), good for this event only.
   */
  callback: { url: string; token?: string };
}

/** The event for one branch; `token` only for a Lambda. */
export function inhouseEvent(request: DsrRequest, branch: { processorId: string; action: BranchAction }, token?: string): InhouseEvent {
  const wanted = request.details?.rectification;
  return {
    version: EVENT_VERSION,
    requestId: request.requestId,
    processorId: branch.processorId,
    controllerId: request.controllerId,
    right: request.type,
    action: branch.action,
    subject: { email: subjectOf(request).email, ...(subjectName(request) ? { name: subjectName(request) } : {}) },
    ...(branch.action === 'rectify' && wanted
      ? { correction: { ...(wanted.attribute ? { attribute: wanted.attribute } : {}), inaccurate: wanted.inaccurate, corrected: wanted.corrected } }
      : {}),
    ...(request.receivedAt ? { receivedAt: request.receivedAt } : {}),
    ...(request.dueAt ? { dueAt: request.dueAt } : {}),
    callback: { url: `${setting('PUBLIC_BASE_URL')}${callbackPath(request.requestId, branch.processorId)}`, ...(token ? { token } : {}) },
  };
}

/**
 * Version 1 of the withdrawal notice a `webhook` processor is POSTed, signed as the event is, when
 * the subject withdraws a request it was sent and has not answered: stop, and answer nothing (a
 * callback for it is refused). Told by `type`, which the event itself does not have.
 */
export interface InhouseWithdrawal {
  version: typeof EVENT_VERSION;
  type: 'withdrawal';
  requestId: string;
  processorId: string;
  controllerId: string;
  /** When the subject withdrew the request (ISO 8601). */
  withdrawnAt: string;
}

/** The withdrawal notice for one branch: ids and the time only. */
export function inhouseWithdrawal(request: DsrRequest, branch: { processorId: string }, withdrawnAt: string): InhouseWithdrawal {
  return {
    version: EVENT_VERSION,
    type: 'withdrawal',
    requestId: request.requestId,
    processorId: branch.processorId,
    controllerId: request.controllerId,
    withdrawnAt,
  };
}
