// What `#register-loader` is in a function the house construct bundles with a compiled register
// (package.json `imports`, condition `dsr-compiled-register`): the register was checked at
// synthesis, so the bundle carries none of the schema that checks it.
import { COMPILED_REGISTER, type CompiledRegister, type Register } from '../../domain/register-schema';

export function loadRegister(input: unknown): Register {
  if (input && typeof input === 'object' && (input as Partial<CompiledRegister>).compiled === COMPILED_REGISTER) return (input as CompiledRegister).register;
  throw new Error('The bundled register was not compiled at synthesis: give the house construct a file written by writeCompiledRegister');
}
