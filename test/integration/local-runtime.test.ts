/**
 * The embedded local runtime (`npm start`): the emulators, the local Step Functions endpoint and
 * the HTTP gateway, reached with the AWS SDK and over HTTP exactly as handlers and people reach them.
 *
 * The first two groups run the endpoint and the gateway on a small hand-made template whose
 * handlers are written by the test, to pin down their AWS semantics; the last group runs the
 * real stack.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
} from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import {
  DescribeExecutionCommand,
  type DescribeExecutionCommandOutput,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  ExecutionNotRedrivable,
  InvalidOutput,
  InvalidToken,
  ListExecutionsCommand,
  RedriveExecutionCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalGateway } from '../../local/gateway';
import { LambdaHost } from '../../local/lambda-host';
import { type LocalRuntime, startLocalRuntime } from '../../local/runtime';
import { LocalStepFunctions, MAX_TASK_TIMEOUT_SECONDS } from '../../local/sfn-endpoint';
import { usesLibraryTimeoutError } from '../../local/sfn-task-tokens';
import { type CfnTemplate, readStackModel } from '../../local/synth';
import { ANY_PORTS, answerTaskLink, LOOSE_INTAKE_LIMITS, poll, STAFF, taskLinkFor, VENDOR } from '../harness';

const credentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
const region = 'us-east-1';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** A JSON response body, for reading fields of. */
const jsonOf = async (res: Response | Promise<Response>): Promise<any> => (await res).json();

/** Listening servers of this process (a stopped runtime must leave none behind). */
const listeningServers = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPServerWrap').length;

// ---- a hand-made template and its handlers ---------------------------------------------------

const lambda = (entry: string, timeout = 5) => ({
  Type: 'AWS::Lambda::Function',
  Properties: { Timeout: timeout, MemorySize: 128, Environment: { Variables: { FIXTURE: 'yes' } } },
  Metadata: { 'dsr:entry': entry },
});
const arn = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const integration = (fn: string) => ({
  Type: 'AWS::ApiGatewayV2::Integration',
  Properties: { IntegrationType: 'AWS_PROXY', IntegrationUri: arn(fn), PayloadFormatVersion: '2.0' },
});
const route = (key: string, integrationId: string) => ({
  Type: 'AWS::ApiGatewayV2::Route',
  Properties: { RouteKey: key, Target: { 'Fn::Join': ['', ['integrations/', { Ref: integrationId }]] } },
});

/** Plan (lambda:invoke integration) → Map{Work [Retry 2, Catch → Record]} → Slow, as CDK writes it. */
const fixtureTemplate: CfnTemplate = {
  Resources: {
    PlanFn: lambda('fns/plan.mjs'),
    WorkFn: lambda('fns/work.mjs'),
    RecordFn: lambda('fns/record.mjs'),
    SlowFn: lambda('fns/slow.mjs', 0.3),
    EchoFn: lambda('fns/echo.mjs'),
    SweepFn: lambda('fns/sweep.mjs'),
    Table: {
      Type: 'AWS::DynamoDB::Table',
      Properties: {
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      },
    },
    Machine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        DefinitionString: {
          'Fn::Join': [
            '',
            [
              '{"StartAt":"Plan","States":{"Plan":{"Type":"Task","Resource":"arn:',
              { Ref: 'AWS::Partition' },
              ':states:::lambda:invoke","Parameters":{"FunctionName":"',
              arn('PlanFn'),
              '","Payload.$":"$"},"OutputPath":"$.Payload","Next":"Each"},' +
                '"Each":{"Type":"Map","ItemsPath":"$.branches","MaxConcurrency":5,"ResultPath":"$.results","Next":"Slow",' +
                '"ItemProcessor":{"ProcessorConfig":{"Mode":"INLINE"},"StartAt":"Work","States":{' +
                '"Work":{"Type":"Task","Resource":"',
              arn('WorkFn'),
              '","Retry":[{"ErrorEquals":["States.ALL"],"IntervalSeconds":1,"MaxAttempts":2,"BackoffRate":2,"JitterStrategy":"FULL"}],' +
                '"Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.error","Next":"Record"}],"End":true},' +
                '"Record":{"Type":"Task","Resource":"',
              arn('RecordFn'),
              '","Parameters":{"id.$":"$.id","error":{"Error.$":"$.error.Error"}},"End":true}}}},' + '"Slow":{"Type":"Task","Resource":"',
              arn('SlowFn'),
              '","Retry":[{"ErrorEquals":["ConfigError"],"MaxAttempts":1}],"End":true}}}',
            ],
          ],
        },
      },
    },
    EchoIntegration: integration('EchoFn'),
    EchoGet: route('GET /echo/{id}', 'EchoIntegration'),
    EchoPost: route('POST /echo/{id}', 'EchoIntegration'),
    Locale: route('GET /{locale}', 'EchoIntegration'),
    Files: route('GET /files/{path+}', 'EchoIntegration'),
    Fixed: route('GET /echo/fixed', 'EchoIntegration'),
    Sweep: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: { ScheduleExpression: 'rate(5 minutes)', Target: { Arn: arn('SweepFn') } },
    },
  },
};

