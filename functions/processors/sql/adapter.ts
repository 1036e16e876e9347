import { identityValue } from '../../domain/identifiers';
import { inLocale, type Localised, type SqlMask, type SqlProcessor, type SqlTable, type TextSource } from '../../domain/register-schema';
import { LOCALES } from '../../domain/request';
import { erasureOrder, matchOrder } from '../../domain/sql-order';
import { updateBranch } from '../../platform/data/branches';
import { keyedHash } from '../../platform/keyed-hash';
import { type ChangeOutcome, type ErasureOutcome, ProcessorError, type Subject, type SyncProcessorKind } from '../port';
import { type Row, type SqlSession, type SqlValue, withSession } from './session';
import { chunks, normaliseIdentity, plain, TableStatements } from './statements';

const DAY_MS = 86_400_000;

/** The subject's rows of one table, with what later steps need of them. */
interface Found {
  table: SqlTable;
  sql: TableStatements;
  rows: Row[];
}

/** The columns a table's rows are read with: its key, what its children reference, its hold date, masked and restriction columns, and `extra`. */
function neededColumns(p: SqlProcessor, t: SqlTable, extra: readonly string[] = []): string[] {
  const referenced = p.tables.flatMap((c) => ('references' in c.match && c.match.references.table === t.name ? [c.match.references.column] : []));
  const erasure = t.erasure.mode === 'legal_hold' ? [t.erasure.fromColumn] : t.erasure.mode === 'mask' ? Object.keys(t.erasure.columns) : [];
  return [...new Set([...t.key, ...referenced, ...erasure, ...(t.restriction ? [t.restriction.column] : []), ...extra])];
}

/** The row's key as the statements bind it. */
const keyOf = (t: SqlTable, row: Row): Record<string, SqlValue> => Object.fromEntries(t.key.map((k) => [k, plain(row[k])]));

/**
 * Finds the subject's rows table by table, parents first: identity tables by the normalised
 * address, the others by the keys their parent's rows provided. More rows than a table's
 * `maxRows` stops the branch (staff look), rather than acting on a part or on everything.
 */
async function findRows(session: SqlSession, p: SqlProcessor, subject: Subject, columnsOf: (t: SqlTable) => string[] | 'all'): Promise<Found[]> {
  const found = new Map<string, Found>();
  for (const table of matchOrder(p.tables)) {
    const sql = new TableStatements(p, table);
    const columns = columnsOf(table);
    const rows: Row[] = [];
    const m = table.match;
    const matches: Array<string | SqlValue[]> =
      'identity' in m
        ? identityMatch(subject, m)
        : chunks([...new Set((found.get(m.references.table)?.rows ?? []).map((r) => plain(r[m.references.column])).filter((v) => v !== null))]);
    for (const match of matches) {
      rows.push(...(await session.query(sql.select(columns, match, table.maxRows + 1 - rows.length))));
      if (rows.length > table.maxRows) {
        throw new ProcessorError('MaxRowsExceeded', `more than ${table.maxRows} rows of ${p.id}.${table.name} match; staff must look`);
      }
    }
    found.set(table.name, { table, sql, rows });
  }
  return p.tables.map((t) => found.get(t.name)!);
}

/**
 * The value an identity table is searched with: the subject's value of the identity its column
 * holds, or nothing (the table is not searched) when the request did not give it: never another
 * identity's value.
 */
function identityMatch(subject: Subject, m: { identity: Parameters<typeof identityValue>[1]; normalise: readonly ('trim' | 'lower')[] }): string[] {
  const value = identityValue(subject, m.identity);
  return value === undefined ? [] : [normaliseIdentity(value, m.normalise)];
}

/** Rows an export reads from the server at a time: its memory is this many rows, however many match. */
export const EXPORT_BATCH = 1_000;

/**
 * Streams the subject's rows to `each`, table by table, parents first (as {@link findRows} finds
 * them), keeping of each table only the values other tables are found by. More rows than a
 * table's `maxRows` stops the export part-way: the writer is then never closed, so no export is
 * stored, and the branch goes to staff as an erasure's would.
 */
