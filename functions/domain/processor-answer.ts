/**
 * A processor's answer as it arrives (a task link's form, a kind's callback or return value),
 * checked into the one shape every kind records (`ProcessorAnswer`). Pure: the caller gives the time.
 */
import type { ProcessorAnswer } from './request';

/** What a processor may answer it did with the subject's data. */
export const ANSWER_OUTCOMES = ['done', 'not_found', 'retained', 'partly'] as const;
export type AnswerOutcome = (typeof ANSWER_OUTCOMES)[number];

/** The longest legal basis, and the longest account of what was kept or why, that an answer may give. */
export const BASIS_MAX_CHARS = 500;
export const KEPT_MAX_CHARS = 1000;

/** An answer's fields as they came: strings from a form or JSON, unchecked. */
export interface AnswerInput {
  outcome?: unknown;
  basis?: unknown;
  until?: unknown;
  kept?: unknown;
  reason?: unknown;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A text field: trimmed; empty (as an HTML form sends a field left blank) is absent. */
function textOf(value: unknown): string | undefined | null {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * `until` as a calendar date (`YYYY-MM-DD`, as a date field sends it) or an ISO time, stored as the
 * date; it must be a real date after today (UTC): a date already past keeps nothing.
 */
function untilOf(value: unknown, now: Date): { until?: string; error?: string } {
  const text = textOf(value);
  if (text === undefined) return {};
  if (text === null) return { error: 'until must be a date (YYYY-MM-DD)' };
  const day = DATE.test(text) ? text : text.length <= 40 && !Number.isNaN(Date.parse(text)) ? new Date(text).toISOString().slice(0, 10) : undefined;
  // 2026-02-30 parses to another day: a date must be itself.
  if (!day || Number.isNaN(Date.parse(day)) || new Date(day).toISOString().slice(0, 10) !== day) return { error: 'until must be a date (YYYY-MM-DD)' };
  if (day <= now.toISOString().slice(0, 10)) return { error: 'until must be a date in the future' };
  return { until: day };
}

/**
 * Checks an answer: `retained` needs the legal basis it is kept on (`basis`), `partly` what was kept
 * (`kept`) and why (`reason`); either may say until when (`until`, a future date). Fields that do
 * not belong to the outcome are ignored (a form sends every field, blank or not). Returns the answer,
 * or each refused field with what is wrong (never repeating the value).
 */
export function readProcessorAnswer(input: AnswerInput, now: Date): { answer: ProcessorAnswer } | { errors: Record<string, string> } {
  const outcome = input.outcome;
  if (typeof outcome !== 'string' || !(ANSWER_OUTCOMES as readonly string[]).includes(outcome)) {
    return { errors: { outcome: `outcome must be one of: ${ANSWER_OUTCOMES.join(', ')}` } };
  }
  if (outcome === 'done' || outcome === 'not_found') return { answer: { outcome } };
  const errors: Record<string, string> = {};
  const required = (field: 'basis' | 'kept' | 'reason', max: number, what: string): string | undefined => {
    const text = textOf(input[field]);
    if (text === null || text === undefined) errors[field] = `${field} is required when outcome is ${outcome}: ${what}`;
    else if (text.length > max) errors[field] = `${field} must be at most ${max} characters`;
    else return text;
    return undefined;
  };
  const { until, error } = untilOf(input.until, now);
  if (outcome === 'retained') {
    const basis = required('basis', BASIS_MAX_CHARS, 'the legal basis the data is kept on');
    if (error) errors.until = error;
    if (Object.keys(errors).length > 0 || !basis) return { errors };
    return { answer: { outcome, basis, ...(until ? { until } : {}) } };
  }
  const kept = required('kept', KEPT_MAX_CHARS, 'what was kept');
  const reason = required('reason', KEPT_MAX_CHARS, 'why it was kept');
  if (error) errors.until = error;
  if (Object.keys(errors).length > 0 || !kept || !reason) return { errors };
  return { answer: { outcome: 'partly', kept, reason, ...(until ? { until } : {}) } };
}
