/**
 * The order in which a database's declared tables are read and changed. Reading goes from the
 * tables matched by an identity to those that reference their keys; erasing goes the other way, so
 * no row is deleted while another still refers to it (a foreign key would refuse it).
 */

/** What the order needs of a table: its name, the table whose key it references, and declared predecessors. */
export interface OrderedTable {
  name: string;
  match: { references: { table: string } } | { identity: string };
  /** Tables whose rows are erased before this one's. */
  after?: readonly string[];
}

/** A cycle among the tables' references and `after` declarations: no order exists. */
export class TableCycle extends Error {
  constructor(readonly tables: string[]) {
    super(`the tables ${tables.join(', ')} reference each other in a cycle`);
    this.name = 'TableCycle';
  }
}

/** The table whose key `t` is found by, if any. */
const parentOf = (t: OrderedTable): string | undefined => ('references' in t.match ? t.match.references.table : undefined);

/** Kahn's sort over `before → after` edges, keeping the declared order among equals. */
function sorted<T extends OrderedTable>(tables: readonly T[], edges: Array<[string, string]>): T[] {
  const waiting = new Map(tables.map((t) => [t.name, 0]));
  for (const [, to] of edges) waiting.set(to, (waiting.get(to) ?? 0) + 1);
  const out: T[] = [];
  const left = [...tables];
  while (left.length > 0) {
    const next = left.findIndex((t) => waiting.get(t.name) === 0);
    if (next < 0) throw new TableCycle(left.map((t) => t.name));
    const [table] = left.splice(next, 1) as [T];
    out.push(table);
    for (const [from, to] of edges) if (from === table.name) waiting.set(to, waiting.get(to)! - 1);
  }
  return out;
}

/** Tables in the order their rows are found: a referenced table before the tables that reference it. */
export function matchOrder<T extends OrderedTable>(tables: readonly T[]): T[] {
  return sorted(
    tables,
    tables.flatMap((t) => (parentOf(t) ? [[parentOf(t)!, t.name] as [string, string]] : [])),
  );
}

/** Tables in the order their rows are erased: a referencing table before the one it references, and each after its declared `after`. */
export function erasureOrder<T extends OrderedTable>(tables: readonly T[]): T[] {
  return sorted(tables, [
    ...tables.flatMap((t) => (parentOf(t) ? [[t.name, parentOf(t)!] as [string, string]] : [])),
    ...tables.flatMap((t) => (t.after ?? []).map((before) => [before, t.name] as [string, string])),
  ]);
}
