import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import { PACKAGE_BUCKET } from '../../local/provision.ts';
import { answerDemoTasks, branchKey, bucketClient, linksIn, poll, REQUESTS_TABLE, submitConfirmed, useRuntime, waitForEmail, waitForFinal } from '../harness';

/**
 * The package bucket's lifecycle rules as S3 carries them out (docs/ARCHITECTURE.md, "Local
 * runtime"): read from the template, applied by the runtime's clock, which the test moves on.
 */
const local = useRuntime();
let s3: S3Client;
const DAY_MS = 86_400_000;

beforeAll(() => {
  s3 = bucketClient(local.rt.urls.s3);
});

async function exists(Key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: PACKAGE_BUCKET, Key }));
    return true;
  } catch (e) {
    if ((e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw e;
  }
}

/** The entry names of a ZIP and the text of one of them. */
function unzipEntry(buffer: Buffer, wanted: string): Promise<{ names: string[]; text?: string }> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const names: string[] = [];
      let text: string | undefined;
      zip.on('entry', (entry: yauzl.Entry) => {
        names.push(entry.fileName);
        if (entry.fileName !== wanted) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            text = Buffer.concat(chunks).toString('utf8');
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve({ names, ...(text !== undefined ? { text } : {}) }));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('the package bucket’s lifecycle, locally as in S3', () => {
  it('reads the rules from the template', () => {
    const rules = local.rt.model.packageBucket?.lifecycleRules ?? [];
    expect(rules.map((r) => r.prefix)).toEqual(expect.arrayContaining(['exports/', 'packages/']));
  });

  it('keeps a slow access request’s exports until its package is built, and expires them after', async () => {
    const email = 'bo@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email, locale: 'en' });

    // The membership register answers at once; the email vendor and the staff task will take days.
    const exportKey = await poll(
      async () => {
        const branch = (await local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: branchKey(requestId, 'members'), ConsistentRead: true }))).Item;
        return branch?.status === 'completed' ? String(branch.exportKey) : undefined;
      },
      { timeoutMs: 20_000, failure: () => 'the members branch did not complete' },
    );
    expect(await exists(exportKey)).toBe(true);

    // A week and a day on (the vendor was reminded on day 7): S3 has run its rules since.
    local.rt.clock.advance(8 * DAY_MS);
    const week = await local.rt.applyLifecycle();
    expect(week.expired.map((e) => e.key)).not.toContain(exportKey);
    expect(await exists(exportKey)).toBe(true);

    // The slowest branches answer: the package is built from every export, the early one included.
    await answerDemoTasks(local.rt, requestId);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');
    const download = linksIn(await waitForEmail(local.rt, email, 3)).find((l) => l.includes('/package?token='));
    const redirect = await fetch(download!, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const zip = await unzipEntry(Buffer.from(await (await fetch(redirect.headers.get('location')!)).arrayBuffer()), 'members.json');
    expect(zip.names).toContain('members.csv');
    expect(JSON.parse(zip.text!)).toEqual([expect.objectContaining({ email })]);

    // Past the exports rule's days, S3 deletes the export even if nothing else did.
    const rule = local.rt.model.packageBucket!.lifecycleRules.find((r) => r.prefix === 'exports/')!;
    local.rt.clock.advance(rule.expirationDays! * DAY_MS);
    const later = await local.rt.applyLifecycle();
    expect(later.expired).toContainEqual({ key: exportKey, rule: rule.id });
    expect(await exists(exportKey)).toBe(false);
  });
});
