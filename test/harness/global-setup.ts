/**
 * Once per `vitest run`: a file for the stack's template, which the first file that starts a local
 * runtime synthesizes and the others read (local/synth.ts), and a folder for the demo course
 * database's empty cluster, which the first runtime initialises and the others copy
 * (local/demo-course-database.ts). Each file runs in a process of its own, and synthesis there took
 * 10-15 s of the suite's two cores, initdb 5-9 s; unit tests do neither.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COURSE_DATABASE_CACHE_VARIABLE } from '../../local/demo-course-database';
import { TEMPLATE_CACHE_VARIABLE } from '../../local/synth';

export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'dsr-template-'));
  // Test processes are forked with this process's environment, taken after global setup.
  process.env[TEMPLATE_CACHE_VARIABLE] = join(dir, 'template.json');
  process.env[COURSE_DATABASE_CACHE_VARIABLE] = join(dir, 'course-database');
  return () => rmSync(dir, { recursive: true, force: true });
}
