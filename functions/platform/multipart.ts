import type middy from '@middy/core';
import httpMultipartBodyParser from '@middy/http-multipart-body-parser';
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
