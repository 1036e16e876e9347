import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../functions/domain/request';
import {
  type AuditRecord,
  auditEventHash,
  auditRecord,
  type ChainedAuditEvent,
  canonicalJson,
  chainNext,
  GENESIS_HASH,
  verifyAuditChain,
} from '../../../functions/platform/audit-chain';

const REQUEST_ID = '0b7c3e0e-8d1a-4b1e-9a55-3f1c2d4e5f60';

/** A trail of `n` events as the store writes them, one after the other. */
function trail(n: number, requestId = REQUEST_ID): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  const kinds: AuditEvent[] = [
    { event: 'request_received', at: '2025-03-05T10:00:00.000Z', actor: 'subject' },
    { event: 'branch_completed', at: '2025-03-05T10:00:01.000Z', actor: 'workflow', detail: { processorId: 'members', recordCount: 3 } },
    { event: 'decision_approve', at: '2025-03-05T10:00:02.000Z', actor: 'staff', detail: { by: 'staff-1', stage: 'closing' } },
    { event: 'request_completed', at: '2025-03-05T10:00:03.000Z', actor: 'workflow', detail: { onTime: true } },
  ];
  for (let i = 0; i < n; i++) events.push(chainNext(requestId, events.at(-1), kinds[i % kinds.length]!));
  return events;
}

const exported = (n = 5): AuditRecord => auditRecord(REQUEST_ID, 'demo-association', trail(n), new Date('2025-03-06T00:00:00Z'));
/** A deep copy to tamper with. */
const copy = (r: AuditRecord): AuditRecord => JSON.parse(JSON.stringify(r));

describe('canonical JSON', () => {
  it('sorts keys at every depth and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [true, null], c: 'x' } })).toBe('{"a":{"c":"x","d":[true,null]},"b":1}');
  });

  it('gives the same text whatever order the keys were written in', () => {
    expect(canonicalJson({ seq: 1, event: 'e', detail: { z: 1, a: 2 } })).toBe(canonicalJson({ detail: { a: 2, z: 1 }, event: 'e', seq: 1 }));
  });

  it('sorts by UTF-16 code units and escapes strings as JSON.stringify does (RFC 8785)', () => {
    expect(canonicalJson({ '\u20ac': 1, '\r': 2, '1': 3, a: 4, A: 5 })).toBe('{"\\r":2,"1":3,"A":5,"a":4,"\u20ac":1}');
    expect(canonicalJson('line\n"quoted"\u2028')).toBe(JSON.stringify('line\n"quoted"\u2028'));
    expect(canonicalJson([1e21, 0.5, -0])).toBe('[1e+21,0.5,0]');
  });

  it('leaves out undefined properties, as a stored item drops them', () => {
    expect(canonicalJson({ a: 1, detail: undefined })).toBe('{"a":1}');
  });

  it('refuses values JSON cannot hold rather than hash something ambiguous', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(TypeError);
  });
});

