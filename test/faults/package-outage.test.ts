/**
 * Regression (found by the fault suite): when S3 failed while an access package was being built,
 * the ZIP stream was destroyed with the error and nothing listened for it, so the error surfaced
 * as an uncaught exception (in Lambda, or under `npm start`, the end of the process) on top of
 * the step's own failure. Now the step fails, and nothing else happens.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeServer, listen } from '../../local/http-util';

let s3: Server;
const uncaught: unknown[] = [];
const onUncaught = (e: unknown) => uncaught.push(e);

beforeAll(async () => {
  // S3 that is down: every call 503.
  s3 = createServer((req, res) => {
    req.resume();
    res.writeHead(503, { 'content-type': 'application/json' }).end('{"message":"Service Unavailable"}');
  });
  const port = await listen(s3, 0);
  Object.assign(process.env, {
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_MAX_ATTEMPTS: '1',
    AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${port}`,
    PACKAGE_BUCKET: 'dsr-packages',
    REQUESTS_TABLE: 'dsr-requests',
  });
  // The test runs AssemblePackage's code itself, with the bucket its function is given.
  const { configure } = await import('../../functions/platform/config');
  await configure('PACKAGE_BUCKET');
  process.prependListener('uncaughtException', onUncaught);
});

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await closeServer(s3);
});

it('fails the package step when S3 cannot give back an export, with no uncaught error', async () => {
  const { buildPackage } = await import('../../functions/answer/access-package');
  const { register } = await import('../../functions/platform/register');
  const controller = register.controllers.find((c) => c.id === 'demo-association')!;
  const now = new Date().toISOString();
  const request = {
    requestId: 'r-1',
    controllerId: controller.id,
    type: 'access',
    locale: 'en',
    email: 'ada@example.org',
    status: 'in_progress',
    version: 3,
    createdAt: now,
    verifyExpiresAt: now,
    statusKey: 'k',
    history: [],
    receivedAt: now,
    dueAt: now,
  };
  const branch = {
    requestId: 'r-1',
    processorId: 'members',
    kind: 'dynamodb',
    action: 'export',
    status: 'completed',
    attempts: 1,
    exportKey: 'exports/r-1/members.ndjson',
  };
  await expect(buildPackage(request as never, controller, [branch as never])).rejects.toThrow();
  await new Promise((r) => setTimeout(r, 500));
  expect(uncaught).toEqual([]);
});
