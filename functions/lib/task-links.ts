import { links } from './links';
import type { EmailProcessor, ManualProcessor } from './register';
import type { Branch, DsrRequest } from './request';
import { updateBranch } from './store';
import { hashToken, newToken, tokenMatches } from './tokens';

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
 * says it needs to find the subject (data minimisation), for staff the address and name.
 */
export function identitiesFor(p: EmailProcessor | ManualProcessor, request: DsrRequest): { email?: string; name?: string } {
  const wanted = p.kind === 'manual' ? ['email', 'name'] : p.identities;
  return {
    ...(wanted.includes('email') ? { email: request.email } : {}),
    ...(wanted.includes('name') && request.name ? { name: request.name } : {}),
  };
}
