import type middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import { createError } from '@middy/util';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { LOCALES, type Locale } from '../domain/request';
import { errorClass, logger } from './log';
import { Unavailable } from './unavailable';

/** What an HTTP handler returns: the API Gateway v2 structured result. */
export type HttpResult = APIGatewayProxyStructuredResultV2;
/** The event after our middleware: headers lower-cased, body parsed to a flat record. */
export type HttpEvent = Omit<APIGatewayProxyEventV2, 'body'> & { body?: unknown };

/** Requests over this size are refused with 413 before parsing; a DSR form is a few hundred bytes. */
export const MAX_BODY_BYTES = 8 * 1024;

/** A 4xx whose message reaches the caller, as JSON naming each bad field. */
export function clientError(statusCode: number, message: string, errors?: Record<string, string>): Error {
  return createError(statusCode, JSON.stringify(errors ? { message, errors } : { message }));
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
} as const;

export function json(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: { 'content-type': 'application/json; charset=utf-8', ...SECURITY_HEADERS }, body: JSON.stringify(body) };
}

export function html(statusCode: number, body: string): HttpResult {
  return {
    statusCode,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      // Pages carry no scripts and load nothing from elsewhere.
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
      ...SECURITY_HEADERS,
    },
    body,
  };
}

export function redirect(location: string): HttpResult {
  return { statusCode: 302, headers: { location, ...SECURITY_HEADERS }, body: '' };
}

/**
 * True when the caller asked for JSON (an API client) rather than a page (a browser): a page
 * whenever `text/html` is acceptable at all, whatever the weights, so a browser never gets JSON.
 */
export function wantsJson(event: HttpEvent): boolean {
  const accept = event.headers.accept ?? '';
  return /application\/json/i.test(accept) && !/text\/html/i.test(accept);
}

/** The page language: an explicit choice, then the browser's preference, then English. */
export function pickLocale(event: HttpEvent, explicit?: string | null): Locale {
  if (explicit && (LOCALES as readonly string[]).includes(explicit)) return explicit as Locale;
  const q = event.queryStringParameters?.lang;
  if (q && (LOCALES as readonly string[]).includes(q)) return q as Locale;
  const accept = (event.headers['accept-language'] ?? '').toLowerCase();
  for (const part of accept.split(',')) {
    const tag = part.trim().slice(0, 2);
    if ((LOCALES as readonly string[]).includes(tag)) return tag as Locale;
  }
  return 'en';
}

/**
 * Parses JSON and form-encoded bodies into a flat record. Oversized bodies get 413, other
 * content types 415, malformed JSON 400: each with a message that names the body. Our own rather
 * than @middy/http-json-body-parser and -urlencode-body-parser: those answer a malformed body with
 * a 415 naming nothing, take any `+json` type and merge a repeated field into a list unasked.
 */
function parseBody(): middy.MiddlewareObj<HttpEvent> {
  return {
    before: async (request) => {
      const event = request.event;
      const raw = event.body;
      if (raw === undefined || raw === null || raw === '') {
        event.body = undefined;
        return;
      }
      if (typeof raw === 'object') return; // parsed already (multipart)
      const text = event.isBase64Encoded ? Buffer.from(String(raw), 'base64').toString('utf8') : String(raw);
      const type = (event.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type === 'application/json') {
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          throw clientError(400, 'Request body is not valid JSON', { body: 'not valid JSON' });
        }
        if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
          throw clientError(400, 'Request body must be a JSON object', { body: 'must be a JSON object' });
        }
        event.body = parsed;
      } else if (type === 'application/x-www-form-urlencoded') {
        const params = new URLSearchParams(text);
        const record: Record<string, string | string[]> = {};
        for (const [key, value] of params) {
          // `name[]` is a list (checkboxes); any other field given twice is ambiguous and refused.
          if (key.endsWith('[]') && key.length > 2) {
            const list = key.slice(0, -2);
            if (typeof record[list] === 'string') throw clientError(400, `Field ${list} is given more than once`, { [list]: 'given more than once' });
            record[list] = [...((record[list] as string[] | undefined) ?? []), value];
            continue;
          }
          if (key in record) throw clientError(400, `Field ${key} is given more than once`, { [key]: 'given more than once' });
          record[key] = value;
        }
        event.body = record;
      } else {
        throw clientError(415, 'Content-Type must be application/json or application/x-www-form-urlencoded', { 'content-type': 'unsupported' });
      }
    },
  };
}

