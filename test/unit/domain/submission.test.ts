import { describe, expect, it } from 'vitest';
import { subjectName, subjectOf } from '../../../functions/domain/request';
import { InvalidSubmission, validateSubmission, withoutOtherRights } from '../../../functions/domain/submission';
import { register } from '../../../functions/platform/register';

function errorsOf(input: unknown): Record<string, string> {
  try {
    validateSubmission(input, register);
  } catch (err) {
    if (err instanceof InvalidSubmission) return err.errors;
    throw err;
  }
  throw new Error('expected the submission to be refused');
}

describe('a submitted request', () => {
  it('accepts an access request and defaults the language and the controller', () => {
    const { submission, controller } = validateSubmission({ type: 'access', email: ' ada@example.org ' }, register);
    expect(submission).toMatchObject({ type: 'access', email: 'ada@example.org', locale: 'en' });
    expect(controller.id).toBe('demo-association');
  });

  it('treats an empty name from the form as no name', () => {
    expect(validateSubmission({ type: 'erasure', email: 'a@example.org', name: '' }, register).submission.name).toBeUndefined();
  });

  it('names every bad field', () => {
    expect(errorsOf({ type: 'delete-everything', email: 'not-an-address', locale: 'fr', controller: 'nobody' })).toEqual({
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

describe("each right's own fields", () => {
  it('takes a correction of a declared attribute, and one described in words only', () => {
    const declared = validateSubmission(
      { type: 'rectification', email: 'a@example.org', rectifyAttribute: 'phone', inaccurate: ' 070-1 ', corrected: '070-2\nmobile' },
      register,
    );
    expect(declared.details.rectification).toEqual({ attribute: 'phone', inaccurate: '070-1', corrected: '070-2\nmobile' });
    // The form's "something else" sends an empty attribute.
    const described = validateSubmission(
      { type: 'rectification', email: 'a@example.org', rectifyAttribute: '', inaccurate: 'My old address', corrected: 'Storgatan 1' },
      register,
    );
    expect(described.details.rectification).toEqual({ inaccurate: 'My old address', corrected: 'Storgatan 1' });
  });

  it('refuses a correction without what is wrong and what is right, or of an attribute nobody declares', () => {
    expect(errorsOf({ type: 'rectification', email: 'a@example.org' })).toEqual({
      inaccurate: expect.stringContaining('inaccurate'),
      corrected: expect.stringContaining('corrected'),
    });
    expect(errorsOf({ type: 'rectification', email: 'a@example.org', rectifyAttribute: 'password', inaccurate: 'x', corrected: 'y' })).toHaveProperty(
      'rectifyAttribute',
    );
  });

  it('takes an objection with its scope and grounds, and requires the scope', () => {
    expect(
      validateSubmission({ type: 'objection', email: 'a@example.org', objectionScope: 'other', objectionGrounds: 'I moved' }, register).details.objection,
    ).toEqual({ scope: 'other', grounds: 'I moved' });
    expect(validateSubmission({ type: 'objection', email: 'a@example.org', objectionScope: 'direct_marketing' }, register).details.objection).toEqual({
      scope: 'direct_marketing',
    });
    expect(errorsOf({ type: 'objection', email: 'a@example.org' })).toHaveProperty('objectionScope');
    expect(errorsOf({ type: 'objection', email: 'a@example.org', objectionScope: 'everything' })).toHaveProperty('objectionScope');
  });

  it('takes withdrawn consents as the form sends them (a list) and refuses none or an undeclared purpose', () => {
    expect(
      validateSubmission({ type: 'withdraw_consent', email: 'a@example.org', consentPurposes: ['newsletter', 'newsletter'] }, register).details.consentPurposes,
    ).toEqual(['newsletter']);
    expect(errorsOf({ type: 'withdraw_consent', email: 'a@example.org' })).toHaveProperty('consentPurposes');
    expect(errorsOf({ type: 'withdraw_consent', email: 'a@example.org', consentPurposes: ['photos'] }).consentPurposes).toContain('newsletter');
  });

  it('takes a declared portability target, and no target at all', () => {
    expect(validateSubmission({ type: 'portability', email: 'a@example.org', transmitTo: 'demo-receiver' }, register).details.transmitTo).toBe('demo-receiver');
    expect(validateSubmission({ type: 'portability', email: 'a@example.org', transmitTo: '' }, register).details).toEqual({});
    expect(errorsOf({ type: 'portability', email: 'a@example.org', transmitTo: 'somewhere-else' })).toHaveProperty('transmitTo');
  });

  it("refuses another right's fields rather than dropping them, naming each", () => {
    expect(
      errorsOf({
        type: 'access',
        email: 'a@example.org',
        corrected: 'x',
        objectionScope: 'other',
        consentPurposes: ['newsletter'],
        transmitTo: 'demo-receiver',
      }),
    ).toEqual({
      corrected: expect.stringContaining('only for type rectification'),
      objectionScope: expect.stringContaining('only for type objection'),
      consentPurposes: expect.stringContaining('only for type withdraw_consent'),
      transmitTo: expect.stringContaining('only for type portability'),
    });
  });

  it('keeps a message with its line breaks, and refuses other control characters in free text', () => {
    expect(validateSubmission({ type: 'erasure', email: 'a@example.org', message: 'Line one\nLine two' }, register).details.message).toBe('Line one\nLine two');
    expect(errorsOf({ type: 'erasure', email: 'a@example.org', message: 'bell\u0007' })).toHaveProperty('message');
    expect(errorsOf({ type: 'erasure', email: 'a@example.org', message: 'x'.repeat(4001) })).toHaveProperty('message');
  });
});

describe('a request made for someone else', () => {
  const forChild = {
    type: 'access',
    email: 'pat.parent@example.org',
    name: 'Pat',
    onBehalfOf: 'parent',
    subjectName: ' Kim ',
    subjectEmail: ' Kim@Example.org ',
  };

  it('keeps who it is for apart from who asks, and the stores search by the person’s own address', () => {
    const valid = validateSubmission(forChild, register);
    expect(valid.submission.email).toBe('pat.parent@example.org');
    expect(valid.onBehalfOf).toEqual({ representation: 'parent', name: 'Kim', email: 'Kim@Example.org' });
    const request = { email: valid.submission.email, name: 'Pat', onBehalfOf: valid.onBehalfOf, identifiers: { phone: '+46701234567' } };
    expect(subjectOf(request)).toEqual({ email: 'Kim@Example.org', identifiers: { phone: '+46701234567' } });
    expect(subjectName(request)).toBe('Kim');
    expect(subjectOf({ email: 'me@example.org' })).toEqual({ email: 'me@example.org' });
  });

  it('needs the person’s name and address, and refuses them without onBehalfOf', () => {
    expect(errorsOf({ ...forChild, subjectName: '' })).toEqual({ subjectName: 'subjectName is required: the name of the person the request is for' });
    expect(errorsOf({ ...forChild, subjectEmail: 'not an address' })).toEqual({ subjectEmail: 'subjectEmail must be a valid email address' });
    expect(errorsOf({ ...forChild, onBehalfOf: 'friend' })).toEqual({ onBehalfOf: 'onBehalfOf must be one of: parent, mandate' });
    expect(errorsOf({ ...forChild, onBehalfOf: '' })).toEqual({
      subjectName: 'subjectName is only for a request made for someone else (onBehalfOf)',
      subjectEmail: 'subjectEmail is only for a request made for someone else (onBehalfOf)',
    });
  });

  it('drops a no-JS form’s fields for someone else when "me" was chosen', () => {
    expect(withoutOtherRights({ ...forChild, onBehalfOf: '', mandate: 'x' })).toEqual({
      type: 'access',
      email: 'pat.parent@example.org',
      name: 'Pat',
      onBehalfOf: '',
    });
    expect(withoutOtherRights(forChild)).toEqual(forChild);
  });
});
