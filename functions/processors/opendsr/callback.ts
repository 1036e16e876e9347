/**
 * A status callback from an OpenDSR processor (§8.5-8.8), checked in the specification's order:
 * the processor named by X-OpenDSR-Processor-Domain must be one the register declares; the
 * signature must hold for the raw body with that processor's certificate, which must chain to the
 * processor's trust roots (403 otherwise, and the body is not parsed); then the body must be a
 * callback for a request we sent that processor, to the callback URL we gave it.
 */

import { getBranch } from '../../platform/data/branches';
import { getLink } from '../../platform/data/opendsr-links';
import { logger } from '../../platform/log';
import { type Controller, type OpendsrProcessor, register } from '../../platform/register';
import { header, verifySigned } from './certificates';
import { type Applied, applyStatus } from './outcome';
import { callbackSchema, firstBadField, HEADERS } from './types';
import { OpendsrVerificationError, type VerificationReason } from './verify';

export interface CallbackAnswer {
  statusCode: number;
  body: { message: string; errors?: Record<string, string> };
}

const REFUSED: CallbackAnswer = { statusCode: 403, body: { message: 'signature verification failed' } };
const UNKNOWN: CallbackAnswer = { statusCode: 404, body: { message: 'unknown subject_request_id', errors: { subject_request_id: 'unknown' } } };
const badField = (field: string, problem: string): CallbackAnswer => ({
  statusCode: 400,
  body: { message: `${field} is ${problem}`, errors: { [field]: problem } },
});

interface Declared {
  controller: Controller;
  processor: OpendsrProcessor;
}

/** Every OpenDSR processor the register declares for a domain (several controllers may use one vendor). */
function declaredFor(domain: string): Declared[] {
  const d = domain.trim().toLowerCase();
  return register.controllers.flatMap((controller) =>
    controller.processors
      .filter((p): p is OpendsrProcessor => p.kind === 'opendsr' && p.domain.toLowerCase() === d)
      .map((processor) => ({ controller, processor })),
  );
}

function refuse(reason: VerificationReason | 'ProcessorMismatch', processorId?: string): CallbackAnswer {
  logger.warn('OpenDSR callback refused', { ...(processorId ? { processorId } : {}), reason });
  return REFUSED;
}

/**
 * Handles one callback. `headers` are lower-cased; `rawBody` is the body exactly as received.
 * Never echoes the body, and logs ids, statuses and failure reasons only.
 */
export async function receiveCallback(
  headers: Record<string, string | undefined>,
  rawBody: Buffer,
  now = new Date(),
): Promise<CallbackAnswer & { applied?: Applied }> {
  const domain = header(headers, HEADERS.domain);
  if (!domain || !header(headers, HEADERS.signature)) return refuse('MissingHeader');
  const candidates = declaredFor(domain);
  if (!candidates.length) return refuse('UnknownDomain');

  // The signature first, over the raw bytes (§8.8 step 4): the body is not parsed before.
  const verified: Declared[] = [];
  let firstFailure: { reason: VerificationReason; processorId: string } | undefined;
  const checked = new Set<string>();
  for (const c of candidates) {
    const sameAs = `${c.processor.url}\n${c.processor.trustRoots.join('\n')}`;
    if (checked.has(sameAs)) {
      if (verified.some((v) => `${v.processor.url}\n${v.processor.trustRoots.join('\n')}` === sameAs)) verified.push(c);
      continue;
    }
    checked.add(sameAs);
    try {
      await verifySigned(c.processor, headers, rawBody, now);
      verified.push(c);
    } catch (err) {
      if (!(err instanceof OpendsrVerificationError)) throw err;
      firstFailure ??= { reason: err.reason, processorId: c.processor.id };
    }
  }
  if (!verified.length) return refuse(firstFailure!.reason, firstFailure!.processorId);

  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return badField('body', 'not valid JSON');
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return badField('body', 'not a JSON object');
  const parsed = callbackSchema.safeParse(json);
  if (!parsed.success) return badField(firstBadField(parsed.error), 'missing or malformed');
  const callback = parsed.data;

  const link = await getLink(callback.subject_request_id);
  const sender = link && verified.find((v) => v.controller.id === link.controllerId && v.processor.id === link.processorId);
  if (!link || !sender) {
    // A processor may only speak for the requests we sent it.
    logger.warn('OpenDSR callback for an unknown request', { processorId: verified[0]!.processor.id, reason: link ? 'ProcessorMismatch' : 'UnknownRequest' });
    return UNKNOWN;
  }
  // §8.8 step 6: the callback must name the endpoint we gave this request.
  if (callback.status_callback_url !== link.callbackUrl) return badField('status_callback_url', "not this service's callback URL");

  const branch = await getBranch(link.requestId, link.processorId);
  if (!branch || branch.externalId !== callback.subject_request_id) {
    logger.warn('OpenDSR callback for an unknown request', { processorId: link.processorId, reason: 'BranchMismatch' });
    return UNKNOWN;
  }
  const applied = await applyStatus(sender.processor, branch, callback, 'callback', now);
  if (applied === 'refused') return badField('results_url', "not a URL on the processor's own host, or not results this service keeps");
  logger.info('OpenDSR callback accepted', { requestId: link.requestId, processorId: link.processorId, status: callback.request_status, applied });
  return { statusCode: 200, body: { message: applied === 'already_final' ? 'already answered' : 'accepted' }, applied };
}
