import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlProcessor } from '../../../../functions/domain/register-schema';
import { openSession, targetOf } from '../../../../functions/processors/sql/session';
import { LocalSecretsManager, localSecretArn } from '../../../../local/secrets-endpoint';

// The database's secret as RDS keeps it, without a password: IAM authentication signs one per connection.
const SECRET = {
  arn: localSecretArn('CoursesDb'),
  name: 'courses/dsr',
  value: JSON.stringify({ host: 'courses.abc.eu-north-1.rds.amazonaws.com', port: 5432, dbname: 'courses' }),
};
let endpoint: LocalSecretsManager;

beforeAll(async () => {
  endpoint = new LocalSecretsManager([SECRET]);
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = await endpoint.start(0);
  Object.assign(process.env, { AWS_REGION: 'eu-north-1', AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE', AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' });
});
afterAll(async () => endpoint?.stop());

const processor = (tls: SqlProcessor['tls']) =>
  ({
    id: 'courses',
    engine: 'postgres',
    connection: { secret: SECRET.arn, iamAuth: { resourceId: 'db-ABC123', user: 'dsr_service' } },
    tls,
    statementTimeoutMs: 1_000,
    tables: [],
  }) as unknown as SqlProcessor;

describe('a session to a database that declares RDS IAM authentication', () => {
  it('connects as the IAM user with a token signed for that host, port and user, not a stored password', async () => {
    const target = await targetOf(processor('verify'));
    expect(target).toMatchObject({ host: 'courses.abc.eu-north-1.rds.amazonaws.com', port: 5432, user: 'dsr_service', database: 'courses', iam: true });
    const token = new URL(`https://${target.password}`);
    expect(token.host).toBe('courses.abc.eu-north-1.rds.amazonaws.com:5432');
    expect(token.searchParams.get('Action')).toBe('connect');
    expect(token.searchParams.get('DBUser')).toBe('dsr_service');
    expect(token.searchParams.get('X-Amz-Credential')).toMatch(/^AKIDEXAMPLE\/\d{8}\/eu-north-1\/rds-db\/aws4_request$/);
    expect(token.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is refused without TLS, before any secret is read, naming the processor only', async () => {
    await expect(openSession(processor('off'))).rejects.toMatchObject({ name: 'IamAuthNeedsTls', message: expect.stringMatching(/^courses declares/) });
  });
});
