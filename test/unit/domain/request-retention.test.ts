import { describe, expect, it } from 'vitest';
import { parseRegister } from '../../../functions/domain/register-schema';
import type { DsrRequest } from '../../../functions/domain/request';
import { closedAt, nextPurgeAt, personalDataEraseAt, purgeSchedule } from '../../../functions/domain/request-retention';

const CLOSED = '2026-03-10T12:00:00.000Z';

function closed(
  over: Partial<DsrRequest> = {},
): Pick<DsrRequest, 'status' | 'completedAt' | 'history' | 'packageKey' | 'downloadExpiresAt' | 'personalDataErasedAt'> {
  return {
    status: 'completed',
    completedAt: CLOSED,
    history: [
      { status: 'received', at: '2026-03-01T00:00:00.000Z' },
      { status: 'completed', at: CLOSED },
    ],
    ...over,
  };
}

describe('when a closed request is purged', () => {
  it('erases the personal data the retention period after the request closed', () => {
    expect(personalDataEraseAt(CLOSED, 30)).toBe('2026-04-09T12:00:00.000Z');
    expect(nextPurgeAt(CLOSED, closed(), 30)).toBe('2026-04-09T12:00:00.000Z');
    expect(nextPurgeAt(CLOSED, closed(), 1)).toBe('2026-03-11T12:00:00.000Z');
  });

  it('deletes a package first, when its download link expires', () => {
    const withPackage = closed({ packageKey: 'packages/x.zip', downloadExpiresAt: '2026-03-17T12:00:00.000Z' });
    expect(nextPurgeAt(CLOSED, withPackage, 30)).toBe('2026-03-17T12:00:00.000Z');
    // Once the package is gone, the next step is the erasure.
    expect(nextPurgeAt(CLOSED, { ...withPackage, packageKey: undefined }, 30)).toBe('2026-04-09T12:00:00.000Z');
  });

  it('deletes a package with the personal data when the retention period ends before the link expires', () => {
    const withPackage = closed({ packageKey: 'packages/x.zip', downloadExpiresAt: '2026-03-17T12:00:00.000Z' });
    expect(nextPurgeAt(CLOSED, withPackage, 3)).toBe('2026-03-13T12:00:00.000Z');
  });

  it('schedules nothing more once the personal data is erased', () => {
    expect(nextPurgeAt(CLOSED, closed({ personalDataErasedAt: '2026-04-09T12:05:00.000Z' }), 30)).toBeUndefined();
    expect(purgeSchedule({ id: 'c', requestDataRetentionDays: 30 }, CLOSED, { personalDataErasedAt: '2026-04-09T12:05:00.000Z' })).toEqual({});
  });

  it('gives the closing write the controller and the next purge time for the sparse index', () => {
    expect(purgeSchedule({ id: 'demo-association', requestDataRetentionDays: 30 }, CLOSED, {})).toEqual({
      purgeCtl: 'demo-association',
      purgeAt: '2026-04-09T12:00:00.000Z',
    });
  });
});

describe('when a request closed', () => {
  it('is its completion for answered and refused requests, and its last status change for withdrawn ones', () => {
    expect(closedAt(closed())).toBe(CLOSED);
    expect(
      closedAt({
        status: 'cancelled',
        history: [
          { status: 'received', at: '2026-03-01T00:00:00.000Z' },
          { status: 'cancelled', at: '2026-03-02T08:00:00.000Z' },
        ],
      }),
    ).toBe('2026-03-02T08:00:00.000Z');
  });

  it('is not known for a request still open', () => {
    expect(closedAt({ status: 'in_progress', history: [{ status: 'in_progress', at: CLOSED }] })).toBeUndefined();
  });
});

describe('the register setting', () => {
  const controller = (over: Record<string, unknown> = {}) => ({
    controllers: [
      {
        id: 'c',
        name: 'C',
        country: 'SE',
        dpoEmail: 'dpo@c.example',
        locales: ['en'],
        supervisoryAuthority: { name: 'IMY', url: 'https://www.imy.se' },
        processors: [
          {
            id: 'p',
            kind: 'manual',
            name: 'P',
            dataCategories: ['x'],
            purposes: ['y'],
            legalBasis: 'z',
            retention: 'r',
            assigneeEmail: 'a@c.example',
            instructions: 'do',
          },
        ],
        ...over,
      },
    ],
  });

  it("keeps a closed request's personal data 30 days unless the controller says otherwise", () => {
    expect(parseRegister(controller()).controllers[0]!.requestDataRetentionDays).toBe(30);
    expect(parseRegister(controller({ requestDataRetentionDays: 90 })).controllers[0]!.requestDataRetentionDays).toBe(90);
  });

  it('refuses a retention period of no days or a fraction of one', () => {
    expect(() => parseRegister(controller({ requestDataRetentionDays: 0 }))).toThrow(/requestDataRetentionDays/);
    expect(() => parseRegister(controller({ requestDataRetentionDays: 1.5 }))).toThrow(/requestDataRetentionDays/);
  });
});
