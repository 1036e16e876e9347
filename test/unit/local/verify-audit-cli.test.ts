import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRecord, type ChainedAuditEvent, chainNext } from '../../../functions/platform/audit-chain';

/** `npm run verify-audit`, as an operator runs it on exported files (tsx, as the npm script does). */

const dir = mkdtempSync(join(tmpdir(), 'verify-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const REQUEST_ID = '6d1f0c2a-3b4e-4f5a-8b6c-7d8e9f0a1b2c';

function exportOf(n: number) {
  const events: ChainedAuditEvent[] = [];
  for (let i = 0; i < n; i++)
    events.push(chainNext(REQUEST_ID, events.at(-1), { event: `step_${i + 1}`, at: `2025-01-0${i + 1}T00:00:00.000Z`, actor: 'workflow', detail: { n: i } }));
  return auditRecord(REQUEST_ID, 'demo-association', events, new Date('2025-02-01T00:00:00Z'));
}

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

function verifyAudit(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'local/verify-audit.ts', ...args], { encoding: 'utf8' });
  return { code: run.status, out: run.stdout.trim(), err: run.stderr.trim() };
}

describe('npm run verify-audit', () => {
  it('says valid for an untouched export, with the count and head', () => {
    const record = exportOf(3);
    expect(verifyAudit(file('good.json', record))).toEqual({ code: 0, out: `valid: 3 events of request ${REQUEST_ID}, head ${record.head}`, err: '' });
  });

  it('says where an edited export breaks, and exits 1', () => {
    const record = exportOf(3);
    record.events[1]!.detail = { n: 99 };
    const run = verifyAudit(file('edited.json', record));
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^broken at event 2: edited \(/);
  });

  it('finds a dropped tail with count and head rewritten when given an earlier export', () => {
    const earlier = exportOf(3);
    const later = exportOf(2);
    expect(verifyAudit(file('later.json', later)).code).toBe(0);
    const run = verifyAudit(file('later.json', later), '--against', file('earlier.json', earlier));
    expect(run).toMatchObject({ code: 1, out: expect.stringMatching(/^broken at event 3: truncated/) });
    expect(verifyAudit(file('grown.json', exportOf(4)), '--against', file('earlier.json', earlier)).code).toBe(0);
  });

  it('refuses input it cannot read with exit 2 and a reason', () => {
    expect(verifyAudit()).toMatchObject({ code: 2, err: expect.stringContaining('usage: npm run verify-audit') });
    expect(verifyAudit(join(dir, 'missing.json'))).toMatchObject({ code: 2, err: expect.stringContaining('cannot read') });
    expect(verifyAudit(file('junk.json', 'not json'))).toMatchObject({ code: 2, err: expect.stringContaining('is not JSON') });
  });
});
