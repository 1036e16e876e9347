import { describe, expect, it } from 'vitest';
import { expiresAt } from '../../../local/lifecycle.ts';
import { type CfnTemplate, readPackageBucket } from '../../../local/synth.ts';

/** A template with one function given PACKAGE_BUCKET and that bucket's lifecycle rules. */
const template = (rules: unknown[]): CfnTemplate => ({
  Resources: {
    Bucket: { Type: 'AWS::S3::Bucket', Properties: { LifecycleConfiguration: { Rules: rules } } },
    Fn: { Type: 'AWS::Lambda::Function', Properties: { Environment: { Variables: { PACKAGE_BUCKET: { Ref: 'Bucket' } } } } },
  },
});

describe('lifecycle rules, as S3 applies them', () => {
  it('expires an object at the midnight UTC after its write time plus the days (the S3 documentation’s example)', () => {
    const rule = { id: 'r', prefix: '', expirationDays: 3 };
    expect(new Date(expiresAt(rule, Date.parse('2014-01-15T10:30:00Z'))!).toISOString()).toBe('2014-01-19T00:00:00.000Z');
    expect(expiresAt({ id: 'abort', prefix: '', abortIncompleteUploadDays: 1 }, 0)).toBeUndefined();
  });

  it('reads the enabled rules of the bucket the functions are given, and refuses filters it cannot apply', () => {
    expect(
      readPackageBucket(
        template([
          { Id: 'exports', Prefix: 'exports/', ExpirationInDays: 128, Status: 'Enabled' },
          { Id: 'off', Prefix: 'x/', ExpirationInDays: 1, Status: 'Disabled' },
          { Id: 'abort', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 }, Status: 'Enabled' },
        ]),
      ),
    ).toEqual({
      logicalId: 'Bucket',
      lifecycleRules: [
        { id: 'exports', prefix: 'exports/', expirationDays: 128 },
        { id: 'abort', prefix: '', abortIncompleteUploadDays: 1 },
      ],
    });
    expect(() => readPackageBucket(template([{ Id: 'tagged', TagFilters: [{ Key: 'k', Value: 'v' }], ExpirationInDays: 1, Status: 'Enabled' }]))).toThrow(
      /lifecycle rule tagged: the local runtime cannot apply TagFilters/,
    );
  });
});
