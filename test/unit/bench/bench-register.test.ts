/** The benchmarks' register stays valid as the demo register it is derived from grows. */
import { describe, expect, it } from 'vitest';
import { benchRegister, CONNECTOR, CONNECTOR_PROCESSOR, FANOUT, FANOUT_WIDTH, SINGLE, STORES } from '../../../bench/lib/bench-register';
import { parseRegister } from '../../../functions/domain/register-schema';

describe('the bench register', () => {
  const register = parseRegister(benchRegister(), {});
  const kinds = (id: string) => register.controllers.find((c) => c.id === id)?.processors.map((p) => p.kind);

  it('validates, with the controllers each benchmark submits to', () => {
    expect(kinds(FANOUT)).toEqual(Array(FANOUT_WIDTH).fill('opendsr'));
    expect(kinds(SINGLE)).toEqual(['opendsr']);
    expect(kinds(STORES)).toHaveLength(5);
  });

  it('declares one http processor, the Mailchimp connector, for the rate-limit benchmark', () => {
    const c = register.controllers.find((x) => x.id === CONNECTOR)!;
    expect(c.processors).toMatchObject([{ id: CONNECTOR_PROCESSOR, kind: 'http', connector: 'mailchimp' }]);
    expect(c.review.identityCheckRights).toEqual([]);
  });
});
