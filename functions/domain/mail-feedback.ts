/**
 * What the service's emails are, as SES message tags carry it, and the bounce and complaint events
 * SES sends back through EventBridge. An event is matched to what was sent by its tags (ids only),
 * never by the recipient's address, which it also carries and which is never kept or logged.
 */
import * as z from './validation';

/**
 * Who an email went to and why, which decides what its bounce means:
 * - `verification`: the link that proves the subject's address;
 * - `subject`: anything else to the subject (receipt, notices, the answer);
 * - `processor_task`: a request (or reminder) to an email vendor, for one branch;
 * - `staff_task`: a task for a staff member or assignee (manual, staff task), for one branch;
 * - `staff`: the controller's staff about a request (a review, a subject's reply);
 * - `dpo`: the DPO (the digest, deadline reminders, escalations);
 * - `withdrawal_notice`: a vendor or staff member told that a request was withdrawn.
 */
export const MAIL_KINDS = ['verification', 'subject', 'processor_task', 'staff_task', 'staff', 'dpo', 'withdrawal_notice'] as const;
/** See {@link MAIL_KINDS}. */
export type MailKind = (typeof MAIL_KINDS)[number];

/** What one email is about, sent along as SES message tags: ids only. */
export interface MailTag {
  kind: MailKind;
  controllerId: string;
  requestId?: string;
  /** The branch's processor, for `processor_task`, `staff_task` and `withdrawal_notice`. */
  processorId?: string;
}

/** The SES message tag names, each prefixed so SES's own (`ses:...`) never clash. */
export const TAG_NAMES = { kind: 'dsr-kind', controllerId: 'dsr-controller', requestId: 'dsr-request', processorId: 'dsr-processor' } as const;

/** SES allows only these characters in a tag's name and value, at most 256. */
const TAG_VALUE = /^[A-Za-z0-9_-]{1,256}$/;

/** The tags of one send, as SESv2 `EmailTags`; a value SES would refuse is left out rather than failing the send. */
export function emailTags(tag: MailTag): { Name: string; Value: string }[] {
  return (Object.keys(TAG_NAMES) as (keyof MailTag)[]).flatMap((key) => {
    const value = tag[key];
    return value && TAG_VALUE.test(value) ? [{ Name: TAG_NAMES[key], Value: value }] : [];
  });
}

/** What SES says happened to a message: a bounce (hard or soft) or a complaint. */
export type MailFeedback =
  | { type: 'bounce'; bounce: 'Permanent' | 'Transient' | 'Undetermined'; subType: string; feedbackId: string; messageId: string; at: string; tag: MailTag }
  | { type: 'complaint'; feedbackType?: string; feedbackId: string; messageId: string; at: string; tag: MailTag };

/** Why an event was dropped, safe to log (no value from the event). */
export type DropReason = 'not_an_object' | 'not_ses' | 'unsupported_type' | 'malformed' | 'untagged';

/**
 * SES's bounce and complaint events as this service reads them, built on first use: every function
 * that sends mail loads this module, and only MailFeedback parses events.
 */
function buildEventSchema() {
  const tagsSchema = z.record(z.string(), z.array(z.string()));
  const mailSchema = z.object({ messageId: z.string().check(z.minLength(1)), tags: z.optional(tagsSchema) });
  const timestamp = z.iso.datetime({ offset: true });
  return z.object({
    source: z.literal('aws.ses'),
    'detail-type': z.string(),
    time: timestamp,
    detail: z.union([
      z.object({
        eventType: z.literal('Bounce'),
        mail: mailSchema,
        bounce: z.object({
          bounceType: z.enum(['Permanent', 'Transient', 'Undetermined']),
          bounceSubType: z._default(z.string(), 'General'),
          feedbackId: z.string().check(z.minLength(1)),
          timestamp: z.optional(timestamp),
        }),
      }),
      z.object({
        eventType: z.literal('Complaint'),
        mail: mailSchema,
        complaint: z.object({
          feedbackId: z.string().check(z.minLength(1)),
          complaintFeedbackType: z.optional(z.string()),
          timestamp: z.optional(timestamp),
        }),
      }),
    ]),
  });
}
let eventSchema: ReturnType<typeof buildEventSchema> | undefined;

/** The EventBridge detail types of the events this service listens to. */
export const FEEDBACK_DETAIL_TYPES = ['Email Bounced', 'Email Complaint Received'] as const;

/** The message's tags read back into what it was about; undefined when they do not say. */
function tagOf(tags: Record<string, string[]> | undefined): MailTag | undefined {
  const one = (name: string) => {
    const v = tags?.[name]?.[0];
    return v && TAG_VALUE.test(v) ? v : undefined;
  };
  const kind = MAIL_KINDS.find((k) => k === one(TAG_NAMES.kind));
  const controllerId = one(TAG_NAMES.controllerId);
  if (!kind || !controllerId) return undefined;
  const requestId = one(TAG_NAMES.requestId);
  const processorId = one(TAG_NAMES.processorId);
  return { kind, controllerId, ...(requestId ? { requestId } : {}), ...(processorId ? { processorId } : {}) };
}

/**
 * An EventBridge event from SES read into a {@link MailFeedback}, or why it cannot be: never
 * throws, and keeps nothing of the recipients or headers.
 */
export function parseMailFeedback(event: unknown): { ok: true; feedback: MailFeedback } | { ok: false; reason: DropReason } {
  if (!event || typeof event !== 'object' || Array.isArray(event)) return { ok: false, reason: 'not_an_object' };
  const e = event as Record<string, unknown>;
  if (e.source !== 'aws.ses') return { ok: false, reason: 'not_ses' };
  if (!FEEDBACK_DETAIL_TYPES.includes(e['detail-type'] as (typeof FEEDBACK_DETAIL_TYPES)[number])) return { ok: false, reason: 'unsupported_type' };
  eventSchema ??= buildEventSchema();
  const parsed = eventSchema.safeParse(event);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const { detail } = parsed.data;
  const tag = tagOf(detail.mail.tags);
  if (!tag) return { ok: false, reason: 'untagged' };
  const messageId = detail.mail.messageId;
  // SES's own time of the bounce or complaint: the same on every delivery of the event.
  const at = (ts: string | undefined) => new Date(ts ?? parsed.data.time).toISOString();
  if (detail.eventType === 'Bounce') {
    const b = detail.bounce;
    return {
      ok: true,
      feedback: { type: 'bounce', bounce: b.bounceType, subType: b.bounceSubType, feedbackId: b.feedbackId, messageId, at: at(b.timestamp), tag },
    };
  }
  const c = detail.complaint;
  return {
    ok: true,
    feedback: {
      type: 'complaint',
      feedbackId: c.feedbackId,
      messageId,
      at: at(c.timestamp),
      tag,
      ...(c.complaintFeedbackType ? { feedbackType: c.complaintFeedbackType } : {}),
    },
  };
}
