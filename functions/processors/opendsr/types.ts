/** OpenDSR v2 messages (opengdpr/opengdpr specification.md §5-9), as far as this service uses them. */
import type { $ZodError } from 'zod/v4/core';
import * as z from '../../domain/validation';

export const API_VERSION = '2.0';

/** Headers of signed callbacks and responses (§8.3, §8.6), lower-cased; the OpenGDPR names are honoured too (§10.1). */
export const HEADERS = {
  domain: ['x-opendsr-processor-domain', 'x-opengdpr-processor-domain'],
  signature: ['x-opendsr-signature', 'x-opengdpr-signature'],
} as const;

/** Request statuses (§8). */
export const REQUEST_STATUSES = ['pending', 'in_progress', 'completed', 'cancelled'] as const;
export type OpendsrStatus = (typeof REQUEST_STATUSES)[number];

/** GUIDs are lower-case UUID v4 (§1.1). */
export const SUBJECT_REQUEST_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const rfc3339 = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/ });

/** `POST /requests` body (§7.1.1). */
export interface OpendsrRequest {
  regulation: 'gdpr';
  subject_request_id: string;
  subject_request_type: 'access' | 'portability' | 'erasure';
  subject_identities: { identity_type: 'email'; identity_value: string; identity_format: 'raw' | 'sha256' }[];
  submitted_time: string;
  api_version: typeof API_VERSION;
  status_callback_urls: string[];
}

/** `GET /discovery` (§6.3): only what this service relies on is required. */
export const discoverySchema = z.object({
  api_version: z.optional(z.string()),
  supported_identities: z.optional(z.array(z.object({ identity_type: z.string(), identity_format: z.string() }))),
  supported_subject_request_types: z.optional(z.array(z.string())),
  processor_certificate: httpUrl,
});
export type Discovery = z.infer<typeof discoverySchema>;

/** `POST /requests` response (§7.3). */
export const requestResponseSchema = z.object({
  subject_request_id: z.string().check(z.regex(SUBJECT_REQUEST_ID)),
  expected_completion_time: z.optional(rfc3339),
  received_time: z.optional(rfc3339),
  controller_id: z.optional(z.string()),
});

/** What a status response (§8.3) and a callback (§8.6) share. */
const statusFields = {
  subject_request_id: z.string().check(z.regex(SUBJECT_REQUEST_ID)),
  request_status: z.enum(REQUEST_STATUSES),
  expected_completion_time: rfc3339,
  controller_id: z.optional(z.string()),
  api_version: z.optional(z.string()),
  results_url: z.optional(httpUrl),
  results_count: z.optional(z.number().check(z.int(), z.minimum(0))),
};

/** `GET /requests/{id}` response (§8.3). */
export const statusResponseSchema = z.object(statusFields);

/** A status callback's body (§8.6). */
export const callbackSchema = z.object({ ...statusFields, status_callback_url: z.string().check(z.minLength(1)) });

/** A request's status at the processor, by callback or by polling. */
export type OpendsrStatusReport = z.infer<typeof statusResponseSchema>;
export type OpendsrCallback = z.infer<typeof callbackSchema>;

/** The first field a schema refused, for a 400 that names it (never its value). */
export function firstBadField(error: $ZodError): string {
  return error.issues[0]?.path.join('.') || 'body';
}
