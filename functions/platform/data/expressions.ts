/**
 * Condition and update expressions built from attribute paths and values, so no caller writes an
 * expression string or picks placeholder names: each name and value gets a generated `#n<i>` or
 * `:v<i>`, and conditions built apart combine without clashing.
 */

/** An attribute: a top-level name (never split on dots) or the steps of a nested path. */
export type Path = string | readonly string[];

/** Hands out placeholders while an expression is built; the same attribute name gets the same one. */
export class Placeholders {
  readonly names: Record<string, string> = {};
  readonly values: Record<string, unknown> = {};
  private readonly byName = new Map<string, string>();
  private valueCount = 0;

  /** The placeholder of a path, `#n0.#n1` for a nested one. */
  path(path: Path): string {
    return (typeof path === 'string' ? [path] : path).map((step) => this.name(step)).join('.');
  }

  private name(name: string): string {
    let placeholder = this.byName.get(name);
    if (!placeholder) {
      placeholder = `#n${this.byName.size}`;
      this.byName.set(name, placeholder);
      this.names[placeholder] = name;
    }
    return placeholder;
  }

  value(value: unknown): string {
    const placeholder = `:v${this.valueCount++}`;
    this.values[placeholder] = value;
    return placeholder;
  }
}

/** A condition, written out when the expression it belongs to is built. */
export type Condition = (x: Placeholders) => string;

const compare =
  (op: string) =>
  (path: Path, value: unknown): Condition =>
  (x) =>
    `${x.path(path)} ${op} ${x.value(value)}`;

export const exists =
  (path: Path): Condition =>
  (x) =>
    `attribute_exists(${x.path(path)})`;
export const notExists =
  (path: Path): Condition =>
  (x) =>
    `attribute_not_exists(${x.path(path)})`;
export const eq = compare('=');
export const ne = compare('<>');
export const lt = compare('<');
export const le = compare('<=');
export const gt = compare('>');
export const ge = compare('>=');
/** The attribute holds one of `values` (at least one). */
export const isIn =
  (path: Path, values: readonly unknown[]): Condition =>
  (x) =>
    `${x.path(path)} IN (${values.map((v) => x.value(v)).join(', ')})`;
export const beginsWith =
  (path: Path, prefix: string): Condition =>
  (x) =>
    `begins_with(${x.path(path)}, ${x.value(prefix)})`;
export const between =
  (path: Path, from: unknown, to: unknown): Condition =>
  (x) =>
    `${x.path(path)} BETWEEN ${x.value(from)} AND ${x.value(to)}`;

/** Conditions made of others: parenthesised where they are part of a larger one. */
const compound = new WeakSet<Condition>();

const join = (op: string, conditions: readonly (Condition | undefined)[]): Condition => {
  const present = conditions.filter((c): c is Condition => c !== undefined);
  if (present.length === 1) return present[0]!;
  const joined: Condition = (x) => present.map((c) => (compound.has(c) ? `(${c(x)})` : c(x))).join(` ${op} `);
  compound.add(joined);
  return joined;
};
/** All of the conditions (those given: `undefined` ones are left out). */
export const and = (...conditions: (Condition | undefined)[]): Condition => join('AND', conditions);
export const or = (...conditions: (Condition | undefined)[]): Condition => join('OR', conditions);
export const not =
  (condition: Condition): Condition =>
  (x) =>
    `NOT (${condition(x)})`;

/** The expression attributes of a command, left out when empty (DynamoDB refuses empty maps). */
function attributes(x: Placeholders) {
  return {
    ...(Object.keys(x.names).length ? { ExpressionAttributeNames: x.names } : {}),
    ...(Object.keys(x.values).length ? { ExpressionAttributeValues: x.values } : {}),
  };
}

/** A condition as the parameters of a put or delete. */
export function conditionExpression(condition: Condition): {
  ConditionExpression: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  const x = new Placeholders();
  return { ConditionExpression: condition(x), ...attributes(x) };
}

/** The expressions of a Query or Scan beyond its key condition. */
export interface ReadOptions {
  filter?: Condition;
  /** The attributes to read (all if omitted). */
  projection?: readonly Path[];
}

