import type { Register } from './register-schema';
import { CHANNELS, type Channel, IDENTITY_METHODS, type Locale } from './request';
import { InvalidSubmission, prose, submissionSchema, type ValidSubmission, validateSubmission } from './submission';
import * as z from './validation';
import { fieldErrors } from './validation';

/**
 * A request staff record from a letter, a call, an email or a visit (`POST /v1/staff/requests`).
 * What the person asked is checked by the form's own rules (`validateSubmission`); this module adds
 * only what the form does not have: the channel, the day it was received and how the identity was
 * established.
 */

/** How far back a received date may lie: past the longest deadline with its extension (1 + 2 months), so older is a typo or a matter for the DPO. */
export const EARLIEST_RECEIVED_DAYS = 92;

/** At most this many files come with one recorded request. */
export const MAX_ATTACHMENTS = 5;

/** All of a recorded request's files together may be this large, as one upload to a task link may (processor-api/task.ts). */
export const MAX_ATTACHMENT_BYTES = 4 * 1024 * 1024;

/** The reason staff give for attesting an identity: long enough to say what they saw, short of a document's copy. */
export const ATTESTATION_REASON_MAX_CHARS = 1000;

const DAY_MS = 86_400_000;

/** The fields of a recorded request beyond the form's, each message naming its field. */
export const staffEntryFieldsSchema = z.object({
  channel: z.enum(CHANNELS, { error: `channel must be one of: ${CHANNELS.join(', ')}` }),
  receivedOn: z.iso.date({ error: 'receivedOn must be a date (YYYY-MM-DD)' }),
  identity: z.enum(IDENTITY_METHODS, { error: `identity must be one of: ${IDENTITY_METHODS.join(', ')}` }),
  attestationReason: prose('attestationReason', ATTESTATION_REASON_MAX_CHARS),
});

/** The whole body of `POST /v1/staff/requests` (the form's fields and staff's), for the OpenAPI document. */
export const staffEntrySchema = z.extend(submissionSchema, staffEntryFieldsSchema.shape);

/** What a recorded request says beyond the form: validated, the received moment worked out. */
export interface EntryFacts {
  channel: Channel;
  /** The moment the deadline counts from: `at` when received today, else the start of that day (UTC). */
  receivedAt: string;
  identity: { method: 'verification_email' } | { method: 'attested'; reason: string };
}

/** The UTC day of a moment, as `YYYY-MM-DD`. */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The received date's checks: not after today, not before {@link EARLIEST_RECEIVED_DAYS} days ago (UTC days). */
export function receivedAtFor(receivedOn: string, at: Date): { receivedAt: string } | { error: string } {
  const today = dayOf(at);
  if (receivedOn > today) return { error: 'receivedOn must not be in the future' };
  const earliest = dayOf(new Date(Date.parse(`${today}T00:00:00Z`) - EARLIEST_RECEIVED_DAYS * DAY_MS));
  if (receivedOn < earliest) return { error: `receivedOn must be within the last ${EARLIEST_RECEIVED_DAYS} days (not before ${earliest})` };
  return { receivedAt: receivedOn === today ? at.toISOString() : `${receivedOn}T00:00:00.000Z` };
}

/**
 * Validates a recorded request: the form's fields by the form's rules, then the channel, the
 * received date and the identity. Every bad field is named at once; throws {@link InvalidSubmission}.
 */
export function validateStaffEntry(input: unknown, register: Register, at: Date): ValidSubmission & { facts: EntryFacts } {
  const raw = (input ?? {}) as Record<string, unknown>;
  let form: ReturnType<typeof validateSubmission> | undefined;
  let errors: Record<string, string> = {};
  let locale: Locale = 'en';
  try {
    form = validateSubmission(raw, register);
  } catch (err) {
    if (!(err instanceof InvalidSubmission)) throw err;
    errors = { ...err.errors };
    locale = err.locale;
  }
  const parsed = staffEntryFieldsSchema.safeParse(raw);
  if (!parsed.success) Object.assign(errors, fieldErrors(parsed.error));
  let facts: EntryFacts | undefined;
  if (parsed.success) {
    const { channel, receivedOn, identity, attestationReason } = parsed.data;
    const received = receivedAtFor(receivedOn, at);
    if ('error' in received) errors.receivedOn = received.error;
    if (identity === 'attested' && !attestationReason)
      errors.attestationReason = 'attestationReason is required when identity is attested: how you established who asked';
    if (identity === 'verification_email' && attestationReason) errors.attestationReason = 'attestationReason is only for identity attested';
    if ('receivedAt' in received && !errors.attestationReason) {
      facts = {
        channel,
        receivedAt: received.receivedAt,
        identity: identity === 'attested' ? { method: 'attested', reason: attestationReason! } : { method: 'verification_email' },
      };
    }
  }
  if (!form || !facts || Object.keys(errors).length > 0) throw new InvalidSubmission(errors, form?.submission.locale ?? locale);
  return { ...form, facts };
}
