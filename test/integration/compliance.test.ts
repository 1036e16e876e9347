import { DeleteCommand, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { RIGHTS } from '../../functions/domain/request';
import { complianceFixture, type Fixture, fixtureId, loadFixture } from '../fixtures/compliance';
import { mailbox, REQUESTS_TABLE, type StoredEmail, staffToken, useRuntime } from '../harness';

const local = useRuntime();
const DAY = 86_400_000;
const ASSOCIATION = 'demo-association';
const PLATFORM = 'demo-organising-platform';

/** A CSV file as rows of cells (RFC 4180 quoting). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  return rows;
}

/** The digest schedule of a controller, as the runtime read it from the template. */
const digestScheduleOf = (controllerId: string) => {
  const found = local.rt.schedules.find((s) => (s.input as { controllerId?: string }).controllerId === controllerId);
  expect(found, `a digest schedule for ${controllerId}`).toBeDefined();
  return found!;
};

type Attachment = { filename: string; content: string; contentType: string };

/** The figures the digest should report for `[from, to)` as of `now`, worked out plainly from the fixture. */
function expected(f: Fixture, from: number, now: number) {
  const inPeriod = (iso?: string) => iso !== undefined && Date.parse(iso) >= from && Date.parse(iso) < now;
  const received = f.requests.filter((r) => inPeriod(r.receivedAt));
  const answered = f.requests.filter((r) => inPeriod(r.completedAt));
  const open = f.requests.filter((r) => ['in_progress', 'in_review'].includes(r.status));
  const days = answered.map((r) => (Date.parse(r.completedAt!) - Date.parse(r.receivedAt)) / DAY).sort((a, b) => a - b);
  const n = days.length;
  const median = n % 2 ? days[(n - 1) / 2]! : (days[n / 2 - 1]! + days[n / 2]!) / 2;
  const branches = f.branches.filter((b) => inPeriod(b.finishedAt));
  return {
    received,
    answered,
    open,
    median,
    p90: days[Math.ceil(0.9 * n) - 1]!,
    onTime: answered.filter((r) => r.onTime).length,
    overdue: open
      .filter((r) => Date.parse(r.dueAt) < now)
      .map((r) => r.requestId)
      .sort(),
    dueSoon: open
      .filter((r) => Date.parse(r.dueAt) >= now && Date.parse(r.dueAt) <= now + 7 * DAY)
      .map((r) => r.requestId)
      .sort(),
    extended: f.requests
      .filter((r) => r.extension && inPeriod(r.extension.at) && (open.includes(r) || answered.includes(r)))
      .map((r) => r.requestId)
      .sort(),
    refused: answered
      .filter((r) => r.status === 'denied')
      .map((r) => r.requestId)
      .sort(),
    failedAt: (p: string) => branches.filter((b) => b.processorId === p && b.status === 'failed').length,
    completedAt: (p: string) => branches.filter((b) => b.processorId === p && b.status === 'completed').length,
  };
}

describe("the DPO's compliance digest", () => {
  it('emails the DPO a digest whose figures match a fixture of 3,000 requests, with the same figures as CSV', async () => {
    const fixture = complianceFixture({
      controllerId: ASSOCIATION,
      count: 3000,
      now: new Date(),
      periodDays: 7,
      spanDays: 70,
      processors: ['members', 'event-participation', 'invoices'],
      seed: 1,
      tag: 1,
    });
    await loadFixture(local.db, REQUESTS_TABLE, fixture);
    const before = (await mailbox(local.rt)).length;

    await local.rt.runSchedule(digestScheduleOf(ASSOCIATION).logicalId);

    const mails = (await mailbox(local.rt)).slice(before) as (StoredEmail & { attachments?: Attachment[] })[];
    expect(mails.map((m) => m.destination.to)).toEqual([['dpo@demo-association.example']]);
    const mail = mails[0]!;
    expect(mail.subject).toMatch(/^Compliance digest: Demo Association, /);
    const csvFile = mail.attachments?.find((a) => a.filename.endsWith('.csv'));
    expect(csvFile?.contentType).toMatch(/^text\/csv/);
    const rows = parseCsv(Buffer.from(csvFile!.content, 'base64').toString('utf8'));
    expect(rows[0]).toEqual(['section', 'item', 'measure', 'value']);
    const value = (section: string, item: string, measure: string) => rows.find((r) => r[0] === section && r[1] === item && r[2] === measure)?.[3];
    const items = (section: string) =>
      rows
        .filter((r) => r[0] === section)
        .map((r) => r[1])
        .filter((x, i, all) => all.indexOf(x) === i)
        .sort();

    // The digest's own clock: the period ends when it ran.
    const now = Date.parse(value('period', 'to', 'time')!);
    const from = Date.parse(value('period', 'from', 'time')!);
    expect(now - from).toBe(7 * DAY);
    const x = expected(fixture, from, now);
    expect(x.received.length).toBeGreaterThan(200);
    expect(x.answered.length).toBeGreaterThan(100);

    expect(Number(value('received', 'total', 'count'))).toBe(x.received.length);
    for (const right of RIGHTS) expect(Number(value('received', right, 'count')), right).toBe(x.received.filter((r) => r.type === right).length);
    expect(Number(value('received', 'withdrawn', 'count'))).toBe(x.received.filter((r) => r.status === 'cancelled').length);
    expect(Number(value('answered', 'total', 'count'))).toBe(x.answered.length);
    expect(Number(value('answered', 'denied', 'count'))).toBe(x.refused.length);
    expect(Number(value('answered', 'on_time', 'count'))).toBe(x.onTime);
    expect(Number(value('answered', 'on_time', 'share'))).toBeCloseTo(x.onTime / x.answered.length, 4);
    expect(Number(value('answered', 'days_to_answer', 'median_days'))).toBeCloseTo(x.median, 2);
    expect(Number(value('answered', 'days_to_answer', 'p90_days'))).toBeCloseTo(x.p90, 2);
    expect(Number(value('open', 'total', 'count'))).toBe(x.open.length);
    expect(Number(value('open', 'in_review', 'count'))).toBe(x.open.filter((r) => r.status === 'in_review').length);
    expect(items('overdue')).toEqual(x.overdue);
    expect(items('due_within_7_days')).toEqual(x.dueSoon);
    expect(items('extension')).toEqual(x.extended);
    expect(items('refusal')).toEqual(x.refused);
    for (const p of ['members', 'event-participation', 'invoices']) {
      expect(Number(value('processor', p, 'failed')), p).toBe(x.failedAt(p));
      expect(Number(value('processor', p, 'completed')), p).toBe(x.completedAt(p));
    }

    // The email: every overdue request with its console link, the most failing processor named, nobody's address.
    expect(x.overdue.length).toBeGreaterThan(0);
    // The most overdue fifty by name, the rest counted (the CSV lists every one).
    const byDue = fixture.requests
      .filter((r) => x.overdue.includes(r.requestId))
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.requestId.localeCompare(b.requestId));
    for (const r of byDue.slice(0, 50)) expect(mail.body.html).toContain(`/console?request=${r.requestId}`);
    for (const r of byDue.slice(50)) expect(mail.body.html).not.toContain(`/console?request=${r.requestId}`);
    if (byDue.length > 50) expect(mail.body.text).toContain(`… and ${byDue.length - 50} more: see the attached CSV file.`);
    expect(mail.body.text).toContain(`Overdue: past the deadline (${x.overdue.length})`);
    expect(mail.body.html).toMatch(/Most failing: Membership register/);
    expect(mail.body.html).not.toMatch(/@(?!demo-association\.example)[a-z0-9.-]+\.[a-z]+/i);
  });

  it('reads no more from DynamoDB when the closed history grows tenfold', async () => {
    const now = new Date();
    // The platform's own period activity and open work, and 300 requests closed long ago.
    await loadFixture(
      local.db,
      REQUESTS_TABLE,
      complianceFixture({
        controllerId: PLATFORM,
        count: 400,
        now,
        periodDays: 7,
        spanDays: 7,
        processors: ['accounts', 'participation'],
        seed: 2,
        tag: 2,
      }),
    );
    const history = (count: number, tag: number) =>
      complianceFixture({
        controllerId: PLATFORM,
        count,
        now,
        periodDays: 7,
        spanDays: 400,
        olderThanDays: 60,
        processors: ['accounts', 'participation'],
        seed: tag,
        tag,
      });
    const closedOnly = (f: Fixture): Fixture => {
      const requests = f.requests.filter((r) => r.status === 'completed' || r.status === 'denied');
      const ids = new Set(requests.map((r) => r.requestId));
      return { requests, branches: f.branches.filter((b) => ids.has(b.requestId)) };
    };
    await loadFixture(local.db, REQUESTS_TABLE, closedOnly(history(500, 3)));

    // The digest's reads, counted at the SDK client the report code uses.
    const { ddb } = await import('../../functions/platform/aws/dynamodb');
    const { complianceReport, lastDays } = await import('../../functions/reporting/compliance-report');
    const counted = { calls: 0, items: 0 };
    ddb.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        counted.calls += 1;
        counted.items += (out.output as { Count?: number }).Count ?? 0;
        return out;
      },
      { step: 'initialize', name: 'countReads' },
    );
    const measure = async () => {
      counted.calls = 0;
      counted.items = 0;
      const figures = await complianceReport(PLATFORM, lastDays(7, now), now);
      return { ...counted, figures };
    };

    const small = await measure();
    await loadFixture(local.db, REQUESTS_TABLE, closedOnly(history(4500, 4)));
    const large = await measure();

    expect(large.calls).toBe(small.calls);
    expect(large.items).toBe(small.items);
    expect(large.figures).toEqual(small.figures);
    expect(small.figures.received.total).toBeGreaterThan(300);

    // The count is a real measure: more activity inside the period is more to read.
    await loadFixture(
      local.db,
      REQUESTS_TABLE,
      complianceFixture({
        controllerId: PLATFORM,
        count: 400,
        now,
        periodDays: 7,
        spanDays: 7,
        processors: ['accounts'],
        seed: 5,
        tag: 5,
      }),
    );
    const busier = await measure();
    expect(busier.items).toBeGreaterThan(small.items);
  });
});

