import { randomUUID } from 'node:crypto';
/**
 * What the catalogue's contract tests share: a connector definition from `config/connectors/`, run
 * by the `http` kind's engine against a vendor fake, as the register would point a processor at
 * it (`baseUrl`, `allowedHosts`, secrets by name from the local Secrets Manager endpoint, the
 * fake's origin allowed as the local runtime allows its own fakes). Real HTTP, real secrets reads,
 * real retries and waits; only the shared call schedule (a token bucket in DynamoDB) is left out,
 * as these tests are about the vendor's side.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { type Connector, parseConnector } from '../../../functions/domain/connector-schema.ts';
import type { HttpProcessor } from '../../../functions/domain/register-schema.ts';
import type { Right } from '../../../functions/domain/request.ts';
import { connectorFor } from '../../../functions/processors/http/catalogue.ts';
import { type ActionResult, pollJobs, resumeAction, runAction } from '../../../functions/processors/http/engine.ts';
import type { VendorFake } from '../../../local/fakes/vendor-fake.ts';
import { LocalSecretsManager } from '../../../local/secrets-endpoint.ts';

/** A definition as the functions bundle it (the catalogue), checked as the register check checks it. */
export function connector(name: string): Connector {
  const bundled = connectorFor({ id: `${name}-fake`, connector: name });
  const file = `config/connectors/${name}.json`;
  expect(parseConnector(JSON.parse(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8')), file)).toEqual(bundled);
  return bundled;
}

/** Serves each secret value under its name and points the SDK at the endpoint. */
export async function serveSecrets(values: Record<string, string>): Promise<{ stop(): Promise<void> }> {
  const endpoint = new LocalSecretsManager(
    Object.entries(values).map(([name, value]) => ({ name, arn: `arn:aws:secretsmanager:us-east-1:000000000000:secret:${name}`, value })),
  );
  const url = await endpoint.start(0);
  process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = url;
  process.env.AWS_REGION ??= 'us-east-1';
  process.env.AWS_ACCESS_KEY_ID ??= 'local';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'local';
  return { stop: () => endpoint.stop() };
}

/** A register processor of the connector pointed at the fake. */
export function processorAt(fake: VendorFake, connectorName: string, secrets: Record<string, string>, settings: Record<string, string> = {}): HttpProcessor {
  // The local runtime lets a connector reach only the fakes it runs, over http at loopback.
  process.env.CONNECTOR_LOCAL_ORIGINS = [...new Set([...(process.env.CONNECTOR_LOCAL_ORIGINS ?? '').split(',').filter(Boolean), fake.url])].join(',');
  return {
    id: `${connectorName}-fake`,
    kind: 'http',
    name: connectorName,
    connector: connectorName,
    settings,
    secrets,
    baseUrl: fake.url,
    allowedHosts: [new URL(fake.url).host],
    rights: ['access', 'portability', 'erasure'],
  } as unknown as HttpProcessor;
}

/** One run of an action: its result, the records it exported and every wait it made. */
export interface ContractRun {
  result: ActionResult;
  records: Record<string, unknown>[];
  waits: number[];
}

/**
 * The definition's call schedule kept in memory: the same cell-rate rule as the DynamoDB bucket
 * (functions/platform/data/connector-calls.ts), for runs in one process to share.
 */
export function schedule(c: Connector): (now: number) => Promise<number> {
  const interval = 1000 / c.rateLimit.perSecond;
  let next = Number.NEGATIVE_INFINITY;
  return async (now) => {
    const slot = Math.max(next, now - (c.rateLimit.burst - 1) * interval);
    next = slot + interval;
    return slot;
  };
}

/** The subject as a request holds it: a phone number among its identifiers. */
const identified = ({ email, phone }: { email: string; phone?: string }) => ({ email, ...(phone ? { identifiers: { phone } } : {}) });

/** Runs `action` for the subject, with real waits (recorded), collecting the export; calls go at once unless a schedule is given. */
export async function run(
  c: Connector,
  p: HttpProcessor,
  action: Right,
  subject: { email: string; phone?: string },
  takeSlot: (now: number) => Promise<number> = async (now) => now,
  requestId: string = randomUUID(),
): Promise<ContractRun> {
  const records: Record<string, unknown>[] = [];
  const waits: number[] = [];
  const result = await runAction({
    connector: c,
    processor: p,
    controllerId: 'contract',
    requestId,
    action,
    subject: identified(subject),
    records: { write: async (r) => void records.push(r as Record<string, unknown>) },
    deps: {
      takeSlot,
      sleep: (ms) => {
        waits.push(ms);
        return new Promise((resolve) => setTimeout(resolve, ms));
      },
    },
  });
  return { result, records, waits };
}

/** Polls the jobs a run started once, as the sweep does each time. */
export function poll(c: Connector, p: HttpProcessor, action: Right, result: ActionResult): Promise<'done' | 'waiting'> {
  if (result.state !== 'job') throw new Error(`the run answered ${JSON.stringify(result)}, it started no job`);
  return pollJobs(
    { connector: c, processor: p, controllerId: 'contract', requestId: 'contract-request', action, deps: { takeSlot: async (now) => now } },
    result.step,
    result.jobIds,
  );
}

/** Polls the jobs a run waits on once, as the sweep's `watch` does, going on with the action's later steps when they are done. */
export async function resume(
  c: Connector,
  p: HttpProcessor,
  action: Right,
  subject: { email: string; phone?: string },
  result: ActionResult,
): Promise<ActionResult | { state: 'waiting' }> {
  if (result.state !== 'job') throw new Error(`the run answered ${JSON.stringify(result)}, it started no job`);
  return resumeAction(
    {
      connector: c,
      processor: p,
      controllerId: 'contract',
      requestId: 'contract-request',
      action,
      subject: identified(subject),
      deps: { takeSlot: async (now) => now },
    },
    result,
  );
}

/** The answer of a run that answered at once. */
export function answerOf(r: ContractRun) {
  if (r.result.state !== 'answered') throw new Error(`the run is waiting on jobs of ${r.result.step}`);
  return r.result.answer;
}
