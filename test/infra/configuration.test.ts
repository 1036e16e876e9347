import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { VARIABLES } from '../../functions/platform/config';
import { buildApp } from '../../infra/app';
import { configurationTable, TABLE_END, TABLE_START } from '../../infra/configuration-table';
import type { HouseFunction } from '../../infra/constructs/house-function';
import { REPO_ROOT } from '../../infra/constructs/house-function';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };
type Statement = { Action: string | string[] };

const ARCHITECTURE = path.join(REPO_ROOT, 'docs', 'ARCHITECTURE.md');

let functions: HouseFunction[];
let resources: Record<string, Resource>;

beforeAll(() => {
  // Bundling skipped: the template is what is compared.
  const { app, stack } = buildApp({ nag: false, appProps: { context: { 'aws:cdk:bundling-stacks': [] } } });
  functions = Object.values(stack.functions);
  resources = app.synth().getStackByName(stack.stackName).template.Resources;
});

/** The synthesized function of a house function, and the statements of every policy on its role. */
function synthesized(f: HouseFunction): { env: string[]; actions: string[] } {
  const [, fn] = Object.entries(resources).find(([, r]) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['dsr:entry'] === f.entry)!;
  const role = fn.Properties.Role['Fn::GetAtt'][0];
  const actions = Object.values(resources)
    .filter((r) => r.Type === 'AWS::IAM::Policy' && (r.Properties.Roles as { Ref?: string }[]).some((x) => x.Ref === role))
    .flatMap((r) => r.Properties.PolicyDocument.Statement as Statement[])
    .flatMap((s) => [s.Action].flat());
  const env = Object.keys(fn.Properties.Environment?.Variables ?? {}).filter((v) => v !== 'NODE_OPTIONS');
  return { env: env.sort(), actions };
}

/** The variables a handler names in its composition root, `configure(...)`. */
function declared(entry: string): string[] {
  const source = readFileSync(path.join(REPO_ROOT, entry), 'utf8');
  const call = source.match(/\bconfigure\(([^)]*)\)/);
  return call ? [...call[1]!.matchAll(/'([A-Z_]+)'/g)].map((m) => m[1]!).sort() : [];
}

describe('the configuration', () => {
  it('gives each function exactly the variables it is bound, each with its grant in the template', () => {
    for (const f of functions) {
      const { env, actions } = synthesized(f);
      const bound = [...new Set(f.bindings.flatMap((b) => (b.variable ? [b.variable] : [])))].sort();
      expect(env, f.node.id).toEqual(bound);
      for (const b of f.bindings) {
        for (const action of b.actions) expect(actions, `${f.node.id}: ${b.variable ?? ''} ${b.grant}`).toContain(action);
      }
    }
  });

  it('checks at cold start exactly what each function is given, in its handler', () => {
    for (const f of functions) expect(declared(f.entry), f.entry).toEqual(synthesized(f).env);
  });

  it('reads, in each function, only variables its handler checked at cold start', async () => {
    for (const f of functions) {
      const out = await build({
        entryPoints: [path.join(REPO_ROOT, f.entry)],
        bundle: true,
        write: false,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'silent',
      });
      const code = out.outputFiles[0]!.text;
      const read = [...code.matchAll(/\b(?:setting|requiredEnv)\(\s*"([A-Z_]+)"/g)].map((m) => m[1]!);
      expect(
        read.filter((v) => !declared(f.entry).includes(v)),
        f.entry,
      ).toEqual([]);
    }
  });

  it('is read from the environment by functions/platform/config.ts alone', () => {
    const modules = (readdirSync(path.join(REPO_ROOT, 'functions'), { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'));
    const readers = modules.filter((f) => readFileSync(path.join(REPO_ROOT, 'functions', f), 'utf8').includes('process.env'));
    expect(readers.map((f) => f.split(path.sep).join('/'))).toEqual(['platform/config.ts']);
  });

  it("never gives a function the local runtime's OpenDSR allowance (http and loopback for its own processors)", () => {
    const given = Object.values(resources)
      .filter((r) => r.Type === 'AWS::Lambda::Function')
      .flatMap((r) => Object.keys(r.Properties.Environment?.Variables ?? {}));
    expect(given.length).toBeGreaterThan(0);
    expect(given).not.toContain('OPENDSR_LOCAL_ORIGINS');
  });

  it('describes every variable it binds', () => {
    for (const f of functions) for (const b of f.bindings) if (b.variable) expect(Object.keys(VARIABLES)).toContain(b.variable);
  });

  it('is the table of docs/ARCHITECTURE.md ("Configuration"); UPDATE_DOCS=1 rewrites it', () => {
    const doc = readFileSync(ARCHITECTURE, 'utf8');
    const start = doc.indexOf(TABLE_START);
    const end = doc.indexOf(TABLE_END);
    expect(start, 'the table markers in docs/ARCHITECTURE.md').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const expected = configurationTable(functions);
    if (process.env.UPDATE_DOCS === '1') writeFileSync(ARCHITECTURE, doc.slice(0, start) + expected + doc.slice(end + TABLE_END.length));
    expect(doc.slice(start, end + TABLE_END.length)).toBe(expected);
  });
});
