import { describe, expect, it } from 'vitest';
import { dueDate } from '../../../functions/domain/deadlines';
import { EARLIEST_RECEIVED_DAYS, receivedAtFor, validateStaffEntry } from '../../../functions/domain/staff-entry';
import { InvalidSubmission } from '../../../functions/domain/submission';
import { register } from '../../../functions/platform/register';

const AT = new Date('2026-03-10T14:30:00.000Z');
const PHONE = {
  controller: 'demo-association',
  type: 'access',
  email: 'caller@example.org',
  channel: 'phone',
  receivedOn: '2026-03-05',
  identity: 'attested',
  attestationReason: 'Called from the number on file and named the membership number',
};

/** The errors a refused entry names, by field. */
function errorsOf(input: Record<string, unknown>): Record<string, string> {
  try {
    validateStaffEntry(input, register, AT);
  } catch (err) {
    if (err instanceof InvalidSubmission) return err.errors;
    throw err;
  }
  throw new Error('the entry was accepted');
}

describe('a request staff record', () => {
  it('is accepted with the form fields, the channel, the received day and an attested identity', () => {
    const { submission, controller, facts } = validateStaffEntry(PHONE, register, AT);
    expect(submission).toMatchObject({ type: 'access', email: 'caller@example.org' });
    expect(controller.id).toBe('demo-association');
    expect(facts).toEqual({
      channel: 'phone',
      receivedAt: '2026-03-05T00:00:00.000Z',
      identity: { method: 'attested', reason: PHONE.attestationReason },
    });
  });

  it('counts its deadline from the received day, by the controller’s deadline rule', () => {
    const { controller, facts } = validateStaffEntry(PHONE, register, AT);
    // The demo association answers in 30 days: from 5 March, by the end of 4 April (not from the day it was recorded).
    expect(controller.deadline).toEqual({ rule: 'days', days: 30 });
    expect(dueDate(new Date(facts.receivedAt), controller.deadline, controller.publicHolidays).toISOString()).toBe('2026-04-04T23:59:59.999Z');
  });

  it('takes the moment of recording when it was received today', () => {
    expect(validateStaffEntry({ ...PHONE, receivedOn: '2026-03-10' }, register, AT).facts.receivedAt).toBe(AT.toISOString());
  });

  it('refuses a received date in the future or further back than the bound, naming receivedOn', () => {
    expect(errorsOf({ ...PHONE, receivedOn: '2026-03-11' }).receivedOn).toBe('receivedOn must not be in the future');
    expect(errorsOf({ ...PHONE, receivedOn: '2025-12-07' }).receivedOn).toMatch(/within the last 92 days/);
    expect(errorsOf({ ...PHONE, receivedOn: '10/03/2026' }).receivedOn).toMatch(/YYYY-MM-DD/);
    expect(receivedAtFor('2025-12-08', AT)).toEqual({ receivedAt: '2025-12-08T00:00:00.000Z' });
    expect(EARLIEST_RECEIVED_DAYS).toBe(92);
  });

  it('validates like the form: an unknown right, a bad address and a right without its fields are refused by the form’s own messages', () => {
    const errors = errorsOf({ ...PHONE, type: 'forget_me', email: 'not an address' });
    expect(errors.type).toMatch(/^type must be one of: access/);
    expect(errors.email).toBe('email must be a valid email address');
    expect(errorsOf({ ...PHONE, type: 'rectification' })).toMatchObject({ corrected: expect.stringMatching(/^corrected is required/) });
    expect(errorsOf({ ...PHONE, controller: 'nobody' }).controller).toMatch(/^controller is not/);
  });

  it('names every bad field at once, the form’s and its own', () => {
    expect(Object.keys(errorsOf({ ...PHONE, email: '', channel: 'fax', receivedOn: '2030-01-01' })).sort()).toEqual(['channel', 'email']);
    expect(Object.keys(errorsOf({ ...PHONE, email: '', receivedOn: '2030-01-01' })).sort()).toEqual(['email', 'receivedOn']);
  });

  it('requires a reason for an attested identity, and takes none with a verification email', () => {
    expect(errorsOf({ ...PHONE, attestationReason: '  ' }).attestationReason).toMatch(/^attestationReason is required/);
    expect(errorsOf({ ...PHONE, identity: 'verification_email' }).attestationReason).toMatch(/only for identity attested/);
    const { attestationReason: _, ...letter } = { ...PHONE, channel: 'letter', identity: 'verification_email' };
    expect(validateStaffEntry(letter, register, AT).facts.identity).toEqual({ method: 'verification_email' });
  });

  it('refuses an unknown channel or identity method, naming the field', () => {
    expect(errorsOf({ ...PHONE, channel: 'pigeon' }).channel).toMatch(/^channel must be one of: letter, phone, email, in_person/);
    expect(errorsOf({ ...PHONE, identity: 'trust_me' }).identity).toMatch(/^identity must be one of/);
    expect(errorsOf({ ...PHONE, attestationReason: 'a\u0000b' }).attestationReason).toMatch(/control characters/);
  });
});

describe('a request staff record for someone else', () => {
  it('takes who it is for as the form does', () => {
    const valid = validateStaffEntry({ ...PHONE, onBehalfOf: 'mandate', subjectName: 'Dan Novak', subjectEmail: 'dan@example.org' }, register, AT);
    expect(valid.onBehalfOf).toEqual({ representation: 'mandate', name: 'Dan Novak', email: 'dan@example.org' });
    expect(errorsOf({ ...PHONE, onBehalfOf: 'mandate' })).toMatchObject({
      subjectName: expect.stringContaining('required'),
      subjectEmail: expect.stringContaining('required'),
    });
  });
});
