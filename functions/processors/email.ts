import { asRepeat, vendorRequestEmail } from '../../web/emails';
import { sendEmail } from '../lib/mailer';
import type { EmailProcessor } from '../lib/register';
import { updateBranch } from '../lib/store';
import { identitiesFor, issueTaskLink, taskRequest } from '../lib/task-links';
import type { AsyncProcessorKind, BranchContext } from './types';

const DAY_MS = 86_400_000;

async function emailVendor(p: EmailProcessor, { request, controller, branch, repeat }: BranchContext, reminder: boolean): Promise<void> {
  const taskUrl = await issueTaskLink(request.requestId, branch.processorId);
  const email = vendorRequestEmail({
    locale: controller.locales[0]!,
    controllerName: controller.name,
    processorName: p.name,
    ...taskRequest(request, branch),
    requestReference: request.requestId,
    identities: identitiesFor(p, request),
    taskUrl,
    dueAt: request.dueAt!,
    reminder,
  });
  await sendEmail(p.contactEmail, repeat ? asRepeat(email, controller.locales[0]!) : email);
}

/**
 * A vendor with no API (Art. 28(3)(e): processors assist with requests). Its privacy contact is
 * emailed the request and a one-time link to confirm completion and, for access, upload its
 * export; reminded after `reminderAfterDays`.
 */
export const emailProcessor: AsyncProcessorKind<EmailProcessor> = {
  mode: 'async',

  async submit(p, ctx) {
    await emailVendor(p, ctx, false);
  },

  async watch(p, ctx, now) {
    const { branch } = ctx;
    if (branch.remindedAt || !branch.submittedAt) return;
    if (now.getTime() - Date.parse(branch.submittedAt) < p.reminderAfterDays * DAY_MS) return;
    // Claim the reminder first: two sweeps at once must not both send it.
    if (!(await updateBranch(branch.requestId, branch.processorId, { remindedAt: now.toISOString() }, { onlyIfAbsent: 'remindedAt' }))) return;
    await emailVendor(p, ctx, true);
  },
};
