import { staffTaskEmail } from '../../web/emails';
import { sendEmail } from '../lib/mailer';
import type { ManualProcessor } from '../lib/register';
import { identitiesFor, issueTaskLink, taskRequest } from '../lib/task-links';
import type { AsyncProcessorKind } from './types';

/**
 * Work only staff can do, e.g. searching a shared mailbox or paper files. The assignee gets the
 * register's instructions and a one-time link, and completes the task with a note.
 */
export const manualProcessor: AsyncProcessorKind<ManualProcessor> = {
  mode: 'async',

  async submit(p, { request, controller, branch }) {
    const taskUrl = await issueTaskLink(request.requestId, branch.processorId);
    await sendEmail(p.assigneeEmail, staffTaskEmail({
      locale: controller.locales[0]!,
      controllerName: controller.name,
      processorName: p.name,
      ...taskRequest(request, branch),
      requestReference: request.requestId,
      instructions: p.instructions,
      identities: { email: request.email, ...identitiesFor(p, request) },
      taskUrl,
      dueAt: request.dueAt!,
    }));
  },
};
