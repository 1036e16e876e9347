import type { SESEvent } from 'aws-lambda';
import type { VerdictStatus } from '../../domain/inbound-email';
import { receiveMail } from '../../intake/inbound-email';
import { secrets } from '../../platform/aws/secrets';
import { configure } from '../../platform/config';

// The composition root: what this function is given, checked at cold start.
await configure(
  secrets,
  'REQUESTS_TABLE',
  'PACKAGE_BUCKET',
  'SENDER_EMAIL',
  'SES_CONFIGURATION_SET',
  'PUBLIC_BASE_URL',
  'SUPPRESSION_KEY_SECRET',
  'VERIFY_TTL_DAYS',
  'INTAKE_LIMIT_PER_ADDRESS',
  // The intake's limits are read together; mail has no client address, so this one is never reached.
  'INTAKE_LIMIT_PER_CLIENT',
  'INTAKE_LIMIT_PER_DOMAIN',
);

/** A verdict as SES gives it; a missing one counts as not checked. */
const verdict = (v: { status?: string } | undefined): VerdictStatus => (v?.status ?? 'PROCESSING_FAILED') as VerdictStatus;

/**
 * SES receipt rule, Lambda action (after its S3 action stored the message under `inbound-mail/`):
 * each message becomes a request, a draft for staff, or is dropped (see functions/intake/inbound-email.ts).
 * Invoked asynchronously: a failure is retried by Lambda, and the message is taken in once.
 */
export async function handler(event: SESEvent): Promise<void> {
  for (const record of event.Records) {
    const { mail, receipt } = record.ses;
    await receiveMail({
      messageId: mail.messageId,
      recipients: receipt.recipients,
      verdicts: {
        spam: verdict(receipt.spamVerdict),
        virus: verdict(receipt.virusVerdict),
        spf: verdict(receipt.spfVerdict),
        dkim: verdict(receipt.dkimVerdict),
        dmarc: verdict(receipt.dmarcVerdict),
      },
    });
  }
}
