import { z } from 'zod';
import registerJson from '../../config/register.json' with { type: 'json' };
import { LOCALES } from './request';

const text = z.string().trim().min(1);
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes');

/** How the subject's items are found in a DynamoDB store: by partition key, or through an index. */
const lookupSchema = z.union([
  z.object({ keyAttribute: text }).strict(),
  z.object({ indexName: text, attribute: text }).strict(),
]);

/** What erasure does at a store: delete the items, or strip the identifying attributes and keep the rest. */
const erasureSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('delete') }).strict(),
  z
    .object({
      mode: z.literal('anonymise'),
      /** Attributes removed from each item; what remains serves statistics only. */
      identifyingAttributes: z.array(text).min(1),
    })
    .strict(),
]);

/** A recipient of the data (Art. 13(1)(e), 15(1)(c)). */
const recipientSchema = z
  .object({
    name: text,
    country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 country code'),
    safeguard: text.optional(),
  })
  .strict();

const dynamodbProcessorSchema = z
  .object({
    id,
    kind: z.literal('dynamodb'),
    /** Shown to the subject, e.g. "Membership register". */
    name: text,
    table: text,
    lookup: lookupSchema,
    dataCategories: z.array(text).min(1),
    purposes: z.array(text).min(1),
    legalBasis: text,
    retention: text,
    source: text.optional(),
    recipients: z.array(recipientSchema).default([]),
    erasure: erasureSchema,
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.erasure.mode === 'anonymise' && 'keyAttribute' in p.lookup
      && p.erasure.identifyingAttributes.includes(p.lookup.keyAttribute)) {
      ctx.addIssue({
        code: 'custom',
        path: ['erasure', 'identifyingAttributes'],
        message: `cannot anonymise the key attribute ${p.lookup.keyAttribute}; look the subject up through an index instead`,
      });
    }
  });

/** A processor the controller declares; one kind now, more kinds join this union. */
const processorSchema = dynamodbProcessorSchema;

/** When a request falls due: one calendar month (Reg. 1182/71) or a fixed number of days. */
const deadlineSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('days'), days: z.number().int().min(1).max(90) }).strict(),
  z.object({ rule: z.literal('month') }).strict(),
]);

const controllerSchema = z
  .object({
    id,
    name: text,
    country: z.string().regex(/^[A-Z]{2}$/),
    dpoEmail: z.email(),
    locales: z.array(z.enum(LOCALES)).min(1),
    deadline: deadlineSchema.default({ rule: 'days', days: 30 }),
    supervisoryAuthority: z.object({ name: text, url: z.url() }).strict(),
    privacyPolicyUrl: z.url().optional(),
    processors: z.array(processorSchema).min(1),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.processors.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['processors', i, 'id'], message: `duplicate processor id ${p.id}` });
      seen.add(p.id);
    });
  });

export const registerSchema = z
  .object({ controllers: z.array(controllerSchema).min(1) })
  .strict()
  .superRefine((r, ctx) => {
    const seen = new Set<string>();
    r.controllers.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['controllers', i, 'id'], message: `duplicate controller id ${c.id}` });
      seen.add(c.id);
    });
  });

/** The register: the single source of truth for controllers and the processors they declare. */
export type Register = z.infer<typeof registerSchema>;
/** An organisation that decides why and how personal data is processed (Art. 4(7)). */
export type Controller = Register['controllers'][number];
/** A store or service holding the subject's data on the controller's behalf. */
export type Processor = Controller['processors'][number];
export type DynamoDbProcessor = z.infer<typeof dynamodbProcessorSchema>;
export type DeadlineRule = z.infer<typeof deadlineSchema>;

/** Parses a register, failing with every problem and where it is. */
export function parseRegister(input: unknown): Register {
  const result = registerSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`The register (config/register.json) is invalid:\n${problems}`);
  }
  return result.data;
}

/** The register bundled with the functions, checked at cold start. */
export const register: Register = parseRegister(registerJson);

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

/** What the form shows of each controller: who it is and how to reach its DPO. */
export function publicControllers(): { id: string; name: string; dpoEmail: string; privacyPolicyUrl?: string }[] {
  return register.controllers.map((c) => ({
    id: c.id,
    name: c.name,
    dpoEmail: c.dpoEmail,
    ...(c.privacyPolicyUrl ? { privacyPolicyUrl: c.privacyPolicyUrl } : {}),
  }));
}

/** Items per processor in the order the controller declares its processors (the order people read). */
export function inDeclaredOrder<T extends { processorId: string }>(controller: Controller, items: T[]): T[] {
  const rank = new Map(controller.processors.map((p, i) => [p.id, i]));
  return [...items].sort((a, b) => (rank.get(a.processorId) ?? Infinity) - (rank.get(b.processorId) ?? Infinity));
}
