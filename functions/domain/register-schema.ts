/**
 * The register's shape and how it is read: pure, so the CDK app can check a register without
 * loading the functions' copy (which fills its placeholders from the environment at cold start).
 */
import * as z from 'zod';
import { commonAttributeLabel } from './attribute-labels';
import { checkLookupIdentities, IDENTIFIERS, IDENTITIES, lookupIdentity } from './identifiers';
import { LOCALES, type Locale, RIGHTS } from './request';
import { checkRetentionRuleIds, checkRetentionRules, checkSqlRetentionRules, retentionRuleSchemas } from './retention-rules';
import { erasureOrder, TableCycle } from './sql-order';

/**
 * A text people read, in one language or several: a plain string is in the controller's first
 * language; an object gives it per language, e.g. `{"en": "Newsletter", "sv": "Nyhetsbrev"}`.
 */
export type Localised = string | Partial<Record<Locale, string>>;

/** A text in one language, and which: when it is not the one asked for, pages and emails mark it with `lang` (WCAG 3.1.2). */
export interface LocalText {
  readonly text: string;
  readonly lang: Locale;
}

/** Where a controller's texts are read: the languages it offers, and the one its plain texts are in. */
export interface TextSource {
  readonly locales: readonly Locale[];
  /** The language of the register's plain strings for this controller. @default its first locale */
  readonly textLocale?: Locale | undefined;
}

/** The language a controller's plain texts are in. */
const plainLocale = (source: TextSource | undefined): Locale => source?.textLocale ?? source?.locales[0] ?? 'en';

/**
 * A register text in `locale`, else in the controller's first language, else in English, else in
 * any it has; a plain string is in the controller's `textLocale` (by default its first language).
 * The answer says which language it is in, so a fallback can be marked where people read it.
 */
export function inLocale(value: Localised, locale: Locale, source?: TextSource): LocalText {
  if (typeof value === 'string') return { text: value, lang: plainLocale(source) };
  for (const lang of [locale, source?.locales[0] ?? 'en', 'en', ...LOCALES] as const) {
    const found = value[lang];
    if (found) return { text: found, lang };
  }
  return { text: '', lang: plainLocale(source) };
}

/** {@link inLocale} for one controller and reader: `const say = inLocaleOf(controller, request.locale); say(controller.name)`. */
export const inLocaleOf =
  (controller: TextSource, locale: Locale) =>
  (value: Localised): LocalText =>
    inLocale(value, locale, controller);

/** A register text as staff and the DPO read it (the console, digests): in the controller's first language. */
export const staffText = (controller: TextSource, value: Localised): string => inLocale(value, controller.locales[0] ?? 'en', controller).text;

/** Whether a register text is given in `locale`. */
export function hasLocale(value: Localised, locale: Locale, source: TextSource): boolean {
  return typeof value === 'string' ? locale === plainLocale(source) : Boolean(value[locale]);
}

/**
 * A public holiday of the controller's country, for deadlines (Reg. 1182/71 Art. 3(4)):
 * `MM-DD` (a fixed date), `easter+N` / `easter-N` (days from Western Easter Sunday), or
 * `MM-DD/MM-DD:fri` (that weekday within the range, e.g. Swedish Midsummer Eve).
 */
export const HOLIDAY_RULE = /^(\d{2}-\d{2}|easter[+-]\d{1,2}|\d{2}-\d{2}\/\d{2}-\d{2}:(mon|tue|wed|thu|fri|sat|sun))$/;

/**
 * Builds the register's schemas. A deployed function reads the register compiled at synthesis and
 * never checks one, so its cold start does not build them (some 20 ms of zod): only a check does.
 */
