import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../../functions/domain/register-schema';
import type { DsrRequest, RequestDetails, Right } from '../../../functions/domain/request';
import { actionFor, modeOf } from '../../../functions/domain/rights';
import type { Processor } from '../../../functions/platform/register';

const art15 = { dataCategories: ['contact details'], purposes: ['membership'], legalBasis: 'contract', retention: '2 years' };
const store = (id: string, extra: Record<string, unknown> = {}) => ({
  ...art15,
  id,
  name: id,
  kind: 'dynamodb',
  table: id,
  lookup: { indexName: 'by-email', attribute: 'email' },
  erasure: { mode: 'delete' },
  ...extra,
});

/** One processor of every kind, with the flags that change what a right does there. */
const controller = parseRegister(
  {
    controllers: [
      {
        id: 'acme',
        name: 'Acme',
        country: 'SE',
        dpoEmail: 'dpo@acme.example',
        locales: ['en'],
        supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
        consentPurposes: [{ id: 'newsletter', name: 'Newsletter', processors: ['mailing-list', 'newsletter'] }],
        processors: [
          store('members', { rectifiable: ['name', 'phone'] }),
          store('events', { portable: false, rectifiable: ['phone'], erasure: { mode: 'anonymise', identifyingAttributes: ['email'] } }),
          store('invoices', { portable: false, erasure: { mode: 'legal_hold', legalBasis: 'bookkeeping law', holdDays: 10 } }),
          store('mailing-list', { directMarketing: true, erasure: { mode: 'suppress', keepDays: 30 } }),
          {
            ...art15,
            id: 'newsletter',
            name: 'Newsletter',
            kind: 'opendsr',
            url: 'https://dsr.newsletter.example/v1',
            domain: 'newsletter.example',
            trustRoots: ['-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'],
            directMarketing: true,
          },
          { ...art15, id: 'bookkeeping', name: 'Bookkeeping', kind: 'email', contactEmail: 'privacy@bookkeeping.example' },
          { ...art15, id: 'mailbox', name: 'Mailbox', kind: 'manual', assigneeEmail: 'office@acme.example', instructions: 'Search the mailbox.' },
          {
            ...art15,
            id: 'courses',
            name: 'Courses',
            kind: 'sql',
            engine: 'postgres',
            connection: { url: 'postgres://app@db.internal/app' },
            tables: [{ name: 'auth_user', key: ['id'], match: { column: 'email', identity: 'email' }, erasure: { mode: 'delete' } }],
          },
        ],
      },
    ],
  },
  {},
).controllers[0]!;

const processor = (id: string): Processor => controller.processors.find((p) => p.id === id)!;
const plan = (id: string, type: Right, details?: RequestDetails) => {
  const request: Pick<DsrRequest, 'type' | 'details'> = { type, ...(details ? { details } : {}) };
  const planned = actionFor(processor(id), request, controller);
  return planned ? `${planned.action}${planned.staffTask ? ' (staff task)' : ''}` : 'none';
};

const marketing: RequestDetails = { objection: { scope: 'direct_marketing' } };
const otherObjection: RequestDetails = { objection: { scope: 'other', grounds: 'my situation' } };
const phone: RequestDetails = { rectification: { attribute: 'phone', inaccurate: 'old number', corrected: 'new number' } };
const name: RequestDetails = { rectification: { attribute: 'name', inaccurate: 'misspelt', corrected: 'right' } };
const described: RequestDetails = { rectification: { inaccurate: 'my address is wrong', corrected: 'the right address' } };
const newsletter: RequestDetails = { consentPurposes: ['newsletter'] };
const unknownPurpose: RequestDetails = { consentPurposes: ['surveys'] };

describe('what a right does at each processor', () => {
  //              right, details, members, events, invoices, mailing-list, newsletter (opendsr), bookkeeping (email), mailbox (manual)
  it.each([
    ['access', undefined, 'export', 'export', 'export', 'export', 'export', 'export', 'export'],
    ['portability', undefined, 'export', 'none', 'none', 'export', 'export', 'export', 'export'],
    ['erasure', undefined, 'delete', 'anonymise', 'legal_hold', 'suppress', 'erase', 'erase', 'erase'],
    ['rectification', phone, 'rectify', 'rectify', 'none', 'none', 'rectify (staff task)', 'rectify', 'rectify'],
    ['rectification', name, 'rectify', 'none', 'none', 'none', 'rectify (staff task)', 'rectify', 'rectify'],
    [
      'rectification',
      described,
      'rectify (staff task)',
      'rectify (staff task)',
      'rectify (staff task)',
      'rectify (staff task)',
      'rectify (staff task)',
      'rectify',
      'rectify',
    ],
    ['restriction', undefined, 'restrict', 'restrict', 'restrict', 'restrict', 'restrict (staff task)', 'restrict', 'restrict'],
    ['objection', marketing, 'none', 'none', 'none', 'suppress', 'erase', 'none', 'none'],
    ['objection', otherObjection, 'restrict', 'restrict', 'restrict', 'restrict', 'restrict (staff task)', 'restrict', 'restrict'],
    ['withdraw_consent', newsletter, 'none', 'none', 'none', 'suppress', 'erase', 'none', 'none'],
    ['withdraw_consent', unknownPurpose, 'none', 'none', 'none', 'none', 'none', 'none', 'none'],
  ] as const)('%s %j: members %s, events %s, invoices %s, mailing list %s, newsletter %s, bookkeeping %s, mailbox %s', (type, details, ...expected) => {
    const ids = ['members', 'events', 'invoices', 'mailing-list', 'newsletter', 'bookkeeping', 'mailbox'];
    expect(ids.map((id) => plan(id, type, details))).toEqual(expected);
  });

  it('asks an OpenDSR processor only for what its API has (access, portability, erasure); the rest is a staff task', () => {
    const rights: Right[] = ['access', 'portability', 'erasure', 'restriction'];
    expect(rights.map((type) => actionFor(processor('newsletter'), { type }, controller))).toEqual([
      { action: 'export', staffTask: false },
      { action: 'export', staffTask: false },
      { action: 'erase', staffTask: false },
      { action: 'restrict', staffTask: true },
    ]);
  });

  it('runs a staff task as a waiting branch even at a store that otherwise answers at once', () => {
    expect(modeOf(processor('members'), { action: 'rectify', staffTask: true })).toBe('async');
    expect(modeOf(processor('members'), { action: 'rectify', staffTask: false })).toBe('sync');
    expect(modeOf(processor('bookkeeping'), { action: 'restrict', staffTask: false })).toBe('async');
  });

  it('runs a database branch in a task of its own, and its staff task as a waiting branch', () => {
    expect(modeOf(processor('courses'), { action: 'delete', staffTask: false })).toBe('database');
    expect(modeOf(processor('courses'), { action: 'restrict', staffTask: true })).toBe('async');
  });
});
