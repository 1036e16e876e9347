import { randomUUID } from 'node:crypto';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { sendReceipt } from '../answer/receipt';
import { safeFileName } from '../branches/task-answer';
import { requestDeadlines } from '../domain/deadlines';
import type { Identifiers } from '../domain/identifiers';
import type { DsrRequest, RequestAttachment, RequestDetails, RequestEntry } from '../domain/request';
import type { EntryFacts } from '../domain/staff-entry';
import type { Submission } from '../domain/submission';
import { s3 } from '../platform/aws/s3';
import { audit } from '../platform/data/audit';
import { createRequest } from '../platform/data/requests';
import { startExecution } from '../platform/executions';
import { attachmentDisposition } from '../platform/file-types';
import { packageBucket } from '../platform/package-bucket';
import type { Controller } from '../platform/register';
import { newToken } from '../platform/tokens';
import { acceptRequest, entryAuditDetail } from './intake';

/** Key prefix of the files that came with requests staff recorded; deleted with the request's personal data, never by a lifecycle rule. */
export const ENTRIES_PREFIX = 'entries/';

/** A file staff attach, checked already (type and size). */
export interface EntryFile {
  name: string;
  content: Uint8Array;
  contentType: string;
}

/** A recorded request as validated, with who records it. */
export interface Entry {
  submission: Submission;
  details: RequestDetails;
  /** What the person is found by beyond the address, as the form would take them. */
  identifiers: Identifiers;
  controller: Controller;
  facts: EntryFacts;
  files: EntryFile[];
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
  const attachments = await storeFiles(requestId, entry.files);
  if (recorded.identity.method === 'verification_email') {
    const { request } = await acceptRequest(entry.submission, entry.controller, at, entry.details, entry.identifiers, {
      requestId,
      entry: recorded,
      attachments,
    });
    return request;
  }

  const { submission, controller, details, identifiers } = entry;
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
  await createRequest(request);
  const entered = await audit(requestId, 'request_entered', 'staff', entryAuditDetail(request, { entry: recorded, attachments }), at, { head: null });
  // The staff member's identity is the evidence; the reason stays on the request, never in the trail.
  await audit(requestId, 'identity_attested', 'staff', { by: entry.by, dueAt }, at, { head: entered ?? null });
  // Before the workflow starts, so the receipt comes before anything the workflow sends.
  await sendReceipt(request, controller, at);
  await startExecution(requestId);
  return request;
}

/** Stores a recorded request's files under `entries/<requestId>/`, numbered so two of one name both stay. */
async function storeFiles(requestId: string, files: EntryFile[]): Promise<RequestAttachment[]> {
  const stored: RequestAttachment[] = [];
  for (const [i, file] of files.entries()) {
    const name = safeFileName(file.name);
    const key = `${ENTRIES_PREFIX}${requestId}/${i + 1}-${name}`;
    await s3.send(
      new PutObjectCommand({
        Bucket: packageBucket(),
        Key: key,
        Body: file.content,
        ContentType: file.contentType,
        ContentDisposition: attachmentDisposition(name),
      }),
    );
    stored.push({ key, name, contentType: file.contentType, bytes: file.content.byteLength });
  }
  return stored;
}
