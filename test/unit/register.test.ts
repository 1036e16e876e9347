import { describe, expect, it } from 'vitest';
import { register } from '../../functions/lib/register';
import { parseRegister } from '../../functions/lib/register-schema';

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
  it('ships a demo controller whose own stores delete, anonymise, hold and suppress, and every other kind of processor', () => {
    const demo = register.controllers[0]!;
    expect(demo.processors.flatMap((p) => (p.kind === 'dynamodb' ? [[p.id, p.erasure.mode]] : []))).toEqual([
      ['members', 'delete'],
      ['event-participation', 'anonymise'],
      ['invoices', 'legal_hold'],
      ['mailing-list', 'suppress'],
    ]);
    expect(new Set(demo.processors.map((p) => p.kind))).toEqual(new Set(['dynamodb', 'opendsr', 'email', 'manual']));
  });

  it('fills placeholders from the environment, with defaults, and names a missing one', () => {
    const { table: _t, lookup: _l, erasure: _e, ...art15 } = members;
    const withUrl = (url: string) => controller([{ ...art15, kind: 'opendsr', url, domain: 'localhost', trustRoots: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'] }]);
    const parsed = parseRegister(withUrl('${VENDOR_URL:-http://localhost:8090/v1}'), {});
    expect(parsed.controllers[0]!.processors[0]).toMatchObject({ url: 'http://localhost:8090/v1' });
    expect(parseRegister(withUrl('${VENDOR_URL}'), { VENDOR_URL: 'https://dsr.vendor.example/v1' }).controllers[0]!.processors[0]).toMatchObject({ url: 'https://dsr.vendor.example/v1' });
    expect(() => parseRegister(withUrl('${VENDOR_URL}'), {})).toThrow(/uses \$\{VENDOR_URL\} at controllers\.0\.processors\.0\.url but VENDOR_URL is not set/);
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