/** Handlers shared with the test through globalThis.fixture. */
const fixtureModules: Record<string, string> = {
  'plan.mjs': `
    const f = () => globalThis.fixture;
    export async function handler(event, context) {
      f().planCalls.push({ event, functionName: context.functionName, remaining: context.getRemainingTimeInMillis() });
      if (event.failPlan && !f().planFixed) { const e = new Error('REQUESTS_TABLE is required'); e.name = 'ConfigError'; throw e; }
      if (event.wait) await f().gate;
      return { branches: event.items.map((id) => ({ id, fail: id.startsWith('bad') })), slow: event.slow };
    }`,
  'work.mjs': `
    class BranchError extends Error { name = 'BranchError'; }
    export async function handler(event) {
      const a = globalThis.fixture.attempts;
      a[event.id] = (a[event.id] ?? 0) + 1;
      if (event.fail) throw new BranchError('ada@example.org cannot be exported');
      return { id: event.id, ok: true };
    }`,
  'record.mjs': `export const handler = async (event) => ({ id: event.id, recorded: event.error.Error });`,
  'slow.mjs': `export const handler = async (event) => {
      if (event.slow) {
        await new Promise((r) => setTimeout(r, 1000));
        // Past its timeout: Lambda would have stopped it, so its next call must not go out.
        try { await fetch('http://127.0.0.1:9/'); globalThis.fixture.afterTimeout = 'sent'; } catch (e) { globalThis.fixture.afterTimeout = e.name; }
      }
      return { done: true, results: event.results };
    };`,
  'echo.mjs': `export const handler = async (event) => {
      const p = event.rawPath;
      if (p === '/echo/boom') throw new TypeError('secret personal detail');
      if (p === '/echo/text') return 'plain text';
      if (p === '/echo/object') return { hello: 'world' };
      if (p === '/echo/binary') return { statusCode: 200, headers: { 'Content-Type': 'application/octet-stream' }, body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true };
      return { statusCode: 201, headers: { 'content-type': 'application/json', 'x-echo': 'yes' }, cookies: ['a=1; Path=/', 'b=2; Path=/'], body: JSON.stringify(event) };
    };`,
  'sweep.mjs': `export const handler = async () => ({ swept: true });`,
  // the waitForTaskToken task's Lambda: records the token it got; its result is ignored
  'submit.mjs': `
    export async function handler(event, context) {
      const f = globalThis.waitFixture;
      f.calls.push({ event, functionName: context.functionName });
      (f.tokens[event.id] ??= []).push(event.taskToken);
      if (event.id.startsWith('flaky') && f.tokens[event.id].length === 1) { const e = new Error('try again'); e.name = 'Flaky'; throw e; }
      if (event.id.startsWith('boom')) { const e = new Error('cannot submit'); e.name = 'SubmitError'; throw e; }
      if (event.id.startsWith('eager')) await f.answer(event.taskToken, { eager: true });
      return { ignored: true };
    }`,
};

function writeFixtureRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'dsr-fixture-'));
  mkdirSync(join(root, 'fns'));
  for (const [name, text] of Object.entries(fixtureModules)) writeFileSync(join(root, 'fns', name), text);
  return root;
}

interface Fixture {
  planCalls: { event: any; functionName: string; remaining: number }[];
  attempts: Record<string, number>;
  gate: Promise<void>;
  release: () => void;
  planFixed: boolean;
  /** What the slow handler's call after its timeout met. */
  afterTimeout?: string;
}
declare global {
  // eslint-disable-next-line no-var
  var fixture: Fixture;
}
function resetFixture(): void {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  globalThis.fixture = { planCalls: [], attempts: {}, gate, release, planFixed: false };
}

/**
 * Map{ByMode → Await | AwaitFixed, Catch → Done} with `lambda:invoke.waitForTaskToken` Tasks, as CDK
 * writes LambdaInvoke with IntegrationPattern.WAIT_FOR_TASK_TOKEN. Await takes its timing from the
 * item (TimeoutSecondsPath, HeartbeatSecondsPath) and never retries a timeout, like the workflow's
 * AwaitProcessor; AwaitFixed has TimeoutSeconds 40, HeartbeatSeconds 20 and retries a timeout once.
 */
const waitTask = (timing: Record<string, unknown>, timeoutAttempts: number) => ({
  Type: 'Task',
  Resource: 'arn:__PARTITION__:states:::lambda:invoke.waitForTaskToken',
  Parameters: { FunctionName: '__SUBMIT_ARN__', Payload: { 'id.$': '$.id', 'taskToken.$': '$$.Task.Token' } },
  ...timing,
  ResultPath: '$.answer',
  Retry: [
    { ErrorEquals: ['States.Timeout', 'States.HeartbeatTimeout'], IntervalSeconds: 1, MaxAttempts: timeoutAttempts },
    { ErrorEquals: ['Flaky'], IntervalSeconds: 1, MaxAttempts: 1 },
  ],
  Catch: [
    { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failed', Next: 'Done' },
    { ErrorEquals: ['States.ALL'], ResultPath: '$.caught', Next: 'Done' },
  ],
  End: true,
});
const waitAsl = {
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      ItemsPath: '$.branches',
      MaxConcurrency: 5,
      ResultPath: '$.results',
      End: true,
      ItemProcessor: {
        ProcessorConfig: { Mode: 'INLINE' },
        StartAt: 'ByMode',
        States: {
          ByMode: { Type: 'Choice', Choices: [{ Variable: '$.mode', StringEquals: 'fixed', Next: 'AwaitFixed' }], Default: 'Await' },
          Await: waitTask({ TimeoutSecondsPath: '$.timeoutSeconds', HeartbeatSecondsPath: '$.heartbeatSeconds' }, 0),
          AwaitFixed: waitTask({ TimeoutSeconds: 40, HeartbeatSeconds: 20 }, 1),
          Done: { Type: 'Pass', End: true },
        },
      },
    },
  },
};
const waitTemplate: CfnTemplate = {
  Resources: {
    SubmitFn: lambda('fns/submit.mjs'),
    Table: fixtureTemplate.Resources!.Table!,
    Machine: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        DefinitionString: {
          'Fn::Join': [
            '',
            // biome-ignore lint/complexity/useFlatMap: flatMap infers a type CfnTemplate refuses; flat() infers the parts it wants
            JSON.stringify(waitAsl)
              .split(/(__PARTITION__|"__SUBMIT_ARN__")/)
              .map((part) => (part === '__PARTITION__' ? { Ref: 'AWS::Partition' } : part === '"__SUBMIT_ARN__"' ? ['"', arn('SubmitFn'), '"'] : part))
              .flat(),
          ],
        },
      },
    },
  },
};

interface WaitFixture {
  calls: { event: any; functionName: string }[];
  tokens: Record<string, string[]>;
  answer: (token: string, output: unknown) => Promise<unknown>;
}
declare global {
  // eslint-disable-next-line no-var
  var waitFixture: WaitFixture;
}

