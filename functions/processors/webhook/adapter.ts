import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { localOpendsrOrigins } from '../../platform/config';
import { logger } from '../../platform/log';
import { type AddressRule, OutboundRefused, outboundFetch } from '../../platform/outbound';
import { branchOwner, CLAIM_TIMEOUT_MS, sendOnce } from '../../platform/outbox';
import type { WebhookProcessor } from '../../platform/register';
import { type Answered, firstBadField, MAX_RECORDS, recordAnswer, replySchema } from '../inhouse/answer';
import { inhouseEvent, inhouseWithdrawal } from '../inhouse/event';
import { SIGNATURE_HEADER, signatureHeader } from '../inhouse/signature';
import { readLimited } from '../opendsr/http';
import { type AsyncProcessorKind, ProcessorError } from '../port';

/** A call gives up after this long (AwaitProcessor runs for 60 s); a slow system answers 202 and calls back. */
const TIMEOUT_MS = 30_000;
/** An answer with its records: a few kilobytes a record at most. */
export const MAX_ANSWER_BYTES = 5 * 1024 * 1024;
/** A signing key shorter than this is refused: HMAC-SHA256 wants 32 bytes of key. */
const MIN_SECRET_LENGTH = 32;

const unavailable = (id: string, what: string) => new ProcessorError('WebhookUnavailable', `webhook processor ${id}: ${what}`);
const rejected = (id: string, status: number) => new ProcessorError('WebhookRejected', `webhook processor ${id} refused the request with ${status}`);
const badResponse = (id: string, what: string) => new ProcessorError('WebhookBadResponse', `webhook processor ${id} answered ${what}`);

/** The processor's signing key, from Secrets Manager (cached a few seconds); too short or missing stops the branch. */
export async function signingSecret(p: WebhookProcessor): Promise<string> {
  const value = await getSecret<string>(p.secret);
  if (typeof value !== 'string' || value.length < MIN_SECRET_LENGTH) {
    throw new ProcessorError('WebhookSecretInvalid', `the secret of webhook processor ${p.id} holds fewer than ${MIN_SECRET_LENGTH} characters`);
  }
  return value;
}

/**
 * Where the processor may be reached: https at public addresses, or a receiver the local runtime
 * runs itself (its origin in `OPENDSR_LOCAL_ORIGINS`), over http too, on loopback only.
 */
function target(p: WebhookProcessor): { url: URL; addresses: AddressRule } {
  const url = new URL(p.url);
  if (url.username || url.password) throw new ProcessorError('WebhookUrlRefused', `webhook processor ${p.id}: credentials in the URL`);
  if (localOpendsrOrigins().includes(url.origin)) return { url, addresses: 'loopback' };
  if (url.protocol !== 'https:') throw new ProcessorError('WebhookUrlRefused', `webhook processor ${p.id}: not https`);
  return { url, addresses: 'public' };
}

/** The 2xx body: an answer now, or undefined when the answer comes later (202, or `{"accepted": true}`). */
async function parseReply(p: WebhookProcessor, res: Response): Promise<Answered | undefined> {
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
  const reply = replySchema.safeParse(body);
  if (!reply.success) throw badResponse(p.id, `an invalid ${firstBadField(reply.error)} (at most ${MAX_RECORDS} records)`);
  return 'answer' in reply.data ? reply.data : undefined;
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
    const answered = await parseReply(p, res);
    if (!answered) {
      logger.info('webhook processor will answer later', { requestId, processorId });
      return;
    }
    const recorded = await recordAnswer(branch, answered);
    logger.info('webhook processor answered', { requestId, processorId, outcome: answered.answer.outcome, recorded });
  },

  // Once through the outbox on the branch: a second withdrawal call does not post it again.
  async cancel(p, { request, branch }, now = new Date()) {
    if (!branch.submittedAt && !branch.submitStartedAt) return;
    const withdrawnAt = [...(request.history ?? [])].reverse().find((h) => h.status === 'cancelled')?.at ?? now.toISOString();
    const body = JSON.stringify(inhouseWithdrawal(request, branch, withdrawnAt));
    await sendOnce({
      message: { owner: branchOwner(branch.requestId, branch.processorId), startedAt: 'withdrawalNoticeStartedAt', sentAt: 'withdrawalNoticedAt' },
      staleAfterMs: CLAIM_TIMEOUT_MS,
      at: now,
      send: async () => {
        const res = await postSigned(p, body);
        await res.body?.cancel().catch(() => undefined);
      },
    });
    logger.info('webhook processor told of the withdrawal', { requestId: branch.requestId, processorId: branch.processorId });
  },
};

/** POSTs a JSON body signed with the processor's secret; a 2xx is returned, anything else throws. */
async function postSigned(p: WebhookProcessor, body: string): Promise<Response> {
  const { url, addresses } = target(p);
  const secret = await signingSecret(p);
  let res: Response;
  try {
    res = await outboundFetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signatureHeader(secret, body) },
      body,
      addresses,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch (err) {
    if (err instanceof OutboundRefused) throw new ProcessorError('WebhookUrlRefused', `webhook processor ${p.id}: ${err.reason}`);
    throw unavailable(p.id, (err as { name?: string })?.name === 'TimeoutError' ? 'timed out' : 'could not be reached');
  }
  if (res.status >= 500 || res.status === 429) {
    await res.body?.cancel().catch(() => undefined);
    throw unavailable(p.id, `answered ${res.status}`);
  }
  if (res.status < 200 || res.status > 299) {
    await res.body?.cancel().catch(() => undefined);
    throw rejected(p.id, res.status);
  }
  return res;
}
