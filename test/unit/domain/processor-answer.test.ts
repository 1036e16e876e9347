import { describe, expect, it } from 'vitest';
import { readProcessorAnswer } from '../../../functions/domain/processor-answer';

const now = new Date('2026-03-10T12:00:00Z');

describe("a processor's answer", () => {
  it('takes done and not_found as they are, ignoring the blank fields a form sends with them', () => {
    expect(readProcessorAnswer({ outcome: 'done', basis: '', until: '', kept: '', reason: '' }, now)).toEqual({ answer: { outcome: 'done' } });
    expect(readProcessorAnswer({ outcome: 'not_found', until: 'not a date' }, now)).toEqual({ answer: { outcome: 'not_found' } });
  });

  it('keeps a retained answer with its basis and a future date, trimmed', () => {
    expect(readProcessorAnswer({ outcome: 'retained', basis: '  Bookkeeping Act 7:2 ', until: '2033-12-31' }, now)).toEqual({
      answer: { outcome: 'retained', basis: 'Bookkeeping Act 7:2', until: '2033-12-31' },
    });
    expect(readProcessorAnswer({ outcome: 'retained', basis: 'Tax law', until: '2027-01-01T00:00:00Z' }, now)).toEqual({
      answer: { outcome: 'retained', basis: 'Tax law', until: '2027-01-01' },
    });
    expect(readProcessorAnswer({ outcome: 'retained', basis: 'Tax law' }, now)).toEqual({ answer: { outcome: 'retained', basis: 'Tax law' } });
  });

  it('refuses retained without a basis, and an until that is not a future date, naming each field', () => {
    expect(readProcessorAnswer({ outcome: 'retained', basis: '   ' }, now)).toEqual({ errors: { basis: expect.stringContaining('basis is required') } });
    expect(readProcessorAnswer({ outcome: 'retained', basis: 'x', until: '2026-03-10' }, now)).toEqual({
      errors: { until: 'until must be a date in the future' },
    });
    expect(readProcessorAnswer({ outcome: 'retained', basis: 'x', until: '2026-02-30' }, now)).toEqual({
      errors: { until: 'until must be a date (YYYY-MM-DD)' },
    });
    expect(readProcessorAnswer({ outcome: 'retained', basis: 'x', until: 'soon' }, now)).toEqual({ errors: { until: 'until must be a date (YYYY-MM-DD)' } });
    expect(readProcessorAnswer({ outcome: 'retained', basis: 'x'.repeat(501) }, now)).toEqual({ errors: { basis: 'basis must be at most 500 characters' } });
    expect(readProcessorAnswer({ outcome: 'retained', basis: 42 }, now)).toMatchObject({ errors: { basis: expect.any(String) } });
  });

  it('needs what was kept and why for partly', () => {
    expect(readProcessorAnswer({ outcome: 'partly', kept: 'Invoices', reason: 'Bookkeeping Act', until: '2030-06-30' }, now)).toEqual({
      answer: { outcome: 'partly', kept: 'Invoices', reason: 'Bookkeeping Act', until: '2030-06-30' },
    });
    expect(readProcessorAnswer({ outcome: 'partly', until: '2020-01-01' }, now)).toEqual({
      errors: { kept: expect.any(String), reason: expect.any(String), until: 'until must be a date in the future' },
    });
  });

  it('refuses an unknown or missing outcome', () => {
    expect(readProcessorAnswer({ outcome: 'erased' }, now)).toEqual({ errors: { outcome: 'outcome must be one of: done, not_found, retained, partly' } });
    expect(readProcessorAnswer({}, now)).toMatchObject({ errors: { outcome: expect.any(String) } });
  });
});