function buildSchemas() {
  const { retentionRuleSchema, sqlRetentionRuleSchema } = retentionRuleSchemas();
  const text = z.string().trim().min(1);

  /** A {@link Localised} text as the register accepts it: a non-empty string, or a non-empty object of them by language. */
  const localised = z.union(
    [text, z.partialRecord(z.enum(LOCALES), text).refine((o) => Object.keys(o).length > 0, 'give the text in at least one language, e.g. {"en": "…"}')],
    { error: 'a text, or texts by language such as {"en": "…", "sv": "…"}' },
  );

  const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'lower-case letters, digits and dashes');

  /**
   * How the subject's items are found in a DynamoDB store: by partition key, or through an index.
   * `identity` says which of the subject's identities the attribute holds (functions/domain/identifiers.ts);
   * without it the attribute's own name must be one (`email`, `phone`).
   */
  const lookupIdentityField = z.enum(IDENTITIES, { error: `one of: ${IDENTITIES.join(', ')}` }).optional();
  const lookupSchema = z.union([
    z.object({ keyAttribute: text, identity: lookupIdentityField }).strict(),
    z.object({ indexName: text, attribute: text, identity: lookupIdentityField }).strict(),
  ]);

  /** What erasure does at a store (Art. 17), and what it keeps and why. */
  const erasureSchema = z.discriminatedUnion('mode', [
    /** The subject's items are deleted. */
    z.object({ mode: z.literal('delete') }).strict(),
    z
      .object({
        mode: z.literal('anonymise'),
        /** Attributes removed from each item; what remains serves statistics only. */
        identifyingAttributes: z.array(text).min(1),
      })
      .strict(),
    z
      .object({
        /**
         * A legal hold (Art. 17(3)(b)): the items must be kept, e.g. bookkeeping records for 7 years.
         * They are marked restricted (Art. 18) and scheduled for deletion when the hold ends; the
         * subject is told what was kept and why.
         */
        mode: z.literal('legal_hold'),
        /** The law that requires keeping the data, as the subject is told it; may be given per language. */
        legalBasis: localised,
        /** How long the items are kept after the request, in days. */
        holdDays: z.number().int().min(1).max(36_500),
      })
      .strict(),
    z
      .object({
        /**
         * A suppression list: the items are deleted and a keyed hash of the address is kept for
         * `keepDays` so the address is not added again by mistake (a mailing list), then dropped.
         */
        mode: z.literal('suppress'),
        keepDays: z.number().int().min(1).max(3_650),
      })
      .strict(),
  ]);

  /** A recipient of the data (Art. 13(1)(e), 15(1)(c)). */
  const recipientSchema = z
    .object({
      name: text,
      country: z.string().regex(/^[A-Z]{2}$/, 'ISO 3166 alpha-2 country code'),
      safeguard: localised.optional(),
    })
    .strict();

  /** What every processor declares for the Art. 15 information in the access package. */
  const art15 = {
    id,
    /** Shown to the subject, e.g. "Membership register"; this and the texts below may be given per language. */
    name: localised,
    dataCategories: z.array(localised).min(1),
    purposes: z.array(localised).min(1),
    legalBasis: localised,
    retention: localised,
    source: localised.optional(),
    recipients: z.array(recipientSchema).default([]),
    /**
     * Art. 20: whether the store's data is in a portability package (data the subject provided,
     * processed by consent or contract, by automated means). Mark false what is not.
     */
    portable: z.boolean().default(true),
    /** The store serves direct marketing: an objection to it is absolute and applied at once (21(3)). */
    directMarketing: z.boolean().default(false),
  };

  /** The controller's own DynamoDB table: exported and erased directly. */
  const dynamodbProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('dynamodb'),
      table: text,
      lookup: lookupSchema,
      erasure: erasureSchema,
      /** Attributes a subject may ask to have corrected (Art. 16); the workflow updates them on the subject's items. */
      rectifiable: z.array(text).default([]),
      /** Retention rules for the store's own records: a scheduled sweep reports, and where enforced erases (functions/domain/retention-rules.ts). */
      retentionRules: z.array(retentionRuleSchema).default([]),
    })
    .strict()
    .superRefine((p, ctx) => {
      checkRetentionRules(p, ctx);
      if (!lookupIdentity(p.lookup)) {
        const field = 'keyAttribute' in p.lookup ? 'keyAttribute' : 'attribute';
        ctx.addIssue({
          code: 'custom',
          path: ['lookup', field],
          message: `lookup.${field} ${'keyAttribute' in p.lookup ? p.lookup.keyAttribute : p.lookup.attribute} is no identity of the subject; say which it holds with lookup.identity (${IDENTITIES.join(', ')})`,
        });
      }
      if (p.erasure.mode === 'anonymise' && 'keyAttribute' in p.lookup && p.erasure.identifyingAttributes.includes(p.lookup.keyAttribute)) {
        ctx.addIssue({
          code: 'custom',
          path: ['erasure', 'identifyingAttributes'],
          message: `cannot anonymise the key attribute ${p.lookup.keyAttribute}; look the subject up through an index instead`,
        });
      }
    });

  /** A table or column name as the register quotes it: the only names a statement ever holds (always quoted). */
  const sqlName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_$]{0,62}$/, 'a SQL name: letters, digits, _ and $, not starting with a digit');

  /** How an identity is made comparable before matching: both the column and the value are normalised. */
  const normaliserSchema = z.enum(['trim', 'lower']);

  /** How the subject's rows of a table are found. */
  const sqlMatchSchema = z.union([
    z
      .object({
        /** A column holding one of the subject's identities: the address, or an identifier the controller's form asks for. */
        column: sqlName,
        identity: z.enum(IDENTITIES, { error: `one of: ${IDENTITIES.join(', ')}` }),
        /** Applied to the column and to the value alike; default trimmed and lower-cased, so `Jane.Doe@Example.org` matches everywhere. */
        normalise: z.array(normaliserSchema).default(['trim', 'lower']),
      })
      .strict(),
    z
      .object({
        /** A column holding a key another table of this database provided, e.g. `enrollment.user_id` → `auth_user.id`. */
        column: sqlName,
        references: z.object({ table: sqlName, column: sqlName }).strict(),
      })
      .strict(),
  ]);

  /** What a masked column becomes. */
  const maskSchema = z.union([
    z.literal('null'),
    /** A keyed hash of the old value (hex): equal values stay equal, and the value cannot be read back. */
    z.literal('hash'),
    /** A fixed value. */
    z.object({ value: z.union([z.string(), z.number(), z.boolean()]) }).strict(),
    /**
     * A value that keeps the column's format and uniqueness: `{key}` is the row's primary key,
     * `{request}` the request's id, e.g. `erased+{key}@invalid` for an email column.
     */
    z.object({ format: z.string().min(1).max(200) }).strict(),
  ]);

  /** What erasure does to one table's rows of the subject (Art. 17), and what it keeps and why. */
  const sqlErasureSchema = z.discriminatedUnion('mode', [
    z.object({ mode: z.literal('delete') }).strict(),
    /** The row stays (other rows refer to it, or it serves statistics) with these columns masked. */
    z.object({ mode: z.literal('mask'), columns: z.record(sqlName, maskSchema) }).strict(),
    z
      .object({
        /**
         * A legal hold (Art. 17(3)(b)) counted from a date of the row itself (an invoice's date), not
         * from the request: each row is kept until then, restricted if the table declares a
         * restriction column, and deleted by its retention rule after.
         */
        mode: z.literal('legal_hold'),
        /** The law that requires keeping the rows, as the subject is told it; may be given per language. */
        legalBasis: localised,
        holdDays: z.number().int().min(1).max(36_500),
        fromColumn: sqlName,
      })
      .strict(),
    /** The rows are kept but restricted (Art. 18): the table's restriction column is set. */
    z.object({ mode: z.literal('restrict') }).strict(),
  ]);

  /** One table of a SQL processor. */
  const sqlTableSchema = z
    .object({
      name: sqlName,
      /** The primary key's columns: each row is changed by its key, and `{key}` in a mask means them. */
      key: z.array(sqlName).min(1),
      match: sqlMatchSchema,
      /** The columns an access or portability export shows; default every column. */
      export: z.union([z.literal('all'), z.array(sqlName).min(1)]).default('all'),
      erasure: sqlErasureSchema,
      /** Columns a subject may ask to have corrected (Art. 16). */
      rectifiable: z.array(sqlName).default([]),
      /** A boolean or timestamp column that marks a row restricted (Art. 18): set to true or the time. */
      restriction: z
        .object({ column: sqlName, type: z.enum(['boolean', 'timestamp']) })
        .strict()
        .optional(),
      /** Tables whose rows must be erased before this one's, beyond those derived from `references` (foreign keys the register does not show). */
      after: z.array(sqlName).default([]),
      /** More matching rows than this sends the branch to staff, never a truncated or unbounded change. */
      maxRows: z.number().int().min(1).max(1_000_000).default(1_000),
      /** Retention rules for the table's rows: a scheduled sweep reports, and where enforced deletes, masks or restricts (functions/domain/retention-rules.ts). */
      retentionRules: z.array(sqlRetentionRuleSchema).default([]),
    })
    .strict();

  /** RDS IAM database authentication for one database user: what `rds-db:connect` is granted on. */
  const rdsIamAuthSchema = z
    .object({
      /** The instance's `DbiResourceId` (`db-...`) or the Aurora cluster's resource id (`cluster-...`), not its name. */
      resourceId: z.string().regex(/^(db|cluster)-[A-Za-z0-9]{1,64}$/, 'the DbiResourceId (db-...) or cluster resource id (cluster-...)'),
      /** The database user the token is for (created with `GRANT rds_iam` or `AWSAuthenticationPlugin`). */
      user: z.string().regex(/^[A-Za-z_][A-Za-z0-9_$.-]{0,62}$/, 'a database user name'),
      /** The database's region. @default the stack's */
      region: z
        .string()
        .regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'an AWS region such as eu-north-1')
        .optional(),
    })
    .strict();

  /** The controller's own PostgreSQL or MySQL/MariaDB database: exported and erased directly, one transaction per request. */
  const sqlProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('sql'),
      engine: z.enum(['postgres', 'mysql']),
      /**
       * Where the connection comes from: a Secrets Manager secret (RDS's JSON: host, port, username,
       * password, dbname) in AWS, or a connection URL (locally, `${NAME}` from the environment).
       */
      connection: z.union([
        z
          .object({
            /** The secret's name or full ARN; the functions that reach the database may read this one secret. */
            secret: text,
            /**
             * RDS IAM database authentication: a short-lived token signed with the function's role in
             * place of a password (the secret then carries host, port and dbname only). Declared and
             * granted (`rds-db:connect`), but not built yet: it needs `@aws-sdk/rds-signer`.
             */
            iamAuth: rdsIamAuthSchema.optional(),
          })
          .strict(),
        z.object({ url: text }).strict(),
      ]),
      /** PostgreSQL's schema (default `public`); ignored on MySQL, where the database is the schema. */
      schema: sqlName.optional(),
      /** `verify`: TLS with the server's certificate checked (default); `require`: TLS, unchecked; `off`: none (loopback only). */
      tls: z.enum(['verify', 'require', 'off']).default('verify'),
      /** No statement runs longer than this. */
      statementTimeoutMs: z.number().int().min(100).max(300_000).default(10_000),
      tables: z.array(sqlTableSchema).min(1),
    })
    .strict()
    .superRefine((p, ctx) => {
      const tables = new Map(p.tables.map((t) => [t.name, t]));
      if (tables.size !== p.tables.length) ctx.addIssue({ code: 'custom', path: ['tables'], message: 'a table is declared twice' });
      p.tables.forEach((t, i) => {
        if ('references' in t.match) {
          const from = tables.get(t.match.references.table);
          if (!from)
            ctx.addIssue({ code: 'custom', path: ['tables', i, 'match', 'references', 'table'], message: `table ${t.match.references.table} is not declared` });
          else if (from === t)
            ctx.addIssue({ code: 'custom', path: ['tables', i, 'match', 'references', 'table'], message: 'a table cannot reference itself' });
        }
        t.after.forEach((name, j) => {
          if (!tables.has(name)) ctx.addIssue({ code: 'custom', path: ['tables', i, 'after', j], message: `table ${name} is not declared` });
        });
        if (t.erasure.mode === 'restrict' && !t.restriction)
          ctx.addIssue({ code: 'custom', path: ['tables', i, 'restriction'], message: 'erasure mode restrict needs a restriction column' });
        if (t.erasure.mode === 'mask') {
          for (const column of Object.keys(t.erasure.columns))
            if (t.key.includes(column))
              ctx.addIssue({ code: 'custom', path: ['tables', i, 'erasure', 'columns', column], message: `cannot mask the key column ${column}` });
          // Otherwise the subject is still found there, and a retry would mask the row again.
          if ('identity' in t.match && !(t.match.column in t.erasure.columns))
            ctx.addIssue({
              code: 'custom',
              path: ['tables', i, 'erasure', 'columns'],
              message: `a table found by ${t.match.column} must mask ${t.match.column}, or the subject is still found there`,
            });
        }
        for (const column of t.rectifiable)
          if (t.key.includes(column))
            ctx.addIssue({ code: 'custom', path: ['tables', i, 'rectifiable'], message: `cannot correct the key column ${column} in place` });
        checkSqlRetentionRules(t, ctx, ['tables', i]);
      });
      try {
        erasureOrder(p.tables);
      } catch (err) {
        if (!(err instanceof TableCycle)) throw err;
        ctx.addIssue({ code: 'custom', path: ['tables'], message: err.message });
      }
      if (!p.tables.some((t) => 'identity' in t.match))
        ctx.addIssue({ code: 'custom', path: ['tables'], message: 'at least one table must match an identity; the others reference its keys' });
    });

  /** A PEM certificate, as the register quotes a trust root. */
  const pem = z.string().regex(/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/, 'a PEM certificate');

  /** A processor with an OpenDSR v2 API (opengdpr/opengdpr): requests by HTTP, answers by signed callbacks. */
  const opendsrProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('opendsr'),
      /** The processor's OpenDSR base URL including the version, e.g. https://dsr.vendor.example/v1. */
      url: z.url(),
      /** The domain the processor signs as (X-OpenDSR-Processor-Domain); its certificate's SAN must hold it. */
      domain: text,
      /** How the address is sent: as it is, or as its SHA-256 (hex, lower case). */
      identityFormat: z.enum(['raw', 'sha256']).default('raw'),
      /** The roots the processor's certificate must chain to. */
      trustRoots: z.array(pem).min(1),
      /** Poll GET /requests/{id} when no callback came for this long. */
      pollAfterMinutes: z.number().int().min(1).default(60),
    })
    .strict();

  /** A vendor with no API: its privacy contact is emailed and answers through a one-time link. */
  const emailProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('email'),
      contactEmail: z.email(),
      /** Which of the subject's identities the vendor is sent: only what it needs to find them. */
      identities: z
        .array(z.enum(['email', 'name']))
        .min(1)
        .default(['email']),
      reminderAfterDays: z.number().int().min(1).default(7),
      /** Without an answer by then the branch goes to staff (and always before the deadline). */
      escalateAfterDays: z.number().int().min(1).default(14),
    })
    .strict();

  /** Work only staff can do (e.g. search the shared mailbox): a task with instructions, completed with a note. */
  const manualProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('manual'),
      assigneeEmail: z.email(),
      /** What the assignee does, in the controller's first language (staff read it there); may be given per language. */
      instructions: localised,
    })
    .strict();

  /**
   * A vendor's API reached through a connector definition (`config/connectors/<connector>.json`,
   * functions/domain/connector-schema.ts): the definition says how, this says with what.
   */
  const httpProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('http'),
      /** The definition's name: `mailchimp` for `config/connectors/mailchimp.json`. */
      connector: id,
      /** The values the definition's `settings` ask for (a list id, a data centre). */
      settings: z.record(z.string(), z.string()).default({}),
      /** For each secret the definition names, the Secrets Manager secret holding it (locally, an environment variable of that name). */
      secrets: z.record(z.string(), text).default({}),
      /** Overrides the definition's base URL (a staging vendor, the local fake). */
      baseUrl: z.url().optional(),
      /** Overrides the definition's allowed hosts; must hold the base URL's host. */
      allowedHosts: z.array(text).min(1).optional(),
      /**
       * The rights the connector acts on here (each needs an action in the definition, checked by
       * `npm run check-register`); a request of any other right is a staff task at this processor.
       */
      rights: z.array(z.enum(RIGHTS)).default(['access', 'portability', 'erasure', 'objection', 'withdraw_consent']),
    })
    .strict();

  /** An AWS Lambda function's ARN (unqualified, or with a version or alias): the one function a `lambda` processor invokes. */
  const lambdaArn = z
    .string()
    .regex(
      /^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/,
      'a Lambda function ARN: arn:aws:lambda:<region>:<account>:function:<name>[:<version or alias>]',
    );

  /**
   * The organisation's own Lambda function (an in-house system no connector fits): invoked with the
   * versioned event of `functions/processors/inhouse/event.ts`; it answers at once in its return
   * value, or later through the one-time callback the event carries.
   */
  const lambdaProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('lambda'),
      functionArn: lambdaArn,
    })
    .strict();

  /**
   * The organisation's own HTTPS endpoint (an in-house system no connector fits): a POST signed with
   * HMAC-SHA256 under `secret`; it answers at once (2xx with an answer) or later by a callback
   * signed with the same secret.
   */
  const webhookProcessorSchema = z
    .object({
      ...art15,
      kind: z.literal('webhook'),
      /** Where the request is POSTed: https (the local runtime's own receiver may be http on loopback). */
      url: z.url({ protocol: /^https?$/ }),
      /** The Secrets Manager secret (name or ARN) holding the shared signing key, 32 characters or more. */
      secret: text,
    })
    .strict();

  /** A processor the controller declares, by kind. */
  const processorSchema = z.discriminatedUnion('kind', [
    dynamodbProcessorSchema,
    sqlProcessorSchema,
    opendsrProcessorSchema,
    emailProcessorSchema,
    manualProcessorSchema,
    httpProcessorSchema,
    lambdaProcessorSchema,
    webhookProcessorSchema,
  ]);

  /** When a request falls due: one calendar month (Reg. 1182/71) or a fixed number of days. */
  const deadlineSchema = z.discriminatedUnion('rule', [
    z.object({ rule: z.literal('days'), days: z.number().int().min(1).max(90) }).strict(),
    z.object({ rule: z.literal('month') }).strict(),
    /** A policy's promise in working days ("within 10 working days"): never later than the legal month. */
    z.object({ rule: z.literal('workingDays'), days: z.number().int().min(1).max(60) }).strict(),
  ]);

  /** A purpose the controller processes by consent (Art. 6(1)(a)): withdrawing it acts at these processors. */
  const consentPurposeSchema = z
    .object({
      id,
      /** As the subject reads it on the form, e.g. "Newsletter" or `{"en": "Newsletter", "sv": "Nyhetsbrev"}`. */
      name: localised,
      /** What the consent covers, shown under the name on the form. */
      description: localised.optional(),
      /** The processors that hold data for this purpose only: withdrawal erases there as each declares. */
      processors: z.array(id).min(1),
    })
    .strict();

  /**
   * A mailing tool the controller sends its mailings with (Mailchimp first): its unsubscribe events
   * come to `/v1/mailing-tools/{controllerId}/{id}?key=…` and withdraw consent to the purpose of the
   * list they name. The key is the value of `webhookSecret` (a Secrets Manager secret's name or
   * ARN), put in the webhook's URL at the tool, since Mailchimp signs nothing.
   */
  const mailingToolSchema = z
    .object({
      id,
      tool: z.literal('mailchimp'),
      /** The Secrets Manager secret (name or ARN) holding the key in the webhook's URL. */
      webhookSecret: text,
      /** The tool's lists, each the consent purpose its subscribers gave consent to. */
      lists: z.array(z.object({ listId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "the tool's list id"), purpose: id }).strict()).min(1),
    })
    .strict();

  /**
   * The suppression check (`POST /v1/suppression/check`): a signup form asks whether an address may
   * be added again, with the controller's API key, the value of `apiKeySecret` (a Secrets Manager secret's name or ARN).
   */
  const suppressionCheckSchema = z.object({ apiKeySecret: text }).strict();

  /** Another controller a subject may have a portability package sent to directly (Art. 20(2)). */
  const portabilityTargetSchema = z
    .object({ id, /** As the subject reads it on the form; may be given per language. */ name: localised, url: z.url() })
    .strict();

  /** How staff review edge cases (Art. 12(5), 12(6)). */
  const reviewRulesSchema = z
    .object({
      /** The same right by the same identity within this many days goes to staff (12(5)); 0 turns it off. */
      repeatWindowDays: z.number().int().min(0).max(3_650).default(30),
      /** Requests of these rights go to staff first, who may ask for more information (12(6)). */
      identityCheckRights: z.array(z.enum(RIGHTS)).default([]),
      /** Only when the subject gave no name. */
      identityCheckOnlyWithoutName: z.boolean().default(false),
      /** Whether the deadline stops while staff wait for the subject's answer to a request for information. */
      clockPausesForInformation: z.boolean().default(true),
      /**
       * Whether an erasure that a legal hold blocked in part waits for staff before the subject is
       * told (17(3)(b)). A controller whose holds are routine (bookkeeping) may let them close alone.
       */
      legalHoldNeedsApproval: z.boolean().default(true),
      /** Where staff are emailed when a request waits for them (default: the DPO). */
      staffEmail: z.email().optional(),
    })
    .strict();

  /** A time zone the runtime knows (IANA name, e.g. Europe/Stockholm). */
  const timeZone = z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Europe/Stockholm');

  /**
   * The DPO's compliance digest: when it is sent (an EventBridge Scheduler expression, read in
   * `timezone`), which days it covers, and to whom (default: the DPO).
   */
  const digestSchema = z
    .object({
      schedule: z.string().regex(/^(cron|rate)\(.+\)$/, 'an EventBridge Scheduler expression: cron(...) or rate(...)'),
      timezone: timeZone.default('UTC'),
      /** The period the figures cover: the days up to the moment the digest is sent. */
      periodDays: z.number().int().min(1).max(366).default(7),
      recipients: z.array(z.email()).min(1).optional(),
    })
    .strict();

  /** Public aggregate figures (received, complied with, denied, median days), as some regulators ask of large controllers. */
  const transparencySchema = z
    .object({
      /** Publish the page at /transparency/{controllerId}; its figures are refreshed with each digest. */
      publish: z.boolean(),
    })
    .strict();

  /** How the controller's form and emails look. */
  const brandingSchema = z
    .object({
      /** An accent colour for the form's header and buttons, `#rrggbb`. */
      accentColour: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb')
        .optional(),
      /** A logo shown on the form, an https URL (the page's CSP allows that origin for images). */
      logoUrl: z
        .url()
        .refine((u) => u.startsWith('https://'), 'an https URL')
        .optional(),
    })
    .strict();

  const controllerSchema = z
    .object({
      id,
      /** The organisation's name as people read it; may be given per language. */
      name: localised,
      country: z.string().regex(/^[A-Z]{2}$/),
      dpoEmail: z.email(),
      /**
       * The addresses the controller publishes for requests by email (its privacy address): mail to
       * them is received by SES and becomes a request from its sender, or a draft staff triage.
       */
      privacyEmails: z.array(z.email().transform((a) => a.toLowerCase())).default([]),
      locales: z.array(z.enum(LOCALES)).min(1),
      /**
       * What the form asks for beyond the email address (always asked: the verification proves it),
       * each optional to the person: its stores may look them up by these (functions/domain/identifiers.ts).
       */
      identifiers: z
        .array(z.enum(IDENTIFIERS, { error: `one of: ${IDENTIFIERS.join(', ')}` }))
        .refine((l) => new Set(l).size === l.length, 'an identifier is listed twice')
        .default([]),
      /** The language the plain (not per-language) texts below are written in; by default the first of `locales`. */
      textLocale: z.enum(LOCALES).optional(),
      deadline: deadlineSchema.default({ rule: 'days', days: 30 }),
      publicHolidays: z.array(z.string().regex(HOLIDAY_RULE, 'MM-DD, easter+N, easter-N or MM-DD/MM-DD:weekday')).default([]),
      /**
       * The days of the week the controller does not work, as ISO weekdays (1 Monday … 7 Sunday), for
       * counting working days (`workingDays` rules, the internal target). The month's last day moves
       * off a Saturday or Sunday whatever this says: Reg. 1182/71 Art. 3(4) names those.
       */
      weekend: z
        .array(z.number().int().min(1, 'an ISO weekday, 1 (Monday) to 7 (Sunday)').max(7, 'an ISO weekday, 1 (Monday) to 7 (Sunday)'))
        .max(6, 'at least one working day a week')
        .refine((days) => new Set(days).size === days.length, 'each weekday once')
        .default([6, 7]),
      /**
       * An internal target apart from the legal deadline ("we normally answer the next working day"):
       * staff are reminded on its day and the digest lists requests past it, never as overdue.
       */
      target: deadlineSchema.optional(),
      /** The controller's lead supervisory authority (Art. 56); refusals and answers name it, beside the person's own (Art. 77). */
      supervisoryAuthority: z
        .object({ /** May be given per language, e.g. `{"sv": "Integritetsskyddsmyndigheten (IMY)"}`. */ name: localised, url: z.url() })
        .strict(),
      privacyPolicyUrl: z.url().optional(),
      processors: z.array(processorSchema).min(1),
      consentPurposes: z.array(consentPurposeSchema).default([]),
      mailingTools: z.array(mailingToolSchema).default([]),
      suppressionCheck: suppressionCheckSchema.optional(),
      portabilityTargets: z.array(portabilityTargetSchema).default([]),
      review: reviewRulesSchema.default({
        repeatWindowDays: 30,
        identityCheckRights: [],
        identityCheckOnlyWithoutName: false,
        clockPausesForInformation: true,
        legalHoldNeedsApproval: true,
      }),
      /**
       * The controller also holds data as a processor for its own customers (Art. 28): the form asks
       * whether the request is about such a customer's service, and staff point the subject there.
       */
      actsAsProcessorFor: z.object({ description: localised }).strict().optional(),
      /**
       * How the form and emails name a rectifiable attribute, per attribute (`{"phone": {"en": "Phone
       * number", "sv": "Telefonnummer"}}`); common ones (email, phone, name, address…) have built-in labels.
       */
      attributeLabels: z.record(text, localised).default({}),
      /** Days between telling the subject a restriction will be lifted and lifting it (Art. 18(3)). */
      restrictionLiftNoticeDays: z.number().int().min(1).max(365).default(14),
      /**
       * The service's own retention: days after a request closes (completed, refused, withdrawn)
       * until its personal data (address, name, what the subject wrote) is erased from the request,
       * keeping the evidence that it was answered. Access packages go earlier, when their link expires.
       */
      requestDataRetentionDays: z.number().int().min(1).max(3_650).default(30),
      branding: brandingSchema.default({}),
      digest: digestSchema.optional(),
      transparency: transparencySchema.optional(),
    })
    .strict()
    .superRefine((c, ctx) => {
      if (c.transparency?.publish && !c.digest) {
        ctx.addIssue({
          code: 'custom',
          path: ['transparency'],
          message: 'published transparency figures are refreshed by the digest: declare a digest schedule too',
        });
      }
      checkRetentionRuleIds(c.processors, ctx);
      checkLookupIdentities(c, ctx);
      const seen = new Set<string>();
      c.processors.forEach((p, i) => {
        if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['processors', i, 'id'], message: `duplicate processor id ${p.id}` });
        seen.add(p.id);
      });
      c.consentPurposes.forEach((purpose, i) => {
        purpose.processors.forEach((pid, j) => {
          if (!seen.has(pid))
            ctx.addIssue({ code: 'custom', path: ['consentPurposes', i, 'processors', j], message: `processor ${pid} is not declared by ${c.id}` });
        });
      });
      const tools = new Set<string>();
      c.mailingTools.forEach((tool, i) => {
        if (tools.has(tool.id)) ctx.addIssue({ code: 'custom', path: ['mailingTools', i, 'id'], message: `duplicate mailing tool id ${tool.id}` });
        tools.add(tool.id);
        tool.lists.forEach((list, j) => {
          if (!c.consentPurposes.some((p) => p.id === list.purpose))
            ctx.addIssue({
              code: 'custom',
              path: ['mailingTools', i, 'lists', j, 'purpose'],
              message: `consent purpose ${list.purpose} is not declared by ${c.id}`,
            });
        });
      });
    });

  const registerSchema = z
    .object({ controllers: z.array(controllerSchema).min(1) })
    .strict()
    .superRefine((r, ctx) => {
      const seen = new Set<string>();
      const privacy = new Set<string>();
      r.controllers.forEach((c, i) => {
        if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['controllers', i, 'id'], message: `duplicate controller id ${c.id}` });
        seen.add(c.id);
        // Mail to a privacy address must name one controller: the request is that controller's.
        c.privacyEmails.forEach((a, j) => {
          if (privacy.has(a))
            ctx.addIssue({ code: 'custom', path: ['controllers', i, 'privacyEmails', j], message: `privacy address ${a} is another controller's too` });
          privacy.add(a);
        });
      });
    });
  return {
    registerSchema,
    dynamodbProcessorSchema,
    sqlProcessorSchema,
    sqlTableSchema,
    maskSchema,
    opendsrProcessorSchema,
    emailProcessorSchema,
    manualProcessorSchema,
    httpProcessorSchema,
    lambdaProcessorSchema,
    webhookProcessorSchema,
    erasureSchema,
    deadlineSchema,
    consentPurposeSchema,
    mailingToolSchema,
    portabilityTargetSchema,
    reviewRulesSchema,
    digestSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
let schemas: Schemas | undefined;

/** The register's schema, built on first use. */
export function registerSchema(): Schemas['registerSchema'] {
  schemas ??= buildSchemas();
  return schemas.registerSchema;
}

/** The register: the single source of truth for controllers and the processors they declare. */
export type Register = z.infer<Schemas['registerSchema']>;
/** An organisation that decides why and how personal data is processed (Art. 4(7)). */
export type Controller = Register['controllers'][number];
/** A store or service holding the subject's data on the controller's behalf. */
export type Processor = Controller['processors'][number];
export type DynamoDbProcessor = z.infer<Schemas['dynamodbProcessorSchema']>;
export type SqlProcessor = z.infer<Schemas['sqlProcessorSchema']>;
export type SqlTable = z.infer<Schemas['sqlTableSchema']>;
export type SqlMask = z.infer<Schemas['maskSchema']>;

/** The attributes a store lets a subject correct (Art. 16): a DynamoDB store's, or the columns of a database's tables. */
export function rectifiableOf(p: Processor): string[] {
  if (p.kind === 'dynamodb') return p.rectifiable;
  if (p.kind === 'sql') return [...new Set(p.tables.flatMap((t) => t.rectifiable))];
  return [];
}
export type OpendsrProcessor = z.infer<Schemas['opendsrProcessorSchema']>;
export type EmailProcessor = z.infer<Schemas['emailProcessorSchema']>;
export type ManualProcessor = z.infer<Schemas['manualProcessorSchema']>;
export type HttpProcessor = z.infer<Schemas['httpProcessorSchema']>;
export type LambdaProcessor = z.infer<Schemas['lambdaProcessorSchema']>;
export type WebhookProcessor = z.infer<Schemas['webhookProcessorSchema']>;
export type ErasureRule = z.infer<Schemas['erasureSchema']>;
export type DeadlineRule = z.infer<Schemas['deadlineSchema']>;
export type ConsentPurpose = z.infer<Schemas['consentPurposeSchema']>;
export type MailingTool = z.infer<Schemas['mailingToolSchema']>;

export type PortabilityTarget = z.infer<Schemas['portabilityTargetSchema']>;
export type ReviewRules = z.infer<Schemas['reviewRulesSchema']>;
export type DigestSettings = z.infer<Schemas['digestSchema']>;

/**
 * Replaces `${NAME}` and `${NAME:-default}` in every string with the environment's value, so one
 * register serves places where an endpoint differs (the local demo processor's port, a staging
 * vendor). A placeholder with no value and no default stops the cold start, naming it.
 */
export function resolvePlaceholders(value: unknown, env: Readonly<Record<string, string | undefined>>, path = ''): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Z][A-Z0-9_]*)(?::-([^}]*))?\}/g, (_m, name: string, fallback?: string) => {
      const resolved = env[name] ?? fallback;
      if (resolved === undefined) throw new Error(`The register (config/register.json) uses \${${name}} at ${path || '(root)'} but ${name} is not set`);
      return resolved;
    });
  }
  if (Array.isArray(value)) return value.map((v, i) => resolvePlaceholders(v, env, `${path}.${i}`));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolvePlaceholders(v, env, path ? `${path}.${k}` : k)]));
  }
  return value;
}