async function waitForEnd(sfn: SFNClient, executionArn: string, timeoutMs = 10_000): Promise<DescribeExecutionCommandOutput> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const d = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (d.status !== 'RUNNING') return d;
    if (Date.now() > deadline) throw new Error(`execution still RUNNING after ${timeoutMs} ms`);
    await sleep(20);
  }
}

// ---- the Step Functions endpoint -------------------------------------------------------------

describe('the local Step Functions endpoint (hand-made template)', () => {
  let root: string;
  let endpoint: LocalStepFunctions;
  let sfn: SFNClient;
  const model = readStackModel(fixtureTemplate);

  beforeAll(async () => {
    root = writeFixtureRoot();
    endpoint = new LocalStepFunctions({
      stateMachine: model.stateMachine,
      lambdas: new LambdaHost(model.functions, root),
      retryIntervalScale: 0.001,
    });
    await endpoint.start(0);
    sfn = new SFNClient({ endpoint: endpoint.url, region, credentials });
  });

  afterAll(async () => {
    sfn?.destroy();
    await endpoint?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads the model from the template: tasks (nested ones too), routes, table, schedule', () => {
    expect(model.stateMachine.taskStates.map((t) => [t.stateName, t.functionLogicalId, t.integration])).toEqual([
      ['Plan', 'PlanFn', 'invoke'],
      ['Work', 'WorkFn', 'direct'],
      ['Record', 'RecordFn', 'direct'],
      ['Slow', 'SlowFn', 'direct'],
    ]);
    expect(model.stateMachine.definition.States.Plan.Parameters.FunctionName).toBe('arn:aws:lambda:us-east-1:000000000000:function:PlanFn');
    expect(model.routes.map((r) => [r.routeKey, r.functionLogicalId])).toContainEqual(['GET /{locale}', 'EchoFn']);
    expect(model.requestsTable.KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(model.schedules).toEqual([{ logicalId: 'Sweep', expression: 'rate(5 minutes)', functionLogicalId: 'SweepFn', enabled: true }]);
    expect(endpoint.executedDefinition.States.Each.ItemProcessor.States.Work.Retry[0].IntervalSeconds).toBeCloseTo(0.001);
    expect(endpoint.definition.States.Each.ItemProcessor.States.Work.Retry[0].IntervalSeconds).toBe(1);
  });

  it('starts one execution per name: the same name and input while running returns it, other input is ExecutionAlreadyExists', async () => {
    resetFixture();
    const input = JSON.stringify({ wait: true, items: ['a'] });
    const first = await sfn.send(new StartExecutionCommand({ stateMachineArn: endpoint.stateMachineArn, name: 'req-1', input }));
    const again = await sfn.send(new StartExecutionCommand({ stateMachineArn: endpoint.stateMachineArn, name: 'req-1', input }));
    expect(again.executionArn).toBe(first.executionArn);
    expect(again.startDate).toEqual(first.startDate);
    expect(first.executionArn).toBe(`arn:aws:states:us-east-1:000000000000:execution:Machine:req-1`);
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: endpoint.stateMachineArn, name: 'req-1', input: '{"other":1}' })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);

    const running = await sfn.send(new ListExecutionsCommand({ stateMachineArn: endpoint.stateMachineArn, statusFilter: 'RUNNING' }));
    expect(running.executions?.map((e) => e.name)).toEqual(['req-1']);

    globalThis.fixture.release();
    const done = await waitForEnd(sfn, first.executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(globalThis.fixture.planCalls).toHaveLength(1);
    // lambda:invoke integration: the handler got the Payload; OutputPath took the Payload back out
    expect(globalThis.fixture.planCalls[0]!.event).toEqual({ wait: true, items: ['a'] });
    expect(globalThis.fixture.planCalls[0]!.functionName).toBe('PlanFn');
    expect(JSON.parse(done.output!)).toEqual({ done: true, results: [{ id: 'a', ok: true }] });
    expect(globalThis.fixture.planCalls[0]!.remaining).toBeGreaterThan(4000); // of its 5 s Timeout
    expect(done.stopDate!.getTime()).toBeGreaterThanOrEqual(done.startDate!.getTime());

    // Like AWS: a closed execution's name cannot be reused (not even with the same input).
    await expect(sfn.send(new StartExecutionCommand({ stateMachineArn: endpoint.stateMachineArn, name: 'req-1', input }))).rejects.toBeInstanceOf(
      ExecutionAlreadyExists,
    );
  });

  it('surfaces a thrown error as the task error named after error.name: retried, then caught with $.error.Error', async () => {
    resetFixture();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: endpoint.stateMachineArn,
        name: 'req-2',
        input: JSON.stringify({ items: ['good', 'bad-1'] }),
      }),
    );
    const done = await waitForEnd(sfn, executionArn!);
    expect(done.status).toBe('SUCCEEDED');
    expect(globalThis.fixture.attempts).toEqual({ good: 1, 'bad-1': 3 }); // 1 + MaxAttempts 2
    expect(JSON.parse(done.output!).results).toEqual([
      { id: 'good', ok: true },
      { id: 'bad-1', recorded: 'BranchError' },
    ]);
  });

  it("fails an execution with the handler's error name and a Lambda-style cause, and redrives it", async () => {
    resetFixture();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: endpoint.stateMachineArn,
        name: 'req-3',
        input: JSON.stringify({ failPlan: true, items: ['x'] }),
      }),
    );
    const failed = await waitForEnd(sfn, executionArn!);
    expect(failed.status).toBe('FAILED');
    expect(failed.error).toBe('ConfigError');
    expect(JSON.parse(failed.cause!)).toMatchObject({ errorType: 'ConfigError', errorMessage: 'REQUESTS_TABLE is required' });
    expect(failed.redriveStatus).toBe('REDRIVABLE');

    globalThis.fixture.planFixed = true;
    await sfn.send(new RedriveExecutionCommand({ executionArn }));
    const redriven = await waitForEnd(sfn, executionArn!);
    expect(redriven.status).toBe('SUCCEEDED');
    expect(redriven.redriveCount).toBe(1);
    expect(redriven.error).toBeUndefined();
    await expect(sfn.send(new RedriveExecutionCommand({ executionArn }))).rejects.toBeInstanceOf(ExecutionNotRedrivable);
  });

  it('times a Lambda out after its Timeout as Sandbox.Timedout, and stops its code at its next call', async () => {
    resetFixture();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: endpoint.stateMachineArn,
        name: 'req-4',
        input: JSON.stringify({ items: [], slow: true }),
      }),
    );
    const done = await waitForEnd(sfn, executionArn!);
    expect(done.status).toBe('FAILED');
    expect(done.error).toBe('Sandbox.Timedout');
    await expect.poll(() => globalThis.fixture.afterTimeout, { timeout: 5_000 }).toBe('Sandbox.Stopped');
    // The test's own calls, outside any invocation, are not stopped.
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow(/fetch failed/);
  });

  it('stops a running execution, lists by status, and knows no unknown execution', async () => {
    resetFixture();
    const { executionArn } = await sfn.send(
      new StartExecutionCommand({
        stateMachineArn: endpoint.stateMachineArn,
        name: 'req-5',
        input: JSON.stringify({ wait: true, items: ['a'] }),
      }),
    );
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Cancelled', cause: 'by the test' }));
    const stopped = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect(stopped.status).toBe('ABORTED');
    expect(stopped.error).toBe('Cancelled');
    globalThis.fixture.release();

    const aborted = await sfn.send(new ListExecutionsCommand({ stateMachineArn: endpoint.stateMachineArn, statusFilter: 'ABORTED' }));
    expect(aborted.executions?.map((e) => e.name)).toEqual(['req-5']);
    const page = await sfn.send(new ListExecutionsCommand({ stateMachineArn: endpoint.stateMachineArn, maxResults: 2 }));
    expect(page.executions).toHaveLength(2);
    expect(page.nextToken).toBeDefined();

    await expect(
      sfn.send(
        new DescribeExecutionCommand({
          executionArn: 'arn:aws:states:us-east-1:000000000000:execution:Machine:nope',
        }),
      ),
    ).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });
});

