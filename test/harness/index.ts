/**
 * One harness for the integration, fuzz and fault suites and the benchmarks: the local runtime
 * (runtime.ts), its mailbox (mailbox.ts), polling (poll.ts), what subjects and vendors do
 * (requests.ts), staff sign-in and decisions (staff.ts) and the requests table (tables.ts).
 * Test files import it from here; bench/ and child processes import the modules they need
 * directly, since suite.ts brings in vitest.
 */
export * from './crashes.ts';
export * from './mailbox.ts';
export * from './poll.ts';
export * from './requests.ts';
export * from './runtime.ts';
export * from './staff.ts';
export * from './suite.ts';
export * from './tables.ts';
