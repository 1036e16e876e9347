/**
 * Runs one action of a connector definition for one subject: its steps in order, each request
 * templated, authenticated, rate limited, retried on `retry` outcomes after `Retry-After`, its
 * pages followed up to `maxPages`, its records written to the export and its values provided to
 * later steps. Ends with the processor's answer, or with the vendor jobs it started.
 */
import { createHash } from 'node:crypto';
import { type Connector, type ConnectorStep, type Outcome, type RequestTemplate, templateRefs } from '../../domain/connector-schema';
import type { IdentifiedSubject } from '../../domain/identifiers';
import { search } from '../../domain/jmespath';
import type { HttpProcessor } from '../../domain/register-schema';
import type { ProcessorAnswer, Right } from '../../domain/request';
import { JITTER_ALLOWANCE_MS, slotInterval, takeCallSlot } from '../../platform/data/connector-calls';
import { type Credentials, credentials } from './auth';
import { type CallLimits, checkUrl, discard, readJson, send } from './client';
import { busy, jobFailed, misconfigured, pageLimit, unavailable, unmapped } from './errors';
import { identitiesOf, nextLink, outcomeOf, providedValues, render, renderJson, retryAfterMs, type TemplateScope } from './template';

/**
 * Every slot an attempt takes lies at most this long after the attempt began (AwaitProcessor's
 * Lambda has 60 s; the rest is for the calls themselves and the branch's writes). A slot further
 * ahead is not taken: the attempt ends `ConnectorBusy` and the workflow retries it.
 */
export const MAX_ATTEMPT_WAIT_MS = 45_000;
/** The longest queue a run starts behind (its first call's slot at most this far ahead). */
export const MAX_QUEUE_MS = 20_000;

/**
 * How far ahead a run of `steps` steps takes its first slot. Runs start while the queue is shorter
 * than this, so it stays about this long, and each later call waits about as long again behind the
 * runs started meanwhile: every step's wait must fit in {@link MAX_ATTEMPT_WAIT_MS}, with room for
 * two more (a call answered 429 waits out `Retry-After` and queues again; the takes themselves take
 * time). A run that ends busy after its first call repeats that call on its next attempt.
 */
export const admitWithinMs = (steps: number): number => Math.min(MAX_QUEUE_MS, MAX_ATTEMPT_WAIT_MS / (Math.max(1, steps) + 2));
/** Slots handed out too far in the past are given up at most this often per call before one is used anyway. */
const MAX_RETAKES = 3;

/** What the engine needs from outside: the shared call schedule, and time (replaced in tests). */
export interface EngineDeps {
  /** The next call slot (epoch ms); undefined when it lies after `latest`, and then none is taken. */
  takeSlot(now: number, latest: number): Promise<number | undefined>;
  sleep(ms: number): Promise<void>;
  now(): number;
}

/** Where records of an access action go (the branch's NDJSON export). */
export interface RecordSink {
  write(record: unknown): Promise<void>;
}

/** Everything one run of an action needs. Personal data (the subject, the correction): never logged. */
export interface ActionRun {
  connector: Connector;
  processor: HttpProcessor;
  controllerId: string;
  /** The request's id: with the step, what idempotency keys are derived from (never the subject). */
  requestId: string;
  action: Right;
  subject: IdentifiedSubject;
  correction?: { attribute: string; value: string };
  records?: RecordSink;
  deps?: Partial<EngineDeps>;
}

/**
 * Where a run stopped for a vendor job, to go on from once the job is done: the next step, the
 * provided values later steps use (vendor ids, by the definitions' use; never the subject) and
 * what the steps so far said. Kept on the waiting branch.
 */
export interface ActionProgress {
  next: number;
  provided: Record<string, string[]>;
  found: boolean;
  acted: number;
  actedDone: number;
  retained: boolean;
}

/** Vendor jobs a step started, and where the action goes on once they are done (absent: the step was the last). */
export interface ActionJobs {
  step: string;
  jobIds: string[];
  progress?: ActionProgress;
}

/** How a run ended: with the answer, or waiting on vendor jobs the sweep polls. */
export type ActionResult = { state: 'answered'; answer: ProcessorAnswer; recordCount: number } | ({ state: 'job' } & ActionJobs);

