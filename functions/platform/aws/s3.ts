import { S3Client } from '@aws-sdk/client-s3';

/**
 * The one S3 client of a function. Path-style addressing works with AWS and with emulators
 * reached through AWS_ENDPOINT_URL_S3 alike.
 */
export const s3 = new S3Client({ forcePathStyle: true });