describe('retention rules in the digest', () => {
  it("reports each retention rule's latest run: the dry runs and the enforced one, with counts only", async () => {
    const retention = local.rt.schedules.find((s) => s.logicalId.startsWith('RetentionSchedule'));
    expect(retention).toBeDefined();
    await local.rt.runSchedule(retention!.logicalId);
    const before = (await mailbox(local.rt)).length;
    await local.rt.runSchedule(digestScheduleOf(ASSOCIATION).logicalId);
    const mail = (await mailbox(local.rt)).slice(before)[0] as StoredEmail & { attachments?: Attachment[] };
    expect(mail.body.text).toContain('Retention rules (latest run of each in the period)');
    expect(mail.body.text).toMatch(/Dry run \(report only\)/);
    expect(mail.body.text).toMatch(/\| Enforced \|/);
    const rows = parseCsv(Buffer.from(mail.attachments!.find((a) => a.filename.endsWith('.csv'))!.content, 'base64').toString('utf8'));
    const rule = (id: string, measure: string) => rows.find((r) => r[0] === 'retention_rule' && r[1] === id && r[2] === measure)?.[3];
    expect(rule('inactive-members', 'mode')).toBe('dry_run');
    expect(rule('unsubscribed-addresses', 'mode')).toBe('dry_run');
    expect(rule('event-contacts', 'mode')).toBe('enforced');
    expect(rule('event-contacts', 'status')).toBe('completed');
    // A dry run erases nothing but says what it would; the enforced rule erased what it matched.
    expect(Number(rule('inactive-members', 'would_erase'))).toBeGreaterThan(0);
    expect(rule('inactive-members', 'erased')).toBe('0');
    expect(Number(rule('event-contacts', 'erased'))).toBe(Number(rule('event-contacts', 'would_erase')));
    // Only the association's own rules.
    expect(rule('inactive-accounts', 'mode')).toBeUndefined();
  });
});

