import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import { ses } from './aws/ses';
import { setting } from './config';

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

/** Sends one email to one recipient through SES. Returns the SES message id. */
export async function sendEmail(to: string, email: Email): Promise<string | undefined> {
  const out = await ses.send(
    new SendEmailCommand({
      // The verified SES identity every email is sent from, through the stack's configuration set.
      FromEmailAddress: setting('SENDER_EMAIL'),
      ConfigurationSetName: setting('SES_CONFIGURATION_SET'),
      Destination: { ToAddresses: [to] },
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
  );
  return out.MessageId;
}
