/**
 * How the functions that reach the register's `sql` processors get to the databases in AWS: the VPC
 * they run in (given to the stack, never looked up: synthesis stays offline), the gateway endpoints
 * it may be given for DynamoDB and S3, and the ARNs the connection secrets and IAM database users
 * are granted on. docs/ARCHITECTURE.md ("SQL databases in AWS") and README ("Deploy it") say
 * what else such a VPC needs.
 */
import { Annotations, ArnFormat, Fn, type Stack } from 'aws-cdk-lib';
import { CfnVPCEndpoint, GatewayVpcEndpointAwsService, type ISecurityGroup, type ISubnet, type IVpc, SecurityGroup, Subnet, Vpc } from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import type { Register, SqlProcessor } from '../../functions/domain/register-schema';

/** The network the stack is given for its SQL databases: ids of what already exists. */
export interface DatabaseNetworkProps {
  /** The VPC the databases are reachable from, e.g. `vpc-0abc...`. */
  readonly vpcId: string;
  /** Private subnets of that VPC the functions run in (one per Availability Zone, two or more advised). */
  readonly subnetIds: readonly string[];
  /** Security groups of the functions: the databases' groups must admit them on the database port. */
  readonly securityGroupIds: readonly string[];
  /**
   * Route tables of those subnets: gateway endpoints for DynamoDB and S3 (free of charge) are
   * created on them, so the functions reach both without a NAT gateway.
   * @default none created (a NAT gateway or endpoints of one's own)
   */
  readonly gatewayEndpointRouteTableIds?: readonly string[];
}

/** What a function is placed in: the imported VPC, subnets and security groups. */
export interface FunctionNetwork {
  readonly vpc: IVpc;
  readonly subnets: readonly ISubnet[];
  readonly securityGroups: readonly ISecurityGroup[];
}

/** Every `sql` processor of the register, whichever controller declares it. */
export function sqlProcessors(register: Register): SqlProcessor[] {
  return register.controllers.flatMap((c) => c.processors.filter((p): p is SqlProcessor => p.kind === 'sql'));
}

