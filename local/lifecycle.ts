/**
 * A bucket's lifecycle rules, carried out against the local S3 (s3rver ignores them): the rules
 * come from the synthesized template, the time from the runtime's clock. S3 computes an object's
 * expiry as its write time plus the rule's days, rounded up to the next midnight UTC, and removes
 * it some time after; here it is removed on the next pass (hourly, or when a test asks).
 */
import { DeleteObjectCommand, paginateListObjectsV2, type S3Client } from '@aws-sdk/client-s3';
import type { LifecycleRuleModel } from './synth.ts';

const DAY_MS = 86_400_000;

/** When an object written at `writtenAt` expires under `rule` (ms since the epoch), or undefined if the rule never expires it. */
export function expiresAt(rule: LifecycleRuleModel, writtenAt: number): number | undefined {
  const at: number[] = [];
  if (rule.expirationDays !== undefined) at.push(Math.ceil((writtenAt + rule.expirationDays * DAY_MS) / DAY_MS) * DAY_MS);
  if (rule.expirationDate !== undefined) at.push(Date.parse(rule.expirationDate));
  return at.length ? Math.min(...at) : undefined;
}

/** One pass of a bucket's lifecycle. */
export interface LifecyclePass {
  /** The keys that expired and were deleted, each with the rule that expired it. */
  expired: { key: string; rule: string }[];
}

/**
 * Deletes every object of `bucket` that one of `rules` has expired by `now`. The rules are read in
 * full, as S3 does: when two rules match an object, the earlier expiry wins.
 */
export async function applyLifecycle(s3: S3Client, bucket: string, rules: readonly LifecycleRuleModel[], now: number): Promise<LifecyclePass> {
  const expiring = rules.filter((r) => r.expirationDays !== undefined || r.expirationDate !== undefined);
  const expired: LifecyclePass['expired'] = [];
  if (!expiring.length) return { expired };
  for await (const page of paginateListObjectsV2({ client: s3 }, { Bucket: bucket })) {
    for (const object of page.Contents ?? []) {
      const key = object.Key!;
      const writtenAt = object.LastModified?.getTime();
      if (writtenAt === undefined) continue;
      const due = expiring
        .filter((r) => key.startsWith(r.prefix))
        .map((r) => ({ rule: r.id, at: expiresAt(r, writtenAt)! }))
        .sort((a, b) => a.at - b.at)[0];
      if (!due || due.at > now) continue;
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key }));
      expired.push({ key, rule: due.rule });
    }
  }
  return { expired };
}
