import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

function modules(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(ROOT, path)).isDirectory()) return modules(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Every module a file imports: package names as written, relative ones as repository paths. */
function importsOf(file: string): string[] {
  const source = readFileSync(join(ROOT, file), 'utf8');
  return [...source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(([, spec]) =>
    spec!.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), spec!)) : spec!,
  );
}

const pascal = (file: string) =>
  file
    .replace(/\.ts$/, '')
    .split('-')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');

describe('the layout', () => {
  it('keeps the production stack free of the local runtime', () => {
    const offenders = modules('infra').flatMap((f) =>
      importsOf(f)
        .filter((i) => i.startsWith('local/'))
        .map((i) => `${f} imports ${i}`),
    );
    expect(offenders).toEqual([]);
  });

  it('keeps the domain pure: no AWS, no environment, nothing but its own modules, zod and JMESPath', () => {
    const offenders = modules('functions/domain').flatMap((f) => [
      ...importsOf(f)
        .filter((i) => !i.startsWith('functions/domain/') && i !== 'zod' && !i.startsWith('zod/') && i !== '@aws-lambda-powertools/jmespath')
        .map((i) => `${f} imports ${i}`),
      ...(readFileSync(join(ROOT, f), 'utf8').includes('process.env') ? [`${f} reads process.env`] : []),
    ]);
    expect(offenders).toEqual([]);
  });

  it('builds table keys and pages through reads only in the data layer', () => {
    // Key prefixes of the requests table (docs/ARCHITECTURE.md, "Data model") and DynamoDB's continuation keys.
    const data =
      /\b(REQ|BRANCH|AUDIT|DUE|RESTRICTED|SUBJECT|SUPPRESS|OPENDSR|LIMIT|REPORT|RETENTION|RETENTION_RUN|TRANSPARENCY)#|LastEvaluatedKey|ExclusiveStartKey/;
    const offenders = modules('functions')
      .filter((f) => !f.startsWith('functions/platform/data/'))
      .flatMap((f) =>
        readFileSync(join(ROOT, f), 'utf8')
          .split('\n')
          .flatMap((line, i) => (data.test(line) ? [`${f}:${i + 1} ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('has no folder of functions/ holding more than 20 modules', () => {
    const counts = new Map<string, number>();
    for (const f of modules('functions')) counts.set(dirname(f), (counts.get(dirname(f)) ?? 0) + 1);
    expect([...counts].filter(([, n]) => n > 20)).toEqual([]);
  });

  it('names each workflow handler after its state and its function', () => {
    const stack = readFileSync(join(ROOT, 'infra/stack.ts'), 'utf8');
    const workflow = readFileSync(join(ROOT, 'infra/constructs/workflow.ts'), 'utf8');
    const handlers = readdirSync(join(ROOT, 'functions/handlers/workflow'));
    expect(handlers.length).toBeGreaterThan(5);
    for (const file of handlers) {
      const name = pascal(file);
      expect(workflow, `state ${name}`).toContain(`'${name}'`);
      expect(stack, `function ${name}`).toMatch(new RegExp(`'${name}',\\s*(\\{\\s*entry: )?'functions/handlers/workflow/${file}'`));
    }
  });
});