/** Refuses a body over `maxBytes` (a multipart one over `multipartMaxBytes`) with 413 before anything parses it. */
function limitBody(bodyMaxBytes: number, multipartMaxBytes: number): middy.MiddlewareObj<HttpEvent> {
  return {
    before: async ({ event }) => {
      if (typeof event.body !== 'string') return;
      const multipart = (event.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
      const maxBytes = multipart ? multipartMaxBytes : bodyMaxBytes;
      const bytes = event.isBase64Encoded ? Math.floor((event.body.length * 3) / 4) : Buffer.byteLength(event.body, 'utf8');
      if (bytes > maxBytes) throw clientError(413, `Request body is larger than ${maxBytes} bytes`, { body: 'too large' });
    },
  };
}

/** The security headers every answer carries, refusals and errors included. */
function securityHeaders(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  const add = async (request: { response?: HttpResult | null }) => {
    if (request.response && typeof request.response === 'object') {
      request.response.headers = { ...SECURITY_HEADERS, ...request.response.headers };
    }
  };
  return { after: add, onError: add };
}

/** Logs a failed request by status and error class only; bodies and messages may hold personal data. */
function logFailure(err: unknown): void {
  const statusCode = (err as { statusCode?: number })?.statusCode ?? 500;
  // A 503 names what was unavailable (its cause), not the HTTP error standing for it.
  if (statusCode >= 500) logger.error('request failed', { errorClass: errorClass((err as { cause?: unknown })?.cause ?? err), statusCode });
  else logger.info('request refused', { statusCode });
}

/** How long a caller is asked to wait when a service we depend on is down or busy (seconds). */
const RETRY_AFTER_SECONDS = 30;

/**
 * Whether an error says that a service behind the handler (DynamoDB, S3, SES, Step Functions, a
 * processor) failed, refused or was busy for a moment, rather than that the request is wrong: the
 * AWS SDK's server faults and throttling (429 included), a service's refusal ({@link Unavailable}:
 * SES would not send), timeouts, a connection refused or cut.
 */
export function isTransientFailure(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  if (err instanceof Unavailable) return true;
  const e = err as { name?: string; code?: string; $fault?: string; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
  if (e.$fault === 'server' || e.$retryable) return true;
  const status = e.$metadata?.httpStatusCode ?? 0;
  if (status >= 500 || status === 429) return true;
  if (['TooManyRequestsException', 'ThrottlingException', 'Throttling'].includes(e.name ?? '')) return true;
  return e.name === 'TimeoutError' || ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN'].includes(e.code ?? '');
}

/**
 * A dependency that is down or busy is a 503 with Retry-After, saying to try again shortly,
 * rather than a 500 that reads as a fault of the service: nothing about the request was wrong.
 */
function transientAs503(): middy.MiddlewareObj<HttpEvent, HttpResult> {
  return {
    onError: async (request) => {
      if (!isTransientFailure(request.error)) return;
      const unavailable = createError(503, JSON.stringify({ message: `Temporarily unavailable: please try again in ${RETRY_AFTER_SECONDS} seconds` }), {
        expose: true,
        cause: request.error,
      });
      // The error handler answers with an error's `headers`.
      request.error = Object.assign(unavailable, { headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
    },
  };
}

/**
 * The house middleware for HTTP handlers: headers normalised, errors mapped (only 4xx messages
 * reach callers), bodies limited and parsed. `multipart` parses an upload first (functions/platform/multipart.ts,
 * kept out of the handlers that take none: its parser is a large share of a bundle);
 * `rawBody` leaves the body as it came, for a signature over its bytes (OpenDSR callbacks);
 * `first` runs before any body is parsed (a task link's token check), and may answer at once.
 */
export function httpMiddleware(
  opts: {
    maxBodyBytes?: number;
    /** A multipart body's limit, when it carries files larger than a form's fields need (default `maxBodyBytes`). */
    maxMultipartBytes?: number;
    multipart?: (maxBytes: number) => middy.MiddlewareObj<HttpEvent>;
    rawBody?: boolean;
    // biome-ignore lint/suspicious/noExplicitAny: a handler's own context type
    first?: middy.MiddlewareObj<HttpEvent, HttpResult, Error, any>;
  } = {},
  // biome-ignore lint/suspicious/noExplicitAny: middy types a chain by its handler's event and result, which each handler narrows
): middy.MiddlewareObj<any, any>[] {
  const maxBodyBytes = opts.maxBodyBytes ?? MAX_BODY_BYTES;
  const maxMultipartBytes = opts.maxMultipartBytes ?? maxBodyBytes;
  return [
    // First in, so last out: it sees the answer the error handler made too.
    securityHeaders(),
    httpHeaderNormalizer(),
    httpErrorHandler({ logger: logFailure, fallbackMessage: JSON.stringify({ message: 'Internal Server Error' }) }),
    // After the error handler in the list, so before it when an error unwinds.
    transientAs503(),
    limitBody(maxBodyBytes, maxMultipartBytes),
    ...(opts.first ? [opts.first] : []),
    ...(opts.multipart ? [opts.multipart(maxMultipartBytes)] : []),
    ...(opts.rawBody ? [] : [parseBody()]),
  ];
}
