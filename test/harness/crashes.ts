/**
 * Crashes the suites cause in the handlers that run in their own process (the local runtime runs
 * them there): a write that fails as if the function died just before it.
 */
import { vi } from 'vitest';

/**
 * Every audit write of `event` fails from now on, as a function dying right after the change the
 * event records was written would leave it; `mockRestore()` ends it.
 */
export async function dieBeforeAuditing(event: string): Promise<{ mockRestore(): void }> {
  const { ddb } = await import('../../functions/platform/aws/dynamodb.ts');
  const send = ddb.send.bind(ddb);
  return vi.spyOn(ddb, 'send').mockImplementation(((command: { input?: { Item?: { event?: unknown } } }, ...rest: unknown[]) => {
    if (command.input?.Item?.event === event) return Promise.reject(new Error('the function died'));
    return (send as (...args: unknown[]) => unknown)(command, ...rest);
  }) as never);
}
