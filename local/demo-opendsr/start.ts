/**
 * Runs the demo OpenDSR processor on its own: `npx tsx local/demo-opendsr/start.ts`
 * (port DEMO_NEWSLETTER_PORT or 8090, data under DATA_DIR or .data). DEMO ONLY.
 */
import { resolve } from 'node:path';
import { startDemoOpendsr } from './server.ts';

const demo = await startDemoOpendsr({ dataDir: resolve(process.env.DATA_DIR ?? '.data') });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void demo.stop().then(() => process.exit(0)));
}
