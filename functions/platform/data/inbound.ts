/**
 * Requests by email: the drafts staff triage (one partition per controller) and the marks that
 * make a retried invocation take a message in once.
 */

import type { RecognisableRight, TriageReason } from '../../domain/inbound-email';
import type { Locale } from '../../domain/request';
import { and, beginsWith, eq, exists, queryExpression } from './expressions';
import { inboundDraftKey, inboundDraftPartition, inboundDraftPrefix, inboundMessageKey } from './keys';
import { deleteItem, getItem, putNew, queryItems, updateItem } from './table';

/** A message whose right staff choose: personal data (`from`, `subject`, `text`), shown to staff only. */
export interface InboundDraft {
  draftId: string;
  controllerId: string;
  receivedAt: string;
  /** The sender's address (personal data). */
  from: string;
  /** The subject line and the message's own words, trimmed (personal data). */
  subject: string;
  text: string;
  /** The language the words were recognised as, else the controller's first. */
  locale: Locale;
  reason: TriageReason;
  /** The right the words point to, when one does but the message cannot become a request by itself. */
  suggested?: RecognisableRight;
  attachmentCount: number;
  /** `accepting` while an approver's request is being made of it. */
  status: 'open' | 'accepting' | 'accepted' | 'discarded';
  /** The request an approver made of it. */
  requestId?: string;
  decidedAt?: string;
  /** When DynamoDB's TTL deletes it (epoch seconds): an untriaged draft does not stay for ever. */
  expiresAt: number;
}

/** Stores a new draft. */
export async function createInboundDraft(draft: InboundDraft): Promise<void> {
  await putNew(inboundDraftKey(draft.controllerId, draft.draftId), draft);
}

/** One draft of a controller, or none. */
export const getInboundDraft = (controllerId: string, draftId: string) => getItem<InboundDraft>(inboundDraftKey(controllerId, draftId));

/** A controller's drafts still waiting for staff (its partition only: drafts are few and short-lived). */
export async function openInboundDrafts(controllerId: string): Promise<InboundDraft[]> {
  const out: InboundDraft[] = [];
  const key = and(eq('pk', inboundDraftPartition(controllerId)), beginsWith('sk', inboundDraftPrefix));
  for await (const d of queryItems<InboundDraft>({ ...queryExpression(key), ConsistentRead: true })) {
    if (d.status === 'open') out.push(d);
  }
  return out;
}

/**
 * Closes an open draft: accepted (with the request made of it) or discarded. Either way the
 * message's words and address leave the draft in the same write. False when it was no longer open.
 */
export async function closeInboundDraft(
  controllerId: string,
  draftId: string,
  outcome: { status: 'accepted'; requestId: string } | { status: 'discarded' },
  at: Date,
  from: InboundDraft['status'] = 'open',
): Promise<boolean> {
  const stored = await updateItem(inboundDraftKey(controllerId, draftId), {
    set: { status: outcome.status, decidedAt: at.toISOString(), ...(outcome.status === 'accepted' ? { requestId: outcome.requestId } : {}) },
    remove: ['from', 'subject', 'text'],
    condition: and(exists('pk'), eq('status', from)),
  });
  return stored !== false;
}

/** Moves a draft from one status to another, keeping the message; false when it was not in `from`. */
export async function setInboundDraftStatus(controllerId: string, draftId: string, from: InboundDraft['status'], to: InboundDraft['status']): Promise<boolean> {
  return (await updateItem(inboundDraftKey(controllerId, draftId), { set: { status: to }, condition: and(exists('pk'), eq('status', from)) })) !== false;
}

/** Takes one received message in: false when an earlier invocation already did. */
export const claimInboundMessage = (messageId: string, at: Date) =>
  putNew(inboundMessageKey(messageId), { claimedAt: at.toISOString(), expiresAt: Math.floor(at.getTime() / 1000) + 7 * 86_400 });

/** Gives a claim back after a failure, so a retry takes the message in. */
export const releaseInboundMessage = (messageId: string) => deleteItem(inboundMessageKey(messageId));