describe('the audit chain', () => {
  it('starts at 1 after the genesis hash and links each event to the one before', () => {
    const events = trail(3);
    expect(events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(events[0]!.prevHash).toBe(GENESIS_HASH);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(events[2]!.prevHash).toBe(events[1]!.hash);
  });

  it('hashes SHA-256 over the canonical form of the event, its request and the previous hash', () => {
    const [first] = trail(1);
    const canonical = `{"actor":"subject","at":"2025-03-05T10:00:00.000Z","event":"request_received","prevHash":"${GENESIS_HASH}","requestId":"${REQUEST_ID}","seq":1}`;
    expect(first!.hash).toBe(createHash('sha256').update(canonical).digest('hex'));
    expect(auditEventHash({ requestId: REQUEST_ID, ...first! })).toBe(first!.hash);
  });

  it('exports count and head with the events, and an empty trail with the genesis hash as head', () => {
    const record = exported(4);
    expect(record).toMatchObject({
      requestId: REQUEST_ID,
      controllerId: 'demo-association',
      algorithm: 'sha256',
      count: 4,
      exportedAt: '2025-03-06T00:00:00.000Z',
    });
    expect(record.head).toBe(record.events[3]!.hash);
    expect(record.canonicalisation).toMatch(/RFC 8785/);
    const empty = auditRecord(REQUEST_ID, 'demo-association', [], new Date());
    expect(empty).toMatchObject({ count: 0, head: GENESIS_HASH, events: [] });
    expect(verifyAuditChain(empty)).toEqual({ valid: true });
  });
});

describe('verifying an exported audit trail', () => {
  it('accepts an untouched chain, also after a round trip through JSON', () => {
    expect(verifyAuditChain(exported())).toEqual({ valid: true });
    expect(verifyAuditChain(copy(exported()))).toEqual({ valid: true });
  });

  it('detects an edited detail at the event that changed', () => {
    const record = copy(exported());
    record.events[1]!.detail = { processorId: 'members', recordCount: 0 };
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 2, reason: 'edited' });
  });

  it('detects an edited time', () => {
    const record = copy(exported());
    record.events[2]!.at = '2025-03-05T09:00:00.000Z';
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 3, reason: 'edited' });
  });

  it('detects an event that was edited and rehashed at the next link', () => {
    const record = copy(exported());
    const e = record.events[1]!;
    e.detail = { processorId: 'members', recordCount: 0 };
    e.hash = auditEventHash({ requestId: REQUEST_ID, ...e });
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 3, reason: 'broken_link' });
  });

  it('detects an event moved from another request', () => {
    const record = copy(exported());
    record.requestId = '11111111-2222-4333-8444-555555555555';
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 1, reason: 'edited' });
  });

  it('detects a removed event in the middle as a gap', () => {
    const record = copy(exported());
    record.events.splice(2, 1);
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 3, reason: 'gap' });
  });

  it('detects a removed event whose followers were renumbered as a broken link', () => {
    const record = copy(exported());
    record.events.splice(2, 1);
    record.events.forEach((e, i) => {
      e.seq = i + 1;
    });
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 3, reason: 'broken_link' });
  });

  it('detects two swapped events', () => {
    const record = copy(exported());
    [record.events[1], record.events[2]] = [record.events[2]!, record.events[1]!];
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 2, reason: 'reordered' });
  });

  it('detects two swapped events whose numbers were swapped back', () => {
    const record = copy(exported());
    [record.events[1], record.events[2]] = [record.events[2]!, record.events[1]!];
    record.events[1]!.seq = 2;
    record.events[2]!.seq = 3;
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 2, reason: 'broken_link' });
  });

  it("detects a dropped last event by the record's count", () => {
    const record = copy(exported());
    record.events.pop();
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 5, reason: 'truncated' });
  });

  it('detects a dropped last event by the head when the count was rewritten too', () => {
    const record = copy(exported());
    record.events.pop();
    record.count = 4;
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 4, reason: 'head_mismatch' });
  });

  it('cannot tell a tail dropped with count and head rewritten, unless a head known from before says so', () => {
    const earlier = exported(5);
    const later = copy(earlier);
    later.events.pop();
    later.count = 4;
    later.head = later.events[3]!.hash;
    // A plain hash chain: whoever rewrites the whole record can make it consistent again.
    expect(verifyAuditChain(later)).toEqual({ valid: true });
    expect(verifyAuditChain(later, { count: earlier.count, head: earlier.head })).toMatchObject({ valid: false, brokenAt: 5, reason: 'truncated' });
  });

  it('accepts a chain that grew past a head known from before, and refuses one that was rewritten under it', () => {
    const earlier = auditRecord(REQUEST_ID, 'demo-association', trail(3), new Date());
    expect(verifyAuditChain(exported(5), { count: earlier.count, head: earlier.head })).toEqual({ valid: true });
    // Event 3 edited and the chain recomputed from there on, as someone with write access to the table could.
    const original = trail(5);
    const forged: ChainedAuditEvent[] = original.slice(0, 2);
    forged.push(chainNext(REQUEST_ID, forged.at(-1), { ...original[2]!, detail: { by: 'staff-2', stage: 'closing' } }));
    for (const e of original.slice(3)) forged.push(chainNext(REQUEST_ID, forged.at(-1), e));
    const record = auditRecord(REQUEST_ID, 'demo-association', forged, new Date());
    expect(verifyAuditChain(record)).toEqual({ valid: true });
    expect(verifyAuditChain(record, { count: earlier.count, head: earlier.head })).toMatchObject({ valid: false, brokenAt: 3, reason: 'anchor_mismatch' });
  });

  it('refuses what is not an audit record, or an event without its hash', () => {
    expect(verifyAuditChain([])).toMatchObject({ valid: false, reason: 'malformed' });
    const record = copy(exported()) as unknown as { events: Record<string, unknown>[] };
    delete record.events[3]!.hash;
    expect(verifyAuditChain(record)).toMatchObject({ valid: false, brokenAt: 4, reason: 'malformed' });
  });
});
