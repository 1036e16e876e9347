import { asRepeat } from '../../../web/emails/email';
import { vendorRequestEmail } from '../../../web/emails/vendor-request';
import { inLocale } from '../../domain/register-schema';
import { branchMail, sendEmail } from '../../platform/mailer';
import { branchOwner, CLAIM_TIMEOUT_MS, sendOnce } from '../../platform/outbox';
import type { EmailProcessor } from '../../platform/register';
import type { AsyncProcessorKind, BranchContext } from '../port';
import { identitiesFor, issueTaskLink, taskRequest } from '../task-links';

const DAY_MS = 86_400_000;

async function emailVendor(p: EmailProcessor, { request, controller, branch, repeat }: BranchContext, reminder: boolean): Promise<void> {
  const taskUrl = await issueTaskLink(request.requestId, branch.processorId);
  const email = vendorRequestEmail({
    locale: controller.locales[0]!,
    controllerName: inLocale(controller.name, controller.locales[0]!, controller).text,
    processorName: inLocale(p.name, controller.locales[0]!, controller).text,
    ...taskRequest(request, branch),
    requestReference: request.requestId,
    identities: identitiesFor(p, request),
    taskUrl,
    dueAt: request.dueAt!,
    reminder,
  });
  await sendEmail(p.contactEmail, repeat ? asRepeat(email, controller.locales[0]!) : email, branchMail('processor_task', request, branch));
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
    // Through the outbox: two sweeps at once send one, and a reminder a crash cut short goes again,
    // marked as a possible second copy, once its claim ran out; one that failed goes as a first.
    await sendOnce({
      message: { owner: branchOwner(branch.requestId, branch.processorId), startedAt: 'reminderStartedAt', sentAt: 'remindedAt' },
      staleAfterMs: CLAIM_TIMEOUT_MS,
      at: now,
      send: (again) => emailVendor(p, { ...ctx, repeat: again }, true),
    });
  },
};
