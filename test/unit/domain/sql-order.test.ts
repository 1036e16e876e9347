import { describe, expect, it } from 'vitest';
import { erasureOrder, matchOrder, TableCycle } from '../../../functions/domain/sql-order';

const identity = { identity: 'email' };
const refs = (table: string) => ({ references: { table } });

describe('the order of a database’s tables', () => {
  const tables = [
    { name: 'invoice', match: refs('user') },
    { name: 'user', match: identity },
    { name: 'line', match: refs('invoice') },
    { name: 'newsletter', match: identity },
  ];

  it('reads a referenced table before the tables that reference it', () => {
    expect(matchOrder(tables).map((t) => t.name)).toEqual(['user', 'invoice', 'line', 'newsletter']);
  });

  it('erases a referencing table before the one it references, keeping the declared order among equals', () => {
    expect(erasureOrder(tables).map((t) => t.name)).toEqual(['line', 'invoice', 'user', 'newsletter']);
  });

  it('erases a table after the ones it declares in `after`', () => {
    const withAfter = [
      { name: 'user', match: identity, after: ['newsletter'] },
      { name: 'newsletter', match: identity },
    ];
    expect(erasureOrder(withAfter).map((t) => t.name)).toEqual(['newsletter', 'user']);
  });

  it('names the tables of a cycle', () => {
    const cycle = [
      { name: 'a', match: refs('b'), after: ['b'] },
      { name: 'b', match: identity },
    ];
    expect(() => erasureOrder(cycle)).toThrow(TableCycle);
    expect(() => erasureOrder(cycle)).toThrow('a, b');
  });
});
