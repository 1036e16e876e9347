import { describe, expect, it } from 'vitest';
import type { SqlProcessor } from '../../../../functions/domain/register-schema';
import { openSession } from '../../../../functions/processors/sql/session';

describe('a session to a database that declares RDS IAM authentication', () => {
  it('is refused as not built, before any secret is read or connection made, naming the processor only', async () => {
    const p = {
      id: 'courses',
      engine: 'postgres',
      // A secret that does not exist anywhere: reading it would fail differently.
      connection: { secret: 'arn:aws:secretsmanager:eu-north-1:111122223333:secret:nowhere-AbCdEf', iamAuth: { resourceId: 'db-ABC123', user: 'dsr_service' } },
      tls: 'verify',
      statementTimeoutMs: 1_000,
      tables: [],
    } as unknown as SqlProcessor;
    await expect(openSession(p)).rejects.toMatchObject({ name: 'IamAuthNotBuilt', message: expect.stringMatching(/courses.*@aws-sdk\/rds-signer/) });
  });
});
