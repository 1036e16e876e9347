import { describe, expect, it } from 'vitest';
import hubspot from '../../../config/connectors/hubspot.json' with { type: 'json' };
import { parseConnector } from '../../../functions/domain/connector-schema';
import { lookupIdentity, missingIdentities, normaliseIdentifier, normalisePhone } from '../../../functions/domain/identifiers';
import { parseRegister } from '../../../functions/domain/register-schema';
import { InvalidSubmission, validateSubmission } from '../../../functions/domain/submission';
import { identitiesOf } from '../../../functions/processors/http/template';

const store = (lookup: Record<string, string>) => ({
  id: 'alerts',
  kind: 'dynamodb',
  name: 'Alerts',
  table: 'alerts',
  lookup,
  dataCategories: ['phone number'],
  purposes: ['alerts'],
  legalBasis: 'consent',
  retention: 'until you unsubscribe',
  erasure: { mode: 'delete' },
});

const registerOf = (processors: unknown[], identifiers?: string[]) => ({
  controllers: [
    {
      id: 'acme',
      name: 'Acme',
      country: 'SE',
      dpoEmail: 'dpo@acme.example',
      locales: ['en'],
      ...(identifiers ? { identifiers } : {}),
      supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
      processors,
    },
  ],
});

const problems = (input: unknown): string => {
  try {
    parseRegister(input);
    return '';
  } catch (err) {
    return (err as Error).message;
  }
};

describe('phone numbers as people type them', () => {
  it('makes the common forms E.164', () => {
    for (const typed of ['+46 70 123 45 67', '+46701234567', '0046 70-123 45 67', '+46 (0)70 123 45 67', '+46 (70) 123.45.67', ' +46\u00a070 123 45 67 '])
      expect(normalisePhone(typed), typed).toBe('+46701234567');
    expect(normalisePhone('+386 41 123 456')).toBe('+38641123456');
  });

  it('refuses a number without its country code, or one that cannot be a phone number', () => {
    for (const typed of ['070-123 45 67', '701234567', '+46 70 abc', '+0 70 123 45 67', '+1234', `+${'1'.repeat(16)}`, ''])
      expect(normalisePhone(typed), typed).toBeUndefined();
  });

  it('trims the other identifiers and keeps them as issued', () => {
    expect(normaliseIdentifier('customerNumber', ' C-00123 ')).toBe('C-00123');
    expect(normaliseIdentifier('username', 'Ada.L')).toBe('Ada.L');
    expect(normaliseIdentifier('memberNumber', '   ')).toBeUndefined();
  });
});

describe('which identity a lookup holds', () => {
  it('is the one named, else the attribute when it names one, else none', () => {
    expect(lookupIdentity({ indexName: 'by-phone', attribute: 'phone' })).toBe('phone');
    expect(lookupIdentity({ indexName: 'by-mobile', attribute: 'mobile', identity: 'phone' })).toBe('phone');
    expect(lookupIdentity({ keyAttribute: 'email' })).toBe('email');
    expect(lookupIdentity({ indexName: 'by-email', attribute: 'emailLower' })).toBeUndefined();
  });

  it('is missing only when the request gives none of a store’s identities', () => {
    expect(missingIdentities(['phone'], { email: 'a@example.org' })).toEqual(['phone']);
    expect(missingIdentities(['phone'], { email: 'a@example.org', identifiers: { phone: '+46701234567' } })).toEqual([]);
    expect(missingIdentities(['email', 'phone'], { email: 'a@example.org' })).toEqual([]);
    expect(missingIdentities([], { email: 'a@example.org' })).toEqual([]);
  });
});

describe('the register on identifiers', () => {
  it('refuses a lookup attribute that names no identity, naming the field', () => {
    expect(problems(registerOf([store({ indexName: 'by-mobile', attribute: 'mobile' })], ['phone']))).toContain(
      'controllers.0.processors.0.lookup.attribute: lookup.attribute mobile is no identity of the subject; say which it holds with lookup.identity',
    );
    expect(problems(registerOf([store({ keyAttribute: 'pk' })]))).toContain(
      'controllers.0.processors.0.lookup.keyAttribute: lookup.keyAttribute pk is no identity',
    );
  });

  it("refuses a lookup by an identity the controller's form does not ask for", () => {
    expect(problems(registerOf([store({ indexName: 'by-phone', attribute: 'phone' })]))).toContain(
      `controllers.0.processors.0.lookup.attribute: looks the subject up by phone, which acme's form does not ask for: add "phone" to the controller's identifiers`,
    );
    expect(problems(registerOf([store({ indexName: 'by-mobile', attribute: 'mobile', identity: 'customerNumber' })], ['phone']))).toContain(
      'controllers.0.processors.0.lookup.identity: looks the subject up by customerNumber',
    );
  });

  it('takes a lookup by a declared identifier, by its name or by `identity`', () => {
    expect(problems(registerOf([store({ indexName: 'by-phone', attribute: 'phone' })], ['phone']))).toBe('');
    expect(problems(registerOf([store({ indexName: 'by-mobile', attribute: 'mobile', identity: 'phone' })], ['phone']))).toBe('');
    expect(problems(registerOf([store({ indexName: 'by-email', attribute: 'email' })]))).toBe('');
  });

  it('refuses an unknown or repeated identifier', () => {
    expect(problems(registerOf([store({ keyAttribute: 'email' })], ['passport']))).toContain('controllers.0.identifiers.0: one of: phone');
    expect(problems(registerOf([store({ keyAttribute: 'email' })], ['phone', 'phone']))).toContain('an identifier is listed twice');
  });
});

describe('a submission with identifiers', () => {
  const register = parseRegister(registerOf([store({ indexName: 'by-phone', attribute: 'phone' })], ['phone']));
  const refused = (input: Record<string, unknown>) => {
    try {
      validateSubmission(input, register);
    } catch (err) {
      if (err instanceof InvalidSubmission) return err.errors;
      throw err;
    }
    return {};
  };

  it('keeps a declared phone number, made E.164, apart from the submission', () => {
    const { identifiers } = validateSubmission({ type: 'access', email: 'a@example.org', phone: '+46 70 123 45 67' }, register);
    expect(identifiers).toEqual({ phone: '+46701234567' });
    expect(validateSubmission({ type: 'access', email: 'a@example.org', phone: '' }, register).identifiers).toEqual({});
  });

  it('refuses a phone number it cannot make E.164, and an identifier the form does not ask for, naming each field', () => {
    expect(refused({ type: 'access', email: 'a@example.org', phone: '070 123 45 67' })).toEqual({
      phone: 'phone must be a phone number with its country code, e.g. +46 70 123 45 67',
    });
    expect(refused({ type: 'access', email: 'a@example.org', customerNumber: 'C-1' })).toEqual({
      customerNumber: 'customerNumber: this organisation does not ask for it',
    });
  });
});

describe("the http kind's identities", () => {
  it("gives a connector the request's phone number, E.164, and leaves it out when there is none", () => {
    const c = parseConnector(hubspot, 'hubspot.json');
    expect(identitiesOf(c, { email: 'Ada@Example.org', identifiers: { phone: '+46 70 123 45 67' } })).toMatchObject({ phone: '+46701234567' });
    expect(identitiesOf(c, { email: 'ada@example.org' })).not.toHaveProperty('phone');
  });
});