// ---- task tokens -------------------------------------------------------------------------------

describe('task tokens of the local Step Functions endpoint (hand-made template)', () => {
  let root: string;
  let endpoint: LocalStepFunctions;
  let sfn: SFNClient;
  const model = readStackModel(waitTemplate);
  const SCALE = 0.01; // 20 s → 200 ms
  let seq = 0;

  const reset = () => {
    globalThis.waitFixture = {
      calls: [],
      tokens: {},
      answer: (taskToken, output) => sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) })),
    };
  };
  /** The n-th token (1-based) the Lambda got for branch `id`, once it got it. */
  const tokenOf = async (id: string, n = 1, timeoutMs = 5000): Promise<string> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const token = globalThis.waitFixture.tokens[id]?.[n - 1];
      if (token) return token;
      if (Date.now() > deadline) throw new Error(`no token ${n} for ${id}`);
      await sleep(5);
    }
  };
  const start = async (branches: Record<string, unknown>[]) => {
    const input = JSON.stringify({ requestId: `r-${++seq}`, branches });
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn: endpoint.stateMachineArn, name: `wait-${seq}`, input }));
    return { executionArn: executionArn!, input };
  };
  const long = { mode: 'await', timeoutSeconds: 1000, heartbeatSeconds: 1000 };

  beforeAll(async () => {
    root = writeFixtureRoot();
    endpoint = new LocalStepFunctions({
      stateMachine: model.stateMachine,
      lambdas: new LambdaHost(model.functions, root),
      retryIntervalScale: 0.001,
      timeScale: SCALE,
    });
    await endpoint.start(0);
    sfn = new SFNClient({ endpoint: endpoint.url, region, credentials });
  });

  afterAll(async () => {
    sfn?.destroy();
    await endpoint?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reads waitForTaskToken Tasks and hands the library their Parameters wrapped with their timing, $$.Task.Token untouched', () => {
    expect(model.stateMachine.taskStates.map((t) => [t.stateName, t.functionLogicalId, t.integration])).toEqual([
      ['Await', 'SubmitFn', 'waitForTaskToken'],
      ['AwaitFixed', 'SubmitFn', 'waitForTaskToken'],
    ]);
    const states = endpoint.executedDefinition.States.Each.ItemProcessor.States;
    const original = endpoint.definition.States.Each.ItemProcessor.States;
    expect(original.Await.Parameters.Payload['taskToken.$']).toBe('$$.Task.Token');
    expect(states.Await.Parameters).toStrictEqual({
      Parameters: original.Await.Parameters,
      'TimeoutSeconds.$': '$.timeoutSeconds',
      'HeartbeatSeconds.$': '$.heartbeatSeconds',
    });
    expect(states.AwaitFixed.Parameters).toStrictEqual({ Parameters: original.AwaitFixed.Parameters, TimeoutSeconds: 40, HeartbeatSeconds: 20 });
    for (const name of ['Await', 'AwaitFixed']) {
      expect(states[name].TimeoutSeconds, name).toBe(MAX_TASK_TIMEOUT_SECONDS); // the library's own timer: only a ceiling
      for (const field of ['TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath']) expect(states[name][field], `${name} ${field}`).toBeUndefined();
      // Retry only scaled (retryIntervalScale), Catch as is
      const retry = (r: any[]) => r.map(({ ErrorEquals, MaxAttempts }) => ({ ErrorEquals, MaxAttempts }));
      expect(retry(states[name].Retry)).toStrictEqual(retry(original[name].Retry));
      expect(states[name].Catch).toStrictEqual(original[name].Catch);
    }
    expect(usesLibraryTimeoutError()).toBe(true);
  });

  it("invokes the Lambda with the Payload and a fresh opaque token, waits, and resumes with SendTaskSuccess's output", async () => {
    reset();
    const branch = { id: 'a', ...long };
    const { executionArn, input } = await start([branch]);
    const token = await tokenOf('a');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(globalThis.waitFixture.calls).toEqual([{ event: { id: 'a', taskToken: token }, functionName: 'SubmitFn' }]);
    await sleep(50);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING'); // the Lambda returned; still waiting
    expect(endpoint.openTaskCount).toBe(1);
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }));

    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ vendor: 'done', records: 2 }) }));
    const done = await waitForEnd(sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(done.input).toBe(input);
    // ResultPath $.answer inside the Map; the Map's ResultPath $.results; the Lambda's own result nowhere
    expect(JSON.parse(done.output!)).toEqual({ ...JSON.parse(input), results: [{ ...branch, answer: { vendor: 'done', records: 2 } }] });
    expect(endpoint.openTaskCount).toBe(0);

    // the task closed: every later answer is TaskTimedOut and changes nothing
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"vendor":"again"}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(sfn.send(new SendTaskFailureCommand({ taskToken: token, error: 'Late' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken: token }))).rejects.toBeInstanceOf(TaskTimedOut);
    const after = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect([after.status, after.output]).toEqual(['SUCCEEDED', done.output]);
  });

  it("fails the task with SendTaskFailure's error and cause, which Catch on States.TaskFailed receives", async () => {
    reset();
    const { executionArn } = await start([{ id: 'b', ...long }]);
    await sfn.send(new SendTaskFailureCommand({ taskToken: await tokenOf('b'), error: 'VendorRefused', cause: 'no such subject' }));
    const done = await waitForEnd(sfn, executionArn);
    expect(done.status).toBe('SUCCEEDED');
    expect(JSON.parse(done.output!).results).toEqual([{ id: 'b', ...long, failed: { Error: 'VendorRefused', Cause: 'no such subject' } }]);
  });

  it('answers InvalidToken for what is no token of this endpoint, and InvalidOutput for output that is not JSON (the task stays open)', async () => {
    reset();
    const { executionArn } = await start([{ id: 'c', ...long }]);
    const token = await tokenOf('c');
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    for (const taskToken of ['nope', '', forged, `${token}x`]) {
      await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' })), taskToken).rejects.toBeInstanceOf(InvalidToken);
      await expect(sfn.send(new SendTaskHeartbeatCommand({ taskToken })), taskToken).rejects.toBeInstanceOf(InvalidToken);
    }
    await expect(sfn.send(new SendTaskFailureCommand({ taskToken: 'nope' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: 'not json' }))).rejects.toBeInstanceOf(InvalidOutput);
    expect((await sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '"ok"' }));
    const done = await waitForEnd(sfn, executionArn);
    expect(JSON.parse(done.output!).results[0].answer).toBe('ok');
  });

  it('times the task out by TimeoutSecondsPath as States.Timeout: not States.TaskFailed, not retried, caught by States.ALL', async () => {
    reset();
    const began = Date.now();
    const { executionArn } = await start([{ id: 't', mode: 'await', timeoutSeconds: 20, heartbeatSeconds: 1000 }]); // 200 ms at this scale
    const token = await tokenOf('t');
    const done = await waitForEnd(sfn, executionArn);
    expect(Date.now() - began).toBeGreaterThanOrEqual(190);
    expect(done.status).toBe('SUCCEEDED');
    const [result] = JSON.parse(done.output!).results;
    expect(result.caught.Error).toBe('States.Timeout');
    expect(result.failed).toBeUndefined();
    expect(globalThis.waitFixture.tokens.t).toHaveLength(1);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('fails a task without heartbeats as States.HeartbeatTimeout, while heartbeats keep another alive', async () => {
    reset();
    // HeartbeatSecondsPath 20 → 200 ms without a heartbeat; the timeout is far away
    const { executionArn } = await start([
      { id: 'h', mode: 'await', timeoutSeconds: 1000, heartbeatSeconds: 20 },
      { id: 'k', mode: 'await', timeoutSeconds: 1000, heartbeatSeconds: 20 },
    ]);
    const kept = await tokenOf('k');
    await tokenOf('h');
    for (let i = 0; i < 12; i++) {
      await sleep(50);
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken: kept }));
    }
    await sfn.send(new SendTaskSuccessCommand({ taskToken: kept, output: '{"alive":true}' }));
    const done = await waitForEnd(sfn, executionArn);
    const [h, k] = JSON.parse(done.output!).results;
    // as in AWS, States.TaskFailed matches States.HeartbeatTimeout (it excludes only States.Timeout)
    expect(h.failed.Error).toBe('States.HeartbeatTimeout');
    expect(k.answer).toEqual({ alive: true });
    expect(globalThis.waitFixture.tokens.h).toHaveLength(1); // MaxAttempts 0: not retried
  });

  it('keeps static TimeoutSeconds as the ceiling however many heartbeats come, and retries timeouts like other errors', async () => {
    reset();
    const began = Date.now();
    // AwaitFixed: TimeoutSeconds 40 → 400 ms, HeartbeatSeconds 20 → 200 ms; Retry on both, once
    const { executionArn } = await start([{ id: 'f', mode: 'fixed' }]);
    const first = await tokenOf('f');
    let heartbeats = 0;
    for (;;) {
      await sleep(50);
      const alive = await sfn.send(new SendTaskHeartbeatCommand({ taskToken: first })).then(
        () => true,
        (e: unknown) => {
          expect(e).toBeInstanceOf(TaskTimedOut);
          return false;
        },
      );
      if (!alive) break;
      heartbeats++;
    }
    expect(heartbeats).toBeGreaterThanOrEqual(5);
    // States.Timeout was retried: a new attempt with a new token, which gets no heartbeat
    const second = await tokenOf('f', 2);
    expect(second).not.toBe(first);
    const done = await waitForEnd(sfn, executionArn);
    expect(Date.now() - began).toBeGreaterThanOrEqual(590);
    // the retrier's one attempt is used up: States.HeartbeatTimeout is caught (by States.TaskFailed)
    expect(JSON.parse(done.output!).results[0].failed.Error).toBe('States.HeartbeatTimeout');
    expect(globalThis.waitFixture.tokens.f).toHaveLength(2);
  });

  it("gives each attempt its own token (a retried task's old token is closed), fails the task when its Lambda fails, and takes an answer sent from inside the Lambda", async () => {
    reset();
    const { executionArn } = await start([
      { id: 'flaky', ...long },
      { id: 'boom', ...long },
      { id: 'eager', ...long },
    ]);
    const second = await tokenOf('flaky', 2);
    const first = globalThis.waitFixture.tokens.flaky![0]!;
    expect(second).not.toBe(first);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: first, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await sfn.send(new SendTaskSuccessCommand({ taskToken: second, output: '{"attempt":2}' }));
    const done = await waitForEnd(sfn, executionArn);
    const [flaky, boom, eager] = JSON.parse(done.output!).results;
    expect(flaky.answer).toEqual({ attempt: 2 });
    expect(boom.failed.Error).toBe('SubmitError');
    expect(JSON.parse(boom.failed.Cause)).toMatchObject({ errorType: 'SubmitError', errorMessage: 'cannot submit' });
    expect(eager.answer).toEqual({ eager: true });
  });

  it('releases waiting tasks on StopExecution: their tokens answer TaskTimedOut and no timer is left', async () => {
    reset();
    const timers = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const before = timers();
    const { executionArn } = await start([
      { id: 's1', ...long },
      { id: 's2', mode: 'await', timeoutSeconds: 20, heartbeatSeconds: 10 },
    ]);
    const tokens = [await tokenOf('s1'), await tokenOf('s2')];
    expect(endpoint.openTaskCount).toBe(2);
    await sfn.send(new StopExecutionCommand({ executionArn, error: 'Cancelled' }));
    expect(endpoint.openTaskCount).toBe(0);
    for (const taskToken of tokens) {
      await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    }
    await sleep(300); // past s2's timeout and heartbeat: nothing fires
    const stopped = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    expect([stopped.status, stopped.error]).toEqual(['ABORTED', 'Cancelled']);
    expect(timers()).toBeLessThanOrEqual(before);
  });

  it('releases waiting tasks when the endpoint stops; a token of a stopped endpoint is TaskTimedOut at the next one', async () => {
    reset();
    const other = new LocalStepFunctions({ stateMachine: model.stateMachine, lambdas: new LambdaHost(model.functions, root), timeScale: SCALE });
    await other.start(0);
    other.startExecution({ stateMachineArn: other.stateMachineArn, name: 'other-1', input: JSON.stringify({ branches: [{ id: 'o', ...long }] }) });
    const token = await tokenOf('o');
    expect(other.openTaskCount).toBe(1);
    await other.stop();
    expect(other.openTaskCount).toBe(0);
    expect(() => other.call('SendTaskSuccess', { taskToken: token, output: '{}' })).toThrow(expect.objectContaining({ code: 'TaskTimedOut' }));
    expect((other.describeExecution({ executionArn: `arn:aws:states:us-east-1:000000000000:execution:Machine:other-1` }) as any).status).toBe('ABORTED');
    // like a token from before a restart of `npm start`
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
  });
});

