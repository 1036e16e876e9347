/**
 * Synthesizes the CDK stack in process (asset bundling skipped) and derives from the template
 * what the local runtime needs: the state machine's ASL, the Lambda → handler module map, the
 * HTTP routes (with their JWT authorizers), the requests table's keys and indexes, the package
 * bucket's lifecycle rules, and the sweep schedule.
 *
 * `synthTemplate()` needs infra/stack.ts; `readStackModel(template)` is pure and works on any
 * template of the same shape (the tests use it on fixtures too).
 */
import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkPattern, type EventPattern } from './event-rules.ts';
import type { SesEventType } from './ses-feedback.ts';

export const LOCAL_REGION = 'us-east-1';
export const LOCAL_ACCOUNT = '000000000000';
export const STACK_ID = 'GdprDsr';
/**
 * The name the stack's SES configuration set has locally (in AWS, CloudFormation names it): the
 * functions' `SES_CONFIGURATION_SET`, and what a reference to it in an event pattern resolves to.
 */
export const LOCAL_CONFIGURATION_SET = 'dsr-sending';

/** The repository root (this file lives in local/). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The ARN a Lambda of the template stands under locally: its logical id is the function name. */
export function localLambdaArn(logicalId: string): string {
  return `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT}:function:${logicalId}`;
}

export function localStateMachineArn(name: string): string {
  return `arn:aws:states:${LOCAL_REGION}:${LOCAL_ACCOUNT}:stateMachine:${name}`;
}

const LAMBDA_ARN_RE = /^arn:aws:lambda:[a-z0-9-]+:\d{12}:function:([A-Za-z0-9_-]+)(?::[$A-Za-z0-9_-]+)?$/;

/** The logical id behind a local Lambda ARN (optionally qualified, e.g. `:$LATEST`). */
export function logicalIdFromLambdaArn(arn: string): string | undefined {
  return LAMBDA_ARN_RE.exec(arn)?.[1];
}

export type CfnTemplate = { Resources?: Record<string, CfnResource>; [k: string]: unknown };
export type CfnResource = {
  Type: string;
  Properties?: Record<string, any>;
  Metadata?: Record<string, any>;
  [k: string]: unknown;
};

export interface LambdaModel {
  logicalId: string;
  /** Repo-relative handler module, from the function's `dsr:entry` metadata. */
  entry: string;
  timeoutSeconds: number;
  memoryMb: number;
  /** Environment variables whose values are plain strings in the template (no references). */
  literalEnvironment: Record<string, string>;
}

export interface TaskStateModel {
  /** The state's name; nested (Map/Parallel) states share the namespace, as in the ASL. */
  stateName: string;
  functionLogicalId: string;
  /**
   * `invoke`: Resource `arn:aws:states:::lambda:invoke` with Parameters.FunctionName (output is the
   * invoke response); `waitForTaskToken`: `arn:aws:states:::lambda:invoke.waitForTaskToken`, the same
   * Parameters, and the task waits for SendTaskSuccess/Failure with its token (output is the
   * `output` sent); `direct`: the Lambda ARN is the Resource.
   */
  integration: 'invoke' | 'waitForTaskToken' | 'direct';
  /** Where the state sits, e.g. ['Branches', 'RunProcessor']. */
  path: string[];
}

export interface RouteModel {
  routeKey: string;
  /** Upper-case method, or ANY; undefined for `$default`. */
  method?: string;
  /** e.g. /v1/requests/{requestId}/verify; undefined for `$default`. */
  path?: string;
  functionLogicalId: string;
  payloadFormatVersion: string;
  /** The route's JWT authorizer (`AuthorizationType: JWT`); undefined for a public route (`NONE`). */
  authorizer?: JwtAuthorizerModel;
  /** The stage's throttle of this route: its `RouteSettings`, else the stage's `DefaultRouteSettings`; undefined when neither sets one. */
  throttle?: RouteThrottle;
}

/** A route's token bucket as API Gateway applies it: `rateLimit` requests a second, up to `burstLimit` at once. */
export interface RouteThrottle {
  rateLimit: number;
  burstLimit: number;
}

