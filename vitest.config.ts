import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CDK synthesis, esbuild bundling and the local runtime are slow compared with unit tests.
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Separate processes: CDK and the emulators keep global state that threads would share.
    pool: 'forks',
    // Vitest's default is one fewer than the cores: one file at a time on a 2-core machine. The
    // integration files mostly wait on the local runtime's emulators, so two at a time take about
    // two thirds of the time (measured in the README).
    maxWorkers: 2,
    globalSetup: ['test/harness/global-setup.ts'],
  },
});
