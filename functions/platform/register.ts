// The demo's config/register.json, or (in a bundle) the register the synthesis compiled in its place.
import registerJson from '#register' with { type: 'json' };
import { loadRegister } from '#register-loader';
import { type Controller, inLocale, type LocalText, type Processor, type Register } from '../domain/register-schema';
import type { Locale } from '../domain/request';
import { registerPlaceholders } from './config';

export type {
  ConsentPurpose,
  Controller,
  DeadlineRule,
  DynamoDbProcessor,
  EmailProcessor,
  ErasureRule,
  LambdaProcessor,
  MailingTool,
  ManualProcessor,
  OpendsrProcessor,
  Processor,
  Register,
  WebhookProcessor,
} from '../domain/register-schema';

/** The register bundled with the functions: checked at synthesis when compiled there, else at cold start. */
export const register: Register = loadRegister(registerJson, registerPlaceholders());

export function findController(controllerId: string): Controller | undefined {
  return register.controllers.find((c) => c.id === controllerId);
}

/** The controller a request names, or the first declared one. */
export function defaultController(): Controller {
  return register.controllers[0]!;
}

/** A controller's name in `locale` (or the language it falls back to); its id if the register no longer declares it. */
export function controllerNameIn(controllerId: string, locale: Locale): LocalText {
  const controller = findController(controllerId);
  return controller ? inLocale(controller.name, locale, controller) : { text: controllerId, lang: locale };
}

export function findProcessor(controller: Controller, processorId: string): Processor | undefined {
  return controller.processors.find((p) => p.id === processorId);
}

/** A processor's name in `locale` (or the language it falls back to); its id if the register no longer declares it. */
export function processorNameIn(controller: Controller | undefined, processorId: string, locale: Locale): LocalText {
  const p = controller && findProcessor(controller, processorId);
  return p && controller ? inLocale(p.name, locale, controller) : { text: processorId, lang: locale };
}

/** Items per processor in the order the controller declares its processors (the order people read). */
export function inDeclaredOrder<T extends { processorId: string }>(controller: Controller, items: T[]): T[] {
  const rank = new Map(controller.processors.map((p, i) => [p.id, i]));
  return [...items].sort((a, b) => (rank.get(a.processorId) ?? Infinity) - (rank.get(b.processorId) ?? Infinity));
}
