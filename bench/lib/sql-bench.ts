/**
 * The sql benchmark's database: one table shaped like an application's members (a key, an email
 * address with an expression index on its normalised form, as the sql kind matches it, and a few
 * columns of about 150 bytes in all), and the register's processor that reaches it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type pg from 'pg';
import { parseRegister, type SqlProcessor } from '../../functions/domain/register-schema.ts';

/** Creates the table with `rows` rows of other people, each address its own. */
export async function createMembers(client: pg.Client, rows: number): Promise<void> {
  await client.query('DROP TABLE IF EXISTS member');
  await client.query(`CREATE TABLE member (
    id bigserial PRIMARY KEY,
    email text NOT NULL,
    full_name text NOT NULL,
    joined_at timestamptz NOT NULL,
    plan text NOT NULL,
    notes text
  )`);
  await client.query(
    `INSERT INTO member (email, full_name, joined_at, plan, notes)
     SELECT 'Member.' || i || '@Example.org', 'Member ' || i, timestamptz '2015-01-01' + i * interval '1 minute',
            (ARRAY['regular','student','supporting'])[1 + i % 3], CASE WHEN i % 5 = 0 THEN 'Paid by bank transfer; receipt sent.' END
     FROM generate_series(1, $1::int) AS i`,
    [rows],
  );
  // The index the kind's match uses: LOWER(TRIM(email)), the default normalisation.
  await client.query('CREATE INDEX member_email ON member (LOWER(TRIM(email)))');
  await client.query('ANALYZE member');
}

/** Gives `email` `rows` rows, in mixed case and padded as people type it. */
export async function addSubjectRows(client: pg.Client, email: string, rows: number): Promise<void> {
  await client.query(
    `INSERT INTO member (email, full_name, joined_at, plan, notes)
     SELECT CASE WHEN i % 2 = 0 THEN upper($1) ELSE ' ' || $1 || ' ' END, 'Bench Subject', timestamptz '2020-01-01' + i * interval '1 minute', 'regular', 'row ' || i
     FROM generate_series(1, $2::int) AS i`,
    [email, rows],
  );
}

/** The register's processor of the bench database (the demo's course database, redeclared): the member table, matched by email, deleted on erasure. */
export function benchProcessor(url: string): SqlProcessor {
  const demo = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'config', 'register.json'), 'utf8'));
  const controller = demo.controllers.find((c: { processors: { kind: string }[] }) => c.processors.some((p) => p.kind === 'sql'));
  const courses = controller.processors.find((p: { kind: string }) => p.kind === 'sql');
  controller.processors = [
    {
      ...courses,
      connection: { url },
      tls: 'off',
      statementTimeoutMs: 300_000,
      tables: [{ name: 'member', key: ['id'], match: { column: 'email', identity: 'email' }, erasure: { mode: 'delete' }, maxRows: 1_000_000 }],
    },
  ];
  demo.controllers = [controller];
  const register = parseRegister(demo);
  return register.controllers[0]!.processors[0] as SqlProcessor;
}
