import * as z from 'zod';

/** A request's id, as the service makes them (`randomUUID`): in paths, links and workflow state. */
export const requestIdSchema = z.uuid();

/** Whether a value from a path or a form can be a request's id; anything else is not looked up. */
export function isRequestId(value: unknown): value is string {
  return requestIdSchema.safeParse(value).success;
}

/**
 * Each refused field's first message, by its top-level name: what a 400 names. Messages are the
 * schemas' own, which say what is wrong and never repeat the value.
 */
export function fieldErrors(error: z.ZodError, fallback = 'body'): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? fallback)] ??= issue.message;
  return errors;
}
