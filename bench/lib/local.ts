/**
 * The local runtime as the benchmarks run it: the stack synthesized with the bench register (see
 * register-hook.ts for how the handlers get the same register), a baseline route added, quiet, on
 * free ports, in a temporary data folder; and the few HTTP steps a data subject takes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { App } from 'aws-cdk-lib';
import { parseRegister } from '../../functions/domain/register-schema.ts';
import { DsrStack } from '../../infra/stack.ts';
import { clearMailbox } from '../../local/emulators.ts';
import { REQUESTS_TABLE } from '../../local/provision.ts';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '../../local/runtime.ts';
import { type CfnTemplate, STACK_ID } from '../../local/synth.ts';
import { benchRegister } from './bench-register.ts';

/** The route of the intake benchmark's baseline Lambda (bench/put-item.ts). */
export const PUT_ITEM_PATH = '/bench/put-item';

/** Synthesizes the stack with the bench register, asset bundling skipped (as the runtime does). */
export function benchTemplate(): CfnTemplate {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  new DsrStack(app, STACK_ID, { register: parseRegister(benchRegister(), process.env) });
  return app.synth().getStackByName(STACK_ID).template as CfnTemplate;
}

/**
 * Adds `POST /bench/put-item` to a template: a Lambda (same timeout and memory as intake's) whose
 * module is bench/put-item.ts, behind the same HTTP API, so both go through the same gateway.
 */
export function withPutItemRoute(template: CfnTemplate): CfnTemplate {
  const resources = template.Resources!;
  const [intakeId, intake] = Object.entries(resources).find(([, r]) => r.Metadata?.['dsr:entry'] === 'functions/handlers/subject-api/intake.ts')!;
  const intakeRoute = Object.values(resources).find((r) => r.Type === 'AWS::ApiGatewayV2::Route' && r.Properties?.RouteKey === 'POST /v1/requests')!;
  resources.BenchPutItemFunction = {
    Type: 'AWS::Lambda::Function',
    Metadata: { 'dsr:entry': 'bench/put-item.ts' },
    Properties: { Timeout: intake.Properties?.Timeout, MemorySize: intake.Properties?.MemorySize, Environment: intake.Properties?.Environment },
  };
  resources.BenchPutItemIntegration = {
    Type: 'AWS::ApiGatewayV2::Integration',
    Properties: {
      ApiId: intakeRoute.Properties?.ApiId,
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': ['BenchPutItemFunction', 'Arn'] },
      PayloadFormatVersion: '2.0',
    },
  };
  resources.BenchPutItemRoute = {
    Type: 'AWS::ApiGatewayV2::Route',
    Properties: {
      ApiId: intakeRoute.Properties?.ApiId,
      RouteKey: `POST ${PUT_ITEM_PATH}`,
      AuthorizationType: 'NONE',
      Target: 'integrations/BenchPutItemIntegration',
    },
  };
  void intakeId;
  return template;
}

export interface BenchRuntime {
  rt: LocalRuntime;
  /** A DynamoDB client of the benchmark's own (its calls are not counted as the service's). */
  db: DynamoDBDocumentClient;
  stop(): Promise<void>;
}

/**
 * Starts the runtime on free ports, quietly, sweep and schedules off: with the bench register
 * (the caller has pointed the handlers at it with register-hook.ts) or, with `demo`, the stack
 * and register as `npm start` runs them.
 */