/** The definition with the register's overrides and settings applied: where calls go. */
export function resolved(connector: Connector, p: HttpProcessor): { baseUrl: string; limits: CallLimits } {
  const settings: TemplateScope = { settings: p.settings };
  for (const name of Object.keys(connector.settings))
    if (!(name in p.settings)) throw misconfigured(p.id, `the register gives no value for the setting ${name}`);
  const baseUrl = p.baseUrl ?? render(connector.baseUrl, settings, encodeURIComponent);
  const allowedHosts = p.allowedHosts ?? connector.allowedHosts.map((h) => render(h, settings, encodeURIComponent));
  return {
    baseUrl,
    limits: { processorId: p.id, allowedHosts, maxResponseBytes: connector.maxResponseBytes, timeoutMs: connector.timeoutMs },
  };
}

/** The action a request runs at a connector: its own right's, or the one its planned branch action stands for. */
export function actionFor(connector: Connector, right: Right, branchAction: string): Right | undefined {
  if (connector.actions[right]) return right;
  const fallback: Record<string, Right> = { export: 'access', rectify: 'rectification', restrict: 'restriction' };
  const by = fallback[branchAction] ?? 'erasure';
  return connector.actions[by] ? by : undefined;
}

/**
 * The same for every attempt of one step of one branch that sends the same request, so a vendor
 * that honours it starts a job once however often the step is retried; a hash, so the subject's
 * identities in the URL or body are not sent twice.
 */
function idempotencyKey(r: ActionRun, step: string, method: string, url: URL, body: string | undefined): string {
  const what = [r.controllerId, r.requestId, r.processor.id, r.action, step, method, url.href, body ?? ''].join('\n');
  return `dsr-${createHash('sha256').update(what).digest('hex').slice(0, 48)}`;
}

class Run {
  private readonly deps: EngineDeps;
  private readonly baseUrl: string;
  private readonly limits: CallLimits;
  private creds?: Credentials;
  /** When this attempt began, and whether it has taken a slot yet (its first one admits the run). */
  private readonly began: number;
  private admitted = false;
  recordCount = 0;

  constructor(private readonly r: ActionRun) {
    this.deps = {
      takeSlot: (now, latest) => takeCallSlot(r.controllerId, r.processor.id, r.connector.rateLimit.perSecond, r.connector.rateLimit.burst, now, latest),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
      now: () => Date.now(),
      ...r.deps,
    };
    ({ baseUrl: this.baseUrl, limits: this.limits } = resolved(r.connector, r.processor));
    this.began = this.deps.now();
  }

  private get id() {
    return this.r.processor.id;
  }

