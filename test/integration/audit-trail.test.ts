import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AuditRecord, verifyAuditChain } from '../../functions/platform/audit-chain';
import { REQUESTS_TABLE, staffToken, submitConfirmed, useRuntime, waitForClosed, waitForFinal } from '../harness';

/**
 * A request's audit trail is a hash chain that staff can export and anyone can check: run on the
 * local runtime over HTTP, with the stored events edited through the SDK as someone with write
 * access to the table could.
 */

const local = useRuntime();
const PLATFORM = 'demo-organising-platform';
const SUBJECT = { controller: PLATFORM, type: 'access', email: 'elin@example.org', name: 'Elin Johansson' };

/** A completed access request at the platform: its four stores run in parallel in the Map. */
let requestId: string;
let approver: string;

beforeAll(async () => {
  const submitted = await submitConfirmed(local.rt, SUBJECT);
  requestId = submitted.requestId;
  expect((await waitForFinal(submitted.statusUrl)).status).toBe('completed');
  await waitForClosed(local.db, requestId);
  approver = await staffToken(local.rt, 'approver', PLATFORM);
});

const exportAudit = (id: string, token: string) =>
  fetch(`${local.rt.urls.gateway}/v1/staff/requests/${id}/audit`, { headers: { authorization: `Bearer ${token}` } });

async function exported(id: string): Promise<AuditRecord> {
  const res = await exportAudit(id, approver);
  expect(res.status).toBe(200);
  return (await res.json()) as AuditRecord;
}

describe("exporting a request's audit trail", () => {
  it('downloads the trail as a JSON file whose chain verifies, with its count and head', async () => {
    const res = await exportAudit(requestId, await staffToken(local.rt, 'viewer', PLATFORM));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="audit-${requestId}.json"`);
    const text = await res.text();
    const record = JSON.parse(text) as AuditRecord;
    expect(record).toMatchObject({ requestId, controllerId: PLATFORM, algorithm: 'sha256', canonicalisation: expect.stringContaining('RFC 8785') });
    expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
    expect(record.events.map((e) => e.event)).toEqual(expect.arrayContaining(['request_completed']));
    expect(record.count).toBe(record.events.length);
    expect(record.head).toBe(record.events.at(-1)!.hash);
    expect(verifyAuditChain(record)).toEqual({ valid: true });
    // Ids and counts only: the subject's address and name stay out of the record.
    expect(text).not.toContain(SUBJECT.email);
    expect(text).not.toContain('Elin');
  });

  it("holds the same events as the request page's timeline", async () => {
    const page = await fetch(`${local.rt.urls.gateway}/v1/staff/requests/${requestId}`, { headers: { authorization: `Bearer ${approver}` } });
    const { timeline } = (await page.json()) as { timeline: { event: string }[] };
    // ...and, last, the export itself: staff reads are audited (the view is in the timeline already)
    const events = (await exported(requestId)).events;
    expect(events.at(-1)).toMatchObject({ event: 'staff_exported_audit_trail', actor: 'staff' });
    expect(
      events
        .slice(0, -1)
        .map((e) => e.event)
        .sort(),
    ).toEqual(timeline.map((e) => e.event).sort());
  });

  it('answers 404 for an unknown request and for one of a controller the caller may not see, as the request page does', async () => {
    const elsewhere = await staffToken(local.rt, 'approver', 'demo-association');
    for (const [id, token] of [
      ['00000000-0000-4000-8000-000000000000', approver],
      [requestId, elsewhere],
      ['not-an-id', approver],
    ] as const) {
      const res = await exportAudit(id, token);
      expect(res.status, id).toBe(404);
      expect(await res.json()).toEqual({ message: 'No request with this id', errors: { requestId: 'unknown' } });
    }
  });
});

describe('a changed audit trail', () => {
  it('detects an edited event in an exported audit trail', async () => {
    const before = await exported(requestId);
    const target = before.events.find((e) => e.detail && e.seq > 1)!;
    expect(target).toBeDefined();
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: { pk: `REQ#${requestId}`, sk: `AUDIT#${String(target.seq).padStart(6, '0')}` },
        UpdateExpression: 'SET detail = :d',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':d': { ...target.detail, tampered: true } },
      }),
    );
    const after = await exported(requestId);
    expect(after.events[target.seq - 1]!.detail).toMatchObject({ tampered: true });
    expect(verifyAuditChain(after)).toMatchObject({ valid: false, brokenAt: target.seq, reason: 'edited' });
  });
});