/** Parses a register, failing with every problem and where it is. */
export function parseRegister(input: unknown, env: Readonly<Record<string, string | undefined>> = {}): Register {
  // Parsed once per cold start: compiling zod's fast path would cost more than it saves.
  const result = registerSchema().safeParse(resolvePlaceholders(input, env), { jitless: true });
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new Error(`The register (config/register.json) is invalid:\n${problems}`);
  }
  return result.data;
}

/** What marks a register compiled at synthesis (`infra/register-source.ts` writes it). */
export const COMPILED_REGISTER = 'gdpr-dsr/compiled-register/1';

/**
 * A register parsed when the functions are bundled: the checked register itself, so a cold start
 * need not check it again. Placeholders are resolved to their defaults, as a deployed function,
 * whose environment never names them, would resolve them.
 */
export interface CompiledRegister {
  readonly compiled: typeof COMPILED_REGISTER;
  readonly register: Register;
}

/** The register a bundle holds: compiled at synthesis and used as it is, or a register file, checked now. */
export function bundledRegister(input: unknown, env: Readonly<Record<string, string | undefined>>): Register {
  if (input && typeof input === 'object' && (input as Partial<CompiledRegister>).compiled === COMPILED_REGISTER) return (input as CompiledRegister).register;
  return parseRegister(input, env);
}

