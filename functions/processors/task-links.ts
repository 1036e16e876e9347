import type { TaskIdentities } from '../../web/tasks';
import { type Branch, type DsrRequest, subjectName, subjectOf } from '../domain/request';
import { updateBranch } from '../platform/data/branches';
import { links } from '../platform/links';
import type { Processor } from '../platform/register';
import { hashToken, newToken, tokenMatches } from '../platform/tokens';

/**
 * A one-time link for whoever answers for a processor that has no API (a vendor's privacy
 * contact, a staff member). Each email gets a fresh link; only the latest one's hash is kept, so
 * an older email's link stops working when a reminder goes out.
 */
export async function issueTaskLink(requestId: string, processorId: string): Promise<string> {
  const token = newToken();
  const stored = await updateBranch(requestId, processorId, { linkTokenHash: hashToken(token) });
  if (!stored) throw new Error(`branch ${processorId} of request ${requestId} is already final`);
  return links.task(requestId, processorId, token);
}

/** Whether a presented link token is the branch's current one. */
export function taskLinkMatches(branch: Branch, token: string): boolean {
  return tokenMatches(token, branch.linkTokenHash);
}

/**
 * The subject's identities a vendor or staff member is shown: for a vendor only those the register
 * says it needs to find the subject (data minimisation); for staff the address, the name and the
 * identifiers the form asked for (a system found by phone number needs the number).
 */
export function identitiesFor(p: Processor, request: DsrRequest, branch?: Pick<Branch, 'staffTask'>): TaskIdentities {
  const forVendor = p.kind === 'email' && !branch?.staffTask;
  const wanted = forVendor ? p.identities : ['email', 'name'];
  const name = subjectName(request);
  return {
    ...(wanted.includes('email') ? { email: subjectOf(request).email } : {}),
    ...(wanted.includes('name') && name ? { name } : {}),
    ...(forVendor ? {} : request.identifiers),
  };
}

/**
 * What a vendor or staff member is asked to do, as their email and task page say it: the right,
 * the branch's action and, for a correction, what is wrong and the correct value (personal data:
 * only in the email and on the page, never logged).
 */
export function taskRequest(request: DsrRequest, branch: Branch) {
  const wanted = request.details?.rectification;
  return {
    type: request.type,
    action: branch.action,
    ...(branch.action === 'rectify' && wanted
      ? { correction: { ...(wanted.attribute ? { attribute: wanted.attribute } : {}), inaccurate: wanted.inaccurate, corrected: wanted.corrected } }
      : {}),
  };
}
