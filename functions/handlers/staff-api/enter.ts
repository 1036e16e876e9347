import middy from '@middy/core';
import { safeFileName } from '../../branches/task-answer';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, validateStaffEntry } from '../../domain/staff-entry';
import { InvalidSubmission } from '../../domain/submission';
import { type EntryFile, enterRequest } from '../../intake/staff-entry';
import { configure } from '../../platform/config';
import { ACCEPTED_EXTENSIONS, checkFile } from '../../platform/file-types';
import { clientError, type HttpEvent, type HttpResult, httpMiddleware, json } from '../../platform/http';
import { logger } from '../../platform/log';
import { multipartBody } from '../../platform/multipart';
import { register } from '../../platform/register';
import { claimsOf, mayAccess, requireRole } from '../../staff/staff';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET', 'STATE_MACHINE_ARN', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL', 'VERIFY_TTL_DAYS');

/** A file as the multipart parser hands it over. */
interface Part {
  filename?: string;
  mimetype?: string;
  content?: Uint8Array;
  truncated?: boolean;
}

const isPart = (v: unknown): v is Part => typeof v === 'object' && v !== null && 'content' in v;

/**
 * The files of the `attachments` field, checked as a task link's upload is: how many, how large
 * (each and together), and only inert kinds whose content is what their name says.
 */
function attachmentsOf(body: Record<string, unknown>): EntryFile[] {
  const raw = body.attachments;
  if (raw === undefined || raw === '') return [];
  const parts = (Array.isArray(raw) ? raw : [raw]).filter((p) => !(isPart(p) && !p.filename && !p.content?.length));
  if (!parts.every(isPart)) throw clientError(400, 'The request has invalid fields', { attachments: 'attachments must be files (multipart/form-data)' });
  if (parts.length > MAX_ATTACHMENTS) throw clientError(400, 'The request has invalid fields', { attachments: `at most ${MAX_ATTACHMENTS} files` });
  const total = parts.reduce((n, p) => n + (p.content?.byteLength ?? 0), 0);
  if (parts.some((p) => p.truncated) || total > MAX_ATTACHMENT_BYTES) {
    throw clientError(413, `The files are larger than ${MAX_ATTACHMENT_BYTES} bytes together`, { attachments: 'too large' });
  }
  // The parser lists a repeated field's files last first.
  return parts.reverse().map((p) => {
    const name = safeFileName(p.filename ?? 'attachment');
    const content = Buffer.from(p.content!.buffer, p.content!.byteOffset, p.content!.byteLength);
    const checked = content.length > 0 ? checkFile(name, content, p.mimetype) : undefined;
    if (!checked?.accepted) {
      throw clientError(415, `Each file must be one of: ${ACCEPTED_EXTENSIONS.join(', ')}, and its content must be what its name says`, {
        attachments: !checked ? 'empty file' : checked.reason === 'type_not_accepted' ? 'type not accepted' : 'content does not match its type',
      });
    }
    return { name, content, contentType: checked.contentType };
  });
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
