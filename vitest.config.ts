import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CDK synthesis, esbuild bundling and the local runtime are slow compared with unit tests.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Separate processes: CDK and the emulators keep global state that threads would share.
    pool: 'forks',
    globalSetup: ['test/harness/global-setup.ts'],
  },
});
