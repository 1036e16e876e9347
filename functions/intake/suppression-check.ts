import * as z from '../domain/validation';
import { controllerKeyMatches } from '../platform/controller-keys';
import { type Controller, register } from '../platform/register';
import { isSuppressed } from '../retention/scheduled-erasures';

/*
 * The suppression check: before a signup form adds an address to a list again, it asks whether
 * the address is on one of the controller's suppression lists (a withdrawal or an erasure put it
 * there, as a keyed hash). The answer is yes or no for that controller only; it needs the
 * controller's API key, so nobody else can test addresses against the lists.
 */

/**
 * The controller whose API key was presented, if any. Every controller with a suppression check is
 * tried, each in constant time, so the answer's timing does not tell how far the key matched.
 */
export async function controllerOfApiKey(presented: string): Promise<Controller | undefined> {
  let found: Controller | undefined;
  for (const controller of register.controllers) {
    if (!controller.suppressionCheck) continue;
    if ((await controllerKeyMatches(controller.suppressionCheck.apiKeySecret, presented)) && !found) found = controller;
  }
  return found;
}

/** Whether the address is on any of the controller's suppression lists now (its `suppress` stores'). */
export async function isSuppressedAtController(controller: Controller, email: string, now = new Date()): Promise<boolean> {
  const lists = controller.processors.filter((p) => p.kind === 'dynamodb' && p.erasure.mode === 'suppress');
  const found = await Promise.all(lists.map((p) => isSuppressed(controller.id, p.id, email, now)));
  return found.some(Boolean);
}

/** The body of `POST /v1/suppression/check`: the address a signup form wants to add. */
export const suppressionCheckSchema = z.object({
  email: z.email('email must be an email address').check(z.maxLength(254, 'email must be at most 254 characters')),
});
