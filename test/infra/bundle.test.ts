import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };

let outdir: string;
let functions: { entry: string; assetDir: string }[];

beforeAll(() => {
  // Real bundling: NodejsFunction runs the local esbuild (no Docker) for every handler module.
  outdir = mkdtempSync(path.join(tmpdir(), 'dsr-bundle-'));
  const { app } = buildApp({ nag: false, appProps: { outdir, context: { 'aws:cdk:enable-asset-metadata': true } } });
  const assembly = app.synth();
  const resources: Record<string, Resource> = assembly.getStackByName('GdprDsr').template.Resources;
  functions = Object.values(resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function')
    .map((r) => ({ entry: r.Metadata!['dsr:entry'], assetDir: path.join(outdir, r.Metadata!['aws:asset:path']) }));
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('bundling with the local esbuild', () => {
  it('produces an ES module bundle for every function', () => {
    expect(functions).toHaveLength(15);
    for (const { entry, assetDir } of functions) {
      expect(existsSync(path.join(assetDir, 'index.mjs')), `${entry}: index.mjs in ${assetDir}`).toBe(true);
    }
  });

  it('exports handler and defines require for dependencies that still call it', () => {
    for (const { entry, assetDir } of functions) {
      const code = readFileSync(path.join(assetDir, 'index.mjs'), 'utf8');
      expect(code.startsWith("import { createRequire } from 'module'; const require = createRequire(import.meta.url);"), entry).toBe(true);
      expect(code, entry).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{[^}]*\bhandler\b[^}]*\}/);
    }
  });

  it('ships a source map with each bundle', () => {
    for (const { entry, assetDir } of functions) expect(existsSync(path.join(assetDir, 'index.mjs.map')), entry).toBe(true);
  });
});
