/**
 * Why a connector branch failed, by class: the class is what the workflow and staff see, and the
 * message names the processor, the step and the status, never the subject, a URL or a body.
 */
import { ProcessorError } from '../port';

/** A failure that retrying the same call will not mend: the branch fails and goes to staff review. */
export class ConnectorFailure extends ProcessorError {
  readonly final = true;
}

/** A request, redirect, pagination link or token URL off the connector's `allowedHosts` (or to an address the outbound guard refuses). */
export const hostRefused = (processorId: string, step: string, what: string) =>
  new ConnectorFailure('ConnectorHostRefused', `connector of ${processorId} at step ${step}: ${what} is off its allowed hosts`);
/** A body over the definition's `maxResponseBytes`. */
export const tooLarge = (processorId: string, step: string) =>
  new ConnectorFailure('ConnectorResponseTooLarge', `connector of ${processorId} at step ${step}: the answer is larger than its limit`);
/** A body that is not JSON (an HTML error page, a login form). */
export const notJson = (processorId: string, step: string, status: number) =>
  new ConnectorFailure('ConnectorNotJson', `connector of ${processorId} at step ${step}: the answer to ${status} is not JSON`);
/** A status the definition does not map: the vendor did something the definition does not know. */
export const unmapped = (processorId: string, step: string, status: number) =>
  new ConnectorFailure('ConnectorUnmappedStatus', `connector of ${processorId} at step ${step}: status ${status} is not mapped`);
/** More pages than `maxPages`: never a silent truncation. */
export const pageLimit = (processorId: string, step: string, maxPages: number) =>
  new ConnectorFailure('ConnectorPageLimit', `connector of ${processorId} at step ${step}: more than ${maxPages} pages`);
/** The vendor's async job ended failed. */
export const jobFailed = (processorId: string, step: string) =>
  new ConnectorFailure('ConnectorJobFailed', `connector of ${processorId} at step ${step}: the job failed`);
/** The definition and the register or request disagree (a setting, a secret, a right it has no action for). */
export const misconfigured = (processorId: string, what: string) => new ConnectorFailure('ConnectorMisconfigured', `connector of ${processorId}: ${what}`);

/** The vendor kept answering 429 or 5xx, or could not be reached: the workflow retries later. */
export const unavailable = (processorId: string, step: string, what: string) =>
  new ProcessorError('ConnectorUnavailable', `connector of ${processorId} at step ${step}: ${what}`);
/** The connector's rate limit has more calls queued than one attempt may wait for: the workflow retries later. */
export const busy = (processorId: string) =>
  new ProcessorError('ConnectorBusy', `connector of ${processorId}: its rate limit queue is longer than an attempt waits`);
