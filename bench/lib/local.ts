/**
 * The local runtime as the benchmarks run it: the stack synthesized with the bench register (see
 * register-hook.ts for how the handlers get the same register), a baseline route added, quiet, on
 * free ports, in a temporary data folder. The steps a data subject takes, the mailbox and the
 * table's reads are the test harness's (test/harness/).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { App } from 'aws-cdk-lib';
import { parseRegister } from '../../functions/domain/register-schema.ts';
import { DsrStack } from '../../infra/stack.ts';
import type { LocalRuntime, LocalRuntimeOptions } from '../../local/runtime.ts';
import { type CfnTemplate, STACK_ID } from '../../local/synth.ts';
import { clearMailbox, mailbox, waitForVerificationLinks as waitForVerifyLinks } from '../../test/harness/mailbox.ts';
import { poll, pool, sleep } from '../../test/harness/poll.ts';
import { confirmLink as confirm, submit as submitRequest } from '../../test/harness/requests.ts';
import { startOwnRuntime } from '../../test/harness/runtime.ts';
import { requestItems, storedRequest } from '../../test/harness/tables.ts';
import { benchRegister } from './bench-register.ts';

export { clearMailbox, confirm, mailbox, pool, sleep, waitForVerifyLinks };

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
 * Starts the runtime on free ports, quietly, sweep, schedules and route throttles off: with the bench register
 * (the caller has pointed the handlers at it with register-hook.ts) or, with `demo`, the stack
 * and register as `npm start` runs them.
 */
export async function startBench(overrides: Partial<LocalRuntimeOptions> = {}, register: 'bench' | 'demo' = 'bench'): Promise<BenchRuntime> {
  const { rt, db, stop } = await startOwnRuntime(
    {
      quiet: true,
      ...(register === 'bench' ? { template: withPutItemRoute(benchTemplate()) } : {}),
      sweepOnStart: false,
      sweepIntervalMs: 24 * 3_600_000,
      scheduleTimers: false,
      // One client at one address sends thousands of requests: API Gateway's per-route throttles
      // (10/s on the public routes) would measure the stage's setting, not the service.
      routeThrottles: false,
      ...overrides,
      // One client sends thousands of requests here: the abuse limits are raised, not switched off,
      // so intake still counts each request against them (part of what it costs).
      environment: { INTAKE_LIMIT_PER_ADDRESS: '1000000', INTAKE_LIMIT_PER_CLIENT: '1000000', INTAKE_LIMIT_PER_DOMAIN: '1000000', ...overrides.environment },
    },
    'dsr-bench-',
  );
  return { rt, db, stop };
}

/** POST /v1/requests as JSON; returns the new request's id. */
export async function submit(rt: LocalRuntime, body: Record<string, unknown>): Promise<string> {
  return (await submitRequest(rt, body)).requestId;
}

/** A request's status as stored. */
export async function statusOf(db: DynamoDBDocumentClient, requestId: string): Promise<string | undefined> {
  return (await storedRequest(db, requestId, false))?.status as string | undefined;
}

/** Polls one request every `everyMs` until it is completed; resolves with the time it was seen so. */
export async function completedAt(db: DynamoDBDocumentClient, requestId: string, timeoutMs = 60_000, everyMs = 10): Promise<number> {
  let status: string | undefined;
  return poll(
    async () => {
      status = await statusOf(db, requestId);
      if (status === 'completed') return performance.now();
      if (status && ['denied', 'cancelled', 'closed_unverified'].includes(status)) throw new Error(`request ended ${status}`);
      return undefined;
    },
    { timeoutMs, everyMs, failure: () => `request still ${status} after ${timeoutMs} ms` },
  );
}

/** The statuses of many requests, 100 per BatchGet. */
export async function statusesOf(db: DynamoDBDocumentClient, ids: string[]): Promise<Map<string, string>> {
  const items = await requestItems(db, ids, { attributes: ['requestId', 'status'], consistent: false });
  return new Map([...items].map(([id, item]) => [id, item.status as string]));
}
