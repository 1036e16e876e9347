import { describe, expect, it } from 'vitest';
import { InvalidSubmission, validateSubmission } from '../../functions/lib/submission';

function errorsOf(input: unknown): Record<string, string> {
  try {
    validateSubmission(input);
  } catch (err) {
    if (err instanceof InvalidSubmission) return err.errors;
    throw err;
  }
  throw new Error('expected the submission to be refused');
}

describe('a submitted request', () => {
  it('accepts an access request and defaults the language and the controller', () => {
    const { submission, controller } = validateSubmission({ type: 'access', email: ' ada@example.org ' });
    expect(submission).toMatchObject({ type: 'access', email: 'ada@example.org', locale: 'en' });
    expect(controller.id).toBe('demo-association');
  });

  it('treats an empty name from the form as no name', () => {
    expect(validateSubmission({ type: 'erasure', email: 'a@example.org', name: '' }).submission.name).toBeUndefined();
  });

  it('names every bad field', () => {
    expect(errorsOf({ type: 'delete-everything', email: 'not-an-address', locale: 'de', controller: 'nobody' })).toEqual({
      type: expect.stringContaining('type must be one of'),
      email: expect.stringContaining('email'),
      locale: expect.stringContaining('locale must be one of'),
      controller: expect.stringContaining('controller'),
    });
  });

  it('refuses a missing email and a body that is not an object', () => {
    expect(errorsOf({ type: 'access' })).toHaveProperty('email');
    expect(Object.keys(errorsOf(undefined)).sort()).toEqual(['email', 'type']);
  });

  it('refuses line breaks that could inject email headers, in the address and the name', () => {
    expect(errorsOf({ type: 'access', email: 'a@example.org\r\nBcc: x@example.org' })).toHaveProperty('email');
    expect(errorsOf({ type: 'access', email: 'a@example.org', name: 'Ada\r\nBcc: x@example.org' })).toHaveProperty('name');
  });

  it('does not quote the submitted values back in its messages', () => {
    const errors = errorsOf({ type: 'access', email: 'secret-person@example', name: 'x'.repeat(300) });
    expect(JSON.stringify(errors)).not.toContain('secret-person');
  });
});
