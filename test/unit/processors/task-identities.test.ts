import { describe, expect, it } from 'vitest';
import type { DsrRequest } from '../../../functions/domain/request';
import { findController } from '../../../functions/platform/register';
import { identitiesFor } from '../../../functions/processors/task-links';

const association = findController('demo-association')!;
const processor = (id: string) => association.processors.find((p) => p.id === id)!;
const request = {
  requestId: 'r1',
  email: 'ada@example.org',
  name: 'Ada Lovelace',
  identifiers: { phone: '+46701234567', customerNumber: 'C-1001' },
} as DsrRequest;

describe('who a vendor or staff member is shown', () => {
  it('gives staff the address, the name and the identifiers the form asked for', () => {
    expect(identitiesFor(processor('shared-mailbox'), request)).toEqual({
      email: 'ada@example.org',
      name: 'Ada Lovelace',
      phone: '+46701234567',
      customerNumber: 'C-1001',
    });
  });

  it('gives an email vendor only what the register says it needs, never the identifiers', () => {
    expect(identitiesFor(processor('bookkeeping'), request)).toEqual({ email: 'ada@example.org', name: 'Ada Lovelace' });
    // A vendor's branch that became a staff task is staff's again.
    expect(identitiesFor(processor('bookkeeping'), request, { staffTask: true })).toMatchObject({ phone: '+46701234567' });
  });

  it('shows the subject, not the representative, for a request made for someone else', () => {
    const forChild = { ...request, onBehalfOf: { representation: 'parent' as const, name: 'Kim', email: 'kim@example.org' } };
    expect(identitiesFor(processor('shared-mailbox'), forChild)).toMatchObject({ email: 'kim@example.org', name: 'Kim' });
  });
});
