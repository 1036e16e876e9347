import { describe, expect, it } from 'vitest';
import { registerSchema } from '../../../functions/domain/register-schema.ts';
import { readmeSqlExamples, registerWith } from '../../fixtures/readme-sql.ts';

describe("README's sql examples", () => {
  const examples = readmeSqlExamples();

  it('show a Django, a Rails and a WordPress database', () => {
    expect([...examples.keys()]).toEqual(['courses-db', 'shop-db', 'wordpress-db']);
  });

  it.each([...examples])('%s is a valid register entry', (_id, example) => {
    const result = registerSchema().safeParse(registerWith(example));
    expect(result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  });

  it('show both ways of giving the connection', () => {
    const connections = [...examples.values()].map((e) => (e as { connection: Record<string, string> }).connection);
    expect(connections.some((c) => /^\$\{[A-Z_]+\}$/.test(c.url ?? ''))).toBe(true);
    expect(connections.some((c) => c.secret?.startsWith('arn:aws:secretsmanager:'))).toBe(true);
  });
});
