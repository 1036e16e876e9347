/**
 * What the local Step Functions endpoint keeps of its executions, and the AWS rules it applies to
 * them: executions are written to the runtime's data folder (one JSON file each), so a restart
 * still knows them; a closed one keeps its name for 90 days; RedriveExecution is refused after 14
 * days or at 25,000 history events; and a re-drive resumes at the state that did not finish (for
 * a Map, its unsuccessful iterations only), as {@link resumedDefinition} builds it.
 */

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const DAY_MS = 86_400_000;
/** AWS: an execution can be re-driven for 14 days after it stopped. */
export const REDRIVABLE_PERIOD_MS = 14 * DAY_MS;
/** AWS: a closed standard execution's name stays taken (and it stays describable) for 90 days. */
export const NAME_RESERVED_MS = 90 * DAY_MS;
/** AWS: an execution's history holds at most 25,000 events; one that reached it is not re-drivable. */
export const HISTORY_EVENT_LIMIT = 25_000;

export type ExecutionStatus = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

/**
 * Where a re-drive resumes: the top-level state that was entered and did not finish, with the input
 * it was entered with, and for a Map state the output of each iteration that succeeded (by index).
 */
export interface ResumePoint {
  state: string;
  input: unknown;
  succeeded?: Record<string, unknown>;
}

/** One execution as the endpoint keeps it. */
export interface StoredExecution {
  executionArn: string;
  name: string;
  input: string;
  status: ExecutionStatus;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  redriveCount: number;
  redriveDate?: Date;
  /** Events AWS would have logged in the execution's history so far (see {@link historyEventsOf}). */
  historyEvents: number;
  resume?: ResumePoint;
}

const DATE_FIELDS = ['startDate', 'stopDate', 'redriveDate'] as const;

