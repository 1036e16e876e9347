/**
 * The metrics the stack's alarms and dashboard read, as the functions write them on the local
 * runtime: EMF log lines (Powertools Metrics) for each request that closes, by right and outcome,
 * and the sweep's count of overdue requests. Ids and addresses never appear in them.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { answerDemoTasks, captureOutput, poll, REQUESTS_TABLE, sleep, submit, submitConfirmed, useRuntime, waitForFinal } from '../harness';

const local = useRuntime();

interface Emf {
  _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string; Unit: string }[] }[] };
  [key: string]: unknown;
}

/** The EMF lines of the service's namespace in what was written, parsed. */
function metricLines(output: string[]): { line: string; emf: Emf }[] {
  return output
    .join('')
    .split('\n')
    .filter((l) => l.includes('"CloudWatchMetrics"'))
    .map((line) => ({ line, emf: JSON.parse(line) as Emf }))
    .filter(({ emf }) => emf._aws.CloudWatchMetrics[0]?.Namespace === 'GdprDsr');
}

const closed = (output: string[], right: string, outcome: string) =>
  metricLines(output).filter(({ emf }) => emf.RequestsClosed === 1 && emf.right === right && emf.outcome === outcome);

describe('request metrics', () => {
  it('counts a request answered in time by its right and outcome, once, where it closes', async () => {
    const output = captureOutput();
    const email = 'metrics-access@example.org';
    const { requestId, statusUrl } = await submitConfirmed(local.rt, { type: 'access', email });
    await answerDemoTasks(local.rt, requestId);
    expect((await waitForFinal(statusUrl)).status).toBe('completed');

    // Written right after the guarded write that closes the request, which the status may show first.
    await poll(async () => (closed(output, 'access', 'completed_on_time').length > 0 ? true : undefined), {
      timeoutMs: 5_000,
      failure: () => 'no RequestsClosed line for the access request',
    });
    await sleep(500);
    const lines = closed(output, 'access', 'completed_on_time');
    expect(lines).toHaveLength(1);
    const { emf, line } = lines[0]!;
    expect(emf._aws.CloudWatchMetrics[0]).toMatchObject({
      Dimensions: [expect.arrayContaining(['service', 'right', 'outcome'])],
      Metrics: [{ Name: 'RequestsClosed', Unit: 'Count' }],
    });
    expect(emf.service).toBe('dsr');
    expect(line).not.toContain(requestId);
    expect(line).not.toContain(email);
  });

  it('counts a withdrawal by its right', async () => {
    const output = captureOutput();
    const { statusUrl } = await submitConfirmed(local.rt, { type: 'erasure', email: 'metrics-withdraw@example.org' });
    const url = new URL(statusUrl);
    const res = await fetch(`${url.origin}${url.pathname.replace(/\/status$/, '/cancel')}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      // The confirm page's form: a post without confirm=yes only asks.
      body: new URLSearchParams({ key: url.searchParams.get('key')!, confirm: 'yes' }).toString(),
    });
    expect(res.status).toBe(200);
    expect(closed(output, 'erasure', 'withdrawn')).toHaveLength(1);
  });

  it('has the sweep write how many confirmed requests are past their deadline', async () => {
    const { requestId } = await submit(local.rt, { type: 'restriction', email: 'metrics-overdue@example.org' });
    const { requestId: late } = await submitConfirmed(local.rt, {
      type: 'objection',
      objectionScope: 'other',
      grounds: 'late',
      email: 'metrics-late@example.org',
    });
    // Its deadline passed a day ago (as if the month had gone by).
    const past = new Date(Date.now() - 86_400_000).toISOString();
    await local.db.send(
      new UpdateCommand({
        TableName: REQUESTS_TABLE,
        Key: { pk: `REQ#${late}`, sk: 'REQUEST' },
        UpdateExpression: 'SET dueAt = :d, openDue = :d',
        ExpressionAttributeValues: { ':d': past },
      }),
    );
    const output = captureOutput();
    await local.rt.sweep();
    const overdue = metricLines(output).filter(({ emf }) => 'OverdueRequests' in emf);
    expect(overdue).toHaveLength(1);
    // The unconfirmed request has no deadline yet; the late one counts.
    expect(overdue[0]!.emf.OverdueRequests).toBeGreaterThanOrEqual(1);
    expect(overdue[0]!.emf._aws.CloudWatchMetrics[0]!.Dimensions).toEqual([['service']]);
    expect(overdue[0]!.line).not.toContain(requestId);
    expect(overdue[0]!.line).not.toContain(late);
  });
});