  /** The request a template describes, with the connector's credentials. */
  private async build(
    step: string,
    t: RequestTemplate,
    scope: TemplateScope,
    extraQuery: Record<string, string> = {},
  ): Promise<{ url: URL; init: { method: string; headers: Record<string, string>; body?: string } }> {
    this.creds ??= await credentials(this.r.connector, this.r.processor, this.limits, this.baseUrl, { settings: this.r.processor.settings });
    const url = new URL(`${this.baseUrl.replace(/\/+$/, '')}${render(t.path, scope, encodeURIComponent)}`);
    checkUrl(this.limits, step, url, 'the request');
    for (const [k, v] of Object.entries(t.query)) url.searchParams.set(k, render(v, scope));
    for (const [k, v] of Object.entries({ ...extraQuery, ...this.creds.query })) url.searchParams.set(k, v);
    const headers: Record<string, string> = { accept: 'application/json', 'user-agent': 'opendsr-connector' };
    for (const [k, v] of Object.entries(t.headers)) headers[k.toLowerCase()] = render(v, scope);
    Object.assign(headers, this.creds.headers);
    let body: string | undefined;
    if (t.body !== undefined) {
      const filled = renderJson(t.body, scope);
      if (t.form) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        body = new URLSearchParams(Object.entries(filled as Record<string, unknown>).map(([k, v]): [string, string] => [k, String(v)])).toString();
      } else {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(filled);
      }
    }
    if (t.idempotencyKey) headers[t.idempotencyKey.toLowerCase()] = idempotencyKey(this.r, step, t.method, url, body);
    return { url, init: { method: t.method, headers, ...(body !== undefined ? { body } : {}) } };
  }

  /**
   * The next call slot. The run's first one is taken only up to {@link admitWithinMs} ahead and
   * later ones up to {@link MAX_ATTEMPT_WAIT_MS} after the attempt began; past that, nothing is taken
   * and the attempt ends `ConnectorBusy`, so a run that gives up never leaves a slot unused.
   * A slot already further past than the burst and the jitter allowance was handed out from a `now`
   * the update took too long to apply (a slow table): a call on it would reach the vendor in the same
   * second as the calls on the slots after it, so it is left unused and a fresh one taken, which
   * restarts an idle schedule from the real now.
   */
  private async slot(): Promise<number> {
    const { perSecond, burst } = this.r.connector.rateLimit;
    let slot: number | undefined;
    for (let i = 0; i < MAX_RETAKES; i++) {
      const now = this.deps.now();
      const steps = this.r.connector.actions[this.r.action]?.steps.length ?? 1;
      const latest = this.admitted ? this.began + MAX_ATTEMPT_WAIT_MS : Math.min(now + admitWithinMs(steps), this.began + MAX_ATTEMPT_WAIT_MS);
      slot = await this.deps.takeSlot(now, latest);
      if (slot === undefined) throw busy(this.id);
      this.admitted = true;
      if (this.deps.now() - slot <= (burst - 1) * slotInterval(perSecond) + JITTER_ALLOWANCE_MS) return slot;
    }
    return slot!;
  }

  /**
   * Takes a slot and returns at it, when the call may go. A call woken more than
   * `JITTER_ALLOWANCE_MS` after its slot (a stalled event loop, a paused sandbox) would reach the
   * vendor in the same second as the calls on the slots after it, more than the limit allows: it
   * lets that slot pass and takes the next (at most {@link MAX_RETAKES} times, then goes late).
   */
  private async onTime(): Promise<void> {
    for (let late = 0; ; late++) {
      const slot = await this.slot();
      // Measured after taking the slot: the update's own latency would otherwise make every call late
      // by a different amount, bunching calls the vendor counts in one second.
      const due = Math.max(slot, this.deps.now());
      const ahead = slot - this.deps.now();
      if (ahead > 0) await this.deps.sleep(ahead);
      if (this.deps.now() - due <= JITTER_ALLOWANCE_MS || late + 1 >= MAX_RETAKES) return;
    }
  }

  /** One call, queued behind the rate limit and retried while its outcome is `retry`. */
  async exchange(step: string, url: URL, init: { method: string; headers: Record<string, string>; body?: string }, outcomes: Record<string, Outcome>) {
    const { attempts, maxWaitSeconds } = this.r.connector.retry;
    for (let attempt = 0; ; attempt++) {
      await this.onTime();
      const answer = await send(this.limits, step, { ...init, url });
      const outcome = outcomeOf(answer.status, outcomes, this.r.connector.outcomes);
      if (!outcome) {
        await discard(answer);
        throw unmapped(this.id, step, answer.status);
      }
      if (outcome !== 'retry') return { answer, outcome };
      await discard(answer);
      const wait = retryAfterMs(answer.headers.get('retry-after'), this.deps.now()) ?? 2 ** attempt * 500;
      if (attempt >= attempts) throw unavailable(this.id, step, `still ${answer.status} after ${attempts + 1} calls`);
      if (wait > maxWaitSeconds * 1000) throw unavailable(this.id, step, `${answer.status} with a wait longer than ${maxWaitSeconds}s`);
      await this.deps.sleep(wait);
    }
  }

  /** Runs one step for one set of provided values: every page. */
  async step(
    name: string,
    step: ConnectorStep,
    scope: TemplateScope,
    provided: Map<string, string[]>,
  ): Promise<{ outcome: Outcome; found: number; jobIds: string[] }> {
    const p = step.pagination;
    const built = await this.build(name, step, scope);
    let url = built.url;
    let init = built.init;
    let found = 0;
    let outcome: Outcome = 'done';
    const jobIds: string[] = [];
    const seen = new Set<string>();
    for (let page = 0; ; page++) {
      if (p && page >= p.maxPages) throw pageLimit(this.id, name, p.maxPages);
      if (p?.type === 'offset') url.searchParams.set(p.sizeParam, String(p.pageSize));
      if (p?.type === 'page' && p.sizeParam && p.pageSize) url.searchParams.set(p.sizeParam, String(p.pageSize));
      if (p?.type === 'page' && page === 0) url.searchParams.set(p.param, String(p.start));
      const call = await this.exchange(name, url, init, step.outcomes);
      outcome = call.outcome;
      if (outcome !== 'done') {
        await discard(call.answer);
        return { outcome, found, jobIds };
      }
      const body = await readJson(this.limits, name, call.answer);
      let onPage = 0;
      if (step.records) {
        const records = search(step.records, body);
        const list = Array.isArray(records) ? records : records === null ? [] : [records];
        onPage = list.length;
        for (const record of list) await this.r.records?.write(record);
        this.recordCount += list.length;
      }
      for (const [key, expr] of Object.entries(step.provide)) {
        const values = providedValues(search(expr, body));
        if (!step.records) onPage = Math.max(onPage, values.length);
        provided.set(key, [...new Set([...(provided.get(key) ?? []), ...values])]);
      }
      found += onPage;
      if (step.job) {
        const id = providedValues(search(step.job.id, body))[0];
        if (!id) throw unavailable(this.id, name, 'the job answer has no id');
        jobIds.push(id);
      }
      // The next page, if any: a link or cursor seen before is a loop, refused as a page limit would.
      let next: URL | undefined;
      if (p?.type === 'link') {
        next = nextLink(call.answer.headers.get('link'), url);
        if (next) checkUrl(this.limits, name, next, 'a pagination link');
      } else if (p?.type === 'cursor') {
        // `false` and null (`has_more && data[-1].id` on the last page) give no value: the last page.
        const cursor = providedValues(search(p.cursor, body))[0];
        if (cursor && p.in === 'body') {
          next = new URL(url);
          init = { ...init, body: JSON.stringify(withAt(JSON.parse(init.body ?? '{}'), p.param, cursor)) };
        } else if (cursor) {
          next = new URL(url);
          next.searchParams.set(p.param, cursor);
        }
      } else if (p?.type === 'offset' && onPage >= p.pageSize) {
        next = new URL(url);
        next.searchParams.set(p.param, String(Number(url.searchParams.get(p.param) ?? 0) + p.pageSize));
      } else if (p?.type === 'page' && onPage > 0) {
        next = new URL(url);
        next.searchParams.set(p.param, String(Number(url.searchParams.get(p.param) ?? p.start) + 1));
      }
      if (!next) return { outcome, found, jobIds };
      const key = `${next.href} ${init.body ?? ''}`;
      if (seen.has(key)) throw pageLimit(this.id, name, p!.maxPages);
      seen.add(key);
      url = next;
    }
  }

  /** Runs the action's steps, from the first or from where a finished job left it. */
  async run(from?: ActionProgress): Promise<ActionResult> {
    const { connector, processor, action: right } = this.r;
    const action = connector.actions[right];
    if (!action) throw misconfigured(this.id, `the definition has no ${right} action`);
    const identities = identitiesOf(connector, this.r.subject);
    const correction = this.r.correction ? { attribute: this.r.correction.attribute, value: this.r.correction.value } : undefined;
    const provided = new Map<string, string[]>(Object.entries(from?.provided ?? {}));
    // Lookups (steps that collect or provide) say whether the vendor holds the subject; acting
    // steps, when any ran, say it again: all of them answering not_found means nothing was held.
    const tally = { found: from?.found ?? false, acted: from?.acted ?? 0, actedDone: from?.actedDone ?? 0, retained: from?.retained ?? false };
    for (let i = from?.next ?? 0; i < action.steps.length; i++) {
      const name = action.steps[i]!;
      const step = connector.steps[name]!;
      // A step that starts a job acts, even when it provides the job's id to the next step.
      const lookup = !step.job && (!!step.records || Object.keys(step.provide).length > 0);
      const refs = templateRefs([step.path, step.query, step.headers, step.body ?? null]);
      // A lookup by an identity the subject does not have (no phone number) is skipped, not failed.
      if (refs.some((r) => r.scope === 'identities' && !(r.name in identities))) continue;
      const by = refs.find((r) => r.scope === 'provided')?.name;
      const values = by ? (provided.get(by) ?? []) : [undefined];
      const jobIds: string[] = [];
      for (const value of values) {
        const scope: TemplateScope = {
          identities,
          settings: processor.settings,
          ...(correction ? { correction } : {}),
          ...(by && value !== undefined ? { provided: { [by]: value } } : {}),
        };
        const result = await this.step(name, step, scope, provided);
        if (result.outcome === 'retained') tally.retained = true;
        if (lookup) tally.found ||= result.outcome === 'done' && result.found > 0;
        else {
          tally.acted++;
          if (result.outcome === 'done') tally.actedDone++;
        }
        jobIds.push(...result.jobIds);
      }
      if (jobIds.length) {
        // Records written before a job cannot be joined by those after it: an export ends at its job.
        if (i !== action.steps.length - 1 && (right === 'access' || right === 'portability'))
          throw misconfigured(this.id, `step ${name} starts a job and is not the last step of an export`);
        // Only what later steps use is kept on the branch.
        const later = new Set(
          action.steps
            .slice(i + 1)
            .flatMap((s) => templateRefs(Object.values(connector.steps[s] ?? {})))
            .filter((r) => r.scope === 'provided')
            .map((r) => r.name),
        );
        const kept = Object.fromEntries([...provided].filter(([k]) => later.has(k)));
        return { state: 'job', step: name, jobIds, progress: { next: i + 1, provided: kept, ...tally } };
      }
    }
    const held = tally.acted > 0 ? tally.actedDone > 0 : tally.found;
    const answer: ProcessorAnswer = tally.retained
      ? { outcome: 'retained', basis: action.retainedBasis ?? 'kept by the processor' }
      : !held
        ? { outcome: 'not_found' }
        : action.keeps
          ? { outcome: 'partly', kept: action.keeps.kept, reason: action.keeps.reason }
          : { outcome: 'done' };
    return { state: 'answered', answer, recordCount: this.recordCount };
  }

  /** Polls each job once: all done answers `done`, any failed fails the branch, else still waiting. */
  async poll(stepName: string, jobIds: string[]): Promise<'done' | 'waiting'> {
    const job = this.r.connector.steps[stepName]?.job;
    if (!job) throw misconfigured(this.id, `step ${stepName} has no job`);
    let waiting = false;
    for (const id of jobIds) {
      const { url, init } = await this.build(stepName, job.poll, { settings: this.r.processor.settings, job: { id } });
      const call = await this.exchange(stepName, url, init, {});
      if (call.outcome !== 'done') {
        await discard(call.answer);
        throw unmapped(this.id, stepName, call.answer.status);
      }
      const state = providedValues(search(job.state, await readJson(this.limits, stepName, call.answer)))[0];
      if (state !== undefined && job.failed.includes(state)) throw jobFailed(this.id, stepName);
      if (state === undefined || !job.done.includes(state)) waiting = true;
    }
    return waiting ? 'waiting' : 'done';
  }

  /** Cancels each job by the step's declared `cancel` request; false when the definition declares none. */
  async cancel(stepName: string, jobIds: string[]): Promise<boolean> {
    const cancel = this.r.connector.steps[stepName]?.job?.cancel;
    if (!cancel) return false;
    for (const id of jobIds) {
      const { url, init } = await this.build(stepName, cancel, { settings: this.r.processor.settings, job: { id } });
      const call = await this.exchange(stepName, url, init, {});
      await discard(call.answer);
      if (call.outcome !== 'done') throw unmapped(this.id, stepName, call.answer.status);
    }
    return true;
  }
}

