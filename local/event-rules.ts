/**
 * EventBridge rules of the template, matched locally: an event pattern is an object whose leaves
 * are arrays of allowed values; an event matches when every key of the pattern is in the event and
 * each leaf allows the event's value (any element, for an array in the event). Only exact values
 * are read: a pattern with content filters (`prefix`, `anything-but`, `numeric`, `exists`, ...) is
 * refused when the runtime starts, rather than matched more kindly than EventBridge would.
 */

/** A pattern as the template gives it (after its references are resolved). */
export type EventPattern = { [key: string]: EventPattern | readonly (string | number | boolean | null)[] };

/** Throws, naming the path, if the pattern uses anything but exact values. */
export function checkPattern(pattern: unknown, where: string, path: string[] = []): asserts pattern is EventPattern {
  if (!pattern || typeof pattern !== 'object' || Array.isArray(pattern))
    throw new Error(`${where}: the event pattern at ${path.join('.') || '(top)'} is not an object`);
  for (const [key, value] of Object.entries(pattern)) {
    if (Array.isArray(value)) {
      const filter = value.find((v) => v !== null && typeof v === 'object');
      if (filter) throw new Error(`${where}: the local runtime matches exact values only; ${[...path, key].join('.')} uses ${JSON.stringify(filter)}`);
    } else {
      checkPattern(value, where, [...path, key]);
    }
  }
}

/** Whether an event matches a pattern (exact values; see the module's comment). */
export function matchesPattern(event: unknown, pattern: EventPattern): boolean {
  if (!event || typeof event !== 'object') return false;
  const e = event as Record<string, unknown>;
  return Object.entries(pattern).every(([key, allowed]) => {
    if (!(key in e)) return false;
    const value = e[key];
    if (Array.isArray(allowed)) {
      const values = Array.isArray(value) ? value : [value];
      return values.some((v) => allowed.includes(v as string));
    }
    return matchesPattern(value, allowed as EventPattern);
  });
}
