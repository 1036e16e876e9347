import type middy from '@middy/core';
import httpMultipartBodyParser from '@middy/http-multipart-body-parser';
import { ACCEPTED_EXTENSIONS, checkFile } from './file-types';
import { clientError, type HttpEvent } from './http';

/**
 * Parses a multipart body (`files` at most, one unless said, `maxBytes` each); other content types go on to
 * `parseBody`. A malformed multipart body is a 400 naming the body, as malformed JSON is: the
 * parser's own refusal is a plain-text 415 that names nothing.
 */
export function multipartBody(maxBytes: number, files = 1, fields = 10): middy.MiddlewareObj<HttpEvent> {
  const parser = httpMultipartBodyParser({ disableContentTypeError: true, busboy: { limits: { files, fields, fileSize: maxBytes } } });
  return {
    before: async (request) => {
      try {
        await parser.before!(request as never);
      } catch (err) {
        if ((err as { statusCode?: number }).statusCode !== 415) throw err;
        throw clientError(400, 'Request body is not valid multipart/form-data', { body: 'not valid multipart/form-data' });
      }
    },
  };
}

/** A file that came with a request, checked (type, content and size), with the content type to store it under. */
export interface UploadedFile {
  name: string;
  content: Uint8Array;
  contentType: string;
}

/** A file as the multipart parser hands it over. */
interface Part {
  filename?: string;
  mimetype?: string;
  content?: Uint8Array;
  truncated?: boolean;
}

const isPart = (v: unknown): v is Part => typeof v === 'object' && v !== null && 'content' in v;

/** What one upload field held: its files, or why they were refused (the status and a message naming the field). */
export type Uploads = { files: UploadedFile[] } | { status: 400 | 413 | 415; message: string; error: string };

/**
 * The files of one multipart field, checked as every upload is: how many, how large together, and
 * only inert kinds (`extensions`, of the accepted ones) whose content is what their name says. An
 * empty file input (no name, no bytes) is no file. Names are made safe by `safeName`.
 */
export function uploadsOf(
  body: Record<string, unknown>,
  field: string,
  limits: { maxFiles: number; maxBytes: number; extensions?: readonly string[] },
  safeName: (name: string) => string,
): Uploads {
  const raw = body[field];
  if (raw === undefined || raw === '') return { files: [] };
  const parts = (Array.isArray(raw) ? raw : [raw]).filter((p) => !(isPart(p) && !p.filename && !p.content?.length));
  if (!parts.every(isPart)) return { status: 400, message: 'The request has invalid fields', error: `${field} must be files (multipart/form-data)` };
  if (parts.length > limits.maxFiles) return { status: 400, message: 'The request has invalid fields', error: `${field}: at most ${limits.maxFiles} files` };
  const total = parts.reduce((n, p) => n + (p.content?.byteLength ?? 0), 0);
  if (parts.some((p) => p.truncated) || total > limits.maxBytes) {
    return { status: 413, message: `The files are larger than ${limits.maxBytes} bytes together`, error: `${field} is too large` };
  }
  const extensions = limits.extensions ?? ACCEPTED_EXTENSIONS;
  const files: UploadedFile[] = [];
  // The parser lists a repeated field's files last first.
  for (const p of parts.reverse()) {
    const name = safeName(p.filename ?? 'attachment');
    const content = Buffer.from(p.content!.buffer, p.content!.byteOffset, p.content!.byteLength);
    const ext = /\.([A-Za-z0-9]{1,8})$/.exec(name)?.[1]?.toLowerCase() ?? '';
    const checked = content.length > 0 && extensions.includes(ext) ? checkFile(name, content, p.mimetype) : undefined;
    if (!checked?.accepted) {
      const why =
        content.length === 0
          ? 'is an empty file'
          : !checked || checked.reason === 'type_not_accepted'
            ? `must be one of: ${extensions.join(', ')}`
            : 'does not hold what its name says';
      return {
        status: 415,
        message: `Each file must be one of: ${extensions.join(', ')}, and its content must be what its name says`,
        error: `${field} ${why}`,
      };
    }
    files.push({ name, content, contentType: checked.contentType });
  }
  return { files };
}
