import { GetObjectCommand } from '@aws-sdk/client-s3';
import { GetCommand, PutCommand, QueryCommand, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RetentionRun } from '../../functions/platform/data/retention-runs';
import { bucketClient, captureOutput, REQUESTS_TABLE, useRuntime } from '../harness';

const output = captureOutput();
const local = useRuntime();

const ASSOCIATION = 'demo-association';
const MONTH_MS = 30.5 * 86_400_000;
const monthsAgo = (months: number) => new Date(Date.now() - months * MONTH_MS).toISOString();

/** People of this test only, so their traces are easy to look for. */
const RUT = { email: 'rut.retention@example.org', name: 'Rut Retentionsson', phone: '+46 70 999 00 01' };
const SIV = { email: 'siv.retention@example.org', name: 'Siv Sparad', phone: '+46 70 999 00 02' };

type Key = Record<string, unknown>;
interface Report {
  ruleId: string;
  mode: string;
  cutoff: string;
  wouldErase: Key[];
  keptUnderLegalHold: { key: Key; holdUntil: string; holdBasis?: string }[];
  keptRestricted: Key[];
  outcome?: { erased: Key[]; changedSinceReport: Key[]; deferred: Key[] };
}

const put = (TableName: string, Item: Record<string, unknown>) => local.db.send(new PutCommand({ TableName, Item }));
const get = async (TableName: string, Key: Key) => (await local.db.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item;
const scanAll = async (TableName: string) => (await local.db.send(new ScanCommand({ TableName, ConsistentRead: true }))).Items ?? [];

/** Fires the retention rules' schedule, as EventBridge Scheduler would. */
async function runRetentionSchedule(): Promise<void> {
  const schedule = local.rt.schedules.find((s) => local.rt.model.functions.get(s.functionLogicalId)?.entry === 'functions/handlers/scheduled/retention.ts');
  expect(schedule?.expression).toBe('cron(0 3 * * ? *)');
  await local.rt.runSchedule(schedule!.logicalId);
}

/** Every run item of a controller, newest first, as the requests table holds them. */
async function runItems(controllerId = ASSOCIATION): Promise<Record<string, unknown>[]> {
  const out = await local.db.send(
    new QueryCommand({
      TableName: REQUESTS_TABLE,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': `RETENTION#${controllerId}` },
      ScanIndexForward: false,
    }),
  );
  return out.Items ?? [];
}

async function latestRun(ruleId: string, controllerId = ASSOCIATION): Promise<RetentionRun> {
  const found = (await runItems(controllerId)).find((r) => r.ruleId === ruleId);
  expect(found, ruleId).toBeDefined();
  const { pk: _pk, sk: _sk, ...run } = found!;
  return run as unknown as RetentionRun;
}

async function reportOf(run: RetentionRun): Promise<Report> {
  const s3 = bucketClient(local.rt.urls.s3);
  try {
    expect(run.reportKey).toMatch(new RegExp(`^retention-reports/${run.controllerId}/.+/${run.ruleId}\\.json$`));
    const object = await s3.send(new GetObjectCommand({ Bucket: 'dsr-packages', Key: run.reportKey! }));
    return JSON.parse(await object.Body!.transformToString()) as Report;
  } finally {
    s3.destroy();
  }
}

/** The keys of the items of a table whose date is before the cutoff, worked out here from the data itself. */
async function olderThan(
  table: string,
  key: string,
  attribute: string,
  cutoff: string,
  keep: (item: Record<string, unknown>) => boolean = () => true,
): Promise<string[]> {
  return (await scanAll(table))
    .filter((i) => typeof i[attribute] === 'string' && (i[attribute] as string) < cutoff && keep(i))
    .map((i) => String(i[key]))
    .sort();
}

const ids = (keys: Key[], key: string) => keys.map((k) => String(k[key])).sort();

/** The domain code the schedule's handler runs, loaded after the runtime set the environment. */
const sweep = () => import('../../functions/retention/sweep');

beforeAll(async () => {
  // Members: one inactive for two and a half years, one active last month.
  await put('demo-members', { memberId: 'm-ret-old', ...RUT, lastActiveAt: monthsAgo(30) });
  await put('demo-members', { memberId: 'm-ret-new', ...SIV, lastActiveAt: monthsAgo(1) });
  // Event participation: an event over three years ago, one last month, and two old ones that
  // must stay: under a legal hold (as an erasure request's hold leaves it) and restricted for a request.
  await put('demo-event-participation', { participationId: 'p-ret-old', ...RUT, eventId: 'e-old', attendedAt: monthsAgo(40) });
  await put('demo-event-participation', { participationId: 'p-ret-new', ...SIV, eventId: 'e-new', attendedAt: monthsAgo(1) });
  await put('demo-event-participation', {
    participationId: 'p-ret-held',
    ...SIV,
    eventId: 'e-old',
    attendedAt: monthsAgo(48),
    restricted: true,
    holdUntil: new Date(Date.now() + 365 * 86_400_000).toISOString(),
    holdBasis: 'A test law requires keeping it',
  });
  await put('demo-event-participation', {
    participationId: 'p-ret-restricted',
    ...SIV,
    eventId: 'e-old',
    attendedAt: monthsAgo(44),
    restricted: true,
    restrictedAt: monthsAgo(1),
    restrictedFor: 'req-restricting',
  });
  await runRetentionSchedule();
});

describe('retention rules the register declares', () => {
  it('reports members inactive for two years in a dry run and erases none', async () => {
    const run = await latestRun('inactive-members');
    expect(run).toMatchObject({ mode: 'dry_run', status: 'completed', action: 'delete', processorId: 'members' });
    const expected = await olderThan('demo-members', 'memberId', 'lastActiveAt', run.cutoff);
    expect(expected).toContain('m-ret-old');
    expect(expected).not.toContain('m-ret-new');
    expect(expected).not.toContain('m-1001'); // active last month in the demo data

    const report = await reportOf(run);
    expect(report).toMatchObject({ ruleId: 'inactive-members', mode: 'dry_run', cutoff: run.cutoff });
    expect(ids(report.wouldErase, 'memberId')).toEqual(expected);
    expect(report.outcome).toBeUndefined();
    expect(run).toMatchObject({ matched: expected.length, wouldErase: expected.length, keptUnderLegalHold: 0 });
    expect(run.erased).toBeUndefined();
    // Nothing was erased: every member the report lists is still there, address and all.
    for (const memberId of expected) expect((await get('demo-members', { memberId }))?.email, memberId).toMatch(/@example\.org$/);
  });

  it('anonymises event participants three years after the event, exactly those, leaving newer ones and those a legal hold or restriction protects', async () => {
    const run = await latestRun('event-contacts');
    expect(run).toMatchObject({ mode: 'enforced', status: 'completed', action: 'anonymise' });
    const unprotected = (i: Record<string, unknown>) => !i.holdUntil && !i.restrictedFor;
    const report = await reportOf(run);
    const erased = ids(report.outcome!.erased, 'participationId');
    expect(erased).toContain('p-ret-old');
    expect(erased).toEqual(ids(report.wouldErase, 'participationId'));

    // Those the report listed are anonymised now: no address, name or phone, the event kept for statistics.
    for (const participationId of erased) {
      const item = await get('demo-event-participation', { participationId });
      expect(item, participationId).toMatchObject({ eventId: expect.any(String), anonymisedAt: expect.any(String) });
      expect(item).not.toHaveProperty('email');
      expect(item).not.toHaveProperty('name');
      expect(item).not.toHaveProperty('phone');
    }
    // ...and nothing else older than the cutoff is left unprotected.
    const anonymised = (i: Record<string, unknown>) => !!i.anonymisedAt;
    expect(await olderThan('demo-event-participation', 'participationId', 'attendedAt', run.cutoff, (i) => unprotected(i) && !anonymised(i))).toEqual([]);

    expect(await get('demo-event-participation', { participationId: 'p-ret-new' })).toMatchObject({ email: SIV.email, name: SIV.name });
    expect(await get('demo-event-participation', { participationId: 'p-ret-held' })).toMatchObject({ email: SIV.email, restricted: true });
    expect(await get('demo-event-participation', { participationId: 'p-ret-restricted' })).toMatchObject({
      email: SIV.email,
      restrictedFor: 'req-restricting',
    });
    expect(report.keptUnderLegalHold).toEqual([
      expect.objectContaining({ key: { participationId: 'p-ret-held' }, holdBasis: 'A test law requires keeping it' }),
    ]);
    expect(report.keptRestricted).toEqual([{ participationId: 'p-ret-restricted' }]);
    expect(run).toMatchObject({ erased: erased.length, keptUnderLegalHold: 1, keptRestricted: 1, changedSinceReport: 0, deferred: 0, errors: 0 });
    expect(run.matched).toBe(erased.length + 2);
  });

  it('records each run like a request: a run item and audit events with ids and counts, and offers the latest runs to the digest', async () => {
    const run = await latestRun('event-contacts');
    const trail = await local.db.send(
      new QueryCommand({
        TableName: REQUESTS_TABLE,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `RETENTION_RUN#${ASSOCIATION}#event-contacts#${run.runAt}` },
      }),
    );
    expect((trail.Items ?? []).map((e) => e.event)).toEqual(['retention_run_started', 'retention_reported', 'retention_anonymised']);
    expect((trail.Items ?? []).every((e) => e.actor === 'system' && String(e.sk).startsWith('AUDIT#'))).toBe(true);
    expect(trail.Items![2]!.detail).toMatchObject({ ruleId: 'event-contacts', erased: run.erased });

    const { latestRetentionRuns } = await import('../../functions/platform/data/retention-runs');
    const latest = await latestRetentionRuns(ASSOCIATION, run.runAt);
    expect(latest.map((r) => r.ruleId).sort()).toEqual(['event-contacts', 'inactive-members', 'unsubscribed-addresses']);
    expect(latest.find((r) => r.ruleId === 'event-contacts')).toEqual(run);
    expect(await latestRetentionRuns(ASSOCIATION, new Date(Date.now() + 60_000).toISOString())).toEqual([]);
    const platform = await latestRetentionRuns('demo-organising-platform', run.runAt);
    expect(platform.map((r) => [r.ruleId, r.mode]).sort()).toEqual([
      ['inactive-accounts', 'dry_run'],
      ['usage-after-three-months', 'dry_run'],
    ]);
  });

  it('finds nothing more to do on a second run, and still keeps what the legal hold protects', async () => {
    const first = await latestRun('event-contacts');
    await new Promise((r) => setTimeout(r, 5)); // a run is named by its start time
    await runRetentionSchedule();
    const second = await latestRun('event-contacts');
    expect(second.runAt > first.runAt).toBe(true);
    expect(second).toMatchObject({ status: 'completed', wouldErase: 0, erased: 0, changedSinceReport: 0, keptUnderLegalHold: 1, keptRestricted: 1 });
    // A dry run reports the same members again: it never erases, so nothing changed.
    const members = [await latestRun('inactive-members'), (await runItems()).filter((r) => r.ruleId === 'inactive-members')[1] as unknown as RetentionRun];
    expect(members[0]!.matched).toBe(members[1]!.matched);
  });

  it('keeps a participant whose date was refreshed between the report and the erasure', async () => {
    const { reportRetentionRule, enforceRetentionRule, retentionRulesOf, startRetentionRun } = await sweep();
    const { register } = await import('../../functions/platform/register');
    await put('demo-event-participation', { participationId: 'p-ret-refreshed', ...RUT, eventId: 'e-old', attendedAt: monthsAgo(50) });
    await put('demo-event-participation', { participationId: 'p-ret-late', ...SIV, eventId: 'e-old', attendedAt: monthsAgo(50) });
    const scope = retentionRulesOf(register).find((r) => r.rule.id === 'event-contacts')!;

    const findings = await reportRetentionRule(scope, await startRetentionRun(scope, new Date()));
    expect(ids(findings.toErase, 'participationId')).toEqual(['p-ret-late', 'p-ret-refreshed']);
    // Rut attends again after the report was written: the record is current once more.
    await local.db.send(
      new UpdateCommand({
        TableName: 'demo-event-participation',
        Key: { participationId: 'p-ret-refreshed' },
        UpdateExpression: 'SET attendedAt = :now',
        ExpressionAttributeValues: { ':now': new Date().toISOString() },
      }),
    );
    const run = await enforceRetentionRule(findings);

    expect(run).toMatchObject({ status: 'completed', erased: 1, changedSinceReport: 1 });
    expect(await get('demo-event-participation', { participationId: 'p-ret-refreshed' })).toMatchObject({ email: RUT.email, name: RUT.name });
    expect(await get('demo-event-participation', { participationId: 'p-ret-late' })).not.toHaveProperty('email');
    const report = await reportOf(run);
    expect(report.outcome).toEqual({ erased: [{ participationId: 'p-ret-late' }], changedSinceReport: [{ participationId: 'p-ret-refreshed' }], deferred: [] });
  });

  it('erases at most a batch in one run and the rest in the next', async () => {
    const { reportRetentionRule, enforceRetentionRule, retentionRulesOf, startRetentionRun } = await sweep();
    const { register } = await import('../../functions/platform/register');
    for (const n of [1, 2, 3])
      await put('demo-event-participation', { participationId: `p-ret-batch-${n}`, ...RUT, eventId: 'e-old', attendedAt: monthsAgo(45) });
    const scope = retentionRulesOf(register).find((r) => r.rule.id === 'event-contacts')!;

    const first = await enforceRetentionRule(await reportRetentionRule(scope, await startRetentionRun(scope, new Date())), 1);
    expect(first).toMatchObject({ wouldErase: 3, erased: 1, deferred: 2 });
    await runRetentionSchedule();
    expect(await latestRun('event-contacts')).toMatchObject({ wouldErase: 2, erased: 2, deferred: 0 });
    for (const n of [1, 2, 3]) expect(await get('demo-event-participation', { participationId: `p-ret-batch-${n}` })).not.toHaveProperty('email');
  });

  it("keeps personal data and the matched records' keys out of the logs, the run records and their audit events", async () => {
    const stored = JSON.stringify(
      await local.db.send(new ScanCommand({ TableName: REQUESTS_TABLE })).then((o) => (o.Items ?? []).filter((i) => String(i.pk).startsWith('RETENTION'))),
    );
    expect(stored).toContain('event-contacts');
    const logs = output.join('');
    expect(logs).toContain('retention rule run');
    for (const secret of [RUT.email, RUT.name, RUT.phone, SIV.email, SIV.name, 'example.org', 'm-ret-old', 'p-ret-old', 'p-ret-held', 'm-1002', 'p-2001']) {
      expect(logs, secret).not.toContain(secret);
      expect(stored, secret).not.toContain(secret);
    }
  });
});
