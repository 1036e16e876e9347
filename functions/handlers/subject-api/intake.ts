import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import { renderRequestAccepted } from '../../../web/pages/accepted';
import { type FormValues, renderRequestForm } from '../../../web/pages/form';
import { renderNotFound } from '../../../web/pages/not-found';
import { safeFileName } from '../../branches/task-answer';
import { IDENTIFIERS } from '../../domain/identifiers';
import { inLocale } from '../../domain/register-schema';
import { type Locale, MANDATE_EXTENSIONS, MANDATE_MAX_BYTES } from '../../domain/request';
import { InvalidSubmission, type ValidSubmission, validateSubmission, withoutOtherRights } from '../../domain/submission';
import { isRequestId } from '../../domain/validation';
import { acceptRequest, sentPage } from '../../intake/intake';
import { RateLimited, takeIntakeAllowance } from '../../intake/rate-limit';
import { storeRequestFiles } from '../../intake/request-files';
import { secrets } from '../../platform/aws/secrets';
import { configure, setting } from '../../platform/config';
import { type HttpEvent, type HttpResult, html, httpMiddleware, json, pickLocale, redirect, wantsJson } from '../../platform/http';
import { paths } from '../../platform/links';
import { logger } from '../../platform/log';
import { multipartBody, type UploadedFile, uploadsOf } from '../../platform/multipart';
import { findController, register } from '../../platform/register';
import { TOKEN_PATTERN } from '../../platform/tokens';
import { formController, formPage } from './form';

// The composition root: what this function is given, checked at cold start.
await configure(
  secrets,
  'REQUESTS_TABLE',
  'PACKAGE_BUCKET',
  'SENDER_EMAIL',
  'SES_CONFIGURATION_SET',
  'PUBLIC_BASE_URL',
  'SUPPRESSION_KEY_SECRET',
  'VERIFY_TTL_DAYS',
  'INTAKE_LIMIT_PER_ADDRESS',
  'INTAKE_LIMIT_PER_CLIENT',
  'INTAKE_LIMIT_PER_DOMAIN',
);

/** After a POST, the browser is sent on with a GET (303), so a reload shows the page and posts nothing. */
const seeOther = (location: string): HttpResult => ({ ...redirect(location), statusCode: 303 });

/** The form's fields a refused submission is re-rendered with (everything the subject typed or chose). */
const KEPT_FIELDS = [
  'type',
  'email',
  'name',
  'rectifyAttribute',
  'inaccurate',
  'corrected',
  'objectionScope',
  'objectionGrounds',
  'consentPurposes',
  'transmitTo',
  'viaCustomer',
  'message',
  'onBehalfOf',
  'subjectName',
  'subjectEmail',
  ...IDENTIFIERS,
] as const;

/** The submitted values as the form shows them again: text as it was, lists of text as lists, anything else dropped. */
function keptValues(body: Record<string, unknown>): FormValues {
  const values: FormValues = {};
  for (const field of KEPT_FIELDS) {
    const v = body[field];
    if (typeof v === 'string') values[field] = v;
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) values[field] = v as string[];
  }
  return values;
}

/**
 * The form's fields checked, and the mandate file with them: one is needed when someone asks for
 * another person, and refused otherwise. Every bad field is named at once.
 */
function validateWithMandate(body: Record<string, unknown>): ValidSubmission & { files: UploadedFile[] } {
  const mandate = uploadsOf(body, 'mandate', { maxFiles: 1, maxBytes: MANDATE_MAX_BYTES, extensions: MANDATE_EXTENSIONS }, safeFileName);
  let valid: ValidSubmission | undefined;
  let errors: Record<string, string> = {};
  let locale: Locale = 'en';
  try {
    valid = validateSubmission(body, register);
  } catch (err) {
    if (!(err instanceof InvalidSubmission)) throw err;
    errors = { ...err.errors };
    locale = err.locale;
  }
  const forSomeoneElse = typeof body.onBehalfOf === 'string' && body.onBehalfOf !== '';
  if ('error' in mandate) errors.mandate ??= mandate.error;
  else if (forSomeoneElse && mandate.files.length === 0)
    errors.mandate ??= 'mandate is required: a document that shows you may act for the person (a PDF or photo, sent as multipart/form-data)';
  else if (!forSomeoneElse && mandate.files.length > 0) errors.mandate ??= 'mandate is only for a request made for someone else (onBehalfOf)';
  if (!valid || Object.keys(errors).length > 0) throw new InvalidSubmission(errors, valid?.submission.locale ?? locale);
  return { ...valid, files: 'files' in mandate ? mandate.files : [] };
}