/** Splits a context list: `a,b` or a JSON array. */
function list(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return String(value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The network from context: `-c databaseVpcId=vpc-... -c databaseSubnetIds=subnet-a,subnet-b
 * -c databaseSecurityGroupIds=sg-... [-c databaseRouteTableIds=rtb-a,rtb-b]`; none without a VPC id.
 */
export function databaseNetworkFromContext(scope: Construct): DatabaseNetworkProps | undefined {
  const vpcId = scope.node.tryGetContext('databaseVpcId') as string | undefined;
  if (!vpcId) return undefined;
  const routeTables = list(scope.node.tryGetContext('databaseRouteTableIds'));
  return {
    vpcId,
    subnetIds: list(scope.node.tryGetContext('databaseSubnetIds')),
    securityGroupIds: list(scope.node.tryGetContext('databaseSecurityGroupIds')),
    ...(routeTables.length ? { gatewayEndpointRouteTableIds: routeTables } : {}),
  };
}

/**
 * Whether a register may go without a network: only a demo whose SQL databases are all given by a
 * URL, which is the demo's own database on the machine `npm start` runs on, reachable from no Lambda.
 */
function demoDatabasesOnly(processors: readonly SqlProcessor[], demo: boolean): boolean {
  return demo && processors.every((p) => 'url' in p.connection);
}

/**
 * The database network of a stack: the imported VPC, subnets and security groups, and the gateway
 * endpoints when route tables are given. Undefined when the register has no `sql` processor, or is
 * a demo whose databases are local-only (with a warning). A register with `sql` processors and no
 * network fails synthesis, naming them and what to give.
 */
export class DatabaseNetwork extends Construct {
  /** What the functions that reach the databases are placed in; none when nothing needs it. */
  public readonly network?: FunctionNetwork;

  constructor(scope: Construct, id: string, props: { register: Register; demo: boolean; network?: DatabaseNetworkProps }) {
    super(scope, id);
    const processors = sqlProcessors(props.register);
    const given = props.network;
    if (processors.length === 0) {
      if (given) Annotations.of(this).addWarning('A database network is given but the register declares no sql processor: no function is placed in it.');
      return;
    }
    if (!given) {
      if (demoDatabasesOnly(processors, props.demo)) {
        Annotations.of(this).addWarning(
          `The demo's sql processors (${processors.map((p) => p.id).join(', ')}) reach a database on the machine that runs \`npm start\`: deployed without a VPC, their branches fail as DatabaseUnavailable and go to staff.`,
        );
        return;
      }
      throw new Error(
        `The register declares sql processors (${processors.map((p) => p.id).join(', ')}) but the stack is given no VPC to reach them from: ` +
          'give -c databaseVpcId=vpc-... -c databaseSubnetIds=subnet-a,subnet-b -c databaseSecurityGroupIds=sg-... (or the databaseNetwork prop); README, "Deploy it"',
      );
    }
    // EC2 ids: the kind, then 8 or 17 hexadecimal digits.
    const ec2Id = (kind: string) => new RegExp(`^${kind}-([0-9a-f]{8}|[0-9a-f]{17})$`);
    if (!ec2Id('vpc').test(given.vpcId)) throw new Error(`databaseVpcId must be a VPC id (vpc-...), got "${given.vpcId}"`);
    if (given.subnetIds.length === 0) throw new Error('The database network needs its subnets: -c databaseSubnetIds=subnet-a,subnet-b');
    if (given.securityGroupIds.length === 0) throw new Error("The database network needs the functions' security groups: -c databaseSecurityGroupIds=sg-...");
    const bad = [
      ...given.subnetIds.filter((s) => !ec2Id('subnet').test(s)),
      ...given.securityGroupIds.filter((s) => !ec2Id('sg').test(s)),
      ...(given.gatewayEndpointRouteTableIds ?? []).filter((s) => !ec2Id('rtb').test(s)),
    ];
    if (bad.length) throw new Error(`Not a subnet, security group or route table id: ${bad.join(', ')}`);

    // Imported by id, not looked up: synthesis needs no AWS account. The zones are a token (they
    // only matter to selecting subnets by type, and the functions' subnets are named).
    const vpc = Vpc.fromVpcAttributes(this, 'Vpc', { vpcId: given.vpcId, availabilityZones: Fn.getAzs() });
    Annotations.of(vpc).acknowledgeWarning('@aws-cdk/aws-ec2:vpcAttributeIsListTokenavailabilityZones', 'No subnet is selected by type or zone.');
    const subnets = given.subnetIds.map((s, i) => {
      const subnet = Subnet.fromSubnetId(this, `Subnet${i}`, s);
      Annotations.of(subnet).acknowledgeWarning('@aws-cdk/aws-ec2:noSubnetRouteTableId', 'Only placed in; its route table is never read.');
      return subnet;
    });
    // Immutable: the operator's groups are not given rules by this stack.
    const securityGroups = given.securityGroupIds.map((g, i) => SecurityGroup.fromSecurityGroupId(this, `SecurityGroup${i}`, g, { mutable: false }));
    this.network = { vpc, subnets, securityGroups };

    const routeTableIds = given.gatewayEndpointRouteTableIds ?? [];
    if (routeTableIds.length > 0) {
      for (const [name, service] of [
        ['DynamoDbEndpoint', GatewayVpcEndpointAwsService.DYNAMODB],
        ['S3Endpoint', GatewayVpcEndpointAwsService.S3],
      ] as const) {
        new CfnVPCEndpoint(this, name, { vpcId: given.vpcId, serviceName: service.name, vpcEndpointType: 'Gateway', routeTableIds: [...routeTableIds] });
      }
    }
  }
}

/**
 * The ARN a connection secret is granted on: a full ARN as given; a name with the six characters
 * Secrets Manager appends to it (`name-??????`), since the name alone is not its ARN.
 */
export function secretArnOf(stack: Stack, ref: string): string {
  if (ref.startsWith('arn:')) return ref;
  return stack.formatArn({ service: 'secretsmanager', resource: 'secret', resourceName: `${ref}-??????`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
}

/** The database user an IAM token may connect as: `arn:...:rds-db:<region>:<account>:dbuser:<resource id>/<user>`. */
export function rdsDbUserArn(stack: Stack, iamAuth: NonNullable<Extract<SqlProcessor['connection'], { secret: string }>['iamAuth']>): string {
  return stack.formatArn({
    service: 'rds-db',
    resource: 'dbuser',
    resourceName: `${iamAuth.resourceId}/${iamAuth.user}`,
    arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    ...(iamAuth.region ? { region: iamAuth.region } : {}),
  });
}