describe('writers racing for the next event', () => {
  it('keeps one unbroken chain with every event when 20 write at once', async () => {
    // The runtime pointed this process at its DynamoDB (REQUESTS_TABLE, AWS_ENDPOINT_URL_DYNAMODB):
    // the store writes here exactly as the handlers do.
    const store = await import('../../functions/platform/data/audit');
    const { requestId: racing, statusUrl } = await submitConfirmed(local.rt, { ...SUBJECT, email: 'ada@example.org', name: 'Ada Lindqvist' });
    const writes = Array.from({ length: 20 }, (_, i) => store.audit(racing, 'race_test', 'system', { writer: i }));
    await Promise.all(writes);
    await waitForFinal(statusUrl);
    await waitForClosed(local.db, racing);

    const record = await exported(racing);
    expect(verifyAuditChain(record)).toEqual({ valid: true });
    const raced = record.events
      .filter((e) => e.event === 'race_test')
      .map((e) => e.detail!.writer)
      .sort((a, b) => Number(a) - Number(b));
    expect(raced).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // The workflow's own events went on in the same chain, none lost among the race.
    expect(record.events.map((e) => e.event)).toEqual(expect.arrayContaining(['request_completed']));
    expect(record.events.map((e) => e.seq)).toEqual(record.events.map((_, i) => i + 1));
  });

  it('appends after the real head when a writer guessed the head wrong (a trail it thought empty)', async () => {
    const store = await import('../../functions/platform/data/audit');
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { ...SUBJECT, email: 'bo@example.org' });
    await waitForFinal(statusUrl);
    const written = await store.audit(requestId, 'guess_test', 'system', undefined, new Date(), { head: null });
    const record = await exported(requestId);
    expect(verifyAuditChain(record)).toEqual({ valid: true });
    // last but one: the export itself comes after it
    expect(record.events.at(-2)).toMatchObject({ event: 'guess_test', seq: record.events.length - 1, hash: written!.hash });
    expect(record.events.filter((e) => e.event === 'request_submitted')).toHaveLength(1);
  });

  it('records an event once when ten retries of one step write it while ten other events race for the same numbers', async () => {
    const store = await import('../../functions/platform/data/audit');
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { ...SUBJECT, email: 'cy@example.org' });
    await waitForFinal(statusUrl);
    const at = new Date();
    await Promise.all([
      ...Array.from({ length: 10 }, () => store.auditOnce(requestId, 'once_test', 'workflow', { processorId: 'members' }, at)),
      ...Array.from({ length: 10 }, (_, i) => store.audit(requestId, 'race_test', 'system', { writer: i })),
    ]);
    const record = await exported(requestId);
    expect(verifyAuditChain(record)).toEqual({ valid: true });
    expect(record.events.filter((e) => e.event === 'once_test')).toHaveLength(1);
    expect(record.events.filter((e) => e.event === 'race_test')).toHaveLength(10);
  });

  it("records a branch's outcome once when Route's repair and a late answer write it at the same moment", async () => {
    const store = await import('../../functions/platform/data/audit');
    const { auditMissingOutcomes, outcomeEvent } = await import('../../functions/branches/events');
    const { getRequestWithBranches } = await import('../../functions/platform/data/requests');
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { ...SUBJECT, email: 'di@example.org' });
    await waitForFinal(statusUrl);
    await waitForClosed(local.db, requestId);
    // A branch as a late answer leaves it: final again, at a time the trail has no outcome for.
    const stored = (await getRequestWithBranches(requestId)).branches.find((b) => b.status === 'completed')!;
    const branch = { ...stored, finishedAt: new Date().toISOString() };
    const { event, detail } = outcomeEvent(branch);
    await Promise.all([
      ...Array.from({ length: 5 }, () => auditMissingOutcomes(requestId, [branch])),
      ...Array.from({ length: 5 }, () => store.auditOnce(requestId, event, 'workflow', detail, new Date(branch.finishedAt))),
    ]);
    const record = await exported(requestId);
    expect(verifyAuditChain(record)).toEqual({ valid: true });
    expect(record.events.filter((e) => e.event === event && e.at === branch.finishedAt)).toHaveLength(1);
  });
});
