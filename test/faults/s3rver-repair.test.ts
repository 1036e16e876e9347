/**
 * Regression (found by the crash suite): s3rver writes an object's metadata file without care for
 * a crash; a SIGKILL during a PUT left it empty, s3rver answered 500 to every listing of the
 * bucket (HeadBucket included), and the local runtime could not start again. The emulators now
 * remove such half-written objects before s3rver opens the folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, HeadBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, expect, it } from 'vitest';
import { type Emulators, startEmulators } from '../../local/emulators';
import { removeDir, tempDataDir } from '../harness';

const dataDir = tempDataDir();
let emulators: Emulators | undefined;
afterAll(async () => {
  await emulators?.stop();
  removeDir(dataDir);
});

it('starts on an S3 folder where a crash cut a PUT short, without that object and with the others', async () => {
  const client = (url: string) =>
    new S3Client({
      endpoint: url,
      forcePathStyle: true,
      region: 'us-east-1',
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      maxAttempts: 1,
    });
  emulators = await startEmulators({ dataDir, ports: { dynamodb: 0, ses: 0, s3: 0 } });
  let s3 = client(emulators.urls.s3);
  await s3.send(new CreateBucketCommand({ Bucket: 'bkt' }));
  await s3.send(new PutObjectCommand({ Bucket: 'bkt', Key: 'exports/r/kept.ndjson', Body: '{"a":1}\n' }));
  await emulators.stop();
  // what a SIGKILL between the content and the metadata of a PUT leaves
  const dir = join(dataDir, 's3', 'bkt', 'exports', 'r');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'cut.ndjson._S3rver_object'), '{"b":');
  writeFileSync(join(dir, 'cut.ndjson._S3rver_metadata.json'), '');

  const lines: string[] = [];
  emulators = await startEmulators({ dataDir, ports: { dynamodb: 0, ses: 0, s3: 0 }, log: (l) => lines.push(l) });
  s3 = client(emulators.urls.s3);
  await s3.send(new HeadBucketCommand({ Bucket: 'bkt' }));
  const kept = await s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'exports/r/kept.ndjson' }));
  expect(await kept.Body!.transformToString()).toBe('{"a":1}\n');
  await expect(s3.send(new GetObjectCommand({ Bucket: 'bkt', Key: 'exports/r/cut.ndjson' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
  expect(lines).toEqual(['s3: removed 1 object(s) whose write a crash cut short']);
});
