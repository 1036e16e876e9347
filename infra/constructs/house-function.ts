import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

/** The repository root: entries, the lock file and esbuild's working directory are resolved against it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** CloudFormation metadata key under which each Lambda records the module it runs (read by local). */
export const ENTRY_METADATA_KEY = 'dsr:entry';

/**
 * Lets bundled ESM code call `require` (some dependencies still do, e.g. for Node built-ins),
 * which an ES module does not have by itself.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/** Props of {@link HouseFunction}. */
export interface HouseFunctionProps {
  /** The handler module, relative to the repository root, e.g. `functions/handlers/subject-api/intake.ts`. It must export `handler`. */
  readonly entry: string;
  /** What the function is for; shown in the console. */
  readonly description?: string;
  /** @default Duration.seconds(30) */
  readonly timeout?: Duration;
  /** @default 512 */
  readonly memorySize?: number;
  /** How long the function's logs are kept. @default RetentionDays.ONE_MONTH */
  readonly logRetention?: RetentionDays;
  /**
   * The log group goes with the stack: logs must not hold personal data and expire anyway.
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;
  /** The customer-managed key the log group is encrypted with. */
  readonly logEncryptionKey?: IKey;
  /**
   * For a function invoked asynchronously (by a schedule): the on-failure destination of an
   * invocation that failed, with no retry by Lambda (the next scheduled run does the work again). Without it the function
   * is taken to be invoked synchronously only (API Gateway, Step Functions), where an error reaches
   * the caller or the workflow's Retry and Catch, and no dead-letter queue would ever be used.
   */
  readonly asyncFailures?: IQueue;
  /** Node.js options besides `--enable-source-maps` (which every function gets), e.g. V8 heap sizing. */
  readonly nodeOptions?: readonly string[];
}

/**
 * The one way this project builds a Lambda function: Node.js 24 on ARM, X-Ray tracing, an explicit
 * log group with retention, and an ESM bundle built by the local esbuild (never Docker).
 *
 * The module path is recorded as `dsr:entry` metadata on the CloudFormation resource, so the local
 * runtime runs the very same module for each synthesized Lambda. Environment variables are added by
 * the caller with `fn.addEnvironment(...)`, right next to the grant each one pairs with.
 */
export class HouseFunction extends Construct {
  /** The Lambda function. */
  public readonly fn: NodejsFunction;
  /** Where the function logs. */
  public readonly logGroup: LogGroup;
  /** The function's own role: logs to its log group only, no managed policies. */
  public readonly role: Role;
  /** The handler module, relative to the repository root. */
  public readonly entry: string;

  constructor(scope: Construct, id: string, props: HouseFunctionProps) {
    super(scope, id);
    if (path.isAbsolute(props.entry)) {
      throw new Error(`HouseFunction ${id}: entry must be relative to the repository root, got ${props.entry}`);
    }
    this.entry = props.entry.split(path.sep).join('/');

    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
      encryptionKey: props.logEncryptionKey,
    });

    // Our own role instead of AWSLambdaBasicExecutionRole, which may write to any log group.
    this.role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    this.logGroup.grantWrite(this.role);

    this.fn = new NodejsFunction(this, 'Function', {
      role: this.role,
      entry: path.join(REPO_ROOT, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      tracing: Tracing.ACTIVE,
      logGroup: this.logGroup,
      ...(props.asyncFailures ? { onFailure: new SqsDestination(props.asyncFailures), retryAttempts: 0 } : {}),
      projectRoot: REPO_ROOT,
      depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
      environment: {
        // The bundle ships source maps; this makes stack traces point at the TypeScript sources.
        NODE_OPTIONS: ['--enable-source-maps', ...(props.nodeOptions ?? [])].join(' '),
      },
      bundling: {
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        target: 'node24',
        mainFields: ['module', 'main'],
        minify: true,
        sourceMap: true,
        sourceMapMode: SourceMapMode.DEFAULT,
        sourcesContent: false,
        banner: ESM_REQUIRE_BANNER,
        // The SDK versions pinned in package-lock.json are the ones tested; don't rely on the runtime's copy.
        bundleAwsSDK: true,
      },
    });

    (this.fn.node.defaultChild as CfnFunction).addMetadata(ENTRY_METADATA_KEY, this.entry);

    this.acknowledge(
      'AwsSolutions-IAM5[Resource::*]',
      'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) do not support resource-level permissions.',
    );
    this.acknowledge(
      'Serverless-LambdaDLQ',
      props.asyncFailures
        ? 'Failed asynchronous invocations go to an on-failure destination (the same queue a dead-letter queue would be), which also records the error; a dead-letter queue besides would duplicate them.'
        : "Invoked synchronously only (API Gateway or Step Functions): an error reaches the caller or the workflow's Retry and Catch; Lambda sends only asynchronous invocations to a dead-letter queue.",
    );
  }

  /** Acknowledges a cdk-nag finding on this function and its role, with the reason it is acceptable. */
  public acknowledge(id: string, reason: string): void {
    Validations.of(this).acknowledge({ id, reason });
  }
}
