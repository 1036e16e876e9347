/**
 * The embedded local runtime behind `npm start`: emulators, the local Step Functions endpoint,
 * the HTTP gateway and the sweep schedule, all in this process and all derived from the
 * synthesized CDK stack.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import {
  CreateStateMachineCommand,
  DescribeStateMachineCommand,
  type DescribeStateMachineCommandOutput,
  SFNClient,
  UpdateStateMachineCommand,
} from '@aws-sdk/client-sfn';
import { LocalClock } from './clock.ts';
import { startDemoCourseDatabase } from './demo-course-database.ts';
import { startDemoWebhook } from './demo-inhouse/webhook.ts';
import { startDemoOpendsr } from './demo-opendsr/server.ts';
import { type Emulators, startEmulators } from './emulators.ts';
import { matchesPattern } from './event-rules.ts';
import { DEMO_MAILCHIMP_KEY, type MailchimpFake, startMailchimpFake } from './fakes/mailchimp.ts';
import { LocalGateway } from './gateway.ts';
import { type LambdaEndpoint, startLambdaEndpoint } from './lambda-endpoint.ts';
import { LambdaHost } from './lambda-host.ts';
import { applyLifecycle, type LifecyclePass } from './lifecycle.ts';
import { PACKAGE_BUCKET, provision, REQUESTS_TABLE, reindexAfterCrash } from './provision.ts';
import { type LocalSchedule, startSchedules } from './scheduler.ts';
import { type LocalSecret, LocalSecretsManager, localSecretArn } from './secrets-endpoint.ts';
import type { LocalSesAccount } from './ses-account.ts';
import { LocalStepFunctions } from './sfn-endpoint.ts';
import { startLocalSmtp } from './smtp-receiver.ts';
import { LocalStaffAuth } from './staff-auth.ts';
import {
  type CfnTemplate,
  type LambdaModel,
  LOCAL_ACCOUNT,
  LOCAL_CONFIGURATION_SET,
  LOCAL_REGION,
  localStateMachineArn,
  REPO_ROOT,
  rateToMs,
  readStackModel,
  type StackModel,
  synthTemplate,
} from './synth.ts';

export const SENDER_EMAIL = 'privacy@demo-association.example';
/** The configuration set every email names; the local SES knows it (in AWS the stack creates it). */
export const SES_CONFIGURATION_SET = LOCAL_CONFIGURATION_SET;
const SWEEP_ENTRY = 'functions/handlers/scheduled/sweep.ts';
const DEFAULT_SWEEP_MS = 15 * 60_000;
/** Where the data folder keeps the value of each generated secret, by the start of its logical id (the files predate the endpoint). */
const SECRET_FILES: [string, string][] = [
  ['SuppressionKey', 'suppression.key'],
  ['UnsubscribeKey', 'unsubscribe.key'],
];
/** How often the package bucket's lifecycle rules are applied (S3 runs them about daily). */
const LIFECYCLE_INTERVAL_MS = 60 * 60_000;

export interface RuntimePorts {
  gateway: number;
  dynamodb: number;
  ses: number;
  s3: number;
  sfn: number;
  /** The demo OpenDSR processor (a newsletter service of its own). */
  newsletter: number;
  /** The Demo Course Platform's PostgreSQL database (PGlite over the wire protocol). */
  courses: number;
  /** The Secrets Manager endpoint the functions read their keys from at cold start. */
  secrets: number;
  /** The Mailchimp fake the demo register's `http` processor reaches (default 8091). */
  mailchimp?: number;
  /** Lambda's Invoke API for a Step Functions endpoint of one's own (`SFN_ENDPOINT`); served only then. */
  lambda?: number;
  /** Lambda's Invoke API for the organisations' own functions (`lambda` processors). @default `INHOUSE_LAMBDA_PORT` or 9002 */
  inhouseLambda?: number;
  /** The demo campaign office's webhook receiver (`webhook` processor). @default `DEMO_INHOUSE_WEBHOOK_PORT` or 8092 */
  inhouseWebhook?: number;
  /** dynalite's own port when the index lag proxy listens on `dynamodb` (default any free one). */
  dynamodbDirect?: number;
  /** The SMTP listener standing in for SES receiving (mail to the privacy addresses). @default `SMTP_PORT` or 2525 */
  smtp?: number;
}

