import { logger } from '../../platform/log';
import type { WebhookProcessor } from '../../platform/register';
import { type Answered, describeErrors, readReply, recordAnswer } from '../inhouse/answer';
import { inhouseEvent } from '../inhouse/event';
import { readLimited } from '../opendsr/http';
import { type AsyncProcessorKind, ProcessorError } from '../port';
import { postSigned } from './post';

export { signingSecret } from './post';

/** An answer with its records: a few kilobytes a record at most. */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;

const badResponse = (id: string, what: string) => new ProcessorError('WebhookBadResponse', `webhook processor ${id} answered ${what}`);

/** The 2xx body: an answer now, or undefined when the answer comes later (202, or `{"accepted": true}`). */
async function parseReply(p: WebhookProcessor, requestId: string, res: Response): Promise<Answered | undefined> {
  let raw: Buffer;
  try {
    raw = await readLimited(res, MAX_ANSWER_BYTES);
  } catch {
    throw badResponse(p.id, `more than ${MAX_ANSWER_BYTES} bytes`);
  }
  if (res.status === 202) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw badResponse(p.id, 'something that is not JSON');
  }
  const read = readReply(body, new Date());
  if ('errors' in read) {
    // The fields and what is wrong with them, never their values: the organisation reads its logs.
    logger.warn('webhook processor answered invalid fields', { requestId, processorId: p.id, fields: Object.keys(read.errors) });
    throw badResponse(p.id, `invalid fields: ${describeErrors(read.errors)}`);
  }
  return 'answer' in read.reply ? read.reply : undefined;
}

/**
 * The organisation's own HTTPS endpoint (`webhook` processor): the versioned event POSTed as JSON,
 * signed (`inhouse/signature.ts`) with the processor's secret. A 2xx with an answer answers now;
 * 202 (or `{"accepted": true}`) means the answer comes later, POSTed to the event's callback URL
 * and signed with the same secret. Redirects are not followed; 4xx and 5xx fail the attempt.
 */
export const webhookProcessor: AsyncProcessorKind<WebhookProcessor> = {
  mode: 'async',

  async submit(p, { request, branch }) {
    const { requestId, processorId } = branch;
    const res = await postSigned(p, JSON.stringify(inhouseEvent(request, branch)));
    const answered = await parseReply(p, requestId, res);
    if (!answered) {
      logger.info('webhook processor will answer later', { requestId, processorId });
      return;
    }
    const recorded = await recordAnswer(branch, answered);
    logger.info('webhook processor answered', { requestId, processorId, outcome: answered.answer.outcome, recorded });
  },
};
