import { createHash, randomUUID } from 'node:crypto';
import { type Branch, type DsrRequest, subjectOf } from '../../domain/request';
import { setting } from '../../platform/config';
import { getBranch, updateBranch } from '../../platform/data/branches';
import { getLink, putLink } from '../../platform/data/opendsr-links';
import { logger } from '../../platform/log';
import type { OpendsrProcessor } from '../../platform/register';
import { type AsyncProcessorKind, ProcessorError } from '../port';
import { discover } from './certificates';
import { cancelRequest, createRequest, getStatus } from './client';
import { rejected, unavailable } from './http';
import { applyStatus } from './outcome';
import { API_VERSION, type OpendsrRequest } from './types';
import { OpendsrVerificationError } from './verify';

const MINUTE_MS = 60_000;
/** Where processors send status callbacks (the route `POST /v1/opendsr/callback`). */
export const CALLBACK_PATH = '/v1/opendsr/callback';

/** The subject's address as the processor asked for it: as given, or its SHA-256 (lower-case hex of the trimmed, lower-cased address). */
export function identityValue(email: string, format: OpendsrProcessor['identityFormat']): string {
  const trimmed = email.trim();
  return format === 'sha256' ? createHash('sha256').update(trimmed.toLowerCase(), 'utf8').digest('hex') : trimmed;
}

/**
 * The OpenDSR request type (§6.2) for a branch: v2 knows only access, portability and erasure.
 * An objection to direct marketing or a withdrawn consent erases; rectification and restriction
 * have no type, so Route's plan makes them staff tasks and they never get here.
 */
export function opendsrType(request: Pick<DsrRequest, 'type'>, branch: Pick<Branch, 'action' | 'processorId'>): OpendsrRequest['subject_request_type'] {
  if (branch.action === 'export') return request.type === 'portability' ? 'portability' : 'access';
  if (branch.action === 'erase') return 'erasure';
  throw new ProcessorError('OpendsrUnsupported', `OpenDSR has no request type for ${branch.action} (processor ${branch.processorId})`);
}

function requestBody(
  p: OpendsrProcessor,
  request: DsrRequest,
  type: OpendsrRequest['subject_request_type'],
  subjectRequestId: string,
  callbackUrl: string,
): OpendsrRequest {
  return {
    regulation: 'gdpr',
    subject_request_id: subjectRequestId,
    subject_request_type: type,
    subject_identities: [
      { identity_type: 'email', identity_value: identityValue(subjectOf(request).email, p.identityFormat), identity_format: p.identityFormat },
    ],
    // §7.1.1: the time of the original request by the data subject.
    submitted_time: new Date(request.createdAt).toISOString(),
    api_version: API_VERSION,
    status_callback_urls: [callbackUrl],
  };
}

/** Refuses early what the processor's discovery document says it does not support. */
async function checkSupport(p: OpendsrProcessor, type: string): Promise<void> {
  let discovery: Awaited<ReturnType<typeof discover>>['discovery'];
  try {
    ({ discovery } = await discover(p));
  } catch (err) {
    if (err instanceof OpendsrVerificationError) throw unavailable(p.id, 'its discovery document or certificate could not be fetched');
    throw err;
  }
  const types = discovery.supported_subject_request_types;
  if (types && !types.includes(type)) throw new ProcessorError('OpendsrUnsupported', `OpenDSR processor ${p.id} does not support ${type} requests`);
  const identities = discovery.supported_identities;
  if (identities && !identities.some((i) => i.identity_type === 'email' && i.identity_format === p.identityFormat)) {
    throw new ProcessorError('OpendsrUnsupported', `OpenDSR processor ${p.id} does not accept email identities as ${p.identityFormat}`);
  }
}

/**
 * A processor with an OpenDSR v2 API (opengdpr/opengdpr). The request goes out once under an id
 * we generate (kept on the branch before it is sent, so a retry sends the same id); the answer
 * comes as a signed callback to `POST /v1/opendsr/callback`, or the sweep finds it by polling
 * when no callback came for `pollAfterMinutes`.
 */
export const opendsrProcessor: AsyncProcessorKind<OpendsrProcessor> = {
  mode: 'async',

  async submit(p, { request, controller, branch }) {
    const { requestId, processorId } = branch;
    const type = opendsrType(request, branch);
    const callbackUrl = `${setting('PUBLIC_BASE_URL')}${CALLBACK_PATH}`;
    // The id is set once: a retry (or a second attempt after a crash) reuses it.
    let subjectRequestId = branch.externalId;
    if (!subjectRequestId) {
      const claimed = await updateBranch(requestId, processorId, { externalId: randomUUID() }, { onlyIfAbsent: 'externalId' });
      subjectRequestId = claimed?.externalId ?? (await getBranch(requestId, processorId))?.externalId;
      if (!subjectRequestId) throw new ProcessorError('MissingRecord', `branch ${processorId} of request ${requestId} has no OpenDSR id`);
    }
    await putLink({ subjectRequestId, requestId, processorId, controllerId: controller.id, callbackUrl, createdAt: new Date().toISOString() });
    // A retry sends the callback URL the first attempt recorded.
    const link = await getLink(subjectRequestId);
    await checkSupport(p, type);

    const answer = await createRequest(p, requestBody(p, request, type, subjectRequestId, link?.callbackUrl ?? callbackUrl));
    if (answer.outcome === 'created') {
      if (answer.expectedCompletionAt) await updateBranch(requestId, processorId, { expectedCompletionAt: answer.expectedCompletionAt });
      logger.info('OpenDSR request submitted', { requestId, processorId });
      return;
    }
    // Refused: if the processor knows this id already (our earlier attempt got through), that counts as submitted.
    const known = await getStatus(p, subjectRequestId);
    if (!known) throw rejected(p.id, answer.status);
    logger.info('OpenDSR request was already submitted', { requestId, processorId, status: known.request_status });
    const current = await getBranch(requestId, processorId);
    if (current) await applyStatus(p, current, known, 'submit');
  },

  async watch(p, { branch }, now) {
    if (branch.status !== 'waiting' || !branch.externalId || !branch.submittedAt) return;
    const link = await getLink(branch.externalId);
    const lastHeard = Math.max(
      Date.parse(branch.submittedAt),
      branch.lastPolledAt ? Date.parse(branch.lastPolledAt) : 0,
      link?.lastCallbackAt ? Date.parse(link.lastCallbackAt) : 0,
    );
    if (now.getTime() - lastHeard < p.pollAfterMinutes * MINUTE_MS) return;
    // Noted before asking, so a processor that does not answer is asked once per period, not every sweep.
    const polled = await updateBranch(branch.requestId, branch.processorId, { lastPolledAt: now.toISOString() });
    if (!polled) return; // answered meanwhile
    const report = await getStatus(p, branch.externalId);
    if (!report) throw new ProcessorError('OpendsrUnknownRequest', `OpenDSR processor ${p.id} does not know the request`);
    await applyStatus(p, polled, report, 'poll', now);
  },

  async cancel(p, { branch }) {
    if (!branch.externalId) return;
    const cancelled = await cancelRequest(p, branch.externalId);
    logger.info('OpenDSR request withdrawn', { requestId: branch.requestId, processorId: branch.processorId, known: cancelled });
  },
};
