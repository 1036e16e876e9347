/**
 * The part of JMESPath (jmespath.org/specification) connector definitions use to pick values out of
 * a vendor's answer: identifiers (bare or "quoted"), `@`, sub-expressions `a.b`, indexes `[0]` and
 * `[-1]`, list projections `[*]`, flattening `[]`, filters `[?a == 'x']` (`==`, `!=`, `&&`, `||`,
 * literals in '…' or `…`), and pipes `a | b`. `@aws-lambda-powertools/jmespath` is the full
 * language, with the same `search(expression, data)` call; it is not installed yet, so this subset
 * stands in and the schema refuses anything outside it at register check.
 */

type Node =
  | { t: 'current' }
  | { t: 'field'; name: string }
  | { t: 'sub'; left: Node; right: Node }
  | { t: 'index'; left: Node; index: number }
  | { t: 'project'; left: Node; right: Node; flatten: boolean }
  | { t: 'filter'; left: Node; cond: Node; right: Node }
  | { t: 'pipe'; left: Node; right: Node }
  | { t: 'literal'; value: unknown }
  | { t: 'cmp'; op: '==' | '!='; left: Node; right: Node }
  | { t: 'and' | 'or'; left: Node; right: Node };

/** An expression outside the subset, or malformed: the message says where. */
export class JmesPathError extends Error {
  override name = 'JmesPathError';
}

type Token = { k: 'id' | 'num' | 'lit' | 'op'; v: string; at: number };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (['==', '!=', '&&', '||', '[?', '[*', '[]'].includes(two)) {
      if (two === '[*' && src[i + 2] !== ']') throw new JmesPathError(`expected ] at ${i + 2}`);
      out.push({ k: 'op', v: two === '[*' ? '[*]' : two, at: i });
      i += two === '[*' ? 3 : 2;
      continue;
    }
    if ('.[]|@()'.includes(c)) {
      out.push({ k: 'op', v: c, at: i });
      i++;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      out.push({ k: 'id', v: m, at: i });
      i += m.length;
      continue;
    }
    if (/[-0-9]/.test(c)) {
      const m = /^-?\d+/.exec(src.slice(i))?.[0];
      if (!m) throw new JmesPathError(`unexpected ${c} at ${i}`);
      out.push({ k: 'num', v: m, at: i });
      i += m.length;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      const end = src.indexOf(c, i + 1);
      if (end < 0) throw new JmesPathError(`unterminated ${c} at ${i}`);
      const body = src.slice(i + 1, end);
      if (c === '"') out.push({ k: 'id', v: body, at: i });
      else if (c === "'") out.push({ k: 'lit', v: JSON.stringify(body), at: i });
      else out.push({ k: 'lit', v: body, at: i });
      i = end + 1;
      continue;
    }
    throw new JmesPathError(`unexpected ${c} at ${i} (outside the supported JMESPath subset)`);
  }
  return out;
}

class Parser {
  private i = 0;
  constructor(private readonly toks: Token[]) {}

  private peek = () => this.toks[this.i];
  private eat(v: string): Token {
    const t = this.toks[this.i];
    if (!t || t.v !== v || t.k !== 'op') throw new JmesPathError(`expected ${v} at ${t?.at ?? 'the end'}`);
    this.i++;
    return t;
  }

  parse(): Node {
    const node = this.pipe();
    const rest = this.peek();
    if (rest) throw new JmesPathError(`unexpected ${rest.v} at ${rest.at}`);
    return node;
  }

  private pipe(): Node {
    let left = this.path({ t: 'current' }, true);
    while (this.peek()?.v === '|') {
      this.i++;
      left = { t: 'pipe', left, right: this.path({ t: 'current' }, true) };
    }
    return left;
  }