// ---- the gateway -------------------------------------------------------------------------------

describe('the local gateway (hand-made template)', () => {
  let root: string;
  let gateway: LocalGateway;
  const model = readStackModel(fixtureTemplate);
  const logs: string[] = [];

  beforeAll(async () => {
    root = writeFixtureRoot();
    gateway = new LocalGateway({ routes: model.routes, lambdas: new LambdaHost(model.functions, root), log: (l) => logs.push(l) });
    await gateway.start(0);
  });

  afterAll(async () => {
    await gateway?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('hands a route a payload format 2.0 event and maps its result back', async () => {
    const res = await fetch(`${gateway.url}/echo/r%C3%A9q-1?b=2&a=1&a=3`, {
      headers: { 'X-Custom': 'One', cookie: 'c1=v1; c2=v2', accept: 'application/json' },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(res.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(res.headers.get('apigw-requestid')).toBeTruthy();
    const event = await jsonOf(res);
    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'GET /echo/{id}',
      rawPath: '/echo/r%C3%A9q-1',
      rawQueryString: 'b=2&a=1&a=3',
      cookies: ['c1=v1', 'c2=v2'],
      queryStringParameters: { a: '1,3', b: '2' },
      pathParameters: { id: 'réq-1' },
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'GET /echo/{id}',
        stage: '$default',
        http: { method: 'GET', path: '/echo/r%C3%A9q-1', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1' },
      },
    });
    expect(event.headers['x-custom']).toBe('One');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(typeof event.requestContext.timeEpoch).toBe('number');
    expect(event.requestContext.requestId).toBe(res.headers.get('apigw-requestid'));
  });

  it('passes JSON bodies as text and form posts base64-encoded, as HTTP APIs do', async () => {
    const json = await jsonOf(
      fetch(`${gateway.url}/echo/1`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"email":"x"}',
      }),
    );
    expect(json).toMatchObject({ body: '{"email":"x"}', isBase64Encoded: false, routeKey: 'POST /echo/{id}' });
    const form = await jsonOf(
      fetch(`${gateway.url}/echo/1`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'token=abc&x=%C3%A9',
      }),
    );
    expect(form.isBase64Encoded).toBe(true);
    expect(Buffer.from(form.body, 'base64').toString()).toBe('token=abc&x=%C3%A9');
  });

  it('routes literal paths before parameters, and a one-segment parameter never swallows longer paths', async () => {
    expect((await jsonOf(fetch(`${gateway.url}/echo/fixed`))).routeKey).toBe('GET /echo/fixed');
    expect((await jsonOf(fetch(`${gateway.url}/sv`))).pathParameters).toEqual({ locale: 'sv' });
    expect((await jsonOf(fetch(`${gateway.url}/files/a/b/c.txt`))).pathParameters).toEqual({ path: 'a/b/c.txt' });
    for (const [method, path] of [
      ['GET', '/v1/requests'],
      ['GET', '/v1/requests/abc/verify'],
      ['POST', '/sv'],
      ['DELETE', '/echo/1'],
      ['GET', '/echo/1/2'],
    ]) {
      const res = await fetch(`${gateway.url}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ message: 'Not Found' });
    }
  });

  it('maps plain results per the 2.0 rules, and base64 bodies to bytes', async () => {
    const text = await fetch(`${gateway.url}/echo/text`);
    expect([text.status, text.headers.get('content-type'), await text.text()]).toEqual([200, 'application/json', 'plain text']);
    const object = await fetch(`${gateway.url}/echo/object`);
    expect([object.status, await object.json()]).toEqual([200, { hello: 'world' }]);
    const binary = await fetch(`${gateway.url}/echo/binary`);
    expect([...new Uint8Array(await binary.arrayBuffer())]).toEqual([0, 1, 2, 255]);
  });

  it('answers a handler exception with 500 and logs only the error class', async () => {
    logs.length = 0;
    const res = await fetch(`${gateway.url}/echo/boom`);
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ message: 'Internal Server Error' });
    expect(logs.join('\n')).toContain('TypeError');
    expect(logs.join('\n')).not.toContain('secret');
    expect(logs.join('\n')).not.toContain('/echo/boom');
  });

  it('refuses bodies over 10 MB with 413', async () => {
    const res = await fetch(`${gateway.url}/echo/1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: 'x'.repeat(10 * 1024 * 1024 + 1),
    });
    expect(res.status).toBe(413);
  });
});

