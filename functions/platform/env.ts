/**
 * Configuration read once, at cold start. A missing or malformed value stops the function
 * with a message that names the variable, instead of failing later on a live request.
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** A variable that must be set and non-empty. */
export function requiredEnv(name: string): string {
  const value = process.env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigError(`Environment variable ${name} is required but not set`);
  }
  return value;
}

/** A positive whole number with a default, e.g. a time-to-live in days. */
export function positiveIntEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    throw new ConfigError(`Environment variable ${name} must be a positive whole number, got "${raw}"`);
  }
  return value;
}

/** An absolute http(s) URL without a trailing slash, e.g. the public base URL used in links. */
export function urlEnv(name: string): string {
  const value = requiredEnv(name);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`Environment variable ${name} must be an absolute URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigError(`Environment variable ${name} must be an http(s) URL`);
  }
  return value.replace(/\/+$/, '');
}
