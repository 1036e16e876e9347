/**
 * Points `config/register.json` at another file for this process, the way a deployment bundles
 * its own register into each function: the handlers import the register statically, so a
 * benchmark that needs other processors (ten slow ones, five stores) swaps the file at module
 * resolution rather than changing production code. Call before anything imports the register.
 */
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

export function useRegisterFile(file: string): void {
  if (typeof registerHooks !== 'function') throw new Error('the benchmarks need Node 22.15 or later (module.registerHooks); run them with `npm run bench`');
  const url = pathToFileURL(file).href;
  registerHooks({
    resolve(specifier, context, next) {
      const resolved = next(specifier, context);
      return resolved.url.endsWith('/config/register.json') ? { ...resolved, url } : resolved;
    },
  });
}
