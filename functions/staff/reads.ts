/**
 * Staff reads are accountable too (Art. 5(2)): viewing a request (the subject's address, name and
 * what they asked), opening one of its files, exporting its audit trail and exporting a period's requests as CSV are each an
 * audit event naming the staff member, recorded before the answer goes out, so a read that
 * cannot be recorded is not served. Events hold ids, the staff username and counts: no personal
 * data of the subject.
 */
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { RequestAttachment } from '../domain/request';
import { s3 } from '../platform/aws/s3';
import { audit } from '../platform/data/audit';
import { staffExportTrail } from '../platform/data/keys';
import { attachmentDisposition } from '../platform/file-types';
import { packageBucket } from '../platform/package-bucket';
import type { Staff } from './staff';

/** A staff member opened a request's detail. */
export async function recordRequestViewed(staff: Staff, requestId: string, at = new Date()): Promise<void> {
  await audit(requestId, 'staff_viewed_request', 'staff', { by: staff.username }, at);
}

/** A staff member opened one of a request's files (its number, from 1), e.g. to check a mandate. */
export async function recordAttachmentOpened(staff: Staff, requestId: string, file: number, at = new Date()): Promise<void> {
  await audit(requestId, 'staff_opened_attachment', 'staff', { by: staff.username, file }, at);
}

/** How long a link to a request's file works: long enough to start the download, too short to pass on. */
export const ATTACHMENT_LINK_SECONDS = 60;

/** A presigned GET of a request's file: always a download under its own name and our content type, never shown inline. */
export async function attachmentLink(file: RequestAttachment): Promise<{ url: string; expiresInSeconds: number }> {
  const url = await getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: packageBucket(),
      Key: file.key,
      ResponseContentDisposition: attachmentDisposition(file.name),
      ResponseContentType: file.contentType,
    }),
    { expiresIn: ATTACHMENT_LINK_SECONDS },
  );
  return { url, expiresInSeconds: ATTACHMENT_LINK_SECONDS };
}

/** A staff member exported a request's audit trail. */
export async function recordAuditExported(staff: Staff, requestId: string, at = new Date()): Promise<void> {
  await audit(requestId, 'staff_exported_audit_trail', 'staff', { by: staff.username }, at);
}

/** A staff member exported the CSV of a controller's requests received in a period. */
export async function recordRequestsExported(
  staff: Staff,
  controllerId: string,
  period: { from: Date; to: Date },
  rows: number,
  at = new Date(),
): Promise<void> {
  await audit(
    staffExportTrail(controllerId),
    'staff_exported_requests_csv',
    'staff',
    { by: staff.username, controllerId, from: period.from.toISOString(), to: period.to.toISOString(), rows },
    at,
  );
}
