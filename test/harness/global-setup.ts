/**
 * Once per `vitest run`: a file for the stack's template, which the first file that starts a local
 * runtime synthesizes and the others read (local/synth.ts). Each file runs in a process of its own,
 * and synthesis there took 10-15 s of the suite's two cores; unit tests never synthesize at all.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEMPLATE_CACHE_VARIABLE } from '../../local/synth';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'dsr-template-'));
  // Test processes are forked with this process's environment, taken after global setup.
  process.env[TEMPLATE_CACHE_VARIABLE] = join(dir, 'template.json');
  return () => rmSync(dir, { recursive: true, force: true });
}
