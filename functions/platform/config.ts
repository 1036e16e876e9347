import * as z from '../domain/validation';

/**
 * The functions' configuration: every environment variable they read, with its type, default and
 * meaning. Each handler names the variables it needs once, at cold start (`await configure(...)`,
 * its composition root); modules reach them at call time (`setting`), never at import, so importing
 * a module costs a function nothing it does not use. A secret is never in the environment: its
 * variable names a Secrets Manager secret, read once at cold start. This is the one module that
 * reads `process.env`.
 */

/** A variable missing or malformed: stops the cold start with a message naming the variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const present = z.string({ error: 'is required but not set' }).check(z.refine((v) => v.trim() !== '', 'is required but not set'));

/** An absolute http(s) URL without a trailing slash: links are built by appending a path. */
const httpUrl = z.pipe(
  present.check(
    z.superRefine((v, ctx) => {
      const url = URL.parse(v);
      if (!url) ctx.addIssue({ code: 'custom', message: `must be an absolute URL, got "${v}"` });
      else if (url.protocol !== 'https:' && url.protocol !== 'http:') ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    }),
  ),
  z.transform((v) => v.replace(/\/+$/, '')),
);

const isPositiveWhole = (raw: string) => Number.isInteger(Number(raw)) && Number(raw) > 0;

/** A positive whole number, or its default when unset. */
const positiveInt = (fallback: number) =>
  z.pipe(
    z.optional(
      z.string().check(
        z.superRefine((raw, ctx) => {
          if (raw !== '' && !isPositiveWhole(raw)) ctx.addIssue({ code: 'custom', message: `must be a positive whole number, got "${raw}"` });
        }),
      ),
    ),
    z.transform((raw) => (raw === undefined || raw === '' ? fallback : Number(raw))),
  );

/** A key for HMACs: long enough that it cannot be guessed. */
const hmacKey = present.check(z.refine((v) => v.length >= 32, 'must be at least 32 characters'));

/** One variable: how it is checked, what kind of value it takes, its default if any, and what it means. */
export interface Variable<T = unknown> {
  readonly schema: z.ZodMiniType<T, string | undefined>;
  /**
   * For a variable naming a Secrets Manager secret (its ARN or name): how the secret's value is
   * checked. Its setting is then the value, read at cold start, never the name.
   */
  readonly secret?: z.ZodMiniType<string, string>;
  /** The kind of value, in a few words. */
  readonly type: string;
  /** The value when unset. */
  readonly fallback?: number;
  /** What the variable means, in a line. */
  readonly meaning: string;
}

const variable = <T>(schema: z.ZodMiniType<T, string | undefined>, type: string, meaning: string, fallback?: number): Variable<T> => ({
  schema,
  type,
  meaning,
  fallback,
});
const count = (fallback: number, meaning: string) => variable(positiveInt(fallback), 'positive whole number', meaning, fallback);
const secretKey = (meaning: string): Variable<string> => ({
  schema: present,
  type: 'Secrets Manager secret (ARN or name) holding 32 characters or more',
  meaning,
  secret: hmacKey,
});

/** Every variable the functions read. */
export const VARIABLES = {
  REQUESTS_TABLE: variable(present, 'table name', 'the requests table (requests, branches, audit events, counters); read by the data layer'),
  PACKAGE_BUCKET: variable(present, 'bucket name', 'the bucket of exports, access packages and retention reports'),
  STATE_MACHINE_ARN: variable(
    present.check(z.refine((v) => v.startsWith('arn:'), 'must be an ARN')),
    'ARN',
    'the request workflow, started once a request is received',
  ),
  SENDER_EMAIL: variable(present, 'email address', 'the address the service writes from (an SES identity)'),
  SES_CONFIGURATION_SET: variable(present, 'configuration set name', 'the SES configuration set every email is sent through'),
  PUBLIC_BASE_URL: variable(httpUrl, 'http(s) URL', 'base of the links in emails and pages'),
  STAFF_SIGN_IN_URL: variable(
    httpUrl,
    'http(s) URL',
    "the identity provider's authorize URL for the staff console (code flow; the console adds state, nonce and the PKCE challenge)",
  ),
  STAFF_TOKEN_URL: variable(httpUrl, 'http(s) URL', "the identity provider's token endpoint, where the console trades its code and PKCE verifier for tokens"),
  SUPPRESSION_KEY_SECRET: secretKey('the HMAC key of the keyed hashes of addresses and client IP addresses, read at cold start'),
  UNSUBSCRIBE_KEY_SECRET: secretKey("the HMAC key of one-click unsubscribe links, shared with the controllers' mailers, read at cold start"),
  VERIFY_TTL_DAYS: count(7, 'days a verification link stays valid'),
  DOWNLOAD_TTL_DAYS: count(7, 'days a download link stays valid'),
  INTAKE_LIMIT_PER_ADDRESS: count(5, 'verification emails one mailbox may set off per hour (an address counted without case, +tag or Gmail dots)'),
  INTAKE_LIMIT_PER_CLIENT: count(30, 'requests one client IP address may send per hour'),
  INTAKE_LIMIT_PER_DOMAIN: count(50, 'verification emails the addresses of one mail domain may set off per hour'),
  RETENTION_BATCH_SIZE: count(500, 'records one retention rule erases per run at most'),
} as const;

