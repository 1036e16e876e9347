/**
 * How the functions check what they are given. Schemas are written in `zod/mini`, re-exported here
 * so that a module takes this one as its `z`: esbuild keeps only the functions a bundle uses,
 * where the full zod's methods put all of it, about 96 KB, in every bundle. The English messages,
 * which the full zod loads by itself and `zod/mini` does not, are set here. The register's own
 * schemas, checked only at synthesis and by the tools, keep the full zod.
 */
import { config, uuid } from 'zod/mini';
import type { $ZodError } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

/** A request's id, as the service makes them (`randomUUID`): in paths, links and workflow state. */
export const requestIdSchema = uuid();

/** Whether a value from a path or a form can be a request's id; anything else is not looked up. */
export function isRequestId(value: unknown): value is string {
  return requestIdSchema.safeParse(value).success;
}

/**
 * Each refused field's first message, by its top-level name: what a 400 names. Messages are the
 * schemas' own, which say what is wrong and never repeat the value.
 */
export function fieldErrors(error: $ZodError, fallback = 'body'): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? fallback)] ??= issue.message;
  return errors;
}
