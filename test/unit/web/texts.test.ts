import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../web/locale';
import { AREAS, texts } from '../../../web/texts/all';
import { consoleTexts } from '../../../web/texts/console/index';
import { mergeAreas } from '../../../web/texts/merge';
import { reportTexts } from '../../../web/texts/reports/index';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const TEXTS = join(ROOT, 'web/texts');
const AREA_DIRS = readdirSync(TEXTS, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** Every leaf's path and kind: a string, or a function of values. */
function shape(o: object, at = ''): string[] {
  return Object.entries(o)
    .flatMap(([k, v]) => (v && typeof v === 'object' ? shape(v, `${at}${k}.`) : [`${at}${k}:${typeof v}`]))
    .sort();
}

describe('texts per area and language', () => {
  it('has the same keys, of the same kinds, in every language of every area', () => {
    const areas = { ...AREAS, consoleTexts, reportTexts };
    expect(Object.keys(areas).length).toBe(AREA_DIRS.length);
    for (const [name, area] of Object.entries(areas)) {
      const english = shape(area.en);
      expect(english.length, name).toBeGreaterThan(0);
      for (const locale of LOCALES) expect(shape(area[locale]), `${name} ${locale}`).toEqual(english);
    }
  });

  it('gives every word one home: merging areas that hold the same path fails', () => {
    expect(() => mergeAreas([{ email: { greeting: 'Hello,' } }, { email: { greeting: 'Hi,' } }])).toThrow('Two text areas hold email.greeting');
    expect(mergeAreas([{ email: { a: 'A' } }, { email: { b: 'B' } }])).toEqual({ email: { a: 'A', b: 'B' } });
    // The merged view for tests and tools holds every area's words.
    expect(texts.sv.email.repeat.subjectPrefix).toBe(AREAS.mailTexts.sv.email.repeat.subjectPrefix);
    expect(texts.sl.form.title).toBe(AREAS.intakeTexts.sl.form.title);
  });

  it('does not compile a language’s file that lacks a key or has one English lacks', () => {
    // Each real file of a language other than English (sv.ts, sl.ts, de.ts), as it is and with one key taken out or one added, compiled by tsc
    // from a folder of its own; the probes' relative imports point at the real files.
    const dir = mkdtempSync(join(tmpdir(), 'texts-probe-'));
    const probes: { file: string; kind: string; key: string }[] = [];
    try {
      for (const area of AREA_DIRS)
        for (const locale of LOCALES.filter((l) => l !== 'en')) {
          const source = readFileSync(join(TEXTS, area, `${locale}.ts`), 'utf8').replace(
            / from '(\.\.?\/[^']+)'/g,
            (_, path: string) => ` from '${join(TEXTS, area, path)}'`,
          );
          const lines = source.split('\n');
          const leaf = lines.findIndex((l) => /^\s+[a-zA-Z_]+: '[^']*',$/.test(l));
          const opener = lines.findIndex((l) => l.startsWith(`export const ${locale}: `));
          const variants = {
            asIs: { text: source, key: '' },
            missing: { text: lines.filter((_, i) => i !== leaf).join('\n'), key: lines[leaf]!.trim().split(':')[0]! },
            extra: { text: [...lines.slice(0, opener + 1), "  notAnEnglishKey: 'x',", ...lines.slice(opener + 1)].join('\n'), key: 'notAnEnglishKey' },
          };
          for (const [kind, { text, key }] of Object.entries(variants)) {
            const file = `${area}-${locale}-${kind}.ts`;
            writeFileSync(join(dir, file), text);
            probes.push({ file, kind, key });
          }
        }
      const compilerOptions = {
        target: 'ES2023',
        module: 'ESNext',
        moduleResolution: 'Bundler',
        strict: true,
        noEmit: true,
        allowImportingTsExtensions: true,
        skipLibCheck: true,
        types: [],
      };
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: probes.map((p) => p.file) }));
      const run = spawnSync(join(ROOT, 'node_modules/.bin/tsc'), ['-p', dir, '--pretty', 'false'], { encoding: 'utf8' });
      const errors = run.stdout.split('\n').filter((l) => l.includes('error TS'));
      for (const probe of probes) {
        const own = errors.filter((l) => l.startsWith(probe.file) || l.includes(`/${probe.file}(`));
        if (probe.kind === 'asIs') expect(own, probe.file).toEqual([]);
        else expect(own.join('\n'), `${probe.file}: ${probe.key}`).toContain(`'${probe.key}'`);
      }
      expect(errors.length).toBe(probes.length - probes.filter((p) => p.kind === 'asIs').length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('each function bundles the words of what it renders', () => {
  /** The text areas a handler's bundle carries (esbuild's metafile: modules with bytes in the output). */
  async function areasIn(handler: string): Promise<string[]> {
    const result = await build({
      entryPoints: [join(ROOT, 'functions/handlers', handler)],
      bundle: true,
      platform: 'node',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
      outfile: 'out.mjs',
    });
    const inputs = Object.values(result.metafile.outputs)[0]!.inputs;
    const areas = Object.entries(inputs)
      .filter(([path, input]) => path.startsWith('web/texts/') && input.bytesInOutput > 0)
      .map(([path]) => path.split('/')[2]!)
      .filter((a) => AREA_DIRS.includes(a));
    return [...new Set(areas)].sort();
  }

  it.each([
    ['subject-api/intake.ts', ['intake', 'mail', 'site']],
    // A withdrawal emails the subject's receipt (status) and the vendors and staff still working (task).
    ['subject-api/status.ts', ['mail', 'request', 'site', 'status', 'task']],
    // Confirming shows the confirm page and emails the receipt: none of the status page's words.
    ['subject-api/verify.ts', ['mail', 'request', 'site']],
    ['staff-api/console.ts', ['console', 'reports', 'site']],
    ['scheduled/digest.ts', ['reports']],
  ])(
    '%s carries %j',
    async (handler, areas) => {
      expect(await areasIn(handler)).toEqual(areas);
    },
    60_000,
  );
});
