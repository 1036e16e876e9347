import { IDENTIFIER_MAX, IDENTIFIERS, type Identifier, type Identifiers, normaliseIdentifier } from './identifiers';
import { type Controller, type Register, rectifiableOf } from './register-schema';
import {
  INFO_ANSWER_MAX_CHARS,
  LOCALES,
  type Locale,
  OBJECTION_SCOPES,
  REPRESENTATIONS,
  type RepresentedSubject,
  type RequestDetails,
  RIGHTS,
  type Right,
} from './request';
import * as z from './validation';
import { fieldErrors } from './validation';

// Control characters would let a value break out of an email header or a CSV cell.
const noControlChars = (s: string) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s);
// Free text may have line breaks (it is only ever shown escaped), but no other control characters.
const noControlCharsButNewlines = (s: string) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/.test(s);

/** A form's empty field: absent. */
const emptyIsAbsent = <T>(v: T | '' | undefined): T | undefined => (v === '' ? undefined : v);

/** Optional text: trimmed, at most `max` characters, only what `allowed` lets through; empty is absent. */
const optionalText = (field: string, max: number, allowed: (s: string) => boolean, refused: string) =>
  z.pipe(
    z.optional(
      z
        .string({ error: `${field} must be text` })
        .check(z.trim(), z.maxLength(max, `${field} must be at most ${max} characters`), z.refine(allowed, `${field} must not contain ${refused}`)),
    ),
    z.transform((v: string | undefined) => emptyIsAbsent(v)),
  );

/** Optional one-line text: trimmed, empty is absent. */
const line = (field: string, max: number) => optionalText(field, max, noControlChars, 'control characters or line breaks');

/** Optional free text (line breaks allowed): trimmed, empty is absent. */
export const prose = (field: string, max: number) => optionalText(field, max, noControlCharsButNewlines, 'control characters');

/** How the API document describes each identifier a form may ask for beyond the address. */
const IDENTIFIER_DESCRIPTION: Record<Identifier, string> = {
  phone:
    "A phone number with its country code, as typed (+46 70 123 45 67), stored in E.164; only where the controller's register entry lists phone in identifiers",
  customerNumber: "The subject's customer number, trimmed; only where the controller lists customerNumber in identifiers",
  memberNumber: "The subject's membership number, trimmed; only where the controller lists memberNumber in identifiers",
  username: "The subject's username, trimmed; only where the controller lists username in identifiers",
};

/**
 * What a data subject may submit; every message names its field. Fields are flat so the no-JS form
 * and JSON clients send the same names; `consentPurposes` is a list (`consentPurposes[]` in a form).
 */
export const submissionSchema = z.object({
  type: z.enum(RIGHTS, { error: `type must be one of: ${RIGHTS.join(', ')}` }),
  email: z.pipe(
    z.string({ error: 'email is required' }).check(z.trim(), z.maxLength(254, 'email must be at most 254 characters')),
    z.email({ error: 'email must be a valid email address' }),
  ),
  name: line('name', 200),
  locale: z._default(z.enum(LOCALES, { error: `locale must be one of: ${LOCALES.join(', ')}` }), 'en'),
  controller: z.optional(z.string({ error: 'controller must be text' })),
  /** Rectification: which declared attribute (optional), what is wrong, and the correct value. */
  rectifyAttribute: line('rectifyAttribute', 100),
  inaccurate: prose('inaccurate', 2000),
  corrected: prose('corrected', 2000),
  /** Objection: to direct marketing or to other processing, and why. */
  objectionScope: z.optional(z.enum(OBJECTION_SCOPES, { error: `objectionScope must be one of: ${OBJECTION_SCOPES.join(', ')}` })),
  objectionGrounds: prose('objectionGrounds', 4000),
  /** Withdrawal of consent: the purposes' ids. */
  consentPurposes: z.pipe(
    z.optional(
      z.union(
        [
          z.array(z.string().check(z.maxLength(64, 'consentPurposes must be purpose ids'))).check(z.maxLength(50, 'consentPurposes lists too many purposes')),
          z.string().check(z.maxLength(64 * 50)),
        ],
        { error: 'consentPurposes must be a list of purpose ids' },
      ),
    ),
    z.transform((v: string[] | string | undefined) =>
      v === undefined ? undefined : (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean),
    ),
  ),
  /** Portability: a receiving controller's id. */
  transmitTo: line('transmitTo', 64),
  /** The customer of the controller the subject's data is held for. */
  viaCustomer: line('viaCustomer', 200),
  message: prose('message', 4000),
  /**
   * Someone asks for another person: as the parent or guardian of a child, or with the person's
   * mandate. Then `email` and `name` are the one who asks (every email goes to them), `subjectName`
   * and `subjectEmail` the person the data is about, and the document that shows the authority to
   * act comes as the `mandate` file (multipart/form-data). Empty or absent: the subject asks.
   */
  onBehalfOf: z
    .pipe(
      z.optional(z.union([z.literal(''), z.enum(REPRESENTATIONS)], { error: `onBehalfOf must be one of: ${REPRESENTATIONS.join(', ')}` })),
      z.transform((v: '' | (typeof REPRESENTATIONS)[number] | undefined) => emptyIsAbsent(v)),
    )
    .check(z.describe(`Who asks for someone else: ${REPRESENTATIONS.join(' or ')}; absent when the subject asks`)),
  subjectName: line('subjectName', 200).check(z.describe('The name of the person the request is for; only with onBehalfOf')),
  subjectEmail: z
    .pipe(
      z.optional(
        z.pipe(
          z.string({ error: 'subjectEmail must be text' }).check(z.trim(), z.maxLength(254, 'subjectEmail must be at most 254 characters')),
          z.union([z.literal(''), z.email({ error: 'subjectEmail must be a valid email address' })]),
        ),
      ),
      z.transform((v: string | undefined) => emptyIsAbsent(v)),
    )
    .check(
      z.describe('The address of the person the request is for (for a child, the one their account uses): the stores are searched by it; only with onBehalfOf'),
    ),
  /** What the controller's form asks for beyond the address (its `identifiers`), each optional: `phone`, `customerNumber`, … */
  ...(Object.fromEntries(IDENTIFIERS.map((i) => [i, line(i, IDENTIFIER_MAX[i]).check(z.describe(IDENTIFIER_DESCRIPTION[i]))])) as Record<
    Identifier,
    ReturnType<typeof line>
  >),
});

