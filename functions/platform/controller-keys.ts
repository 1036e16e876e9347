import { secrets } from './aws/secrets';
import { ConfigError } from './config';
import { constantTimeEqual } from './tokens';

/**
 * How long a controller's key is kept in memory before Secrets Manager is asked again: a rotated
 * key is taken within five minutes, and a burst of calls costs one read.
 */
const MAX_AGE_SECONDS = 300;

/**
 * Whether a presented key is the one a controller's secret holds (the register names the secret:
 * a mailing tool's webhook key, a suppression check's API key). Compared in constant time. A secret
 * that cannot be read or holds fewer than 32 characters is the operator's mistake, never a match:
 * it throws, naming neither the secret nor its value.
 */
export async function controllerKeyMatches(secretId: string, presented: string | undefined): Promise<boolean> {
  const value = await secrets.get(secretId, { maxAge: MAX_AGE_SECONDS });
  if (typeof value !== 'string' || value.length < 32)
    throw new ConfigError('A controller key secret the register names holds no text of 32 characters or more');
  return constantTimeEqual(presented, value);
}
