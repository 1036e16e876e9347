import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { renderTaskDone, renderTaskLinkInvalid, renderTaskPage, renderTaskWithdrawn } from '../../../web/pages/task';
import { answerTask, inspectTaskLink, safeFileName, type TaskLink } from '../../branches/task-answer';
import { type AnswerInput, readProcessorAnswer, taskAnswerFormSchema } from '../../domain/processor-answer';
import { inLocale } from '../../domain/register-schema';
import { fieldErrors, isRequestId } from '../../domain/validation';
import { configure } from '../../platform/config';
import { ACCEPTED_EXTENSIONS, checkFile } from '../../platform/file-types';
import { clientError, type HttpEvent, type HttpResult, html, httpMiddleware, pickLocale } from '../../platform/http';
import { logger } from '../../platform/log';
import { multipartBody } from '../../platform/multipart';
import { TOKEN_PATTERN } from '../../platform/tokens';
import { identitiesFor, taskRequest } from '../../processors/task-links';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET', 'PUBLIC_BASE_URL');

/** An uploaded export may be this large; more goes through the DPO by other means. */
const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;

const PROCESSOR_ID = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The context once the link is checked: the open link the token leads to. */
type TaskContext = Context & { taskLink?: Extract<TaskLink, { state: 'open' }> };

/**
 * The link's token is checked from the path and query before the body is read: a wrong or spent
 * link is answered after one lookup, and nobody without a link gets up to 4 MB of multipart parsed.
 */
function linkFirst(): middy.MiddlewareObj<HttpEvent, HttpResult, Error, TaskContext> {
  return {
    before: async (request) => {
      const { event } = request;
      const locale = pickLocale(event);
      const { requestId = '', processorId = '' } = event.pathParameters ?? {};
      const token = event.queryStringParameters?.token;
      if (!isRequestId(requestId) || !PROCESSOR_ID.test(processorId) || typeof token !== 'string' || !TOKEN_PATTERN.test(token)) {
        return html(404, renderTaskLinkInvalid({ locale }));
      }
      const link = await inspectTaskLink(requestId, processorId, token);
      if (link.state === 'invalid') return html(404, renderTaskLinkInvalid({ locale }));
      if (link.state === 'done') return html(200, renderTaskDone({ locale, alreadyDone: true, controllerName: link.controllerName }));
      if (link.state === 'withdrawn') return html(200, renderTaskWithdrawn({ locale: link.locale, controllerName: link.controllerName }));
      request.context.taskLink = link;
      return undefined;
    },
  };
}

/**
 * GET/POST /v1/tasks/{requestId}/{processorId}?token=…: the one-time link an email-only vendor or
 * a staff member (a manual task, or a staff task at any processor) answers with. GET shows the
 * request, its action and any correction, and a form posting back to the same link; POST completes the branch.
 */
async function task(event: HttpEvent, context: TaskContext): Promise<HttpResult> {
  const link = context.taskLink!;
  const { requestId = '', processorId = '' } = event.pathParameters ?? {};
  const token = event.queryStringParameters?.token ?? '';
  const isPost = event.requestContext.http.method === 'POST';
  const body = (isPost ? event.body : undefined) as Record<string, unknown> | undefined;
  const pageLocale = link.controller.locales[0]!;

  const page = (extra: { errors?: Record<string, string>; values?: AnswerInput & { note?: string } } = {}) =>
    renderTaskPage({
      locale: pageLocale,
      controllerName: inLocale(link.controller.name, pageLocale, link.controller),
      processorName: inLocale(link.processor.name, pageLocale, link.controller),
      // A staff task at any processor is answered by staff, like a manual task.
      kind: link.processor.kind === 'email' && !link.branch.staffTask ? 'email' : 'manual',
      ...taskRequest(link.request, link.branch),
      requestReference: requestId,
      identities: identitiesFor(link.processor, link.request, link.branch),
      ...(link.processor.kind === 'manual' ? { instructions: inLocale(link.processor.instructions, pageLocale, link.controller) } : {}),
      actionUrl: `/v1/tasks/${requestId}/${processorId}?token=${token}`,
      dueAt: link.request.dueAt!,
      allowUpload: link.branch.action === 'export',
      acceptedExtensions: ACCEPTED_EXTENSIONS,
      ...extra,
    });
  if (!isPost) return html(200, page());

  const parsed = taskAnswerFormSchema.safeParse(body);
  if (!parsed.success) {
    throw clientError(400, 'The answer has invalid fields', fieldErrors(parsed.error));
  }
  const read = readProcessorAnswer(parsed.data, new Date());
  if ('errors' in read) {
    // A browser (the form without JavaScript) gets the page again, the errors next to their fields.
    if (/text\/html/i.test(event.headers.accept ?? '')) return html(400, page({ errors: read.errors, values: parsed.data }));
    throw clientError(400, 'The answer has invalid fields', read.errors);
  }
  const sent = parsed.data.export;
  // The multipart parser gives a Buffer; the schema, shared with the browser-typed console, says Uint8Array.
  const file = sent && { ...sent, content: Buffer.from(sent.content.buffer, sent.content.byteOffset, sent.content.byteLength) };
  // An export that says it is done must bring the data: "nothing to send" is its own answer.
  if (link.branch.action === 'export' && read.answer.outcome !== 'not_found' && read.answer.outcome !== 'retained' && !file?.content.length) {
    const errors = { export: 'attach the data as one file, or answer not_found when there is nothing to send' };
    if (/text\/html/i.test(event.headers.accept ?? '')) return html(400, page({ errors, values: parsed.data }));
    throw clientError(400, 'The answer has invalid fields', errors);
  }
  if (file?.truncated) throw clientError(413, `The file is larger than ${MAX_UPLOAD_BYTES} bytes`, { export: 'too large' });
  // Only documents, data and images that do nothing when opened: the package is opened on the
  // subject's machine. The name checked is the one stored (shortened, it could end otherwise).
  const checked = file?.filename && file.content.length > 0 ? checkFile(safeFileName(file.filename), file.content, file.mimetype) : undefined;
  if (checked && !checked.accepted) {
    throw clientError(415, `The file must be one of: ${ACCEPTED_EXTENSIONS.join(', ')}, and its content must be what its name says`, {
      export: checked.reason === 'type_not_accepted' ? 'type not accepted' : 'content does not match its type',
    });
  }
  const first = await answerTask(link, {
    answer: read.answer,
    ...(parsed.data.note?.trim() ? { note: parsed.data.note.trim() } : {}),
    ...(file?.filename && checked?.accepted ? { file: { name: file.filename, content: file.content, contentType: checked.contentType } } : {}),
  });
  logger.info('task answered', { requestId, processorId, outcome: read.answer.outcome, first });
  return html(200, renderTaskDone({ locale: pageLocale, alreadyDone: !first, controllerName: inLocale(link.controller.name, pageLocale, link.controller) }));
}

export const handler = middy<HttpEvent, HttpResult, Error, TaskContext>()
  .use(httpMiddleware({ maxBodyBytes: MAX_UPLOAD_BYTES + 64 * 1024, multipart: multipartBody, first: linkFirst() }))
  .handler(task);