export async function startBench(overrides: Partial<LocalRuntimeOptions> = {}, register: 'bench' | 'demo' = 'bench'): Promise<BenchRuntime> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dsr-bench-'));
  const rt = await startLocalRuntime({
    dataDir,
    quiet: true,
    ...(register === 'bench' ? { template: withPutItemRoute(benchTemplate()) } : {}),
    sweepOnStart: false,
    sweepIntervalMs: 24 * 3_600_000,
    scheduleTimers: false,
    ports: { gateway: 0, dynamodb: 0, ses: 0, s3: 0, sfn: 0, newsletter: 0 },
    ...overrides,
    // One client sends thousands of requests here: the abuse limits are raised, not switched off,
    // so intake still counts each request against them (part of what it costs).
    environment: { INTAKE_LIMIT_PER_ADDRESS: '1000000', INTAKE_LIMIT_PER_CLIENT: '1000000', ...overrides.environment },
  });
  const db = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: rt.urls.dynamodb }));
  return {
    rt,
    db,
    stop: async () => {
      await rt.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** POST /v1/requests as JSON; returns the new request's id. */
export async function submit(rt: LocalRuntime, body: Record<string, unknown>): Promise<string> {
  const res = await fetch(`${rt.urls.gateway}/v1/requests`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 202) throw new Error(`intake answered ${res.status}`);
  return ((await res.json()) as { requestId: string }).requestId;
}

interface StoredEmail {
  destination: { to: string[] };
  body: { text?: string };
}

/** Every email in the SES emulator's mailbox. */
export async function mailbox(rt: LocalRuntime): Promise<StoredEmail[]> {
  return ((await (await fetch(`${rt.urls.ses}/store`)).json()) as { emails: StoredEmail[] }).emails;
}

/** Empties the mailbox (it is module state of this process), so reading it stays cheap. */
export { clearMailbox };

/** The verification links in the mailbox, by request id. */
export async function verifyLinks(rt: LocalRuntime): Promise<Map<string, string>> {
  const links = new Map<string, string>();
  for (const email of await mailbox(rt)) {
    for (const m of (email.body.text ?? '').matchAll(/https?:\/\/\S+\/v1\/requests\/([0-9a-f-]+)\/verify\?token=[A-Za-z0-9_-]+/g)) links.set(m[1]!, m[0]);
  }
  return links;
}

/** Waits until the mailbox has a verification link for each id. */
export async function waitForVerifyLinks(rt: LocalRuntime, ids: string[], timeoutMs = 30_000): Promise<Map<string, string>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const links = await verifyLinks(rt);
    if (ids.every((id) => links.has(id))) return links;
    if (Date.now() > deadline) throw new Error(`verification emails missing for ${ids.filter((id) => !links.has(id)).length} requests`);
    await sleep(50);
  }
}

/** Presses the confirm button of a verification link (the POST that starts the workflow). */
export async function confirm(link: string): Promise<void> {
  const url = new URL(link);
  const res = await fetch(`${url.origin}${url.pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
    body: new URLSearchParams({ token: url.searchParams.get('token')! }).toString(),
  });
  await res.text();
  if (res.status !== 200) throw new Error(`confirm answered ${res.status}`);
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A request's status as stored. */
export async function statusOf(db: DynamoDBDocumentClient, requestId: string): Promise<string | undefined> {
  const out = await db.send(new GetCommand({ TableName: REQUESTS_TABLE, Key: { pk: `REQ#${requestId}`, sk: 'REQUEST' } }));
  return out.Item?.status as string | undefined;
}

/** Polls one request every `everyMs` until it is completed; resolves with the time it was seen so. */
export async function completedAt(db: DynamoDBDocumentClient, requestId: string, timeoutMs = 60_000, everyMs = 10): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await statusOf(db, requestId);
    if (status === 'completed') return performance.now();
    if (status && ['denied', 'cancelled', 'closed_unverified'].includes(status)) throw new Error(`request ended ${status}`);
    if (Date.now() > deadline) throw new Error(`request still ${status} after ${timeoutMs} ms`);
    await sleep(everyMs);
  }
}

/** The statuses of many requests, 100 per BatchGet. */
export async function statusesOf(db: DynamoDBDocumentClient, ids: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) {
    let keys: Record<string, unknown>[] | undefined = ids.slice(i, i + 100).map((id) => ({ pk: `REQ#${id}`, sk: 'REQUEST' }));
    while (keys?.length) {
      const res = await db.send(
        new BatchGetCommand({
          RequestItems: { [REQUESTS_TABLE]: { Keys: keys, ProjectionExpression: 'requestId, #s', ExpressionAttributeNames: { '#s': 'status' } } },
        }),
      );
      for (const item of res.Responses?.[REQUESTS_TABLE] ?? []) out.set(item.requestId as string, item.status as string);
      keys = res.UnprocessedKeys?.[REQUESTS_TABLE]?.Keys as Record<string, unknown>[] | undefined;
    }
  }
  return out;
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function pool<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
}
