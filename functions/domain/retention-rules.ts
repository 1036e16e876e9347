/**
 * Retention rules a controller declares for its own stores (Art. 5(1)(e) storage limitation): what
 * the register says about them, how they are checked, and from when a record is old enough. Pure,
 * so the register's schema and the CDK app can use it without the functions' configuration.
 */
import * as z from 'zod';

/** What a rule does to the records it finds: delete them, or strip them as the store's erasure declares. */
export const RETENTION_ACTIONS = ['delete', 'anonymise'] as const;
/**
 * What a rule does to the rows of a SQL table: delete them, mask the table's declared mask
 * columns, or mark them restricted (Art. 18) through the table's restriction column, the first
 * stage of "kept seven years, deleted after ten".
 */
export const SQL_RETENTION_ACTIONS = ['delete', 'mask', 'restrict'] as const;
/** What a rule does, at a DynamoDB store or a SQL table. */
export type RetentionAction = (typeof RETENTION_ACTIONS)[number] | (typeof SQL_RETENTION_ACTIONS)[number];

/**
 * Attributes the service itself writes on a store's records (legal holds, restrictions,
 * anonymisation): a rule cannot count from them, they say nothing about the data's own age.
 */
const SERVICE_MARKS = ['restricted', 'restrictedAt', 'restrictedFor', 'holdUntil', 'holdBasis', 'anonymisedAt'];

/**
 * The schemas of retention rules, built by the register's schema when a register is checked, so a
 * deployed function (which reads the register compiled at synthesis) never builds them.
 */
export function retentionRuleSchemas() {
  /**
   * One retention rule of a store, e.g. "members inactive for two years". Periods are in calendar
   * months: privacy policies promise months and years ("six months", "two years"), and a month
   * counted by the calendar is what the policy means (24 months is two years in a leap year too,
   * which 730 days is not).
   */
  const retentionRuleSchema = z
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

  /**
   * One retention rule of a SQL table, e.g. "accounts not logged in for three years are masked" or
   * the two stages of "vouchers kept seven years, deleted after ten" (a `restrict` rule at 84 months
   * and a `delete` rule at 120). Counted in calendar months from a date or timestamp column of the
   * row, as the DynamoDB rules are. A run changes rows in batches of `rowsPerBatch` (keys selected
   * with a LIMIT, then changed by key, one transaction a batch) and at most `maxRowsPerRun` rows: a
   * table of a million expired rows is worked through over several runs, never by one unbounded statement.
   */
  const sqlRetentionRuleSchema = z
    .object({
      id: retentionRuleSchema.shape.id,
      description: retentionRuleSchema.shape.description,
      /** The date, timestamp or datetime column the period counts from, e.g. `last_login`, `unsubscribed_at`, `issued_on`. A row where it is NULL never matches. */
      countsFrom: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/, 'a column name, e.g. last_login'),
      afterMonths: retentionRuleSchema.shape.afterMonths,
      /** `mask` sets the table's declared mask columns (`erasure.columns`); `restrict` sets its restriction column. */
      action: z.enum(SQL_RETENTION_ACTIONS, { error: 'action must be delete, mask or restrict' }),
      enforce: retentionRuleSchema.shape.enforce,
      /** Rows one statement and one transaction change. */
      rowsPerBatch: z.number().int().min(1).max(5_000).default(500),
      /** Rows one run changes at most; the rest wait for the next run. */
      maxRowsPerRun: z.number().int().min(1).max(10_000_000).default(50_000),
      afterDays: retentionRuleSchema.shape.afterDays,
    })
    .strict();
  return { retentionRuleSchema, sqlRetentionRuleSchema };
}

type RuleSchemas = ReturnType<typeof retentionRuleSchemas>;

/** A retention rule as the register declares it (defaults filled in). */
export type RetentionRule = Omit<z.infer<RuleSchemas['retentionRuleSchema']>, 'afterDays'>;

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

/** Checks that rule ids are unique within a controller (across its stores and tables): runs and reports are named by them. */
export function checkRetentionRuleIds(
  processors: readonly { id: string; retentionRules?: readonly { id: string }[]; tables?: readonly { retentionRules?: readonly { id: string }[] }[] }[],
  ctx: Issues,
): void {
  const seen = new Set<string>();
  const check = (rule: { id: string }, path: (string | number)[]) => {
    if (seen.has(rule.id)) ctx.addIssue({ code: 'custom', path, message: `duplicate retention rule id ${rule.id}` });
    seen.add(rule.id);
  };
  processors.forEach((p, i) => {
    for (const [j, rule] of (p.retentionRules ?? []).entries()) check(rule, ['processors', i, 'retentionRules', j, 'id']);
    for (const [k, t] of (p.tables ?? []).entries())
      for (const [j, rule] of (t.retentionRules ?? []).entries()) check(rule, ['processors', i, 'tables', k, 'retentionRules', j, 'id']);
  });
}

