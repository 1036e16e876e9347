import { describe, expect, it } from 'vitest';
import { dueDate } from '../../../functions/domain/deadlines';
import { parseRegister, staffText } from '../../../functions/domain/register-schema';
import { findController, register } from '../../../functions/platform/register';
import { demoTableDefinitions, readDemoData } from '../../../local/provision';

const controller = (processors: unknown[]) => ({
  controllers: [
    {
      id: 'acme',
      name: 'Acme',
      country: 'SE',
      dpoEmail: 'dpo@acme.example',
      locales: ['en'],
      supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
      processors,
    },
  ],
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
    const withUrl = (url: string) =>
      controller([{ ...art15, kind: 'opendsr', url, domain: 'localhost', trustRoots: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'] }]);
    const parsed = parseRegister(withUrl('${VENDOR_URL:-http://localhost:8090/v1}'), {});
    expect(parsed.controllers[0]!.processors[0]).toMatchObject({ url: 'http://localhost:8090/v1' });
    expect(parseRegister(withUrl('${VENDOR_URL}'), { VENDOR_URL: 'https://dsr.vendor.example/v1' }).controllers[0]!.processors[0]).toMatchObject({
      url: 'https://dsr.vendor.example/v1',
    });
    expect(() => parseRegister(withUrl('${VENDOR_URL}'), {})).toThrow(/uses \$\{VENDOR_URL\} at controllers\.0\.processors\.0\.url but VENDOR_URL is not set/);
  });

  it('defaults the deadline to 30 days', () => {
    expect(parseRegister(controller([members])).controllers[0]!.deadline).toEqual({ rule: 'days', days: 30 });
  });

  it('refuses to anonymise the attribute the subject is keyed by, and says where', () => {
    const keyed = { ...members, lookup: { keyAttribute: 'email' }, erasure: { mode: 'anonymise', identifyingAttributes: ['email'] } };
    expect(() => parseRegister(controller([keyed]))).toThrow(
      /controllers\.0\.processors\.0\.erasure\.identifyingAttributes: cannot anonymise the key attribute email/,
    );
  });

  it("declares a mailing tool's lists by consent purpose and names the secrets of the controller's keys", () => {
    const withTool = (purpose: string, more: object = {}) => {
      const r = controller([members]);
      Object.assign(r.controllers[0]!, {
        consentPurposes: [{ id: 'news', name: 'News', processors: ['members'] }],
        mailingTools: [{ id: 'mailchimp', tool: 'mailchimp', webhookSecret: 'acme/mailchimp', lists: [{ listId: 'a6b5da1054', purpose }] }],
        ...more,
      });
      return r;
    };
    expect(() => parseRegister(withTool('newsletter'))).toThrow(/mailingTools\.0\.lists\.0\.purpose: consent purpose newsletter is not declared by acme/);
    const parsed = parseRegister(withTool('news', { suppressionCheck: { apiKeySecret: 'acme/api-key' } }));
    expect(parsed.controllers[0]).toMatchObject({ mailingTools: [{ webhookSecret: 'acme/mailchimp' }], suppressionCheck: { apiKeySecret: 'acme/api-key' } });
    expect(() => parseRegister(withTool('news', { suppressionCheck: {} }))).toThrow(/suppressionCheck\.apiKeySecret/);
  });

  it('refuses duplicate processor ids and unknown fields', () => {
    expect(() => parseRegister(controller([members, members]))).toThrow(/duplicate processor id members/);
    expect(() => parseRegister(controller([{ ...members, tabel: 'typo' }]))).toThrow(/tabel/);
  });

  it('ships a second controller, a Swedish organising platform answering within a month of Swedish working days', () => {
    const platform = findController('demo-organising-platform')!;
    expect(platform).toMatchObject({ country: 'SE', locales: ['sv', 'en', 'de'], deadline: { rule: 'month' } });
    const due = (received: string) =>
      dueDate(new Date(`${received}T09:00:00Z`), platform.deadline, platform.publicHolidays)
        .toISOString()
        .slice(0, 10);
    expect(due('2026-03-03')).toBe('2026-04-07'); // Good Friday and Easter Monday
    expect(due('2026-04-14')).toBe('2026-05-15'); // Ascension Day
    // Midsummer Eve is no public holiday in law, but Swedish law on computing statutory time
    // (1930:173, 2 §) treats it like one, as it does Christmas Eve and New Year's Eve.
    expect(due('2026-05-19')).toBe('2026-06-22');
    expect(due('2025-11-24')).toBe('2025-12-29'); // Christmas Eve to Boxing Day, then a weekend
    expect(due('2026-11-30')).toBe('2026-12-30'); // an ordinary Wednesday stays
  });

  it("sends the platform's access and portability requests without a name to an identity check, and names whom it processes for", () => {
    const platform = findController('demo-organising-platform')!;
    expect(platform.review).toMatchObject({
      repeatWindowDays: 30,
      identityCheckRights: ['access', 'portability'],
      identityCheckOnlyWithoutName: true,
      clockPausesForInformation: true,
    });
    expect(platform.actsAsProcessorFor?.description).toMatch(/organisations that subscribe/);
    expect(platform.branding.accentColour).toMatch(/^#[0-9a-f]{6}$/i);
    expect(staffText(platform, platform.supervisoryAuthority.name)).toMatch(/IMY/);
    expect(platform.dpoEmail).not.toBe(findController('demo-association')!.dpoEmail);
  });

  it("keeps each controller's data in stores of its own, so a request to one never reaches the other's", () => {
    const tablesOf = (id: string) => findController(id)!.processors.flatMap((p) => (p.kind === 'dynamodb' ? [p.table] : []));
    const association = tablesOf('demo-association');
    const platform = tablesOf('demo-organising-platform');
    expect(platform).toHaveLength(4);
    expect(platform.filter((t) => association.includes(t))).toEqual([]);
    const processorIds = (id: string) => findController(id)!.processors.map((p) => p.id);
    expect(processorIds('demo-organising-platform').filter((p) => processorIds('demo-association').includes(p))).toEqual([]);
  });

  it('seeds every DynamoDB store of the register with demo data, one person known to both controllers and one to the platform only', () => {
    const demo = readDemoData();
    const defs = demoTableDefinitions(register, demo);
    for (const def of defs) {
      expect(demo.tables[def.TableName!]?.items.length, def.TableName).toBeGreaterThan(0);
      // Every seeded item carries the key and the lookup attribute the definition declares.
      const attrs = def.AttributeDefinitions!.map((a) => a.AttributeName!);
      for (const item of demo.tables[def.TableName!]!.items) for (const a of attrs) expect(typeof item[a], `${def.TableName}.${a}`).toBe('string');
    }
    const holders = (email: string) =>
      register.controllers
        .filter((c) => c.processors.some((p) => p.kind === 'dynamodb' && demo.tables[p.table]?.items.some((i) => i.email === email)))
        .map((c) => c.id);
    expect(holders('ada@example.org')).toEqual(['demo-association', 'demo-organising-platform']);
    expect(holders('elin@example.org')).toEqual(['demo-organising-platform']);
    expect(demo.subjects.map((s) => s.email)).toEqual(expect.arrayContaining(['ada@example.org', 'elin@example.org']));
  });
});

/** The members store with other fields, e.g. retention rules. */
const store = (over: Record<string, unknown> = {}) => ({ ...members, ...over });
const inactive = { id: 'inactive-members', description: 'Members inactive for two years', countsFrom: 'lastActiveAt', afterMonths: 24, action: 'delete' };

describe('retention rules in the register', () => {
  it('runs a rule dry unless the controller enforces it, and keeps the free-text retention for Art. 13/15', () => {
    const [p] = parseRegister(controller([store({ retentionRules: [inactive] })])).controllers[0]!.processors;
    expect(p).toMatchObject({ retention: '2 years', retentionRules: [{ ...inactive, enforce: false }] });
    expect(parseRegister(controller([store()])).controllers[0]!.processors[0]).toMatchObject({ retentionRules: [] });
  });

  it('refuses to anonymise at a store that declares no anonymisation, saying what to do instead', () => {
    const rule = { ...inactive, action: 'anonymise' };
    expect(() => parseRegister(controller([store({ retentionRules: [rule] })]))).toThrow(
      /processors\.0\.retentionRules\.0\.action: rule inactive-members: this store declares no anonymisation \(its erasure mode is delete\); use action delete/,
    );
    const anonymising = store({ erasure: { mode: 'anonymise', identifyingAttributes: ['email', 'name'] }, retentionRules: [rule] });
    expect(parseRegister(controller([anonymising])).controllers[0]!.processors[0]).toMatchObject({ retentionRules: [{ action: 'anonymise' }] });
  });

  it('names an unknown action, an unknown field and a period given in days', () => {
    expect(() => parseRegister(controller([store({ retentionRules: [{ ...inactive, action: 'archive' }] })]))).toThrow(
      /retentionRules\.0\.action: action must be delete or anonymise/,
    );
    expect(() => parseRegister(controller([store({ retentionRules: [{ ...inactive, countFrom: 'x' }] })]))).toThrow(/countFrom/);
    expect(() => parseRegister(controller([store({ retentionRules: [{ ...inactive, afterDays: 730 }] })]))).toThrow(
      /retentionRules\.0\.afterDays: retention rules count in calendar months: use afterMonths/,
    );
  });

  it('refuses to count from the address subjects are looked up by, a mark the service writes, or an attribute anonymisation removes', () => {
    const rule = (countsFrom: string, action = 'delete') => ({ ...inactive, countsFrom, action });
    expect(() => parseRegister(controller([store({ retentionRules: [rule('email')] })]))).toThrow(
      /countsFrom: rule inactive-members: email is the attribute subjects are looked up by, not a date/,
    );
    expect(() => parseRegister(controller([store({ retentionRules: [rule('holdUntil')] })]))).toThrow(/holdUntil is written by this service/);
    const anonymising = store({
      erasure: { mode: 'anonymise', identifyingAttributes: ['email', 'lastSeen'] },
      retentionRules: [rule('lastSeen', 'anonymise')],
    });
    expect(() => parseRegister(controller([anonymising]))).toThrow(/lastSeen is one of the identifying attributes anonymisation removes/);
  });

  it('refuses two rules of one controller with the same id, even at different stores', () => {
    const other = store({ id: 'newsletter', table: 'newsletter', retentionRules: [{ ...inactive, countsFrom: 'unsubscribedAt' }] });
    expect(() => parseRegister(controller([store({ retentionRules: [inactive] }), other]))).toThrow(
      /processors\.1\.retentionRules\.0\.id: duplicate retention rule id inactive-members/,
    );
  });

  it('ships demo rules modelled on the privacy policies: one enforced, the others dry runs', () => {
    const rules = register.controllers.flatMap((c) =>
      c.processors.flatMap((p) => (p.kind === 'dynamodb' ? p.retentionRules.map((r) => ({ controller: c.id, store: p.id, ...r })) : [])),
    );
    expect(rules.filter((r) => r.enforce).map((r) => r.id)).toEqual(['event-contacts']);
    expect(rules.map((r) => [r.controller, r.id, r.afterMonths, r.action])).toEqual([
      ['demo-association', 'inactive-members', 24, 'delete'],
      ['demo-association', 'event-contacts', 36, 'anonymise'],
      ['demo-association', 'unsubscribed-addresses', 6, 'delete'],
      ['demo-organising-platform', 'inactive-accounts', 24, 'anonymise'],
      ['demo-organising-platform', 'usage-after-three-months', 3, 'delete'],
    ]);
  });
});

describe('a sql processor in the register', () => {
  const base = {
    id: 'courses-db',
    kind: 'sql',
    name: 'Courses',
    dataCategories: ['account'],
    purposes: ['courses'],
    legalBasis: 'contract',
    retention: 'while the account exists',
    engine: 'postgres',
    connection: { url: 'postgres://app@db.internal/app' },
  };
  const user = { name: 'auth_user', key: ['id'], match: { column: 'email', identity: 'email' }, erasure: { mode: 'delete' } };
  const problems = (tables: unknown[]) => {
    try {
      parseRegister(controller([{ ...base, tables }]));
      return '';
    } catch (err) {
      return (err as Error).message;
    }
  };

  it('fills in safe defaults: trimmed, lower-cased matching, checked TLS, a statement timeout and a row limit', () => {
    const p = parseRegister(controller([{ ...base, tables: [user] }])).controllers[0]!.processors[0]!;
    expect(p).toMatchObject({ tls: 'verify', statementTimeoutMs: 10_000, tables: [{ match: { normalise: ['trim', 'lower'] }, maxRows: 1000, export: 'all' }] });
  });

  it('refuses a name that is not a plain SQL name', () => {
    expect(problems([{ ...user, name: 'auth_user; DROP TABLE x' }])).toContain('tables.0.name: a SQL name');
  });

  it('refuses a reference to an undeclared table, and tables that depend on each other in a cycle', () => {
    expect(problems([user, { ...user, name: 'enrollment', match: { column: 'user_id', references: { table: 'users', column: 'id' } } }])).toContain(
      'tables.1.match.references.table: table users is not declared',
    );
    expect(
      problems([user, { ...user, name: 'enrollment', match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } }, after: ['auth_user'] }]),
    ).toContain('reference each other in a cycle');
  });

  it('refuses a mask that leaves the subject findable, a masked key, and restriction without a column', () => {
    expect(problems([{ ...user, erasure: { mode: 'mask', columns: { first_name: 'null' } } }])).toContain('must mask email');
    expect(problems([{ ...user, erasure: { mode: 'mask', columns: { email: 'null', id: 'null' } } }])).toContain('cannot mask the key column id');
    expect(problems([{ ...user, erasure: { mode: 'restrict' } }])).toContain('erasure mode restrict needs a restriction column');
  });

  it('refuses a legal hold with no retention rule to end it, and takes one that does', () => {
    const invoice = {
      name: 'invoice',
      key: ['id'],
      match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } },
      erasure: { mode: 'legal_hold', legalBasis: 'tax law', holdDays: 2192, fromColumn: 'issued_on' },
    };
    expect(problems([user, invoice])).toContain('tables.1.retentionRules: a legal hold ends by a retention rule');
    const ends = { id: 'invoices', description: 'Invoices after six years', countsFrom: 'issued_on', afterMonths: 72, action: 'delete', enforce: true };
    expect(problems([user, { ...invoice, retentionRules: [ends] }])).toBe('');
    expect(
      problems([
        { ...user, retentionRules: [{ ...ends, countsFrom: 'last_login' }] },
        { ...invoice, retentionRules: [ends] },
      ]),
    ).toContain('duplicate retention rule id invoices');
  });

  it('needs at least one table found by an identity', () => {
    expect(problems([{ ...user, match: { column: 'user_id', references: { table: 'auth_user', column: 'id' } } }])).toContain(
      'at least one table must match an identity',
    );
  });
});