export interface LocalRuntimeOptions {
  /** Where DynamoDB and S3 keep their data; default `DATA_DIR` or `.data`. */
  dataDir?: string;
  /** 0 picks a free port; defaults from PORT, DYNAMODB_PORT, SES_PORT, S3_PORT, SFN_PORT. */
  ports?: Partial<RuntimePorts>;
  /** No log lines from the runtime itself (handlers still log). */
  quiet?: boolean;
  /** Multiplies the state machine's Retry intervals, e.g. 0.001 in tests; default 1. */
  retryIntervalScale?: number;
  /** How long the demo OpenDSR processor takes to complete a request (default 2000 ms). */
  demoCallbackDelayMs?: number;
  /** Multiplies waiting tasks' timeouts and heartbeats, e.g. 0.001 in tests; default 1. */
  timeScale?: number;
  /** Overrides the sweep schedule's rate. */
  sweepIntervalMs?: number;
  /** Skip the sweep at start (default: run it once, then on the schedule). */
  sweepOnStart?: boolean;
  /**
   * Arm timers for the template's other schedules (digests, retention rules) at their cron, rate or
   * at expressions (default true). Tests turn them off and fire schedules with `runSchedule`.
   */
  scheduleTimers?: boolean;
  /**
   * Handler environment values that win over the template's, e.g. higher intake limits for test
   * suites that send many requests from one address.
   */
  environment?: Record<string, string>;
  /** A synthesized template to run instead of synthesizing infra/stack.ts. */
  template?: CfnTemplate;
  /**
   * The OpenDSR service the register's `${DEMO_NEWSLETTER_URL}` processor is sent to, instead of the
   * demo this runtime starts (which still runs, as the portability target). For tests with a
   * processor of their own, e.g. one that injects faults (test/faults).
   */
  newsletterUrl?: string;
  /**
   * Endpoints the handlers are given instead of the emulators' own (`AWS_ENDPOINT_URL_*`), e.g. a
   * proxy in front of an emulator that fails for a while (test/faults). The emulators still listen
   * where `ports` says, and `urls` names them, not these.
   */
  handlerEndpoints?: Partial<Record<'dynamodb' | 'ses' | 's3', string>>;
  /**
   * Emulate the SES sandbox: mail only to verified identities, one message a second
   * (local/ses-account.ts). Default: `SES_SANDBOX=1` in the environment, else off.
   */
  sesSandbox?: boolean;
  /**
   * Throttle each route as the template's stage says, as API Gateway does (default true). Suites
   * that send many requests at once turn it off, as they loosen the intake limits.
   */
  routeThrottles?: boolean;
  /** Where log lines go; default console.log. */
  log?: (line: string) => void;
  /** Counts what the run did, as AWS would bill it (the benchmarks' cost model). */
  meter?: RuntimeMeter;
  /**
   * The clock of what the Step Functions endpoint emulates over days (re-drive's 14 days, a name's
   * 90); default the wall clock. Tests move it forward; handlers keep the wall clock.
   */
  sfnClock?: () => Date;
  /** The clock the emulated AWS side keeps time by (lifecycle rules); default the wall clock. */
  clock?: LocalClock;
  /**
   * Milliseconds a written item stays out of DynamoDB's global secondary indexes, as eventual
   * consistency may keep it in AWS (local/index-lag.ts); default `INDEX_LAG_MS` or 0. On in the tests.
   */
  indexLagMs?: number;
  /** Tables whose indexes do not lag (default none). */
  indexLagExcept?: string[];
  /**
   * Emulators already running to use instead of the embedded ones (DynamoDB Local, LocalStack,
   * MinIO, ...); default from `DYNAMODB_ENDPOINT`, `S3_ENDPOINT`, `SES_ENDPOINT`, `SFN_ENDPOINT`.
   * The runtime creates the tables, the bucket and the state machine there if missing.
   */
  endpoints?: Partial<Record<ExternalService, string>>;
  /**
   * The organisations' own Lambda functions (`lambda` processors) the runtime serves on Lambda's
   * Invoke API, by function name (the last part of the register's ARN) → handler module,
   * repo-relative. @default the demo campaign office's, `local/demo-inhouse/lambda.ts`
   */
  inhouseFunctions?: Record<string, string>;
  /** Where the register's `${DEMO_INHOUSE_WEBHOOK_URL}` webhook processor is sent instead of the demo receiver (a test's own). */
  inhouseWebhookUrl?: string;
  /**
   * Values of the register's webhook signing secrets (`secret`, by name), served by the local
   * Secrets Manager. @default the environment's `WEBHOOK_SECRET_<NAME>` (upper case, `-` as `_`), else one generated in the data folder
   */
  processorSecrets?: Record<string, string>;
}

/** The demo campaign office's in-house function, by the name in its register ARN. */
const DEMO_INHOUSE_FUNCTIONS = { 'demo-campaign-app': 'local/demo-inhouse/lambda.ts' };

/** The handler SES's receipt rule invokes. */
const RECEIVE_EMAIL_ENTRY = 'functions/handlers/inbound/receive-email.ts';

/** The register's privacy addresses (`privacyEmails`), lower-case: the receipt rule's recipients. */
function privacyAddresses(): string[] {
  const raw = JSON.parse(readFileSync(resolve(REPO_ROOT, 'config', 'register.json'), 'utf8')) as { controllers: { privacyEmails?: string[] }[] };
  return raw.controllers.flatMap((c) => c.privacyEmails ?? []).map((a) => a.toLowerCase());
}

/** The signing secrets the register's webhook processors name (placeholders left as written). */
function webhookSecretNames(): string[] {
  const raw = JSON.parse(readFileSync(resolve(REPO_ROOT, 'config', 'register.json'), 'utf8')) as {
    controllers: { processors: { kind: string; secret?: string }[] }[];
  };
  return [...new Set(raw.controllers.flatMap((c) => c.processors.filter((p) => p.kind === 'webhook' && p.secret).map((p) => p.secret!)))];
}

