/**
 * Art. 20(2): the subject may have their portability package sent straight to another controller.
 * Only controllers the register declares (`portabilityTargets`) are ever called: the subject picks
 * an id on the form, never a URL, so the service cannot be pointed at an address of someone's choosing.
 */
import { Readable } from 'node:stream';
import type { PortabilityTarget } from '../domain/register-schema';
import type { DsrRequest } from '../domain/request';
import { auditEvent } from '../platform/data/audit';
import { setOnce, settleRequestOwed } from '../platform/data/requests';
import { logger } from '../platform/log';
import { readObject } from '../platform/package-bucket';
import type { Controller } from '../platform/register';
import { ProcessorError } from '../processors/port';

/** A package is a few megabytes at most; a receiver that takes longer than this is treated as down. */
const TRANSMIT_TIMEOUT_MS = 60_000;

/** The receiving controller a portability request names, if the register still declares it. */
export function transmissionTarget(request: Pick<DsrRequest, 'type' | 'details'>, controller: Controller): PortabilityTarget | undefined {
  const id = request.type === 'portability' ? request.details?.transmitTo : undefined;
  return id ? controller.portabilityTargets.find((t) => t.id === id) : undefined;
}

/**
 * Sends the assembled package to the receiving controller the subject chose, once: POST of the ZIP
 * with the request id as `Idempotency-Key` (a retry after a crash between the POST and the record
 * sends the same key, so the receiver can tell), then `transmittedAt` and the audit event
 * `package_transmitted`. A non-2xx answer or a network error throws, so the workflow task retries.
 * Returns whether this call sent it.
 */
export async function transmitPackage(request: DsrRequest, controller: Controller, packageKey: string): Promise<boolean> {
  if (request.type !== 'portability' || !request.details?.transmitTo || request.transmittedAt || request.status === 'cancelled') return false;
  const target = transmissionTarget(request, controller);
  if (!target) {
    // Intake checked the id; the register no longer declares it. Staff take over rather than guess.
    throw new ProcessorError('UnknownPortabilityTarget', `request ${request.requestId} names a receiving controller the register does not declare`);
  }
  const body = Readable.toWeb(await readObject(packageKey)) as ReadableStream<Uint8Array>;
  let status: number;
  try {
    const res = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/zip', 'idempotency-key': request.requestId },
      body,
      // Streamed, so the package is never held in memory whole.
      duplex: 'half',
      // A redirect could lead anywhere: only the register's URL is called.
      redirect: 'error',
      signal: AbortSignal.timeout(TRANSMIT_TIMEOUT_MS),
    } as RequestInit & { duplex: 'half' });
    status = res.status;
    await res.body?.cancel().catch(() => undefined);
  } catch {
    throw new ProcessorError('PortabilityTargetUnreachable', `receiving controller ${target.id} could not be reached`);
  }
  if (status < 200 || status >= 300) {
    throw new ProcessorError('PortabilityTransmissionRefused', `receiving controller ${target.id} answered ${status}`);
  }
  const at = new Date();
  const transmitted = await setOnce(request.requestId, 'transmittedAt', { transmittedAt: at.toISOString() }, [
    auditEvent('package_transmitted', 'workflow', { targetId: target.id }, at),
  ]);
  if (transmitted) await settleRequestOwed(transmitted);
  const first = transmitted !== undefined;
  logger.info('portability package transmitted', { requestId: request.requestId, targetId: target.id, first });
  return first;
}
