import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, configure, setting } from '../../../functions/platform/config';

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

describe('configure, at a cold start', () => {
  it('stops on a missing or malformed variable with a message naming it', () => {
    delete process.env.SENDER_EMAIL;
    expect(() => configure('SENDER_EMAIL')).toThrow(new ConfigError('Environment variable SENDER_EMAIL is required but not set'));
    process.env.PUBLIC_BASE_URL = 'not a url';
    expect(() => configure('PUBLIC_BASE_URL')).toThrow(/PUBLIC_BASE_URL must be an absolute URL/);
    process.env.PUBLIC_BASE_URL = 'ftp://example.org';
    expect(() => configure('PUBLIC_BASE_URL')).toThrow(/PUBLIC_BASE_URL must be an http\(s\) URL/);
    process.env.VERIFY_TTL_DAYS = '1.5';
    expect(() => configure('VERIFY_TTL_DAYS')).toThrow('Environment variable VERIFY_TTL_DAYS must be a positive whole number, got "1.5"');
    process.env.SUPPRESSION_KEY = 'short';
    expect(() => configure('SUPPRESSION_KEY')).toThrow(/SUPPRESSION_KEY must be at least 32 characters/);
    process.env.STATE_MACHINE_ARN = 'workflow';
    expect(() => configure('STATE_MACHINE_ARN')).toThrow(/STATE_MACHINE_ARN must be an ARN/);
  });

  it('gives modules the checked values at call time: URLs without a trailing slash, numbers with their defaults', () => {
    process.env.PUBLIC_BASE_URL = 'https://dsr.example.org//';
    delete process.env.DOWNLOAD_TTL_DAYS;
    process.env.INTAKE_LIMIT_PER_CLIENT = '12';
    configure('PUBLIC_BASE_URL', 'DOWNLOAD_TTL_DAYS', 'INTAKE_LIMIT_PER_CLIENT');
    expect(setting('PUBLIC_BASE_URL')).toBe('https://dsr.example.org');
    expect(setting('DOWNLOAD_TTL_DAYS')).toBe(7);
    expect(setting('INTAKE_LIMIT_PER_CLIENT')).toBe(12);
  });

  it('refuses a variable the handler did not name, even when it is set', () => {
    process.env.RETENTION_BATCH_SIZE = '10';
    expect(() => setting('RETENTION_BATCH_SIZE')).toThrow(/RETENTION_BATCH_SIZE is not configured/);
  });
});
