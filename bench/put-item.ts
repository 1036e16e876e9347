/**
 * The intake benchmark's baseline: a Lambda behind the same local gateway that does nothing but
 * one DynamoDB PutItem of a request-sized item, with the same client the handlers use.
 */
import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { ddb } from '../functions/platform/aws/dynamodb';
import { requiredEnv } from '../functions/platform/config';

const TABLE = requiredEnv('REQUESTS_TABLE');

export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyResultV2> => {
  const requestId = randomUUID();
  const body = JSON.parse(event.body ?? '{}') as Record<string, unknown>;
  await ddb.send(
    new PutCommand({
      TableName: TABLE,
      Item: { pk: `BENCH#${requestId}`, sk: 'REQUEST', requestId, ...body, createdAt: new Date().toISOString() },
    }),
  );
  return { statusCode: 202, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ requestId }) };
};
