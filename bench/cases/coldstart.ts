/**
 * Cold start: every Lambda bundled as CDK deploys it (the local esbuild, as test/infra/bundle.test.ts
 * does), its bundle's size (raw and zipped, as uploaded), and the time to import it (module
 * initialisation: SDK clients, configuration checks, the register) in a fresh Node process with
 * the environment its function is given, several times, median. Each function is set beside a
 * baseline built by the same construct from an entry that only creates the same SDK clients.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';
import { deflateRawSync } from 'node:zlib';
import { App, Stack } from 'aws-cdk-lib';
import { buildApp } from '../../infra/app.ts';
import { HouseFunction, REPO_ROOT } from '../../infra/constructs/house-function.ts';
import { LocalSecretsManager } from '../../local/secrets-endpoint.ts';
import { DEPLOYED_ENVIRONMENT } from '../../test/fixtures/deployed-env.ts';
import { QUICK, runCase } from '../lib/result.ts';
import { kb, median, ms, ratio } from '../lib/stats.ts';

const SIZE_LIMIT = 300 * 1024;
const INIT_LIMIT_MS = 100;
/** Issue 14's goal: each function at most this many times its baseline, in zipped size and in initialisation. */
const BASELINE_GOAL = 1.3;

/** The modules that create the SDK clients, one client each; a baseline imports the ones its function's bundle holds. */
const CLIENT_MODULES = ['dynamodb', 'lambda', 's3', 'secrets', 'ses', 'sfn'].map((name) => ({
  name,
  file: join(REPO_ROOT, 'functions', 'platform', 'aws', `${name}.ts`),
}));

/**
 * Imports a bundle in a fresh process and prints how long the import took, in wall-clock time and
 * in CPU time (all of the process's threads; less swayed than the wall clock by other work on a
 * shared machine).
 */
const PROBE =
  'const t = performance.now(); const c = process.cpuUsage(); await import(process.argv[1]); const u = process.cpuUsage(c); console.log("init-ms", performance.now() - t, (u.user + u.system) / 1000);';

type Resources = Record<string, { Type: string; Properties: Record<string, any>; Metadata?: Record<string, any> }>;

/** One synthesized Lambda: the module it runs, its bundle and the environment it is given. */
interface Bundle {
  entry: string;
  file: string;
  environment: Record<string, unknown>;
}

/** Every house function of a synthesized stack (asset metadata must be on). */
function bundlesOf(resources: Resources, outdir: string): Bundle[] {
  return Object.values(resources)
    .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Metadata?.['dsr:entry'])
    .map((r) => ({
      entry: r.Metadata!['dsr:entry'] as string,
      file: join(outdir, r.Metadata!['aws:asset:path'], 'index.mjs'),
      environment: (r.Properties.Environment?.Variables ?? {}) as Record<string, unknown>,
    }));
}

/**
 * The client modules a bundle holds, read from the source map the house construct ships beside it:
 * esbuild lists a source there only when some of its code is in the output.
 */
function clientsIn(bundle: string): string[] {
  const map = JSON.parse(readFileSync(`${bundle}.map`, 'utf8')) as { sources: string[]; sourceRoot?: string };
  const dir = resolve(bundle, '..', map.sourceRoot ?? '');
  const sources = new Set(map.sources.map((s) => resolve(dir, s)));
  return CLIENT_MODULES.filter((m) => sources.has(m.file)).map((m) => m.name);
}

/**
 * Builds one baseline per set of clients with the house construct itself (so with the very esbuild
 * options every function gets): a generated entry that imports those client modules and exports
 * an empty handler. The entries live under the repository, as the construct requires.
 */
