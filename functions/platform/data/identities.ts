/**
 * Who asked before: one item per request of a requester identity (a keyed hash of the address)
 * to a controller, for spotting repeated requests (Art. 12(5)).
 */
import { and, eq, ge, queryExpression } from './expressions';
import { identityKey, identityPartition } from './keys';
import { all } from './paginate';
import { putItem, queryItems } from './table';

/** One request an identity made. */
export interface IdentityRequest {
  requestId: string;
  type: string;
  receivedAt: string;
}

/** Records that a keyed hash of an address made a request of this right (idempotent). */
export async function recordIdentityRequest(controllerId: string, identityHash: string, requestId: string, type: string, receivedAt: string): Promise<void> {
  await putItem(identityKey(controllerId, identityHash, receivedAt, requestId), { requestId, type, receivedAt });
}

/** The requests the same identity made to a controller received from `since` on, oldest first. */
export async function identityRequests(controllerId: string, identityHash: string, since: string): Promise<IdentityRequest[]> {
  const items = await all(
    queryItems<Record<string, unknown>>({
      ...queryExpression(and(eq('pk', identityPartition(controllerId, identityHash)), ge('sk', since))),
      ConsistentRead: true,
    }),
  );
  return items.map((item) => ({ requestId: String(item.requestId), type: String(item.type), receivedAt: String(item.receivedAt) }));
}