export type Submission = z.output<typeof submissionSchema>;

/** A submission that failed validation: each bad field with a message naming it. */
export class InvalidSubmission extends Error {
  override name = 'InvalidSubmission';
  constructor(
    public readonly errors: Record<string, string>,
    public readonly locale: Locale,
  ) {
    super('The request has invalid fields');
  }
}

/** The attributes a subject may ask the controller to correct: those its stores declare as rectifiable. */
export function rectifiableAttributes(controller: Controller): string[] {
  return [...new Set(controller.processors.flatMap(rectifiableOf))];
}

/** The fields of a request made for someone else (with the `mandate` file). */
export const REPRESENTATION_FIELDS = ['subjectName', 'subjectEmail'] as const;

/** The fields that belong to one right alone. */
const RIGHT_FIELDS: Partial<Record<Right, readonly string[]>> = {
  rectification: ['rectifyAttribute', 'inaccurate', 'corrected'],
  objection: ['objectionScope', 'objectionGrounds'],
  withdraw_consent: ['consentPurposes'],
  portability: ['transmitTo'],
};

/**
 * A no-JS form's fields without those of the rights not chosen, and without those for someone
 * else when the person asks for themselves: the form shows them all, and a person who filled one
 * in, then chose otherwise, meant what they chose.
 */
export function withoutOtherRights(fields: Record<string, unknown>): Record<string, unknown> {
  const kept = { ...fields };
  for (const [right, names] of Object.entries(RIGHT_FIELDS)) if (kept.type !== right) for (const f of names) delete kept[f];
  if (!kept.onBehalfOf) for (const f of [...REPRESENTATION_FIELDS, 'mandate']) delete kept[f];
  return kept;
}

/**
 * The right's own fields, checked against what the controller declares. Fields that belong to
 * another right are refused rather than dropped, so an API client learns it sent the wrong thing
 * (the form's handler drops them first: {@link withoutOtherRights}).
 */
function detailsFor(s: Submission, controller: Controller, errors: Record<string, string>): RequestDetails {
  for (const [right, names] of Object.entries(RIGHT_FIELDS)) {
    if (s.type === right) continue;
    for (const f of names as (keyof Submission)[]) if (s[f] !== undefined) errors[f] ??= `${f} is only for type ${right}`;
  }

  const details: RequestDetails = {};
  if (s.type === 'rectification') {
    if (!s.corrected) errors.corrected = 'corrected is required: the correct value';
    if (!s.inaccurate) errors.inaccurate = 'inaccurate is required: what is wrong';
    if (s.rectifyAttribute && !rectifiableAttributes(controller).includes(s.rectifyAttribute)) {
      errors.rectifyAttribute = 'rectifyAttribute is not an attribute this organisation lets you correct here; describe it in inaccurate instead';
    }
    if (s.corrected && s.inaccurate) {
      details.rectification = { inaccurate: s.inaccurate, corrected: s.corrected, ...(s.rectifyAttribute ? { attribute: s.rectifyAttribute } : {}) };
    }
  }
  if (s.type === 'objection') {
    if (!s.objectionScope) errors.objectionScope = `objectionScope is required: ${OBJECTION_SCOPES.join(' or ')}`;
    else details.objection = { scope: s.objectionScope, ...(s.objectionGrounds ? { grounds: s.objectionGrounds } : {}) };
  }
  if (s.type === 'withdraw_consent') {
    const declared = new Set(controller.consentPurposes.map((p) => p.id));
    const chosen = [...new Set(s.consentPurposes ?? [])];
    if (declared.size === 0) errors.type = 'withdraw_consent: this organisation declares no processing based on consent';
    else if (chosen.length === 0) errors.consentPurposes = 'consentPurposes is required: at least one purpose';
    else if (chosen.some((id) => !declared.has(id))) errors.consentPurposes = `consentPurposes must be among: ${[...declared].join(', ')}`;
    else details.consentPurposes = chosen;
  }
  if (s.type === 'portability' && s.transmitTo) {
    if (!controller.portabilityTargets.some((t) => t.id === s.transmitTo))
      errors.transmitTo = 'transmitTo is not an organisation this service can send your data to';
    else details.transmitTo = s.transmitTo;
  }
  if (s.viaCustomer) {
    if (!controller.actsAsProcessorFor) errors.viaCustomer = 'viaCustomer: this organisation does not hold data for customers';
    else details.viaCustomer = s.viaCustomer;
  }
  if (s.message) details.message = s.message;
  return details;
}

