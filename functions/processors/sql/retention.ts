/**
 * A retention rule at a SQL table, run against the controller's database: what it finds (counts,
 * and the keys it would change, bounded), and its changes in batches, each batch one transaction
 * that selects at most `rowsPerBatch` keys with a LIMIT and changes those rows by key. A run stops
 * at `maxRowsPerRun`; the next finds the rest, and nothing it changed matches again.
 */
import type { SqlMask, SqlProcessor, SqlTable } from '../../domain/register-schema';
import { legalHoldCutoff, retentionCutoff, type SqlRetentionRule } from '../../domain/retention-rules';
import { ProcessorError } from '../port';
import { RetentionStatements, type RowCategory } from './retention-statements';
import { type Row, type SqlSession, type SqlValue, withSession } from './session';
import { chunks, plain, TableStatements } from './statements';

const DAY_MS = 86_400_000;

/** A row's key as the report lists it. */
export type RowKey = Record<string, SqlValue>;

/** One rule at one table of one database. */
export interface SqlRuleScope {
  store: SqlProcessor;
  table: SqlTable;
  rule: SqlRetentionRule;
}

/** What a rule finds at a run: counts of every matched row, and keys up to the rule's `maxRowsPerRun`. */
export interface SqlRuleFindings {
  counts: Record<RowCategory, number>;
  /** Keys of rows the rule would change (the first `maxRowsPerRun`). */
  due: RowKey[];
  /** Keys of rows a legal hold keeps, with the day the hold ends. */
  held: { key: RowKey; holdUntil: string }[];
}

/** A delete blocked by a foreign key the register does not show: the rule's run fails, naming the table, never the whole sweep. */
export class RowsStillReferenced extends Error {
  override name = 'RowsStillReferenced';
}

/** The statements of a rule at a run's instant. */
export function statementsAt({ store, table, rule }: SqlRuleScope, runAt: Date): RetentionStatements {
  const cutoff = retentionCutoff(rule.afterMonths, runAt);
  const holdCutoff = table.erasure.mode === 'legal_hold' ? legalHoldCutoff(table.erasure.holdDays, runAt) : undefined;
  return new RetentionStatements(store, table, rule, { cutoff, ...(holdCutoff ? { holdCutoff } : {}) });
}

const keyOf = (t: SqlTable, row: Row): RowKey => Object.fromEntries(t.key.map((k) => [k, plain(row[k])]));

/** Database errors by class only (a driver's message can quote a row); a refused delete by a foreign key, by name. */
async function guarded<T>({ store, table, rule }: SqlRuleScope, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ProcessorError || err instanceof RowsStillReferenced) throw err;
    const code = String((err as { code?: unknown }).code ?? 'unknown');
    // PostgreSQL's foreign_key_violation; MySQL's and MariaDB's "cannot delete a parent row".
    if (code === '23503' || code === 'ER_ROW_IS_REFERENCED_2' || code === 'ER_ROW_IS_REFERENCED') {
      throw new RowsStillReferenced(
        `rule ${rule.id}: a foreign key from a table the register does not declare refused deleting rows of ${store.id}.${table.name}; declare that table (with references or after)`,
      );
    }
    const timeout = code === '57014' || code === 'ER_QUERY_TIMEOUT' || code === 'ER_STATEMENT_TIMEOUT' || code === 'PROTOCOL_SEQUENCE_TIMEOUT';
    throw new ProcessorError(timeout ? 'DatabaseTimeout' : 'DatabaseError', `a statement of rule ${rule.id} at ${store.id}'s database failed (${code})`);
  }
}

/** A session in UTC, so date and timestamp columns compare with the cutoff as the rule counts it. */
async function inUtc<T>(store: SqlProcessor, work: (session: SqlSession) => Promise<T>): Promise<T> {
  return withSession(store, async (session) => {
    await session.query({ text: store.engine === 'postgres' ? "SET TIME ZONE 'UTC'" : "SET time_zone = '+00:00'", values: [] });
    return work(session);
  });
}

/** Counts what the rule matches and lists the keys it would change, in one read-only transaction. Changes nothing. */
export function findRuleRows(scope: SqlRuleScope, runAt: Date): Promise<SqlRuleFindings> {
  const st = statementsAt(scope, runAt);
  const { table, rule } = scope;
  return guarded(scope, () =>
    inUtc(scope.store, (session) =>
      session.transaction(
        async () => {
          const counts: Record<RowCategory, number> = { due: 0, held: 0, restricted: 0, referenced: 0 };
          for (const row of await session.query(st.count())) counts[row.category as RowCategory] = Number(row.n);
          const due = counts.due > 0 ? (await session.query(st.selectDue(table.key, rule.maxRowsPerRun, false))).map((r) => keyOf(table, r)) : [];
          const heldRows = counts.held > 0 ? await session.query(st.selectHeld(rule.maxRowsPerRun)!) : [];
          const e = table.erasure;
          const held = heldRows.map((r) => {
            const from = e.mode === 'legal_hold' ? Date.parse(String(plain(r[e.fromColumn]))) : Number.NaN;
            return {
              key: keyOf(table, r),
              holdUntil: Number.isNaN(from) ? 'unknown' : new Date(from + (e.mode === 'legal_hold' ? e.holdDays : 0) * DAY_MS).toISOString(),
            };
          });
          return { counts, due, held };
        },
        { readOnly: true },
      ),
    ),
  );
}

