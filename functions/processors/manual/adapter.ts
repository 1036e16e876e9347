import { asRepeat } from '../../../web/emails/email';
import { staffTaskEmail } from '../../../web/emails/staff-task';
import { inLocale } from '../../domain/register-schema';
import { subjectOf } from '../../domain/request';
import { branchMail, sendEmail } from '../../platform/mailer';
import type { ManualProcessor } from '../../platform/register';
import type { AsyncProcessorKind } from '../port';
import { identitiesFor, issueTaskLink, taskRequest } from '../task-links';

/**
 * Work only staff can do, e.g. searching a shared mailbox or paper files. The assignee gets the
 * register's instructions and a one-time link, and completes the task with a note.
 */
export const manualProcessor: AsyncProcessorKind<ManualProcessor> = {
  mode: 'async',

  async submit(p, { request, controller, branch, repeat }) {
    const taskUrl = await issueTaskLink(request.requestId, branch.processorId);
    const email = staffTaskEmail({
      locale: controller.locales[0]!,
      controllerName: inLocale(controller.name, controller.locales[0]!, controller).text,
      processorName: inLocale(p.name, controller.locales[0]!, controller).text,
      ...taskRequest(request, branch),
      requestReference: request.requestId,
      // Staff read the register in the controller's first language, as the rest of this email.
      instructions: inLocale(p.instructions, controller.locales[0]!, controller).text,
      identities: { email: subjectOf(request).email, ...identitiesFor(p, request) },
      taskUrl,
      dueAt: request.dueAt!,
    });
    await sendEmail(p.assigneeEmail, repeat ? asRepeat(email, controller.locales[0]!) : email, branchMail('staff_task', request, branch));
  },
};
