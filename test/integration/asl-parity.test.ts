/**
 * One definition, two runtimes: the state machine the local Step Functions endpoint runs is the
 * one CDK synthesizes, with only the Lambda ARNs substituted, and every Task state runs an
 * existing handler module. What the endpoint hands aws-local-stepfunctions differs from it in
 * exactly two ways, both checked here: Tasks without a timeout get the setTimeout ceiling (they
 * wait for their Lambda's own timeout, as in AWS), and `lambda:invoke.waitForTaskToken` Tasks carry
 * their TimeoutSeconds[Path]/HeartbeatSeconds[Path] inside wrapped Parameters (the endpoint
 * enforces them; `$$.Task.Token` is left as it is and bound per attempt at run time).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DescribeStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { LambdaHost } from '../../local/lambda-host';
import { executableDefinition, LocalStepFunctions, MAX_TASK_TIMEOUT_SECONDS } from '../../local/sfn-endpoint';
import { type CfnTemplate, REPO_ROOT, readStackModel, type StackModel, synthTemplate } from '../../local/synth';
import { serveSecrets } from '../harness/secrets';

let template: CfnTemplate;
let model: StackModel;
let endpoint: LocalStepFunctions;
let sfn: SFNClient;

const LOCAL_ARN_PREFIX = 'arn:aws:lambda:us-east-1:000000000000:function:';

/**
 * The template's DefinitionString resolved independently of local: each Lambda's
 * `Fn::GetAtt [id, Arn]` becomes `<prefix><id>`, the partition pseudo parameter `aws`;
 * any other intrinsic fails the test.
 */
function definitionFromTemplate(t: CfnTemplate): { asl: Record<string, any>; lambdaIds: string[] } {
  const machines = Object.values(t.Resources ?? {}).filter((r) => r.Type === 'AWS::StepFunctions::StateMachine');
  expect(machines).toHaveLength(1);
  const def = machines[0]!.Properties!.DefinitionString;
  const parts: unknown[] = typeof def === 'string' ? [def] : def['Fn::Join'][1];
  expect(typeof def === 'string' || def['Fn::Join'][0] === '').toBe(true);
  const lambdaIds: string[] = [];
  const text = parts
    .map((p) => {
      if (typeof p === 'string') return p;
      const part = p as Record<string, any>;
      if (part.Ref === 'AWS::Partition') return 'aws';
      const [id, attr] = part['Fn::GetAtt'] ?? [];
      if (attr === 'Arn' && t.Resources?.[id]?.Type === 'AWS::Lambda::Function') {
        lambdaIds.push(id);
        return LOCAL_ARN_PREFIX + id;
      }
      throw new Error(`unexpected part in DefinitionString: ${JSON.stringify(p)}`);
    })
    .join('');
  return { asl: JSON.parse(text), lambdaIds };
}

/** Every state, nested ones included, by name. */
function allStates(asl: Record<string, any>): Map<string, Record<string, any>> {
  const out = new Map<string, Record<string, any>>();
  const walk = (states: Record<string, any>) => {
    for (const [name, state] of Object.entries(states)) {
      expect(out.has(name), `state names are unique: ${name}`).toBe(false);
      out.set(name, state);
      const nested = state.ItemProcessor ?? state.Iterator;
      if (nested) walk(nested.States);
      for (const b of state.Branches ?? []) walk(b.States);
    }
  };
  walk(asl.States);
  return out;
}