/** How a rectifiable attribute is named in `locale`: the register's name in that language, a built-in one, the register's in another, else the attribute itself. */
export function attributeLabel(controller: Pick<Controller, 'attributeLabels' | 'locales' | 'textLocale'>, attribute: string, locale: Locale): LocalText {
  const declared = Object.hasOwn(controller.attributeLabels, attribute) ? controller.attributeLabels[attribute] : undefined;
  if (declared !== undefined && hasLocale(declared, locale, controller)) return inLocale(declared, locale, controller);
  const common = commonAttributeLabel(attribute, locale);
  if (common) return { text: common, lang: locale };
  return declared !== undefined ? inLocale(declared, locale, controller) : { text: attribute, lang: locale };
}

/**
 * Every text of a controller that people read, with where it is (`processors.members.purposes.0`):
 * what `npm run check-register` looks through for a language a controller declares and a text lacks.
 * Rectifiable attributes are listed by their label as the register gives it, or by the attribute.
 */
export function peopleTexts(c: Controller): { at: string; value: Localised; builtIn?: string }[] {
  const out: { at: string; value: Localised; builtIn?: string }[] = [{ at: 'name', value: c.name }];
  const add = (at: string, value: Localised | undefined) => {
    if (value !== undefined) out.push({ at, value });
  };
  for (const p of c.processors) {
    const at = `processors.${p.id}`;
    add(`${at}.name`, p.name);
    for (const [i, v] of p.dataCategories.entries()) add(`${at}.dataCategories.${i}`, v);
    for (const [i, v] of p.purposes.entries()) add(`${at}.purposes.${i}`, v);
    add(`${at}.legalBasis`, p.legalBasis);
    add(`${at}.retention`, p.retention);
    add(`${at}.source`, p.source);
    for (const [i, r] of p.recipients.entries()) add(`${at}.recipients.${i}.safeguard`, r.safeguard);
    // A legal hold's basis is what the subject reads as why the data was kept.
    if (p.kind === 'dynamodb' && p.erasure.mode === 'legal_hold') add(`${at}.erasure.legalBasis`, p.erasure.legalBasis);
    if (p.kind === 'sql') for (const t of p.tables) if (t.erasure.mode === 'legal_hold') add(`${at}.tables.${t.name}.erasure.legalBasis`, t.erasure.legalBasis);
  }
  for (const purpose of c.consentPurposes) {
    add(`consentPurposes.${purpose.id}.name`, purpose.name);
    add(`consentPurposes.${purpose.id}.description`, purpose.description);
  }
  add('actsAsProcessorFor.description', c.actsAsProcessorFor?.description);
  add('supervisoryAuthority.name', c.supervisoryAuthority.name);
  for (const target of c.portabilityTargets) add(`portabilityTargets.${target.id}.name`, target.name);
  for (const attribute of [...new Set(c.processors.flatMap(rectifiableOf))])
    out.push({ at: `attributeLabels.${attribute}`, value: c.attributeLabels[attribute] ?? attribute, builtIn: attribute });
  return out;
}

/** Register texts only staff read (a manual task's instructions): shown in the controller's first language, so only that one is looked for. */
export function staffTexts(c: Controller): { at: string; value: Localised; builtIn?: string }[] {
  return c.processors.flatMap((p) => (p.kind === 'manual' ? [{ at: `processors.${p.id}.instructions`, value: p.instructions }] : []));
}

/**
 * The texts of {@link peopleTexts} a controller's declared language lacks (a rectifiable attribute
 * with a built-in name has one), and in its first language those of {@link staffTexts} too.
 */
export function textsLacking(c: Controller, locale: Locale): string[] {
  return [...peopleTexts(c), ...(locale === c.locales[0] ? staffTexts(c) : [])]
    .filter((t) => !(t.builtIn !== undefined && commonAttributeLabel(t.builtIn, locale)))
    .filter((t) => (t.builtIn !== undefined && !Object.hasOwn(c.attributeLabels, t.builtIn)) || !hasLocale(t.value, locale, c))
    .map((t) => t.at);
}

/** The staff address a controller's reviews go to. */
export const staffEmailOf = (controller: Controller) => controller.review.staffEmail ?? controller.dpoEmail;
