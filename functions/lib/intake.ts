import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { verificationEmail } from '../../web/emails';
import { links } from './links';
import { sendEmail } from './mailer';
import { LOCALES, SERVED_RIGHTS, defaultController, findController, type Controller, type Locale, type ServedRight } from './register';
import type { DsrRequest } from './request';
import { audit, createRequest } from './store';
import { hashToken, newToken } from './tokens';
import { positiveIntEnv } from './env';

/** How long a verification link works (days). */
const VERIFY_TTL_DAYS = positiveIntEnv('VERIFY_TTL_DAYS', 7);

// Control characters would let a value break out of an email header or a CSV cell.
const noControlChars = (s: string) => !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(s);

/** What a data subject may submit; every message names its field. */
export const submissionSchema = z.object({
  type: z.enum(SERVED_RIGHTS, { error: `type must be one of: ${SERVED_RIGHTS.join(', ')}` }),
  email: z
    .string({ error: 'email is required' })
    .trim()
    .max(254, 'email must be at most 254 characters')
    .pipe(z.email({ error: 'email must be a valid email address' })),
  name: z
    .string({ error: 'name must be text' })
    .trim()
    .max(200, 'name must be at most 200 characters')
    .refine(noControlChars, 'name must not contain control characters or line breaks')
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  locale: z.enum(LOCALES, { error: `locale must be one of: ${LOCALES.join(', ')}` }).default('en'),
  controller: z.string({ error: 'controller must be text' }).optional(),
});

export type Submission = z.output<typeof submissionSchema>;

/** A submission that failed validation: each bad field with a message naming it. */
export class InvalidSubmission extends Error {
  override name = 'InvalidSubmission';
  constructor(public readonly errors: Record<string, string>, public readonly locale: Locale) {
    super('The request has invalid fields');
  }
}

/** Validates raw input (JSON or form fields) into a submission and the controller it is for. */
export function validateSubmission(input: unknown): { submission: Submission; controller: Controller } {
  const raw = (input ?? {}) as Record<string, unknown>;
  const locale = (LOCALES as readonly unknown[]).includes(raw.locale) ? (raw.locale as Locale) : 'en';
  const result = submissionSchema.safeParse(raw);
  const errors: Record<string, string> = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? 'body');
      errors[field] ??= issue.message;
    }
  }
  const controllerId = typeof raw.controller === 'string' && raw.controller !== '' ? raw.controller : undefined;
  const controller = controllerId ? findController(controllerId) : defaultController();
  if (!controller) errors.controller = 'controller is not an organisation this service answers for';
  if (!result.success || !controller) throw new InvalidSubmission(errors, locale);
  return { submission: result.data, controller };
}

/**
 * Accepts a request: stores it awaiting verification and emails the one link that proves the
 * address. Nothing is looked up about the subject before that proof, so the answer is the same
 * whether or not the organisation holds data on the address.
 */
export async function acceptRequest(submission: Submission, controller: Controller, at = new Date()): Promise<DsrRequest> {
  const token = newToken();
  const verifyExpiresAt = new Date(at.getTime() + VERIFY_TTL_DAYS * 86_400_000).toISOString();
  const locale = controller.locales.includes(submission.locale) ? submission.locale : controller.locales[0]!;
  const request: DsrRequest = {
    requestId: randomUUID(),
    controllerId: controller.id,
    type: submission.type as ServedRight,
    locale,
    email: submission.email,
    ...(submission.name ? { name: submission.name } : {}),
    status: 'awaiting_verification',
    version: 1,
    createdAt: at.toISOString(),
    verifyTokenHash: hashToken(token),
    verifyExpiresAt,
    statusKey: newToken(),
    history: [{ status: 'awaiting_verification', at: at.toISOString() }],
    openCtl: controller.id,
    openDue: verifyExpiresAt,
  };
  await createRequest(request);
  await audit(request.requestId, 'request_submitted', 'subject', { type: request.type, locale }, at);
  await sendEmail(request.email, verificationEmail({
    locale,
    controllerName: controller.name,
    type: request.type,
    verifyUrl: links.verify(request.requestId, token),
    expiresAt: verifyExpiresAt,
  }));
  await audit(request.requestId, 'verification_sent', 'system', undefined, at);
  return request;
}
