import { describe, expect, it } from 'vitest';
import { attachmentName } from '../../../../functions/processors/opendsr/attachment-name';
import { type JsonPart, NotJsonRecords, splitJsonRecords } from '../../../../functions/processors/opendsr/json-records';

/** Feeds the text in chunks of `size` bytes (cutting through strings and multi-byte characters). */
async function split(text: string, size = 3): Promise<JsonPart[]> {
  const bytes = Buffer.from(text, 'utf8');
  async function* chunks() {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const parts: JsonPart[] = [];
  for await (const part of splitJsonRecords(chunks())) parts.push(part);
  return parts;
}

const elements = (parts: JsonPart[]) => parts.filter((p) => p.kind === 'element').map((p) => p.value);

describe('OpenDSR results as JSON records, streamed', () => {
  it('splits a top-level array, whatever the chunking', async () => {
    const records = [
      { email: 'ada@example.org', topics: ['a', 'b'], note: 'commas, ] and } in "strings" \\ too' },
      { n: 2, nested: { deep: [1, [2, { x: 'ü€😀' }]] } },
      'text',
      3,
      null,
    ];
    for (const size of [1, 2, 5, 64, 10_000]) {
      expect(elements(await split(JSON.stringify(records, null, size % 2 ? 2 : 0), size))).toEqual(records);
    }
  });

  it('streams the arrays of an object and keeps its other properties', async () => {
    const doc = { subscriber: { since: '2020-01-01' }, subscriptions: [{ topic: 'jazz' }, { topic: 'news' }], events: [], count: 2 };
    const parts = await split(JSON.stringify(doc, null, 1));
    expect(elements(parts)).toEqual([{ topic: 'jazz' }, { topic: 'news' }]);
    expect(parts.filter((p) => p.kind === 'property')).toEqual([
      { kind: 'property', key: 'subscriber', value: { since: '2020-01-01' } },
      { kind: 'property', key: 'count', value: 2 },
    ]);
  });

  it('handles empty arrays and objects', async () => {
    expect(await split('[]')).toEqual([]);
    expect(await split(' [ ] ')).toEqual([]);
    expect(await split('{}')).toEqual([]);
  });

  it('refuses what is not an array or object of JSON, or is cut short', async () => {
    for (const bad of ['', 'hello', '"text"', '[1,2', '[1,,2]', '{"a":1', '[1] x', '{"a" 1}', 'PK\u0003\u0004']) {
      await expect(split(bad), bad).rejects.toBeInstanceOf(NotJsonRecords);
    }
  });

  it('refuses a record over the size limit', async () => {
    async function* big() {
      yield Buffer.from(`["${'x'.repeat(100)}"]`);
    }
    const run = async () => {
      for await (const _ of splitJsonRecords(big(), 50)) {
        /* drain */
      }
    };
    await expect(run()).rejects.toBeInstanceOf(NotJsonRecords);
  });

  it('names an attachment safely', () => {
    expect(attachmentName('https://p.example/v1/results/abc', 'application/zip', null)).toBe('abc.zip');
    expect(attachmentName('https://p.example/x', 'text/csv', 'attachment; filename="../../etc/pass wd.csv"')).toBe('etc_pass_wd.csv');
    expect(attachmentName('https://p.example/', 'application/octet-stream', null)).toBe('results');
  });
});
