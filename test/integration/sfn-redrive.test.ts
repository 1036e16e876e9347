import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  RedriveExecutionCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Invoker } from '../../local/lambda-host';
import { LocalStepFunctions } from '../../local/sfn-endpoint';
import { REDRIVABLE_PERIOD_MS } from '../../local/sfn-executions';
import { removeDir, tempDataDir } from '../harness';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const region = 'us-east-1';
const fn = (id: string) => `arn:aws:lambda:us-east-1:000000000000:function:${id}`;
const DAY_MS = 86_400_000;

/** First → Each (Map: Work) → Last; each Task a Lambda of this test's own invoker. */
const definition = {
  StartAt: 'First',
  States: {
    First: { Type: 'Task', Resource: fn('FirstFn'), Next: 'Each' },
    Each: {
      Type: 'Map',
      ItemsPath: '$.items',
      ResultPath: '$.results',
      Next: 'Last',
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Work', States: { Work: { Type: 'Task', Resource: fn('WorkFn'), End: true } } },
    },
    Last: { Type: 'Task', Resource: fn('LastFn'), End: true },
  },
};
const taskStates = [
  { stateName: 'First', functionLogicalId: 'FirstFn', integration: 'direct' as const, path: ['First'] },
  { stateName: 'Work', functionLogicalId: 'WorkFn', integration: 'direct' as const, path: ['Each', 'Work'] },
  { stateName: 'Last', functionLogicalId: 'LastFn', integration: 'direct' as const, path: ['Last'] },
];

/** What the Lambdas were called with, and which of them fail for now. */
class Lambdas implements Invoker {
  calls: Record<string, unknown[]> = {};
  failing = new Set<string>();
  /** While set, Last waits for it. */
  holdLast?: Promise<void>;
  async invoke(logicalId: string, event: any): Promise<unknown> {
    const key = logicalId === 'WorkFn' ? `Work:${event}` : logicalId;
    this.calls[key] = [...(this.calls[key] ?? []), event];
    if (logicalId === 'LastFn' && this.holdLast) await this.holdLast;
    if (logicalId === 'WorkFn') await new Promise((r) => setTimeout(r, event === 'slow' ? 100 : 1));
    if (this.failing.has(key)) throw Object.assign(new Error('not yet'), { name: 'NotYet' });
    if (logicalId === 'WorkFn') return `${event} done`;
    if (logicalId === 'CountFn') return { ...event, rounds: (event.rounds ?? 0) + 1 };
    return { ...event, [logicalId]: true };
  }
  count(key: string): number {
    return this.calls[key]?.length ?? 0;
  }
}

let dataDir: string;
let lambdas: Lambdas;
let clockOffset: number;
const endpoints: LocalStepFunctions[] = [];

async function endpoint(states: Record<string, any> = definition, tasks = taskStates): Promise<{ local: LocalStepFunctions; sfn: SFNClient }> {
  const local = new LocalStepFunctions({
    stateMachine: { logicalId: 'Machine', name: 'Machine', definition: states, taskStates: tasks },
    lambdas,
    dataDir,
    now: () => new Date(Date.now() + clockOffset),
  });
  await local.start(0);
  endpoints.push(local);
  return { local, sfn: new SFNClient({ endpoint: local.url, region, credentials }) };
}

