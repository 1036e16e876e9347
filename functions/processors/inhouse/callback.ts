/**
 * An answer that comes later from the organisation's own system: `POST
 * /v1/webhooks/callback/{requestId}/{processorId}`. Checked before the body is parsed: a webhook
 * processor's callback must carry a valid signature (`inhouse/signature.ts`) with a timestamp
 * inside the replay window; a Lambda processor's must present the one-time token its latest event
 * carried (`Authorization: Bearer`). A refused callback records nothing. Logs ids and reasons only.
 */
import { isRequestId } from '../../domain/validation';
import { getRequestWithBranches } from '../../platform/data/requests';
import { logger } from '../../platform/log';
import { findController, findProcessor } from '../../platform/register';
import { TOKEN_PATTERN, tokenMatches } from '../../platform/tokens';
import { signingSecret } from '../webhook/adapter';
import { describeErrors, readReply, recordAnswer } from './answer';
import { SIGNATURE_HEADER, verifySignature } from './signature';

export interface CallbackAnswer {
  statusCode: number;
  body: { message: string; errors?: Record<string, string> };
}

const fieldError = (statusCode: number, field: string, problem: string): CallbackAnswer => ({
  statusCode,
  body: { message: `${field} ${problem}`, errors: { [field]: problem } },
});
const UNKNOWN: CallbackAnswer = { statusCode: 404, body: { message: 'no branch of that request answers by callback' } };

function refuse(field: string, problem: string, ids: { requestId: string; processorId: string }): CallbackAnswer {
  logger.warn('processor callback refused', { ...ids, field, reason: problem });
  return fieldError(401, field, problem);
}

/** Handles one callback; `headers` are lower-cased, `rawBody` exactly as received. */
export async function receiveInhouseCallback(
  requestId: string,
  processorId: string,
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
  now = new Date(),
): Promise<CallbackAnswer> {
  if (!isRequestId(requestId)) return fieldError(400, 'requestId', 'is not a request id');
  const ids = { requestId, processorId };
  const { request, branches } = await getRequestWithBranches(requestId);
  const branch = branches.find((b) => b.processorId === processorId);
  const controller = request && findController(request.controllerId);
  const processor = controller && findProcessor(controller, processorId);
  if (!branch || !processor || (processor.kind !== 'lambda' && processor.kind !== 'webhook') || branch.staffTask) return UNKNOWN;

  if (processor.kind === 'webhook') {
    const refused = verifySignature(headers[SIGNATURE_HEADER], rawBody, await signingSecret(processor), now);
    if (refused) return refuse(SIGNATURE_HEADER, refused, ids);
  } else {
    const token = /^Bearer (\S+)$/.exec(headers.authorization ?? '')?.[1];
    if (!token || !TOKEN_PATTERN.test(token) || !tokenMatches(token, branch.linkTokenHash))
      return refuse('authorization', 'is not the token of this branch', ids);
  }
  if (branch.status === 'completed' || branch.status === 'failed') return { statusCode: 200, body: { message: 'already answered' } };

  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return fieldError(400, '(body)', 'is not JSON');
  }
  const read = readReply(body, now);
  if ('errors' in read) {
    logger.info('processor callback with invalid fields', { ...ids, fields: Object.keys(read.errors) });
    return { statusCode: 400, body: { message: `The answer has invalid fields: ${describeErrors(read.errors)}`, errors: read.errors } };
  }
  if (!('answer' in read.reply)) return fieldError(400, 'answer', 'is missing: a callback carries the answer');
  const recorded = await recordAnswer(branch, read.reply);
  logger.info('processor answered by callback', { ...ids, kind: processor.kind, outcome: read.reply.answer.outcome, recorded });
  return { statusCode: 200, body: { message: recorded ? 'recorded' : 'already answered' } };
}
