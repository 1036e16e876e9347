import { z } from 'zod';
import { defaultController, findController, type Controller } from './register';
import { LOCALES, SERVED_RIGHTS, type Locale } from './request';

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
