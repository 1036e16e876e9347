/**
 * Splits a JSON document into records while it streams in, so a processor's results of any size
 * pass through with flat memory: the elements of a top-level array, or of every array property
 * of a top-level object (its other properties come out as properties). Each unit is parsed with
 * JSON.parse on its own; a unit bigger than `maxUnitChars` is refused.
 */

export type JsonPart = { kind: 'element'; value: unknown } | { kind: 'property'; key: string; value: unknown };

/** The document is not JSON, or not an array or object, or is cut short. */
export class NotJsonRecords extends Error {
  override name = 'NotJsonRecords';
}

const WS = new Set([' ', '\t', '\n', '\r']);

export async function* splitJsonRecords(chunks: AsyncIterable<Uint8Array>, maxUnitChars = 16 * 1024 * 1024): AsyncGenerator<JsonPart> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  type Mode = 'start' | 'array' | 'object' | 'end';
  type Phase = 'key' | 'valueStart' | 'value' | 'array' | 'afterArray';
  let mode: Mode = 'start';
  let phase: Phase = 'key';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let unit = '';
  let key = '';
  let elements = 0;
  let properties = 0;
  const out: JsonPart[] = [];

  const parse = (text: string): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      throw new NotJsonRecords('a record is not valid JSON');
    }
  };
  const element = (last: boolean) => {
    if (unit.trim() === '' && last && elements === 0) return; // []
    out.push({ kind: 'element', value: parse(unit) });
    elements++;
    unit = '';
  };
  const property = () => {
    out.push({ kind: 'property', key, value: parse(unit) });
    unit = '';
  };
  /** Appends a character of a unit, following strings and nesting. */
  const take = (c: string) => {
    unit += c;
    if (unit.length > maxUnitChars) throw new NotJsonRecords('a record is too large');
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') inString = false;
      return;
    }
    if (c === '"') inString = true;
    else if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
  };

  const step = (c: string) => {
    if (mode === 'start') {
      if (WS.has(c) || c === '\uFEFF') return;
      if (c === '[') mode = 'array';
      else if (c === '{') {
        mode = 'object';
        phase = 'key';
      } else throw new NotJsonRecords('not a JSON array or object');
      depth = 1;
      return;
    }
    if (mode === 'end') {
      if (!WS.has(c)) throw new NotJsonRecords('content after the JSON document');
      return;
    }
    if (inString) return take(c);
    if (mode === 'array') {
      if (depth === 1 && c === ',') return element(false);
      if (depth === 1 && c === ']') {
        element(true);
        mode = 'end';
        depth = 0;
        return;
      }
      return take(c);
    }
    // mode === 'object'
    switch (phase) {
      case 'key':
        if (depth === 1 && c === ':') {
          const k = parse(unit);
          if (typeof k !== 'string') throw new NotJsonRecords('an object key is not a string');
          key = k;
          unit = '';
          phase = 'valueStart';
          return;
        }
        if (depth === 1 && c === '}' && unit.trim() === '' && properties === 0) {
          mode = 'end';
          depth = 0;
          return;
        }
        return take(c);
      case 'valueStart':
        if (WS.has(c)) return;
        properties++;
        if (c === '[') {
          phase = 'array';
          depth = 2;
          elements = 0;
          return;
        }
        phase = 'value';
        return take(c);
      case 'value':
        if (depth === 1 && c === ',') {
          property();
          phase = 'key';
          return;
        }
        if (depth === 1 && c === '}') {
          property();
          mode = 'end';
          depth = 0;
          return;
        }
        return take(c);
      case 'array':
        if (depth === 2 && c === ',') return element(false);
        if (depth === 2 && c === ']') {
          element(true);
          depth = 1;
          phase = 'afterArray';
          return;
        }
        return take(c);
      case 'afterArray':
        if (WS.has(c)) return;
        if (c === ',') {
          phase = 'key';
          return;
        }
        if (c === '}') {
          mode = 'end';
          depth = 0;
          return;
        }
        throw new NotJsonRecords('unexpected character after an array');
    }
  };

  const feed = (text: string) => {
    for (const c of text) step(c);
  };
  const decode = (chunk?: Uint8Array): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new NotJsonRecords('not UTF-8');
    }
  };
  for await (const chunk of chunks) {
    feed(decode(chunk));
    yield* out.splice(0);
  }
  feed(decode());
  yield* out.splice(0);
  if ((mode as Mode) !== 'end') throw new NotJsonRecords((mode as Mode) === 'start' ? 'empty document' : 'the document is cut short');
}
