import { describe, expect, it } from 'vitest';
import { executedStateName, forgotten, HISTORY_EVENT_LIMIT, historyEventsOf, notRedrivableReason, resumedDefinition } from '../../../local/sfn-executions';

const DAY = 86_400_000;
const stop = new Date('2026-03-01T00:00:00.000Z');
const laterBy = (ms: number) => new Date(stop.getTime() + ms);

describe("the local endpoint's re-drive rules", () => {
  it('allows a stopped execution for 14 days after its stop, and not a running or succeeded one', () => {
    expect(notRedrivableReason({ status: 'FAILED', stopDate: stop, historyEvents: 10 }, laterBy(14 * DAY))).toBeUndefined();
    expect(notRedrivableReason({ status: 'ABORTED', stopDate: stop, historyEvents: 10 }, laterBy(14 * DAY + 1))).toBe('Execution redrivable period exceeded');
    expect(notRedrivableReason({ status: 'RUNNING', historyEvents: 10 }, stop)).toBe('Execution is RUNNING and cannot be redriven');
    expect(notRedrivableReason({ status: 'SUCCEEDED', stopDate: stop, historyEvents: 10 }, stop)).toBe('Execution is SUCCEEDED and cannot be redriven');
  });

  it('refuses a history with no room for the re-drive (AWS: fewer than 24,999 events)', () => {
    expect(notRedrivableReason({ status: 'FAILED', stopDate: stop, historyEvents: HISTORY_EVENT_LIMIT - 2 }, stop)).toBeUndefined();
    expect(notRedrivableReason({ status: 'FAILED', stopDate: stop, historyEvents: HISTORY_EVENT_LIMIT - 1 }, stop)).toBe(
      'Execution history event limit exceeded',
    );
  });

  it('keeps a closed execution (and its name) for 90 days', () => {
    expect(forgotten({ status: 'FAILED', stopDate: stop }, laterBy(90 * DAY))).toBe(false);
    expect(forgotten({ status: 'FAILED', stopDate: stop }, laterBy(90 * DAY + 1))).toBe(true);
    expect(forgotten({ status: 'RUNNING' }, laterBy(365 * DAY))).toBe(false);
  });

  it('counts a Task as AWS logs it, never fewer events than AWS', () => {
    const task = { name: 'T', type: 'Task' };
    const attempts = ['StateEntered', 'StateFailed', 'StateRetried', 'StateExited'].map((type) => historyEventsOf({ type, state: task }));
    // TaskStateEntered, Scheduled, Started; TaskFailed; Scheduled, Started; TaskSucceeded, TaskStateExited
    expect(attempts.reduce((a, b) => a + b)).toBe(8);
    expect(historyEventsOf({ type: 'StateEntered', state: { name: 'P', type: 'Pass' } })).toBe(1);
  });
});

describe('the definition a re-drive runs', () => {
  const definition = {
    StartAt: 'A',
    States: {
      A: { Type: 'Task', Resource: 'arn:a', Next: 'M' },
      M: {
        Type: 'Map',
        ItemsPath: '$.items',
        ItemSelector: { 'id.$': '$$.Map.Item.Value' },
        End: true,
        ItemProcessor: { StartAt: 'W', States: { W: { Type: 'Task', Resource: 'arn:w', End: true } } },
      },
    },
  };

  it('starts at the state to resume and leaves the rest as it was', () => {
    const resumed = resumedDefinition(definition, { state: 'M', input: {} });
    expect(resumed.StartAt).toBe('M');
    expect(resumed.States).toEqual(definition.States);
    expect(definition.StartAt).toBe('A');
  });

  it("answers a Map's succeeded iterations with their outputs and runs the others from their start", () => {
    const resumed = resumedDefinition(definition, { state: 'M', input: {}, succeeded: { 0: { ok: 1 }, 2: null } });
    expect(resumed.StartAt).toBe('LocalRedrive.Resume.M');
    expect(executedStateName(resumed.StartAt)).toBe('M');
    const map = resumed.States['LocalRedrive.Resume.M'];
    expect(map.End).toBe(true);
    expect(map.ItemSelector).toEqual({ 'index.$': '$$.Map.Item.Index', item: { 'id.$': '$$.Map.Item.Value' } });
    expect(map.ItemProcessor.StartAt).toBe('LocalRedrive.Choose');
    expect(map.ItemProcessor.States['LocalRedrive.Choose'].Choices.map((c: any) => [c.NumericEquals, c.Next])).toEqual([
      [0, 'LocalRedrive.Done.0'],
      [2, 'LocalRedrive.Done.2'],
    ]);
    expect(map.ItemProcessor.States['LocalRedrive.Done.2']).toEqual({ Type: 'Pass', Result: { output: null }, OutputPath: '$.output', End: true });
    expect(map.ItemProcessor.States['LocalRedrive.Run']).toEqual({ Type: 'Pass', InputPath: '$.item', Next: 'W' });
  });

  it('leaves the Map itself whole for the times the workflow comes back to it', () => {
    const resumed = resumedDefinition(definition, { state: 'M', input: {}, succeeded: { 0: { ok: 1 } } });
    expect(resumed.States.M).toEqual(definition.States.M);
  });
});
