import { PutObjectCommand } from '@aws-sdk/client-s3';
import { inLocale, type LocalText } from '../domain/register-schema';
import { type Branch, type DsrRequest, type Locale, type ProcessorAnswer, WITHDRAWN } from '../domain/request';
import { s3 } from '../platform/aws/s3';
import { getRequestWithBranches } from '../platform/data/requests';
import { attachmentDisposition } from '../platform/file-types';
import { packageBucket } from '../platform/package-bucket';
import { type Controller, findController, findProcessor, type Processor } from '../platform/register';
import { taskLinkMatches } from '../processors/task-links';
import { completeBranch } from './outcome';

/** A vendor's or staff member's answer through their one-time link. */
export interface TaskAnswer {
  /** What was done: all of it, nothing held, kept on a legal basis, or done in part (`domain/processor-answer.ts` checks it). */
  answer: ProcessorAnswer;
  note?: string;
  /** A file of a kind `platform/file-types.ts` accepts, with the content type it gives. */
  file?: { name: string; content: Buffer; contentType: string };
}

/** What a task link leads to. */
export type TaskLink =
  | { state: 'open'; request: DsrRequest; controller: Controller; processor: Processor; branch: Branch }
  /** Answered already; the page names the controller whose task it was. */
  | { state: 'done'; controllerName: LocalText }
  /** The subject withdrew the request before this link was answered; the page speaks the controller's first language, as the task's email did. */
  | { state: 'withdrawn'; locale: Locale; controllerName: LocalText }
  | { state: 'invalid' };

/**
 * Looks at a task link without changing anything. Only the latest link of a branch is open, and
 * only a branch someone answers by link has one: an email vendor's, a manual task's, a staff task's.
 */
export async function inspectTaskLink(requestId: string, processorId: string, token: string): Promise<TaskLink> {
  const { request, branches } = await getRequestWithBranches(requestId);
  const branch = branches.find((b) => b.processorId === processorId);
  const controller = request && findController(request.controllerId);
  const processor = controller && findProcessor(controller, processorId);
  if (!request || !branch || !controller || !processor) return { state: 'invalid' };
  if (processor.kind !== 'email' && processor.kind !== 'manual' && !branch.staffTask) return { state: 'invalid' };
  if (!taskLinkMatches(branch, token)) return { state: 'invalid' };
  // Withdrawn: whether or not its branch has ended yet, this link is not answered any more.
  const pageLocale = controller.locales[0]!;
  const controllerName = inLocale(controller.name, pageLocale, controller);
  const withdrawn = { state: 'withdrawn', locale: pageLocale, controllerName } as const;
  if (request.status === 'cancelled' && branch.status !== 'completed') return withdrawn;
  if (branch.status === 'failed' && branch.errorClass === WITHDRAWN) return withdrawn;
  if (branch.status === 'completed' || branch.status === 'failed') return { state: 'done', controllerName };
  return { state: 'open', request, controller, processor, branch };
}

/** A file name safe as an S3 key part and a ZIP entry: no paths, no control characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[^\p{L}\p{N}._ -]+/gu, '_')
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return cleaned || 'export';
}

/**
 * Completes a waiting branch with a vendor's or staff member's answer. An uploaded export is kept
 * as it came, for the access or portability package. A second use of the link finds the branch done and changes
 * nothing: returns false.
 */
export async function answerTask(link: Extract<TaskLink, { state: 'open' }>, answer: TaskAnswer): Promise<boolean> {
  const { request, branch } = link;
  let attachment: { attachmentKey: string; attachmentName: string } | undefined;
  // Only an export has a file to keep; anything else uploaded is not wanted.
  if (answer.file && answer.file.content.length > 0 && branch.action === 'export') {
    const attachmentName = safeFileName(answer.file.name);
    const attachmentKey = `exports/${request.requestId}/${branch.processorId}/${attachmentName}`;
    await s3.send(
      new PutObjectCommand({
        Bucket: packageBucket(),
        Key: attachmentKey,
        Body: answer.file.content,
        ContentType: answer.file.contentType,
        // Never shown inline, should anyone ever be handed the object itself.
        ContentDisposition: attachmentDisposition(attachmentName),
      }),
    );
    attachment = { attachmentKey, attachmentName };
  }
  return completeBranch(request.requestId, branch.processorId, {
    status: 'completed',
    ...(answer.answer.outcome === 'not_found' ? { recordCount: 0 } : {}),
    answer: answer.answer,
    ...(answer.note ? { note: answer.note } : {}),
    ...attachment,
  });
}