/**
 * A JWT authorizer of the HTTP API (`AWS::ApiGatewayV2::Authorizer`, `AuthorizerType: JWT`), as a
 * route uses it.
 *
 * The one place the local runtime departs from the template here: the authorizer's
 * `JwtConfiguration.Issuer` and `Audience` are CloudFormation references to the staff user pool
 * (`https://cognito-idp.<region>.amazonaws.com/<pool id>`) and its app client id, which exist only
 * once deployed. Locally every JWT authorizer trusts the local stand-in for Cognito instead
 * (`local/staff-auth.ts`): issuer `<gateway>/local`, audience `local-console`, its own
 * RS256 key. What the template says is kept here (`templateIssuer`, `templateAudience`, the pool
 * and client it names) so the substitution is visible and checked, not silent: an authorizer
 * whose issuer is not a user pool of this stack is refused at start.
 */
export interface JwtAuthorizerModel {
  logicalId: string;
  /** Where the token is read from: `$request.header.<Name>` or `$request.querystring.<name>`. */
  identitySource: string;
  /** The route's `AuthorizationScopes`: the token's `scope` must hold one of them; empty: no check. */
  scopes: string[];
  /** The issuer as the template writes it, references shown as `${LogicalId}` (informational). */
  templateIssuer: string;
  /** The audiences as the template writes them (informational). */
  templateAudience: string[];
  /** The `AWS::Cognito::UserPool` the issuer names. */
  userPoolLogicalId: string;
  /** The `AWS::Cognito::UserPoolClient`s the audience names. */
  clientLogicalIds: string[];
}

export interface TableModel {
  logicalId: string;
  KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
  AttributeDefinitions: { AttributeName: string; AttributeType: 'S' | 'N' | 'B' }[];
  GlobalSecondaryIndexes?: {
    IndexName: string;
    KeySchema: { AttributeName: string; KeyType: 'HASH' | 'RANGE' }[];
    Projection: { ProjectionType?: string; NonKeyAttributes?: string[] };
  }[];
  LocalSecondaryIndexes?: TableModel['GlobalSecondaryIndexes'];
}

export interface ScheduleModel {
  logicalId: string;
  expression: string;
  functionLogicalId: string;
  /** The target's Input (JSON), or undefined. */
  input?: string;
  /** The time zone a cron or at expression is read in (`ScheduleExpressionTimezone`; default UTC). */
  timezone?: string;
  /** Whether the schedule is enabled (`State`); a disabled schedule never fires. */
  enabled: boolean;
}

/**
 * A rule of a bucket's lifecycle configuration the local runtime carries out: objects under
 * `prefix` expire `expirationDays` after they were written (or at `expirationDate`).
 */
export interface LifecycleRuleModel {
  id: string;
  prefix: string;
  expirationDays?: number;
  /** ISO date: every object under the prefix expires from then on. */
  expirationDate?: string;
  /** Days after which an unfinished multipart upload is aborted (not carried out locally: s3rver lists none). */
  abortIncompleteUploadDays?: number;
}

/** The bucket the functions get as PACKAGE_BUCKET, with its enabled lifecycle rules. */
export interface BucketModel {
  logicalId: string;
  lifecycleRules: LifecycleRuleModel[];
}

export interface StackModel {
  stateMachine: {
    logicalId: string;
    name: string;
    /** The ASL exactly as the template defines it, Lambda ARNs replaced by local ARNs. */
    definition: Record<string, any>;
    taskStates: TaskStateModel[];
  };
  functions: Map<string, LambdaModel>;
  routes: RouteModel[];
  requestsTable: TableModel;
  schedules: ScheduleModel[];
  /** The template's Secrets Manager secrets, with the function variables that name them (`{Ref}`: the ARN). */
  secrets: SecretModel[];
  /** Undefined when no function is given PACKAGE_BUCKET (a template of another shape). */
  packageBucket?: BucketModel;
  /** EventBridge rules on the default bus that invoke functions of the template. */
  eventRules: EventRuleModel[];
  /** The SES event types each configuration set publishes to EventBridge, by its local name. */
  sesEventDestinations: Map<string, Set<SesEventType>>;
}

/** An enabled rule of the default event bus with its pattern (references resolved) and the functions it invokes. */
export interface EventRuleModel {
  logicalId: string;
  pattern: EventPattern;
  functionLogicalIds: string[];
}

/** A secret of the template (`AWS::SecretsManager::Secret`) and the variables that carry its ARN. */
export interface SecretModel {
  logicalId: string;
  variables: string[];
}