/** The name of a variable of {@link VARIABLES}. */
export type VariableName = keyof typeof VARIABLES;
/** The checked value of each variable. */
export type Settings = { [K in VariableName]: (typeof VARIABLES)[K] extends Variable<infer T> ? T : never };

const configured: Partial<Record<VariableName, unknown>> = {};

function read<K extends VariableName>(name: K): Settings[K] {
  const result = (VARIABLES[name] as Variable<Settings[K]>).schema.safeParse(process.env[name]);
  if (!result.success) throw new ConfigError(`Environment variable ${name} ${result.error.issues[0]!.message}`);
  return result.data;
}

/**
 * Where `configure` reads the secrets a function names: `platform/aws/secrets.ts`, passed by the
 * handlers that name one, so that the other functions' bundles carry no Secrets Manager client.
 */
export interface SecretSource {
  get(secretId: string): Promise<unknown>;
}

/**
 * The composition root of a handler, awaited at module scope: checks the variables it needs, then
 * reads the secrets they name, once, at cold start. A missing or malformed variable, or a secret
 * that cannot be read or is malformed, throws a ConfigError naming the variable before any request
 * is taken (the secret's value and the error's message never: only the error's class).
 */
export async function configure(...names: VariableName[]): Promise<void>;
export async function configure(secrets: SecretSource, ...names: VariableName[]): Promise<void>;
export async function configure(...args: (SecretSource | VariableName)[]): Promise<void> {
  const secrets = typeof args[0] === 'object' ? (args[0] as SecretSource) : undefined;
  const names = (secrets ? args.slice(1) : args) as VariableName[];
  const values = names.map((name) => [name, read(name)] as const);
  for (const [name, value] of values) {
    const secret = (VARIABLES[name] as Variable).secret;
    if (secret && !secrets) throw new ConfigError(`Environment variable ${name} names a secret, and the handler gave configure() no secrets reader`);
    configured[name] = secret ? await readSecret(secrets!, name, value as string, secret) : value;
  }
}

async function readSecret(secrets: SecretSource, name: VariableName, secretId: string, schema: z.ZodMiniType<string, string>): Promise<string> {
  let value: unknown;
  try {
    value = await secrets.get(secretId);
  } catch (e) {
    // Powertools wraps the SDK's error (GetParameterError); its cause names what went wrong.
    const cause = ((e as { cause?: unknown })?.cause ?? e) as Error | undefined;
    throw new ConfigError(`The secret ${name} names could not be read: ${cause?.name ?? 'Error'}`);
  }
  if (typeof value !== 'string') throw new ConfigError(`The secret ${name} names has no text value`);
  const result = schema.safeParse(value);
  if (!result.success) throw new ConfigError(`The secret ${name} names ${result.error.issues[0]!.message}`);
  return result.data;
}

/** A variable's checked value, at call time; one its handler did not name is a ConfigError. */
export function setting<K extends VariableName>(name: K): Settings[K] {
  if (!(name in configured)) throw new ConfigError(`Environment variable ${name} is not configured: the handler must name it in configure()`);
  return configured[name] as Settings[K];
}

/** A variable that must be set and non-empty, read where it is used (the data layer's table). */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') throw new ConfigError(`Environment variable ${name} is required but not set`);
  return value;
}

/** The values the register's `${NAME:-default}` placeholders are filled from. */
export function registerPlaceholders(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

/**
 * `OPENDSR_LOCAL_ORIGINS`: origins of OpenDSR processors the local runtime runs itself (its demo
 * processor), which may be reached over http, and then only at loopback addresses after resolution
 * (`functions/platform/outbound.ts`), nothing else. Only the local runtime sets it; the stack never does (test/infra checks), so a deployment
 * reaches processors over https at public addresses only. Not a `configure` variable: no function
 * is given it. Read at call time, as tests start processors on ports of their own.
 */
export function localOpendsrOrigins(): readonly string[] {
  return localOrigins('OPENDSR_LOCAL_ORIGINS');
}

/**
 * `CONNECTOR_LOCAL_ORIGINS`: as {@link localOpendsrOrigins}, for the vendor fakes the local runtime
 * runs (Mailchimp's): a connector may call these over http at loopback addresses, nothing else.
 */
export function localConnectorOrigins(): readonly string[] {
  return localOrigins('CONNECTOR_LOCAL_ORIGINS');
}

function localOrigins(variable: 'OPENDSR_LOCAL_ORIGINS' | 'CONNECTOR_LOCAL_ORIGINS'): readonly string[] {
  const raw = process.env[variable] ?? '';
  return raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const url = URL.parse(s);
      if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.pathname.replace(/\/+$/, '') !== '' || url.search) {
        throw new ConfigError(`Environment variable ${variable} must list http(s) origins (scheme, host and port only), got "${s}"`);
      }
      return url.origin;
    });
}
