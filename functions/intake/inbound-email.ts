/**
 * A request that arrives by email: SES stored the message and gave its verdicts; this reads it and
 * either drops it (with a count and a reason, nobody written to), makes it a request from its
 * sender through the form's own validation and intake, or keeps it as a draft staff triage.
 */
import { randomUUID } from 'node:crypto';
import { type AddressObject, simpleParser } from 'mailparser';
import {
  type DropReason,
  dropAfterParsing,
  dropBeforeParsing,
  intakeFor,
  messageText,
  ownWords,
  type RecognisableRight,
  recognise,
  type TriageReason,
  type Verdicts,
} from '../domain/inbound-email';
import type { Locale } from '../domain/request';
import { InvalidSubmission, validateSubmission } from '../domain/submission';
import { setting } from '../platform/config';
import { audit } from '../platform/data/audit';
import { claimInboundMessage, createInboundDraft, releaseInboundMessage } from '../platform/data/inbound';
import { inboundDraftTrail } from '../platform/data/keys';
import { logger } from '../platform/log';
import { recordInboundMail } from '../platform/metrics';
import { openInboundMail } from '../platform/package-bucket';
import { type Controller, register } from '../platform/register';
import { acceptRequest } from './intake';
import { RateLimited, takeIntakeAllowance } from './rate-limit';

/** Days a draft waits for staff before DynamoDB's TTL deletes it (its audit trail stays). */
export const DRAFT_TTL_DAYS = 30;

/** A message SES received and stored, as its receipt event describes it. */
export interface ReceivedMail {
  /** SES's id of the message: its S3 object's name, and not personal data. */
  messageId: string;
  /** The envelope's recipients that matched the receipt rule. */
  recipients: readonly string[];
  verdicts: Verdicts;
}

/** What became of one message (ids and reasons only: this is what is logged). */
export type InboundOutcome =
  | { outcome: 'dropped'; reason: DropReason }
  | { outcome: 'duplicate' }
  | { outcome: 'accepted'; requestId: string; type: RecognisableRight }
  | { outcome: 'triaged'; draftId: string; reason: TriageReason };

/** The controller whose privacy address the message was sent to (the first, if several). */
export function controllerFor(recipients: readonly string[]): Controller | undefined {
  const wanted = recipients.map((r) => r.toLowerCase());
  return register.controllers.find((c) => c.privacyEmails.some((a) => wanted.includes(a)));
}

/** Takes one received message in; a retried invocation of the same message does nothing. */
export async function receiveMail(mail: ReceivedMail, at = new Date()): Promise<InboundOutcome> {
  const outcome = await receive(mail, at);
  recordInboundMail(outcome.outcome, 'reason' in outcome ? outcome.reason : 'type' in outcome ? outcome.type : 'none');
  logger.info('inbound mail', { messageId: mail.messageId, ...outcome });
  return outcome;
}

async function receive(mail: ReceivedMail, at: Date): Promise<InboundOutcome> {
  const controller = controllerFor(mail.recipients);
  if (!controller) return { outcome: 'dropped', reason: 'unknown_recipient' };
  // Verdicts alone decide these: the message is not even opened.
  const early = dropBeforeParsing({ verdicts: mail.verdicts, sizeBytes: 0 });
  if (early) return { outcome: 'dropped', reason: early };
  if (!(await claimInboundMessage(mail.messageId, at))) return { outcome: 'duplicate' };
  try {
    return await takeIn(mail, controller, at);
  } catch (err) {
    await releaseInboundMessage(mail.messageId).catch(() => undefined);
    throw err;
  }
}

/** The one address of a From header, lower-cased; none when it names none or several. */
function senderOf(from: AddressObject | AddressObject[] | undefined): string | undefined {
  const list = (Array.isArray(from) ? from : from ? [from] : []).flatMap((a) => a.value);
  const address = list.length === 1 ? list[0]?.address?.trim().toLowerCase() : undefined;
  return address || undefined;
}

/** A header's value as text (mailparser gives structured values for some). */
function headerText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value) return String((value as { value: unknown }).value);
  return value === undefined ? '' : String(value);
}