let synthesized: Promise<CfnTemplate> | undefined;

/**
 * The variable naming a file that caches the template between processes: the test suite sets it
 * (test/harness/global-setup.ts) so that its files, each in a process of its own, synthesize
 * once between them rather than once each. The file holds what synthesis gave, so nothing differs.
 */
export const TEMPLATE_CACHE_VARIABLE = 'DSR_TEMPLATE_CACHE';

/**
 * Synthesizes infra/stack.ts in process, with asset bundling skipped, and returns its template.
 * Once per process: the stack's modules stay cached anyway, so a restart in the same process
 * (tests) would get the same template.
 */
export function synthTemplate(): Promise<CfnTemplate> {
  const cache = process.env[TEMPLATE_CACHE_VARIABLE];
  synthesized ??= (cache ? cachedSynth(cache) : synthOnce()).catch((e: unknown) => {
    synthesized = undefined;
    throw e;
  });
  return synthesized.then((t) => structuredClone(t));
}

async function cachedSynth(file: string): Promise<CfnTemplate> {
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8')) as CfnTemplate;
  const json = JSON.stringify(await synthOnce());
  // Written whole, then renamed: a process reading it at the same moment never sees half of it.
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, json);
  await rename(partial, file);
  // What the other processes read, so this one runs the very same template.
  return JSON.parse(json) as CfnTemplate;
}

async function synthOnce(): Promise<CfnTemplate> {
  const stackFile = resolve(REPO_ROOT, 'infra', 'stack.ts');
  if (!existsSync(stackFile)) throw new Error('infra/stack.ts does not exist yet: the local runtime needs the CDK stack');
  const [{ App }, stackModule] = await Promise.all([
    import('aws-cdk-lib'),
    import(pathToFileURL(stackFile).href) as Promise<{ DsrStack: new (scope: unknown, id: string, props?: unknown) => unknown }>,
  ]);
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  new stackModule.DsrStack(app, STACK_ID);
  return app.synth().getStackByName(STACK_ID).template as CfnTemplate;
}

/** Synthesizes the stack and derives the local runtime's model from it. */
export async function synthStackModel(): Promise<StackModel> {
  return readStackModel(await synthTemplate());
}

function resourcesOfType(t: CfnTemplate, ...types: string[]): [string, CfnResource][] {
  return Object.entries(t.Resources ?? {}).filter(([, r]) => types.includes(r.Type));
}

/** A function's logical id from `{Fn::GetAtt:[id,'Arn']}`, `{Ref:id}` or a local ARN. */
function lambdaTargetId(value: unknown, t: CfnTemplate): string | undefined {
  const isLambda = (id: unknown): id is string => typeof id === 'string' && t.Resources?.[id]?.Type === 'AWS::Lambda::Function';
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (Array.isArray(v['Fn::GetAtt']) && isLambda(v['Fn::GetAtt'][0])) return v['Fn::GetAtt'][0];
    if (isLambda(v.Ref)) return v.Ref;
    // `arn:...:function:<name>` built with Fn::Join around a Ref
    if (Array.isArray(v['Fn::Join'])) {
      for (const part of v['Fn::Join'][1] ?? []) {
        const id = lambdaTargetId(part, t);
        if (id) return id;
      }
    }
  }
  return undefined;
}

/**
 * Resolves a CloudFormation value to a string for the local runtime: pseudo parameters to the
 * local region/account, a Lambda's ARN to its local ARN, a Lambda's Ref to its logical id.
 * Anything else fails with a message naming it, so the gap is visible.
 */
export function resolveCfnString(value: unknown, t: CfnTemplate, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if ('Fn::Join' in v) {
      const [sep, parts] = v['Fn::Join'] as [string, unknown[]];
      return parts.map((p) => resolveCfnString(p, t, where)).join(sep);
    }
    if ('Ref' in v) {
      switch (v.Ref) {
        case 'AWS::Partition':
          return 'aws';
        case 'AWS::Region':
          return LOCAL_REGION;
        case 'AWS::AccountId':
          return LOCAL_ACCOUNT;
        case 'AWS::URLSuffix':
          return 'amazonaws.com';
        case 'AWS::StackName':
          return STACK_ID;
      }
      if (t.Resources?.[v.Ref]?.Type === 'AWS::Lambda::Function') return v.Ref;
    }
    if ('Fn::GetAtt' in v) {
      const [id, attr] = v['Fn::GetAtt'] as [string, string];
      if (t.Resources?.[id]?.Type === 'AWS::Lambda::Function' && attr === 'Arn') return localLambdaArn(id);
    }
  }
  throw new Error(`${where}: the local runtime cannot resolve ${JSON.stringify(value)}`);
}