async function waitForEnd(sfn: SFNClient, executionArn: string, timeoutMs = 20_000): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    if (Date.now() > deadline) throw new Error(`execution still RUNNING after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function failedExecution(sfn: SFNClient, local: LocalStepFunctions, name: string, items = ['a', 'b']): Promise<string> {
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: local.stateMachineArn, name, input: JSON.stringify({ items }) }));
  expect((await waitForEnd(sfn, executionArn!)).status).toBe('FAILED');
  return executionArn!;
}

beforeEach(() => {
  dataDir = tempDataDir('dsr-sfn-');
  lambdas = new Lambdas();
  clockOffset = 0;
});

afterEach(async () => {
  for (const e of endpoints.splice(0)) await e.stop().catch(() => undefined);
  removeDir(dataDir);
});

describe('RedriveExecution on the local endpoint', () => {
  it('resumes at the state that failed, with the input it had: the states before it do not run again', async () => {
    const { local, sfn } = await endpoint();
    lambdas.failing.add('LastFn');
    const arn = await failedExecution(sfn, local, 'resume-1');
    expect([lambdas.count('FirstFn'), lambdas.count('Work:a'), lambdas.count('LastFn')]).toEqual([1, 1, 1]);

    lambdas.failing.clear();
    await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
    const done = await waitForEnd(sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    expect([lambdas.count('FirstFn'), lambdas.count('Work:a'), lambdas.count('Work:b'), lambdas.count('LastFn')]).toEqual([1, 1, 1, 2]);
    expect(lambdas.calls.LastFn![1]).toEqual(lambdas.calls.LastFn![0]);
    expect(JSON.parse(done.output!)).toEqual({ items: ['a', 'b'], FirstFn: true, results: ['a done', 'b done'], LastFn: true });
  });

  it("re-runs only a Map's unsuccessful iterations, and keeps the others' results in their places", async () => {
    const { local, sfn } = await endpoint();
    lambdas.failing.add('Work:slow');
    const arn = await failedExecution(sfn, local, 'map-1', ['a', 'slow', 'c']);
    expect(lambdas.count('Work:slow')).toBe(1);

    lambdas.failing.clear();
    await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
    const done = await waitForEnd(sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    expect([lambdas.count('FirstFn'), lambdas.count('Work:a'), lambdas.count('Work:slow'), lambdas.count('Work:c')]).toEqual([1, 1, 2, 1]);
    expect(JSON.parse(done.output!).results).toEqual(['a done', 'slow done', 'c done']);
  });

  it('runs every iteration when the workflow comes back to a re-driven Map, as AWS re-drives only the first run', async () => {
    // Each → Count → back to Each once more: the loop Route → ForEachProcessor → Route makes.
    const looping = {
      StartAt: 'Each',
      States: {
        Each: { ...definition.States.Each, Next: 'Count' },
        Count: { Type: 'Task', Resource: fn('CountFn'), Next: 'Again' },
        Again: { Type: 'Choice', Choices: [{ Variable: '$.rounds', NumericLessThan: 2, Next: 'Each' }], Default: 'Done' },
        Done: { Type: 'Succeed' },
      },
    };
    const { local, sfn } = await endpoint(looping, [
      taskStates[1]!,
      { stateName: 'Count', functionLogicalId: 'CountFn', integration: 'direct' as const, path: ['Count'] },
    ]);
    lambdas.failing.add('Work:slow');
    const arn = await failedExecution(sfn, local, 'loop-1', ['a', 'slow']);

    lambdas.failing.clear();
    await sfn.send(new RedriveExecutionCommand({ executionArn: arn }));
    const done = await waitForEnd(sfn, arn);
    expect(done.status).toBe('SUCCEEDED');
    // a: the first run, then the second pass; slow: failed, re-driven, then the second pass.
    expect([lambdas.count('Work:a'), lambdas.count('Work:slow'), lambdas.count('CountFn')]).toEqual([2, 3, 2]);
    expect(JSON.parse(done.output!)).toMatchObject({ results: ['a done', 'slow done'], rounds: 2 });
  });

  it('refuses 14 days after the stop by its clock (ExecutionNotRedrivable), keeps the name taken for 90 days, then forgets it', async () => {
    const { local, sfn } = await endpoint();
    lambdas.failing.add('FirstFn');
    const arn = await failedExecution(sfn, local, 'old-1');
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).redriveStatus).toBe('REDRIVABLE');

    clockOffset = REDRIVABLE_PERIOD_MS + 1000;
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect([described.status, described.redriveStatus, described.redriveStatusReason]).toEqual([
      'FAILED',
      'NOT_REDRIVABLE',
      'Execution redrivable period exceeded',
    ]);
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: arn }))).rejects.toBeInstanceOf(ExecutionNotRedrivable);
    const again = new StartExecutionCommand({ stateMachineArn: local.stateMachineArn, name: 'old-1', input: JSON.stringify({ items: ['a', 'b'] }) });
    await expect(sfn.send(again)).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    clockOffset = 90 * DAY_MS + 1000;
    await expect(sfn.send(new DescribeExecutionCommand({ executionArn: arn }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    lambdas.failing.clear();
    await sfn.send(again);
    expect((await waitForEnd(sfn, arn)).status).toBe('SUCCEEDED');
  });

  it("refuses an execution whose history reached AWS's 25,000 events", async () => {
    // each of 6,300 iterations logs at least four events (iteration started, Pass entered and exited, iteration succeeded)
    const { local, sfn } = await endpoint({
      StartAt: 'Many',
      States: {
        Many: {
          Type: 'Map',
          ItemsPath: '$.items',
          MaxConcurrency: 100,
          ResultPath: null,
          Next: 'Stop',
          ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Noop', States: { Noop: { Type: 'Pass', End: true } } },
        },
        Stop: { Type: 'Fail', Error: 'Stopped' },
      },
    });
    const arn = await failedExecution(
      sfn,
      local,
      'long-1',
      Array.from({ length: 6_300 }, () => 'x'),
    );
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn: arn }));
    expect([described.redriveStatus, described.redriveStatusReason]).toEqual(['NOT_REDRIVABLE', 'Execution history event limit exceeded']);
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn: arn }))).rejects.toBeInstanceOf(ExecutionNotRedrivable);
  }, 60_000);
});

describe('the local endpoint across a restart', () => {
  it('still knows its executions; one running at the stop is ABORTED and re-drives from where it was', async () => {
    const first = await endpoint();
    lambdas.failing.add('LastFn');
    const failed = await failedExecution(first.sfn, first.local, 'kept-1');
    lambdas.failing.clear();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    lambdas.holdLast = gate;
    const { executionArn: running } = await first.sfn.send(
      new StartExecutionCommand({ stateMachineArn: first.local.stateMachineArn, name: 'kept-2', input: JSON.stringify({ items: ['z'] }) }),
    );
    await expect.poll(() => lambdas.count('LastFn'), { timeout: 5_000 }).toBe(2);
    await first.local.stop();
    lambdas.holdLast = undefined;
    release();

    const second = await endpoint();
    const before = await second.sfn.send(new DescribeExecutionCommand({ executionArn: failed }));
    expect([before.status, before.error, before.input, before.redriveStatus]).toEqual([
      'FAILED',
      'NotYet',
      JSON.stringify({ items: ['a', 'b'] }),
      'REDRIVABLE',
    ]);
    const stopped = await second.sfn.send(new DescribeExecutionCommand({ executionArn: running }));
    expect([stopped.status, stopped.error]).toEqual(['ABORTED', 'States.Runtime']);
    // the name is still taken
    await expect(
      second.sfn.send(
        new StartExecutionCommand({ stateMachineArn: second.local.stateMachineArn, name: 'kept-2', input: JSON.stringify({ items: ['other'] }) }),
      ),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    await second.sfn.send(new RedriveExecutionCommand({ executionArn: running }));
    expect((await waitForEnd(second.sfn, running!)).status).toBe('SUCCEEDED');
    await second.sfn.send(new RedriveExecutionCommand({ executionArn: failed }));
    expect((await waitForEnd(second.sfn, failed)).status).toBe('SUCCEEDED');
    // each resumed at Last: First and the Map's work ran once, before the restart
    expect([lambdas.count('FirstFn'), lambdas.count('Work:z'), lambdas.count('Work:a'), lambdas.count('LastFn')]).toEqual([2, 1, 1, 4]);
  });
});
