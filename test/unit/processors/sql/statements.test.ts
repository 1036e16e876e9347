import { describe, expect, it } from 'vitest';
import type { SqlTable } from '../../../../functions/domain/register-schema';
import { chunks, normaliseIdentity, TableStatements } from '../../../../functions/processors/sql/statements';

const user: SqlTable = {
  name: 'auth_user',
  key: ['id'],
  match: { column: 'email', identity: 'email', normalise: ['trim', 'lower'] },
  export: 'all',
  erasure: { mode: 'delete' },
  rectifiable: [],
  after: [],
  maxRows: 10,
  retentionRules: [],
};
const line: SqlTable = {
  ...user,
  name: 'invoice_line',
  key: ['invoice_id', 'line_no'],
  match: { column: 'invoice_id', references: { table: 'invoice', column: 'id' } },
};

describe('the statements of the sql kind', () => {
  it('quotes every name, qualifies PostgreSQL tables with their schema and binds the identity as a parameter', () => {
    const s = new TableStatements({ engine: 'postgres', schema: 'app' }, user).select(['id', 'email'], 'jane@example.org', 11);
    expect(s).toEqual({ text: 'SELECT "id", "email" FROM "app"."auth_user" WHERE LOWER(TRIM("email")) = $1 LIMIT 11', values: ['jane@example.org'] });
  });

  it('uses MySQL’s backticks and question marks, and row values for a composite key', () => {
    const s = new TableStatements({ engine: 'mysql' }, line);
    expect(s.select('all', [1, 2], 5)).toEqual({ text: 'SELECT * FROM `invoice_line` WHERE `invoice_id` IN (?, ?) LIMIT 5', values: [1, 2] });
    expect(
      s.update(
        [['note', null]],
        [
          { invoice_id: 1, line_no: 1 },
          { invoice_id: 1, line_no: 2 },
        ],
      ),
    ).toEqual({ text: 'UPDATE `invoice_line` SET `note` = ? WHERE (`invoice_id`, `line_no`) IN ((?, ?), (?, ?))', values: [null, 1, 1, 1, 2] });
  });

  it('doubles a quote character in a name rather than ending the name', () => {
    const odd = { ...user, name: 'we"ird' };
    expect(new TableStatements({ engine: 'postgres' }, odd).delete([{ id: 1 }]).text).toBe('DELETE FROM "public"."we""ird" WHERE "id" IN ($1)');
  });

  it('normalises the identity with the steps the column gets', () => {
    expect(normaliseIdentity('  Jane.Doe@Example.ORG ', ['trim', 'lower'])).toBe('jane.doe@example.org');
    expect(normaliseIdentity(' Jane ', [])).toBe(' Jane ');
  });

  it('splits long key lists into chunks', () => {
    expect(chunks([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
  });
});