function readFunctions(t: CfnTemplate): Map<string, LambdaModel> {
  const functions = new Map<string, LambdaModel>();
  for (const [id, r] of resourcesOfType(t, 'AWS::Lambda::Function')) {
    const entry = r.Metadata?.['dsr:entry'];
    if (typeof entry !== 'string') continue; // not one of ours (e.g. a CDK custom resource provider)
    const literalEnvironment: Record<string, string> = {};
    for (const [k, v] of Object.entries<unknown>(r.Properties?.Environment?.Variables ?? {})) {
      if (typeof v === 'string') literalEnvironment[k] = v;
    }
    functions.set(id, {
      logicalId: id,
      entry,
      timeoutSeconds: Number(r.Properties?.Timeout ?? 3),
      memoryMb: Number(r.Properties?.MemorySize ?? 128),
      literalEnvironment,
    });
  }
  return functions;
}

/** Every Task state (nested ones included) with the Lambda it invokes. */
export function taskStatesOf(definition: Record<string, any>): TaskStateModel[] {
  const out: TaskStateModel[] = [];
  const walk = (states: Record<string, any>, path: string[]) => {
    for (const [name, state] of Object.entries(states)) {
      if (state.Type === 'Task') {
        const resource: string = state.Resource;
        let fnArn: unknown;
        let integration: TaskStateModel['integration'];
        if (/^arn:aws:states:::lambda:invoke$/.test(resource)) {
          fnArn = state.Parameters?.FunctionName;
          integration = 'invoke';
        } else if (/^arn:aws:states:::lambda:invoke\.waitForTaskToken$/.test(resource)) {
          fnArn = state.Parameters?.FunctionName;
          integration = 'waitForTaskToken';
        } else if (logicalIdFromLambdaArn(resource)) {
          fnArn = resource;
          integration = 'direct';
        } else {
          throw new Error(
            `Task state ${name}: resource ${resource} is not supported by the local runtime (Lambda only: direct, lambda:invoke, lambda:invoke.waitForTaskToken)`,
          );
        }
        const fnId = typeof fnArn === 'string' ? logicalIdFromLambdaArn(fnArn) : undefined;
        if (!fnId) throw new Error(`Task state ${name}: cannot tell which Lambda it invokes`);
        out.push({ stateName: name, functionLogicalId: fnId, integration, path: [...path, name] });
      }
      const nested = state.ItemProcessor ?? state.Iterator;
      if (nested?.States) walk(nested.States, [...path, name]);
      for (const branch of state.Branches ?? []) walk(branch.States ?? {}, [...path, name]);
    }
  };
  walk(definition.States ?? {}, []);
  return out;
}

function readStateMachine(t: CfnTemplate): StackModel['stateMachine'] {
  const machines = resourcesOfType(t, 'AWS::StepFunctions::StateMachine');
  if (machines.length !== 1) throw new Error(`expected one state machine in the template, found ${machines.length}`);
  const [logicalId, r] = machines[0]!;
  const props = r.Properties ?? {};
  let text = resolveCfnString(props.DefinitionString, t, `state machine ${logicalId} DefinitionString`);
  for (const [k, v] of Object.entries<unknown>(props.DefinitionSubstitutions ?? {})) {
    text = text.split(`\${${k}}`).join(resolveCfnString(v, t, `DefinitionSubstitutions.${k}`));
  }
  const definition = JSON.parse(text) as Record<string, any>;
  const name = typeof props.StateMachineName === 'string' ? props.StateMachineName : logicalId;
  const taskStates = taskStatesOf(definition);
  const seen = new Map<string, string>();
  for (const s of taskStates) {
    const other = seen.get(s.stateName);
    if (other && other !== s.functionLogicalId) throw new Error(`two Task states are named ${s.stateName}`);
    seen.set(s.stateName, s.functionLogicalId);
  }
  return { logicalId, name, definition, taskStates };
}

