import { InvokeCommand } from '@aws-sdk/client-lambda';
import { lambda } from '../../platform/aws/lambda';
import { updateBranch } from '../../platform/data/branches';
import { logger } from '../../platform/log';
import type { LambdaProcessor } from '../../platform/register';
import { hashToken, newToken } from '../../platform/tokens';
import { type Answered, describeErrors, readReply, recordAnswer } from '../inhouse/answer';
import { inhouseEvent } from '../inhouse/event';
import { type AsyncProcessorKind, ProcessorError } from '../port';

/** An invocation gives up after this long (AwaitProcessor runs for 60 s); a slow system answers later instead. */
const INVOKE_TIMEOUT_MS = 40_000;

/** The function answered something this service cannot use: the field that is wrong, never the value. */
const badResponse = (processorId: string, what: string) => new ProcessorError('LambdaBadResponse', `Lambda processor ${processorId} answered ${what}`);

/** The function's return value: an answer now, or `accepted` (the answer comes by the callback). */
function parseReply(ids: { requestId: string; processorId: string }, payload: Uint8Array | undefined): Answered | undefined {
  const { processorId } = ids;
  let body: unknown;
  try {
    body = JSON.parse(Buffer.from(payload ?? []).toString('utf8'));
  } catch {
    throw badResponse(processorId, 'something that is not JSON');
  }
  const read = readReply(body, new Date());
  if ('errors' in read) {
    // The fields and what is wrong with them, never their values: the organisation reads its logs.
    logger.warn('Lambda processor answered invalid fields', { ...ids, fields: Object.keys(read.errors) });
    throw badResponse(processorId, `invalid fields: ${describeErrors(read.errors)}`);
  }
  return 'answer' in read.reply ? read.reply : undefined;
}

/**
 * The organisation's own Lambda function (`lambda` processor): invoked synchronously with the
 * versioned event (`inhouse/event.ts`), which carries a fresh one-time callback token whose hash
 * the branch keeps (only the latest event's token answers). The return value is the answer, or
 * `{"accepted": true}` and the answer comes later to `POST /v1/webhooks/callback/...` with that token.
 */
export const lambdaProcessor: AsyncProcessorKind<LambdaProcessor> = {
  mode: 'async',

  async submit(p, { request, branch }) {
    const { requestId, processorId } = branch;
    const token = newToken();
    const stored = await updateBranch(requestId, processorId, { linkTokenHash: hashToken(token) });
    if (!stored) return; // answered meanwhile
    const event = inhouseEvent(request, branch, token);
    const out = await lambda.send(
      new InvokeCommand({ FunctionName: p.functionArn, InvocationType: 'RequestResponse', Payload: Buffer.from(JSON.stringify(event)) }),
      { abortSignal: AbortSignal.timeout(INVOKE_TIMEOUT_MS) },
    );
    // The function's own error message may quote the subject: only that it failed is kept.
    if (out.FunctionError) throw new ProcessorError('LambdaFunctionFailed', `Lambda processor ${processorId} failed (${out.FunctionError})`);
    const answered = parseReply({ requestId, processorId }, out.Payload);
    if (!answered) {
      logger.info('Lambda processor will answer later', { requestId, processorId });
      return;
    }
    const recorded = await recordAnswer(branch, answered);
    logger.info('Lambda processor answered', { requestId, processorId, outcome: answered.answer.outcome, recorded });
  },
};
