import { describe, expect, it } from 'vitest';
import { figuresCsv } from '../../../functions/reporting/compliance-csv';
import { complianceFigures, openByDue, type ReportRows, spread, weeklySeries } from '../../../functions/reporting/compliance-figures';
import { digestEmail } from '../../../web/emails/digest';
import { LOCALES } from '../../../web/locale';

const NOW = new Date('2026-11-22T12:00:00Z');
const PERIOD = { from: new Date('2026-11-15T12:00:00Z'), to: NOW };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

const rows: ReportRows = {
  received: [
    {
      requestId: id(1),
      type: 'access',
      status: 'completed',
      receivedAt: '2026-11-16T09:00:00Z',
      dueAt: '2026-12-16T09:00:00Z',
      completedAt: '2026-11-18T09:00:00Z',
      onTime: true,
    },
    { requestId: id(2), type: 'erasure', status: 'cancelled', receivedAt: '2026-11-20T09:00:00Z', dueAt: '2026-12-20T09:00:00Z' },
  ],
  answered: [
    {
      requestId: id(1),
      type: 'access',
      status: 'completed',
      receivedAt: '2026-11-16T09:00:00Z',
      dueAt: '2026-12-16T09:00:00Z',
      completedAt: '2026-11-18T09:00:00Z',
      onTime: true,
    },
    {
      requestId: id(3),
      type: 'erasure',
      status: 'completed',
      receivedAt: '2026-10-01T09:00:00Z',
      dueAt: '2026-11-01T09:00:00Z',
      completedAt: '2026-11-17T09:00:00Z',
      onTime: false,
    },
    {
      requestId: id(4),
      type: 'objection',
      status: 'denied',
      receivedAt: '2026-11-10T09:00:00Z',
      dueAt: '2026-12-10T09:00:00Z',
      completedAt: '2026-11-21T09:00:00Z',
      onTime: true,
      denial: { reason: 'compelling_grounds', text: 'staff words', by: 'x', at: '2026-11-21T09:00:00Z' },
    },
  ],
  open: [
    { requestId: id(5), type: 'access', status: 'in_progress', dueAt: '2026-11-20T09:00:00Z' },
    {
      requestId: id(6),
      type: 'access',
      status: 'in_review',
      dueAt: '2026-11-25T09:00:00Z',
      extension: { months: 1, reasons: 'Many <systems> & stores', by: 'x', at: '2026-11-16T10:00:00Z', originalDueAt: '2026-10-25T09:00:00Z' },
    },
    { requestId: id(7), type: 'erasure', status: 'awaiting_verification', openDue: '2026-11-23T09:00:00Z' },
    { requestId: id(8), type: 'erasure', status: 'received', dueAt: '2026-12-21T09:00:00Z' },
  ],
  branches: [
    {
      requestId: id(1),
      processorId: 'crm',
      kind: 'dynamodb',
      action: 'export',
      status: 'completed',
      attempts: 1,
      startedAt: '2026-11-16T09:00:00Z',
      finishedAt: '2026-11-16T09:00:10Z',
    },
    {
      requestId: id(3),
      processorId: 'crm',
      kind: 'dynamodb',
      action: 'delete',
      status: 'failed',
      attempts: 3,
      startedAt: '2026-11-16T09:00:00Z',
      finishedAt: '2026-11-16T09:01:00Z',
    },
    {
      requestId: id(3),
      processorId: 'vendor',
      kind: 'email',
      action: 'erase',
      status: 'completed',
      attempts: 1,
      startedAt: '2026-11-16T09:00:00Z',
      finishedAt: '2026-11-18T09:00:00Z',
    },
  ],
};

