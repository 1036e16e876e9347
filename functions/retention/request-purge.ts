import { DeleteObjectCommand } from '@aws-sdk/client-s3';
import { type AuditEvent, type Branch, type DsrRequest, FINAL_STATUSES, subjectOf } from '../domain/request';
import { closedAt, nextPurgeAt, personalDataEraseAt } from '../domain/request-retention';
import { s3 } from '../platform/aws/s3';
import { auditEvent } from '../platform/data/audit';
import { and, eq, exists, isIn, notExists } from '../platform/data/expressions';
import { getRequestWithBranches, settleOwedOfRequest, settleRequestOwed, updateRequestIf } from '../platform/data/requests';
import { packageBucket, packageViewKey } from '../platform/package-bucket';
import type { Controller } from '../platform/register';
import { hashToken } from '../platform/tokens';
import { suppressionHash } from './scheduled-erasures';

/** What one purge of a due request did. */
export interface PurgeOutcome {
  packageDeleted: boolean;
  personalDataErased: boolean;
}

/** A refusal still waiting for its email keeps the address: look again this much later. */
const STILL_OPEN_RETRY_MS = 86_400_000;

/** Every object of the package bucket that holds the request's data: the package and its web view, each export and each file a processor sent. */
function storedObjects(request: DsrRequest, branches: Branch[]): string[] {
  const view = request.packageKey && request.type === 'access' ? packageViewKey(request.requestId) : undefined;
  const keys = [request.packageKey, view, ...branches.flatMap((b) => [b.exportKey, b.attachmentKey])];
  return [...new Set(keys.filter((k): k is string => !!k))];
}

/** The keys of the files a request staff recorded came with. */
export function attachmentKeys(request: Pick<DsrRequest, 'attachments'>): string[] {
  return (request.attachments ?? []).map((a) => a.key);
}

/** Deletes a recorded request's files from the package bucket (a repeat is harmless). */
export async function deleteAttachments(request: Pick<DsrRequest, 'attachments'>): Promise<void> {
  await deleteObjects(attachmentKeys(request));
}

/** Deletes objects from the package bucket; deleting one that is gone already is no error in S3, so a repeat is harmless. */
async function deleteObjects(keys: string[]): Promise<void> {
  for (const Key of keys) await s3.send(new DeleteObjectCommand({ Bucket: packageBucket(), Key }));
}

/**
 * The due purge step of one closed request (docs/ARCHITECTURE.md, "Retention of request data"):
 * - its download link expired (or its retention ended): the package and the exports it was built
 *   from are deleted, and `packageKey` and the download token leave the request;
 * - its retention ended: the subject's personal data leaves the request in one guarded write, which
 *   keeps the evidence and a keyed hash of the address and takes the request out of the index.
 * Objects are deleted before the write that records it, and each write is guarded, so a crash at
 * any point is repaired by the next sweep doing the same again.
 */
export async function purgeRequest(requestId: string, controller: Controller, at = new Date()): Promise<PurgeOutcome> {
  const outcome: PurgeOutcome = { packageDeleted: false, personalDataErased: false };
  const found = await getRequestWithBranches(requestId);
  const { request, branches } = found;
  const closed = request && closedAt(request);
  if (!request || !closed || !request.purgeAt) return outcome;
  // The event of an earlier step a crash kept off the trail (e.g. the package's deletion) goes first.
  await settleOwedOfRequest(found);
  const now = at.toISOString();
  const eraseDue = personalDataEraseAt(closed, controller.requestDataRetentionDays) <= now;
  const packageDue = !!request.packageKey && (eraseDue || (!!request.downloadExpiresAt && request.downloadExpiresAt <= now));
  if (!packageDue && !eraseDue) return outcome;

  // The files a recorded request came with are personal data: they go with the address, not with the package.
  const objects = [...storedObjects(request, branches), ...(eraseDue ? attachmentKeys(request) : [])];
  await deleteObjects(objects);
  if (packageDue) {
    const after = { ...request, packageKey: undefined };
    const deleted = await updateRequestIf(
      requestId,
      {
        set: { packageDeletedAt: now, purgeAt: nextPurgeAt(closed, after, controller.requestDataRetentionDays) },
        // The token's hash stays until the personal data goes: only the link's holder is told when the package went.
        remove: ['packageKey'],
        // The count is known only now (a repeat finds the objects gone): it is kept with the write.
        owe: [auditEvent('package_deleted', 'system', { objects: objects.length }, at)],
      },
      eq('packageKey', request.packageKey),
    );
    if (deleted) {
      await settleRequestOwed(deleted);
      outcome.packageDeleted = true;
    }
  }
  if (!eraseDue) return outcome;
  if (request.openCtl) {
    // Still in the open index: a refusal whose email has not gone out yet, or a close not seen through (workflow/close.ts).
    await updateRequestIf(requestId, { set: { purgeAt: new Date(at.getTime() + STILL_OPEN_RETRY_MS).toISOString() } }, exists('openCtl'));
    return outcome;
  }
  const erased = await erasePersonalData(request, at, auditEvent('personal_data_erased', 'system', { objects: objects.length }, at));
  // Out of the purge index now: a crash before this leaves the event to whoever reads the request next (staff, before its trail).
  if (erased) await settleRequestOwed(erased);
  outcome.personalDataErased = erased !== undefined;
  return outcome;
}

/**
 * Erases what the subject gave us from a closed request: address, name, details, the files that came with a recorded request, and their answer
 * to a question. Staff's own words (a refusal's text, an extension's reasons, the question) stay:
 * they are the controller's record of why it answered as it did (Art. 5(2)). The status, dates,
 * history and outcome stay; `identityHash` keeps who asked as the repeat check knows them. The
 * status key ends here too (only its hash stays, so the link can say it ended): whoever holds an
 * old email must not read, withdraw or answer for ever.
 */
async function erasePersonalData(request: DsrRequest, at: Date, event: AuditEvent): Promise<DsrRequest | undefined> {
  const now = at.toISOString();
  const { answer: _answer, ...question } = request.infoRequest ?? {};
  return updateRequestIf(
    request.requestId,
    {
      set: {
        personalDataErasedAt: now,
        ...(request.email ? { identityHash: suppressionHash(subjectOf(request).email) } : {}),
        ...(request.statusKey ? { statusKeyHash: hashToken(request.statusKey) } : {}),
        ...(request.infoRequest ? { infoRequest: question as NonNullable<DsrRequest['infoRequest']> } : {}),
      },
      remove: ['email', 'name', 'identifiers', 'details', 'onBehalfOf', 'attachments', 'purgeCtl', 'purgeAt', 'packageKey', 'downloadTokenHash', 'statusKey'],
      owe: [event],
    },
    // Only a closed request that left the open index, erased once.
    and(notExists('personalDataErasedAt'), notExists('openCtl'), isIn('status', FINAL_STATUSES)),
  );
}