/** A SQL table's retention rule as the register declares it (defaults filled in). */
export type SqlRetentionRule = Omit<z.infer<RuleSchemas['sqlRetentionRuleSchema']>, 'afterDays'>;

/** What the SQL rule checks need to know of the table that declares the rules. */
interface RuleTable {
  match: { column: string };
  erasure: { mode: 'delete' | 'restrict' } | { mode: 'mask'; columns: Record<string, unknown> } | { mode: 'legal_hold'; holdDays: number; fromColumn: string };
  restriction?: { column: string } | undefined;
  retentionRules: SqlRetentionRule[];
}

/**
 * Checks a SQL table's rules against the table: `mask` needs the table's mask columns (none a
 * keyed hash: the sweep holds no hashing key), `restrict` its restriction
 * column; the date is a date of the row, not the subject's address nor the service's restriction
 * mark. A `legal_hold` table must declare the delete rule that ends its hold, counting from the
 * hold's own date and not shorter than the hold. A first stage (restrict, mask) must come before
 * the delete rule counting from the same date, or it would never find a row.
 */
export function checkSqlRetentionRules(table: RuleTable, ctx: Issues, path: (string | number)[]): void {
  const { erasure, restriction } = table;
  table.retentionRules.forEach((rule, i) => {
    const at = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [...path, 'retentionRules', i, field], message });
    if (rule.action === 'mask') {
      if (erasure.mode !== 'mask') {
        at(
          'action',
          `rule ${rule.id}: this table declares no mask columns (its erasure mode is ${erasure.mode}); use delete or restrict, or declare erasure.mode mask`,
        );
      } else {
        // The sweep holds no hashing key (least privilege), and a hashed column cannot show that a row is masked already.
        const hashed = Object.entries(erasure.columns).flatMap(([column, m]) => (m === 'hash' ? [column] : []));
        if (hashed.length > 0)
          at(
            'action',
            `rule ${rule.id}: the mask writes a keyed hash to ${hashed.join(', ')}, which a retention rule cannot; mask ${hashed.length > 1 ? 'them' : 'it'} to null or a format, or use delete`,
          );
        const own = erasure.columns[rule.countsFrom];
        if (own !== undefined && own !== 'null')
          at('countsFrom', `rule ${rule.id}: the mask overwrites ${rule.countsFrom}; count from a date that stays, or one the mask sets to null`);
      }
    }
    if (rule.action === 'restrict' && !restriction)
      at('action', `rule ${rule.id}: this table declares no restriction column; declare restriction, or use delete or mask`);
    if (rule.countsFrom === table.match.column) {
      at('countsFrom', `rule ${rule.id}: ${rule.countsFrom} is the column subjects are found by, not a date`);
    } else if (rule.countsFrom === restriction?.column) {
      at('countsFrom', `rule ${rule.id}: ${rule.countsFrom} is the restriction column this service writes; count from a date of the row itself`);
    }
    if (rule.action !== 'delete') {
      const later = table.retentionRules.find((d) => d.action === 'delete' && d.countsFrom === rule.countsFrom && d.afterMonths <= rule.afterMonths);
      if (later)
        at(
          'afterMonths',
          `rule ${rule.id}: the delete rule ${later.id} takes these rows after ${later.afterMonths} months, so this ${rule.action} rule at ${rule.afterMonths} would never find one`,
        );
    }
  });
  if (erasure.mode === 'legal_hold') {
    const ends = table.retentionRules.filter((r) => r.action === 'delete' && r.countsFrom === erasure.fromColumn);
    if (ends.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'retentionRules'],
        message: `a legal hold ends by a retention rule: declare one with action delete counting from ${erasure.fromColumn} (at least ${Math.ceil(erasure.holdDays / 31)} months), or the held rows are kept forever`,
      });
    }
    for (const rule of ends) {
      // No calendar has this many months shorter than 31 days each: the rule certainly ends before the hold.
      if (rule.afterMonths * 31 < erasure.holdDays)
        ctx.addIssue({
          code: 'custom',
          path: [...path, 'retentionRules', table.retentionRules.indexOf(rule), 'afterMonths'],
          message: `rule ${rule.id}: ${rule.afterMonths} months is shorter than the legal hold of ${erasure.holdDays} days`,
        });
    }
  }
}

/**
 * The instant before which a row's hold date must lie for its legal hold to be over: `holdDays`
 * days before `now`, as the sql kind counts a hold when it erases (a row held from day D is kept
 * until D plus the hold). A delete rule never takes a row whose hold is still in force.
 */
export function legalHoldCutoff(holdDays: number, now: Date): Date {
  return new Date(now.getTime() - holdDays * 86_400_000);
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
