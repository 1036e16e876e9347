import { PutObjectCommand } from '@aws-sdk/client-s3';
import { safeFileName } from '../branches/task-answer';
import type { RequestAttachment } from '../domain/request';
import { s3 } from '../platform/aws/s3';
import { attachmentDisposition } from '../platform/file-types';
import type { UploadedFile } from '../platform/multipart';
import { packageBucket } from '../platform/package-bucket';

/** Key prefix of the files that came with requests (staff's recordings, mandates); deleted with the request's personal data, never by a lifecycle rule. */
export const ENTRIES_PREFIX = 'entries/';

/** Stores a request's files under `entries/<requestId>/` (the bucket's key encrypts them), numbered so two of one name both stay. */
export async function storeRequestFiles(requestId: string, files: UploadedFile[]): Promise<RequestAttachment[]> {
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