describe('compliance figures', () => {
  it('takes the middle value as median (the mean of two for an even count) and the nearest rank as 90th percentile', () => {
    expect(spread([])).toBeNull();
    expect(spread([5])).toEqual({ count: 1, median: 5, p90: 5 });
    expect(spread([4, 1, 3, 2])).toEqual({ count: 4, median: 2.5, p90: 4 });
    expect(spread([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toEqual({ count: 11, median: 6, p90: 10 });
  });

  it('counts the period by right, on time, and the days to answer', () => {
    const f = complianceFigures('c', PERIOD, rows, NOW);
    expect(f.received).toMatchObject({ total: 2, withdrawn: 1 });
    expect(f.received.byRight).toMatchObject({ access: 1, erasure: 1, objection: 0 });
    expect(f.answered).toMatchObject({ total: 3, completed: 2, denied: 1, onTime: 2, late: 1, onTimeShare: 2 / 3 });
    expect(f.answered.daysToAnswer).toEqual({ count: 3, median: 11, p90: 47 });
  });

  it('lists overdue and soon-due open requests, never an unconfirmed one, and extensions granted in the period with their reasons', () => {
    const f = complianceFigures('c', PERIOD, rows, NOW);
    expect(f.open.byStatus).toEqual({ in_progress: 1, in_review: 1, awaiting_verification: 1, received: 1 });
    expect(f.open.overdue.map((w) => [w.requestId, w.daysLeft])).toEqual([[id(5), -3]]);
    expect(f.open.dueWithin7Days.map((w) => w.requestId)).toEqual([id(6)]);
    expect(f.extensions).toEqual([{ requestId: id(6), type: 'access', months: 1, reasons: 'Many <systems> & stores', at: '2026-11-16T10:00:00Z' }]);
    expect(f.refusals).toEqual([{ requestId: id(4), type: 'objection', reason: 'compelling_grounds', at: '2026-11-21T09:00:00Z' }]);
  });

  it('names the most failing and the slowest processors', () => {
    const f = complianceFigures('c', PERIOD, rows, NOW);
    expect(f.processors.map((p) => [p.processorId, p.completed, p.failed, p.retries])).toEqual([
      ['crm', 1, 1, 2],
      ['vendor', 1, 0, 0],
    ]);
    expect(f.mostFailing).toEqual(['crm']);
    expect(f.slowest).toEqual(['vendor', 'crm']);
  });

  it("counts branches a subject's withdrawal stopped apart from failures, in the figures, the CSV and the digest", () => {
    const stopped = { ...rows.branches[2]!, requestId: id(2), status: 'failed' as const, errorClass: 'RequestWithdrawn', finishedAt: '2026-11-17T09:00:00Z' };
    const f = complianceFigures('c', PERIOD, { ...rows, branches: [...rows.branches, stopped, { ...stopped, requestId: id(9) }] }, NOW);
    expect(f.processors.map((p) => [p.processorId, p.completed, p.failed, p.stopped, p.failureShare])).toEqual([
      ['crm', 1, 1, 0, 0.5],
      ['vendor', 1, 0, 2, 0],
    ]);
    expect(f.mostFailing).toEqual(['crm']);
    // A stopped branch's time is cut short by the withdrawal, not the processor's answer time.
    expect(f.processors[1]!.duration).toEqual({ count: 1, median: 172800, p90: 172800 });
    expect(figuresCsv(f)).toContain('\r\nprocessor,vendor,stopped,2\r\nprocessor,vendor,failure_share,0\r\n');
    for (const locale of LOCALES) {
      const mail = digestEmail({ figures: f, locale, controllerName: 'C', timezone: 'UTC', processorNames: {}, consoleUrl: (r) => r, consoleHome: '' });
      expect(mail.text).toMatch(/vendor \| 1 \| 0 \| 2 \| 0/);
    }
  });

  it('buckets requests by week from Monday and open work by deadline', () => {
    const weeks = weeklySeries(rows, PERIOD);
    expect(weeks.map((w) => w.weekStart)).toEqual(['2026-11-09', '2026-11-16']);
    expect(weeks[1]).toMatchObject({ answered: 3, onTime: 2 });
    expect(weeks[1]!.received).toMatchObject({ access: 1, erasure: 1 });
    expect(openByDue(rows.open, NOW)).toEqual({ overdue: 1, week: 1, fortnight: 0, later: 1, unconfirmed: 1 });
  });

  it('writes the figures as a long CSV whose cells cannot run as spreadsheet formulas', () => {
    const csv = figuresCsv(
      complianceFigures('c', PERIOD, { ...rows, open: [{ ...rows.open[1]!, extension: { ...rows.open[1]!.extension!, reasons: '=HYPERLINK("x")' } }] }, NOW),
    );
    expect(csv.split('\r\n')[0]).toBe('section,item,measure,value');
    expect(csv).toContain('\r\nanswered,on_time,share,0.6667\r\n');
    expect(csv).toContain(`\r\nextension,${id(6)},reasons,"'=HYPERLINK(""x"")"\r\n`);
  });
});

describe('the digest email', () => {
  const input = {
    figures: complianceFigures('c', PERIOD, rows, NOW),
    controllerName: 'Förening <b>&</b>',
    timezone: 'Europe/Stockholm',
    processorNames: { crm: 'Member <register>' },
    consoleUrl: (requestId: string) => `https://dsr.example/console?request=${requestId}`,
    consoleHome: 'https://dsr.example/console',
  };

  it('escapes every name and staff text in the HTML part and links each overdue request to the console', () => {
    const mail = digestEmail({ ...input, locale: 'en' });
    expect(mail.subject).toBe('Compliance digest: Förening <b>&</b>, 15 November 2026 – 22 November 2026');
    expect(mail.html).toContain('Förening &lt;b&gt;&amp;&lt;/b&gt;');
    expect(mail.html).toContain('Member &lt;register&gt;');
    expect(mail.html).toContain('Many &lt;systems&gt; &amp; stores');
    expect(mail.html).not.toContain('<register>');
    expect(mail.html).toContain(`href="https://dsr.example/console?request=${id(5)}"`);
    expect(mail.text).toContain(`${id(5)} <https://dsr.example/console?request=${id(5)}>`);
    expect(mail.text).toContain('Answered on time | 66.7 %');
  });

  it("names a SQL rule's table and counts what it kept, in the email and the CSV", () => {
    const run = {
      controllerId: 'c',
      ruleId: 'inactive-accounts',
      processorId: 'crm',
      table: 'auth_user',
      description: 'Accounts unused for three years',
      action: 'mask' as const,
      mode: 'enforced' as const,
      runAt: NOW.toISOString(),
      cutoff: '2023-11-22T03:00:00.000Z',
      status: 'completed' as const,
      matched: 9,
      wouldErase: 5,
      keptRestricted: 1,
      keptReferenced: 3,
      erased: 4,
      deferred: 1,
      errors: 0,
    };
    const mail = digestEmail({ ...input, locale: 'en', retentionRuns: [run] });
    expect(mail.text).toContain('Accounts unused for three years | Member <register> (auth_user) | Enforced | 9 | 5 | 4 | 4 | completed');
    const csv = figuresCsv(input.figures, [run]);
    expect(csv).toContain('\r\nretention_rule,inactive-accounts,table,auth_user\r\n');
    expect(csv).toContain('\r\nretention_rule,inactive-accounts,kept_referenced,3\r\n');
    expect(csv).toContain('\r\nretention_rule,inactive-accounts,deferred,1\r\n');
  });

  it.each(LOCALES)('is written in %s', (locale) => {
    const mail = digestEmail({ ...input, locale });
    expect(mail.html).toContain(`lang="${locale}"`);
    expect(mail.text.length).toBeGreaterThan(500);
  });
});

describe('the internal target in the digest', () => {
  const open: ReportRows['open'] = [
    // Past its internal target (yesterday), well within its legal deadline.
    { requestId: id(70), type: 'access', status: 'in_progress', dueAt: '2026-12-21T23:59:59.999Z', targetAt: '2026-11-21T23:59:59.999Z' },
    // Its target is tonight: not past it yet.
    { requestId: id(71), type: 'erasure', status: 'received', dueAt: '2026-12-22T23:59:59.999Z', targetAt: '2026-11-22T23:59:59.999Z' },
    // Past both: overdue, and listed there only.
    { requestId: id(72), type: 'access', status: 'in_review', dueAt: '2026-11-20T23:59:59.999Z', targetAt: '2026-10-21T23:59:59.999Z' },
  ];
  const f = complianceFigures('c', PERIOD, { received: [], answered: [], branches: [], open }, NOW);

  it('counts a request whose clock stands still (a fee unpaid) neither overdue nor due soon', () => {
    const fee = { amount: '25.00', currency: 'EUR', reason: 'r', by: 'staff', at: '2026-11-01T10:00:00Z' };
    const paused = { requestId: id(73), type: 'access' as const, status: 'in_review' as const, dueAt: '2026-11-20T23:59:59.999Z', fee };
    const g = complianceFigures('c', PERIOD, { received: [], answered: [], branches: [], open: [paused] }, NOW);
    expect(g.open.overdue).toEqual([]);
    expect(g.open.byStatus).toEqual({ in_review: 1 });
    const unpaused = complianceFigures(
      'c',
      PERIOD,
      { received: [], answered: [], branches: [], open: [{ ...paused, fee: { ...fee, paidAt: NOW.toISOString() } }] },
      NOW,
    );
    expect(unpaused.open.overdue.map((w) => w.requestId)).toEqual([id(73)]);
  });

  it('lists requests past the target apart, never as overdue', () => {
    expect(f.open.pastTarget.map((w) => w.requestId)).toEqual([id(70)]);
    expect(f.open.pastTarget[0]).toMatchObject({ targetAt: '2026-11-21T23:59:59.999Z', daysLeft: 29 });
    expect(f.open.overdue.map((w) => w.requestId)).toEqual([id(72)]);
    expect(figuresCsv(f)).toContain(`past_internal_target,${id(70)},target_at,2026-11-21T23:59:59.999Z`);
  });

  it('says so in every language, as a target and not as overdue', () => {
    const words = {
      en: 'Past our internal target (not overdue) (1)',
      sv: 'Efter vårt interna mål (inte försenade) (1)',
      sl: 'Po našem notranjem cilju (niso zamujene) (1)',
      de: 'Nach unserem internen Ziel (nicht überfällig) (1)',
    };
    for (const locale of LOCALES) {
      const mail = digestEmail({
        figures: f,
        locale,
        controllerName: 'C',
        timezone: 'UTC',
        processorNames: {},
        consoleUrl: (r) => `https://x/${r}`,
        consoleHome: '',
      });
      expect(mail.text).toContain(words[locale]);
      expect(mail.html).toContain(`https://x/${id(70)}`);
    }
    // A controller with nothing past a target gets no such section.
    const none = complianceFigures('c', PERIOD, { received: [], answered: [], branches: [], open: [open[1]!] }, NOW);
    expect(
      digestEmail({ figures: none, locale: 'en', controllerName: 'C', timezone: 'UTC', processorNames: {}, consoleUrl: (r) => r, consoleHome: '' }).text,
    ).not.toContain('internal target');
  });
});
