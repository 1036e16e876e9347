// What `#register-loader` is outside a synthesized bundle (tests, the local runtime, a bundle
// without a compiled register): a register file is checked against the full schema here.
export { bundledRegister as loadRegister } from '../../domain/register-schema';
