import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { emailTags, type MailTag } from '../domain/mail-feedback';
import { ses } from './aws/ses';
import { setting } from './config';
import { Unavailable } from './unavailable';

/**
 * SES would not send (the sandbox's unverified recipient or rate, a paused or suspended account, a
 * sender not verified, IAM): the mail is not lost but not sent yet; the step fails to be retried
 * and an API caller is asked to try again. The message names the reason only, never an address.
 */
export class MailRefused extends Unavailable {
  override name = 'MailRefused';
  constructor(
    /** SES's error name, e.g. `MessageRejected`. */
    readonly reason: string,
  ) {
    super(`SES refused to send the email (${reason})`);
  }
}

/** SES's answers that refuse a send, as opposed to a malformed request (a fault of ours). */
const REFUSALS = new Set([
  'MessageRejected',
  'AccessDeniedException',
  'AccountSuspendedException',
  'SendingPausedException',
  'MailFromDomainNotVerifiedException',
  'LimitExceededException',
  'TooManyRequestsException',
  'ThrottlingException',
  'NotFoundException',
]);

/** The tag of an email to the subject of a request. */
export const subjectMail = (request: { requestId: string; controllerId: string }): MailTag => ({
  kind: 'subject',
  controllerId: request.controllerId,
  requestId: request.requestId,
});

/** The tag of an email about one branch of a request (a vendor's or staff member's task, or its withdrawal). */
export const branchMail = (
  kind: 'processor_task' | 'staff_task' | 'withdrawal_notice',
  request: { requestId: string; controllerId: string },
  branch: { processorId: string },
): MailTag => ({ kind, controllerId: request.controllerId, requestId: request.requestId, processorId: branch.processorId });

/** A file sent with an email, e.g. the digest's CSV. */
export interface EmailAttachment {
  fileName: string;
  contentType: string;
  content: string;
}

/** A rendered email (web/emails/email.ts). */
export interface Email {
  subject: string;
  text: string;
  html: string;
  attachments?: EmailAttachment[];
}

/**
 * Sends one email to one recipient through SES. Returns the SES message id. `tag` says what the
 * email is about (ids only), sent as message tags so a bounce or complaint can be matched to it
 * (functions/workflow/mail-feedback.ts) without the address.
 */
export async function sendEmail(to: string, email: Email, tag: MailTag): Promise<string | undefined> {
  const out = await ses
    .send(
      new SendEmailCommand({
        // The verified SES identity every email is sent from, through the stack's configuration set.
        FromEmailAddress: setting('SENDER_EMAIL'),
        ConfigurationSetName: setting('SES_CONFIGURATION_SET'),
        Destination: { ToAddresses: [to] },
        EmailTags: emailTags(tag),
        Content: {
          Simple: {
            Subject: { Data: email.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: email.text, Charset: 'UTF-8' }, Html: { Data: email.html, Charset: 'UTF-8' } },
            ...(email.attachments?.length
              ? {
                  Attachments: email.attachments.map((a) => ({
                    FileName: a.fileName,
                    ContentType: a.contentType,
                    ContentDisposition: 'ATTACHMENT' as const,
                    RawContent: new TextEncoder().encode(a.content),
                  })),
                }
              : {}),
          },
        },
      }),
    )
    .catch((err: unknown) => {
      const name = (err as { name?: string } | null)?.name ?? '';
      // Not kept as the cause: SES's message names the addresses it refused.
      throw REFUSALS.has(name) ? new MailRefused(name) : err;
    });
  return out.MessageId;
}