describe('the public transparency figures', () => {
  it('publishes yearly aggregates with the digest, and only for a controller that opted in', async () => {
    const before = await fetch(`${local.rt.urls.gateway}/transparency/${ASSOCIATION}`);
    expect(before.status).toBe(200);
    await local.rt.runSchedule(digestScheduleOf(ASSOCIATION).logicalId);
    const page = await (await fetch(`${local.rt.urls.gateway}/transparency/${ASSOCIATION}?lang=sl`)).text();
    expect(page).toContain('Zahteve oseb, katerih podatke obdelujemo');
    const year = new Date().getUTCFullYear();
    expect(page).toContain(`${year} (doslej)`);
    // This year's column comes first: the fixture's 3,000 requests were all received in the last 70 days.
    expect(page).toMatch(new RegExp(`<th scope="col">${year} \\(doslej\\)</th><th scope="col">${year - 1}</th>`));
    expect(page).toMatch(new RegExp(`<th scope="row">Prejete</th><td>${new Intl.NumberFormat('sl-SI').format(3000).replace('.', '\\.')}</td>`));
    // Counts only: no request id, no address but the DPO's, which the page gives for questions.
    expect(page).not.toContain(fixtureId(1, 0));
    expect(page.replaceAll('mailto:dpo@demo-association.example', '').replaceAll('>dpo@demo-association.example<', '')).not.toMatch(
      /[a-z0-9.]+@[a-z0-9-]+\.[a-z]+/i,
    );
    const platform = await fetch(`${local.rt.urls.gateway}/transparency/${PLATFORM}`);
    expect(platform.status).toBe(404);
    expect((await fetch(`${local.rt.urls.gateway}/transparency/nobody`)).status).toBe(404);
  });

  it('keeps a running tally, so a later refresh reads only what changed and the requests still open', async () => {
    const { refreshTransparency } = await import('../../functions/reporting/transparency');
    const { ddb } = await import('../../functions/platform/aws/dynamodb');
    const controllerId = 'tally-check';
    const now = Date.now();
    const year = new Date(now).getUTCFullYear();
    // Received over the last 30 days (inside this year, or the test would need two), a share still open.
    const spanDays = Math.min(30, Math.floor((now - Date.UTC(year, 0, 1)) / DAY) - 1);
    const fixture = complianceFixture({ controllerId, count: 300, now: new Date(now), periodDays: 7, spanDays, processors: [], seed: 41, tag: 41 });
    await loadFixture(local.db, REQUESTS_TABLE, fixture);
    const open = fixture.requests.filter((r) => ['in_progress', 'in_review'].includes(r.status));
    const x = expected(fixture, Date.UTC(year, 0, 1), now);

    const read = { items: 0 };
    ddb.middlewareStack.add(
      (next) => async (args) => {
        const out = await next(args);
        const output = out.output as { Count?: number; Responses?: Record<string, unknown[]> };
        read.items += output.Count ?? Object.values(output.Responses ?? {}).reduce((sum, items) => sum + items.length, 0);
        return out;
      },
      { step: 'initialize', name: 'countTallyReads' },
    );
    const refresh = async (at: number) => {
      read.items = 0;
      const figures = await refreshTransparency(controllerId, new Date(at));
      return { thisYear: figures.years.find((y) => y.year === new Date(at).getUTCFullYear())!, years: figures.years, items: read.items };
    };
    try {
      const first = await refresh(now);
      expect(first.thisYear).toMatchObject({
        received: 300,
        compliedWith: x.answered.length - x.refused.length,
        refused: x.refused.length,
        withdrawn: fixture.requests.filter((r) => r.status === 'cancelled').length,
      });
      expect(Math.abs(first.thisYear.medianDaysToAnswer! - x.median)).toBeLessThanOrEqual(0.1);

      // A day on, nothing new: the same figures, from the still-open requests alone.
      const again = await refresh(now + DAY);
      expect(again.thisYear).toEqual(first.thisYear);
      expect(again.items).toBe(open.length);
      expect(first.items).toBeGreaterThan(300);

      // One open request withdrawn, another answered: both show, still without reading the rest.
      const [withdrawnOne, answeredOne] = open;
      await local.db.send(
        new UpdateCommand({
          TableName: REQUESTS_TABLE,
          Key: { pk: `REQ#${withdrawnOne!.requestId}`, sk: 'REQUEST' },
          UpdateExpression: 'SET #s = :s',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': 'cancelled' },
        }),
      );
      await local.db.send(
        new UpdateCommand({
          TableName: REQUESTS_TABLE,
          Key: { pk: `REQ#${answeredOne!.requestId}`, sk: 'REQUEST' },
          UpdateExpression: 'SET #s = :s, completedAt = :at',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':s': 'completed', ':at': new Date(now + DAY + 60_000).toISOString() },
        }),
      );
      const later = await refresh(now + 2 * DAY);
      expect(later.thisYear).toMatchObject({
        received: 300,
        withdrawn: first.thisYear.withdrawn + 1,
        compliedWith: first.thisYear.compliedWith + 1,
        refused: first.thisYear.refused,
      });
      expect(later.items).toBe(open.length + 1);

      // Into the next year: this one is shown whole, and not as final while some of it is open.
      const nextYear = (await refresh(Date.UTC(year + 1, 0, 2))).years.find((y) => y.year === year)!;
      expect(nextYear).toEqual({ ...later.thisYear, toDate: false });

      // Too many open requests for one item: no tally is kept, and the year is counted whole each time, rightly.
      const tallyOf = (y: number) =>
        local.db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REPORT#${controllerId}`, sk: `TRANSPARENCY#TALLY#${y}` } }));
      await local.db.send(new DeleteCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REPORT#${controllerId}`, sk: `TRANSPARENCY#TALLY#${year}` } }));
      read.items = 0;
      const uncounted = (await refreshTransparency(controllerId, new Date(now + 3 * DAY), { maxOpenIds: 5 })).years.find((y) => y.year === year)!;
      expect(uncounted).toEqual(later.thisYear);
      expect((await tallyOf(year)).Item).toBeUndefined();
      expect(read.items).toBeGreaterThan(300);
    } finally {
      ddb.middlewareStack.remove('countTallyReads');
    }
  });
});

