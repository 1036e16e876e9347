/**
 * The local stand-in for EventBridge Scheduler: every schedule of the template fires its Lambda
 * with the schedule's input at the times its expression gives, in its time zone.
 */
import { parseScheduleExpression, type ScheduleExpression } from '../functions/domain/schedule-expressions.ts';
import type { ScheduleModel } from './synth.ts';

/** A schedule as the local runtime runs it. */
export interface LocalSchedule {
  logicalId: string;
  expression: string;
  timezone: string;
  /** The target Lambda's logical id. */
  functionLogicalId: string;
  /** The event the target gets (the schedule's Input). */
  input: unknown;
  /** When it fires next, if timers run and it fires again. */
  nextAt?: Date;
}

/** Longest delay setTimeout takes; longer waits are re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * Arms a timer per enabled schedule (unless `timers` is false: tests fire schedules by hand) and
 * returns the schedules with a way to fire one now and to stop. A firing that fails is logged by
 * its error name only; the next one still comes.
 */
export function startSchedules(
  models: readonly ScheduleModel[],
  fire: (schedule: LocalSchedule) => Promise<void>,
  opts: { timers: boolean; log: (line: string) => void },
): { schedules: LocalSchedule[]; stop(): Promise<void> } {
  const handles = new Set<NodeJS.Timeout>();
  const running = new Set<Promise<void>>();
  let stopped = false;
  const schedules: LocalSchedule[] = [];

  const arm = (schedule: LocalSchedule, expression: ScheduleExpression, after: Date) => {
    schedule.nextAt = expression.nextAfter(after);
    if (!schedule.nextAt || stopped) return;
    const wait = () => {
      const delay = schedule.nextAt!.getTime() - Date.now();
      const handle = setTimeout(
        () => {
          handles.delete(handle);
          if (stopped) return;
          if (delay > MAX_TIMER_MS) return wait();
          const due = schedule.nextAt!;
          const run = fire(schedule)
            .then(
              () => opts.log(`schedule ${schedule.logicalId}: done`),
              (e: Error) => opts.log(`schedule ${schedule.logicalId}: failed (${e.name})`),
            )
            .finally(() => running.delete(run));
          running.add(run);
          arm(schedule, expression, due);
        },
        Math.max(0, Math.min(delay, MAX_TIMER_MS)),
      );
      handle.unref();
      handles.add(handle);
    };
    wait();
  };

  for (const model of models) {
    if (!model.enabled) continue;
    const timezone = model.timezone ?? 'UTC';
    const expression = parseScheduleExpression(model.expression, timezone);
    const schedule: LocalSchedule = {
      logicalId: model.logicalId,
      expression: model.expression,
      timezone,
      functionLogicalId: model.functionLogicalId,
      input: model.input ? JSON.parse(model.input) : {},
    };
    schedules.push(schedule);
    if (opts.timers) {
      arm(schedule, expression, new Date());
      opts.log(
        `schedule ${schedule.logicalId}: ${schedule.expression}${model.timezone ? ` (${timezone})` : ''}, next ${schedule.nextAt?.toISOString() ?? 'never'}`,
      );
    }
  }

  return {
    schedules,
    async stop() {
      stopped = true;
      for (const handle of handles) clearTimeout(handle);
      await Promise.allSettled([...running]);
    },
  };
}