  /** A chain of fields, indexes, projections and filters starting from `left`. */
  private path(left: Node, first: boolean): Node {
    let node = left;
    let started = !first;
    for (;;) {
      const t = this.peek();
      if (!t) break;
      if (!started && t.k === 'id') {
        this.i++;
        node = { t: 'field', name: t.v };
      } else if (!started && t.v === '@') {
        this.i++;
      } else if (started && t.v === '.') {
        this.i++;
        const id = this.peek();
        if (id?.k !== 'id') throw new JmesPathError(`expected a field name at ${id?.at ?? 'the end'}`);
        this.i++;
        node = { t: 'sub', left: node, right: { t: 'field', name: id.v } };
      } else if (t.v === '[' && this.toks[this.i + 1]?.k === 'num') {
        this.i++;
        const n = Number(this.toks[this.i++]!.v);
        this.eat(']');
        node = { t: 'index', left: node, index: n };
      } else if (t.v === '[*]' || t.v === '[]') {
        this.i++;
        return { t: 'project', left: node, right: this.path({ t: 'current' }, false), flatten: t.v === '[]' };
      } else if (t.v === '[?') {
        this.i++;
        const cond = this.or();
        this.eat(']');
        return { t: 'filter', left: node, cond, right: this.path({ t: 'current' }, false) };
      } else break;
      started = true;
    }
    if (!started) throw new JmesPathError(`expected an expression at ${this.peek()?.at ?? 'the end'}`);
    return node;
  }

  private or(): Node {
    let left = this.and();
    while (this.peek()?.v === '||') {
      this.i++;
      left = { t: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): Node {
    let left = this.cmp();
    while (this.peek()?.v === '&&') {
      this.i++;
      left = { t: 'and', left, right: this.cmp() };
    }
    return left;
  }

  private cmp(): Node {
    const left = this.operand();
    const op = this.peek()?.v;
    if (op !== '==' && op !== '!=') return left;
    this.i++;
    return { t: 'cmp', op, left, right: this.operand() };
  }

  private operand(): Node {
    const t = this.peek();
    if (t?.k === 'lit') {
      this.i++;
      try {
        return { t: 'literal', value: JSON.parse(t.v) };
      } catch {
        throw new JmesPathError(`malformed literal at ${t.at}`);
      }
    }
    if (t?.v === '(') {
      this.i++;
      const inner = this.or();
      this.eat(')');
      return inner;
    }
    return this.path({ t: 'current' }, true);
  }
}

const cache = new Map<string, Node>();

/** Parses an expression, throwing a {@link JmesPathError} that says where it goes wrong. */
export function compile(expression: string): Node {
  let node = cache.get(expression);
  if (!node) {
    node = new Parser(tokenize(expression)).parse();
    cache.set(expression, node);
  }
  return node;
}

const truthy = (v: unknown) =>
  !(v === null || v === undefined || v === false || v === '' || (Array.isArray(v) && !v.length) || (typeof v === 'object' && !Object.keys(v as object).length));

function evaluate(node: Node, data: unknown): unknown {
  switch (node.t) {
    case 'current':
      return data;
    case 'literal':
      return node.value;
    case 'field':
      return data && typeof data === 'object' && !Array.isArray(data) ? ((data as Record<string, unknown>)[node.name] ?? null) : null;
    case 'sub': {
      const left = evaluate(node.left, data);
      return left === null ? null : evaluate(node.right, left);
    }
    case 'index': {
      const left = evaluate(node.left, data);
      if (!Array.isArray(left)) return null;
      return left[node.index < 0 ? left.length + node.index : node.index] ?? null;
    }
    case 'project': {
      let left = evaluate(node.left, data);
      if (node.flatten && Array.isArray(left)) left = left.flatMap((v) => (Array.isArray(v) ? v : [v]));
      if (!Array.isArray(left)) return null;
      return left.map((v) => evaluate(node.right, v)).filter((v) => v !== null);
    }
    case 'filter': {
      const left = evaluate(node.left, data);
      if (!Array.isArray(left)) return null;
      return left
        .filter((v) => truthy(evaluate(node.cond, v)))
        .map((v) => evaluate(node.right, v))
        .filter((v) => v !== null);
    }
    case 'pipe':
      return evaluate(node.right, evaluate(node.left, data));
    case 'cmp': {
      const same = JSON.stringify(evaluate(node.left, data)) === JSON.stringify(evaluate(node.right, data));
      return node.op === '==' ? same : !same;
    }
    case 'and': {
      const left = evaluate(node.left, data);
      return truthy(left) ? evaluate(node.right, data) : left;
    }
    case 'or': {
      const left = evaluate(node.left, data);
      return truthy(left) ? left : evaluate(node.right, data);
    }
  }
}

/** Evaluates `expression` against `data`; `null` where nothing matches, as JMESPath does. */
export function search(expression: string, data: unknown): unknown {
  return evaluate(compile(expression), data);
}
