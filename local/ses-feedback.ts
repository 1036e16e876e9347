/**
 * The SES mailbox simulator's feedback, as SES publishes it to EventBridge: mail sent to
 * `bounce@simulator.amazonses.com` (a hard bounce), `suppressionlist@...` (a hard bounce because
 * the address is on the account's suppression list) or `complaint@...` (a complaint), also with a
 * `+label`, through a configuration set with an event destination for that event type, yields the
 * event SES would put on the default bus: same `source`, `detail-type`, `detail` shape and the
 * message's tags (SES's own `ses:*` ones included). Every other address yields nothing: locally no
 * real mailbox ever bounces.
 */
import { randomUUID } from 'node:crypto';

/** SES's event types, as a configuration set's event destination names them (`MatchingEventTypes`). */
export type SesEventType = 'BOUNCE' | 'COMPLAINT';

/** What the simulator does with mail to one of its addresses. */
type Simulated = { type: 'BOUNCE'; subType: 'General' | 'OnAccountSuppressionList'; status: string; diagnosticCode?: string } | { type: 'COMPLAINT' };

const SIMULATOR_DOMAIN = 'simulator.amazonses.com';

/** Whether an address is one of the mailbox simulator's (SES lets the sandbox send to them too). */
export function isSimulatorAddress(address: string): boolean {
  return address.trim().toLowerCase().endsWith(`@${SIMULATOR_DOMAIN}`);
}

function simulated(address: string): Simulated | undefined {
  if (!isSimulatorAddress(address)) return undefined;
  const local = address.trim().toLowerCase().split('@')[0]!.split('+')[0];
  if (local === 'bounce') return { type: 'BOUNCE', subType: 'General', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' };
  if (local === 'suppressionlist') return { type: 'BOUNCE', subType: 'OnAccountSuppressionList', status: '5.1.1' };
  if (local === 'complaint') return { type: 'COMPLAINT' };
  return undefined;
}

/** One message SES accepted, as the feedback events describe it. */
export interface SentMessage {
  messageId: string;
  from: string;
  recipients: string[];
  subject?: string;
  configurationSetName?: string;
  /** The send's `EmailTags`. */
  tags: { Name: string; Value: string }[];
}

/** Where the account is, for the events' ARNs. */
export interface FeedbackAccount {
  region: string;
  accountId: string;
}

/**
 * The EventBridge events SES would publish for a message: one per simulated recipient whose event
 * type the configuration set's destination asks for (`wanted`), none without a configuration set.
 */
export function feedbackEvents(message: SentMessage, wanted: ReadonlySet<SesEventType>, account: FeedbackAccount, now = new Date()): Record<string, unknown>[] {
  const name = message.configurationSetName;
  if (!name) return [];
  const at = now.toISOString();
  const fromDomain = (message.from.match(/@([^>\s]+)/)?.[1] ?? '').toLowerCase();
  const tags: Record<string, string[]> = {
    'ses:configuration-set': [name],
    'ses:source-ip': ['127.0.0.1'],
    'ses:from-domain': [fromDomain],
    'ses:caller-identity': ['local'],
    'ses:outgoing-ip': ['127.0.0.1'],
  };
  for (const t of message.tags) tags[t.Name] = [t.Value];
  const mail = {
    timestamp: at,
    source: message.from,
    sourceArn: `arn:aws:ses:${account.region}:${account.accountId}:identity/${fromDomain}`,
    sendingAccountId: account.accountId,
    messageId: message.messageId,
    destination: message.recipients,
    headersTruncated: false,
    headers: [],
    commonHeaders: { from: [message.from], to: message.recipients, messageId: message.messageId, ...(message.subject ? { subject: message.subject } : {}) },
    tags,
  };
  const envelope = (detailType: string, detail: Record<string, unknown>) => ({
    version: '0',
    id: randomUUID(),
    'detail-type': detailType,
    source: 'aws.ses',
    account: account.accountId,
    time: at,
    region: account.region,
    resources: [`arn:aws:ses:${account.region}:${account.accountId}:configuration-set/${name}`],
    detail,
  });
  const events: Record<string, unknown>[] = [];
  for (const recipient of message.recipients) {
    const s = simulated(recipient);
    if (!s || !wanted.has(s.type)) continue;
    const feedbackId = `${randomUUID()}-000000`;
    if (s.type === 'BOUNCE') {
      events.push(
        envelope('Email Bounced', {
          eventType: 'Bounce',
          bounce: {
            feedbackId,
            bounceType: 'Permanent',
            bounceSubType: s.subType,
            bouncedRecipients: [
              { emailAddress: recipient, action: 'failed', status: s.status, ...(s.diagnosticCode ? { diagnosticCode: s.diagnosticCode } : {}) },
            ],
            timestamp: at,
            ...(s.subType === 'General' ? { reportingMTA: 'dns; amazonses.com' } : {}),
          },
          mail,
        }),
      );
    } else {
      events.push(
        envelope('Email Complaint Received', {
          eventType: 'Complaint',
          complaint: {
            feedbackId,
            complaintSubType: null,
            complainedRecipients: [{ emailAddress: recipient }],
            timestamp: at,
            userAgent: 'Amazon SES Mailbox Simulator',
            complaintFeedbackType: 'abuse',
            arrivalDate: at,
          },
          mail,
        }),
      );
    }
  }
  return events;
}