function buildBaselines(clientSets: string[], outdir: string): Map<string, Bundle> {
  mkdirSync(join(REPO_ROOT, '.tmp'), { recursive: true });
  const srcdir = mkdtempSync(join(REPO_ROOT, '.tmp', 'coldstart-baseline-'));
  try {
    const app = new App({ outdir, context: { 'aws:cdk:enable-asset-metadata': true } });
    const stack = new Stack(app, 'ColdStartBaseline');
    const entryOf = new Map<string, string>();
    for (const set of clientSets) {
      const name = set || 'none';
      const file = join(srcdir, `${name}.ts`);
      const imports = set
        .split('+')
        .filter(Boolean)
        .map((c) => `import '${relative(srcdir, CLIENT_MODULES.find((m) => m.name === c)!.file)}';\n`);
      writeFileSync(file, `${imports.join('')}\nexport const handler = async () => {};\n`);
      const entry = relative(REPO_ROOT, file);
      entryOf.set(entry, set);
      new HouseFunction(stack, `Baseline-${name}`, { entry });
    }
    const resources = app.synth().getStackByName('ColdStartBaseline').template.Resources as Resources;
    const out = new Map<string, Bundle>();
    for (const b of bundlesOf(resources, outdir)) {
      const set = entryOf.get(b.entry)!;
      const holds = clientsIn(b.file).join('+');
      if (holds !== set) throw new Error(`the baseline for ${set || 'no clients'} holds ${holds || 'no clients'}`);
      out.set(set, { ...b, entry: `baseline: ${basename(b.entry, '.ts')}` });
    }
    return out;
  } finally {
    rmSync(srcdir, { recursive: true, force: true });
  }
}

/** The environment a bundle is imported with: what its function is given, deploy-time values filled in. */
function envOf(environment: Record<string, unknown>, secretsUrl: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    // Functions read their keys from Secrets Manager at cold start: a local endpoint answers, as AWS would.
    AWS_ENDPOINT_URL_SECRETS_MANAGER: secretsUrl,
    AWS_REGION: 'eu-north-1',
    AWS_LAMBDA_FUNCTION_NAME: 'cold-start-bench',
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'example',
  };
  for (const [k, v] of Object.entries(environment)) env[k] = typeof v === 'string' ? v : (DEPLOYED_ENVIRONMENT[k] ?? '');
  return env;
}

/** How long one import of a bundle took in a fresh process: wall-clock and CPU milliseconds. */
async function initOnce({ entry, file, environment }: Bundle, secretsUrl: string): Promise<[number, number]> {
  // Not spawnSync: the secrets endpoint answers from this process's event loop.
  const r = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', PROBE, file], {
    env: envOf(environment, secretsUrl),
    encoding: 'utf8',
    timeout: 30_000,
  }).catch((e: { stderr?: string }) => {
    throw new Error(`${entry} failed to start: ${(e.stderr ?? '').slice(-500)}`);
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('init-ms'));
  if (!line) throw new Error(`${entry} failed to start: ${r.stderr.slice(-500)}`);
  const [, wall, cpu] = line.split(' ');
  return [Number(wall), Number(cpu)];
}

