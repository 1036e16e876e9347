import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CfnElement, Duration, RemovalPolicy, Stack, Token, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Policy, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Architecture, type CfnFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager';
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { HttpProcessor, SqlProcessor } from '../../functions/domain/register-schema';
import type { VariableName } from '../../functions/platform/config';
import { type FunctionNetwork, rdsDbUserArn, secretArnOf } from './database-network';

/** The repository root: entries, the lock file and esbuild's working directory are resolved against it. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** CloudFormation metadata key under which each Lambda records the module it runs (read by local). */
export const ENTRY_METADATA_KEY = 'dsr:entry';

/**
 * Lets bundled ESM code call `require` (some dependencies still do, e.g. for Node built-ins),
 * which an ES module does not have by itself.
 */
const ESM_REQUIRE_BANNER = "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * One environment variable of a function and the grant it pairs with, as the "Configuration" table
 * of docs/ARCHITECTURE.md lists them. `actions` are the IAM actions the grant gives (a grant CDK
 * writes gives more of the same kind), for checking the table against the synthesized template.
 */
export interface Binding {
  /** The variable; none for a grant that needs no variable (a task token travels with the work). */
  readonly variable?: VariableName;
  /** The grant, in a few words; `none` when the variable needs no permission. */
  readonly grant: string;
  readonly actions: readonly string[];
}

/**
 * Some actions on a table's items, never an index: in some partitions only (`leadingKeys`), or on
 * any item (e.g. `GetItem` alone for a function that reads one item by its key).
 */
export interface ItemActions {
  readonly actions: readonly string[];
  /** `dynamodb:LeadingKeys` patterns, e.g. `RETENTION#*`; none: any partition. */
  readonly leadingKeys?: readonly string[];
  /** The only attributes a write may name (`dynamodb:Attributes`), e.g. an audit event's. */
  readonly attributes?: readonly string[];
}

const KMS_DATA_KEY_REASON =
  'kms:GenerateDataKey* and kms:ReEncrypt* are how DynamoDB and S3 use the customer-managed personal-data key; scoped to that one key.';

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
  /**
   * Lambda's own retries of a failed asynchronous invocation before it goes to `asyncFailures`: 0
   * for a schedule (its next run does the work again), more for an event nothing would send again.
   * @default 0
   */
  readonly asyncRetryAttempts?: number;
  /** Node.js options besides `--enable-source-maps` (which every function gets), e.g. V8 heap sizing. */
  readonly nodeOptions?: readonly string[];
  /**
   * The register the function is bundled with, compiled at synthesis (an absolute path to a file
   * `writeCompiledRegister` wrote), in place of the demo's config/register.json: what `#register`
   * (package.json `imports`) resolves to. The bundle then leaves out the register's schema.
   * @default the demo register, checked at cold start
   */
  readonly registerFile?: string;
  /**
   * The VPC, subnets and security groups the function runs in (a function that reaches the
   * register's SQL databases), with the network-interface permissions Lambda uses the function's
   * role for. @default outside any VPC
   */
  readonly network?: FunctionNetwork;
}

/** How the service sends email: from which identity and address, through which configuration set. */
export interface Sender {
  readonly identity: IEmailIdentity;
  /** The From address, at the identity's domain. */
  readonly address: string;
  /** Every send names it (SESv2 `ConfigurationSetName`): suppression, TLS and reputation apply to each message. */
  readonly configurationSet: IConfigurationSet;
  /** ARN of the configuration set, the resource SendEmail is authorised on besides the identity. */
  readonly configurationSetArn: string;
  /**
   * While the account is in the SES sandbox, SES also authorises each send on the recipients'
   * identities (every recipient is a verified identity there): their ARN pattern, or none in production.
   */
  readonly sandboxRecipients?: string;
}

