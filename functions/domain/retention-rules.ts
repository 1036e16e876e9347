/**
 * Retention rules a controller declares for its own stores (Art. 5(1)(e) storage limitation): what
 * the register says about them, how they are checked, and from when a record is old enough. Pure,
 * so the register's schema and the CDK app can use it without the functions' configuration.
 */
import * as z from 'zod';

/** What a rule does to the records it finds: delete them, or strip them as the store's erasure declares. */
export const RETENTION_ACTIONS = ['delete', 'anonymise'] as const;
export type RetentionAction = (typeof RETENTION_ACTIONS)[number];

/**
 * Attributes the service itself writes on a store's records (legal holds, restrictions,
 * anonymisation): a rule cannot count from them, they say nothing about the data's own age.
 */
const SERVICE_MARKS = ['restricted', 'restrictedAt', 'restrictedFor', 'holdUntil', 'holdBasis', 'anonymisedAt'];

/**
 * One retention rule of a store, e.g. "members inactive for two years". Periods are in calendar
 * months: privacy policies promise months and years ("six months", "two years"), and a month
 * counted by the calendar is what the policy means (24 months is two years in a leap year too,
 * which 730 days is not).
 */
export const retentionRuleSchema = z
  .object({
    /** Unique within the controller: run records and reports are named by it. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes'),
    /** Shown in reports and the DPO digest, e.g. "Members inactive for two years". */
    description: z.string().trim().min(1),
    /**
     * The attribute holding the date the period counts from (ISO 8601, e.g. `2024-05-01` or
     * `2024-05-01T10:00:00Z`), e.g. `lastActiveAt`, `unsubscribedAt`, `lastReadAt`, `createdAt`.
     * A record without it (or with another type) is never matched.
     */
    countsFrom: z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,254}$/, 'an attribute name, e.g. lastActiveAt'),
    /** How many calendar months after `countsFrom` a record is erased. */
    afterMonths: z.number().int().min(1).max(1_200),
    /** `anonymise` strips the attributes the store's own erasure declares (`erasure.identifyingAttributes`). */
    action: z.enum(RETENTION_ACTIONS, { error: 'action must be delete or anonymise' }),
    /** false (the default): a dry run, which only reports what the rule would erase. */
    enforce: z.boolean().default(false),
    /** Named only to point a typo'd unit at the right one. */
    afterDays: z.never({ error: 'retention rules count in calendar months: use afterMonths (e.g. 24 for two years, 6 for six months)' }).optional(),
  })
  .strict();

/** A retention rule as the register declares it (defaults filled in). */
export type RetentionRule = Omit<z.infer<typeof retentionRuleSchema>, 'afterDays'>;

/** What the rule checks need to know of the store that declares the rules. */
interface RuleStore {
  lookup: { keyAttribute: string } | { indexName: string; attribute: string };
  erasure: { mode: string; identifyingAttributes?: string[] };
  retentionRules: RetentionRule[];
}

/** An issue reporter, as zod's superRefine hands it over. */
interface Issues {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}

/**
 * Checks a store's rules against the store: the action must be one the store supports (anonymise
 * needs the store's declared anonymisation), and the date must be a date of the data, not the
 * subject's address nor a mark the service writes.
 */
export function checkRetentionRules(store: RuleStore, ctx: Issues): void {
  const lookupAttribute = 'keyAttribute' in store.lookup ? store.lookup.keyAttribute : store.lookup.attribute;
  const stripped = store.erasure.identifyingAttributes ?? [];
  store.retentionRules.forEach((rule, i) => {
    const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: ['retentionRules', i, field], message });
    if (rule.action === 'anonymise' && store.erasure.mode !== 'anonymise') {
      at(
        'action',
        `rule ${rule.id}: this store declares no anonymisation (its erasure mode is ${store.erasure.mode}); use action delete, or declare erasure.mode anonymise with identifyingAttributes`,
      );
    }
    if (rule.countsFrom === lookupAttribute) {
      at('countsFrom', `rule ${rule.id}: ${rule.countsFrom} is the attribute subjects are looked up by, not a date`);
    } else if (SERVICE_MARKS.includes(rule.countsFrom)) {
      at(
        'countsFrom',
        `rule ${rule.id}: ${rule.countsFrom} is written by this service (legal holds, restrictions, anonymisation); count from a date of the data itself`,
      );
    } else if (rule.action === 'anonymise' && stripped.includes(rule.countsFrom)) {
      at('countsFrom', `rule ${rule.id}: ${rule.countsFrom} is one of the identifying attributes anonymisation removes; count from a date that stays`);
    }
  });
}

/** Checks that rule ids are unique within a controller (across its stores): runs and reports are named by them. */
export function checkRetentionRuleIds(processors: readonly { id: string; retentionRules?: RetentionRule[] }[], ctx: Issues): void {
  const seen = new Set<string>();
  processors.forEach((p, i) => {
    p.retentionRules?.forEach((rule, j) => {
      if (seen.has(rule.id))
        ctx.addIssue({ code: 'custom', path: ['processors', i, 'retentionRules', j, 'id'], message: `duplicate retention rule id ${rule.id}` });
      seen.add(rule.id);
    });
  });
}

/**
 * The cutoff of a rule run at `now`: the same instant `months` calendar months earlier, on that
 * month's last day when it is shorter (31 August less 6 months is the end of February). A record
 * whose date is before the cutoff is old enough. Date-only values (`2024-05-01`) sort before any
 * time of that day, so they count from the day's start.
 */
export function retentionCutoff(months: number, now: Date): Date {
  const y = now.getUTCFullYear();
  const m = now.getUTCMonth() - months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(
    Date.UTC(year, month, Math.min(now.getUTCDate(), lastDay), now.getUTCHours(), now.getUTCMinutes(), now.getUTCSeconds(), now.getUTCMilliseconds()),
  );
}

/** Whether a record's date (an ISO 8601 string) is before the cutoff, compared as DynamoDB compares strings. */
export function isOlderThan(value: unknown, cutoff: Date): boolean {
  return typeof value === 'string' && value < cutoff.toISOString();
}