async function streamRows(
  session: SqlSession,
  p: SqlProcessor,
  subject: Subject,
  columnsOf: (t: SqlTable) => string[] | 'all',
  each: (t: SqlTable, row: Row) => Promise<void>,
): Promise<void> {
  const provided = new Map<string, Set<SqlValue>>();
  const providedKey = (table: string, column: string) => `${table}.${column}`;
  for (const table of matchOrder(p.tables)) {
    const sql = new TableStatements(p, table);
    const kept = p.tables.flatMap((c) => ('references' in c.match && c.match.references.table === table.name ? [c.match.references.column] : []));
    for (const column of kept) provided.set(providedKey(table.name, column), new Set());
    const m = table.match;
    const matches: Array<string | SqlValue[]> =
      'identity' in m ? identityMatch(subject, m) : chunks([...(provided.get(providedKey(m.references.table, m.references.column)) ?? [])]);
    let count = 0;
    for (const match of matches) {
      for await (const batch of session.rows(sql.select(columnsOf(table), match, table.maxRows + 1 - count), EXPORT_BATCH)) {
        count += batch.length;
        if (count > table.maxRows) {
          throw new ProcessorError('MaxRowsExceeded', `more than ${table.maxRows} rows of ${p.id}.${table.name} match; staff must look`);
        }
        for (const row of batch) {
          for (const column of kept) {
            const value = plain(row[column]);
            if (value !== null) provided.get(providedKey(table.name, column))!.add(value);
          }
          await each(table, row);
        }
      }
    }
  }
}

/** The value a masked column takes for one row. */
function maskValue(mask: SqlMask, t: SqlTable, row: Row, column: string, requestId: string): SqlValue {
  if (mask === 'null') return null;
  if (mask === 'hash') {
    const old = plain(row[column]);
    return old === null ? null : keyedHash(`${t.name}.${column}:${String(old)}`);
  }
  if ('value' in mask) return mask.value;
  const key = t.key.map((k) => String(plain(row[k]))).join('-');
  return mask.format.replaceAll('{key}', key).replaceAll('{request}', requestId);
}

/** Database errors by their class only: a driver's message can quote a row's values. */
async function guarded<T>(p: SqlProcessor, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ProcessorError) throw err;
    const { code: rawCode, errno } = err as { code?: unknown; errno?: unknown };
    const code = String(rawCode ?? (errno !== undefined ? `errno ${errno}` : 'unknown'));
    // PostgreSQL's query_canceled; MySQL's (3024) and MariaDB's (1969, which mysql2 names no code) statement time limits.
    const timeout = code === '57014' || code === 'ER_QUERY_TIMEOUT' || errno === 3024 || errno === 1969 || code === 'PROTOCOL_SEQUENCE_TIMEOUT';
    throw new ProcessorError(timeout ? 'DatabaseTimeout' : 'DatabaseError', `a statement at ${p.id}'s database failed (${code})`);
  }
}

/**
 * The controller's own PostgreSQL or MySQL/MariaDB database, declared table by table. One
 * transaction per request: an erasure is all of it or none of it, so a retry after a crash finds
 * either everything to do or nothing left (the identity is masked or deleted where it was found).
 */
/**
 * The legal bases of two tables' holds as one text, in every language either gives (a part lacking
 * one is shown in its own fallback), so the subject reads each basis in their language where it can be.
 */
export function bothBases(held: Localised | undefined, basis: Localised, controller: TextSource): Localised {
  if (held === undefined || JSON.stringify(held) === JSON.stringify(basis)) return basis;
  const given = (v: Localised) => LOCALES.filter((l) => inLocale(v, l, controller).lang === l);
  const langs = LOCALES.filter((l) => given(held).includes(l) || given(basis).includes(l));
  return Object.fromEntries(langs.map((l) => [l, `${inLocale(held, l, controller).text}; ${inLocale(basis, l, controller).text}`]));
}