/** The environment variable a webhook secret's local value may come from: `WEBHOOK_SECRET_DEMO_VOLUNTEER_PORTAL_WEBHOOK`. */
export const webhookSecretVariable = (name: string) => `WEBHOOK_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;

/** The services whose emulator may be one already running. */
export type ExternalService = 'dynamodb' | 's3' | 'ses' | 'sfn';
const ENDPOINT_VARIABLES: Record<ExternalService, string> = {
  dynamodb: 'DYNAMODB_ENDPOINT',
  s3: 'S3_ENDPOINT',
  ses: 'SES_ENDPOINT',
  sfn: 'SFN_ENDPOINT',
};

/** The endpoints to use instead of embedded emulators: the option's, else the environment's; each checked to be an http(s) URL. */
function externalEndpoints(given: LocalRuntimeOptions['endpoints']): Partial<Record<ExternalService, string>> {
  const out: Partial<Record<ExternalService, string>> = {};
  for (const [service, name] of Object.entries(ENDPOINT_VARIABLES) as [ExternalService, string][]) {
    const raw = given?.[service] ?? process.env[name];
    if (raw === undefined || raw === '') continue;
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new Error(`${name} must be a URL such as http://localhost:8000, got "${raw}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http or https URL, got "${raw}"`);
    out[service] = raw.replace(/\/+$/, '');
  }
  return out;
}

/** Observers of what the local runtime did that AWS bills for. */
export interface RuntimeMeter {
  /** A Lambda invocation finished, after `durationMs`, in a function of `memoryMb`. */
  invoked?(logicalId: string, memoryMb: number, durationMs: number): void;
  /** The workflow entered a state or retried one: a state transition. */
  transition?(stateName: string): void;
  /**
   * An invocation failed (`errorType` as Lambda reports it, e.g. `Sandbox.Timedout`); `ids` are
   * the request and processor its event named, if any (the suites tell a cut-short step by them).
   */
  failed?(logicalId: string, errorType: string, ids: { requestId?: string; processorId?: string }): void;
}

export interface LocalRuntime {
  urls: {
    gateway: string;
    dynamodb: string;
    /** DynamoDB without the index lag (the same as `dynamodb` when there is none): for reading and writing behind the service's back. */
    dynamodbDirect: string;
    ses: string;
    s3: string;
    sfn: string;
    newsletter: string;
    courses: string;
    secrets: string;
    /** The Mailchimp fake (its API at `/3.0`). */
    mailchimp: string;
    /** The functions on Lambda's Invoke API, when the Step Functions endpoint is not the runtime's own. */
    lambda?: string;
    /** The organisations' own functions on Lambda's Invoke API. */
    inhouseLambda: string;
    /** The demo in-house webhook receiver. */
    inhouseWebhook: string;
    /** SES receiving's stand-in: send mail to a privacy address here (`smtp://127.0.0.1:<port>`). */
    smtp: string;
  };
  /** The ports actually bound: pass them back as `ports` to restart where this runtime ran. */
  ports: RuntimePorts;
  stateMachineArn: string;
  model: StackModel;
  /**
   * The local stand-in for the staff user pool: its authorize URL (`staffAuth.signInUrl`), the
   * console (`staffAuth.consoleUrl`), the issuer and audience the gateway's JWT authorizers trust.
   * Tests mint tokens with `issueLocalToken(runtime, ...)` from `staff-auth.ts`.
   */
  staffAuth: LocalStaffAuth;
  /**
   * Runs the sweep handler now (also what the schedule does); failures are logged, not thrown.
   * Called, it stands for the schedule's next firing, minutes later: index lag has passed by then.
   */
  sweep(): Promise<void>;
  /** The template's schedules other than the sweep's, with when each fires next. */
  schedules: LocalSchedule[];
  /**
   * Fires one schedule now, as EventBridge Scheduler would: its Lambda with its input; rejects if
   * the handler throws. Like `sweep()`, after index lag has passed.
   */
  runSchedule(logicalId: string): Promise<void>;
  /** The vendor fakes the demo register's connectors reach: tests plant faults and read their calls. */
  fakes: { mailchimp: MailchimpFake };
  /** The local SES account: its identities, configuration sets, sandbox, and the sends it refused. */
  sesAccount: LocalSesAccount;
  /**
   * Puts an event on the local default event bus, as PutEvents or an AWS service would: every
   * enabled rule of the template whose pattern matches invokes its functions with it. Resolves when
   * they have run (a failure is logged, as an asynchronous invocation's would be, not thrown).
   */
  putEvent(event: Record<string, unknown>): Promise<void>;
  /** Resolves when every event already on the bus (SES's simulated feedback too) has been handled. */
  settleEvents(): Promise<void>;
  /** Mail received on the SMTP port: `settled()` resolves once every message so far has been handed to the receiving function and it returned. */
  inboundMail: { settled(): Promise<void> };
  /** The clock of the emulated AWS side: `clock.advance(ms)` moves it on, e.g. past a lifecycle rule's days. */
  clock: LocalClock;
  /**
   * Applies the package bucket's lifecycle rules (from the template) now, by `clock`, as S3 would;
   * also done at start and every hour.
   */
  applyLifecycle(): Promise<LifecyclePass>;
  stop(): Promise<void>;
}

function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`${name} must be a port number, got "${raw}"`);
  return n;
}

