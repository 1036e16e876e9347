/**
 * The pure parts of running a connector definition: identities, templates, hosts, outcomes,
 * Retry-After and pagination links. Nothing here logs, reads the environment or calls out.
 */
import { createHash } from 'node:crypto';
import type { Connector, Normaliser, Outcome } from '../../domain/connector-schema';
import { type IdentifiedSubject, identityValue, normalisePhone } from '../../domain/identifiers';

/** Values templates are filled from: `{{scope.name}}`. Personal data (identities): never logged. */
export type TemplateScope = Partial<Record<'identities' | 'provided' | 'settings' | 'correction' | 'job', Record<string, string>>>;

/** A template names a value the scope lacks: the definition and the register disagree. */
export class TemplateError extends Error {
  override name = 'ConnectorTemplateError';
}

/** Applies `normalise` in order; undefined when the value cannot be made one (a phone number that is not E.164). */
export function normalise(value: string, steps: readonly Normaliser[]): string | undefined {
  let v: string | undefined = value;
  for (const step of steps) {
    if (v === undefined) return undefined;
    if (step === 'trim') v = v.trim();
    else if (step === 'lower') v = v.toLowerCase();
    else if (step === 'md5') v = createHash('md5').update(v).digest('hex');
    else if (step === 'sha256') v = createHash('sha256').update(v).digest('hex');
    // No country is assumed: a national number cannot be made E.164 without one, so it is not used.
    else if (step === 'e164') v = normalisePhone(v);
  }
  return v;
}

/** The subject's identities as the connector declares them; one the subject lacks (or that does not normalise) is left out. */
export function identitiesOf(connector: Connector, subject: IdentifiedSubject): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, identity] of Object.entries(connector.identities)) {
    const raw = identityValue(subject, identity.from);
    const value = raw === undefined ? undefined : normalise(raw, identity.normalise);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

const TEMPLATE = /\{\{\s*([a-z]+)\.([A-Za-z0-9_]+)\s*\}\}/g;

/** Fills `{{scope.name}}`; `encode` escapes each value (a path segment, a query value). */
export function render(template: string, scope: TemplateScope, encode: (v: string) => string = (v) => v): string {
  return template.replace(TEMPLATE, (_m, s: string, name: string) => {
    const value = scope[s as keyof TemplateScope]?.[name];
    // The name only: the value may be personal data.
    if (value === undefined) throw new TemplateError(`the template needs {{${s}.${name}}}, which this request does not have`);
    return encode(value);
  });
}

/** Fills every string of a JSON body. */
export function renderJson(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') return render(value, scope);
  if (Array.isArray(value)) return value.map((v) => renderJson(v, scope));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renderJson(v, scope)]));
  return value;
}

/** Whether `host` (a URL's `host`: name and any port) is one the connector allows: exact, or one label under `*.`. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((a) => {
    const pattern = a.toLowerCase();
    if (!pattern.startsWith('*.')) return h === pattern;
    const rest = pattern.slice(1); // ".api.mailchimp.com"
    return h.endsWith(rest) && !h.slice(0, -rest.length).includes('.') && h.length > rest.length;
  });
}

/** What a status means at a step: its own mapping, then the connector's, then the defaults (2xx done, 429 and 5xx retry); undefined is unmapped. */
export function outcomeOf(status: number, ...maps: Readonly<Record<string, Outcome>>[]): Outcome | undefined {
  const exact = String(status);
  const cls = `${exact[0]}xx`;
  for (const map of maps) {
    const found = map[exact] ?? map[cls];
    if (found) return found;
  }
  if (status >= 200 && status < 300) return 'done';
  if (status === 429 || status >= 500) return 'retry';
  return undefined;
}

/** `Retry-After` in milliseconds (seconds or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** The `rel="next"` target of an RFC 8288 Link header, resolved against the request's URL. */
export function nextLink(header: string | null, base: URL): URL | undefined {
  if (!header) return undefined;
  for (const part of header.split(/,(?=\s*<)/)) {
    const m = /^\s*<([^>]*)>(.*)$/.exec(part);
    if (m && /;\s*rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(m[2]!)) return new URL(m[1]!, base);
  }
  return undefined;
}

/** Values a JMESPath result provides: a list's strings and numbers, or one such value. */
export function providedValues(result: unknown): string[] {
  const list = Array.isArray(result) ? result : result === null || result === undefined ? [] : [result];
  return list.filter((v) => typeof v === 'string' || typeof v === 'number').map(String);
}
