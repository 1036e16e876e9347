// The demo's config/register.json, or (in a bundle) the register the synthesis compiled in its place.
import registerJson from '#register' with { type: 'json' };
import { bundledRegister, type Controller, type Processor, type Register } from '../domain/register-schema';
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
export const register: Register = bundledRegister(registerJson, registerPlaceholders());

export function findController(controllerId: string): Controller | undefined {
  return register.controllers.find((c) => c.id === controllerId);
}

/** The controller a request names, or the first declared one. */
export function defaultController(): Controller {
  return register.controllers[0]!;
}

export function findProcessor(controller: Controller, processorId: string): Processor | undefined {
  return controller.processors.find((p) => p.id === processorId);
}

/** Items per processor in the order the controller declares its processors (the order people read). */
export function inDeclaredOrder<T extends { processorId: string }>(controller: Controller, items: T[]): T[] {
  const rank = new Map(controller.processors.map((p, i) => [p.id, i]));
  return [...items].sort((a, b) => (rank.get(a.processorId) ?? Infinity) - (rank.get(b.processorId) ?? Infinity));
}
