/**
 * Public AWS list prices used by the cost model: Europe (Ireland), eu-west-1, on-demand, no free
 * tier (see PRICES_SOURCE for when they were read). Stockholm (eu-north-1) lists the same for
 * Step Functions; check the others there before quoting.
 */
export const PRICES = {
  /** Step Functions standard workflows, per state transition ($0.025 per 1,000). */
  stateTransition: 0.025 / 1000,
  /** Lambda on Arm (the house function's architecture), per GB-second, first tier. */
  lambdaGbSecond: 0.0000133334,
  /** Lambda, per request ($0.20 per million). */
  lambdaRequest: 0.2 / 1e6,
  /** DynamoDB on-demand write request unit ($0.7063 per million: the November 2024 price, about half the earlier $1.4135). */
  dynamoWru: 0.7063 / 1e6,
  /** DynamoDB on-demand read request unit ($0.1413 per million, halved from $0.283). */
  dynamoRru: 0.1413 / 1e6,
  /** SES outbound email ($0.10 per 1,000). */
  sesEmail: 0.1 / 1000,
  /** S3 Standard PUT, COPY, POST, LIST ($0.005 per 1,000). */
  s3Write: 0.005 / 1000,
  /** S3 Standard GET and other reads ($0.0004 per 1,000). */
  s3Read: 0.0004 / 1000,
  /** API Gateway HTTP API, per request ($1.11 per million in Ireland, first 300 million). */
  httpApiRequest: 1.11 / 1e6,
} as const;

/** When and where the prices above were read, for docs/PERFORMANCE.md. */
export const PRICES_SOURCE =
  'AWS list prices for Europe (Ireland), eu-west-1, on-demand, without free tier, from aws.amazon.com/{step-functions,lambda,dynamodb,ses,s3,api-gateway}/pricing: Step Functions re-read on 2026-11-22, the others as published in 2025 and not re-read (check them before quoting)';
