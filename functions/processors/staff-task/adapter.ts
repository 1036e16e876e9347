import { asRepeat } from '../../../web/emails/email';
import { staffTaskEmail } from '../../../web/emails/staff-task';
import { inLocale, staffEmailOf } from '../../domain/register-schema';
import { subjectOf } from '../../domain/request';
import { branchMail, sendEmail } from '../../platform/mailer';
import type { AsyncProcessorKind } from '../port';
import { identitiesFor, issueTaskLink, taskRequest } from '../task-links';

/**
 * What a processor cannot do itself (a correction the subject described in free text at a store, a
 * restriction an OpenDSR API has no request type for) goes to the controller's staff as a task:
 * the request, the action, who it is about, and a one-time link to record the outcome with a note.
 * Whatever the processor's kind, the branch waits for staff like a manual task.
 */
export const staffTask: AsyncProcessorKind = {
  mode: 'async',

  async submit(p, { request, controller, branch, repeat }) {
    const taskUrl = await issueTaskLink(request.requestId, branch.processorId);
    const email = staffTaskEmail({
      locale: controller.locales[0]!,
      controllerName: inLocale(controller.name, controller.locales[0]!, controller).text,
      processorName: inLocale(p.name, controller.locales[0]!, controller).text,
      ...taskRequest(request, branch),
      requestReference: request.requestId,
      identities: { email: subjectOf(request).email, ...identitiesFor(p, request, branch) },
      taskUrl,
      dueAt: request.dueAt!,
    });
    await sendEmail(staffEmailOf(controller), repeat ? asRepeat(email, controller.locales[0]!) : email, branchMail('staff_task', request, branch));
  },
};