// ---- the runtime on the real stack ---------------------------------------------------------------

describe('the local runtime', () => {
  let dataDir: string;
  let rt: LocalRuntime;
  let serversBefore: number;

  const clients = () => ({
    ddb: new DynamoDBClient({ endpoint: rt.urls.dynamodb, region, credentials }),
    s3: new S3Client({ endpoint: rt.urls.s3, region, credentials, forcePathStyle: true }),
    ses: new SESv2Client({ endpoint: rt.urls.ses, region, credentials }),
    sfn: new SFNClient({ endpoint: rt.urls.sfn, region, credentials }),
  });
  let c: ReturnType<typeof clients>;
  const destroy = () => {
    for (const client of Object.values(c ?? {})) client.destroy();
  };
  const start = (ports?: LocalRuntime['ports']) =>
    startLocalRuntime({
      dataDir,
      quiet: true,
      retryIntervalScale: 0.01,
      sweepIntervalMs: 3_600_000,
      scheduleTimers: false,
      environment: LOOSE_INTAKE_LIMITS,
      ports: ports ?? ANY_PORTS,
    });

  beforeAll(async () => {
    serversBefore = listeningServers();
    dataDir = mkdtempSync(join(tmpdir(), 'dsr-runtime-'));
    rt = await start();
    c = clients();
  });

  afterAll(async () => {
    destroy();
    await rt?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on the free ports it picked and names the local state machine', () => {
    for (const [name, url] of Object.entries(rt.urls)) {
      expect(Number(new URL(url).port), name).toBe(rt.ports[name as keyof LocalRuntime['ports']]);
      expect(rt.ports[name as keyof LocalRuntime['ports']], name).toBeGreaterThan(0);
    }
    expect(rt.stateMachineArn).toMatch(/^arn:aws:states:us-east-1:000000000000:stateMachine:/);
    expect(process.env.AWS_ENDPOINT_URL_SFN).toBe(rt.urls.sfn);
    expect(process.env.PUBLIC_BASE_URL).toBe(rt.urls.gateway);
  });

  it('serves DynamoDB with the requests table as the template defines it and the seeded demo stores', async () => {
    const tables = (await c.ddb.send(new ListTablesCommand({}))).TableNames;
    expect(tables).toEqual(expect.arrayContaining(['dsr-requests', 'demo-members', 'demo-event-participation']));
    const byEmail = async (table: string, email: string) =>
      (
        await c.ddb.send(
          new QueryCommand({
            TableName: table,
            IndexName: 'by-email',
            KeyConditionExpression: 'email = :e',
            ExpressionAttributeValues: { ':e': { S: email } },
          }),
        )
      ).Items ?? [];
    expect(await byEmail('demo-members', 'ada@example.org')).toHaveLength(1);
    expect(await byEmail('demo-event-participation', 'ada@example.org')).toHaveLength(2);
    expect(await byEmail('demo-members', 'bo@example.org')).toHaveLength(1);
    expect(await byEmail('demo-event-participation', 'bo@example.org')).toHaveLength(0);
    expect(await byEmail('demo-members', 'cecilia@example.org')).toHaveLength(0);
    expect(await byEmail('demo-event-participation', 'cecilia@example.org')).toHaveLength(1);
    expect(await byEmail('demo-members', 'dan@example.org')).toHaveLength(1);

    const open = await c.ddb.send(
      new QueryCommand({
        TableName: 'dsr-requests',
        IndexName: 'open-by-due',
        KeyConditionExpression: 'openCtl = :c',
        ExpressionAttributeValues: { ':c': { S: 'nobody' } },
      }),
    );
    expect(open.Items).toEqual([]);
  });

  it('serves S3 with the packages bucket', async () => {
    await c.s3.send(new PutObjectCommand({ Bucket: 'dsr-packages', Key: 'test/hello.txt', Body: 'hello' }));
    const got = await c.s3.send(new GetObjectCommand({ Bucket: 'dsr-packages', Key: 'test/hello.txt' }));
    expect(await got.Body!.transformToString()).toBe('hello');
  });

  it('serves SES v2: a sent email shows in GET /store', async () => {
    await c.ses.send(
      new SendEmailCommand({
        FromEmailAddress: 'privacy@demo-association.example',
        Destination: { ToAddresses: ['runtime-test@example.org'] },
        Content: { Simple: { Subject: { Data: 'Runtime test' }, Body: { Text: { Data: 'hello' } } } },
      }),
    );
    const store = (await (await fetch(`${rt.urls.ses}/store`)).json()) as { emails: { subject: string; destination: { to: string[] } }[] };
    expect(store.emails.find((e) => e.subject === 'Runtime test')?.destination.to).toEqual(['runtime-test@example.org']);
    expect((await fetch(`${rt.urls.ses}/`)).status).toBe(200); // the mailbox page
  });

  it('serves Step Functions: one execution per name, and ExecutionDoesNotExist for unknown ones', async () => {
    const name = `test-${Date.now()}`;
    const input = JSON.stringify({ requestId: name });
    const first = await c.sfn.send(new StartExecutionCommand({ stateMachineArn: rt.stateMachineArn, name, input }));
    // Running: the same execution back. Already closed (the unknown request fails fast): ExecutionAlreadyExists.
    const second = await c.sfn.send(new StartExecutionCommand({ stateMachineArn: rt.stateMachineArn, name, input })).catch((e: unknown) => e);
    if (second instanceof Error) expect(second).toBeInstanceOf(ExecutionAlreadyExists);
    else expect((second as { executionArn?: string }).executionArn).toBe(first.executionArn);
    const listed = await c.sfn.send(new ListExecutionsCommand({ stateMachineArn: rt.stateMachineArn }));
    expect(listed.executions?.filter((e) => e.name === name)).toHaveLength(1);

    await expect(c.sfn.send(new DescribeExecutionCommand({ executionArn: `${first.executionArn}-unknown` }))).rejects.toBeInstanceOf(ExecutionDoesNotExist);
  });

  it('answers 404 Not Found for routes the template does not have', async () => {
    for (const [method, path] of [
      ['GET', '/nope/at/all'],
      ['GET', '/v1/requests'],
      ['DELETE', '/v1/requests'],
      ['GET', '/v1/requests/x/unknown'],
      ['POST', '/'],
    ]) {
      const res = await fetch(`${rt.urls.gateway}${path}`, { method });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(await res.json()).toEqual({ message: 'Not Found' });
    }
    expect((await fetch(`${rt.urls.gateway}/`)).status).toBe(200); // the form
  });

  it("runs a confirmed request's execution: its waiting branches hold it RUNNING until answered, then SUCCEEDED", async () => {
    const email = 'bo@example.org';
    const submitted = await fetch(`${rt.urls.gateway}/v1/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ type: 'access', email }),
    });
    expect(submitted.status).toBe(202);
    const { requestId } = (await submitted.json()) as { requestId: string };
    let link: string | undefined;
    for (let i = 0; i < 100 && !link; i++) {
      const store = (await (await fetch(`${rt.urls.ses}/store`)).json()) as { emails: { destination: { to: string[] }; body: { text?: string } }[] };
      const mail = store.emails.find((e) => e.destination.to.includes(email) && e.body.text?.includes(requestId));
      link = mail?.body.text?.match(/https?:\/\/\S+\/verify\?token=[\w-]+/)?.[0];
      if (!link) await sleep(50);
    }
    expect(link).toBeDefined();
    const url = new URL(link!);
    const confirmed = await fetch(`${url.origin}${url.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
      body: new URLSearchParams({ token: url.searchParams.get('token')! }).toString(),
    });
    expect(confirmed.status).toBe(200);
    const executionArn = `${rt.stateMachineArn.replace(':stateMachine:', ':execution:')}:${requestId}`;

    // AwaitProcessor (lambda:invoke.waitForTaskToken) sent the vendor and staff their links and waits
    const vendorLink = await taskLinkFor(rt, VENDOR, requestId);
    const staffLink = await taskLinkFor(rt, STAFF, requestId);
    expect((await answerTaskLink(vendorLink, { file: { name: 'ledger.txt', content: 'two invoices' } })).status).toBe(200);
    await sleep(200);
    expect((await c.sfn.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    expect((await answerTaskLink(staffLink, { outcome: 'not_found' })).status).toBe(200);
    const done = await waitForEnd(c.sfn, executionArn, 30_000);
    // (the cause is shown when it fails: test data only)
    expect({ status: done.status, error: done.error, cause: done.cause }).toEqual({ status: 'SUCCEEDED', error: undefined, cause: undefined });
  });

  it('keeps its data across stop and start on the same data directory, and does not seed again', async () => {
    await c.ddb.send(new PutItemCommand({ TableName: 'dsr-requests', Item: { pk: { S: 'REQ#persist' }, sk: { S: 'REQUEST' }, n: { N: '42' } } }));
    await c.s3.send(new PutObjectCommand({ Bucket: 'dsr-packages', Key: 'test/persist.txt', Body: 'kept' }));
    // an erasure at a demo store must stick
    await c.ddb.send(new DeleteItemCommand({ TableName: 'demo-members', Key: { memberId: { S: 'm-1003' } } }));
    await c.ddb.send(
      new CreateTableCommand({
        TableName: 'scratch',
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      }),
    );

    const ports = rt.ports;
    destroy();
    await rt.stop();
    expect(listeningServers()).toBe(serversBefore);
    await expect(fetch(rt.urls.gateway)).rejects.toThrow();

    // Handlers keep the clients they were loaded with: in one process, restart on the same ports.
    rt = await start(ports);
    c = clients();
    const item = await c.ddb.send(new GetItemCommand({ TableName: 'dsr-requests', Key: { pk: { S: 'REQ#persist' }, sk: { S: 'REQUEST' } } }));
    expect(item.Item?.n).toEqual({ N: '42' });
    const obj = await c.s3.send(new GetObjectCommand({ Bucket: 'dsr-packages', Key: 'test/persist.txt' }));
    expect(await obj.Body!.transformToString()).toBe('kept');
    const dan = await c.ddb.send(new GetItemCommand({ TableName: 'demo-members', Key: { memberId: { S: 'm-1003' } } }));
    expect(dan.Item).toBeUndefined();
    expect((await c.ddb.send(new ListTablesCommand({}))).TableNames).toContain('scratch');
  });

  it('refuses to start a second runtime of this process on other ports once handlers are loaded', async () => {
    const servers = listeningServers();
    await expect(start()).rejects.toThrow(/same ports/);
    // that failed start left nothing listening (a closed server's handle goes on the next turns of
    // the event loop), and the running runtime is unaffected
    await poll(async () => (listeningServers() === servers ? true : undefined), {
      timeoutMs: 5_000,
      failure: () => `${listeningServers()} servers, ${servers} before`,
    });
    expect(process.env.AWS_ENDPOINT_URL_DYNAMODB).toBe(rt.urls.dynamodb);
    expect((await fetch(`${rt.urls.gateway}/`)).status).toBe(200);
  });
});