/**
 * The one way this project builds a Lambda function: Node.js 24 on ARM, X-Ray tracing, an explicit
 * log group with retention, and an ESM bundle built by the local esbuild (never Docker).
 *
 * The module path is recorded as `dsr:entry` metadata on the CloudFormation resource, so the local
 * runtime runs the very same module for each synthesized Lambda. Each environment variable comes
 * with the grant it pairs with, through one of the `bind...` methods; {@link bindings} lists them.
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
  /** Each variable the function is given, with its grant, in the order they were bound. */
  public readonly bindings: Binding[] = [];

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
      ...(props.network
        ? { vpc: props.network.vpc, vpcSubnets: { subnets: [...props.network.subnets] }, securityGroups: [...props.network.securityGroups] }
        : {}),
      ...(props.asyncFailures ? { onFailure: new SqsDestination(props.asyncFailures), retryAttempts: props.asyncRetryAttempts ?? 0 } : {}),
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
        ...(props.registerFile
          ? {
              esbuildArgs: {
                '--alias': `#register=${props.registerFile}`,
                // Setting conditions drops esbuild's default `module`, so it is named again.
                '--conditions': 'dsr-compiled-register,module',
              },
            }
          : {}),
        // The SDK versions pinned in package-lock.json are the ones tested; don't rely on the runtime's copy.
        bundleAwsSDK: true,
      },
    });

    (this.fn.node.defaultChild as CfnFunction).addMetadata(ENTRY_METADATA_KEY, this.entry);
    if (props.network) this.grantNetworkInterfaces(props.network);

    this.acknowledge(
      'AwsSolutions-IAM5[Resource::*]',
      props.network
        ? 'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) and ec2:DescribeNetworkInterfaces/DescribeSubnets (Lambda placing the function in its VPC) do not support resource-level permissions.'
        : 'X-Ray PutTraceSegments/PutTelemetryRecords (active tracing) do not support resource-level permissions.',
    );
    this.acknowledge(
      'Serverless-LambdaDLQ',
      props.asyncFailures
        ? 'Failed asynchronous invocations go to an on-failure destination (the same queue a dead-letter queue would be), which also records the error; a dead-letter queue besides would duplicate them.'
        : "Invoked synchronously only (API Gateway or Step Functions): an error reaches the caller or the workflow's Retry and Catch; Lambda sends only asynchronous invocations to a dead-letter queue.",
    );
  }

  /**
   * The table's name in `variable` with read (`read`), read/write (`readWrite`) on its items and
   * indexes, or only some actions on its items (in some partitions), never an index.
   */
  public bindTable(table: ITable, access: 'read' | 'readWrite' | ItemActions, variable: VariableName = 'REQUESTS_TABLE'): this {
    this.fn.addEnvironment(variable, table.tableName);
    const tableArn = `<${this.logicalIdOf(table)}.Arn>`;
    if (access === 'read' || access === 'readWrite') {
      if (access === 'read') table.grantReadData(this.fn);
      else table.grantReadWriteData(this.fn);
      this.bind({
        variable,
        grant: access === 'read' ? 'read items and indexes' : 'read and write items and indexes',
        actions: access === 'read' ? ['dynamodb:GetItem', 'dynamodb:Query'] : ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
      });
      this.acknowledge(
        `AwsSolutions-IAM5[Resource::${tableArn}/index/*]`,
        access === 'read'
          ? 'Read-only on the requests table includes its indexes: the staff list and dashboard query the open-by-due and report indexes; only this table.'
          : 'Read/write on the requests table includes its indexes (the sparse open-by-due index); only this table.',
      );
    } else {
      const { leadingKeys } = access;
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: [...access.actions],
          resources: [table.tableArn],
          ...(leadingKeys || access.attributes
            ? {
                conditions: {
                  ...(leadingKeys ? { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [...leadingKeys] } } : {}),
                  ...(access.attributes ? { 'ForAllValues:StringEquals': { 'dynamodb:Attributes': [...access.attributes] } } : {}),
                },
              }
            : {}),
        }),
      );
      const readOnly = access.actions.every((a) => a === 'dynamodb:GetItem' || a === 'dynamodb:Query');
      if (readOnly) table.encryptionKey?.grantDecrypt(this.fn);
      else table.encryptionKey?.grantEncryptDecrypt(this.fn);
      const only = access.attributes ? `, of attributes ${access.attributes.join(', ')} only` : '';
      this.bind({
        variable,
        grant: `${access.actions.join(', ')} ${leadingKeys ? `in partitions ${leadingKeys.join(', ')} only` : 'on its items'}${only}, no index`,
        actions: access.actions,
      });
      if (readOnly) return this;
    }
    if (access !== 'read' && table.encryptionKey) {
      this.acknowledge('AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', KMS_DATA_KEY_REASON);
      this.acknowledge('AwsSolutions-IAM5[Action::kms:ReEncrypt*]', KMS_DATA_KEY_REASON);
    }
    return this;
  }

  /**
   * The bucket's name in `variable` with read or read/write on its objects, or one action on the
   * objects under `prefix` only: `get` (s3:GetObject, e.g. signing a download link), `put`
   * (s3:PutObject, writing new objects) or `delete` (s3:DeleteObject, erasing them), with the
   * bucket key's use that action needs.
   */
  public bindBucket(
    bucket: IBucket,
    access: 'read' | 'readWrite' | 'get' | 'put' | 'delete',
    prefix?: string,
    variable: VariableName = 'PACKAGE_BUCKET',
  ): this {
    this.fn.addEnvironment(variable, bucket.bucketName);
    const objects = prefix ? `${prefix}*` : '*';
    const bucketArn = `<${this.logicalIdOf(bucket)}.Arn>`;
    if (access === 'get' || access === 'put' || access === 'delete') {
      const action = access === 'get' ? 's3:GetObject' : access === 'put' ? 's3:PutObject' : 's3:DeleteObject';
      this.fn.addToRolePolicy(new PolicyStatement({ actions: [action], resources: [bucket.arnForObjects(objects)] }));
      // Reading an SSE-KMS object needs Decrypt; writing one needs a data key (a multipart upload also Decrypt, which the table's grant gives); deleting needs neither.
      if (access === 'get') bucket.encryptionKey?.grantDecrypt(this.fn);
      else if (access === 'put') bucket.encryptionKey?.grantEncrypt(this.fn);
      this.bind({ variable, grant: `${action} only${prefix ? `, under \`${prefix}\`` : ''}`, actions: [action] });
      this.acknowledge(
        `AwsSolutions-IAM5[Resource::${bucketArn}/${objects}]`,
        access === 'get'
          ? prefix === 'inbound-mail/'
            ? 'SES names each received message by its message id (inbound-mail/<messageId>): GetObject only, under that one prefix of this bucket.'
            : 'Objects are named per request (packages/<requestId>.zip, entries/<requestId>/...): GetObject only, under that one prefix of this bucket.'
          : access === 'put'
            ? 'Objects are named per request, processor and run (exports/<requestId>/..., entries/<requestId>/..., retention-reports/<controller>/...): PutObject only, under that one prefix of this bucket.'
            : "A request's files are named per request (entries/<requestId>/...): DeleteObject only, under that one prefix of this bucket.",
      );
      if (access === 'put' && bucket.encryptionKey) {
        this.acknowledge('AwsSolutions-IAM5[Action::kms:GenerateDataKey*]', KMS_DATA_KEY_REASON);
        this.acknowledge('AwsSolutions-IAM5[Action::kms:ReEncrypt*]', KMS_DATA_KEY_REASON);
      }
      return this;
    }
    if (access === 'read') bucket.grantRead(this.fn, objects);
    else bucket.grantReadWrite(this.fn, objects);
    this.bind({
      variable,
      grant: access === 'read' ? 'read objects' : 'read, write and delete objects',
      actions: access === 'read' ? ['s3:GetObject*'] : ['s3:GetObject*', 's3:PutObject', 's3:DeleteObject*'],
    });
    this.acknowledge(
      `AwsSolutions-IAM5[Resource::${bucketArn}/${objects}]`,
      'Object keys are per request (exports/<requestId>/..., packages/<requestId>.zip), so the grant covers the objects of this one bucket.',
    );
    this.acknowledge('AwsSolutions-IAM5[Action::s3:GetObject*]', 'CDK grantRead: GetObject plus its version/ACL/tagging reads on this bucket only.');
    this.acknowledge('AwsSolutions-IAM5[Action::s3:GetBucket*]', 'CDK grantRead: bucket location/metadata reads the SDK needs, on this bucket only.');
    this.acknowledge('AwsSolutions-IAM5[Action::s3:List*]', 'CDK grantRead: listing this bucket (HeadObject gives 404 not 403 with it), this bucket only.');
    if (access === 'readWrite') {
      this.acknowledge('AwsSolutions-IAM5[Action::s3:DeleteObject*]', 'CDK grantReadWrite: exports and packages are replaced on re-runs; this bucket only.');
      this.acknowledge(
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'CDK grantReadWrite: aborting multipart uploads of streamed ZIPs and large results; this bucket only.',
      );
    }
    return this;
  }

  /**
   * The state machine's ARN in `STATE_MACHINE_ARN` with `states:StartExecution`, and any of
   * `executionActions` (e.g. `states:DescribeExecution`) on its executions.
   */
  public bindStateMachine(stateMachine: IStateMachine, ...executionActions: string[]): this {
    this.fn.addEnvironment('STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    stateMachine.grantStartExecution(this.fn);
    this.bind({ variable: 'STATE_MACHINE_ARN', grant: 'start executions', actions: ['states:StartExecution'] });
    if (executionActions.length > 0) {
      stateMachine.grantExecution(this.fn, ...executionActions);
      this.bind({ variable: 'STATE_MACHINE_ARN', grant: `${executionActions.join(', ')} on its executions`, actions: executionActions });
      // cdk-nag names the region and account as tokens in an environment-agnostic stack, as values otherwise.
      const stack = Stack.of(this);
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
      this.acknowledge(
        `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${region}:${account}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${this.logicalIdOf(stateMachine)}"}]}]}:*]`,
        'Describe/redrive any execution of this one state machine; executions are named by request id, unknown in advance.',
      );
    }
    return this;
  }

  /**
   * Answering the state machine's waiting tasks (`SendTaskSuccess/Failure/Heartbeat`): no variable,
   * the token comes with the work. `ownPolicy` puts the statement in a policy nothing depends on,
   * for a function the state machine invokes (a grant in its default policy would close a cycle).
   */
  public answerTasks(stateMachine: IStateMachine, opts: { ownPolicy?: boolean } = {}): this {
    const actions = ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'];
    if (opts.ownPolicy) {
      new Policy(this, 'TaskResponse', {
        roles: [this.role],
        statements: [new PolicyStatement({ actions, resources: [stateMachine.stateMachineArn] })],
      });
    } else {
      stateMachine.grantTaskResponse(this.fn);
    }
    this.bind({ grant: 'answer waiting tasks of the state machine', actions });
    return this;
  }

  /**
   * The sender's address in `SENDER_EMAIL` and its configuration set's name in
   * `SES_CONFIGURATION_SET`, with `ses:SendEmail` on that identity and configuration set only (and,
   * in the sandbox, on the verified recipients' identities).
   */
  public bindSender(sender: Sender): this {
    this.fn.addEnvironment('SENDER_EMAIL', sender.address);
    this.fn.addEnvironment('SES_CONFIGURATION_SET', sender.configurationSet.configurationSetName);
    const resources = [sender.identity.emailIdentityArn, sender.configurationSetArn];
    if (sender.sandboxRecipients) resources.push(sender.sandboxRecipients);
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['ses:SendEmail'], resources }));
    this.bind({ variable: 'SENDER_EMAIL', grant: 'send email from that identity', actions: ['ses:SendEmail'] });
    this.bind({ variable: 'SES_CONFIGURATION_SET', grant: 'send email through that configuration set', actions: ['ses:SendEmail'] });
    if (sender.sandboxRecipients) {
      this.acknowledge(
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]',
        "Only while the account is in the SES sandbox (-c sesSandbox=true): SES then authorises each send on the recipient's identity too, and every recipient is a verified identity of this account and region.",
      );
    }
    return this;
  }

  /**
   * A secret's ARN in `variable`, with `secretsmanager:GetSecretValue` on that one secret (and the
   * use of its key through Secrets Manager): the function reads the value at cold start
   * (`configure`), so the value is never in the function's environment or the template.
   */
  public bindSecret(variable: VariableName, secret: ISecret): this {
    this.fn.addEnvironment(variable, secret.secretArn);
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secret.secretArn] }));
    if (secret.encryptionKey) {
      this.fn.addToRolePolicy(
        new PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [secret.encryptionKey.keyArn],
          conditions: { StringEquals: { 'kms:ViaService': `secretsmanager.${Stack.of(this).region}.amazonaws.com` } },
        }),
      );
    }
    this.bind({ variable, grant: 'secretsmanager:GetSecretValue on that secret', actions: ['secretsmanager:GetSecretValue'] });
    return this;
  }

  /**
   * A `sql` processor's database: `secretsmanager:GetSecretValue` on its connection secret (read
   * when a branch opens a session), and `rds-db:connect` as its IAM database user if it declares
   * one. A connection by URL (the demo's, locally) needs no grant. No variable: the secret is named
   * by the register the function is bundled with.
   */
  public bindDatabase(p: SqlProcessor): this {
    if (!('secret' in p.connection)) return this;
    const stack = Stack.of(this);
    this.bindStatement(
      "secretsmanager:GetSecretValue on each sql processor's connection secret",
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [secretArnOf(stack, p.connection.secret)] }),
    );
    if (p.connection.iamAuth) {
      this.bindStatement(
        "rds-db:connect as each sql processor's IAM database user",
        new PolicyStatement({ actions: ['rds-db:connect'], resources: [rdsDbUserArn(stack, p.connection.iamAuth)] }),
      );
    }
    return this;
  }

  /**
   * An `http` processor's connector: `secretsmanager:GetSecretValue` on each secret the register
   * names for it (read when a branch calls the vendor). No variable: the register the function is
   * bundled with names them. Its rate limit lives in the requests table the function already writes.
   */
  public bindConnector(p: HttpProcessor): this {
    const names = [...new Set(Object.values(p.secrets))];
    if (!names.length) return this;
    const stack = Stack.of(this);
    this.bindStatement(
      "secretsmanager:GetSecretValue on each http processor's connector secrets",
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: names.map((n) => secretArnOf(stack, n)) }),
    );
    return this;
  }

  /** A plain value that needs no permission (a URL, a number of days, a limit). */
  public bindValue(variable: VariableName, value: string | number): this {
    this.fn.addEnvironment(variable, String(value));
    this.bind({ variable, grant: 'none', actions: [] });
    return this;
  }

  /** A grant that needs no variable, recorded for the table (e.g. the register's own stores). */
  public bindStatement(grant: string, statement: PolicyStatement): this {
    this.fn.addToRolePolicy(statement);
    this.bind({ grant, actions: statement.actions });
    return this;
  }

  /**
   * What Lambda does with the function's role to place it in its VPC (what the managed policy
   * AWSLambdaVPCAccessExecutionRole gives, narrowed): network interfaces created only in the given
   * subnets with the given security groups; the describes have no resource-level permissions.
   */
  private grantNetworkInterfaces(network: FunctionNetwork): void {
    const stack = Stack.of(this);
    const ec2 = (resource: string, name: string) => stack.formatArn({ service: 'ec2', resource, resourceName: name });
    const interfaces = ec2('network-interface', '*');
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ec2:CreateNetworkInterface'],
        resources: [
          interfaces,
          ...network.subnets.map((s) => ec2('subnet', s.subnetId)),
          ...network.securityGroups.map((g) => ec2('security-group', g.securityGroupId)),
        ],
      }),
    );
    this.fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ec2:DeleteNetworkInterface', 'ec2:AssignPrivateIpAddresses', 'ec2:UnassignPrivateIpAddresses'],
        resources: [interfaces],
      }),
    );
    this.fn.addToRolePolicy(new PolicyStatement({ actions: ['ec2:DescribeNetworkInterfaces', 'ec2:DescribeSubnets'], resources: ['*'] }));
    this.bind({
      grant: "create and remove its network interfaces in the database network's subnets",
      actions: ['ec2:CreateNetworkInterface', 'ec2:DeleteNetworkInterface', 'ec2:DescribeNetworkInterfaces'],
    });
    this.acknowledge(
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ec2:<AWS::Region>:<AWS::AccountId>:network-interface/*]',
      "Lambda creates and removes the function's network interfaces with its role, under ids unknown in advance; creation is limited to the given subnets and security groups.",
    );
  }

  private bind(binding: Binding): void {
    this.bindings.push(binding);
  }

  private logicalIdOf(construct: Construct): string {
    return Stack.of(this).getLogicalId(construct.node.defaultChild as CfnElement);
  }

  /** Acknowledges a cdk-nag finding on this function and its role, with the reason it is acceptable. */
  public acknowledge(id: string, reason: string): void {
    Validations.of(this).acknowledge({ id, reason });
  }
}