export const sqlProcessor: SyncProcessorKind<SqlProcessor> = {
  mode: 'sync',

  // Streamed: a subject with a hundred thousand rows costs the function the memory of one batch.
  async exportData(p, subject, out) {
    const exported = (t: SqlTable) => (t.export === 'all' ? 'all' : [...new Set([...t.export, ...neededColumns(p, t)])]);
    const write = async (table: SqlTable, row: Row) => {
      const shown = table.export === 'all' ? Object.keys(row) : table.export;
      await out.write({ _table: table.name, ...Object.fromEntries(shown.map((c) => [c, plain(row[c])])) });
    };
    await guarded(p, () => withSession(p, (session) => session.transaction(() => streamRows(session, p, subject, exported, write), { readOnly: true })));
  },

  async erase(p, subject, { request, branch, controller }) {
    return guarded(p, () =>
      withSession(p, (session) =>
        session.transaction(async () => {
          const found = await findRows(session, p, subject, (t) => neededColumns(p, t));
          // Nothing left to find after an attempt that committed: what that attempt did is the answer.
          if (branch.preparedOutcome && found.every((f) => f.rows.length === 0)) return branch.preparedOutcome;
          const byName = new Map(found.map((f) => [f.table.name, f]));
          const now = Date.now();
          const outcome: ErasureOutcome = { recordCount: 0 };
          for (const table of erasureOrder(p.tables)) {
            const { sql, rows } = byName.get(table.name)!;
            if (rows.length === 0) continue;
            const rule = table.erasure;
            if (rule.mode === 'delete') {
              for (const keys of chunks(rows.map((r) => keyOf(table, r)))) await session.query(sql.delete(keys));
              outcome.recordCount += rows.length;
            } else if (rule.mode === 'mask') {
              for (const row of rows) {
                const set = Object.entries(rule.columns).map(([c, mask]) => [c, maskValue(mask, table, row, c, request.requestId)] as const);
                await session.query(sql.update(set, [keyOf(table, row)]));
              }
              outcome.maskedCount = (outcome.maskedCount ?? 0) + rows.length;
            } else if (rule.mode === 'legal_hold') {
              // Each row is kept until its own date plus the hold: an invoice of 2019 may already be free to go.
              const until = (r: Row) => {
                const from = Date.parse(String(plain(r[rule.fromColumn])));
                return Number.isNaN(from) ? Number.POSITIVE_INFINITY : from + rule.holdDays * DAY_MS;
              };
              const expired = rows.filter((r) => until(r) <= now);
              const held = rows.filter((r) => until(r) > now);
              for (const keys of chunks(expired.map((r) => keyOf(table, r)))) await session.query(sql.delete(keys));
              outcome.recordCount += expired.length;
              if (held.length > 0) {
                if (table.restriction) await restrictRows(session, table, sql, held, now);
                const latest = Math.max(...held.map(until));
                outcome.heldCount = (outcome.heldCount ?? 0) + held.length;
                if (Number.isFinite(latest) && (!outcome.holdUntil || new Date(latest).toISOString() > outcome.holdUntil)) {
                  outcome.holdUntil = new Date(latest).toISOString();
                }
                outcome.holdBasis = bothBases(outcome.holdBasis, rule.legalBasis, controller);
              }
            } else {
              await restrictRows(session, table, sql, rows, now);
              outcome.heldCount = (outcome.heldCount ?? 0) + rows.length;
            }
          }
          // Recorded before the commit: a crash after it leaves the retry this to report.
          await updateBranch(request.requestId, branch.processorId, { preparedOutcome: outcome });
          return outcome;
        }),
      ),
    );
  },

  async rectify(p, subject, { attribute, corrected }) {
    const tables = p.tables.filter((t) => t.rectifiable.includes(attribute));
    // The form only offers declared columns; this guards a register changed since the request.
    if (tables.length === 0) throw new ProcessorError('NotRectifiable', `${p.id} does not declare ${attribute} as rectifiable`);
    return guarded(p, () =>
      withSession(p, (session) =>
        session.transaction(async (): Promise<ChangeOutcome> => {
          const found = await findRows(session, p, subject, (t) => neededColumns(p, t));
          let recordCount = 0;
          for (const { table, sql, rows } of found) {
            if (!table.rectifiable.includes(attribute) || rows.length === 0) continue;
            for (const keys of chunks(rows.map((r) => keyOf(table, r)))) await session.query(sql.update([[attribute, corrected]], keys));
            recordCount += rows.length;
          }
          return { recordCount };
        }),
      ),
    );
  },

  async restrict(p, subject) {
    return guarded(p, () =>
      withSession(p, (session) =>
        session.transaction(async (): Promise<ChangeOutcome> => {
          const found = await findRows(session, p, subject, (t) => neededColumns(p, t));
          let recordCount = 0;
          const now = Date.now();
          for (const { table, sql, rows } of found) {
            if (!table.restriction || rows.length === 0) continue;
            await restrictRows(session, table, sql, rows, now);
            recordCount += rows.length;
          }
          return { recordCount };
        }),
      ),
    );
  },
};

/** Marks rows restricted (Art. 18): the flag set, or the time; a row restricted already keeps its first time. */
async function restrictRows(session: SqlSession, table: SqlTable, sql: TableStatements, rows: Row[], now: number): Promise<void> {
  const r = table.restriction;
  if (!r) return;
  const open = r.type === 'timestamp' ? rows.filter((row) => row[r.column] === null || row[r.column] === undefined) : rows;
  const value: SqlValue = r.type === 'boolean' ? true : new Date(now);
  for (const keys of chunks(open.map((row) => keyOf(table, row)))) await session.query(sql.update([[r.column, value]], keys));
}