/** The executions of one state machine, one file each under `dir`, written whole (temporary file, then rename). */
export class ExecutionStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(arn: string): string {
    return join(this.dir, `${Buffer.from(arn).toString('base64url')}.json`);
  }

  load(): StoredExecution[] {
    const found: StoredExecution[] = [];
    for (const entry of readdirSync(this.dir)) {
      if (!entry.endsWith('.json')) continue;
      try {
        const raw = JSON.parse(readFileSync(join(this.dir, entry), 'utf8'));
        for (const field of DATE_FIELDS) if (raw[field] !== undefined) raw[field] = new Date(raw[field]);
        found.push(raw as StoredExecution);
      } catch {
        // a file cut short by a kill during its first write: that execution was never answered as started
      }
    }
    return found;
  }

  save(rec: StoredExecution): void {
    const { executionArn, name, input, status, startDate, stopDate, output, error, cause, redriveCount, redriveDate, historyEvents, resume } = rec;
    const text = JSON.stringify({
      executionArn,
      name,
      input,
      status,
      startDate,
      stopDate,
      output,
      error,
      cause,
      redriveCount,
      redriveDate,
      historyEvents,
      resume,
    });
    const file = this.file(executionArn);
    const temp = `${file}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    renameSync(temp, file);
  }

  remove(arn: string): void {
    rmSync(this.file(arn), { force: true });
  }
}

/** Why AWS would refuse to re-drive this execution now, in its own words; undefined if it would not. */
export function notRedrivableReason(rec: Pick<StoredExecution, 'status' | 'stopDate' | 'historyEvents'>, now: Date): string | undefined {
  if (rec.status === 'RUNNING' || rec.status === 'SUCCEEDED') return `Execution is ${rec.status} and cannot be redriven`;
  if (rec.stopDate && now.getTime() - rec.stopDate.getTime() > REDRIVABLE_PERIOD_MS) return 'Execution redrivable period exceeded';
  if (rec.historyEvents >= HISTORY_EVENT_LIMIT - 1) return 'Execution history event limit exceeded';
  return undefined;
}

/** A closed execution older than the name's reservation: AWS has forgotten it, and its name is free. */
export function forgotten(rec: Pick<StoredExecution, 'status' | 'stopDate'>, now: Date): boolean {
  return rec.status !== 'RUNNING' && rec.stopDate !== undefined && now.getTime() - rec.stopDate.getTime() > NAME_RESERVED_MS;
}

/** One of the library's events, as far as counting and resuming need it. */
export interface LibraryEvent {
  type: string;
  index?: number;
  state?: { name: string; type: string; input?: unknown };
  parentState?: { name: string };
  output?: unknown;
}

/**
 * How many events AWS logs in the history for one of the library's events: a Task's entry is
 * TaskStateEntered, TaskScheduled and TaskStarted; its exit TaskSucceeded and TaskStateExited; a
 * failed attempt TaskFailed, and its retry TaskScheduled and TaskStarted again; a Map adds
 * MapStateStarted and MapStateSucceeded. The library logs one event for each of these groups, so
 * without the weights the count would run slower than AWS's, and the local limit would be kinder.
 */
export function historyEventsOf(event: LibraryEvent): number {
  const type = event.state?.type;
  switch (event.type) {
    case 'StateEntered':
      return type === 'Task' ? 3 : type === 'Map' || type === 'Parallel' ? 2 : 1;
    case 'StateExited':
      return type === 'Task' || type === 'Map' || type === 'Parallel' ? 2 : 1;
    case 'StateRetried':
      return type === 'Task' ? 2 : 1;
    default:
      return 1;
  }
}

/** Names of the states a re-drive adds to a Map's item processor (a prefix no CDK state name has). */
export const REDRIVE_STATE_PREFIX = 'LocalRedrive.';

/** The copy of a re-driven Map that runs its first entry only: `LocalRedrive.Resume.<name>`. */
const RESUMED_MAP_PREFIX = `${REDRIVE_STATE_PREFIX}Resume.`;

/** The name a state of a re-drive's definition stands for: its Map's for the resumed copy, else its own. */
export const executedStateName = (name: string): string => (name.startsWith(RESUMED_MAP_PREFIX) ? name.slice(RESUMED_MAP_PREFIX.length) : name);

/**
 * The definition a re-drive runs: the executed definition starting at the resume point's state.
 * If that state is a Map with iterations that succeeded, the re-drive starts at a copy of it in
 * which each of those answers its recorded output without running (a Choice on
 * `$$.Map.Item.Index` in front of the item processor), and only the others run, from the start of
 * their iteration: AWS re-drives only the unsuccessful iterations. The copy goes on where the Map
 * went, so a workflow that comes back to the Map later runs it whole, as AWS does.
 */
export function resumedDefinition(definition: Record<string, any>, resume: ResumePoint): Record<string, any> {
  const copy = structuredClone(definition);
  copy.StartAt = resume.state;
  const done = Object.entries(resume.succeeded ?? {});
  if (copy.States?.[resume.state]?.Type !== 'Map' || done.length === 0) return copy;
  const state = structuredClone(copy.States[resume.state]);
  copy.StartAt = `${RESUMED_MAP_PREFIX}${resume.state}`;
  copy.States[copy.StartAt] = state;
  const processor = state.ItemProcessor ?? state.Iterator;
  const selector = state.ItemSelector ?? state.Parameters;
  delete state.Parameters;
  state.ItemSelector = { 'index.$': '$$.Map.Item.Index', ...(selector === undefined ? { 'item.$': '$$.Map.Item.Value' } : { item: selector }) };
  const choose = `${REDRIVE_STATE_PREFIX}Choose`;
  const run = `${REDRIVE_STATE_PREFIX}Run`;
  const states: Record<string, unknown> = {
    [choose]: {
      Type: 'Choice',
      Choices: done.map(([index]) => ({ Variable: '$.index', NumericEquals: Number(index), Next: `${REDRIVE_STATE_PREFIX}Done.${index}` })),
      Default: run,
    },
    [run]: { Type: 'Pass', InputPath: '$.item', Next: processor.StartAt },
  };
  for (const [index, output] of done) {
    // wrapped: the library passes the input through for a Result that is null, false, 0 or ''
    states[`${REDRIVE_STATE_PREFIX}Done.${index}`] = { Type: 'Pass', Result: { output }, OutputPath: '$.output', End: true };
  }
  processor.States = { ...states, ...processor.States };
  processor.StartAt = choose;
  return copy;
}
