import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { ListExecutionsCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Emulators, startEmulators } from '../../local/emulators.ts';
import { lambdaInvoker } from '../../local/lambda-endpoint.ts';
import { PACKAGE_BUCKET } from '../../local/provision.ts';
import { SENDER_EMAIL, SES_CONFIGURATION_SET } from '../../local/runtime.ts';
import { LocalStepFunctions } from '../../local/sfn-endpoint.ts';
import { readStackModel, synthTemplate } from '../../local/synth.ts';
import {
  ANY_PORTS,
  answerDemoTasks,
  documentClient,
  freePort,
  type OwnRuntime,
  removeDir,
  requestKey,
  startOwnRuntime,
  storedRequest,
  submitConfirmed,
  TEST_OPTIONS,
  tempDataDir,
  waitForFinal,
} from '../harness';

/**
 * Bring your own emulator (docs/ARCHITECTURE.md, "Local runtime"): with DYNAMODB_ENDPOINT,
 * S3_ENDPOINT, SES_ENDPOINT and SFN_ENDPOINT set, the runtime starts none of its own and the
 * service works against those. A second set of the embedded emulators and a second Step Functions
 * endpoint stand in for DynamoDB Local, MinIO, LocalStack or Step Functions Local; the stand-in
 * Step Functions reaches the functions only over the runtime's Lambda Invoke API, as those would.
 */
const VARIABLES = ['DYNAMODB_ENDPOINT', 'S3_ENDPOINT', 'SES_ENDPOINT', 'SFN_ENDPOINT'] as const;
let standInDir: string;
let standIn: Emulators;
let sfnStandIn: LocalStepFunctions;
let sfnUrl: string;
let own: OwnRuntime;

beforeAll(async () => {
  standInDir = tempDataDir('dsr-stand-in-');
  // The stand-in SES knows the sender, as an emulator of one's own is set up to (or checks nothing).
  standIn = await startEmulators({
    dataDir: standInDir,
    ports: { dynamodb: 0, ses: 0, s3: 0 },
    ses: { verifiedIdentities: [SENDER_EMAIL.split('@')[1]!], configurationSets: [SES_CONFIGURATION_SET] },
  });
  const lambdaPort = await freePort();
  sfnStandIn = new LocalStepFunctions({
    stateMachine: readStackModel(await synthTemplate()).stateMachine,
    lambdas: lambdaInvoker(`http://127.0.0.1:${lambdaPort}`),
    retryIntervalScale: TEST_OPTIONS.retryIntervalScale,
  });
  sfnUrl = await sfnStandIn.start(0);
  // As `npm start` would be given them.
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: standIn.urls.dynamodb,
    S3_ENDPOINT: standIn.urls.s3,
    SES_ENDPOINT: standIn.urls.ses,
    SFN_ENDPOINT: sfnUrl,
  });
  own = await startOwnRuntime({ ...TEST_OPTIONS, ports: { ...ANY_PORTS, lambda: lambdaPort } }, 'dsr-own-endpoints-');
});

afterAll(async () => {
  for (const name of VARIABLES) delete process.env[name];
  await own?.stop();
  await sfnStandIn?.stop();
  await standIn?.stop();
  if (standInDir) removeDir(standInDir);
});

describe('endpoints of one’s own instead of the embedded emulators', () => {
  it('starts none of its own and names the ones it was given', () => {
    expect(own.rt.urls).toMatchObject({ dynamodbDirect: standIn.urls.dynamodb, s3: standIn.urls.s3, sfn: sfnUrl });
    // SES of one's own still sits behind the runtime's SES account checks, never kinder than SES.
    expect(own.rt.urls.ses).not.toBe(standIn.urls.ses);
    expect(own.rt.urls.lambda).toBe(`http://127.0.0.1:${own.rt.ports.lambda}`);
    expect(existsSync(join(own.dataDir, 'dynamodb'))).toBe(false);
    expect(existsSync(join(own.dataDir, 's3'))).toBe(false);
  });

  it('answers an access request with its data in those: the request, the package, the mail and the execution', async () => {
    const { requestId, statusUrl } = await submitConfirmed(own.rt, { type: 'access', email: 'dan@example.org', locale: 'en' });
    await answerDemoTasks(own.rt, requestId);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');

    const db = documentClient(standIn.urls.dynamodb);
    expect(await storedRequest(db, requestId)).toMatchObject({ ...requestKey(requestId), status: 'completed' });

    const s3 = new S3Client({
      endpoint: standIn.urls.s3,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const objects = await s3.send(new ListObjectsV2Command({ Bucket: PACKAGE_BUCKET, Prefix: `packages/${requestId}` }));
    // The ZIP, and its index as a page for a phone.
    expect(objects.Contents?.map((o) => o.Key).sort()).toEqual([`packages/${requestId}.html`, `packages/${requestId}.zip`]);

    const sfn = new SFNClient({ endpoint: sfnUrl, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const executions = await sfn.send(new ListExecutionsCommand({ stateMachineArn: own.rt.stateMachineArn }));
    expect(executions.executions).toContainEqual(expect.objectContaining({ name: requestId, status: 'SUCCEEDED' }));
  });
});
