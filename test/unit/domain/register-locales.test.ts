import { describe, expect, it } from 'vitest';
import { commonAttributeLabel } from '../../../functions/domain/attribute-labels';
import { attributeLabel, inLocale, parseRegister, staffText, textsLacking } from '../../../functions/domain/register-schema';
import { bothBases } from '../../../functions/processors/sql/adapter';

/** A controller offering English and Swedish, with its texts as `overrides` give them. */
const registerWith = (overrides: Record<string, unknown> = {}, processor: Record<string, unknown> = {}) => ({
  controllers: [
    {
      id: 'acme',
      name: 'Acme',
      country: 'SE',
      dpoEmail: 'dpo@acme.example',
      locales: ['en', 'sv'],
      supervisoryAuthority: {
        name: { en: 'the Swedish Authority for Privacy Protection (IMY)', sv: 'Integritetsskyddsmyndigheten (IMY)' },
        url: 'https://www.imy.se',
      },
      processors: [
        {
          id: 'members',
          kind: 'dynamodb',
          name: { en: 'Membership register', sv: 'Medlemsregister' },
          table: 'members',
          lookup: { indexName: 'by-email', attribute: 'email' },
          dataCategories: [{ en: 'contact details', sv: 'kontaktuppgifter' }, 'membership history'],
          purposes: [{ en: 'membership administration', sv: 'medlemsadministration' }],
          legalBasis: { en: 'Art. 6(1)(b) contract', sv: 'Art. 6.1 b avtal' },
          retention: { en: '2 years', sv: '2 år' },
          recipients: [{ name: 'Hosting AB', country: 'SE', safeguard: { sv: 'inom EU/EES' } }],
          erasure: { mode: 'delete' },
          rectifiable: ['phone', 'favourite_colour'],
          ...processor,
        },
      ],
      consentPurposes: [{ id: 'newsletter', name: { en: 'Newsletter', sv: 'Nyhetsbrev' }, description: 'Monthly news', processors: ['members'] }],
      ...overrides,
    },
  ],
});

