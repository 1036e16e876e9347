/**
 * How an OpenDSR callback finds its branch without a Scan: one small item per OpenDSR request,
 * keyed by the `subject_request_id` we generated. Ids, a URL of ours and times only: no personal
 * data.
 */
import { exists } from './expressions';
import { opendsrLinkKey } from './keys';
import { getItem, putNew, updateItem } from './table';

/** The branch an OpenDSR request belongs to. */
export interface OpendsrLink {
  subjectRequestId: string;
  requestId: string;
  processorId: string;
  controllerId: string;
  /** The callback URL we sent the processor; a callback must name exactly this one (§8.8 step 6). */
  callbackUrl: string;
  createdAt: string;
  /** When a callback last told us the status. */
  lastCallbackAt?: string;
}

/** Records the link before the request goes out; a second put for the same id (a retry) keeps the first. */
export async function putLink(link: Omit<OpendsrLink, 'lastCallbackAt'>): Promise<void> {
  await putNew(opendsrLinkKey(link.subjectRequestId), link);
}

export async function getLink(subjectRequestId: string): Promise<OpendsrLink | undefined> {
  return getItem<OpendsrLink>(opendsrLinkKey(subjectRequestId));
}

/** Notes that a callback came (the sweep polls only when none came for `pollAfterMinutes`). */
export async function touchLink(subjectRequestId: string, at: Date): Promise<void> {
  await updateItem(opendsrLinkKey(subjectRequestId), { set: { lastCallbackAt: at.toISOString() }, condition: exists('pk') });
}
