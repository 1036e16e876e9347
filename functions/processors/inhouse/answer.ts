/**
 * What the organisation's own system answers (a Lambda's return value, a webhook's 2xx body, a
 * callback's body), checked before anything is recorded, and how an answer completes its branch.
 */
import { randomUUID } from 'node:crypto';
import { completeBranch } from '../../branches/outcome';
import { answerFieldErrors, processorAnswerSchema } from '../../domain/processor-answer';
import type { Branch, ProcessorAnswer } from '../../domain/request';
import * as z from '../../domain/validation';
import { ExportWriter, exportKey } from '../../platform/package-bucket';

/** Records one answer may carry for the access package; more is refused, never cut short. */
export const MAX_RECORDS = 10_000;

const version = z.optional(z.literal('1', { error: 'version must be "1"' }));

/** An answer: what was done (the one `ProcessorAnswer` schema), and for an export the subject's records (JSON objects), one per entry of the package's file. */
export const answeredSchema = (now: Date) =>
  z.strictObject({
    version,
    answer: processorAnswerSchema(now),
    records: z.optional(
      z
        .array(z.record(z.string(), z.unknown()), { error: 'records must be a list of JSON objects' })
        .check(z.maxLength(MAX_RECORDS, `records must be at most ${MAX_RECORDS}`)),
    ),
  });

/** `accepted`: the answer comes later, by the callback. */
export const acceptedSchema = z.strictObject({ version, accepted: z.literal(true, { error: 'accepted must be true' }) });

export interface Answered {
  version?: '1';
  answer: ProcessorAnswer;
  records?: Record<string, unknown>[];
}
export type Reply = Answered | { version?: '1'; accepted: true };

/**
 * Checks what an in-house system said: an answer now, or `{"accepted": true}`. Returns the reply, or
 * each refused field by its path (`answer.until`) with what is wrong, never the value.
 */
export function readReply(body: unknown, now: Date): { reply: Reply } | { errors: Record<string, string> } {
  const isAccepted = typeof body === 'object' && body !== null && 'accepted' in body && !('answer' in body);
  const parsed = (isAccepted ? acceptedSchema : answeredSchema(now)).safeParse(body);
  return parsed.success ? { reply: parsed.data as Reply } : { errors: answerFieldErrors(parsed.error) };
}

/** Refused fields as one line for an error or a log: `answer.until (until must be a date in the future)`. */
export const describeErrors = (errors: Record<string, string>): string =>
  Object.entries(errors)
    .map(([field, problem]) => `${field} (${problem})`)
    .join(', ');

/**
 * Completes the branch with the answer: the records (an export's only) into the package's export
 * under a key of this answer's own, so two answers at once never overwrite what the winner's
 * branch points to. False when the branch was already answered.
 */
export async function recordAnswer(branch: Pick<Branch, 'requestId' | 'processorId' | 'action'>, reply: Answered): Promise<boolean> {
  const { requestId, processorId } = branch;
  const { answer } = reply;
  let stored: { recordCount?: number; exportKey?: string } = answer.outcome === 'not_found' ? { recordCount: 0 } : {};
  if (branch.action === 'export') {
    const out = new ExportWriter(exportKey(requestId, processorId, randomUUID()));
    for (const record of reply.records ?? []) await out.write(record);
    stored = { recordCount: await out.close(), exportKey: out.key };
  }
  return completeBranch(requestId, processorId, { status: 'completed', answer, ...stored });
}
