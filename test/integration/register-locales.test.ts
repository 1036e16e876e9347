/**
 * `npm run check-register` on the texts people read: per language a controller declares, the texts
 * that lack it are a warning (shown in another language, marked), never a failure.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRegister } from '../../infra/check-register.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'register-locales-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A register of one controller declaring `locales`, its texts as `texts` give them. */
function registerFile(name: string, locales: string[], texts: { name: unknown; purpose: unknown; retention: unknown }): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      controllers: [
        {
          id: 'acme',
          name: texts.name,
          country: 'SE',
          dpoEmail: 'dpo@acme.example',
          locales,
          supervisoryAuthority: { name: { en: 'IMY', sv: 'IMY', sl: 'IMY' }, url: 'https://www.imy.se' },
          processors: [
            {
              id: 'members',
              kind: 'dynamodb',
              name: { en: 'Members', sv: 'Medlemmar', sl: 'Člani' },
              table: 'members',
              lookup: { indexName: 'by-email', attribute: 'email' },
              dataCategories: [{ en: 'contact details', sv: 'kontaktuppgifter', sl: 'kontaktni podatki' }],
              purposes: [texts.purpose],
              legalBasis: { en: 'contract', sv: 'avtal', sl: 'pogodba' },
              retention: texts.retention,
              erasure: { mode: 'delete' },
              rectifiable: ['phone'],
            },
          ],
        },
      ],
    }),
  );
  return file;
}

async function check(file: string) {
  const lines: string[] = [];
  const result = await checkRegister({ registerFile: file, env: {}, print: (l) => lines.push(l) });
  return { result, warned: lines.filter((l) => l.startsWith('warn')) };
}

describe('check-register on the languages of a register', () => {
  it('warns, per declared language, of each text that lacks it, and fails nothing', async () => {
    const file = registerFile('gaps', ['sv', 'en', 'sl'], {
      name: 'Acme',
      purpose: { en: 'membership', sv: 'medlemskap' },
      retention: { sv: '2 år' },
    });
    const { result, warned } = await check(file);
    expect(result).toEqual({ problems: 0, warnings: 2 });
    // A plain string is in the controller's first language (Swedish here).
    expect(warned).toEqual([
      'warn  acme: 2 text(s) have no en version and are shown in another language: name, processors.members.retention',
      'warn  acme: 3 text(s) have no sl version and are shown in another language: name, processors.members.purposes.0, processors.members.retention',
    ]);
    const cli = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['infra/check-register.ts', '--register', file], { cwd: ROOT });
    expect(cli.stdout).toMatch(/^no problems, 2 warning\(s\)$/m);
  });

  it('says nothing of a register whose every text is in every language it declares', async () => {
    const file = registerFile('complete', ['en', 'sv'], {
      name: { en: 'Acme', sv: 'Acme' },
      purpose: { en: 'membership', sv: 'medlemskap' },
      retention: { en: '2 years', sv: '2 år' },
    });
    expect(await check(file)).toEqual({ result: { problems: 0, warnings: 0 }, warned: [] });
  });
});
