import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRegister } from '../../../infra/check-register';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'connectors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(connectorsDir: string, registerFile = join(ROOT, 'config', 'register.json')) {
  const lines: string[] = [];
  const result = await checkRegister({ registerFile, connectorsDir, env: {}, print: (l) => lines.push(l) });
  return { ...result, failures: lines.filter((l) => l.startsWith('FAIL')) };
}

describe('the register check of connectors', () => {
  it('passes the demo register with the catalogue', async () => {
    expect(await check(join(ROOT, 'config', 'connectors'))).toMatchObject({ problems: 0 });
  });

  it('stops at a definition that does not validate, with every problem and where it is', async () => {
    const bad = join(dir, 'bad');
    cpSync(join(ROOT, 'config', 'connectors'), bad, { recursive: true });
    const def = JSON.parse(readFileSync(join(bad, 'mailchimp.json'), 'utf8'));
    def.auth = { type: 'bearer', token: 'a-key-value' };
    def.steps.search.records = 'exact_matches.members[';
    def.steps.search.pagination = { type: 'offset', param: 'offset', sizeParam: 'count', pageSize: 10 };
    writeFileSync(join(bad, 'mailchimp.json'), JSON.stringify(def));
    const { problems, failures } = await check(bad);
    expect(problems).toBe(4);
    expect(failures).toEqual([
      expect.stringMatching(/mailchimp\.json: auth\.token: /),
      expect.stringMatching(/mailchimp\.json: steps\.search\.records: not a JMESPath expression/),
      expect.stringMatching(/mailchimp\.json: steps\.search\.pagination\.maxPages: /),
      // With its definition refused, the processor that names it is a problem of its own.
      expect.stringMatching(/processors\.4\.connector: no valid definition config\/connectors\/mailchimp\.json/),
    ]);
  });

  it("refuses an http processor that lacks a definition's setting or names a right it has no action for", async () => {
    const register = JSON.parse(readFileSync(join(ROOT, 'config', 'register.json'), 'utf8'));
    const p = register.controllers[1].processors.find((x: { kind: string }) => x.kind === 'http');
    delete p.settings.listId;
    p.rights = ['access', 'restriction'];
    const file = join(dir, 'register.json');
    writeFileSync(file, JSON.stringify(register));
    const { failures } = await check(join(ROOT, 'config', 'connectors'), file);
    expect(failures).toEqual([
      'FAIL  controllers.1.processors.4.rights.1: the connector mailchimp has no restriction action',
      'FAIL  controllers.1.processors.4.settings.listId: the connector mailchimp needs it',
    ]);
  });
});
