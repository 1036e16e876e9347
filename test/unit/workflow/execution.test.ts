import { describe, expect, it } from 'vitest';
import { waitExpired } from '../../../functions/branches/outcome';
import { executionName } from '../../../functions/platform/executions';
import { repairFor } from '../../../functions/workflow/execution';

const ID = '0b7d3c52-6f1e-4c38-9d0a-1f2e3d4c5b6a';

describe("the sweep's choice for an open request's execution", () => {
  it('leaves one running, or pending its re-drive, alone', () => {
    expect(repairFor({ status: 'RUNNING', redriveStatus: 'NOT_REDRIVABLE' })).toBe('running');
    expect(repairFor({ status: 'PENDING_REDRIVE' })).toBe('running');
  });

  it('leaves one that succeeded alone', () => {
    expect(repairFor({ status: 'SUCCEEDED', redriveStatus: 'NOT_REDRIVABLE' })).toBe('finished');
  });

  it('re-drives one that stopped while Step Functions still allows it', () => {
    for (const status of ['FAILED', 'ABORTED', 'TIMED_OUT'] as const) {
      expect(repairFor({ status, redriveStatus: 'REDRIVABLE' })).toBe('redrive');
      // an endpoint that does not say: try, and start anew if it refuses
      expect(repairFor({ status })).toBe('redrive');
    }
  });

  it('starts anew one that can no longer be re-driven (14 days after its stop, or its history full)', () => {
    for (const status of ['FAILED', 'ABORTED', 'TIMED_OUT'] as const) {
      expect(repairFor({ status, redriveStatus: 'NOT_REDRIVABLE' })).toBe('start_anew');
    }
  });
});

describe("a request's executions", () => {
  it('are named by the request id, then <requestId>-r<n>, the same for every sweep', () => {
    expect(executionName(ID)).toBe(ID);
    expect(executionName(ID, 1)).toBe(ID);
    expect(executionName(ID, 2)).toBe(`${ID}-r2`);
    expect(executionName(ID, 3)).toBe(`${ID}-r3`);
    // Step Functions allows 80 characters
    expect(executionName(ID, 999).length).toBeLessThanOrEqual(80);
  });
});

describe("a waiting branch's planned end", () => {
  const at = new Date('2026-03-20T12:00:00.000Z');
  it('is reached at waitUntil, and never without one', () => {
    expect(waitExpired({ waitUntil: '2026-03-20T12:00:00.001Z' }, at)).toBe(false);
    expect(waitExpired({ waitUntil: '2026-03-20T12:00:00.000Z' }, at)).toBe(true);
    expect(waitExpired({}, at)).toBe(false);
  });
});
