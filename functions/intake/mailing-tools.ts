import * as z from '../domain/validation';
import { type Controller, findController, type MailingTool } from '../platform/register';
import { unsubscribe } from './unsubscribe';

/*
 * The mailing tool's side of unsubscribing (Art. 7(3)): a subscriber who unsubscribes at the tool
 * (its own link or preference centre) withdraws consent here too, as a one-click link would, so
 * every store of the purpose erases and suppresses as the register says. Mailchimp's webhooks are
 * form-encoded POSTs (`type`, `data[email]`, `data[list_id]`, ...) after a GET that checks the URL;
 * they carry no signature, so the URL carries the controller's key.
 */

/** The mailing tool a webhook URL names, with its controller. */
export function findMailingTool(controllerId: string, toolId: string): { controller: Controller; tool: MailingTool } | undefined {
  const controller = findController(controllerId);
  const tool = controller?.mailingTools.find((t) => t.id === toolId);
  return controller && tool ? { controller, tool } : undefined;
}

/** A mailing tool's event as we act on it. Personal data (the address): never logged. */
export type MailingToolEvent = { type: 'unsubscribe'; email: string; listId: string } | { type: 'other' };

export const mailchimpUnsubscribe = z.object({
  'data[email]': z.email('data[email] must be an email address').check(z.maxLength(254, 'data[email] must be at most 254 characters')),
  'data[list_id]': z.string().check(z.regex(/^[A-Za-z0-9_-]{1,64}$/, "data[list_id] must be the tool's list id")),
});

/**
 * Reads a Mailchimp webhook's form fields: an `unsubscribe` needs the address and the list; every
 * other type (subscribe, profile, cleaned, campaign) is not a withdrawal and is acknowledged only.
 */
export function readMailchimpEvent(body: unknown): { event: MailingToolEvent } | { errors: Record<string, string> } {
  const fields = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>;
  if (typeof fields.type !== 'string' || fields.type === '') return { errors: { type: 'type is required' } };
  if (fields.type !== 'unsubscribe') return { event: { type: 'other' } };
  const parsed = mailchimpUnsubscribe.safeParse(fields);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues)
      errors[String(issue.path[0])] ??= issue.code === 'invalid_type' ? `${String(issue.path[0])} is required` : issue.message;
    return { errors };
  }
  return { event: { type: 'unsubscribe', email: parsed.data['data[email]'], listId: parsed.data['data[list_id]'] } };
}

/**
 * Withdraws consent to the purpose of the list an unsubscribe names: the same request a one-click
 * link makes (one per address, purpose and day), received at once and started. Undefined when the
 * register declares no such list for the tool.
 */
export async function withdrawAtMailingTool(
  controller: Controller,
  tool: MailingTool,
  event: Extract<MailingToolEvent, { type: 'unsubscribe' }>,
  at = new Date(),
): Promise<{ requestId: string; created: boolean } | undefined> {
  const list = tool.lists.find((l) => l.listId === event.listId);
  const purpose = list && controller.consentPurposes.find((p) => p.id === list.purpose);
  if (!purpose) return undefined;
  return unsubscribe({ controller, purpose, email: event.email }, at, { mailingTool: tool.tool });
}
