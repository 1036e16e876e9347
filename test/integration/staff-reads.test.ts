/**
 * Staff reads are audited (issue 17, item 16): opening a request, exporting its audit trail and
 * exporting a period's requests as CSV each leave an audit event naming the staff member, with
 * no personal data of the subject.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { REQUESTS_TABLE, staffToken, submitConfirmed, useRuntime } from '../harness';

const local = useRuntime();
const EMAIL = 'ada.reads@example.org';
const NAME = 'Ada Lindqvist';
let requestId: string;
let viewer: string;

beforeAll(async () => {
  ({ requestId } = await submitConfirmed(local.rt, { controller: 'demo-association', type: 'access', email: EMAIL, name: NAME }));
  viewer = await staffToken(local.rt, 'viewer', 'demo-association', 'auditor-7');
});

const get = (path: string, token = viewer) =>
  fetch(`${local.rt.urls.gateway}${path}`, { headers: { accept: 'application/json', authorization: `Bearer ${token}` } });

/** The events of a trail's partition, in chain order. */
async function trail(pk: string): Promise<Record<string, any>[]> {
  const out = await local.db.send(
    new QueryCommand({
      TableName: REQUESTS_TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :a)',
      ExpressionAttributeValues: { ':pk': pk, ':a': 'AUDIT#' },
      ConsistentRead: true,
    }),
  );
  return out.Items ?? [];
}

const noPersonalData = (events: unknown) => {
  const text = JSON.stringify(events);
  expect(text).not.toContain(EMAIL);
  expect(text).not.toContain('Ada');
};

describe('staff reads', () => {
  it('records each view of a request with the staff member, before answering', async () => {
    const res = await get(`/v1/staff/requests/${requestId}`);
    expect(res.status).toBe(200);
    const detail = (await res.json()) as { audit?: { event: string }[]; timeline?: { event: string }[] };
    const viewed = (await trail(`REQ#${requestId}`)).filter((e) => e.event === 'staff_viewed_request');
    expect(viewed.map((e) => [e.actor, e.detail])).toEqual([['staff', { by: 'auditor-7' }]]);
    // the timeline the viewer got already shows the view
    expect(JSON.stringify(detail)).toContain('staff_viewed_request');
    expect((await get(`/v1/staff/requests/${requestId}`)).status).toBe(200);
    expect((await trail(`REQ#${requestId}`)).filter((e) => e.event === 'staff_viewed_request')).toHaveLength(2);
    noPersonalData(viewed);
  });

  it('records an export of the audit trail, in the trail it exports', async () => {
    const res = await get(`/v1/staff/requests/${requestId}/audit`);
    expect(res.status).toBe(200);
    const record = (await res.json()) as { events: { event: string; detail?: unknown }[] };
    expect(record.events.at(-1)).toMatchObject({ event: 'staff_exported_audit_trail', actor: 'staff', detail: { by: 'auditor-7' } });
  });

  it('records a CSV export with the staff member, the controller, the period and the row count only', async () => {
    const from = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const res = await get(`/v1/staff/reports/requests.csv?controller=demo-association&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    const csvRows = (await res.text()).trim().split('\n').length - 1;
    const events = await trail('STAFF_EXPORTS#demo-association');
    expect(events.map((e) => [e.event, e.actor, e.detail.by, e.detail.controllerId, e.detail.rows])).toEqual([
      ['staff_exported_requests_csv', 'staff', 'auditor-7', 'demo-association', csvRows],
    ]);
    expect(Object.keys(events[0]!.detail).sort()).toEqual(['by', 'controllerId', 'from', 'rows', 'to']);
    noPersonalData(events);
  });

  it('records nothing for a request the caller may not see (the same 404 as an unknown one)', async () => {
    const other = await staffToken(local.rt, 'viewer', 'demo-organising-platform', 'other-9');
    expect((await get(`/v1/staff/requests/${requestId}`, other)).status).toBe(404);
    expect(JSON.stringify(await trail(`REQ#${requestId}`))).not.toContain('other-9');
  });
});