const sizes = (file: string) => ({ bytes: statSync(file).size, zipped: deflateRawSync(readFileSync(file), { level: 9 }).length });
/** Kilobytes, or bytes for the near-empty baseline of a function with no SDK client. */
const size = (bytes: number) => (bytes < 1024 ? `${bytes} B` : kb(bytes));
const name = (entry: string) => entry.replace(/^functions\/handlers\//, '');
const mark = (met: boolean) => (met ? 'met' : '**missed**');

runCase('cold start', async () => {
  const outdir = mkdtempSync(join(tmpdir(), 'dsr-bench-bundle-'));
  try {
    const t0 = performance.now();
    const { app } = buildApp({ nag: false, appProps: { outdir, context: { 'aws:cdk:enable-asset-metadata': true } } });
    const resources = app.synth().getStackByName('GdprDsr').template.Resources as Resources;
    const byEntry = new Map<string, Bundle>();
    for (const b of bundlesOf(resources, outdir)) byEntry.set(b.entry, b); // one row per module (a module may back two functions)
    const bundles = [...byEntry.values()].map((b) => ({ ...b, clients: clientsIn(b.file).join('+') }));
    const bundleSeconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const baselines = buildBaselines([...new Set(bundles.map((b) => b.clients))].sort(), join(outdir, 'baseline'));
    const baselineSeconds = (performance.now() - t1) / 1000;

    // Round robin, so that a busy moment on this shared machine falls on functions and baselines alike.
    const reps = QUICK ? 3 : 7;
    const targets = [...bundles, ...baselines.values()];
    const samples = new Map<Bundle, [number, number][]>(targets.map((t) => [t, []]));
    const secrets = new LocalSecretsManager(
      ['SUPPRESSION_KEY_SECRET', 'UNSUBSCRIBE_KEY_SECRET'].map((v) => ({ arn: DEPLOYED_ENVIRONMENT[v]!, name: v, value: v.charAt(0).repeat(64) })),
    );
    const secretsUrl = await secrets.start(0);
    try {
      for (let i = 0; i < reps; i++) for (const t of targets) samples.get(t)!.push(await initOnce(t, secretsUrl));
    } finally {
      await secrets.stop();
    }
    const measure = (b: Bundle) => ({
      ...sizes(b.file),
      initMs: median(samples.get(b)!.map(([wall]) => wall)),
      cpuMs: median(samples.get(b)!.map(([, cpu]) => cpu)),
    });

    const all = bundles
      .map((b) => {
        const own = measure(b);
        const base = measure(baselines.get(b.clients)!);
        return {
          entry: b.entry,
          clients: b.clients,
          ...own,
          base,
          sizeRatio: own.zipped / base.zipped,
          initRatio: own.initMs / base.initMs,
          cpuRatio: own.cpuMs / base.cpuMs,
        };
      })
      .sort((a, b) => b.bytes - a.bytes);
    const biggest = all[0]!;
    const slowest = [...all].sort((a, b) => b.initMs - a.initMs)[0]!;
    const worstSize = [...all].sort((a, b) => b.sizeRatio - a.sizeRatio)[0]!;
    const worstInit = [...all].sort((a, b) => b.initRatio - a.initRatio)[0]!;
    const overSize = all.filter((m) => m.bytes >= SIZE_LIMIT);
    const overInit = all.filter((m) => m.initMs >= INIT_LIMIT_MS);
    const overSizeRatio = all.filter((m) => m.sizeRatio > BASELINE_GOAL);
    const overInitRatio = all.filter((m) => m.initRatio > BASELINE_GOAL);
    const clientsLabel = (set: string) => set.replaceAll('+', ', ') || 'none';
    return {
      rows: [
        {
          measure: `largest bundle of ${all.length} (${biggest.entry})`,
          result: `${kb(biggest.bytes)} (${kb(biggest.zipped)} zipped)`,
          baseline: `median ${kb(median(all.map((m) => m.bytes)))}`,
          goal: `< 300 KB each (${overSize.length} over)`,
          met: overSize.length === 0,
        },
        {
          measure: `slowest module initialisation (${slowest.entry})`,
          result: ms(slowest.initMs),
          baseline: `median ${ms(median(all.map((m) => m.initMs)))}`,
          goal: `< 100 ms each (${overInit.length} over)`,
          met: overInit.length === 0,
        },
        {
          measure: `zipped bundle against its baseline, median of ${all.length}`,
          result: ratio(median(all.map((m) => m.sizeRatio))),
          baseline: `largest: ${ratio(worstSize.sizeRatio)} (${name(worstSize.entry)}, ${size(worstSize.zipped)} against ${size(worstSize.base.zipped)})`,
          goal: `≤ ${BASELINE_GOAL}x each (${overSizeRatio.length} over)`,
          met: overSizeRatio.length === 0,
        },
        {
          measure: `initialisation against its baseline, median of ${all.length}`,
          result: ratio(median(all.map((m) => m.initRatio))),
          baseline: `largest: ${ratio(worstInit.initRatio)} (${name(worstInit.entry)}, ${ms(worstInit.initMs)} against ${ms(worstInit.base.initMs)})`,
          goal: `≤ ${BASELINE_GOAL}x each (${overInitRatio.length} over)`,
          met: overInitRatio.length === 0,
        },
        {
          measure: `initialisation CPU time against its baseline, median of ${all.length}`,
          result: ratio(median(all.map((m) => m.cpuRatio))),
          baseline: `${all.filter((m) => m.cpuRatio > BASELINE_GOAL).length} over ${BASELINE_GOAL}x`,
          goal: '',
          met: null,
        },
      ],
      tables: [
        {
          title: 'per function, against a baseline with the same SDK clients',
          columns: [
            'function (functions/handlers/)',
            'SDK clients',
            'bundle zipped (raw)',
            'baseline zipped (raw)',
            'size ratio',
            `≤ ${BASELINE_GOAL}x`,
            'init median',
            'baseline init',
            'init ratio',
            `≤ ${BASELINE_GOAL}x`,
            'CPU time ratio',
          ],
          rows: all.map((m) => [
            name(m.entry),
            clientsLabel(m.clients),
            `${size(m.zipped)} (${size(m.bytes)})`,
            `${size(m.base.zipped)} (${size(m.base.bytes)})`,
            ratio(m.sizeRatio),
            mark(m.sizeRatio <= BASELINE_GOAL),
            ms(m.initMs),
            ms(m.base.initMs),
            ratio(m.initRatio),
            mark(m.initRatio <= BASELINE_GOAL),
            `${ratio(m.cpuRatio)} (${ms(m.cpuMs)} / ${ms(m.base.cpuMs)})`,
          ]),
        },
      ],
      notes: [
        `Bundled with the local esbuild through CDK in ${bundleSeconds.toFixed(0)} s (the ${baselines.size} baselines in ${baselineSeconds.toFixed(0)} s); each bundle imported ${reps} times in a fresh Node ${process.version} process on this machine, functions and baselines in turn (Lambda's arm64 CPUs differ; the runtime's own start is not included).`,
        `The baseline of a function is what its SDK clients alone cost: an entry generated for the run that imports exactly the client modules (functions/platform/aws/{dynamodb,lambda,s3,secrets,ses,sfn}.ts) the function's bundle holds, by the bundle's source map, and exports an empty handler (creating the Secrets Manager client, not reading the secrets a function reads at its cold start), built by the same HouseFunction construct (so with the same esbuild options: ESM, node24, the require banner, minified, source maps, the SDK bundled) and imported with the environment that construct gives it. Functions with the same clients share a baseline (${[...baselines.keys()].map(clientsLabel).join('; ')}). The ratios are of zipped sizes (index.mjs alone, deflated, as in the upload) and of initialisation medians in wall-clock time, which the goal is set in; the CPU time ratio (the import's CPU time in all the process's threads, medians) is shown beside it because waiting for a busy machine's cores inflates the wall clock and not the CPU time. A function with no SDK client (the form and console pages) is set beside an empty handler, so its ratios are large by construction.`,
        "Every bundle carries its own AWS SDK v3 clients (the house construct bundles the SDK versions pinned in package-lock.json rather than the runtime's copy, deliberately), middy, zod/mini, Powertools and the page and email templates it uses. Leaving @aws-sdk/* to the runtime would remove most of the size and of the initialisation time at the cost of that pinning: a decision for the team, left alone here.",
        "What a typical bundle holds (functions/handlers/subject-api/status.ts, by esbuild's metafile): the AWS SDK about 650 KB (@smithy 164 KB of it), the texts of what it renders in four languages (web/texts/site, request, status, and task for the withdrawal's notices) about 110 KB, Powertools 37 KB, zod 30 KB, the compiled register 20 KB. The functions' schemas are written in zod/mini (functions/domain/validation.ts), whose functions esbuild trims to what a bundle calls: the full zod's methods had kept all of it, about 96 KB, in every bundle. The register's schema is left out of the bundles (they load the register compiled at synthesis through #register-loader), and the OpenAPI document is written at build (web/openapi.json). The multipart parser is only in the task link's bundle. Most of the initialisation time is V8 compiling the bundle, so it follows the size; the functions that read a secret at cold start (the Secrets Manager call, which the baseline does not make, with the SDK's first-request path) pay 40 to 70 ms more.",
      ],
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