/** What an enforced run changed, and why it stopped early if it did (the batches before stay changed). */
export interface SqlRuleChanges {
  changed: RowKey[];
  failure?: Error;
}

/** Columns a batch reads: the key, and what the mask's values are made of. */
function batchColumns({ table, rule }: SqlRuleScope): string[] {
  const masked = rule.action === 'mask' && table.erasure.mode === 'mask' ? Object.keys(table.erasure.columns) : [];
  return [...new Set([...table.key, ...masked])];
}

/**
 * The value a masked column takes, as the erasure writes it (`{request}` is the rule here). No
 * keyed hash: the sweep holds no hashing key, and the register refuses such a rule.
 */
function maskValue(mask: SqlMask, t: SqlTable, row: Row, ruleId: string): SqlValue {
  if (mask === 'null') return null;
  if (mask === 'hash') throw new ProcessorError('RetentionCannotHash', `rule ${ruleId}: ${t.name} masks a column to a keyed hash`);
  if ('value' in mask) return mask.value;
  const key = t.key.map((k) => String(plain(row[k]))).join('-');
  return mask.format.replaceAll('{key}', key).replaceAll('{request}', `retention-${ruleId}`);
}

/** Changes one batch of rows as the rule says, by key. */
async function change(session: SqlSession, scope: SqlRuleScope, st: RetentionStatements, rows: Row[], now: Date): Promise<void> {
  const { table, rule } = scope;
  const sql = new TableStatements(scope.store, table);
  const keys = rows.map((r) => keyOf(table, r));
  if (rule.action === 'delete') {
    for (const part of chunks(keys)) await session.query(sql.delete(part));
  } else if (rule.action === 'restrict') {
    for (const part of chunks(keys)) await session.query(sql.update([st.restrictionValue(now)], part));
  } else if (table.erasure.mode === 'mask') {
    const columns = Object.entries(table.erasure.columns);
    // Nulls and fixed values are the same for every row: one statement per chunk; formats differ by row.
    if (columns.every(([, m]) => m === 'null' || (typeof m === 'object' && 'value' in m))) {
      const set = columns.map(([c, m]) => [c, maskValue(m, table, {}, rule.id)] as const);
      for (const part of chunks(keys)) await session.query(sql.update(set, part));
    } else {
      for (const row of rows) {
        const set = columns.map(([c, m]) => [c, maskValue(m, table, row, rule.id)] as const);
        await session.query(sql.update(set, [keyOf(table, row)]));
      }
    }
  }
}

/**
 * Changes what is due, batch by batch, up to the rule's `maxRowsPerRun`. Each batch locks the rows
 * it selected, changes them and commits; a failing batch is rolled back and ends the run, keeping
 * the batches before it. A row the run has changed never matches again, so a batch that selects
 * one twice stops the run rather than loop.
 */
export async function enforceRuleRows(scope: SqlRuleScope, runAt: Date, now = new Date()): Promise<SqlRuleChanges> {
  const st = statementsAt(scope, runAt);
  const { table, rule } = scope;
  const changed: RowKey[] = [];
  const seen = new Set<string>();
  try {
    await guarded(scope, () =>
      inUtc(scope.store, async (session) => {
        while (changed.length < rule.maxRowsPerRun) {
          const limit = Math.min(rule.rowsPerBatch, rule.maxRowsPerRun - changed.length);
          const batch = await session.transaction(async () => {
            const rows = await session.query(st.selectDue(batchColumns(scope), limit, true));
            for (const row of rows) {
              const id = JSON.stringify(keyOf(table, row));
              if (seen.has(id)) throw new ProcessorError('RetentionMadeNoProgress', `rule ${rule.id}: a changed row of ${table.name} still matches`);
              seen.add(id);
            }
            if (rows.length > 0) await change(session, scope, st, rows, now);
            return rows.map((r) => keyOf(table, r));
          });
          changed.push(...batch);
          if (batch.length < limit) break;
        }
      }),
    );
    return { changed };
  } catch (err) {
    return { changed, failure: err as Error };
  }
}
