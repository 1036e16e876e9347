import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app';
import { LocalSecretsManager } from '../../local/secrets-endpoint';
import { DEPLOYED_ENVIRONMENT } from '../fixtures/deployed-env';

type Resource = { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> };

let outdir: string;
let functions: { entry: string; assetDir: string; environment: Record<string, unknown> }[];

beforeAll(() => {
  // Real bundling: NodejsFunction runs the local esbuild (no Docker) for every handler module.
  outdir = mkdtempSync(path.join(tmpdir(), 'dsr-bundle-'));
  const { app } = buildApp({ nag: false, appProps: { outdir, context: { 'aws:cdk:enable-asset-metadata': true } } });
  const assembly = app.synth();
  const resources: Record<string, Resource> = assembly.getStackByName('GdprDsr').template.Resources;
  functions = Object.values(resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function')
    .map((r) => ({
      entry: r.Metadata!['dsr:entry'],
      assetDir: path.join(outdir, r.Metadata!['aws:asset:path']),
      environment: r.Properties.Environment?.Variables ?? {},
    }));
});

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true });
});

describe('bundling with the local esbuild', () => {
  it('produces an ES module bundle for every function', () => {
    expect(functions).toHaveLength(34);
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

  it('starts cold with exactly the environment its function is given, as Lambda would load it', async () => {
    const deployed = DEPLOYED_ENVIRONMENT;
    const failures: string[] = [];
    // The secrets the variables name, as Secrets Manager would serve them at the cold start.
    const secrets = new LocalSecretsManager(
      ['SUPPRESSION_KEY_SECRET', 'UNSUBSCRIBE_KEY_SECRET'].map((v) => ({ arn: deployed[v]!, name: v, value: v.charAt(0).repeat(64) })),
    );
    const secretsUrl = await secrets.start(0);
    for (const { entry, assetDir, environment } of functions) {
      const env: Record<string, string> = {
        PATH: process.env.PATH ?? '',
        AWS_REGION: 'eu-north-1',
        AWS_LAMBDA_FUNCTION_NAME: 'cold-start-check',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'example',
        AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsUrl,
      };
      for (const [name, value] of Object.entries(environment)) {
        const resolved = typeof value === 'string' ? value : deployed[name];
        expect(resolved, `${entry}: a deploy-time value for ${name}`).toBeDefined();
        env[name] = resolved!;
      }
      // A fresh process per bundle: module-level configuration checks run as in a Lambda cold start.
      // Not spawnSync: the secrets endpoint answers from this process's event loop.
      const failure = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', `await import(${JSON.stringify(path.join(assetDir, 'index.mjs'))});`],
        {
          env,
          cwd: assetDir,
          encoding: 'utf8',
          timeout: 30_000,
        },
      ).then(
        () => undefined,
        (e: { stderr?: string; code?: number; signal?: string }) =>
          (e.stderr || '')
            .split('\n')
            .find((l) => /Error\b.*: /.test(l))
            ?.trim() ?? `exit ${e.code} ${e.signal ?? ''}`,
      );
      if (failure) failures.push(`${entry}: ${failure}`);
    }
    await secrets.stop();
    expect(failures).toEqual([]);
  });

  it('carries the SQL drivers only in the functions that reach the databases', () => {
    const drivers = /node_modules\/(pg|mysql2)\//;
    const withDrivers = functions
      .filter(({ assetDir }) => (JSON.parse(readFileSync(path.join(assetDir, 'index.mjs.map'), 'utf8')).sources as string[]).some((s) => drivers.test(s)))
      .map((f) => f.entry)
      .sort();
    expect(withDrivers).toEqual(['functions/handlers/scheduled/retention.ts', 'functions/handlers/workflow/run-database-processor.ts']);
  });

  it("carries none of zod's translations but English: a named `z` import would pull in every locale", () => {
    const withLocales = functions
      .filter(({ assetDir }) =>
        (JSON.parse(readFileSync(path.join(assetDir, 'index.mjs.map'), 'utf8')).sources as string[]).some((s) => /zod\/v4\/locales\/(?!en\.js$)/.test(s)),
      )
      .map((f) => f.entry);
    expect(withLocales).toEqual([]);
  });

  it('carries zod/mini and none of the full zod, whose methods would bring all of it', () => {
    const withFullZod = functions
      .filter(({ assetDir }) =>
        (JSON.parse(readFileSync(path.join(assetDir, 'index.mjs.map'), 'utf8')).sources as string[]).some((s) => s.includes('zod/v4/classic/')),
      )
      .map((f) => f.entry);
    expect(withFullZod).toEqual([]);
  });

  it('bundles the register checked at synthesis, so no cold start checks it again or carries its schema', () => {
    const compiled = functions.filter(({ assetDir }) => readFileSync(path.join(assetDir, 'index.mjs'), 'utf8').includes('gdpr-dsr/compiled-register/1'));
    // Every function that reads the register: all but the few that never do (the console page, the API document).
    expect(compiled.length).toBeGreaterThanOrEqual(functions.length - 3);
    for (const { entry, assetDir } of compiled) {
      const sources = JSON.parse(readFileSync(path.join(assetDir, 'index.mjs.map'), 'utf8')).sources as string[];
      expect(
        sources.filter((s) => s.endsWith('config/register.json') || s.endsWith('functions/platform/register/checked.ts')),
        entry,
      ).toEqual([]);
      // One of the register schema's messages.
      expect(readFileSync(path.join(assetDir, 'index.mjs'), 'utf8'), entry).not.toContain('the DbiResourceId (db-...)');
    }
  });

  it('ships a source map with each bundle', () => {
    for (const { entry, assetDir } of functions) expect(existsSync(path.join(assetDir, 'index.mjs.map')), entry).toBe(true);
  });
});