function envMs(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a whole number of milliseconds, got "${raw}"`);
  return n;
}

/**
 * Handler modules read their configuration once, when first imported, and stay in the process's
 * module cache: a second runtime in the same process must therefore offer them the same
 * endpoints. This remembers what the loaded modules were configured with.
 */
const configuredHosts: { host: LambdaHost; fingerprint: string }[] = [];
const HANDLER_ENV = [
  'AWS_ENDPOINT_URL_DYNAMODB',
  'AWS_ENDPOINT_URL_SES',
  'AWS_ENDPOINT_URL_SESV2',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ENDPOINT_URL_SFN',
  'AWS_ENDPOINT_URL_SECRETS_MANAGER',
  'AWS_ENDPOINT_URL_LAMBDA',
  'DEMO_INHOUSE_WEBHOOK_URL',
  'STATE_MACHINE_ARN',
  'PUBLIC_BASE_URL',
  'DEMO_NEWSLETTER_URL',
  'DEMO_PORTABILITY_URL',
  'DEMO_COURSES_DB_URL',
  'DEMO_MAILCHIMP_URL',
  'STAFF_SIGN_IN_URL',
];

/** Literal environment variables the template gives every function the same value (e.g. log settings). */
function sharedLiteralEnvironment(functions: Iterable<LambdaModel>): Record<string, string> {
  const values = new Map<string, Set<string>>();
  for (const fn of functions) {
    for (const [k, v] of Object.entries(fn.literalEnvironment)) {
      if (k.startsWith('AWS_') || k === 'NODE_OPTIONS') continue;
      values.set(k, (values.get(k) ?? new Set()).add(v));
    }
  }
  return Object.fromEntries([...values].filter(([, v]) => v.size === 1).map(([k, v]) => [k, [...v][0]!]));
}

/**
 * The controllers' keys the register names (mailing tools' webhook keys, suppression-check API
 * keys): in AWS the operator creates these secrets; locally each is generated once and kept in the
 * data folder (`controller-keys/`), served by its name as Secrets Manager would.
 */
function registerKeySecrets(dataDir: string): LocalSecret[] {
  const raw = JSON.parse(readFileSync(resolve(REPO_ROOT, 'config', 'register.json'), 'utf8')) as {
    controllers: { mailingTools?: { webhookSecret: string }[]; suppressionCheck?: { apiKeySecret: string } }[];
  };
  const names = new Set(
    raw.controllers.flatMap((c) => [...(c.mailingTools ?? []).map((t) => t.webhookSecret), ...(c.suppressionCheck ? [c.suppressionCheck.apiKeySecret] : [])]),
  );
  return [...names].map((name) => {
    const file = name.replace(/[^A-Za-z0-9-]+/g, '_');
    return { arn: name.startsWith('arn:') ? name : localSecretArn(file), name, value: localKey(join(dataDir, 'controller-keys'), `${file}.key`) };
  });
}

/**
 * A key generated once per data folder and kept there: the local value of a generated secret, the
 * same across restarts (a suppressed address stays recognisable by its keyed hash).
 */
function localKey(dataDir: string, name: string): string {
  const file = join(dataDir, name);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('hex'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export async function startLocalRuntime(opts: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const log = opts.quiet ? () => undefined : (opts.log ?? ((line: string) => console.log(`[local] ${line}`)));
  const dataDir = resolve(opts.dataDir ?? process.env.DATA_DIR ?? '.data');
  const ports: RuntimePorts = {
    gateway: opts.ports?.gateway ?? envPort('PORT', 3000),
    dynamodb: opts.ports?.dynamodb ?? envPort('DYNAMODB_PORT', 4567),
    ses: opts.ports?.ses ?? envPort('SES_PORT', 8005),
    s3: opts.ports?.s3 ?? envPort('S3_PORT', 4569),
    sfn: opts.ports?.sfn ?? envPort('SFN_PORT', 8083),
    newsletter: opts.ports?.newsletter ?? envPort('DEMO_NEWSLETTER_PORT', 8090),
    courses: opts.ports?.courses ?? envPort('DEMO_COURSES_DB_PORT', 5433),
    secrets: opts.ports?.secrets ?? envPort('SECRETS_PORT', 4585),
    mailchimp: opts.ports?.mailchimp ?? envPort('DEMO_MAILCHIMP_PORT', 8091),
    ...(opts.ports?.dynamodbDirect !== undefined ? { dynamodbDirect: opts.ports.dynamodbDirect } : {}),
    ...(opts.ports?.lambda !== undefined ? { lambda: opts.ports.lambda } : {}),
    inhouseLambda: opts.ports?.inhouseLambda ?? envPort('INHOUSE_LAMBDA_PORT', 9002),
    inhouseWebhook: opts.ports?.inhouseWebhook ?? envPort('DEMO_INHOUSE_WEBHOOK_PORT', 8092),
    smtp: opts.ports?.smtp ?? envPort('SMTP_PORT', 2525),
  };

  const model = readStackModel(opts.template ?? (await synthTemplate()));
  let stateMachineArn = localStateMachineArn(model.stateMachine.name);

  // The sweep: the schedule's target, or the sweep module when the template has no schedule.
  const schedule = model.schedules.find((s) => model.functions.get(s.functionLogicalId)?.entry === SWEEP_ENTRY);
  const functions = new Map(model.functions);
  let sweepFunctionId = schedule?.functionLogicalId;
  if (!sweepFunctionId) {
    sweepFunctionId = 'LocalSweep';
    functions.set(sweepFunctionId, { logicalId: sweepFunctionId, entry: SWEEP_ENTRY, timeoutSeconds: 900, memoryMb: 512, literalEnvironment: {} });
  }

  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    const errors: unknown[] = [];
    for (const stop of stops.splice(0).reverse()) await stop().catch((e) => errors.push(e));
    if (errors.length) throw errors[0];
  };

  let lambdas: LambdaHost | undefined;
  // The clock of what AWS does on its own time (lifecycle rules, re-drive's days); tests move it on.
  const clock = opts.clock ?? new LocalClock();
  // Present while a runtime uses the folder: found at start, the last one did not stop cleanly.
  const runningMarker = join(dataDir, 'running');
  try {
    mkdirSync(dataDir, { recursive: true });
    const uncleanStop = existsSync(runningMarker);
    writeFileSync(runningMarker, `${process.pid}\n`);
    // removed last, after every part (dynalite included) has stopped
    stops.push(async () => rmSync(runningMarker, { force: true }));
    const sesSandbox = opts.sesSandbox ?? ['1', 'true'].includes(process.env.SES_SANDBOX ?? '');
    const indexLagMs = opts.indexLagMs ?? envMs('INDEX_LAG_MS', 0);
    const external = externalEndpoints(opts.endpoints);
    for (const [service, url] of Object.entries(external)) log(`${service}: using the endpoint at ${url}, not the embedded one`);
    const emulators: Emulators = await startEmulators({
      dataDir,
      ports,
      log,
      // What the deployed stack gives: the sender's domain verified (its DKIM records published), the configuration set.
      ses: {
        sandbox: sesSandbox,
        verifiedIdentities: [SENDER_EMAIL.split('@')[1]!],
        configurationSets: [SES_CONFIGURATION_SET],
        // SES publishes the mailbox simulator's bounces and complaints as the template's event destinations say.
        eventDestinations: model.sesEventDestinations,
      },
      indexLagMs,
      ...(opts.indexLagExcept ? { indexLagExcept: opts.indexLagExcept } : {}),
      external,
    });
    if (sesSandbox) log('ses: in the sandbox: mail goes to verified identities only, one message a second');
    stops.push(() => emulators.stop());
    // The demo register's OpenDSR processor, a service of its own with its own data.
    const newsletter = await startDemoOpendsr({
      port: ports.newsletter,
      dataDir,
      quiet: opts.quiet ?? false,
      ...(opts.demoCallbackDelayMs !== undefined ? { callbackDelayMs: opts.demoCallbackDelayMs } : {}),
    });
    stops.push(() => newsletter.stop());
    // The demo course platform's own database, reached by the sql kind as a real one would be.
    const courses = await startDemoCourseDatabase({ dataDir, port: ports.courses });
    stops.push(() => courses.stop());
    // The demo register's Mailchimp audience, reached by the http kind through its connector.
    const mailchimp = await startMailchimpFake({ port: ports.mailchimp ?? 0, ...(opts.quiet ? {} : { log: (line) => log(`[mailchimp] ${line}`) }) });
    stops.push(() => mailchimp.stop());

    // The template's secrets, each with its value kept in the data folder, served as Secrets
    // Manager serves them; the functions get only their ARNs and read them at cold start.
    const secretValues = model.secrets.map((s) => ({
      arn: localSecretArn(s.logicalId),
      name: s.logicalId,
      value: localKey(dataDir, SECRET_FILES.find(([prefix]) => s.logicalId.startsWith(prefix))?.[1] ?? `${s.logicalId}.key`),
      variables: s.variables,
    }));
    // The connector secrets config/register.json names, by name as in Secrets Manager; IAM is not emulated.
    const connectorSecrets = [{ arn: localSecretArn('DemoMailchimpApiKey'), name: 'demo/mailchimp-api-key', value: DEMO_MAILCHIMP_KEY }];
    // The register's webhook signing secrets, by the name the register gives (in AWS, secrets of the organisation's own).
    const webhookSecrets = webhookSecretNames().map((name) => ({
      arn: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}-local`,
      name,
      value: opts.processorSecrets?.[name] ?? process.env[webhookSecretVariable(name)] ?? localKey(dataDir, `${name}.key`),
      variables: [] as string[],
    }));
    // The demo campaign office's volunteer portal, which signs its callbacks with that secret.
    const demoWebhookSecret =
      webhookSecrets.find((s) => s.name === 'demo-volunteer-portal-webhook')?.value ?? localKey(dataDir, 'demo-volunteer-portal-webhook.key');
    const demoWebhook = await startDemoWebhook({ port: ports.inhouseWebhook ?? 0, secret: demoWebhookSecret });
    stops.push(() => demoWebhook.stop());
    const secretsEndpoint = new LocalSecretsManager([...secretValues, ...connectorSecrets, ...webhookSecrets, ...registerKeySecrets(dataDir)]);
    const secretsUrl = await secretsEndpoint.start(ports.secrets);
    stops.push(() => secretsEndpoint.stop());

    // Reserve the Step Functions port before setting the environment (its URL is part of it).
    const meter = opts.meter;
    lambdas = new LambdaHost(
      functions,
      undefined,
      (entry, error) => {
        log(`handler ${entry} failed to load: ${error.errorType}: ${error.errorMessage.split('\n')[0]}`);
      },
      meter?.invoked || meter?.failed
        ? (fn, ms, failure) => {
            meter.invoked?.(fn.logicalId, fn.memoryMb, ms);
            if (failure) meter.failed?.(fn.logicalId, failure.errorType, idsOf(failure.event));
          }
        : undefined,
    );
    const host = lambdas;
    // The organisations' own functions, on an Invoke API of their own: never the template's functions.
    const inhouseModels = new Map(
      Object.entries(opts.inhouseFunctions ?? DEMO_INHOUSE_FUNCTIONS).map(([name, entry]) => [
        name,
        { logicalId: name, entry, timeoutSeconds: 30, memoryMb: 128, literalEnvironment: {} } satisfies LambdaModel,
      ]),
    );
    const inhouse = new LambdaHost(inhouseModels, undefined, (entry, error) => log(`in-house function ${entry} failed to load: ${error.errorType}`));
    const inhouseEndpoint = await startLambdaEndpoint(inhouse, ports.inhouseLambda ?? 0);
    stops.push(async () => {
      await inhouseEndpoint.stop();
      await inhouse.drain();
    });
    let sfnUrl: string;
    let lambdaEndpoint: LambdaEndpoint | undefined;
    if (external.sfn) {
      // Step Functions elsewhere: it runs the template's state machine and calls the functions here.
      const endpoint = await startLambdaEndpoint(lambdas, ports.lambda ?? envPort('LAMBDA_PORT', 9001));
      lambdaEndpoint = endpoint;
      stops.push(async () => {
        await endpoint.stop();
        await host.drain();
      });
      sfnUrl = external.sfn;
      stateMachineArn = await ensureStateMachine(sfnUrl, model.stateMachine, log);
      log(`lambda: the functions answer Lambda's Invoke API at ${endpoint.url} (point the Step Functions endpoint's Lambda endpoint here)`);
    } else {
      const sfn = new LocalStepFunctions({
        stateMachine: model.stateMachine,
        lambdas,
        retryIntervalScale: opts.retryIntervalScale ?? 1,
        timeScale: opts.timeScale ?? 1,
        log,
        // kept with the rest of the data, so a restart knows its executions
        dataDir: join(dataDir, 'stepfunctions'),
        // one clock for what AWS does on its own time, unless a test gives the endpoint its own
        now: opts.sfnClock ?? (() => new Date(clock.now())),
        ...(meter?.transition ? { onTransition: (name: string) => meter.transition!(name) } : {}),
      });
      sfnUrl = await sfn.start(ports.sfn);
      stops.push(async () => {
        // no new executions; running ones stop before their next state; then their tasks settle
        await sfn.stop();
        await host.drain();
      });
    }

    // The staff user pool's stand-in: its key lives in the data directory, so tokens survive a
    // restart; the gateway trusts it for every JWT authorizer of the template and serves its
    // sign-in pages under /local/.
    const staffAuth = await LocalStaffAuth.open(dataDir);
    const gateway = new LocalGateway({
      routes: model.routes,
      lambdas,
      log,
      jwt: staffAuth,
      pages: staffAuth.pages(),
      throttle: opts.routeThrottles !== false,
    });
    gateway.ready = false;
    // Bind the gateway now too, so PUBLIC_BASE_URL names the real port; it answers 503 until
    // the environment is set and the tables exist (handlers are imported on first use).
    const gatewayUrl = await gateway.start(ports.gateway);
    stops.push(() => gateway.stop());
    staffAuth.bind(gatewayUrl);

    // The environment every handler reads at its cold start (shared: one process).
    const env: Record<string, string> = {
      AWS_REGION: 'us-east-1',
      AWS_DEFAULT_REGION: 'us-east-1',
      // s3rver accepts only this key pair; dynalite and the SES emulator accept any
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_ENDPOINT_URL_DYNAMODB: opts.handlerEndpoints?.dynamodb ?? emulators.urls.dynamodb,
      AWS_ENDPOINT_URL_SES: opts.handlerEndpoints?.ses ?? emulators.urls.ses,
      // the SES v2 client's service id is SESv2: this is the variable it reads
      AWS_ENDPOINT_URL_SESV2: opts.handlerEndpoints?.ses ?? emulators.urls.ses,
      AWS_ENDPOINT_URL_S3: opts.handlerEndpoints?.s3 ?? emulators.urls.s3,
      AWS_ENDPOINT_URL_SFN: sfnUrl,
      REQUESTS_TABLE,
      PACKAGE_BUCKET,
      STATE_MACHINE_ARN: stateMachineArn,
      SENDER_EMAIL,
      SES_CONFIGURATION_SET,
      PUBLIC_BASE_URL: gatewayUrl,
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsUrl,
      // The organisations' own functions (lambda processors), as Lambda's Invoke API serves them.
      AWS_ENDPOINT_URL_LAMBDA: inhouseEndpoint.url,
      // config/register.json's in-house webhook processor.
      DEMO_INHOUSE_WEBHOOK_URL: opts.inhouseWebhookUrl ?? demoWebhook.url,
      ...Object.fromEntries(secretValues.flatMap((s) => s.variables.map((v) => [v, s.arn]))),
      // config/register.json points the demo OpenDSR processor here.
      DEMO_NEWSLETTER_URL: opts.newsletterUrl ?? newsletter.url,
      // ...and its portability target, the demo receiving controller on the same port.
      DEMO_PORTABILITY_URL: newsletter.portabilityUrl,
      // config/register.json's course platform database.
      DEMO_COURSES_DB_URL: courses.url,
      // ...and its Mailchimp audience: the fake's API root.
      DEMO_MAILCHIMP_URL: `${mailchimp.url}/3.0`,
      DEMO_MAILCHIMP_HOST: new URL(mailchimp.url).host,
      // As OPENDSR_LOCAL_ORIGINS, for connectors: the vendor fakes' origins, nothing else. The stack never sets it.
      CONNECTOR_LOCAL_ORIGINS: new URL(mailchimp.url).origin,
      // The one place http and loopback are allowed for OpenDSR: these exact origins (the demo
      // processor, or the one a test names), nothing else on this machine. The stack never sets it.
      // The in-house webhook receiver (the demo's, or a test's) is one of these origins too.
      OPENDSR_LOCAL_ORIGINS: [
        ...new Set([newsletter.url, opts.newsletterUrl, demoWebhook.url, opts.inhouseWebhookUrl].filter((u): u is string => !!u).map((u) => new URL(u).origin)),
      ].join(','),
      // The console signs in here (code flow with PKCE); in AWS the Cognito hosted UI's authorize and token endpoints.
      STAFF_SIGN_IN_URL: staffAuth.signInUrl,
      STAFF_TOKEN_URL: staffAuth.tokenUrl,
    };
    const fingerprint = JSON.stringify(HANDLER_ENV.map((k) => env[k]));
    if (configuredHosts.some((c) => c.host.loadedCount > 0 && c.fingerprint !== fingerprint)) {
      throw new Error(
        'Handler modules in this process were loaded for a runtime on other ports, and they keep their ' +
          'clients and configuration: start this runtime on the same ports as that one.',
      );
    }
    configuredHosts.push({ host: lambdas, fingerprint });
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    Object.assign(process.env, env);
    for (const [k, v] of Object.entries(sharedLiteralEnvironment(model.functions.values()))) process.env[k] ??= v;
    Object.assign(process.env, opts.environment);

    await provision({ endpoints: emulators.urls, requestsTable: model.requestsTable, log });
    if (uncleanStop) await reindexAfterCrash(emulators.urls.dynamodb, log);

    // S3 carries out a bucket's lifecycle rules on its own time; s3rver has none, so this does.
    const lifecycleRules = model.packageBucket?.lifecycleRules ?? [];
    const lifecycleS3 = new S3Client({
      region: 'us-east-1',
      endpoint: emulators.urls.s3,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    stops.push(async () => lifecycleS3.destroy());
    let lifecycleRun: Promise<LifecyclePass> | undefined;
    const runLifecycle = (): Promise<LifecyclePass> => {
      lifecycleRun ??= applyLifecycle(lifecycleS3, PACKAGE_BUCKET, lifecycleRules, clock.now())
        .then((pass) => {
          if (pass.expired.length) log(`s3: lifecycle expired ${pass.expired.length} object(s) of ${PACKAGE_BUCKET}`);
          return pass;
        })
        .finally(() => {
          lifecycleRun = undefined;
        });
      return lifecycleRun;
    };
    await runLifecycle();
    const lifecycleTimer = setInterval(() => void runLifecycle().catch((e: Error) => log(`s3: lifecycle failed (${e.name})`)), LIFECYCLE_INTERVAL_MS);
    lifecycleTimer.unref();
    stops.push(async () => {
      clearInterval(lifecycleTimer);
      await lifecycleRun?.catch(() => undefined);
    });
    // SES receiving: mail to the register's privacy addresses is stored and handed to the receiving
    // function as the receipt rule does (local/smtp-receiver.ts).
    const receiver = [...model.functions.values()].find((f) => f.entry === RECEIVE_EMAIL_ENTRY);
    const smtp = await startLocalSmtp({
      port: ports.smtp ?? 0,
      recipients: privacyAddresses(),
      s3: lifecycleS3,
      bucket: PACKAGE_BUCKET,
      functionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${receiver?.logicalId ?? 'ReceiveEmail'}`,
      deliver: (event) => (receiver ? lambdas!.invoke(receiver.logicalId, event) : Promise.reject(new Error('the template has no receiving function'))),
      log,
    });
    stops.push(async () => {
      await smtp.stop();
      await smtp.settled();
    });
    gateway.ready = true;

    // The default event bus: the template's rules, each invoking its functions asynchronously.
    const inFlight = new Set<Promise<void>>();
    const putEvent = (event: Record<string, unknown>): Promise<void> => {
      const runs = model.eventRules
        .filter((rule) => matchesPattern(event, rule.pattern))
        .flatMap((rule) =>
          rule.functionLogicalIds.map((id) =>
            lambdas!.invoke(id, event).then(
              () => undefined,
              (e: Error) => log(`events: ${id} failed on a ${String(event['detail-type'])} event (${e.name})`),
            ),
          ),
        );
      const all = Promise.all(runs).then(() => undefined);
      inFlight.add(all);
      void all.finally(() => inFlight.delete(all));
      return all;
    };
    emulators.sesAccount.onFeedback = (event) => void putEvent(event);
    stops.push(async () => {
      emulators.sesAccount.onFeedback = undefined;
      await Promise.all(inFlight);
    });

    const missing = lambdas.missingEntries();
    if (missing.length) log(`handlers not written yet: ${missing.join(', ')}`);

    // The sweep: once now (re-drives what was in flight at the last stop), then on the schedule.
    let sweeping: Promise<void> | undefined;
    const sweepId = sweepFunctionId;
    const sweepEvent = schedule?.input ? JSON.parse(schedule.input) : {};
    const runSweep = (): Promise<void> => {
      if (sweeping) return sweeping;
      const h = lambdas!;
      sweeping = h
        .invoke(sweepId, sweepEvent)
        .then(
          () => log('sweep: done'),
          (e: Error) => log(`sweep: failed (${e.name})`),
        )
        .finally(() => {
          sweeping = undefined;
        });
      return sweeping;
    };
    const rate = schedule ? rateToMs(schedule.expression) : undefined;
    if (schedule && rate === undefined && opts.sweepIntervalMs === undefined) {
      log(`sweep: schedule ${schedule.expression} is not a rate; running every ${DEFAULT_SWEEP_MS / 60_000} minutes`);
    }
    const interval = opts.sweepIntervalMs ?? rate ?? DEFAULT_SWEEP_MS;
    let timer: NodeJS.Timeout | undefined;
    stops.push(async () => {
      clearInterval(timer);
      await sweeping;
    });
    if (opts.sweepOnStart !== false) await runSweep();
    timer = setInterval(() => void runSweep(), interval);
    timer.unref();

    // Every other schedule (digests, retention rules) fires at its own expression's times.
    const fireSchedule = (s: LocalSchedule) => lambdas!.invoke(s.functionLogicalId, s.input).then(() => undefined);
    const others = startSchedules(
      model.schedules.filter((s) => s !== schedule),
      fireSchedule,
      { timers: opts.scheduleTimers !== false, log },
    );
    stops.push(() => others.stop());
    const runSchedule = async (logicalId: string) => {
      const found = others.schedules.find((s) => s.logicalId === logicalId);
      if (!found) throw new Error(`no schedule ${logicalId}; the template has ${others.schedules.map((s) => s.logicalId).join(', ') || 'none'}`);
      emulators.settleIndexes();
      await fireSchedule(found);
    };

    const urls = {
      gateway: gatewayUrl,
      ...emulators.urls,
      dynamodbDirect: emulators.dynamodbDirect,
      sfn: sfnUrl,
      newsletter: newsletter.url,
      courses: courses.url,
      secrets: secretsUrl,
      mailchimp: mailchimp.url,
      ...(lambdaEndpoint ? { lambda: lambdaEndpoint.url } : {}),
      inhouseLambda: inhouseEndpoint.url,
      inhouseWebhook: demoWebhook.url,
      smtp: smtp.url,
    };
    const portOf = (u: string) => {
      const url = new URL(u);
      return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
    };
    return {
      urls,
      ports: {
        gateway: portOf(urls.gateway),
        dynamodb: portOf(urls.dynamodb),
        ses: portOf(urls.ses),
        s3: portOf(urls.s3),
        sfn: portOf(urls.sfn),
        newsletter: newsletter.port,
        courses: courses.port,
        secrets: portOf(secretsUrl),
        mailchimp: mailchimp.port,
        ...(lambdaEndpoint ? { lambda: lambdaEndpoint.port } : {}),
        inhouseLambda: inhouseEndpoint.port,
        inhouseWebhook: portOf(demoWebhook.url),
        dynamodbDirect: portOf(urls.dynamodbDirect),
        smtp: smtp.port,
      },
      stateMachineArn,
      model,
      staffAuth,
      sweep: () => {
        emulators.settleIndexes();
        return runSweep();
      },
      schedules: others.schedules,
      runSchedule,
      fakes: { mailchimp },
      sesAccount: emulators.sesAccount,
      putEvent,
      settleEvents: async () => {
        // SES's feedback arrives a moment after the send (ses-account.ts): wait past that, then for the handlers.
        await new Promise((r) => setTimeout(r, 100));
        while (inFlight.size) await Promise.all(inFlight);
      },
      inboundMail: { settled: () => smtp.settled() },
      clock,
      applyLifecycle: runLifecycle,
      stop: stopAll,
    };
  } catch (e) {
    await stopAll().catch(() => undefined);
    throw e;
  }
}

/**
 * The template's state machine at a Step Functions endpoint of one's own: created if missing,
 * updated if its definition differs. Returns its ARN.
 */
async function ensureStateMachine(endpoint: string, machine: StackModel['stateMachine'], log: (line: string) => void): Promise<string> {
  const client = new SFNClient({ endpoint, region: LOCAL_REGION, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  const definition = JSON.stringify(machine.definition);
  const stateMachineArn = localStateMachineArn(machine.name);
  try {
    let existing: DescribeStateMachineCommandOutput | undefined;
    try {
      existing = await client.send(new DescribeStateMachineCommand({ stateMachineArn }));
    } catch (e) {
      if ((e as Error).name !== 'StateMachineDoesNotExist') throw e;
    }
    if (!existing) {
      const created = await client.send(new CreateStateMachineCommand({ name: machine.name, definition, roleArn: `arn:aws:iam::${LOCAL_ACCOUNT}:role/local` }));
      log(`sfn: created state machine ${machine.name}`);
      return created.stateMachineArn!;
    }
    if (existing.definition !== definition) {
      await client.send(new UpdateStateMachineCommand({ stateMachineArn, definition }));
      log(`sfn: updated state machine ${machine.name} to the template's definition`);
    }
    return stateMachineArn;
  } finally {
    client.destroy();
  }
}

/** The request and processor ids an invocation's event names: a workflow step's payload, or an API route's path. */
function idsOf(event: unknown): { requestId?: string; processorId?: string } {
  const e = (event ?? {}) as { requestId?: unknown; processorId?: unknown; pathParameters?: { requestId?: unknown; processorId?: unknown } | null };
  const pick = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const requestId = pick(e.requestId) ?? pick(e.pathParameters?.requestId);
  const processorId = pick(e.processorId) ?? pick(e.pathParameters?.processorId);
  return { ...(requestId ? { requestId } : {}), ...(processorId ? { processorId } : {}) };
}
