/**
 * The API's OpenAPI 3.1 document, built from the schemas the handlers validate with and written to
 * web/openapi.json, which GET /v1/openapi.json serves as it is: the function builds no schema.
 * test/infra/openapi.test.ts holds the file to what this builds (UPDATE_DOCS=1 rewrites it).
 */
import { decisionSchema } from '../functions/domain/decision-rules';
import { draftDecisionSchema } from '../functions/domain/inbound-email';
import { taskAnswerFormSchema } from '../functions/domain/processor-answer';
import { staffEntrySchema } from '../functions/domain/staff-entry';
import { infoAnswerSchema, submissionSchema } from '../functions/domain/submission';
import * as z from '../functions/domain/validation';
import { mailchimpUnsubscribe } from '../functions/intake/mailing-tools';
import { suppressionCheckSchema } from '../functions/intake/suppression-check';
import { acceptedSchema, answeredSchema } from '../functions/processors/inhouse/answer';
import { callbackSchema } from '../functions/processors/opendsr/types';

/** Who may call a route: anyone, staff (a Cognito id token), a controller's API key, or a signed call. */
type Caller = 'public' | 'staff' | 'apiKey' | 'signed';

/** One route of the HTTP API, as the template declares it, with what it takes and answers. */
interface Route {
  method: 'get' | 'post';
  path: string;
  summary: string;
  caller: Caller;
  /** Query parameters beyond the path's: the link's token or status key, the page's language. */
  query?: string[];
  /** The body, per media type, by the schema the handler validates it with. */
  body?: Record<string, z.core.$ZodType>;
  /** The answers besides 4xx/5xx, by status. */
  ok: Record<string, string>;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';
const ANSWER_TIME = new Date(0);
/** The multipart form of a recorded request: its fields, and the person's files (`functions/handlers/staff-api/enter.ts` checks them). */
const staffEntryFormSchema = z.extend(staffEntrySchema, { attachments: z.optional(z.array(z.instanceof(Uint8Array))) });
/** The multipart form of a submission: its fields, and a representative's `mandate` file (`functions/handlers/subject-api/intake.ts` checks it). */
const submissionFormSchema = z.extend(submissionSchema, { mandate: z.optional(z.instanceof(Uint8Array)) });
const MULTIPART = 'multipart/form-data';

/** Every route of the API (infra/constructs/subject-api.ts and staff-api.ts); a test holds this list to the template. */
export const ROUTES: readonly Route[] = [
  { method: 'get', path: '/', summary: 'The request form', caller: 'public', ok: { 200: 'The form (HTML)' } },
  { method: 'get', path: '/{locale}', summary: 'The request form in a language', caller: 'public', ok: { 200: 'The form (HTML)' } },
  { method: 'get', path: '/c/{controllerId}', summary: "An organisation's request form", caller: 'public', ok: { 200: 'The form (HTML)' } },
  {
    method: 'get',
    path: '/c/{controllerId}/{locale}',
    summary: "An organisation's request form in a language",
    caller: 'public',
    ok: { 200: 'The form (HTML)' },
  },
  {
    method: 'post',
    path: '/v1/requests',
    summary: 'Submit a request; a verification link goes to the address',
    caller: 'public',
    body: { [JSON_TYPE]: submissionSchema, [FORM]: submissionSchema, [MULTIPART]: submissionFormSchema },
    ok: { 202: 'Received: `{requestId, status}`, or the check-your-email page' },
  },
  {
    method: 'get',
    path: '/v1/requests/{requestId}/sent',
    summary: 'The page after the form: the address the link went to, for a short while',
    caller: 'public',
    query: ['key'],
    ok: { 200: 'The page (HTML)' },
  },
  {
    method: 'get',
    path: '/v1/requests/{requestId}/verify',
    summary: 'The confirm page of a verification link',
    caller: 'public',
    query: ['token'],
    ok: { 200: 'The confirm page (HTML)' },
  },
  {
    method: 'post',
    path: '/v1/requests/{requestId}/verify',
    summary: 'Confirm a request (the address is the sender’s)',
    caller: 'public',
    query: ['token'],
    ok: { 200: 'Confirmed: the status link' },
  },
  {
    method: 'get',
    path: '/v1/requests/{requestId}/status',
    summary: "A request's status",
    caller: 'public',
    query: ['key'],
    ok: { 200: 'The status (HTML or JSON)' },
  },
  {
    method: 'get',
    path: '/v1/requests/{requestId}/cancel',
    summary: 'Ask before withdrawing a request',
    caller: 'public',
    query: ['key'],
    ok: { 200: 'The confirm step (HTML)' },
  },
  {
    method: 'post',
    path: '/v1/requests/{requestId}/cancel',
    summary: 'Withdraw a request',
    caller: 'public',
    query: ['key'],
    ok: { 200: 'Withdrawn (JSON)', 303: 'Withdrawn: to the status page' },
  },
  {
    method: 'post',
    path: '/v1/requests/{requestId}/reply',
    summary: "The person's answer to staff's question",
    caller: 'public',
    query: ['key'],
    body: { [FORM]: z.object({ key: z.string(), answer: infoAnswerSchema }) },
    ok: { 200: 'Recorded' },
  },
  {
    method: 'get',
    path: '/v1/requests/{requestId}/package',
    summary: 'Download the access or portability package',
    caller: 'public',
    query: ['token'],
    ok: { 302: 'To a short-lived download URL' },
  },
  {
    method: 'get',
    path: '/v1/requests/{requestId}/package/view',
    summary: "The access package's index as a page",
    caller: 'public',
    query: ['token'],
    ok: { 200: 'The page (HTML)' },
  },
  {
    method: 'get',
    path: '/v1/unsubscribe/{controllerId}/{purposeId}',
    summary: 'A one-click unsubscribe link',
    caller: 'signed',
    query: ['address', 'sig'],
    ok: { 200: 'The unsubscribe button (HTML)' },
  },
  {
    method: 'post',
    path: '/v1/unsubscribe/{controllerId}/{purposeId}',
    summary: 'Unsubscribe (RFC 8058 one-click)',
    caller: 'signed',
    query: ['address', 'sig'],
    ok: { 200: 'Unsubscribed' },
  },
  {
    method: 'get',
    path: '/v1/mailing-tools/{controllerId}/{toolId}',
    summary: "A mailing tool's webhook check",
    caller: 'apiKey',
    query: ['key'],
    ok: { 200: 'The webhook exists' },
  },
  {
    method: 'post',
    path: '/v1/mailing-tools/{controllerId}/{toolId}',
    summary: "A mailing tool's unsubscribe event (Mailchimp's first)",
    caller: 'apiKey',
    query: ['key'],
    body: { [FORM]: mailchimpUnsubscribe },
    ok: { 200: 'Recorded as a withdrawal of consent' },
  },
  {
    method: 'post',
    path: '/v1/suppression/check',
    summary: 'May this address be added again? (a controller asks)',
    caller: 'apiKey',
    body: { [JSON_TYPE]: suppressionCheckSchema },
    ok: { 200: '`{suppressed: boolean}`' },
  },
  {
    method: 'post',
    path: '/v1/opendsr/callback',
    summary: "An OpenDSR processor's signed status callback",
    caller: 'signed',
    body: { [JSON_TYPE]: callbackSchema },
    ok: { 204: 'Recorded' },
  },
  {
    method: 'post',
    path: '/v1/webhooks/callback/{requestId}/{processorId}',
    summary: "An in-house system's answer (signed webhook, or a Lambda's one-time token)",
    caller: 'signed',
    body: { [JSON_TYPE]: z.union([acceptedSchema, answeredSchema(ANSWER_TIME)]) },
    ok: { 200: 'Recorded' },
  },
  {
    method: 'get',
    path: '/v1/tasks/{requestId}/{processorId}',
    summary: "A vendor's or staff member's one-time task",
    caller: 'public',
    query: ['token'],
    ok: { 200: 'The task (HTML)' },
  },
  {
    method: 'post',
    path: '/v1/tasks/{requestId}/{processorId}',
    summary: 'Answer a task, with the export as a file',
    caller: 'public',
    query: ['token'],
    body: { 'multipart/form-data': taskAnswerFormSchema, [FORM]: taskAnswerFormSchema },
    ok: { 200: 'Recorded (HTML)' },
  },
  { method: 'get', path: '/console', summary: 'The staff console', caller: 'public', query: ['lang'], ok: { 200: 'The console (HTML)' } },
  {
    method: 'get',
    path: '/transparency/{controllerId}',
    summary: "An organisation's yearly figures",
    caller: 'public',
    ok: { 200: 'The figures (HTML or JSON)' },
  },
  {
    method: 'get',
    path: '/v1/staff/requests',
    summary: 'Requests, filtered',
    caller: 'staff',
    query: ['status', 'type', 'dueWithinDays', 'overdue'],
    ok: { 200: 'A page of requests' },
  },
  {
    method: 'post',
    path: '/v1/staff/requests',
    summary: 'Record a request that came by letter, phone, email or in person (approvers); files as `attachments` in multipart',
    caller: 'staff',
    body: { [JSON_TYPE]: staffEntrySchema, [MULTIPART]: staffEntryFormSchema },
    ok: { 201: 'Recorded: `{requestId, status, dueAt?}`' },
  },
  {
    method: 'get',
    path: '/v1/staff/requests/{requestId}',
    summary: 'One request, its branches, timeline and the decisions open',
    caller: 'staff',
    ok: { 200: 'The request' },
  },
  {
    method: 'get',
    path: '/v1/staff/requests/{requestId}/audit',
    summary: "A request's hash-chained audit trail",
    caller: 'staff',
    ok: { 200: 'The trail (JSON)' },
  },
  {
    method: 'get',
    path: '/v1/staff/requests/{requestId}/attachments/{file}',
    summary: "A short-lived link to one of a request's files (a mandate, a letter), numbered from 1 as the request lists them",
    caller: 'staff',
    ok: { 200: '`{url, name, contentType, bytes, expiresInSeconds}`' },
  },
  {
    method: 'post',
    path: '/v1/staff/requests/{requestId}/decisions',
    summary: 'Decide: approve, refuse, extend, ask, retry, complete a task, lift a restriction, correct an answer, charge a fee, record its payment',
    caller: 'staff',
    body: { [JSON_TYPE]: decisionSchema },
    ok: { 200: 'The request as it is now' },
  },
  {
    method: 'get',
    path: '/v1/staff/reports',
    summary: 'The compliance figures of a period',
    caller: 'staff',
    query: ['from', 'to', 'controller'],
    ok: { 200: 'The figures' },
  },
  {
    method: 'get',
    path: '/v1/staff/reports/requests.csv',
    summary: "A period's requests as CSV",
    caller: 'staff',
    query: ['from', 'to', 'controller'],
    ok: { 200: 'CSV' },
  },
  {
    method: 'get',
    path: '/v1/staff/inbound',
    summary: 'Requests by email whose right staff choose (no personal data)',
    caller: 'staff',
    ok: { 200: 'The drafts waiting' },
  },
  {
    method: 'get',
    path: '/v1/staff/inbound/{draftId}',
    summary: 'One request by email as received (the reading is audited)',
    caller: 'staff',
    ok: { 200: 'The message' },
  },
  {
    method: 'post',
    path: '/v1/staff/inbound/{draftId}',
    summary: 'Accept a request by email as a right (the verification email goes out), or discard it',
    caller: 'staff',
    body: { [JSON_TYPE]: draftDecisionSchema },
    ok: { 200: '`{status, requestId?}`' },
  },
  { method: 'get', path: '/v1/openapi.json', summary: 'This document', caller: 'public', ok: { 200: 'OpenAPI 3.1' } },
];

const SECURITY: Record<Caller, Record<string, string[]>[] | undefined> = {
  public: undefined,
  staff: [{ staffIdToken: [] }],
  apiKey: [{ controllerApiKey: [] }],
  signed: undefined,
};

/** A body schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect): what a caller may send. */
const jsonSchema = (schema: z.core.$ZodType) => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' });

/** The OpenAPI 3.1 document of the API, built from the schemas the handlers validate with. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of ROUTES) {
    const inPath = [...r.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
    const parameters = [
      ...inPath.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })),
      ...(r.query ?? []).map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
    ];
    const responses: Record<string, unknown> = Object.fromEntries(Object.entries(r.ok).map(([status, description]) => [status, { description }]));
    if (r.body || r.query || inPath.length) responses['400'] = { description: 'Bad input: `{message, errors}` naming each field' };
    if (r.caller === 'staff' || r.caller === 'apiKey') responses['401'] = { description: 'Not signed in, or no key' };
    paths[r.path] ??= {};
    paths[r.path]![r.method] = {
      summary: r.summary,
      ...(parameters.length ? { parameters } : {}),
      ...(r.body
        ? {
            requestBody: {
              required: true,
              content: Object.fromEntries(Object.entries(r.body).map(([type, schema]) => [type, { schema: jsonSchema(schema) }])),
            },
          }
        : {}),
      responses,
      ...(SECURITY[r.caller] ? { security: SECURITY[r.caller] } : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'GDPR data subject requests', version: '1', description: 'Requests from data subjects, answers from processors, decisions by staff.' },
    paths,
    components: {
      securitySchemes: {
        staffIdToken: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: "The staff pool's id token (Cognito)" },
        controllerApiKey: { type: 'http', scheme: 'bearer', description: "The controller's API key the register names" },
      },
    },
  };
}
