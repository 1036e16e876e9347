import { configure } from '../../platform/config';
import { handleMailFeedback } from '../../workflow/mail-feedback';

// The composition root: what this function is given, checked at cold start. An escalation emails the DPO.
await configure('REQUESTS_TABLE', 'PACKAGE_BUCKET', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL');

/**
 * SES's bounce and complaint events, by an EventBridge rule on the default bus. Never throws for an
 * event it cannot read (logged by reason and dropped); throws only when a service behind it fails,
 * so Lambda retries the event.
 */
export const handler = async (event: unknown): Promise<void> => {
  await handleMailFeedback(event);
};