const MACHINE_HEADERS = ['auto-submitted', 'precedence', 'list-id', 'x-autoreply', 'x-autorespond'];

async function takeIn(mail: ReceivedMail, controller: Controller, at: Date): Promise<InboundOutcome> {
  const { sizeBytes, body } = await openInboundMail(mail.messageId);
  const tooLarge = dropBeforeParsing({ verdicts: mail.verdicts, sizeBytes });
  if (tooLarge) {
    body.destroy();
    return { outcome: 'dropped', reason: tooLarge };
  }
  // At most MAX_INBOUND_BYTES, checked above: read whole, then parsed without the HTML renderings nobody reads.
  const raw = Buffer.concat((await body.toArray()) as Buffer[]);
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true, maxHtmlLengthToParse: 2_000_000 });
  const from = senderOf(parsed.from);
  const headers = Object.fromEntries(MACHINE_HEADERS.filter((h) => parsed.headers.has(h)).map((h) => [h, headerText(parsed.headers.get(h))]));
  const ownAddresses = [setting('SENDER_EMAIL').toLowerCase(), ...register.controllers.flatMap((c) => c.privacyEmails)];
  const dropped = dropAfterParsing({ attachmentCount: parsed.attachments.length, ...(from ? { from } : {}), headers, ownAddresses });
  if (dropped || !from) return { outcome: 'dropped', reason: dropped ?? 'no_sender' };

  const subject = messageText(parsed.subject ?? '').slice(0, 300);
  const words = messageText(ownWords(parsed.text ?? ''));
  const recognised = recognise(subject, words);
  const locale: Locale = recognised.locale && controller.locales.includes(recognised.locale) ? recognised.locale : controller.locales[0]!;
  const decision = intakeFor(recognised, words.length > 0);
  const draft = (reason: TriageReason, suggested?: RecognisableRight) =>
    triage(controller, { from, subject, text: words, locale, reason, attachmentCount: parsed.attachments.length, ...(suggested ? { suggested } : {}) }, at);
  if ('triage' in decision) return draft(decision.triage, decision.suggested);

  // The form's own validation: the request is what the form would have made of these fields.
  const fields = {
    type: decision.accept,
    email: from,
    locale,
    controller: controller.id,
    message: messageText(subject ? `${subject}\n\n${words}` : words),
    ...(decision.accept === 'objection' ? { objectionScope: recognised.marketing ? 'direct_marketing' : 'other' } : {}),
  };
  let valid: ReturnType<typeof validateSubmission>;
  try {
    valid = validateSubmission(fields, register);
  } catch (err) {
    if (err instanceof InvalidSubmission) return draft('details_needed', decision.accept);
    throw err;
  }
  try {
    await takeIntakeAllowance(valid.submission.email, undefined, at);
  } catch (err) {
    if (err instanceof RateLimited) return { outcome: 'dropped', reason: 'rate_limited' };
    throw err;
  }
  const { request } = await acceptRequest(valid, { at, channel: 'email' });
  return { outcome: 'accepted', requestId: request.requestId, type: decision.accept };
}

/** Keeps the message as a draft for staff, with an audit trail of its own; nobody is written to yet. */
async function triage(
  controller: Controller,
  draft: { from: string; subject: string; text: string; locale: Locale; reason: TriageReason; suggested?: RecognisableRight; attachmentCount: number },
  at: Date,
): Promise<InboundOutcome> {
  const draftId = randomUUID();
  await createInboundDraft({
    draftId,
    controllerId: controller.id,
    receivedAt: at.toISOString(),
    ...draft,
    status: 'open',
    expiresAt: Math.floor(at.getTime() / 1000) + DRAFT_TTL_DAYS * 86_400,
  });
  await audit(
    inboundDraftTrail(draftId),
    'inbound_draft_created',
    'system',
    { reason: draft.reason, attachments: draft.attachmentCount, ...(draft.suggested ? { suggested: draft.suggested } : {}) },
    at,
    { head: null },
  );
  return { outcome: 'triaged', draftId, reason: draft.reason };
}
