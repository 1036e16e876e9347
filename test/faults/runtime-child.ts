/**
 * The local runtime in a process of its own, for the crash suite to kill with SIGKILL.
 * `node --import tsx test/faults/runtime-child.ts` with:
 *   DATA_DIR          its data folder (kept across kills)
 *   CHILD_PORTS       JSON of RuntimePorts (the same each start, so links and tokens stay valid)
 *   CHILD_TEMPLATE    a synthesized template file (synthesizing at every start would be slow)
 *   CHILD_OPENDSR_URL the OpenDSR processor the register's newsletter processor is sent to
 *   CHILD_SES_URL     what handlers use as SES (the test's recording proxy)
 * Prints `ready` on stdout once it serves.
 */
import { readFileSync } from 'node:fs';
import { start } from '../harness/runtime.ts';

const env = (name: string) => {
  const v = process.env[name];
  if (!v) throw new Error(`${name} is not set`);
  return v;
};

// The suites' settings (intake limits loose: every wave comes from one client address, at full
// size far more than its 30 an hour), with the sweep every two seconds to find what a kill cut short.
await start(env('DATA_DIR'), JSON.parse(env('CHILD_PORTS')), {
  template: JSON.parse(readFileSync(env('CHILD_TEMPLATE'), 'utf8')),
  newsletterUrl: env('CHILD_OPENDSR_URL'),
  handlerEndpoints: { ses: env('CHILD_SES_URL') },
  sweepIntervalMs: 2_000,
});
process.stdout.write('ready\n');
