/**
 * Triage of requests by email whose right the service could not tell (functions/intake/inbound-email.ts):
 * staff read the message, and an approver either names the right (the request is then made as the
 * form would make it, and the sender gets the verification email) or discards it. Every step is an
 * audit event in the draft's own trail naming the staff member; no personal data goes there.
 */
import type { DraftDecision } from '../domain/inbound-email';
import { validateSubmission } from '../domain/submission';
import { acceptRequest } from '../intake/intake';
import { audit } from '../platform/data/audit';
import { closeInboundDraft, getInboundDraft, type InboundDraft, openInboundDrafts, setInboundDraftStatus } from '../platform/data/inbound';
import { inboundDraftTrail } from '../platform/data/keys';
import { findController, register } from '../platform/register';
import { mayAccess, type Staff, visibleControllers } from './staff';

/** A draft as the list shows it: no address, no words (those are in its detail, whose reading is audited). */
export type DraftListItem = Pick<InboundDraft, 'draftId' | 'controllerId' | 'receivedAt' | 'locale' | 'reason' | 'suggested' | 'attachmentCount'>;

/** A draft's detail for staff: the message as received, and what was recognised. */
export type DraftView = Pick<
  InboundDraft,
  'draftId' | 'controllerId' | 'receivedAt' | 'locale' | 'reason' | 'suggested' | 'attachmentCount' | 'from' | 'subject' | 'text' | 'status'
>;

/** The draft no longer waits (someone else decided first). */
export class DraftConflict extends Error {
  override name = 'DraftConflict';
}

const listItemOf = (d: InboundDraft): DraftListItem => ({
  draftId: d.draftId,
  controllerId: d.controllerId,
  receivedAt: d.receivedAt,
  locale: d.locale,
  reason: d.reason,
  ...(d.suggested ? { suggested: d.suggested } : {}),
  attachmentCount: d.attachmentCount,
});

/** The drafts waiting in the controllers the caller may see, oldest first. */
export async function listDrafts(staff: Staff): Promise<DraftListItem[]> {
  const out: DraftListItem[] = [];
  for (const controllerId of visibleControllers(
    staff,
    register.controllers.map((c) => c.id),
  )) {
    out.push(...(await openInboundDrafts(controllerId)).map(listItemOf));
  }
  return out.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
}

/** A draft the caller may see, by id (looked up in each of those controllers' partitions). */
export async function findDraft(staff: Staff, draftId: string): Promise<InboundDraft | undefined> {
  for (const controllerId of visibleControllers(
    staff,
    register.controllers.map((c) => c.id),
  )) {
    const d = await getInboundDraft(controllerId, draftId);
    if (d && mayAccess(staff, d.controllerId)) return d;
  }
  return undefined;
}

/** A draft's detail; the reading is recorded first, so a read that cannot be recorded is not served. */
export async function viewDraft(staff: Staff, draft: InboundDraft, at = new Date()): Promise<DraftView> {
  await audit(inboundDraftTrail(draft.draftId), 'staff_viewed_draft', 'staff', { by: staff.username }, at);
  return {
    ...listItemOf(draft),
    from: draft.from,
    subject: draft.subject,
    text: draft.text,
    status: draft.status,
  };
}

/**
 * Carries out an approver's decision. Accepting makes the request exactly as the form would (its
 * validation: a missing field is an `InvalidSubmission` naming it) and sends the verification
 * email; the draft then loses the message. Discarding removes the message at once.
 */
export async function decideDraft(staff: Staff, draft: InboundDraft, decision: DraftDecision, at = new Date()): Promise<{ requestId?: string }> {
  const trail = inboundDraftTrail(draft.draftId);
  if (draft.status !== 'open') throw new DraftConflict('This message was already triaged');
  if (decision.action === 'discard') {
    if (!(await closeInboundDraft(draft.controllerId, draft.draftId, { status: 'discarded' }, at))) throw new DraftConflict('This message was already triaged');
    await audit(trail, 'inbound_draft_discarded', 'staff', { by: staff.username }, at);
    return {};
  }
  const controller = findController(draft.controllerId);
  if (!controller) throw new DraftConflict('This organisation is no longer in the register');
  const { action: _action, ...fields } = decision;
  const valid = validateSubmission(
    {
      ...fields,
      email: draft.from,
      locale: draft.locale,
      controller: controller.id,
      message: draft.subject ? `${draft.subject}\n\n${draft.text}` : draft.text,
    },
    register,
  );
  // Taken first, so two approvers at once make one request; given back if the request cannot be made.
  if (!(await setInboundDraftStatus(draft.controllerId, draft.draftId, 'open', 'accepting'))) throw new DraftConflict('This message was already triaged');
  let requestId: string;
  try {
    requestId = (await acceptRequest(valid, { at, channel: 'email' })).request.requestId;
  } catch (err) {
    await setInboundDraftStatus(draft.controllerId, draft.draftId, 'accepting', 'open');
    throw err;
  }
  await closeInboundDraft(draft.controllerId, draft.draftId, { status: 'accepted', requestId }, at, 'accepting');
  await audit(trail, 'inbound_draft_accepted', 'staff', { by: staff.username, type: valid.submission.type, requestId }, at);
  await audit(requestId, 'inbound_draft_accepted', 'staff', { by: staff.username, draftId: draft.draftId }, at);
  return { requestId };
}
