import { describe, expect, it } from 'vitest';
import { fittingReasons, reasonFits, suggestedReason } from '../../../functions/domain/refusal-reasons';
import { RIGHTS } from '../../../functions/domain/request';

describe('refusal reasons that fit a request', () => {
  it("offers a right's own article only for that right, and the general reasons for every right", () => {
    const general = ['manifestly_unfounded', 'excessive', 'identity_not_confirmed', 'processor_only', 'other'];
    for (const type of RIGHTS) expect(fittingReasons({ type }).filter((r) => general.includes(r))).toEqual(general);
    expect(fittingReasons({ type: 'access' })).toEqual(general.slice(0, 4).concat('other'));
    expect(reasonFits('legal_obligation', { type: 'erasure' })).toBe(true);
    expect(reasonFits('legal_obligation', { type: 'access' })).toBe(false);
    expect(reasonFits('data_accurate', { type: 'rectification' })).toBe(true);
    expect(reasonFits('data_accurate', { type: 'erasure' })).toBe(false);
    expect(reasonFits('compelling_grounds', { type: 'objection', details: { objection: { scope: 'other' } } })).toBe(true);
    expect(reasonFits('compelling_grounds', { type: 'erasure' })).toBe(false);
  });

  it('offers "authority not shown" only for a request someone made for another person, and points a representation review to it', () => {
    const forChild = { type: 'erasure' as const, onBehalfOf: { representation: 'parent' as const, name: 'Kim', email: 'kim@example.org' } };
    expect(reasonFits('authority_not_shown', forChild)).toBe(true);
    expect(reasonFits('authority_not_shown', { type: 'erasure' })).toBe(false);
    expect(fittingReasons(forChild)).toContain('authority_not_shown');
    expect(suggestedReason({ ...forChild, reviewReasons: ['representation'] })).toBe('authority_not_shown');
    expect(suggestedReason({ type: 'erasure', reviewReasons: ['representation'] })).toBeUndefined();
  });

  it('never offers compelling grounds against an objection to direct marketing, which is absolute (Art. 21(3))', () => {
    expect(reasonFits('compelling_grounds', { type: 'objection', details: { objection: { scope: 'direct_marketing' } } })).toBe(false);
  });

  it('preselects the reason the review points to, only when it is one and it fits the right', () => {
    expect(suggestedReason({ type: 'rectification', reviewReasons: ['rectification'] })).toBe('data_accurate');
    expect(suggestedReason({ type: 'access', reviewReasons: ['identity_check'] })).toBe('identity_not_confirmed');
    expect(suggestedReason({ type: 'access', reviewReasons: ['repeat_request'] })).toBe('excessive');
    expect(suggestedReason({ type: 'objection', details: { objection: { scope: 'other' } }, reviewReasons: ['objection_weighing'] })).toBe(
      'compelling_grounds',
    );
    expect(suggestedReason({ type: 'erasure', reviewReasons: ['controller_as_processor'] })).toBe('processor_only');
    // Two reasons point two ways: staff choose.
    expect(suggestedReason({ type: 'access', reviewReasons: ['repeat_request', 'identity_check'] })).toBeUndefined();
    // Pointing to a reason that does not fit the right: none.
    expect(suggestedReason({ type: 'access', reviewReasons: ['rectification'] })).toBeUndefined();
    expect(
      suggestedReason({ type: 'objection', details: { objection: { scope: 'direct_marketing' } }, reviewReasons: ['objection_weighing'] }),
    ).toBeUndefined();
    // Nothing to point with.
    expect(suggestedReason({ type: 'access', reviewReasons: ['branch_failed'] })).toBeUndefined();
    expect(suggestedReason({ type: 'access' })).toBeUndefined();
  });
});