/** A CloudFormation value as text, references shown as `${LogicalId}` or `${LogicalId.Attr}`: for messages and the model's record of what it replaced. */
function describeCfn(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const v = value as Record<string, any>;
    if (Array.isArray(v['Fn::Join'])) return (v['Fn::Join'][1] as unknown[]).map(describeCfn).join(v['Fn::Join'][0]);
    if (typeof v.Ref === 'string') return `\${${v.Ref}}`;
    if (Array.isArray(v['Fn::GetAtt'])) return `\${${v['Fn::GetAtt'].join('.')}}`;
  }
  return JSON.stringify(value);
}

/** Logical ids of resources of a type that a CloudFormation value references (Ref or GetAtt, nested in Fn::Join too). */
function referencedOfType(value: unknown, t: CfnTemplate, type: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!v || typeof v !== 'object') return;
    const o = v as Record<string, any>;
    const id = typeof o.Ref === 'string' ? o.Ref : Array.isArray(o['Fn::GetAtt']) ? o['Fn::GetAtt'][0] : undefined;
    if (typeof id === 'string' && t.Resources?.[id]?.Type === type) out.push(id);
    for (const inner of Object.values(o)) walk(inner);
  };
  walk(value);
  return [...new Set(out)];
}

/**
 * A route's JWT authorizer, read from the template (see {@link JwtAuthorizerModel} for why its
 * issuer and audience are replaced by the local ones). Anything the local runtime cannot stand
 * in for faithfully (IAM or Lambda authorizers, another identity provider) stops the start with a
 * message, rather than serving the route unprotected.
 */
function readJwtAuthorizer(route: CfnResource, routeKey: string, t: CfnTemplate): JwtAuthorizerModel | undefined {
  const type = route.Properties?.AuthorizationType ?? 'NONE';
  if (type === 'NONE') return undefined;
  if (type !== 'JWT') throw new Error(`route ${routeKey}: AuthorizationType ${type} is not supported by the local runtime (NONE and JWT only)`);
  const ref = route.Properties?.AuthorizerId;
  const logicalId = typeof ref === 'string' ? ref : ref?.Ref;
  const authorizer = typeof logicalId === 'string' ? t.Resources?.[logicalId] : undefined;
  if (authorizer?.Type !== 'AWS::ApiGatewayV2::Authorizer') throw new Error(`route ${routeKey}: cannot find its authorizer`);
  const p = authorizer.Properties ?? {};
  if (p.AuthorizerType !== 'JWT') throw new Error(`route ${routeKey}: authorizer ${logicalId} is of type ${p.AuthorizerType}, not JWT`);
  const sources: unknown[] = Array.isArray(p.IdentitySource) ? p.IdentitySource : [p.IdentitySource];
  const identitySource = sources[0];
  if (sources.length !== 1 || typeof identitySource !== 'string' || !/^\$request\.(header|querystring)\.[^.]+$/.test(identitySource)) {
    throw new Error(
      `route ${routeKey}: a JWT authorizer's identity source must be one $request.header.<name> or $request.querystring.<name>, got ${JSON.stringify(p.IdentitySource)}`,
    );
  }
  const issuer = p.JwtConfiguration?.Issuer;
  const audience: unknown[] = p.JwtConfiguration?.Audience ?? [];
  // The issuer must be a user pool of this stack: that is what staff-auth.ts stands in for.
  const pools = referencedOfType(issuer, t, 'AWS::Cognito::UserPool');
  if (pools.length !== 1 || !/^https:\/\/cognito-idp\./.test(describeCfn(issuer))) {
    throw new Error(
      `route ${routeKey}: the local runtime stands in for a Cognito user pool of this stack only; authorizer ${logicalId} trusts ${describeCfn(issuer)}`,
    );
  }
  const clients = referencedOfType(audience, t, 'AWS::Cognito::UserPoolClient');
  if (!audience.length || clients.length !== audience.length) {
    throw new Error(
      `route ${routeKey}: authorizer ${logicalId}'s audience must be app clients of this stack's user pool, got ${audience.map(describeCfn).join(', ') || 'none'}`,
    );
  }
  const scopes: unknown[] = route.Properties?.AuthorizationScopes ?? [];
  return {
    logicalId,
    identitySource,
    scopes: scopes.map((s) => resolveCfnString(s, t, `route ${routeKey} AuthorizationScopes`)),
    templateIssuer: describeCfn(issuer),
    templateAudience: audience.map(describeCfn),
    userPoolLogicalId: pools[0]!,
    clientLogicalIds: clients,
  };
}