describe('register texts in several languages', () => {
  it('accepts a text as a string or per language, and keeps the parsed register plain JSON', () => {
    const register = parseRegister(registerWith());
    const c = register.controllers[0]!;
    expect(c.processors[0]!.name).toEqual({ en: 'Membership register', sv: 'Medlemsregister' });
    expect(c.processors[0]!.dataCategories).toEqual([{ en: 'contact details', sv: 'kontaktuppgifter' }, 'membership history']);
    expect(c.consentPurposes[0]!.description).toBe('Monthly news');
    // The bundles carry the register compiled at synthesis: it must survive JSON unchanged.
    expect(JSON.parse(JSON.stringify(register))).toEqual(register);
  });

  it('refuses a language it does not know, an empty set of languages and an empty text, naming where', () => {
    const wrong = (processor: Record<string, unknown>) => () => parseRegister(registerWith({}, processor));
    expect(wrong({ name: { fr: 'Membres' } })).toThrow(/controllers\.0\.processors\.0\.name/);
    expect(wrong({ name: {} })).toThrow(/processors\.0\.name: .*at least one language/);
    expect(wrong({ retention: { en: '  ' } })).toThrow(/processors\.0\.retention/);
    expect(() => parseRegister(registerWith({ textLocale: 'fr' }))).toThrow(/controllers\.0\.textLocale/);
  });

  it("picks the reader's language, else the controller's first, else English, and says which it is in", () => {
    const controller = { locales: ['sv', 'en'] as const };
    expect(inLocale({ en: 'Newsletter', sv: 'Nyhetsbrev', sl: 'E-novice' }, 'sl', controller)).toEqual({ text: 'E-novice', lang: 'sl' });
    expect(inLocale({ en: 'Newsletter', sv: 'Nyhetsbrev' }, 'sl', controller)).toEqual({ text: 'Nyhetsbrev', lang: 'sv' });
    expect(inLocale({ en: 'Newsletter' }, 'sv', controller)).toEqual({ text: 'Newsletter', lang: 'en' });
    expect(inLocale({ sl: 'E-novice' }, 'sv', controller)).toEqual({ text: 'E-novice', lang: 'sl' });
    // A plain string is in the controller's first language, or the one it names for its plain texts.
    expect(inLocale('Nyhetsbrev', 'en', controller)).toEqual({ text: 'Nyhetsbrev', lang: 'sv' });
    expect(inLocale('Newsletter', 'sv', { ...controller, textLocale: 'en' })).toEqual({ text: 'Newsletter', lang: 'en' });
    expect(inLocale('Newsletter', 'sv')).toEqual({ text: 'Newsletter', lang: 'en' });
  });

  it('names an attribute by the register per language, else by the built-in name, else by itself', () => {
    const c = parseRegister(registerWith({ attributeLabels: { favourite_colour: { en: 'Favourite colour' } } })).controllers[0]!;
    expect(attributeLabel(c, 'phone', 'en')).toEqual({ text: 'Phone number', lang: 'en' });
    expect(attributeLabel(c, 'phone', 'sv')).toEqual({ text: 'Telefonnummer', lang: 'sv' });
    expect(attributeLabel(c, 'phone', 'sl')).toEqual({ text: 'Telefonska številka', lang: 'sl' });
    expect(attributeLabel(c, 'favourite_colour', 'sv')).toEqual({ text: 'Favourite colour', lang: 'en' });
    expect(attributeLabel(c, 'shoe_size', 'sv')).toEqual({ text: 'shoe_size', lang: 'sv' });
    const own = parseRegister(registerWith({ attributeLabels: { phone: { sv: 'Mobil' } } })).controllers[0]!;
    expect(attributeLabel(own, 'phone', 'sv')).toEqual({ text: 'Mobil', lang: 'sv' });
    expect(attributeLabel(own, 'phone', 'en')).toEqual({ text: 'Phone number', lang: 'en' });
    // Common spellings of the same attributes.
    expect(['phoneNumber', 'phone_number', 'PostalCode', 'zip', 'dob', 'first_name', 'email_address'].map((a) => commonAttributeLabel(a, 'en'))).toEqual([
      'Phone number',
      'Phone number',
      'Postal code',
      'Postal code',
      'Date of birth',
      'First name',
      'Email address',
    ]);
  });

  it('lists, per declared language, the texts people read that lack it', () => {
    const c = parseRegister(registerWith()).controllers[0]!;
    expect(textsLacking(c, 'en')).toEqual(['processors.members.recipients.0.safeguard', 'attributeLabels.favourite_colour']);
    expect(textsLacking(c, 'sv')).toEqual([
      'name',
      'processors.members.dataCategories.1',
      'consentPurposes.newsletter.description',
      'attributeLabels.favourite_colour',
    ]);
  });

  it('accepts a legal hold’s basis, the authority’s name, a portability target’s name and a manual task’s instructions per language', () => {
    const basis = { en: 'the Bookkeeping Act requires it', sv: 'bokföringslagen kräver det', sl: 'zakon o računovodstvu to zahteva' };
    const c = parseRegister(
      registerWith({
        supervisoryAuthority: { name: { en: 'the Swedish Authority for Privacy Protection', sv: 'Integritetsskyddsmyndigheten' }, url: 'https://www.imy.se' },
        portabilityTargets: [{ id: 'other', name: { en: 'Other Association', sv: 'Andra föreningen' }, url: 'https://other.example/v1' }],
        processors: [
          { ...registerWith().controllers[0]!.processors[0], erasure: { mode: 'legal_hold', legalBasis: basis, holdDays: 2557 } },
          {
            id: 'mailbox',
            kind: 'manual',
            name: 'Mailbox',
            assigneeEmail: 'office@acme.example',
            instructions: { en: 'Search the mailbox.', sv: 'Sök i brevlådan.' },
            dataCategories: ['mail'],
            purposes: ['mail'],
            legalBasis: 'contract',
            retention: 'a year',
          },
        ],
      }),
    ).controllers[0]!;
    const members = c.processors[0]!;
    expect(members.kind === 'dynamodb' && members.erasure).toEqual({ mode: 'legal_hold', legalBasis: basis, holdDays: 2557 });
    expect(inLocale(c.supervisoryAuthority.name, 'sv', c)).toEqual({ text: 'Integritetsskyddsmyndigheten', lang: 'sv' });
    expect(inLocale(c.portabilityTargets[0]!.name, 'sl', c)).toEqual({ text: 'Other Association', lang: 'en' });
    const mailbox = c.processors[1]!;
    expect(mailbox.kind === 'manual' && staffText(c, mailbox.instructions)).toBe('Search the mailbox.');
    // A plain string is still a text; an empty set of languages is not.
    const plain = parseRegister(registerWith({}, { erasure: { mode: 'legal_hold', legalBasis: 'Bokföringslagen', holdDays: 10 } })).controllers[0]!;
    expect(plain.processors[0]!.kind === 'dynamodb' && plain.processors[0]!.erasure).toMatchObject({ legalBasis: 'Bokföringslagen' });
    expect(() => parseRegister(registerWith({}, { erasure: { mode: 'legal_hold', legalBasis: {}, holdDays: 10 } }))).toThrow(
      /processors\.0\.erasure\.legalBasis: .*at least one language/,
    );
    expect(() => parseRegister(registerWith({ supervisoryAuthority: { name: { fr: 'IMY' }, url: 'https://www.imy.se' } }))).toThrow(
      /controllers\.0\.supervisoryAuthority\.name/,
    );
  });

  it('warns where a declared language lacks a legal hold’s basis, the authority’s name or a target’s name; of instructions only in the staff’s language', () => {
    const c = parseRegister(
      registerWith({
        locales: ['en', 'sv', 'sl'],
        supervisoryAuthority: { name: { en: 'the Swedish Authority for Privacy Protection', sv: 'Integritetsskyddsmyndigheten' }, url: 'https://www.imy.se' },
        portabilityTargets: [{ id: 'other', name: 'Other Association', url: 'https://other.example/v1' }],
        processors: [
          {
            ...registerWith().controllers[0]!.processors[0],
            erasure: { mode: 'legal_hold', legalBasis: { en: 'the Bookkeeping Act', sl: 'zakon o računovodstvu' }, holdDays: 2557 },
          },
          {
            id: 'mailbox',
            kind: 'manual',
            name: { en: 'Mailbox', sv: 'Brevlåda', sl: 'Predal' },
            assigneeEmail: 'office@acme.example',
            instructions: { sv: 'Sök i brevlådan.' },
            dataCategories: [{ en: 'mail', sv: 'post', sl: 'pošta' }],
            purposes: [{ en: 'mail', sv: 'post', sl: 'pošta' }],
            legalBasis: { en: 'contract', sv: 'avtal', sl: 'pogodba' },
            retention: { en: 'a year', sv: 'ett år', sl: 'eno leto' },
          },
        ],
      }),
    ).controllers[0]!;
    // Only the four texts this test is about (the base fixture lacks Slovenian elsewhere).
    const lacking = (locale: 'en' | 'sv' | 'sl') =>
      textsLacking(c, locale).filter((at) => /erasure\.legalBasis$|^supervisoryAuthority|^portabilityTargets|instructions$/.test(at));
    expect(lacking('en')).toEqual(['processors.mailbox.instructions']);
    expect(lacking('sv')).toEqual(['processors.members.erasure.legalBasis', 'portabilityTargets.other.name']);
    expect(lacking('sl')).toEqual(['supervisoryAuthority.name', 'portabilityTargets.other.name']);
  });

  it('joins two tables’ hold bases in every language either gives', () => {
    const controller = { locales: ['sv', 'en'] as const };
    expect(bothBases(undefined, 'Bokföringslagen', controller)).toBe('Bokföringslagen');
    expect(bothBases('Bokföringslagen', 'Bokföringslagen', controller)).toBe('Bokföringslagen');
    expect(bothBases({ en: 'Bookkeeping Act', sv: 'Bokföringslagen' }, 'Skattelagen', controller)).toEqual({
      en: 'Bookkeeping Act; Skattelagen',
      sv: 'Bokföringslagen; Skattelagen',
    });
  });
});