beforeAll(async () => {
  template = await synthTemplate();
  model = readStackModel(template);
  endpoint = new LocalStepFunctions({ stateMachine: model.stateMachine, lambdas: new LambdaHost(model.functions) });
  await endpoint.start(0);
  sfn = new SFNClient({
    endpoint: endpoint.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
});

afterAll(async () => {
  sfn?.destroy();
  await endpoint?.stop();
});

describe('the ASL of the local Step Functions endpoint', () => {
  it("is the template's DefinitionString with only the Lambda ARNs substituted", async () => {
    const { asl: expected, lambdaIds } = definitionFromTemplate(template);
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: endpoint.stateMachineArn }));
    const served = JSON.parse(described.definition!);
    expect(served).toStrictEqual(expected);
    expect(endpoint.definition).toStrictEqual(expected);
    // every ARN in it is one of the template's Lambdas, under its local ARN
    const arns = JSON.stringify(served).match(/arn:aws:lambda:[^"]+/g) ?? [];
    expect(arns.length).toBe(lambdaIds.length);
    for (const arn of arns) expect(lambdaIds).toContain(arn.slice(LOCAL_ARN_PREFIX.length));
  });

  it('keeps the same states, Retry and Catch, and Map configuration', () => {
    const { asl: expected } = definitionFromTemplate(template);
    const want = allStates(expected);
    const have = allStates(endpoint.definition);
    expect([...have.keys()].sort()).toEqual([...want.keys()].sort());
    expect(endpoint.definition.StartAt).toBe(expected.StartAt);
    for (const [name, state] of want) {
      const local = have.get(name)!;
      expect(local.Type, name).toBe(state.Type);
      expect(local.Retry, `${name} Retry`).toStrictEqual(state.Retry);
      expect(local.Catch, `${name} Catch`).toStrictEqual(state.Catch);
      expect(local.Next, `${name} Next`).toBe(state.Next);
      if (state.Type === 'Map') {
        for (const key of ['ItemsPath', 'MaxConcurrency', 'ItemSelector', 'ResultPath', 'ItemProcessor', 'Iterator']) {
          expect(local[key], `${name} ${key}`).toStrictEqual(state[key]);
        }
      }
    }
  });

  it('runs that definition with exactly two changes: the Lambda-timeout ceiling, and the timing of waitForTaskToken Tasks inside their Parameters', () => {
    const executed = executableDefinition(endpoint.definition);
    expect(endpoint.executedDefinition).toStrictEqual(executed); // at the default retry scale
    const want = allStates(endpoint.definition);
    const timing = ['TimeoutSeconds', 'TimeoutSecondsPath', 'HeartbeatSeconds', 'HeartbeatSecondsPath'];
    const undone = structuredClone(executed);
    let ceilings = 0;
    for (const [name, state] of allStates(undone)) {
      const original = want.get(name)!;
      if (state.Type !== 'Task') continue;
      expect(original.Resource, `${name} Resource`).toBe(state.Resource);
      if (/^arn:aws:states:::lambda:invoke\.waitForTaskToken$/.test(original.Resource)) {
        // someone must be able to answer it: the token goes out in its Parameters
        expect(JSON.stringify(original.Parameters ?? {}), `${name} passes $$.Task.Token`).toContain('"$$.Task.Token"');
        // 1. {Parameters, TimeoutSeconds | TimeoutSeconds.$, HeartbeatSeconds | HeartbeatSeconds.$}, from the state's own fields
        const wrapped: Record<string, unknown> = { Parameters: original.Parameters };
        if (original.TimeoutSeconds !== undefined) wrapped.TimeoutSeconds = original.TimeoutSeconds;
        if (original.TimeoutSecondsPath !== undefined) wrapped['TimeoutSeconds.$'] = original.TimeoutSecondsPath;
        if (original.HeartbeatSeconds !== undefined) wrapped.HeartbeatSeconds = original.HeartbeatSeconds;
        if (original.HeartbeatSecondsPath !== undefined) wrapped['HeartbeatSeconds.$'] = original.HeartbeatSecondsPath;
        expect(state.Parameters, `${name} Parameters`).toStrictEqual(wrapped);
        // 2. the timing fields leave the state; the library's own Task timer is only the ceiling
        expect(state.TimeoutSeconds, `${name} TimeoutSeconds`).toBe(MAX_TASK_TIMEOUT_SECONDS);
        for (const field of timing.slice(1)) expect(state[field], `${name} ${field}`).toBeUndefined();
        state.Parameters = original.Parameters;
        delete state.TimeoutSeconds;
        for (const field of timing) if (original[field] !== undefined) state[field] = original[field];
      } else if (original.TimeoutSeconds === undefined && original.TimeoutSecondsPath === undefined) {
        expect(state.TimeoutSeconds, `${name} TimeoutSeconds`).toBe(MAX_TASK_TIMEOUT_SECONDS);
        delete state.TimeoutSeconds;
        ceilings++;
      }
    }
    expect(ceilings).toBeGreaterThan(0);
    // with those two undone, nothing differs
    expect(undone).toStrictEqual(endpoint.definition);
  });

  it('maps every Task state to a local handler module that exists and exports handler', async () => {
    const tasks = [...allStates(endpoint.definition)].filter(([, s]) => s.Type === 'Task');
    expect(tasks.length).toBeGreaterThan(0);
    expect(endpoint.taskStateNames.sort()).toEqual(tasks.map(([name]) => name).sort());

    // Handlers read their configuration when imported: give them some (nothing is called).
    Object.assign(process.env, {
      AWS_REGION: 'us-east-1',
      REQUESTS_TABLE: 'dsr-requests',
      PACKAGE_BUCKET: 'dsr-packages',
      STATE_MACHINE_ARN: endpoint.stateMachineArn,
      SENDER_EMAIL: 'privacy@demo-association.example',
      SES_CONFIGURATION_SET: 'dsr-sending',
      PUBLIC_BASE_URL: 'http://localhost:3000',
    });
    const secrets = await serveSecrets({ SUPPRESSION_KEY_SECRET: 'k'.repeat(64) });
    onTestFinished(() => secrets.stop());
    for (const [name] of tasks) {
      const task = model.stateMachine.taskStates.find((t) => t.stateName === name);
      expect(task, name).toBeDefined();
      const fn = model.functions.get(task!.functionLogicalId);
      expect(fn, `${name} → ${task!.functionLogicalId}`).toBeDefined();
      const file = resolve(REPO_ROOT, fn!.entry);
      expect(existsSync(file), `${name} → ${fn!.entry}`).toBe(true);
      const mod = await import(pathToFileURL(file).href);
      expect(typeof mod.handler, `${fn!.entry} exports handler`).toBe('function');
    }
  });

  it('maps every HTTP route and the sweep schedule to an existing handler module too', () => {
    expect(model.routes.length).toBeGreaterThan(0);
    for (const id of [...model.routes.map((r) => r.functionLogicalId), ...model.schedules.map((s) => s.functionLogicalId)]) {
      const fn = model.functions.get(id);
      expect(fn, id).toBeDefined();
      expect(existsSync(resolve(REPO_ROOT, fn!.entry)), fn!.entry).toBe(true);
    }
  });
});
