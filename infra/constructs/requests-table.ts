import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import {
  ANSWERED_INDEX,
  BRANCH_OUTCOMES_INDEX,
  OPEN_INDEX,
  PURGE_INDEX,
  RECEIVED_INDEX,
  REPORTED_BRANCH_ATTRIBUTES,
  REPORTED_REQUEST_ATTRIBUTES,
} from '../../functions/platform/data/indexes';

/** Props of {@link RequestsTable}. */
export interface RequestsTableProps {
  /** Customer-managed key that encrypts the requests, which hold personal data (email, name). */
  readonly encryptionKey: IKey;
}

/**
 * The single table of data-subject requests, their per-processor branches and audit events.
 * It holds personal data, so: on-demand, point-in-time recovery, customer-managed encryption, RETAIN.
 */
export class RequestsTable extends Construct {
  public readonly table: Table;

  constructor(scope: Construct, id: string, props: RequestsTableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: 'pk', type: AttributeType.STRING },
      sortKey: { name: 'sk', type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: props.encryptionKey,
      // Losing requests would lose the controller's record of how each right was answered.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
      // Only the intake rate-limit counters carry it (functions/intake/rate-limit.ts): they expire.
      timeToLiveAttribute: 'expiresAt',
    });
    // Sparse: only open requests carry openCtl/openDue, so the sweep reads open work without a Scan.
    this.table.addGlobalSecondaryIndex({
      indexName: OPEN_INDEX,
      partitionKey: { name: 'openCtl', type: AttributeType.STRING },
      sortKey: { name: 'openDue', type: AttributeType.STRING },
      projectionType: ProjectionType.ALL,
    });
    // Only request items carry controllerId with receivedAt or completedAt, and only branch items
    // carry controllerId with finishedAt: each index holds one kind of item.
    const reportIndex = (indexName: string, sortKey: string, attributes: readonly string[]) =>
      this.table.addGlobalSecondaryIndex({
        indexName,
        partitionKey: { name: 'controllerId', type: AttributeType.STRING },
        sortKey: { name: sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.INCLUDE,
        nonKeyAttributes: attributes.filter((a) => a !== sortKey),
      });
    reportIndex(RECEIVED_INDEX, 'receivedAt', REPORTED_REQUEST_ATTRIBUTES);
    reportIndex(ANSWERED_INDEX, 'completedAt', REPORTED_REQUEST_ATTRIBUTES);
    reportIndex(BRANCH_OUTCOMES_INDEX, 'finishedAt', REPORTED_BRANCH_ATTRIBUTES);
    // Sparse too: a request carries purgeCtl/purgeAt from the write that closes it until its personal
    // data is erased, so the sweep finds the service's own retention work without a Scan. Keys only:
    // the sweep reads the request itself.
    this.table.addGlobalSecondaryIndex({
      indexName: PURGE_INDEX,
      partitionKey: { name: 'purgeCtl', type: AttributeType.STRING },
      sortKey: { name: 'purgeAt', type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });
  }
}
