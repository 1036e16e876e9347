/**
 * What the organisation's own system answers (a Lambda's return value, a webhook's 2xx body, a
 * callback's body), checked before anything is recorded, and how an answer completes its branch.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { completeBranch } from '../../branches/outcome';
import type { Branch, ProcessorAnswer } from '../../domain/request';
import { ExportWriter, exportKey } from '../../platform/package-bucket';

/** Records one answer may carry for the access package; more is refused, never cut short. */
export const MAX_RECORDS = 10_000;

const text = z.string().trim().min(1).max(2_000);
const until = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** A {@link ProcessorAnswer}, as JSON. */
export const processorAnswerSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('done') }).strict(),
  z.object({ outcome: z.literal('not_found') }).strict(),
  z.object({ outcome: z.literal('retained'), basis: text, until: until.optional() }).strict(),
  z.object({ outcome: z.literal('partly'), kept: text, reason: text, until: until.optional() }).strict(),
]);

/** An answer: what was done, and for an export the subject's records (JSON objects), one per entry of the package's file. */
const answeredSchema = z
  .object({
    version: z.literal('1').optional(),
    answer: processorAnswerSchema,
    records: z.array(z.record(z.string(), z.unknown())).max(MAX_RECORDS).optional(),
  })
  .strict();

/** An answer now, or `accepted`: the answer comes later, by the callback. */
export const replySchema = z.union([answeredSchema, z.object({ version: z.literal('1').optional(), accepted: z.literal(true) }).strict()]);

export type Answered = z.infer<typeof answeredSchema>;
export type Reply = z.infer<typeof replySchema>;

/** Where a reply is wrong, as a field path (`answer.basis`), never the value. */
export function firstBadField(error: z.ZodError): string {
  let issue: z.core.$ZodIssue | undefined = error.issues[0];
  let path: PropertyKey[] = issue?.path ?? [];
  // A reply is an answer or `accepted`: name what is wrong with it as an answer.
  while (issue?.code === 'invalid_union' && issue.errors[0]?.[0]) {
    issue = issue.errors[0][0];
    path = [...path, ...issue.path];
  }
  return path.length ? path.map(String).join('.') : '(body)';
}

/**
 * Completes the branch with the answer: the records (an export's only) into the package's export
 * under a key of this answer's own, so two answers at once never overwrite what the winner's
 * branch points to. False when the branch was already answered.
 */
export async function recordAnswer(branch: Pick<Branch, 'requestId' | 'processorId' | 'action'>, reply: Answered): Promise<boolean> {
  const { requestId, processorId } = branch;
  const answer = reply.answer as ProcessorAnswer;
  let stored: { recordCount?: number; exportKey?: string } = answer.outcome === 'not_found' ? { recordCount: 0 } : {};
  if (branch.action === 'export') {
    const out = new ExportWriter(exportKey(requestId, processorId, randomUUID()));
    for (const record of reply.records ?? []) await out.write(record);
    stored = { recordCount: await out.close(), exportKey: out.key };
  }
  return completeBranch(requestId, processorId, { status: 'completed', answer, ...stored });
}