/** The throttle of each route key from the HTTP API's stage (one stage: `$default`). */
function readThrottles(t: CfnTemplate): (routeKey: string) => RouteThrottle | undefined {
  type Settings = { ThrottlingRateLimit?: number; ThrottlingBurstLimit?: number };
  const stage = resourcesOfType(t, 'AWS::ApiGatewayV2::Stage')[0]?.[1];
  const defaults: Settings = stage?.Properties?.DefaultRouteSettings ?? {};
  const perRoute: Record<string, Settings> = stage?.Properties?.RouteSettings ?? {};
  return (routeKey) => {
    const own = perRoute[routeKey] ?? {};
    const rateLimit = own.ThrottlingRateLimit ?? defaults.ThrottlingRateLimit;
    const burstLimit = own.ThrottlingBurstLimit ?? defaults.ThrottlingBurstLimit;
    return rateLimit === undefined || burstLimit === undefined ? undefined : { rateLimit: Number(rateLimit), burstLimit: Number(burstLimit) };
  };
}

function readRoutes(t: CfnTemplate): RouteModel[] {
  const routes: RouteModel[] = [];
  const throttleOf = readThrottles(t);
  for (const [id, r] of resourcesOfType(t, 'AWS::ApiGatewayV2::Route')) {
    const routeKey: string = r.Properties?.RouteKey;
    const target = r.Properties?.Target;
    // Target: "integrations/<IntegrationId>" as Fn::Join ["", ["integrations/", {Ref: IntegrationId}]]
    let integrationId: string | undefined;
    if (target && typeof target === 'object' && Array.isArray(target['Fn::Join'])) {
      const parts: unknown[] = target['Fn::Join'][1];
      const ref = parts.find((p): p is { Ref: string } => !!p && typeof p === 'object' && 'Ref' in p);
      integrationId = ref?.Ref;
    } else if (typeof target === 'string') {
      integrationId = target.replace(/^integrations\//, '');
    }
    const integration = integrationId ? t.Resources?.[integrationId] : undefined;
    if (integration?.Type !== 'AWS::ApiGatewayV2::Integration') {
      throw new Error(`route ${id} (${routeKey}): cannot find its integration`);
    }
    const fnId = lambdaTargetId(integration.Properties?.IntegrationUri, t);
    if (!fnId) throw new Error(`route ${routeKey}: its integration does not target a Lambda of this stack`);
    const [method, path] = routeKey === '$default' ? [undefined, undefined] : routeKey.split(' ', 2);
    const authorizer = readJwtAuthorizer(r, routeKey, t);
    routes.push({
      routeKey,
      method: method?.toUpperCase(),
      path,
      functionLogicalId: fnId,
      payloadFormatVersion: String(integration.Properties?.PayloadFormatVersion ?? '2.0'),
      ...(authorizer ? { authorizer } : {}),
      ...(throttleOf(routeKey) ? { throttle: throttleOf(routeKey)! } : {}),
    });
  }
  return routes;
}

function readRequestsTable(t: CfnTemplate): TableModel {
  const tables = resourcesOfType(t, 'AWS::DynamoDB::Table', 'AWS::DynamoDB::GlobalTable');
  // The requests table is the one handed to the functions as REQUESTS_TABLE.
  let logicalId: string | undefined;
  for (const [, fn] of resourcesOfType(t, 'AWS::Lambda::Function')) {
    const ref = fn.Properties?.Environment?.Variables?.REQUESTS_TABLE?.Ref;
    if (typeof ref === 'string' && tables.some(([id]) => id === ref)) logicalId = ref;
  }
  if (!logicalId && tables.length === 1) logicalId = tables[0]![0];
  if (!logicalId) throw new Error(`cannot tell the requests table among ${tables.length} tables (no function has REQUESTS_TABLE)`);
  const p = t.Resources![logicalId]!.Properties ?? {};
  const index = (i: any) => ({
    IndexName: i.IndexName,
    KeySchema: i.KeySchema,
    Projection: i.Projection ?? { ProjectionType: 'ALL' },
  });
  return {
    logicalId,
    KeySchema: p.KeySchema,
    AttributeDefinitions: p.AttributeDefinitions,
    ...(p.GlobalSecondaryIndexes?.length ? { GlobalSecondaryIndexes: p.GlobalSecondaryIndexes.map(index) } : {}),
    ...(p.LocalSecondaryIndexes?.length ? { LocalSecondaryIndexes: p.LocalSecondaryIndexes.map(index) } : {}),
  };
}

/**
 * The package bucket's lifecycle rules. A rule whose filter the local runtime cannot evaluate (tags,
 * object sizes) stops the start: applying it to no object would keep data AWS deletes.
 */
export function readPackageBucket(t: CfnTemplate): BucketModel | undefined {
  let logicalId: string | undefined;
  for (const [, fn] of resourcesOfType(t, 'AWS::Lambda::Function')) {
    const ref = fn.Properties?.Environment?.Variables?.PACKAGE_BUCKET?.Ref;
    if (typeof ref === 'string' && t.Resources?.[ref]?.Type === 'AWS::S3::Bucket') logicalId = ref;
  }
  if (!logicalId) return undefined;
  const rules: unknown[] = t.Resources![logicalId]!.Properties?.LifecycleConfiguration?.Rules ?? [];
  const lifecycleRules: LifecycleRuleModel[] = [];
  for (const raw of rules) {
    const r = raw as Record<string, any>;
    if (r.Status !== 'Enabled') continue;
    const id = String(r.Id ?? `rule ${lifecycleRules.length + 1}`);
    const unsupported = ['TagFilters', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan'].filter((k) => r[k] !== undefined);
    if (unsupported.length) throw new Error(`bucket ${logicalId}, lifecycle rule ${id}: the local runtime cannot apply ${unsupported.join(', ')}`);
    lifecycleRules.push({
      id,
      prefix: typeof r.Prefix === 'string' ? r.Prefix : '',
      ...(r.ExpirationInDays !== undefined ? { expirationDays: Number(r.ExpirationInDays) } : {}),
      ...(typeof r.ExpirationDate === 'string' ? { expirationDate: r.ExpirationDate } : {}),
      ...(r.AbortIncompleteMultipartUpload ? { abortIncompleteUploadDays: Number(r.AbortIncompleteMultipartUpload.DaysAfterInitiation) } : {}),
    });
  }
  return { logicalId, lifecycleRules };
}

function readSchedules(t: CfnTemplate): ScheduleModel[] {
  const out: ScheduleModel[] = [];
  for (const [id, r] of resourcesOfType(t, 'AWS::Scheduler::Schedule')) {
    const fnId = lambdaTargetId(r.Properties?.Target?.Arn, t);
    if (!fnId) continue;
    const input = r.Properties?.Target?.Input;
    const timezone = r.Properties?.ScheduleExpressionTimezone;
    out.push({
      logicalId: id,
      expression: String(r.Properties?.ScheduleExpression),
      functionLogicalId: fnId,
      ...(typeof input === 'string' ? { input } : {}),
      ...(typeof timezone === 'string' ? { timezone } : {}),
      enabled: r.Properties?.State !== 'DISABLED',
    });
  }
  return out;
}

/** Derives the local runtime's model from a synthesized template. */
export function readStackModel(template: CfnTemplate): StackModel {
  const functions = readFunctions(template);
  const stateMachine = readStateMachine(template);
  const routes = readRoutes(template);
  for (const id of [...stateMachine.taskStates.map((s) => s.functionLogicalId), ...routes.map((r) => r.functionLogicalId)]) {
    if (!functions.has(id)) throw new Error(`Lambda ${id} has no dsr:entry metadata: use the house function construct`);
  }
  const schedules = readSchedules(template);
  const packageBucket = readPackageBucket(template);
  const eventRules = readEventRules(template);
  for (const id of eventRules.flatMap((r) => r.functionLogicalIds)) {
    if (!functions.has(id)) throw new Error(`Lambda ${id} has no dsr:entry metadata: use the house function construct`);
  }
  return {
    eventRules,
    sesEventDestinations: readSesEventDestinations(template),
    stateMachine,
    functions,
    routes,
    requestsTable: readRequestsTable(template),
    schedules,
    secrets: readSecrets(template),
    ...(packageBucket ? { packageBucket } : {}),
  };
}

/** A value of an event pattern with the stack's configuration set's name resolved to its local name. */
function resolvePatternValue(value: unknown, t: CfnTemplate, where: string): unknown {
  if (Array.isArray(value)) return value.map((v) => resolvePatternValue(v, t, where));
  if (!value || typeof value !== 'object') return value;
  const v = value as Record<string, unknown>;
  if (typeof v.Ref === 'string') {
    if (t.Resources?.[v.Ref]?.Type === 'AWS::SES::ConfigurationSet') return LOCAL_CONFIGURATION_SET;
    return resolveCfnString(v, t, where);
  }
  if ('Fn::Join' in v || 'Fn::GetAtt' in v) return resolveCfnString(v, t, where);
  return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, resolvePatternValue(inner, t, where)]));
}

