import { describe, expect, it } from 'vitest';
import { parseRegister, register } from '../../functions/lib/register';

const controller = (processors: unknown[]) => ({
  controllers: [{
    id: 'acme',
    name: 'Acme',
    country: 'SE',
    dpoEmail: 'dpo@acme.example',
    locales: ['en'],
    supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
    processors,
  }],
});

const members = {
  id: 'members',
  kind: 'dynamodb',
  name: 'Members',
  table: 'members',
  lookup: { indexName: 'by-email', attribute: 'email' },
  dataCategories: ['contact details'],
  purposes: ['membership'],
  legalBasis: 'contract',
  retention: '2 years',
  erasure: { mode: 'delete' },
};

describe('the register', () => {
  it('ships a demo controller with two DynamoDB stores, one deleting and one anonymising', () => {
    const demo = register.controllers[0]!;
    expect(demo.processors.map((p) => [p.id, p.erasure.mode])).toEqual([
      ['members', 'delete'],
      ['event-participation', 'anonymise'],
    ]);
  });

  it('defaults the deadline to 30 days', () => {
    expect(parseRegister(controller([members])).controllers[0]!.deadline).toEqual({ rule: 'days', days: 30 });
  });

  it('refuses to anonymise the attribute the subject is keyed by, and says where', () => {
    const keyed = { ...members, lookup: { keyAttribute: 'email' }, erasure: { mode: 'anonymise', identifyingAttributes: ['email'] } };
    expect(() => parseRegister(controller([keyed]))).toThrow(/controllers\.0\.processors\.0\.erasure\.identifyingAttributes: cannot anonymise the key attribute email/);
  });

  it('refuses duplicate processor ids and unknown fields', () => {
    expect(() => parseRegister(controller([members, members]))).toThrow(/duplicate processor id members/);
    expect(() => parseRegister(controller([{ ...members, tabel: 'typo' }]))).toThrow(/tabel/);
  });
});
