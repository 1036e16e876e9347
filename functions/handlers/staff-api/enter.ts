import middy from '@middy/core';
import { safeFileName } from '../../branches/task-answer';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, validateStaffEntry } from '../../domain/staff-entry';
import { InvalidSubmission } from '../../domain/submission';
import { enterRequest } from '../../intake/staff-entry';
import { configure } from '../../platform/config';
import { clientError, type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { logger } from '../../platform/log';
import { multipartBody, type UploadedFile, uploadsOf } from '../../platform/multipart';
import { register } from '../../platform/register';
import { claimsOf, mayAccess, requireRole } from '../../staff/staff';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET', 'STATE_MACHINE_ARN', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'VERIFY_TTL_DAYS');

/** The files of the `attachments` field, checked as a task link's upload is; a refusal names the field. */
function attachmentsOf(body: Record<string, unknown>): UploadedFile[] {
  const uploads = uploadsOf(body, 'attachments', { maxFiles: MAX_ATTACHMENTS, maxBytes: MAX_ATTACHMENT_BYTES }, safeFileName);
  if ('error' in uploads) throw clientError(uploads.status, uploads.message, { attachments: uploads.error });
  return uploads.files;
}

/**
 * POST /v1/staff/requests: an approver records a request that came by letter, phone, email or in
 * person. JSON, or multipart/form-data with the person's files as `attachments`. Everything is
 * checked before anything is stored; the form's rules check what the person asked.
 */
async function enter(event: HttpEvent): Promise<HttpResult> {
  const staff = requireRole(claimsOf(event), 'enter');
  const body = (event.body ?? {}) as Record<string, unknown>;
  const at = new Date();
  let valid: ReturnType<typeof validateStaffEntry>;
  try {
    valid = validateStaffEntry(body, register, at);
  } catch (err) {
    if (err instanceof InvalidSubmission) return json(400, { message: 'The request has invalid fields', errors: err.errors });
    throw err;
  }
  if (!mayAccess(staff, valid.controller.id)) throw clientError(403, 'You may not record requests for this organisation', { controller: 'not yours' });
  const files = attachmentsOf(body);
  const request = await enterRequest({ ...valid, files, by: staff.username }, at);
  logger.info('request entered', { requestId: request.requestId, type: request.type, controllerId: request.controllerId, channel: valid.facts.channel });
  return json(201, { requestId: request.requestId, status: request.status, ...(request.dueAt ? { dueAt: request.dueAt } : {}) });
}

export const handler = middy()
  .use(
    httpMiddleware({
      // Room for the files and the fields; a file past its share is cut short by the parser and refused above.
      maxBodyBytes: MAX_ATTACHMENT_BYTES + 256 * 1024,
      multipart: (max) => multipartBody(max, MAX_ATTACHMENTS + 1, 30),
    }),
  )
  .handler(enter);
