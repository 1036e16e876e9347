import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, configure, type SecretSource, setting } from '../../../functions/platform/config';
import { localSecretArn } from '../../../local/secrets-endpoint';
import { serveSecrets } from '../../harness/secrets';

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe('configure, at a cold start', () => {
  it('stops on a missing or malformed variable with a message naming it', async () => {
    delete process.env.SENDER_EMAIL;
    await expect(configure('SENDER_EMAIL')).rejects.toThrow(new ConfigError('Environment variable SENDER_EMAIL is required but not set'));
    process.env.PUBLIC_BASE_URL = 'not a url';
    await expect(configure('PUBLIC_BASE_URL')).rejects.toThrow(/PUBLIC_BASE_URL must be an absolute URL/);
    process.env.PUBLIC_BASE_URL = 'ftp://example.org';
    await expect(configure('PUBLIC_BASE_URL')).rejects.toThrow(/PUBLIC_BASE_URL must be an http\(s\) URL/);
    process.env.VERIFY_TTL_DAYS = '1.5';
    await expect(configure('VERIFY_TTL_DAYS')).rejects.toThrow('Environment variable VERIFY_TTL_DAYS must be a positive whole number, got "1.5"');
    delete process.env.SUPPRESSION_KEY_SECRET;
    await expect(configure('SUPPRESSION_KEY_SECRET')).rejects.toThrow(/SUPPRESSION_KEY_SECRET is required but not set/);
    process.env.STATE_MACHINE_ARN = 'workflow';
    await expect(configure('STATE_MACHINE_ARN')).rejects.toThrow(/STATE_MACHINE_ARN must be an ARN/);
  });

  it('gives modules the checked values at call time: URLs without a trailing slash, numbers with their defaults', async () => {
    process.env.PUBLIC_BASE_URL = 'https://dsr.example.org//';
    delete process.env.DOWNLOAD_TTL_DAYS;
    process.env.INTAKE_LIMIT_PER_CLIENT = '12';
    await configure('PUBLIC_BASE_URL', 'DOWNLOAD_TTL_DAYS', 'INTAKE_LIMIT_PER_CLIENT');
    expect(setting('PUBLIC_BASE_URL')).toBe('https://dsr.example.org');
    expect(setting('DOWNLOAD_TTL_DAYS')).toBe(7);
    expect(setting('INTAKE_LIMIT_PER_CLIENT')).toBe(12);
  });

  it('refuses a variable the handler did not name, even when it is set', () => {
    process.env.RETENTION_BATCH_SIZE = '10';
    expect(() => setting('RETENTION_BATCH_SIZE')).toThrow(/RETENTION_BATCH_SIZE is not configured/);
  });
});

describe('a secret, read from Secrets Manager at cold start', () => {
  let secrets: Awaited<ReturnType<typeof serveSecrets>>;
  let reader: SecretSource;
  const key = 'a'.repeat(40);
  beforeAll(async () => {
    secrets = await serveSecrets({ SUPPRESSION_KEY_SECRET: key, UNSUBSCRIBE_KEY_SECRET: 'short' });
    Object.assign(saved, {
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
      SUPPRESSION_KEY_SECRET: process.env.SUPPRESSION_KEY_SECRET,
      UNSUBSCRIBE_KEY_SECRET: process.env.UNSUBSCRIBE_KEY_SECRET,
    });
    // The reader's client is built at import, with the endpoint serveSecrets has just set.
    ({ secrets: reader } = await import('../../../functions/platform/aws/secrets'));
  });
  afterAll(() => secrets.stop());

  it('gives modules the value, while the environment holds only the ARN', async () => {
    expect(process.env.SUPPRESSION_KEY_SECRET).toBe(localSecretArn('SUPPRESSION_KEY_SECRET'));
    await configure(reader, 'SUPPRESSION_KEY_SECRET');
    expect(setting('SUPPRESSION_KEY_SECRET')).toBe(key);
    expect(Object.values(process.env)).not.toContain(key);
  });

  it('stops on a secret too short to be a key, without saying its value', async () => {
    const error = await configure(reader, 'UNSUBSCRIBE_KEY_SECRET').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe('The secret UNSUBSCRIBE_KEY_SECRET names must be at least 32 characters');
  });

  it('stops on a secret that does not exist, naming the variable and the error class only', async () => {
    process.env.SUPPRESSION_KEY_SECRET = 'arn:aws:secretsmanager:us-east-1:000000000000:secret:gone';
    await expect(configure(reader, 'SUPPRESSION_KEY_SECRET')).rejects.toThrow(
      new ConfigError('The secret SUPPRESSION_KEY_SECRET names could not be read: ResourceNotFoundException'),
    );
  });

  it('stops when a handler names a secret and gives no reader, so no bundle carries one it does not use', async () => {
    await expect(configure('SUPPRESSION_KEY_SECRET')).rejects.toThrow(
      new ConfigError('Environment variable SUPPRESSION_KEY_SECRET names a secret, and the handler gave configure() no secrets reader'),
    );
  });
});
