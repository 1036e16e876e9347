import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bundledRegister, parseRegister } from '../../../functions/domain/register-schema';
import { compileRegister } from '../../../infra/register-source';

const demo = JSON.parse(readFileSync(new URL('../../../config/register.json', import.meta.url), 'utf8'));

describe('a register compiled at synthesis', () => {
  it('holds the register a deployed function would have checked, placeholders at their defaults', () => {
    const compiled = JSON.parse(JSON.stringify(compileRegister(demo)));
    expect(bundledRegister(compiled, {})).toEqual(parseRegister(demo, {}));
    expect(JSON.stringify(compiled)).not.toContain('${');
  });

  it('is used as it is at cold start, not checked again', () => {
    const compiled = compileRegister(demo);
    expect(bundledRegister(compiled, { DEMO_MAILCHIMP_URL: 'https://elsewhere.example/3.0' })).toBe(compiled.register);
  });

  it('refuses a placeholder with no default, which no deployed function could fill', () => {
    const raw = structuredClone(demo);
    raw.controllers[0].dpoEmail = '${DPO_ADDRESS}';
    expect(() => compileRegister(raw)).toThrow(/\$\{DPO_ADDRESS\}.*controllers\.0\.dpoEmail.*DPO_ADDRESS is not set/);
  });

  it('stops on a register that does not check, naming the field', () => {
    const raw = structuredClone(demo);
    raw.controllers[0].dpoEmail = 'not an address';
    expect(() => compileRegister(raw)).toThrow(/controllers\.0\.dpoEmail/);
  });

  it('still checks a register file bundled as written', () => {
    const raw = structuredClone(demo);
    delete raw.controllers[0].name;
    expect(() => bundledRegister(raw, {})).toThrow(/controllers\.0\.name/);
  });
});