describe('the dashboard API', () => {
  it("gives staff the figures, weekly series and open work by deadline, and exports a period's requests as CSV", async () => {
    const token = await staffToken(local.rt, 'viewer', ASSOCIATION);
    const auth = { authorization: `Bearer ${token}` };
    const today = new Date().toISOString().slice(0, 10);
    const from = new Date(Date.now() - 27 * DAY).toISOString().slice(0, 10);
    const res = await fetch(`${local.rt.urls.gateway}/v1/staff/reports?from=${from}&to=${today}`, { headers: auth });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      figures: { received: { total: number } };
      weeks: { weekStart: string; received: Record<string, number> }[];
      openByDue: Record<string, number>;
    };
    const weeklyTotal = body.weeks.reduce((sum, w) => sum + Object.values(w.received).reduce((a, b) => a + b, 0), 0);
    expect(weeklyTotal).toBe(body.figures.received.total);
    expect(body.weeks.length).toBeGreaterThanOrEqual(4);
    expect(body.openByDue.overdue).toBeGreaterThan(0);

    const csv = await fetch(`${local.rt.urls.gateway}/v1/staff/reports/requests.csv?from=${from}&to=${today}`, { headers: auth });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(csv.headers.get('content-disposition')).toContain(`requests-${ASSOCIATION}-${from}_${today}.csv`);
    const rows = parseCsv(await csv.text());
    expect(rows[0]).toEqual(['requestId', 'right', 'status', 'receivedAt', 'dueAt', 'answeredAt', 'onTime', 'extendedMonths', 'refusalReason']);
    expect(rows.length - 1).toBe(body.figures.received.total);
    expect(rows.slice(1).every((r) => r[3]! >= from)).toBe(true);
  });

  it("refuses a bad period or another controller's figures with a message naming the parameter", async () => {
    const token = await staffToken(local.rt, 'viewer', ASSOCIATION);
    const get = (q: string) => fetch(`${local.rt.urls.gateway}/v1/staff/reports${q}`, { headers: { authorization: `Bearer ${token}` } });
    const bad = await get('?from=2026-02-30');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Record<string, string> }).errors).toEqual({ from: 'must be a date as YYYY-MM-DD' });
    const long = await get('?from=2024-01-01&to=2026-01-01');
    expect(((await long.json()) as { errors: Record<string, string> }).errors.from).toMatch(/at most 366 days/);
    const backwards = await get('?from=2026-03-02&to=2026-03-01');
    expect(((await backwards.json()) as { errors: Record<string, string> }).errors.from).toBe('must not be after to');
    const theirs = await get(`?controller=${PLATFORM}`);
    expect(theirs.status).toBe(403);
    const unknown = await get('?controller=nobody&sort=asc');
    expect(((await unknown.json()) as { errors: Record<string, string> }).errors).toEqual({
      controller: 'unknown controller id',
      sort: 'unknown parameter; use controller, from, to',
    });
  });
});