/** A copy of the JSON object `body` with `value` at the dotted `path` (`pagination.starting_after`), objects made on the way. */
function withAt(body: Record<string, unknown>, path: string, value: string): Record<string, unknown> {
  const [head, ...rest] = path.split('.');
  const inner = body[head!];
  const child = inner && typeof inner === 'object' && !Array.isArray(inner) ? (inner as Record<string, unknown>) : {};
  return { ...body, [head!]: rest.length ? withAt(child, rest.join('.'), value) : value };
}

/** Runs the action `run.action` of the connector for the subject. */
export function runAction(run: ActionRun): Promise<ActionResult> {
  return new Run(run).run();
}

/** Polls the jobs a step started. */
export function pollJobs(run: Omit<ActionRun, 'subject'>, step: string, jobIds: string[]): Promise<'done' | 'waiting'> {
  return new Run({ ...run, subject: { email: '' } }).poll(step, jobIds);
}

/** Cancels the jobs a step started, where its definition declares how; false where it does not (the vendor cannot be told). */
export function cancelJobs(run: Omit<ActionRun, 'subject'>, step: string, jobIds: string[]): Promise<boolean> {
  return new Run({ ...run, subject: { email: '' } }).cancel(step, jobIds);
}

/**
 * Polls the jobs a run is waiting on once; when all are done, goes on with the action's later
 * steps, which may answer or start the next job (Stripe's redaction job is validated, then run).
 * Jobs of an action's last step (or of a branch that recorded no progress) answer `done`.
 */
export async function resumeAction(run: ActionRun, jobs: ActionJobs): Promise<ActionResult | { state: 'waiting' }> {
  const r = new Run(run);
  if ((await r.poll(jobs.step, jobs.jobIds)) === 'waiting') return { state: 'waiting' };
  if (!jobs.progress) return { state: 'answered', answer: { outcome: 'done' }, recordCount: 0 };
  return r.run(jobs.progress);
}
