/**
 * A processor's answer as it arrives (a task link's form, an in-house system's return value, 2xx
 * body or callback), checked by one schema into the one shape every kind records
 * (`ProcessorAnswer`, `./request.ts`). Pure: the caller gives the time.
 */
import type { $ZodError } from 'zod/v4/core';
import type { ProcessorAnswer } from './request';
import * as z from './validation';

/** What a processor may answer it did with the subject's data. */
export const ANSWER_OUTCOMES = ['done', 'not_found', 'retained', 'partly'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

/** The longest legal basis, and the longest account of what was kept or why, that an answer may give. */
export const BASIS_MAX_CHARS = 500;
export const KEPT_MAX_CHARS = 1000;

/** The fields each outcome takes besides `outcome` itself. */
export const ANSWER_FIELDS: Record<AnswerOutcome, readonly ('basis' | 'until' | 'kept' | 'reason')[]> = {
  done: [],
  not_found: [],
  retained: ['basis', 'until'],
  partly: ['kept', 'reason', 'until'],
};

const OUTCOME_MESSAGE = `outcome must be one of: ${ANSWER_OUTCOMES.join(', ')}`;
const UNTIL_MESSAGE = 'until must be a date (YYYY-MM-DD)';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A text the outcome needs: trimmed, not blank, not too long. */
function needed(field: 'basis' | 'kept' | 'reason', outcome: AnswerOutcome, what: string, max: number) {
  const missing = `${field} is required when outcome is ${outcome}: ${what}`;
  return z
    .string({ error: (issue) => (issue.input === undefined ? missing : `${field} must be text`) })
    .check(z.trim(), z.minLength(1, missing), z.maxLength(max, `${field} must be at most ${max} characters`));
}

/** The calendar date a `YYYY-MM-DD` or an ISO time with its offset names, as written; undefined if it names none. */
function dayOf(text: string): string | undefined {
  const day = DATE.test(text) ? text : z.iso.datetime({ offset: true }).safeParse(text).success ? text.slice(0, 10) : undefined;
  // 2026-02-30 parses to another day: a date must be itself.
  if (!day || Number.isNaN(Date.parse(day)) || new Date(day).toISOString().slice(0, 10) !== day) return undefined;
  return day;
}

/** `until`: a real date after today (UTC), stored as the date; a date already reached keeps nothing. */
function untilAfter(now: Date) {
  const today = now.toISOString().slice(0, 10);
  return z.pipe(
    z.string({ error: UNTIL_MESSAGE }).check(z.trim()),
    // zod/mini's transform gets the bare payload (no `addIssue`): its issues are pushed as the full zod's `addIssue` would.
    z.transform((text: string, ctx) => {
      const day = dayOf(text);
      if (!day) ctx.issues.push({ code: 'custom', message: UNTIL_MESSAGE, input: text });
      else if (day <= today) ctx.issues.push({ code: 'custom', message: 'until must be a date in the future', input: text });
      return day ?? z.NEVER;
    }),
  );
}

/** An answer's field names, only when they look like names: a key is never a place to quote the subject. */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,40}$/;
const strict = (outcome: AnswerOutcome) => ({
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys' ? `outcome ${outcome} takes only: ${['outcome', ...ANSWER_FIELDS[outcome]].join(', ')}` : undefined,
});

/**
 * The one schema of a processor's answer, JSON-shaped: `retained` needs the legal basis the data
 * is kept on (`basis`), `partly` what was kept (`kept`) and why (`reason`); either may say until
 * when (`until`: `YYYY-MM-DD` or an ISO time with offset, a date after `now`'s day, stored as the
 * date). Strict: a field the outcome does not take is refused. Messages name the field and what is
 * wrong, never the value.
 */
export function processorAnswerSchema(now: Date): z.ZodMiniType<ProcessorAnswer, unknown> {
  const until = z.optional(untilAfter(now));
  return z.discriminatedUnion(
    'outcome',
    [
      z.strictObject({ outcome: z.literal('done') }, strict('done')),
      z.strictObject({ outcome: z.literal('not_found') }, strict('not_found')),
      z.strictObject(
        { outcome: z.literal('retained'), basis: needed('basis', 'retained', 'the legal basis the data is kept on', BASIS_MAX_CHARS), until },
        strict('retained'),
      ),
      z.strictObject(
        {
          outcome: z.literal('partly'),
          kept: needed('kept', 'partly', 'what was kept', KEPT_MAX_CHARS),
          reason: needed('reason', 'partly', 'why it was kept', KEPT_MAX_CHARS),
          until,
        },
        strict('partly'),
      ),
    ],
    {
      error: (issue) =>
        issue.code === 'invalid_union'
          ? OUTCOME_MESSAGE
          : issue.code === 'invalid_type'
            ? issue.input === undefined
              ? 'answer is required'
              : 'the answer must be an object'
            : undefined,
    },
  ) as z.ZodMiniType<ProcessorAnswer, unknown>;
}

/**
 * Each refused field of a parse by its dotted path (`answer.until`), with its first message; a
 * field the answer does not take is named when it looks like a name. Never the value.
 */
export function answerFieldErrors(error: $ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys') {
      const named = issue.keys.filter((k) => NAME.test(k));
      for (const key of named) errors[[...path, key].join('.')] ??= issue.message;
      if (named.length < issue.keys.length) errors[path.join('.') || '(body)'] ??= issue.message;
      continue;
    }
    errors[path.join('.') || '(body)'] ??= issue.message;
  }
  return errors;
}

/** An answer's fields as a form sent them: strings, unchecked. */
export interface AnswerInput {
  outcome?: unknown;
  basis?: unknown;
  until?: unknown;
  kept?: unknown;
  reason?: unknown;
}

/**
 * Reads a form's answer (the task link) through the one schema. A form sends every field, blank
 * or not: a blank field is absent, and a field the chosen outcome does not take is left out. Returns
 * the answer, or each refused field (by name) with what is wrong.
 */
export function readProcessorAnswer(input: AnswerInput, now: Date): { answer: ProcessorAnswer } | { errors: Record<string, string> } {
  const outcome = typeof input.outcome === 'string' ? input.outcome.trim() : input.outcome;
  const fields = (ANSWER_OUTCOMES as readonly unknown[]).includes(outcome) ? ANSWER_FIELDS[outcome as AnswerOutcome] : [];
  const given: Record<string, unknown> = { outcome };
  for (const field of fields) {
    const value = input[field];
    if (value !== undefined && !(typeof value === 'string' && value.trim() === '')) given[field] = value;
  }
  const parsed = processorAnswerSchema(now).safeParse(given);
  return parsed.success ? { answer: parsed.data } : { errors: answerFieldErrors(parsed.error) };
}

/** A task link's answer as its form posts it (`POST /v1/tasks/{id}/{processor}`): the outcome's fields, checked by {@link readProcessorAnswer}, a note and the export. */
export const taskAnswerFormSchema = z.object({
  outcome: z.optional(z.string()),
  basis: z.optional(z.string()),
  until: z.optional(z.string()),
  kept: z.optional(z.string()),
  reason: z.optional(z.string()),
  note: z.optional(z.string().check(z.maxLength(2000, 'note must be at most 2000 characters'))),
  export: z.optional(
    z.object({ filename: z.string(), mimetype: z.optional(z.string()), content: z.instanceof(Uint8Array), truncated: z.optional(z.boolean()) }),
  ),
});
