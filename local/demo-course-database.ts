/**
 * The Demo Course Platform's database (config/register.json, modelled on the course platform of
 * seed 002): a Django-like schema in PGlite, PostgreSQL compiled to WebAssembly, served over the
 * PostgreSQL wire protocol so the functions reach it with `pg`, the driver they use in AWS. Its data
 * lives in `<dataDir>/course-database/`; the schema and demo rows are written when it is first created.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** The running demo database. */
export interface DemoCourseDatabase {
  /** What the register's `${DEMO_COURSES_DB_URL}` becomes. */
  url: string;
  port: number;
  stop(): Promise<void>;
}

const days = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

/**
 * Tables as Django would create them for accounts, courses, billing and the newsletter. Fictitious
 * people; example.org addresses. Some rows are old enough for the retention rules of
 * config/register.json: Gustav last logged in over three years ago and withdrew his newsletter
 * consent over two years ago; Ada's 2019 invoice is past its six years.
 */
function demoSchema(): string {
  return `
CREATE TABLE auth_user (
  id integer PRIMARY KEY, username varchar(150) NOT NULL UNIQUE, email varchar(254) NOT NULL UNIQUE,
  first_name varchar(150), last_name varchar(150), date_joined date NOT NULL, last_login timestamptz,
  is_restricted boolean NOT NULL DEFAULT false);
CREATE TABLE courses_enrollment (
  id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES auth_user(id), course varchar(100) NOT NULL, enrolled_on date NOT NULL);
CREATE TABLE courses_progress (
  id integer PRIMARY KEY, enrollment_id integer NOT NULL REFERENCES courses_enrollment(id), lesson varchar(100) NOT NULL, completed_at timestamptz);
CREATE TABLE billing_invoice (
  id integer PRIMARY KEY, user_id integer NOT NULL REFERENCES auth_user(id), number varchar(20) NOT NULL UNIQUE,
  issued_on date NOT NULL, amount_sek numeric(10,2) NOT NULL, restricted_at timestamptz);
CREATE TABLE newsletter_consent (
  id integer PRIMARY KEY, email varchar(254) NOT NULL, consented_at timestamptz NOT NULL, source varchar(50) NOT NULL,
  unsubscribed_at timestamptz);

INSERT INTO auth_user VALUES
  (1, 'ada', 'Ada@Example.org', 'Ada', 'Lindqvist', '${days(900)}', now() - interval '3 days', false),
  (2, 'elin.b', 'elin@example.org', 'Elin', 'Berg', '${days(400)}', now() - interval '40 days', false),
  (3, 'gustav', 'gustav@example.org', 'Gustav', 'Ek', '${days(2900)}', now() - interval '1200 days', false);
INSERT INTO courses_enrollment VALUES
  (10, 1, 'Bookkeeping for associations', '${days(800)}'), (11, 1, 'GDPR for volunteers', '${days(60)}'),
  (12, 2, 'GDPR for volunteers', '${days(300)}'), (13, 3, 'Meeting procedure', '${days(2800)}');
INSERT INTO courses_progress VALUES
  (100, 10, 'Lesson 1', now() - interval '790 days'), (101, 10, 'Lesson 2', now() - interval '780 days'),
  (102, 11, 'Lesson 1', now() - interval '50 days'), (103, 12, 'Lesson 1', now() - interval '290 days');
INSERT INTO billing_invoice VALUES
  (20, 1, 'C-2019-0042', '${days(2600)}', 1200.00, NULL), (21, 1, 'C-2026-0007', '${days(60)}', 900.00, NULL),
  (22, 2, 'C-2025-0310', '${days(300)}', 900.00, NULL);
INSERT INTO newsletter_consent VALUES
  (30, ' ada@example.org', now() - interval '700 days', 'course signup', NULL),
  (31, 'gustav@example.org', now() - interval '2000 days', 'course signup', now() - interval '800 days');
`;
}

/**
 * Names a folder for an empty, initialised cluster that a test run's processes copy rather than
 * each running initdb, which takes PGlite 5-9 s of a busy machine's CPU (a copy: about one).
 * Set by the suite's global setup (test/harness/global-setup.ts); `npm start` does not set it.
 */
export const COURSE_DATABASE_CACHE_VARIABLE = 'DSR_COURSE_DATABASE_CACHE';

/** Fills `dir` with a copy of the cached empty cluster, creating the cache first if no process has. */
async function copyCachedCluster(cache: string, dir: string): Promise<void> {
  if (!existsSync(cache)) {
    // Made aside, then renamed: a process copying at the same moment never sees half of it.
    const partial = `${cache}.${process.pid}`;
    mkdirSync(dirname(cache), { recursive: true });
    await (await PGlite.create(partial)).close();
    try {
      renameSync(partial, cache);
    } catch {
      rmSync(partial, { recursive: true, force: true }); // another process made it first
    }
  }
  cpSync(cache, dir, { recursive: true });
}

/** Starts the demo database on `port` (0: any free one) with its data under `dataDir`. */
export async function startDemoCourseDatabase(opts: { dataDir: string; port: number }): Promise<DemoCourseDatabase> {
  const dir = join(opts.dataDir, 'course-database');
  const fresh = !existsSync(dir);
  const cache = process.env[COURSE_DATABASE_CACHE_VARIABLE];
  if (fresh && cache) await copyCachedCluster(cache, dir);
  mkdirSync(dir, { recursive: true });
  const db = await PGlite.create(dir);
  if (fresh) await db.exec(demoSchema());
  // A database made before the newsletter's retention rule lacks the column it counts from.
  else await db.exec('ALTER TABLE newsletter_consent ADD COLUMN IF NOT EXISTS unsubscribed_at timestamptz');
  // One connection per Lambda attempt, several at once: PGlite runs their statements one at a time
  // (a transaction's before another's), as a busy server would make them wait. Its default is one.
  const server = new PGLiteSocketServer({ db, port: opts.port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  const port = Number(server.getServerConn().split(':').pop());
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