/** POST /v1/requests: a data subject asks to exercise a right. JSON for API clients, pages for the no-JS form. */
async function intake(event: HttpEvent): Promise<HttpResult> {
  const asJson = wantsJson(event) || (event.headers['content-type'] ?? '').startsWith('application/json');
  try {
    const raw = (event.body ?? {}) as Record<string, unknown>;
    const body = asJson ? raw : withoutOtherRights(raw);
    const { files, ...valid } = validateWithMandate(body);
    await takeIntakeAllowance(valid.submission.email, event.requestContext?.http?.sourceIp);
    // The mandate is stored first, so a request never points at a file that is not there.
    const requestId = randomUUID();
    const attachments = await storeRequestFiles(requestId, files);
    const { request, sentPageKey } = await acceptRequest(valid, { requestId, attachments });
    logger.info('request accepted', { requestId: request.requestId, type: request.type, controllerId: valid.controller.id, onBehalfOf: !!request.onBehalfOf });
    // A page is shown by a GET (303): a reload shows it again and does not post the form twice.
    return asJson ? json(202, { requestId: request.requestId, status: request.status }) : seeOther(paths.sent(request.requestId, sentPageKey));
  } catch (err) {
    if (err instanceof RateLimited) return rateLimited(event, err, asJson);
    if (!(err instanceof InvalidSubmission)) throw err;
    if (asJson) return json(400, { message: 'The request has invalid fields', errors: err.errors });
    // The form again, for the controller it was sent to (or the list, if that is unknown), with each error by its field.
    const body = (event.body ?? {}) as Record<string, unknown>;
    const controller = typeof body.controller === 'string' ? findController(body.controller) : undefined;
    const locale = controller && !controller.locales.includes(err.locale) ? controller.locales[0]! : err.locale;
    const page = renderRequestForm({
      locale,
      controllers: controller ? [formController(controller, locale)] : register.controllers.map((c) => formController(c, locale)),
      values: keptValues(body),
      errors: err.errors,
    });
    return formPage(400, page, controller);
  }
}

/**
 * GET /v1/requests/{requestId}/sent?key=…: the page after the form, check your email. For a short
 * while it shows the address typed (so a typo can be seen); the key, good for that page only, is
 * in the URL rather than the address, which never is. A wrong key and an unknown id get the same 404.
 */
async function sent(event: HttpEvent): Promise<HttpResult> {
  const requestId = event.pathParameters?.requestId ?? '';
  const key = event.queryStringParameters?.key ?? '';
  const page = isRequestId(requestId) && TOKEN_PATTERN.test(key) ? await sentPage(requestId, key) : { show: 'wrong' as const };
  if (page.show === 'wrong') return html(404, renderNotFound({ locale: pickLocale(event) }));
  const { request } = page;
  const controller = findController(request.controllerId);
  return html(
    200,
    renderRequestAccepted({
      locale: request.locale,
      controllerName: controller ? inLocale(controller.name, request.locale, controller) : request.controllerId,
      verifyTtlDays: setting('VERIFY_TTL_DAYS'),
      formUrl: paths.form(request.controllerId, request.locale),
      ...(page.show === 'address' ? { address: request.email } : { addressHidden: true }),
    }),
  );
}

/** 429 with when to try again: JSON naming the limit, or the form again with the values kept. */
function rateLimited(event: HttpEvent, err: RateLimited, asJson: boolean): HttpResult {
  const retry = { 'retry-after': String(err.retryAfterSeconds) };
  if (asJson) {
    const answer = json(429, { message: 'Too many requests: try again later', errors: { [err.field]: err.message } });
    return { ...answer, headers: { ...answer.headers, ...retry } };
  }
  const body = (event.body ?? {}) as Record<string, unknown>;
  const controller = typeof body.controller === 'string' ? findController(body.controller) : undefined;
  const requested = pickLocale(event, typeof body.locale === 'string' ? body.locale : undefined);
  const locale = controller && !controller.locales.includes(requested) ? controller.locales[0]! : requested;
  const page = formPage(
    429,
    renderRequestForm({
      locale,
      controllers: controller ? [formController(controller, locale)] : register.controllers.map((c) => formController(c, locale)),
      values: keptValues(body),
      // The form's own words for it, in the page's language (the JSON answer names the limit).
      errors: { rateLimit: '' },
    }),
    controller,
  );
  return { ...page, headers: { ...page.headers, ...retry } };
}

export const handler = middy()
  .use(
    httpMiddleware({
      // JSON and urlencoded bodies keep the form's small limit; a multipart one has room for a mandate
      // and the fields (a file past its share is cut short by the parser and refused above).
      maxMultipartBytes: MANDATE_MAX_BYTES + 128 * 1024,
      multipart: (max) => multipartBody(max, 1, 100),
    }),
  )
  .handler((event: HttpEvent) => (event.requestContext.http.method === 'GET' ? sent(event) : intake(event)));