/** What an identifier's error says, per identifier, when its value cannot be one. */
const IDENTIFIER_FORMAT: Record<Identifier, string> = {
  phone: 'phone must be a phone number with its country code, e.g. +46 70 123 45 67',
  customerNumber: 'customerNumber must not be empty',
  memberNumber: 'memberNumber must not be empty',
  username: 'username must not be empty',
};

/**
 * The identifiers given beyond the address, normalised (a phone number in E.164): only those the
 * controller's form asks for; one it does not ask for is refused rather than kept unasked.
 */
function identifiersFor(s: Submission, controller: Controller, errors: Record<string, string>): Identifiers {
  const out: Identifiers = {};
  for (const identifier of IDENTIFIERS) {
    const typed = s[identifier];
    if (typed === undefined) continue;
    if (!controller.identifiers.includes(identifier)) {
      errors[identifier] ??= `${identifier}: this organisation does not ask for it`;
      continue;
    }
    const value = normaliseIdentifier(identifier, typed);
    if (value === undefined) errors[identifier] ??= IDENTIFIER_FORMAT[identifier];
    else out[identifier] = value;
  }
  return out;
}

/**
 * Who the request is for when someone else asks: both the person's name and address are needed
 * (the address is what the stores are searched by); given without `onBehalfOf`, they are refused
 * rather than taken for the one who asks.
 */
function representedSubjectFor(s: Submission, errors: Record<string, string>): RepresentedSubject | undefined {
  if (!s.onBehalfOf) {
    for (const f of REPRESENTATION_FIELDS) if (s[f] !== undefined) errors[f] ??= `${f} is only for a request made for someone else (onBehalfOf)`;
    return undefined;
  }
  if (!s.subjectName) errors.subjectName ??= 'subjectName is required: the name of the person the request is for';
  if (!s.subjectEmail) errors.subjectEmail ??= 'subjectEmail is required: the address of the person the request is for';
  return s.subjectName && s.subjectEmail ? { representation: s.onBehalfOf, name: s.subjectName, email: s.subjectEmail } : undefined;
}

/** A submission as validated: what was asked, its right's details, the identifiers, the controller, and who it is for when someone else asks. */
export interface ValidSubmission {
  submission: Submission;
  details: RequestDetails;
  identifiers: Identifiers;
  controller: Controller;
  onBehalfOf?: RepresentedSubject;
}

/** Validates raw input (JSON or form fields) into a submission, its right's details, its identifiers and the controller it is for. */
export function validateSubmission(input: unknown, register: Register): ValidSubmission {
  const raw = (input ?? {}) as Record<string, unknown>;
  const locale = (LOCALES as readonly unknown[]).includes(raw.locale) ? (raw.locale as Locale) : 'en';
  const result = submissionSchema.safeParse(raw);
  const errors: Record<string, string> = result.success ? {} : fieldErrors(result.error);
  const controllerId = typeof raw.controller === 'string' && raw.controller !== '' ? raw.controller : undefined;
  const controller = controllerId ? register.controllers.find((c) => c.id === controllerId) : register.controllers[0];
  if (!controller) errors.controller = 'controller is not an organisation this service answers for';
  if (!result.success || !controller) throw new InvalidSubmission(errors, locale);
  const details = detailsFor(result.data, controller, errors);
  const identifiers = identifiersFor(result.data, controller, errors);
  const onBehalfOf = representedSubjectFor(result.data, errors);
  if (Object.keys(errors).length > 0) throw new InvalidSubmission(errors, locale);
  return { submission: result.data, details, identifiers, controller, ...(onBehalfOf ? { onBehalfOf } : {}) };
}

/** The subject's answer to staff's question (`POST /v1/requests/{id}/reply`). */
export const infoAnswerSchema = z.string({ error: 'answer is required' }).check(
  z.trim(),
  z.minLength(1, 'answer is required'),
  z.maxLength(INFO_ANSWER_MAX_CHARS, `answer must be at most ${INFO_ANSWER_MAX_CHARS} characters`),
  z.refine((s) => !/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029]/.test(s), 'answer must not contain control characters'),
);
