import { describe, expect, it } from 'vitest';
import { answerFieldErrors, processorAnswerSchema, readProcessorAnswer } from '../../../functions/domain/processor-answer';

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

  it('drops a field the chosen outcome does not take, as a form that switched outcome sends it', () => {
    expect(readProcessorAnswer({ outcome: 'retained', basis: 'Tax law', kept: 'Invoices', reason: 'x' }, now)).toEqual({
      answer: { outcome: 'retained', basis: 'Tax law' },
    });
  });
});

describe("the one schema of a processor's answer (JSON: in-house systems and their callbacks)", () => {
  const read = (value: unknown) => {
    const parsed = processorAnswerSchema(now).safeParse(value);
    return parsed.success ? { answer: parsed.data } : { errors: answerFieldErrors(parsed.error) };
  };

  it('takes the four outcomes, an until as a date or an ISO time, stored as the date written', () => {
    expect(read({ outcome: 'done' })).toEqual({ answer: { outcome: 'done' } });
    expect(read({ outcome: 'retained', basis: 'Bookkeeping Act', until: '2027-01-01T01:00:00+05:00' })).toEqual({
      answer: { outcome: 'retained', basis: 'Bookkeeping Act', until: '2027-01-01' },
    });
    expect(read({ outcome: 'partly', kept: 'Invoices', reason: 'Tax law' })).toEqual({ answer: { outcome: 'partly', kept: 'Invoices', reason: 'Tax law' } });
  });

  it('refuses a retained answer with a past until, or without a basis, naming each field, never the value', () => {
    expect(read({ outcome: 'retained', basis: 'Bookkeeping Act', until: '2020-01-01' })).toEqual({ errors: { until: 'until must be a date in the future' } });
    expect(read({ outcome: 'retained', until: '2033-12-31' })).toEqual({
      errors: { basis: expect.stringContaining('basis is required when outcome is retained') },
    });
    expect(read({ outcome: 'retained', basis: 'x', until: 20331231 })).toEqual({ errors: { until: 'until must be a date (YYYY-MM-DD)' } });
  });

  it('refuses partly without what was kept and why', () => {
    expect(read({ outcome: 'partly', kept: ' ' })).toEqual({
      errors: { kept: expect.stringContaining('kept is required'), reason: expect.stringContaining('reason is required') },
    });
  });

  it('is strict: a field the outcome does not take is named; a key that is not a name is not repeated', () => {
    expect(read({ outcome: 'done', basis: 'x' })).toEqual({ errors: { basis: 'outcome done takes only: outcome' } });
    const errors = read({ outcome: 'not_found', 'erik@example.org': true }).errors!;
    expect(Object.keys(errors)).toEqual(['(body)']);
    expect(JSON.stringify(errors)).not.toContain('erik');
  });

  it('refuses what is not an answer', () => {
    expect(read('done')).toEqual({ errors: { '(body)': 'the answer must be an object' } });
    expect(read({ outcome: 'erased' })).toEqual({ errors: { outcome: 'outcome must be one of: done, not_found, retained, partly' } });
  });
});