/** The expression parameters of a Query or Scan. */
export interface ReadParams {
  KeyConditionExpression?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

function readParams(key: Condition | undefined, { filter, projection }: ReadOptions): ReadParams {
  const x = new Placeholders();
  return {
    ...(key ? { KeyConditionExpression: key(x) } : {}),
    ...(filter ? { FilterExpression: filter(x) } : {}),
    ...(projection ? { ProjectionExpression: projection.map((p) => x.path(p)).join(', ') } : {}),
    ...attributes(x),
  };
}

/** A key condition (with an optional filter and projection) as the parameters of a Query. */
export function queryExpression(key: Condition, options: ReadOptions = {}): ReadParams & { KeyConditionExpression: string } {
  return readParams(key, options) as ReadParams & { KeyConditionExpression: string };
}

/** The attributes to read, as the parameters of a GetItem or BatchGetItem. */
export function projectionExpression(projection: readonly Path[]): Pick<ReadParams, 'ProjectionExpression' | 'ExpressionAttributeNames'> {
  return readParams(undefined, { projection });
}

/** A filter and projection as the parameters of a Scan. */
export function scanExpression(options: ReadOptions): ReadParams {
  return readParams(undefined, options);
}

/** What one update changes, and the condition it is written under. */
export interface UpdateSpec {
  /** Top-level attributes to set; `undefined` values are left out. */
  set?: Record<string, unknown>;
  /** Nested attributes to set, e.g. `[['extension', 'notifiedAt'], at]`. */
  setPaths?: readonly (readonly [Path, unknown])[];
  /** Set only where the attribute is missing (`if_not_exists`). */
  setIfMissing?: Record<string, unknown>;
  /** `a = a + n`: the attribute must exist. */
  increment?: Record<string, number>;
  /** Appended to a list attribute (`list_append`). */
  append?: Record<string, readonly unknown[]>;
  /** `ADD`: a number added to (or started at) the attribute. */
  add?: Record<string, number>;
  /** `ADD`: strings put in a string-set attribute (made if missing). */
  addToSet?: Record<string, readonly string[]>;
  /** `DELETE`: strings taken out of a string-set attribute (gone once empty; a missing one is no error). */
  deleteFromSet?: Record<string, readonly string[]>;
  remove?: readonly Path[];
  condition?: Condition;
}

/** The parameters of an UpdateItem: the update expression, its condition, names and values. */
export interface UpdateParams {
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/** String sets to ADD or DELETE, as the SDK marshals them (a JS Set is a string set); DynamoDB refuses an empty one. */
const setsOf = (sets: Record<string, readonly string[]> | undefined) =>
  Object.entries(sets ?? {})
    .filter(([, values]) => values.length > 0)
    .map(([name, values]) => [name, new Set(values)] as const);

/** Builds an update from what it changes; throws when it changes nothing (DynamoDB would refuse it). */
export function updateExpression(spec: UpdateSpec): UpdateParams {
  const x = new Placeholders();
  const sets: string[] = [];
  for (const [name, value] of Object.entries(spec.increment ?? {})) sets.push(`${x.path(name)} = ${x.path(name)} + ${x.value(value)}`);
  for (const [name, value] of Object.entries(spec.append ?? {})) sets.push(`${x.path(name)} = list_append(${x.path(name)}, ${x.value(value)})`);
  for (const [name, value] of Object.entries(spec.setIfMissing ?? {})) sets.push(`${x.path(name)} = if_not_exists(${x.path(name)}, ${x.value(value)})`);
  for (const [path, value] of spec.setPaths ?? []) sets.push(`${x.path(path)} = ${x.value(value)}`);
  for (const [name, value] of Object.entries(spec.set ?? {})) if (value !== undefined) sets.push(`${x.path(name)} = ${x.value(value)}`);
  const adds = [...Object.entries(spec.add ?? {}), ...setsOf(spec.addToSet)].map(([name, value]) => `${x.path(name)} ${x.value(value)}`);
  const deletes = setsOf(spec.deleteFromSet).map(([name, value]) => `${x.path(name)} ${x.value(value)}`);
  const removes = (spec.remove ?? []).map((path) => x.path(path));
  const clauses = [
    sets.length ? `SET ${sets.join(', ')}` : '',
    adds.length ? `ADD ${adds.join(', ')}` : '',
    removes.length ? `REMOVE ${removes.join(', ')}` : '',
    deletes.length ? `DELETE ${deletes.join(', ')}` : '',
  ];
  const UpdateExpression = clauses.filter(Boolean).join(' ');
  if (!UpdateExpression) throw new Error('an update must change something');
  const ConditionExpression = spec.condition?.(x);
  return { UpdateExpression, ...(ConditionExpression ? { ConditionExpression } : {}), ...attributes(x) };
}
