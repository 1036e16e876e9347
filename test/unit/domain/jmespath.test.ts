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

describe('the JMESPath subset', () => {
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

  it('refuses what it does not evaluate, saying where', () => {
    expect(() => compile('members[?')).toThrow(JmesPathError);
    expect(() => compile('length(members)')).toThrow(/at 6/);
    expect(() => compile('a.')).toThrow(/field name/);
  });
});
