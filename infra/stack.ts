import * as path from 'node:path';
import { type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Stage, TimeZone, Validations } from 'aws-cdk-lib';
import type { CfnStage, HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as EventLambdaTarget } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type IPublicHostedZone, PublicHostedZone } from 'aws-cdk-lib/aws-route53';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Schedule, ScheduleExpression, ScheduleTargetInput } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke as ScheduleLambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  DkimIdentity,
  EasyDkimSigningKeyLength,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { StateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { longestAnswerDays } from '../functions/domain/deadlines';
import type { Register } from '../functions/domain/register-schema';
import { parseScheduleExpression } from '../functions/domain/schedule-expressions';
import { DEFAULT_ROUTE_THROTTLES, EdgeProtection, type RouteThrottles, throttleRoutes } from './constructs/api-protection';
import { DatabaseNetwork, type DatabaseNetworkProps, databaseNetworkFromContext, secretArnOf, sqlProcessors } from './constructs/database-network';
import { HouseFunction, type Sender } from './constructs/house-function';
import { InboundMail } from './constructs/inbound-mail';
import { grantInhouseProcessors } from './constructs/inhouse-processors';
import { Operations } from './constructs/operations';
import { ENTRIES_PREFIX, EXPORTS_PREFIX, INBOUND_MAIL_PREFIX, PACKAGES_PREFIX, PackageBucket, RETENTION_REPORTS_PREFIX } from './constructs/package-bucket';
import { RequestsTable } from './constructs/requests-table';
import { StaffApi } from './constructs/staff-api';
import { StaffIdentity } from './constructs/staff-identity';
import { SubjectApi } from './constructs/subject-api';
import { RequestWorkflow } from './constructs/workflow';
import { type RegisterSource, readRegisterSource, refuseDemoValues, writeCompiledRegister } from './register-source';

/** Props of {@link DsrStack}. */
export interface DsrStackProps extends StackProps {
  /**
   * The address the service writes to data subjects from, at {@link senderDomain}.
   * @default context `senderEmail`, else 'privacy@example.org'
   */
  readonly senderEmail?: string;
  /**
   * The SES domain identity the service sends from, signed with Easy DKIM (2048-bit keys): the
   * sender address's domain or a parent of it.
   * @default context `senderDomain`, else the domain of the sender address
   */
  readonly senderDomain?: string;
  /**
   * A Route 53 public hosted zone of the sender domain: the DKIM records are created in it. Without
   * one, the records are published by hand (README, "Deploy it").
   * @default context `hostedZoneId` and `hostedZoneName`, else none
   */
  readonly hostedZone?: IPublicHostedZone;
  /**
   * Whether the account is still in the SES sandbox, where SES authorises a send on the recipients'
   * identities too: the functions may then send to this account's verified identities.
   * @default context `sesSandbox`, else false
   */
  readonly sesSandbox?: boolean;
  /**
   * Base of the links in emails and pages, e.g. a custom domain in front of the API.
   * @default the HTTP API's endpoint URL
   */
  readonly publicBaseUrl?: string;
  /** Days a verification link stays valid. @default 7 */
  readonly verifyTtlDays?: number;
  /**
   * Days a download link stays valid. The sweep deletes a package when its link expires; the
   * bucket's lifecycle rule deletes it a day later as a backstop. @default 7
   */
  readonly downloadTtlDays?: number;
  /**
   * The register whose DynamoDB processors the processor function may read and erase at, given as
   * an object (the functions are then bundled with the demo register's file; for tools and benchmarks).
   * @default the register of {@link registerFile}
   */
  readonly register?: Register;
  /**
   * The register file the stack and its functions are built from. A file named here is a
   * production register: synthesis refuses the demo's values in it unless {@link demo}.
   * @default context `register`, else the demo register, config/register.json
   */
  readonly registerFile?: string;
  /**
   * A demo deployment: the register and sender may hold the demo's values.
   * @default context `demo`; true when no register file is named, false otherwise
   */
  readonly demo?: boolean;
  /** Requests (verification emails) one mailbox may set off per hour (`+tag`, case and Gmail's dots aside). @default 5 */
  readonly intakeLimitPerAddress?: number;
  /** Requests one client IP address may send per hour. @default 30 */
  readonly intakeLimitPerClient?: number;
  /**
   * Requests (verification emails) the addresses of one mail domain may set off per hour, so a
   * catch-all domain cannot be flooded one address at a time. Raise it where many subjects share
   * a large provider. @default 50
   */
  readonly intakeLimitPerDomain?: number;
  /**
   * Prefix of the staff sign-in domain, `<prefix>.auth.<region>.amazoncognito.com`.
   * @default context `staffDomainPrefix`, else `<stack name>-staff-<account id>` in lower case
   */
  readonly staffDomainPrefix?: string;
  /** Who the operations alarms are emailed to. @default every DPO address of the register */
  readonly alarmEmails?: readonly string[];
  /** Each route group's throttle, applied to each of its routes (see `api-protection.ts`). @default DEFAULT_ROUTE_THROTTLES */
  readonly routeThrottles?: Partial<RouteThrottles>;
  /**
   * CloudFront with a WAF rate-based rule per client IP address in front of the API; its URL becomes
   * the public base URL. @default off; context `edge=true` turns it on, `edgeWebAclArn` names an
   * existing CLOUDFRONT web ACL (required unless the stack is deployed to us-east-1), `edgeRateLimit`
   * sets requests per IP address in 5 minutes
   */
  readonly edge?: false | { readonly webAclArn?: string; readonly rateLimitPer5Minutes?: number };
  /**
   * The VPC (subnets, security groups) the functions that reach the register's `sql` processors
   * run in: RunDatabaseProcessor and Retention. Required when the register declares any, except a demo
   * whose databases are all given by URL (the local demo database). @default context
   * `databaseVpcId`, `databaseSubnetIds`, `databaseSecurityGroupIds`, `databaseRouteTableIds`
   */
  readonly databaseNetwork?: DatabaseNetworkProps;
}

/** Every Lambda of the service, by the handler module it runs (see docs/ARCHITECTURE.md). */
export interface DsrFunctions {
  readonly form: HouseFunction;
  readonly intake: HouseFunction;
  readonly verify: HouseFunction;
  readonly status: HouseFunction;
  readonly download: HouseFunction;
  readonly opendsrCallback: HouseFunction;
  /** `POST /v1/webhooks/callback/...`: an organisation's own Lambda or webhook answers later. */
  readonly processorCallback: HouseFunction;
  readonly task: HouseFunction;
  /** `GET`/`POST /v1/unsubscribe/...`: one-click withdrawal of consent from the controller's emails. */
  readonly unsubscribe: HouseFunction;
  /** `POST .../reply`: the subject answers a request for information. */
  readonly reply: HouseFunction;
  /** `GET`/`POST /v1/mailing-tools/...`: a mailing tool's unsubscribe events withdraw consent. */
  readonly mailingToolWebhook: HouseFunction;
  /** `POST /v1/suppression/check`: whether an address is on a controller's suppression lists, by its API key. */
  readonly suppressionCheck: HouseFunction;
  /** Workflow `Route`: where a request goes next. */
  readonly route: HouseFunction;
  /** Workflow `AwaitDecision`: waits for staff on a task token. */
  readonly awaitDecision: HouseFunction;
  /** Workflow `RunProcessor`: a branch at one of the controller's own stores (DynamoDB). */
  readonly runProcessor: HouseFunction;
  /** Workflow `RunDatabaseProcessor`: a branch at one SQL database, in the databases' VPC. */
  readonly runDatabaseProcessor: HouseFunction;
  readonly awaitProcessor: HouseFunction;
  readonly recordBranchFailure: HouseFunction;
  readonly assemblePackage: HouseFunction;
  readonly notifySubject: HouseFunction;
  readonly finalize: HouseFunction;
  readonly sweep: HouseFunction;
  /** `GET /console`: the staff console page. */
  readonly console: HouseFunction;
  /** `GET /v1/staff/requests[/{requestId}[/audit]]`: the staff API's reads, behind the JWT authorizer. */
  readonly staffRequests: HouseFunction;
  /** `POST /v1/staff/requests/{requestId}/decisions`: staff decisions, behind the JWT authorizer. */
  readonly staffDecide: HouseFunction;
  /** `GET /v1/staff/reports[/requests.csv]`: the dashboard's figures and export, behind the JWT authorizer. */
  readonly staffReports: HouseFunction;
  /** `POST /v1/staff/requests`: a request staff record from a letter, call, email or visit, behind the JWT authorizer. */
  readonly staffEnter: HouseFunction;
  /** Scheduled per controller: the DPO's compliance digest. */
  readonly digest: HouseFunction;
  /** `GET /transparency/{controllerId}`: public aggregate figures. */
  readonly transparency: HouseFunction;
  readonly openApi: HouseFunction;
  /** Daily: the register's retention rules at the controllers' own stores (report; erase where enforced). */
  readonly retention: HouseFunction;
  /** SES's bounce and complaint events (EventBridge): closes, escalates, alarms, records. */
  readonly mailFeedback: HouseFunction;
  /** SES receipt rule's Lambda action: a message to a privacy address becomes a request or a draft. */
  readonly receiveEmail: HouseFunction;
  /** `GET /v1/staff/inbound[/{draftId}]`, `POST /v1/staff/inbound/{draftId}`: staff triage requests by email. */
  readonly staffInbound: HouseFunction;
}

/**
 * The package builder streams every record of an export through short-lived objects, and V8 sizes
 * its young generation from the machine rather than from the work: pinned small, the peak memory
 * of a million-record package stays flat at no cost in speed (docs/PERFORMANCE.md, which the
 * export benchmark measures with these same options).
 */
export const PACKAGE_BUILDER_NODE_OPTIONS = ['--max-semi-space-size=8'];

/**
 * How long after the deadline a package may still be built: a closing review (a failed branch that
 * staff retry or complete) can run past it, and the exports it is built from must still be there.
 */
export const PACKAGE_AFTER_DEADLINE_DAYS = 30;

/**
 * Days a processor export is kept: it is written when its branch answers and read when the slowest
 * branch has, which may be the last day of a deadline extended by two months, or a closing review
 * after it. The purge deletes exports with their package; this is the backstop for the rest.
 */
export function exportsExpireAfterDays(register: Register): number {
  const longest = Math.max(...register.controllers.map((c) => longestAnswerDays(c.deadline, c.publicHolidays)));
  return longest + PACKAGE_AFTER_DEADLINE_DAYS;
}

/**
 * The data-subject-request service: the public API, the workflow that answers a verified request
 * at every processor of the register, the requests table, the package bucket, email and the sweep.
 */
export class DsrStack extends Stack {
  public readonly personalDataKey: Key;
  /** Encrypts the log groups. */
  public readonly logsKey: Key;
  /** Where a scheduled function's failed run goes (its dead-letter queue). */
  public readonly scheduledFailures: Queue;
  public readonly requestsTable: Table;
  public readonly packageBucket: Bucket;
  public readonly stateMachine: StateMachine;
  public readonly httpApi: HttpApi;
  public readonly senderIdentity: EmailIdentity;
  /** The configuration set every email is sent through. */
  public readonly sendingConfiguration: ConfigurationSet;
  /** The register this stack was built from. */
  public readonly registerSource: RegisterSource;
  /** The key of the suppression lists' keyed hashes (HMAC-SHA256 of a normalised address). */
  public readonly suppressionKey: Secret;
  /** The key one-click unsubscribe links are signed with; the controllers' mailers sign with it too. */
  public readonly unsubscribeKey: Secret;
  public readonly sweepSchedule: Schedule;
  /** One schedule per controller that declares a digest, by controller id. */
  public readonly digestSchedules: Record<string, Schedule>;
  /** Runs the retention rules daily at 03:00 UTC. */
  public readonly retentionSchedule: Schedule;
  /** Sends the configuration set's bounce and complaint events (default bus) to the mail-feedback function. */
  public readonly mailFeedbackRule: Rule;
  public readonly functions: DsrFunctions;
  /** Base of the links in emails and pages. */
  public readonly publicBaseUrl: string;
  /** The staff: Cognito user pool, groups, the console's app client and sign-in domain. */
  public readonly staffIdentity: StaffIdentity;
  public readonly staffApi: StaffApi;
  /** Alarms to the DPOs by email, and the operations dashboard. */
  public readonly operations: Operations;
  /** CloudFront and WAF in front of the API, when the edge option is on. */
  public readonly edge?: EdgeProtection;
  /** The VPC the functions that reach the register's SQL databases run in, when there are any. */
  public readonly databaseNetwork: DatabaseNetwork;
  /** SES receiving for the register's privacy addresses, when it declares any. */
  public readonly inboundMail?: InboundMail;

  constructor(scope: Construct, id: string, props: DsrStackProps = {}) {
    super(scope, id, props);
    // Grant S3 log delivery through a bucket policy, not the legacy ACL, whatever the app's flags are.
    this.node.setContext('@aws-cdk/aws-s3:serverAccessLogsUseBucketPolicy', true);
    const senderEmail: string = props.senderEmail ?? (this.node.tryGetContext('senderEmail') as string | undefined) ?? 'privacy@example.org';
    const verifyTtlDays = props.verifyTtlDays ?? 7;
    const downloadTtlDays = props.downloadTtlDays ?? 7;
    this.registerSource = this.readRegister(props);
    refuseDemoValues(this.registerSource, senderEmail);
    const register = this.registerSource.register;

    // ---- Personal data at rest --------------------------------------------------------------
    this.personalDataKey = new Key(this, 'PersonalDataKey', {
      description: 'Encrypts data-subject requests, processor exports and access packages',
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.requestsTable = new RequestsTable(this, 'Requests', { encryptionKey: this.personalDataKey }).table;
    this.packageBucket = new PackageBucket(this, 'Packages', {
      encryptionKey: this.personalDataKey,
      exportsExpireAfterDays: exportsExpireAfterDays(register),
      packagesExpireAfterDays: downloadTtlDays + 1,
    }).bucket;

    const sender = this.configureSending(props, senderEmail);
    this.senderIdentity = sender.identity as EmailIdentity;
    this.sendingConfiguration = sender.configurationSet as ConfigurationSet;

    // HMAC keys are generated here, never typed in, encrypted with the personal-data key and kept
    // with the data. Neither rotates by itself; each acknowledgement says why.
    const hmacKey = (id: string, description: string, whyNotRotated: string) => {
      const secret = new Secret(this, id, {
        description,
        generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
        encryptionKey: this.personalDataKey,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      Validations.of(secret).acknowledge({ id: 'AwsSolutions-SMG4', reason: whyNotRotated });
      return secret;
    };
    // A suppression list keeps HMAC-SHA256(key, normalised address) instead of the address: without
    // the key the hashes of known addresses cannot be recomputed. Losing it makes every hash useless.
    this.suppressionKey = hmacKey(
      'SuppressionKey',
      'HMAC key of the suppression lists (keyed hashes of erased addresses); never rotated',
      'Not rotated on purpose: suppression lists keep HMAC hashes made with this key for keepDays, and a new key would stop every stored hash from matching the address it suppresses.',
    );
    // Unsubscribe links are signed with this key by the controller's mailer and checked here. It is
    // shared with the mailer only (read it from Secrets Manager there).
    this.unsubscribeKey = hmacKey(
      'UnsubscribeKey',
      "HMAC key of one-click unsubscribe links; the controllers' mailers sign their links with it",
      "Not rotated automatically: the controllers' mailers sign unsubscribe links with it, and links already sent in emails must keep working; rotate by hand with the mailers.",
    );

    // Logs hold ids, counts and error classes only, never personal data; they are encrypted with a
    // key of their own all the same, which CloudWatch Logs may use for this account's log groups only.
    this.logsKey = new Key(this, 'LogsKey', {
      description: "Encrypts the service's log groups (functions, workflow, API access logs)",
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logsKey.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal(`logs.${this.region}.amazonaws.com`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${this.partition}:logs:${this.region}:${this.account}:log-group:*` } },
      }),
    );
    // Scheduled functions are invoked asynchronously: a run that fails is recorded here (the
    // schedule's input, ids only, and the error), with no retry by Lambda; the next run does the work again.
    this.scheduledFailures = new Queue(this, 'ScheduledRunFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.scheduledFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself where failures end: the on-failure destination of the scheduled functions; a dead-letter queue behind it would only move the same records again.',
    });
    Validations.of(this.scheduledFailures).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason: 'A terminal queue: it holds the records of failed scheduled runs for operators to read, and nothing consumes it, so there is nothing to redrive.',
    });

    // ---- The SQL databases' network: only the functions that reach them run in it ------------
    this.databaseNetwork = new DatabaseNetwork(this, 'DatabaseNetwork', {
      register,
      demo: this.registerSource.demo,
      network: props.databaseNetwork ?? databaseNetworkFromContext(this),
    });
    const network = this.databaseNetwork.network;

    // ---- Functions, one per handler module ---------------------------------------------------
    // Bundled with the register read at synthesis, compiled: checked here rather than at every cold start.
    const registerFile = props.register ? undefined : writeCompiledRegister(this.registerSource, path.join(Stage.of(this)!.outdir, 'registers'));
    const fn = (
      id: string,
      entry: string,
      description: string,
      timeout = Duration.seconds(30),
      memorySize = 512,
      scheduled = false,
      reachesDatabases = false,
    ) =>
      new HouseFunction(this, id, {
        entry,
        description,
        timeout,
        memorySize,
        logEncryptionKey: this.logsKey,
        registerFile,
        ...(scheduled ? { asyncFailures: this.scheduledFailures } : {}),
        ...(reachesDatabases && network ? { network } : {}),
      });
    this.functions = {
      form: fn('Form', 'functions/handlers/subject-api/form.ts', 'GET / and /{locale}: the request form'),
      intake: fn('Intake', 'functions/handlers/subject-api/intake.ts', 'POST /v1/requests: stores a request, sends the verification email'),
      verify: fn('Verify', 'functions/handlers/subject-api/verify.ts', 'GET/POST .../verify: consumes the link token, starts the workflow'),
      status: fn('Status', 'functions/handlers/subject-api/status.ts', 'GET .../status: where a request stands'),
      download: fn('Download', 'functions/handlers/subject-api/download.ts', 'GET .../package: redirects to the access package'),
      opendsrCallback: fn(
        'OpendsrCallback',
        'functions/handlers/processor-api/opendsr-callback.ts',
        'POST /v1/opendsr/callback: signed OpenDSR status callbacks answer waiting branches',
      ),
      processorCallback: fn(
        'ProcessorCallback',
        'functions/handlers/processor-api/processor-callback.ts',
        "POST /v1/webhooks/callback/...: an organisation's own Lambda or webhook answers a waiting branch later",
      ),
      task: fn(
        'Task',
        'functions/handlers/processor-api/task.ts',
        "GET/POST /v1/tasks/...: a vendor's or staff member's one-time link answers a waiting branch",
      ),
      unsubscribe: fn(
        'Unsubscribe',
        'functions/handlers/subject-api/unsubscribe.ts',
        'GET/POST /v1/unsubscribe/...: a signed one-click unsubscribe link withdraws consent to one purpose',
      ),
      reply: fn('Reply', 'functions/handlers/subject-api/reply.ts', "POST .../reply: the subject's answer to staff's request for information"),
      mailingToolWebhook: fn(
        'MailingToolWebhook',
        'functions/handlers/processor-api/mailing-tool-webhook.ts',
        "GET/POST /v1/mailing-tools/...: a mailing tool's unsubscribe event withdraws consent to its list's purpose",
      ),
      suppressionCheck: fn(
        'SuppressionCheck',
        'functions/handlers/subject-api/suppression-check.ts',
        "POST /v1/suppression/check: whether an address is on the API key's controller's suppression lists",
        Duration.seconds(10),
        256,
      ),
      route: fn('Route', 'functions/handlers/workflow/route.ts', 'Workflow Route: review, plan and process, or answer, from what the request records'),
      awaitDecision: fn(
        'AwaitDecision',
        'functions/handlers/workflow/await-decision.ts',
        'Workflow AwaitDecision: records the review task token, emails staff',
      ),
      runProcessor: fn(
        'RunProcessor',
        'functions/handlers/workflow/run-processor.ts',
        "Workflow RunProcessor: exports or erases at one of the controller's own stores",
        Duration.minutes(5),
      ),
      runDatabaseProcessor: fn(
        'RunDatabaseProcessor',
        'functions/handlers/workflow/run-database-processor.ts',
        'Workflow RunDatabaseProcessor: exports or erases at one SQL database, in its VPC',
        Duration.minutes(5),
        512,
        false,
        true,
      ),
      awaitProcessor: fn(
        'AwaitProcessor',
        'functions/handlers/workflow/await-processor.ts',
        'Workflow AwaitProcessor: records the task token, sends the request to an async processor',
        Duration.seconds(60),
      ),
      recordBranchFailure: fn(
        'RecordBranchFailure',
        'functions/handlers/workflow/record-branch-failure.ts',
        'Workflow RecordBranchFailure: marks a branch failed',
      ),
      assemblePackage: new HouseFunction(this, 'AssemblePackage', {
        entry: 'functions/handlers/workflow/assemble-package.ts',
        description: 'Workflow AssemblePackage: zips the exports into the access package',
        timeout: Duration.minutes(5),
        memorySize: 1024,
        logEncryptionKey: this.logsKey,
        registerFile,
        nodeOptions: PACKAGE_BUILDER_NODE_OPTIONS,
      }),
      notifySubject: fn('NotifySubject', 'functions/handlers/workflow/notify-subject.ts', 'Workflow NotifySubject: the completion email'),
      finalize: fn('Finalize', 'functions/handlers/workflow/finalize.ts', 'Workflow Finalize: completes the request'),
      // Five minutes: besides re-driving, it polls OpenDSR processors, sends reminders and carries out due erasures.
      sweep: fn(
        'Sweep',
        'functions/handlers/scheduled/sweep.ts',
        'Every 15 min: closes unverified requests, re-drives open ones, watches waiting branches, erases what is due, purges closed requests',
        Duration.minutes(5),
        512,
        true,
      ),
      console: fn(
        'Console',
        'functions/handlers/staff-api/console.ts',
        'GET /console: the staff console page (signs in through Cognito, calls the staff API)',
        Duration.seconds(10),
        256,
      ),
      staffRequests: fn(
        'StaffRequests',
        'functions/handlers/staff-api/requests.ts',
        'GET /v1/staff/requests[/{requestId}[/audit]]: open requests, one request and its audit trail, for signed-in staff',
      ),
      staffDecide: fn(
        'StaffDecide',
        'functions/handlers/staff-api/decide.ts',
        'POST /v1/staff/requests/{requestId}/decisions: a staff decision, audited with who made it',
      ),
      staffReports: fn(
        'StaffReports',
        'functions/handlers/staff-api/reports.ts',
        "GET /v1/staff/reports[/requests.csv]: the dashboard's figures and the export of a period's requests",
      ),
      staffEnter: fn(
        'StaffEnter',
        'functions/handlers/staff-api/enter.ts',
        'POST /v1/staff/requests: an approver records a request that came by letter, phone, email or in person',
      ),
      // Two minutes: a digest reads a period's activity; a controller's first one with transparency counts two calendar years.
      digest: fn(
        'Digest',
        'functions/handlers/scheduled/digest.ts',
        "On each controller's digest schedule: the DPO's compliance digest (HTML and CSV), and the published transparency figures",
        Duration.minutes(2),
        512,
        true,
      ),
      transparency: fn(
        'Transparency',
        'functions/handlers/subject-api/transparency.ts',
        "GET /transparency/{controllerId}: a controller's published aggregate figures",
      ),
      openApi: fn('OpenApi', 'functions/handlers/subject-api/openapi.ts', "GET /v1/openapi.json: the API's OpenAPI 3.1 document"),
      // Ten minutes: a rule scans its whole store (paginated); erasures per run are bounded by RETENTION_BATCH_SIZE.
      retention: fn(
        'Retention',
        'functions/handlers/scheduled/retention.ts',
        "Daily: the register's retention rules report what they would erase and erase where enforced",
        Duration.minutes(10),
        512,
        true,
        true,
      ),
      // Invoked asynchronously by EventBridge: a run that failed (a service behind it down) is
      // retried twice by Lambda, then kept in the failed-runs queue, since SES sends no event again.
      mailFeedback: new HouseFunction(this, 'MailFeedback', {
        entry: 'functions/handlers/events/mail-feedback.ts',
        description: "SES bounce and complaint events: closes a request whose link bounced, escalates a bounced task, alarms on the DPO's",
        logEncryptionKey: this.logsKey,
        registerFile,
        asyncFailures: this.scheduledFailures,
        asyncRetryAttempts: 2,
      }),
      // One minute and 1 GB: a message of up to 10 MB is read whole and parsed.
      receiveEmail: fn(
        'ReceiveEmail',
        'functions/handlers/inbound/receive-email.ts',
        'SES receipt rule: a message to a privacy address becomes a request from its sender, or a draft staff triage',
        Duration.minutes(1),
        1024,
      ),
      staffInbound: fn(
        'StaffInbound',
        'functions/handlers/staff-api/inbound.ts',
        'GET/POST /v1/staff/inbound[/{draftId}]: requests by email whose right staff choose, or discard',
      ),
    };
    const f = this.functions;

    // ---- API and workflow --------------------------------------------------------------------
    const api = new SubjectApi(this, 'SubjectApi', {
      form: f.form.fn,
      intake: f.intake.fn,
      verify: f.verify.fn,
      status: f.status.fn,
      download: f.download.fn,
      opendsrCallback: f.opendsrCallback.fn,
      processorCallback: f.processorCallback.fn,
      task: f.task.fn,
      reply: f.reply.fn,
      unsubscribe: f.unsubscribe.fn,
      mailingToolWebhook: f.mailingToolWebhook.fn,
      suppressionCheck: f.suppressionCheck.fn,
      transparency: f.transparency.fn,
      openApi: f.openApi.fn,
      logEncryptionKey: this.logsKey,
    });
    this.httpApi = api.httpApi;
    const edge = props.edge ?? edgeFromContext(this);
    this.edge = edge ? new EdgeProtection(this, 'Edge', { httpApi: this.httpApi, ...edge }) : undefined;
    this.publicBaseUrl = props.publicBaseUrl ?? this.edge?.url ?? api.url;

    // Staff sign in at Cognito and call /v1/staff/* with the id token. No cycle: the app client's
    // callback URL and the console's variable depend on the API (its endpoint), the authorizer and
    // the staff routes on the pool and client; the API itself depends on neither.
    this.staffIdentity = new StaffIdentity(this, 'Staff', {
      publicBaseUrl: this.publicBaseUrl,
      domainPrefix: props.staffDomainPrefix,
    });
    this.staffApi = new StaffApi(this, 'StaffApi', {
      httpApi: this.httpApi,
      issuerUrl: this.staffIdentity.issuerUrl,
      audience: this.staffIdentity.client.userPoolClientId,
      console: f.console.fn,
      requests: f.staffRequests.fn,
      decide: f.staffDecide.fn,
      reports: f.staffReports.fn,
      enter: f.staffEnter.fn,
      inbound: f.staffInbound.fn,
    });
    // Every route, public and staff, with its group's own throttle.
    throttleRoutes(this, api.stage.node.defaultChild as CfnStage, { ...DEFAULT_ROUTE_THROTTLES, ...props.routeThrottles });

    const workflow = new RequestWorkflow(this, 'Workflow', {
      route: f.route.fn,
      awaitDecision: f.awaitDecision.fn,
      runProcessor: f.runProcessor.fn,
      runDatabaseProcessor: f.runDatabaseProcessor.fn,
      awaitProcessor: f.awaitProcessor.fn,
      recordBranchFailure: f.recordBranchFailure.fn,
      assemblePackage: f.assemblePackage.fn,
      notifySubject: f.notifySubject.fn,
      finalize: f.finalize.fn,
      logEncryptionKey: this.logsKey,
    });
    this.stateMachine = workflow.stateMachine;

    // ---- Configuration: each function's variables, each with the grant it pairs with ----------
    // The table of docs/ARCHITECTURE.md ("Configuration") is generated from these bindings and
    // checked against the synthesized template (test/infra/configuration.test.ts).
    const table = this.requestsTable;
    const bucket = this.packageBucket;
    const workflowStateMachine = this.stateMachine;
    const url = this.publicBaseUrl;
    // Every function that touches requests reads and writes them, the open-by-due index included;
    // the staff API's reads and the public transparency page only read; download reads one item; the
    // form (rendered from the bundled register) and the console page hold no data.
    f.form.bindValue('PUBLIC_BASE_URL', url);
    // Intake counts requests per address and per client IP address under keyed hashes of them
    // (functions/intake/rate-limit.ts); the counters are items of the requests table, expired by its TTL.
    // A representative's mandate is stored under entries/ (write only).
    f.intake
      .bindTable(table, 'readWrite')
      .bindBucket(bucket, 'put', ENTRIES_PREFIX)
      .bindSender(sender)
      .bindValue('PUBLIC_BASE_URL', url)
      .bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey)
      .bindValue('VERIFY_TTL_DAYS', verifyTtlDays)
      .bindValue('INTAKE_LIMIT_PER_ADDRESS', props.intakeLimitPerAddress ?? 5)
      .bindValue('INTAKE_LIMIT_PER_CLIENT', props.intakeLimitPerClient ?? 30)
      .bindValue('INTAKE_LIMIT_PER_DOMAIN', props.intakeLimitPerDomain ?? 50);
    // Confirming emails the subject's receipt.
    f.verify.bindTable(table, 'readWrite').bindStateMachine(workflowStateMachine).bindSender(sender).bindValue('PUBLIC_BASE_URL', url);
    // A withdrawal ends the request's waiting branches, and emails the subject's receipt and the
    // vendors and staff still working on it (webhooks get a signed notice and Lambdas an invocation:
    // grantInhouseProcessors; a vendor job is left to the sweep, which holds its connector's secrets).
    // An unconfirmed request's files (a mandate) are erased with it (delete only, under entries/).
    f.status
      .bindTable(table, 'readWrite')
      .bindBucket(bucket, 'delete', ENTRIES_PREFIX)
      .bindSender(sender)
      .bindValue('PUBLIC_BASE_URL', url)
      .answerTasks(workflowStateMachine);
    // Download reads the request by its key and signs a GET URL for its package: nothing else.
    f.download.bindTable(table, { actions: ['dynamodb:GetItem'] }).bindBucket(bucket, 'get', PACKAGES_PREFIX);
    // The callback fetches OpenDSR results into exports (write only) and answers the waiting branch.
    f.opendsrCallback.bindTable(table, 'readWrite').bindBucket(bucket, 'put', EXPORTS_PREFIX).answerTasks(workflowStateMachine);
    // An in-house system's later answer stores its records under exports (write only) and answers the waiting branch.
    f.processorCallback.bindTable(table, 'readWrite').bindBucket(bucket, 'put', EXPORTS_PREFIX).answerTasks(workflowStateMachine);
    grantInhouseProcessors(this, register, { submit: f.awaitProcessor, callback: f.processorCallback, withdraw: [f.status, f.sweep] });
    // The one-time links store vendors' uploads under exports (write only) and answer the waiting branch.
    f.task.bindTable(table, 'readWrite').bindBucket(bucket, 'put', EXPORTS_PREFIX).bindValue('PUBLIC_BASE_URL', url).answerTasks(workflowStateMachine);
    // A signed one-click link is a verified request, so it starts its execution too.
    f.unsubscribe.bindTable(table, 'readWrite').bindStateMachine(workflowStateMachine).bindSecret('UNSUBSCRIBE_KEY_SECRET', this.unsubscribeKey);
    f.reply.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url);
    // A mailing tool's unsubscribe is the request a one-click link makes; its webhook's key is the
    // secret the register names for that tool, read by this function only.
    f.mailingToolWebhook.bindTable(table, 'readWrite').bindStateMachine(workflowStateMachine).bindSecret('UNSUBSCRIBE_KEY_SECRET', this.unsubscribeKey);
    const webhookKeys = [...new Set(register.controllers.flatMap((c) => c.mailingTools.map((t) => t.webhookSecret)))];
    if (webhookKeys.length > 0) {
      f.mailingToolWebhook.bindStatement(
        "secretsmanager:GetSecretValue on the register's mailing-tool webhook keys",
        new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: webhookKeys.map((k) => secretArnOf(this, k)) }),
      );
    }
    // The suppression check reads suppression list entries by key (keyed hashes: the suppression
    // key), nothing else of the table, and the controllers' API keys the register names.
    f.suppressionCheck
      .bindTable(table, { actions: ['dynamodb:GetItem'], leadingKeys: ['SUPPRESS#*'] })
      .bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey);
    const apiKeys = [...new Set(register.controllers.flatMap((c) => (c.suppressionCheck ? [c.suppressionCheck.apiKeySecret] : [])))];
    if (apiKeys.length > 0) {
      f.suppressionCheck.bindStatement(
        "secretsmanager:GetSecretValue on the register's suppression-check API keys",
        new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: apiKeys.map((k) => secretArnOf(this, k)) }),
      );
    }
    // Route keeps a keyed hash of each requester's address to spot repeated requests (Art. 12(5)),
    // and tells the DPO of a failed branch nobody could.
    f.route.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url).bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey);
    // The state machine invokes AwaitDecision and AwaitProcessor, so it depends on them: their task
    // answers (a decision or an answer that came before the token was stored) go in a policy of their own.
    f.awaitDecision.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url).answerTasks(workflowStateMachine, { ownPolicy: true });
    // Run exports and erases at the controllers' own stores declared in the register, and no others;
    // erasure in suppress mode hashes addresses with the suppression key.
    f.runProcessor.bindTable(table, 'readWrite').bindBucket(bucket, 'readWrite').bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey);
    for (const statement of processorTableStatements(this, register)) f.runProcessor.bindStatement("the register's DynamoDB stores", statement);
    // The databases' branches record as the stores' do; a mask's keyed hash uses the suppression key.
    f.runDatabaseProcessor.bindTable(table, 'readWrite').bindBucket(bucket, 'readWrite').bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey);
    // Each SQL database's connection secret (and IAM database user), for the branches and the
    // retention rules that reach it; RunDatabaseProcessor and Retention are the functions in its network.
    for (const p of sqlProcessors(register)) {
      f.runDatabaseProcessor.bindDatabase(p);
      f.retention.bindDatabase(p);
    }
    // Submit sends vendors' and staff members' tasks, fetches OpenDSR results, tells a processor to suppress.
    f.awaitProcessor
      .bindTable(table, 'readWrite')
      .bindBucket(bucket, 'readWrite')
      .bindSender(sender)
      .bindValue('PUBLIC_BASE_URL', url)
      .bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey)
      .answerTasks(workflowStateMachine, { ownPolicy: true });
    // Each http processor's connector secrets, for the submit that calls the vendor and the sweep that
    // polls its jobs (and cancels one when the request is withdrawn).
    for (const p of register.controllers.flatMap((c) => c.processors)) {
      if (p.kind !== 'http') continue;
      f.awaitProcessor.bindConnector(p);
      f.sweep.bindConnector(p);
    }
    f.recordBranchFailure.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url);
    f.assemblePackage.bindTable(table, 'readWrite').bindBucket(bucket, 'readWrite');
    f.notifySubject.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url).bindValue('DOWNLOAD_TTL_DAYS', downloadTtlDays);
    f.finalize.bindTable(table, 'readWrite');
    // The sweep re-drives executions that failed, heartbeats and resumes waiting branches, polls OpenDSR
    // results, reminds and escalates, deletes a closed request's package and exports (the service's own
    // retention) and keeps the keyed hash on a request whose personal data it erases.
    f.sweep
      .bindTable(table, 'readWrite')
      .bindBucket(bucket, 'readWrite')
      .bindStateMachine(workflowStateMachine, 'states:DescribeExecution', 'states:RedriveExecution')
      .answerTasks(workflowStateMachine)
      .bindSender(sender)
      .bindValue('PUBLIC_BASE_URL', url)
      .bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey);
    // When a legal hold ends, the sweep deletes the items it kept, only at the stores whose erasure
    // mode is legal_hold; when staff lift a restriction (Art. 18(3)) it removes the marks, at the stores.
    const held = legalHoldTableStatement(this, register);
    if (held) f.sweep.bindStatement('delete items at the stores under a legal hold', held);
    const restricted = storeTables(this, register);
    if (restricted.length > 0) {
      f.sweep.bindStatement("update items at the register's stores", new PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: restricted }));
    }
    f.console.bindValue('STAFF_SIGN_IN_URL', this.staffIdentity.signInUrl).bindValue('STAFF_TOKEN_URL', this.staffIdentity.tokenUrl);
    // Staff reads are audited (functions/staff/reads.ts), and a view first records what a request owes its
    // trail (`recordOwed`, functions/platform/data/audit.ts): besides reading, only new audit events,
    // in requests' partitions (a view) or the exports' trails (a CSV), with an audit event's attributes.
    const auditAttributes = ['pk', 'sk', 'seq', 'event', 'at', 'actor', 'detail', 'prevHash', 'hash'];
    // Opening a request's file (a mandate, a letter) signs a short GET URL under entries/ (get only).
    f.staffRequests
      .bindTable(table, 'read')
      .bindTable(table, { actions: ['dynamodb:PutItem'], leadingKeys: ['REQ#*'], attributes: auditAttributes })
      .bindBucket(bucket, 'get', ENTRIES_PREFIX);
    // A decision writes to the subject and resumes the review's task, or a waiting staff task's branch.
    f.staffDecide.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url).answerTasks(workflowStateMachine);
    // Recording a request stores it and its files (under entries/, write only), emails the person
    // (verification link or receipt) and, once staff attested the identity, starts its execution.
    f.staffEnter
      .bindTable(table, 'readWrite')
      .bindBucket(bucket, 'put', ENTRIES_PREFIX)
      .bindStateMachine(workflowStateMachine)
      .bindSender(sender)
      .bindValue('PUBLIC_BASE_URL', url)
      .bindValue('VERIFY_TTL_DAYS', verifyTtlDays);
    f.staffReports.bindTable(table, 'read').bindTable(table, { actions: ['dynamodb:PutItem'], leadingKeys: ['STAFF_EXPORTS#*'], attributes: auditAttributes });
    f.digest.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url);
    f.transparency.bindTable(table, 'read');
    // A message to a privacy address: read from where SES stored it, then intake as the form's
    // (its limits count the sender's mailbox and domain under keyed hashes).
    f.receiveEmail
      .bindTable(table, 'readWrite')
      .bindBucket(bucket, 'get', INBOUND_MAIL_PREFIX)
      .bindSender(sender)
      .bindValue('PUBLIC_BASE_URL', url)
      .bindSecret('SUPPRESSION_KEY_SECRET', this.suppressionKey)
      .bindValue('VERIFY_TTL_DAYS', verifyTtlDays)
      .bindValue('INTAKE_LIMIT_PER_ADDRESS', props.intakeLimitPerAddress ?? 5)
      .bindValue('INTAKE_LIMIT_PER_CLIENT', props.intakeLimitPerClient ?? 30)
      .bindValue('INTAKE_LIMIT_PER_DOMAIN', props.intakeLimitPerDomain ?? 50);
    // Accepting a draft makes the request and sends its verification email.
    f.staffInbound.bindTable(table, 'readWrite').bindSender(sender).bindValue('PUBLIC_BASE_URL', url).bindValue('VERIFY_TTL_DAYS', verifyTtlDays);
    const privacyAddresses = [...new Set(register.controllers.flatMap((c) => c.privacyEmails))];
    if (privacyAddresses.length > 0) {
      this.inboundMail = new InboundMail(this, 'InboundMail', {
        recipients: privacyAddresses,
        bucket,
        encryptionKey: this.personalDataKey,
        receiver: f.receiveEmail.fn,
      });
      new CfnOutput(this, 'InboundRuleSetName', {
        value: this.inboundMail.ruleSet.receiptRuleSetName,
        description: 'Make it active once: aws ses set-active-receipt-rule-set --rule-set-name <this>',
      });
    }

    // ---- The sweep, every 15 minutes ---------------------------------------------------------
    const schedulerRole = new Role(this, 'SweepSchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    this.sweepSchedule = new Schedule(this, 'SweepSchedule', {
      description: 'Closes expired unverified requests and re-drives open ones',
      schedule: ScheduleExpression.rate(Duration.minutes(15)),
      // A missed run is covered by the next one; don't pile retries onto it.
      target: new ScheduleLambdaInvoke(f.sweep.fn, {
        role: schedulerRole,
        retryAttempts: 0,
        maxEventAge: Duration.minutes(15),
      }),
    });
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${this.logicalIdOf(f.sweep.fn)}.Arn>:*]`,
      reason: 'CDK grantInvoke also covers versions/aliases (ARN:*) of the one sweep function; nothing else.',
    });

    // ---- Bounces and complaints: SES events on the default bus, to one function ---------------
    // It closes a request (its open-by-due index too), escalates a branch by email and records audit events.
    // A request closed as undeliverable loses its files too (delete only, under entries/).
    f.mailFeedback.bindTable(table, 'readWrite').bindBucket(bucket, 'delete', ENTRIES_PREFIX).bindSender(sender).bindValue('PUBLIC_BASE_URL', url);
    this.mailFeedbackRule = this.configureMailFeedback(this.sendingConfiguration, f.mailFeedback);

    // ---- The DPO's digest, on each controller's own schedule -----------------------------------
    this.digestSchedules = digestSchedules(this, register, f.digest);
    this.retentionSchedule = this.configureRetention(register);

    // ---- Operations: alarms to the register's DPOs, and one dashboard -------------------------
    this.operations = new Operations(this, 'Operations', {
      stateMachine: this.stateMachine,
      scheduledFailures: this.scheduledFailures,
      httpApi: this.httpApi,
      alarmEmails: props.alarmEmails ?? register.controllers.map((c) => c.dpoEmail),
    });

    new CfnOutput(this, 'ApiUrl', { value: api.url, description: 'Base URL of the public HTTP API' });
    new CfnOutput(this, 'StateMachineArn', { value: this.stateMachine.stateMachineArn });
    new CfnOutput(this, 'RequestsTableName', { value: this.requestsTable.tableName });
    new CfnOutput(this, 'PackageBucketName', { value: this.packageBucket.bucketName });
    new CfnOutput(this, 'StaffConsoleUrl', { value: this.staffIdentity.consoleUrl, description: 'The staff console' });
    new CfnOutput(this, 'StaffUserPoolId', {
      value: this.staffIdentity.userPool.userPoolId,
      description: 'Staff user pool: invite staff here, put them in viewer/approver, set custom:controllers',
    });
  }

  /**
   * The retention sweep (functions/handlers/scheduled/retention.ts): its variables with exactly the grants
   * they pair with, and its daily schedule. It writes run records and their audit events but reads
   * nothing of the requests table, scans only the stores that declare rules, and erases only where
   * a rule is enforced.
   */
  private configureRetention(register: Register): Schedule {
    const retention = this.functions.retention;
    // Run records and their hash-chained audit events: new items (PutItem), their progress
    // (UpdateItem), and the chain's last event (Query), only in the runs' own partitions, never a
    // request's; reports (the matched records' keys) under one prefix of the package bucket, write only.
    retention
      .bindTable(this.requestsTable, {
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
        leadingKeys: ['RETENTION#*', 'RETENTION_RUN#*'],
      })
      .bindBucket(this.packageBucket, 'put', RETENTION_REPORTS_PREFIX)
      .bindValue('RETENTION_BATCH_SIZE', 500);
    for (const statement of retentionTableStatements(this, register))
      retention.bindStatement('scan the stores with retention rules; erase where enforced', statement);

    const schedulerRole = new Role(this, 'RetentionSchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
        conditions: { StringEquals: { 'aws:SourceAccount': this.account } },
      }),
    });
    const schedule = new Schedule(this, 'RetentionSchedule', {
      description: "Runs the register's retention rules: a report each, erasures where enforced",
      schedule: ScheduleExpression.cron({ minute: '0', hour: '3' }),
      // A missed day is caught up by the next (the rules find what is still due); no retries on top.
      target: new ScheduleLambdaInvoke(retention.fn, { role: schedulerRole, retryAttempts: 0, maxEventAge: Duration.hours(1) }),
    });

    const fnId = this.logicalIdOf(retention.fn);
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
      reason: 'CDK grantInvoke also covers versions/aliases (ARN:*) of the one retention function; nothing else.',
    });
    return schedule;
  }

  /**
   * The configuration set's bounce and complaint events go to the account's default event bus (the
   * only bus SES delivers to), and a rule sends those of this configuration set to the function.
   */
  private configureMailFeedback(configurationSet: ConfigurationSet, target: HouseFunction): Rule {
    const bus = EventBus.fromEventBusName(this, 'DefaultEventBus', 'default');
    configurationSet.addEventDestination('Feedback', {
      destination: EventDestination.eventBus(bus),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    return new Rule(this, 'MailFeedbackRule', {
      description: "The sending configuration set's bounces and complaints, to the mail-feedback function",
      eventBus: bus,
      eventPattern: {
        source: ['aws.ses'],
        detailType: ['Email Bounced', 'Email Complaint Received'],
        // Only this stack's mail: another stack in the account sends through its own configuration set.
        detail: { mail: { tags: { 'ses:configuration-set': [configurationSet.configurationSetName] } } },
      },
      // An event Lambda would not take (throttled past two hours) is kept with the failed runs.
      targets: [new EventLambdaTarget(target.fn, { retryAttempts: 8, maxEventAge: Duration.hours(2), deadLetterQueue: this.scheduledFailures })],
    });
  }

  /** The register named by props or context, or the demo's; a named file is production unless `demo`. */
  private readRegister(props: DsrStackProps): RegisterSource {
    const demoContext = this.node.tryGetContext('demo') as string | boolean | undefined;
    const demo = props.demo ?? (demoContext === undefined ? undefined : demoContext === true || demoContext === 'true');
    if (props.register) return { file: '(given as an object)', raw: props.register, register: props.register, demo: demo ?? true };
    const file = props.registerFile ?? (this.node.tryGetContext('register') as string | undefined);
    return readRegisterSource({ ...(file ? { file } : {}), ...(demo === undefined ? {} : { demo }) });
  }

  /**
   * The sender: a domain identity signed with Easy DKIM (its records created in the hosted zone if
   * one is given), and the configuration set every send names, which is also the identity's default.
   */
  private configureSending(props: DsrStackProps, senderEmail: string): Sender {
    const addressDomain = senderEmail.split('@')[1]?.toLowerCase();
    if (!addressDomain) throw new Error(`senderEmail must be an email address, got "${senderEmail}"`);
    const senderDomain = (props.senderDomain ?? (this.node.tryGetContext('senderDomain') as string | undefined) ?? addressDomain).toLowerCase();
    if (addressDomain !== senderDomain && !addressDomain.endsWith(`.${senderDomain}`)) {
      throw new Error(`senderEmail ${senderEmail} is not at the sender domain ${senderDomain}: change -c senderEmail or -c senderDomain`);
    }
    const zoneId = this.node.tryGetContext('hostedZoneId') as string | undefined;
    const zoneName = this.node.tryGetContext('hostedZoneName') as string | undefined;
    if (Boolean(zoneId) !== Boolean(zoneName)) throw new Error('Give both -c hostedZoneId and -c hostedZoneName, or neither');
    const zone =
      props.hostedZone ??
      (zoneId && zoneName ? PublicHostedZone.fromPublicHostedZoneAttributes(this, 'SenderZone', { hostedZoneId: zoneId, zoneName }) : undefined);
    if (zone && zone.zoneName.replace(/\.$/, '').toLowerCase() !== senderDomain) {
      throw new Error(`The hosted zone ${zone.zoneName} is not the sender domain ${senderDomain}: the DKIM records must go in the zone of that domain`);
    }

    // Bounces and complaints go on the account's suppression list; mail leaves only over TLS.
    const configurationSet = new ConfigurationSet(this, 'Sending', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
    });
    const identity = new EmailIdentity(this, 'SenderIdentity', {
      identity: zone ? Identity.publicHostedZone(zone) : Identity.domain(senderDomain),
      dkimSigning: true,
      dkimIdentity: DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT),
      configurationSet,
    });
    const sesSandbox = props.sesSandbox ?? String(this.node.tryGetContext('sesSandbox') ?? 'false') === 'true';
    if (zone === undefined) {
      // Without a hosted zone the three DKIM CNAME records are published by hand; these outputs list them.
      identity.dkimRecords.forEach((record, i) => {
        new CfnOutput(this, `SenderDkimRecord${i + 1}`, {
          value: `${record.name} CNAME ${record.value}`,
          description: `DKIM record ${i + 1} of ${senderDomain}`,
        });
      });
    }
    return {
      identity,
      address: senderEmail,
      configurationSet,
      configurationSetArn: this.formatArn({ service: 'ses', resource: 'configuration-set', resourceName: configurationSet.configurationSetName }),
      ...(sesSandbox ? { sandboxRecipients: this.formatArn({ service: 'ses', resource: 'identity', resourceName: '*' }) } : {}),
    };
  }

  private logicalIdOf(construct: Construct): string {
    return this.getLogicalId(construct.node.defaultChild as CfnElement);
  }
}

/**
 * One EventBridge Scheduler schedule per controller that declares a digest, at its expression in its
 * time zone, invoking the digest function with `{controllerId}`. An expression the local runtime
 * cannot read fails synthesis here rather than at the first firing.
 */
function digestSchedules(stack: Stack, register: Register, digest: HouseFunction): Record<string, Schedule> {
  const declaring = register.controllers.filter((c) => c.digest);
  if (!declaring.length) return {};
  const role = new Role(stack, 'DigestSchedulerRole', {
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': stack.account } } }),
  });
  const schedules: Record<string, Schedule> = {};
  for (const controller of declaring) {
    const { schedule, timezone } = controller.digest!;
    parseScheduleExpression(schedule, timezone);
    schedules[controller.id] = new Schedule(stack, `Digest${pascal(controller.id)}`, {
      description: `The DPO's compliance digest of ${controller.id}`,
      schedule: ScheduleExpression.expression(schedule, TimeZone.of(timezone)),
      // A digest is a report: one missed is covered by the next, and a retry could send it twice.
      target: new ScheduleLambdaInvoke(digest.fn, {
        role,
        input: ScheduleTargetInput.fromObject({ controllerId: controller.id }),
        retryAttempts: 0,
        maxEventAge: Duration.hours(1),
      }),
    });
  }
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${stack.getLogicalId(digest.fn.node.defaultChild as CfnElement)}.Arn>:*]`,
    reason: 'CDK grantInvoke also covers versions/aliases (ARN:*) of the one digest function; nothing else.',
  });
  return schedules;
}

const pascal = (id: string) =>
  id
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

/** The edge option from context: `-c edge=true [-c edgeWebAclArn=...] [-c edgeRateLimit=500]`; off by default. */
function edgeFromContext(stack: Stack): DsrStackProps['edge'] {
  const on = stack.node.tryGetContext('edge');
  if (on !== true && on !== 'true') return false;
  const webAclArn = stack.node.tryGetContext('edgeWebAclArn') as string | undefined;
  const rate = stack.node.tryGetContext('edgeRateLimit');
  return { ...(webAclArn ? { webAclArn } : {}), ...(rate !== undefined ? { rateLimitPer5Minutes: Number(rate) } : {}) };
}

const tableArn = (stack: Stack, name: string) => stack.formatArn({ service: 'dynamodb', resource: 'table', resourceName: name });

/** Every DynamoDB store the register declares. */
function storeTables(stack: Stack, register: Register): string[] {
  const tables = new Set<string>();
  for (const controller of register.controllers) {
    for (const processor of controller.processors) if (processor.kind === 'dynamodb') tables.add(tableArn(stack, processor.table));
  }
  return [...tables];
}

/** DeleteItem on the DynamoDB stores whose erasure is a legal hold, for deleting the held items when it ends. */
function legalHoldTableStatement(stack: Stack, register: Register): PolicyStatement | undefined {
  const tables = new Set<string>();
  for (const controller of register.controllers) {
    for (const processor of controller.processors) {
      if (processor.kind === 'dynamodb' && processor.erasure.mode === 'legal_hold') tables.add(tableArn(stack, processor.table));
    }
  }
  return tables.size > 0 ? new PolicyStatement({ actions: ['dynamodb:DeleteItem'], resources: [...tables] }) : undefined;
}

/**
 * What the retention sweep may do at each store that declares rules: learn its key and scan it
 * (every rule), delete (an enforced delete rule) and update (an enforced anonymise rule). A store
 * whose rules all run dry is only read.
 */
function retentionTableStatements(stack: Stack, register: Register): PolicyStatement[] {
  const actionsByTable = new Map<string, Set<string>>();
  for (const controller of register.controllers) {
    for (const p of controller.processors) {
      if (p.kind !== 'dynamodb' || p.retentionRules.length === 0) continue;
      const actions = actionsByTable.get(p.table) ?? new Set(['dynamodb:DescribeTable', 'dynamodb:Scan']);
      for (const rule of p.retentionRules.filter((r) => r.enforce)) actions.add(rule.action === 'delete' ? 'dynamodb:DeleteItem' : 'dynamodb:UpdateItem');
      actionsByTable.set(p.table, actions);
    }
  }
  const tablesByActions = new Map<string, string[]>();
  for (const [table, actions] of actionsByTable) {
    const signature = [...actions].sort().join(',');
    tablesByActions.set(signature, [...(tablesByActions.get(signature) ?? []), tableArn(stack, table)]);
  }
  return [...tablesByActions].map(([actions, resources]) => new PolicyStatement({ actions: actions.split(','), resources }));
}

/** Statements for the DynamoDB stores the register's processors declare: items, and the lookup index if any. */
function processorTableStatements(stack: Stack, register: Register): PolicyStatement[] {
  const tables = new Set<string>();
  const indexes = new Set<string>();
  for (const controller of register.controllers) {
    for (const processor of controller.processors) {
      if (processor.kind !== 'dynamodb') continue;
      tables.add(tableArn(stack, processor.table));
      if ('indexName' in processor.lookup) indexes.add(`${tableArn(stack, processor.table)}/index/${processor.lookup.indexName}`);
    }
  }
  const statements: PolicyStatement[] = [];
  if (tables.size > 0) {
    statements.push(
      new PolicyStatement({
        // DescribeTable: erasure learns each store's primary key from the table itself.
        actions: ['dynamodb:DescribeTable', 'dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'],
        resources: [...tables],
      }),
    );
  }
  if (indexes.size > 0) statements.push(new PolicyStatement({ actions: ['dynamodb:Query'], resources: [...indexes] }));
  return statements;
}