/** Whether a rule's bus is the default one (no name, `default`, or its ARN). */
function onDefaultBus(busName: unknown): boolean {
  if (busName === undefined || busName === 'default') return true;
  return typeof busName === 'string' && busName.endsWith(':event-bus/default');
}

function readEventRules(t: CfnTemplate): EventRuleModel[] {
  const out: EventRuleModel[] = [];
  for (const [id, r] of resourcesOfType(t, 'AWS::Events::Rule')) {
    const p = r.Properties ?? {};
    if (p.State === 'DISABLED' || !p.EventPattern) continue;
    if (!onDefaultBus(p.EventBusName)) throw new Error(`event rule ${id}: the local runtime emulates the default event bus only`);
    const pattern = resolvePatternValue(p.EventPattern, t, `event rule ${id}`);
    checkPattern(pattern, `event rule ${id}`);
    const targets: unknown[] = p.Targets ?? [];
    const functionLogicalIds = targets.map((target) => {
      const fnId = lambdaTargetId((target as { Arn?: unknown }).Arn, t);
      if (!fnId) throw new Error(`event rule ${id}: the local runtime invokes Lambda targets of this stack only`);
      return fnId;
    });
    out.push({ logicalId: id, pattern, functionLogicalIds });
  }
  return out;
}

/** Each configuration set's event destinations to EventBridge: which SES event types it publishes. */
function readSesEventDestinations(t: CfnTemplate): Map<string, Set<SesEventType>> {
  const out = new Map<string, Set<SesEventType>>();
  for (const [, r] of resourcesOfType(t, 'AWS::SES::ConfigurationSetEventDestination')) {
    const d = r.Properties?.EventDestination ?? {};
    if (d.Enabled === false || !d.EventBridgeDestination) continue;
    const ref = r.Properties?.ConfigurationSetName?.Ref;
    const name =
      typeof ref === 'string' && t.Resources?.[ref]?.Type === 'AWS::SES::ConfigurationSet' ? LOCAL_CONFIGURATION_SET : r.Properties?.ConfigurationSetName;
    if (typeof name !== 'string') continue;
    const types = out.get(name) ?? new Set<SesEventType>();
    for (const type of (d.MatchingEventTypes ?? []) as string[]) {
      const upper = type.toUpperCase();
      if (upper === 'BOUNCE' || upper === 'COMPLAINT') types.add(upper);
    }
    out.set(name, types);
  }
  return out;
}

function readSecrets(t: CfnTemplate): SecretModel[] {
  return resourcesOfType(t, 'AWS::SecretsManager::Secret').map(([logicalId]) => {
    const variables = new Set<string>();
    for (const [, fn] of resourcesOfType(t, 'AWS::Lambda::Function')) {
      for (const [name, value] of Object.entries<unknown>(fn.Properties?.Environment?.Variables ?? {})) {
        if (value && typeof value === 'object' && (value as { Ref?: unknown }).Ref === logicalId) variables.add(name);
      }
    }
    return { logicalId, variables: [...variables].sort() };
  });
}

/** `rate(15 minutes)` → milliseconds; undefined for cron/at expressions. */
export function rateToMs(expression: string): number | undefined {
  const m = /^rate\(\s*(\d+)\s+(minute|minutes|hour|hours|day|days)\s*\)$/.exec(expression.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = m[2]!.startsWith('minute') ? 60_000 : m[2]!.startsWith('hour') ? 3_600_000 : 86_400_000;
  return n * unit;
}
