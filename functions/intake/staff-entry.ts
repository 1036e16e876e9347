import { randomUUID } from 'node:crypto';
import { sendReceipt } from '../answer/receipt';
import { requestDeadlines } from '../domain/deadlines';
import type { Identifiers } from '../domain/identifiers';
import type { DsrRequest, RepresentedSubject, RequestDetails, RequestEntry } from '../domain/request';
import type { EntryFacts } from '../domain/staff-entry';
import type { Submission } from '../domain/submission';
import type { ChainedAuditEvent } from '../platform/audit-chain';
import { audit, auditEvent, owedEntry } from '../platform/data/audit';
import { createRequest } from '../platform/data/requests';
import { startExecution } from '../platform/executions';
import type { UploadedFile } from '../platform/multipart';
import type { Controller } from '../platform/register';
import { newToken } from '../platform/tokens';
import { acceptRequest, entryAuditDetail } from './intake';
import { storeRequestFiles } from './request-files';

/** A recorded request as validated, with who records it. */
export interface Entry {
  submission: Submission;
  details: RequestDetails;
  /** What the person is found by beyond the address, as the form would take them. */
  identifiers: Identifiers;
  controller: Controller;
  /** Who the request is for when someone else asks (as the form takes it). */
  onBehalfOf?: RepresentedSubject;
  facts: EntryFacts;
  /** Checked already (type and size). */
  files: UploadedFile[];
  /** The staff member's username. */
  by: string;
}

/**
 * Records a request that came by letter, phone, email or in person, and sets it going as the form's
 * would. Its files are stored first (the bucket's key encrypts them), so a request never points at
 * a file that is not there. With a verification email the request waits for the person's
 * confirmation like the form's; attested, it is received at once with its deadline counted from the
 * day it was received, the person gets the receipt and the workflow starts.
 */
export async function enterRequest(entry: Entry, at = new Date()): Promise<DsrRequest> {
  const requestId = randomUUID();
  const recorded: RequestEntry = {
    channel: entry.facts.channel,
    receivedAt: entry.facts.receivedAt,
    by: entry.by,
    at: at.toISOString(),
    identity: entry.facts.identity,
  };
  const attachments = await storeRequestFiles(requestId, entry.files);
  if (recorded.identity.method === 'verification_email') {
    const { request } = await acceptRequest(entry, { at, recorded: { requestId, entry: recorded, attachments } });
    return request;
  }

  const { submission, controller, details, identifiers, onBehalfOf } = entry;
  const locale = controller.locales.includes(submission.locale) ? submission.locale : controller.locales[0]!;
  const { dueAt, targetAt } = requestDeadlines(new Date(recorded.receivedAt), controller);
  const request: DsrRequest = {
    requestId,
    controllerId: controller.id,
    type: submission.type,
    locale,
    email: submission.email,
    ...(submission.name ? { name: submission.name } : {}),
    ...(Object.keys(details).length ? { details } : {}),
    ...(Object.keys(identifiers).length ? { identifiers } : {}),
    ...(onBehalfOf ? { onBehalfOf } : {}),
    entry: recorded,
    ...(attachments.length ? { attachments } : {}),
    status: 'received',
    version: 1,
    createdAt: at.toISOString(),
    // No link was sent: nothing waits on this, it only fills the field every request has.
    verifyExpiresAt: at.toISOString(),
    statusKey: newToken(),
    receivedAt: recorded.receivedAt,
    dueAt,
    ...(targetAt ? { targetAt } : {}),
    history: [{ status: 'received', at: at.toISOString() }],
    openCtl: controller.id,
    openDue: dueAt,
  };
  const events = [
    auditEvent('request_entered', 'staff', entryAuditDetail(request, { entry: recorded, attachments }), at),
    // The staff member's identity is the evidence; the reason stays on the request, never in the trail.
    auditEvent('identity_attested', 'staff', { by: entry.by, dueAt }, at),
  ];
  // Owed with the request itself, so a crash before they are on the trail leaves them for the sweep,
  // which takes them off; the trail starts here, so its head is known (no reads).
  await createRequest({ ...request, auditOwed: new Set(events.map(owedEntry)) });
  let head: ChainedAuditEvent | null = null;
  for (const e of events) head = (await audit(requestId, e.event, e.actor, e.detail, at, { head, once: true })) ?? null;
  // Before the workflow starts, so the receipt comes before anything the workflow sends.
  await sendReceipt(request, controller, at);
  await startExecution(requestId);
  return request;
}
