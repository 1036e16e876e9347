/**
 * Starting the local runtime for the suites and the benchmarks: a temporary data folder, free
 * ports, quiet, and the settings each kind of run wants. No vitest here (see use-runtime.ts for a
 * test file's runtime), so bench/ and the crash suite's child process can use it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type LocalRuntime, type LocalRuntimeOptions, type RuntimePorts, startLocalRuntime } from '../../local/runtime.ts';
import { LOOSE_INTAKE_LIMITS } from '../fixtures/intake-limits.ts';
import { documentClient, REQUESTS_TABLE } from './tables.ts';

export { LOOSE_INTAKE_LIMITS };

/** A running local runtime. */
export type Runtime = LocalRuntime;

/** Every port chosen by the system. */
export const ANY_PORTS: RuntimePorts = {
  gateway: 0,
  dynamodb: 0,
  ses: 0,
  s3: 0,
  sfn: 0,
  newsletter: 0,
  courses: 0,
  secrets: 0,
  mailchimp: 0,
  inhouseLambda: 0,
  inhouseWebhook: 0,
  smtp: 0,
};

/**
 * What the suites run with: quiet, short retries, the sweep and schedules out of the way, a quick
 * demo OpenDSR processor, index lag, and intake limits and route throttles that let one address and
 * client send many requests (test/integration/abuse.test.ts checks the real intake limits,
 * test/integration/gateway-limits.test.ts the real throttles).
 */
export const TEST_OPTIONS = {
  quiet: true,
  routeThrottles: false,
  retryIntervalScale: 0.01,
  sweepIntervalMs: 3_600_000,
  scheduleTimers: false,
  environment: LOOSE_INTAKE_LIMITS,
  demoCallbackDelayMs: 100,
  // DynamoDB's indexes are eventually consistent: the steps at the controllers' stores meet that,
  // as in AWS. The requests table's are left alone: suites read the staff list and reports at once.
  indexLagMs: 200,
  indexLagExcept: [REQUESTS_TABLE],
} satisfies LocalRuntimeOptions;

export function tempDataDir(prefix = 'dsr-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Starts the runtime with {@link TEST_OPTIONS} on free ports (or the given ones, to restart where
 * it was); `overrides` change any of that.
 */
export function start(dataDir: string, ports?: Runtime['ports'], overrides: Partial<LocalRuntimeOptions> = {}): Promise<Runtime> {
  return startLocalRuntime({ dataDir, ...TEST_OPTIONS, ports: ports ?? ANY_PORTS, ...overrides });
}

/** A runtime in a data folder of its own, with a DynamoDB client for reading what the service stored. */
export interface OwnRuntime {
  rt: Runtime;
  /** The emulated DynamoDB, for reading what the service stored (its calls are not the service's, and meet no index lag). */
  db: DynamoDBDocumentClient;
  dataDir: string;
  /** Stops the runtime and removes its data folder. */
  stop(): Promise<void>;
}

/** Starts the runtime with exactly `options` (free ports unless they say otherwise) in a new temporary data folder. */
export async function startOwnRuntime(options: LocalRuntimeOptions, prefix?: string): Promise<OwnRuntime> {
  const dataDir = tempDataDir(prefix);
  const rt = await startLocalRuntime({ dataDir, ports: ANY_PORTS, ...options });
  return {
    rt,
    db: documentClient(rt.urls.dynamodbDirect),
    dataDir,
    stop: async () => {
      await rt.stop();
      removeDir(dataDir);
    },
  };
}

/** A port free now, for a runtime that must come back on the same ports after it is killed. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** A free port for each of the runtime's servers. */
export async function freePorts(): Promise<RuntimePorts> {
  return {
    gateway: await freePort(),
    dynamodb: await freePort(),
    ses: await freePort(),
    s3: await freePort(),
    sfn: await freePort(),
    newsletter: await freePort(),
    courses: await freePort(),
    secrets: await freePort(),
    mailchimp: await freePort(),
    inhouseLambda: await freePort(),
    inhouseWebhook: await freePort(),
    smtp: await freePort(),
  };
}
