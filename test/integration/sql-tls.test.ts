import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlProcessor } from '../../functions/domain/register-schema';
import { withSession } from '../../functions/processors/sql/session';
import { startPostgres, type TestDatabase } from '../harness/databases';

// A server whose certificate no trusted root signed, as a database behind a private CA would be.
let db: TestDatabase;
beforeAll(async () => {
  db = await startPostgres({ selfSignedTls: true });
}, 60_000);
afterAll(async () => db?.stop());

const processor = (tls: SqlProcessor['tls']) =>
  ({ id: 'shop', engine: 'postgres', connection: { url: db.url }, tls, statementTimeoutMs: 5_000, tables: [] }) as unknown as SqlProcessor;
const encrypted = (tls: SqlProcessor['tls']) =>
  withSession(processor(tls), async (s) => (await s.query({ text: 'SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()', values: [] }))[0]?.ssl);

describe('TLS to a controller database', () => {
  it('encrypts when the register requires TLS without checking the certificate', async () => {
    expect(await encrypted('require')).toBe(true);
  });

  it('refuses a certificate no trusted root signed when the register says verify, naming only the processor', async () => {
    const refused = await encrypted('verify').then(
      () => undefined,
      (err: Error) => err,
    );
    expect(refused?.name).toBe('DatabaseUnavailable');
    expect(refused?.message).toBe("could not connect to shop's database (DEPTH_ZERO_SELF_SIGNED_CERT)");
  });

  it('speaks in the clear only when the register turns TLS off', async () => {
    expect(await encrypted('off')).toBe(false);
  });
});
