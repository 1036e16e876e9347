import { describe, expect, it } from 'vitest';
import { compile, JmesPathError, search } from '../../../functions/domain/jmespath';

const answer = {
  exact_matches: {
    members: [
      { id: 'a1', email_address: 'x@example.org', status: 'subscribed' },
      { id: 'b2', status: 'unsubscribed' },
    ],
  },
  'has-dash': { n: 1 },
  pages: [[1, 2], [3]],
};

describe('JMESPath in connector definitions', () => {
  it('selects fields, indexes and projections', () => {
    expect(search('exact_matches.members[0].id', answer)).toBe('a1');
    expect(search('exact_matches.members[-1].id', answer)).toBe('b2');
    expect(search('exact_matches.members[*].id', answer)).toEqual(['a1', 'b2']);
    expect(search('"has-dash".n', answer)).toBe(1);
    expect(search('pages[]', answer)).toEqual([1, 2, 3]);
    expect(search('missing.field', answer)).toBeNull();
    expect(search('exact_matches.members | [0].status', answer)).toBe('subscribed');
  });

  it('filters by comparison', () => {
    expect(search("exact_matches.members[?status == 'unsubscribed'].id", answer)).toEqual(['b2']);
    expect(search('exact_matches.members[?status != \'unsubscribed\' && id == `"a1"`].id', answer)).toEqual(['a1']);
    expect(search('exact_matches.members[?email_address].id', answer)).toEqual(['a1']);
  });

  it('evaluates the whole language, such as a cursor only while there are more pages', () => {
    expect(search('has_more && data[-1].id', { has_more: true, data: [{ id: 'c1' }, { id: 'c2' }] })).toBe('c2');
    expect(search('has_more && data[-1].id', { has_more: false, data: [{ id: 'c1' }] })).toBe(false);
    expect(search('length(exact_matches.members)', answer)).toBe(2);
  });

  it('refuses a malformed expression when the definition is read, and accepts one that finds nothing', () => {
    expect(() => compile('members[?')).toThrow(JmesPathError);
    expect(() => compile('a.')).toThrow(JmesPathError);
    expect(() => compile('no_such_function(members)')).toThrow(JmesPathError);
    expect(() => compile('length(members)')).not.toThrow();
  });
});
