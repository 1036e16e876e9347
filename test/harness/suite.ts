/** What a vitest test file uses around the harness: its own runtime for its tests, and the process's output. */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll } from 'vitest';
import type { LocalRuntimeOptions } from '../../local/runtime.ts';
import { type Runtime, removeDir, start, tempDataDir } from './runtime.ts';
import { documentClient } from './tables.ts';

/** A test file's runtime: filled in before its tests run, stopped and removed after them. */
export interface LocalRun {
  rt: Runtime;
  /** The emulated DynamoDB, for reading what the service stored: the table itself, without the index lag the service meets. */
  db: DynamoDBDocumentClient;
  dataDir: string;
}

/** Starts a runtime for the calling test file (beforeAll) and stops it afterwards (afterAll). */
export function useRuntime(overrides: Partial<LocalRuntimeOptions> = {}): LocalRun {
  const local = {} as LocalRun;
  beforeAll(async () => {
    local.dataDir = tempDataDir();
    local.rt = await start(local.dataDir, undefined, overrides);
    local.db = documentClient(local.rt.urls.dynamodbDirect);
  });
  afterAll(async () => {
    await local.rt?.stop();
    if (local.dataDir) removeDir(local.dataDir);
  });
  return local;
}

/**
 * Keeps everything this process writes to stdout and stderr from now on (the handlers run in it,
 * so their logs land here), for tests that look for personal data in the logs.
 */
export function captureOutput(): string[] {
  const output: string[] = [];
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      output.push(String(chunk));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
  return output;
}
