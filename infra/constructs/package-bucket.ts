import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

/** Key prefix of one processor's export for an access request (Art. 15), read by AssemblePackage. */
export const EXPORTS_PREFIX = 'exports/';
/** Key prefix of the assembled access packages the subject downloads. */
export const PACKAGES_PREFIX = 'packages/';
/** Key prefix of the files that came with requests staff recorded (functions/intake/staff-entry.ts): no lifecycle rule, they go with the request's personal data. */
export const ENTRIES_PREFIX = 'entries/';
/** Key prefix of the retention rules' reports (the keys of the records a rule matched). */
export const RETENTION_REPORTS_PREFIX = 'retention-reports/';
/** Key prefix of the raw messages SES's receipt rule stores for the inbound email function. */
export const INBOUND_MAIL_PREFIX = 'inbound-mail/';
/** Days a raw received message is kept: it is read once, at once; the request or draft keeps what it needs. */
export const INBOUND_MAIL_EXPIRE_AFTER_DAYS = 1;

/** Props of {@link PackageBucket}. */
export interface PackageBucketProps {
  /** Customer-managed key for the exports and packages, which are personal data. */
  readonly encryptionKey: IKey;
  /** Days a processor export is kept; it only feeds the package. */
  readonly exportsExpireAfterDays: number;
  /**
   * Days a package is kept; longer than the download link lives. A backstop: the sweep deletes each
   * package (and its exports) as soon as its link expires (functions/retention/request-purge.ts).
   */
  readonly packagesExpireAfterDays: number;
  /** Days a retention rule's report is kept: long enough to check a dry run and a monthly digest. @default 90 */
  readonly retentionReportsExpireAfterDays?: number;
}

/**
 * Where access packages (the copy of Art. 15(3)) and the per-processor exports they are built from
 * live until they expire. Private, KMS-encrypted, TLS only, with server access logs in a second bucket.
 */
export class PackageBucket extends Construct {
  public readonly bucket: Bucket;
  /** Server access logs of {@link bucket}: who fetched which package, when. */
  public readonly accessLogsBucket: Bucket;

  constructor(scope: Construct, id: string, props: PackageBucketProps) {
    super(scope, id);

    this.accessLogsBucket = new Bucket(this, 'AccessLogs', {
      // S3 log delivery cannot write to SSE-KMS buckets.
      encryption: BucketEncryption.S3_MANAGED,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // The logs carry requester IP addresses: keep them as long as they serve security, no longer.
      lifecycleRules: [{ id: 'expire-access-logs', expiration: Duration.days(90) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.bucket = new Bucket(this, 'Bucket', {
      encryption: BucketEncryption.KMS,
      encryptionKey: props.encryptionKey,
      bucketKeyEnabled: true,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      // Versioning stays off: an expired or erased package must really be gone, not kept as an old version.
      versioned: false,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'package-bucket/',
      lifecycleRules: [
        { id: 'expire-exports', prefix: EXPORTS_PREFIX, expiration: Duration.days(props.exportsExpireAfterDays) },
        { id: 'expire-packages', prefix: PACKAGES_PREFIX, expiration: Duration.days(props.packagesExpireAfterDays) },
        // A report lists the keys of records a rule matched, which may identify people: kept a while, not for ever.
        { id: 'expire-retention-reports', prefix: RETENTION_REPORTS_PREFIX, expiration: Duration.days(props.retentionReportsExpireAfterDays ?? 90) },
        // Raw mail to the privacy addresses (personal data, attachments too): gone the day after it is read.
        { id: 'expire-inbound-mail', prefix: INBOUND_MAIL_PREFIX, expiration: Duration.days(INBOUND_MAIL_EXPIRE_AFTER_DAYS) },
        // ZIPs are streamed as multipart uploads; a crashed upload must not leave parts behind.
        { id: 'abort-incomplete-uploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
