import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The service's logger. Log ids, counts, statuses and error classes only: never an email
 * address, a name, a token, a link or a request body.
 */
export const logger = new Logger({ serviceName: 'dsr' });

/** The class of an error, safe to log and to store: messages may quote personal data. */
export function errorClass(err: unknown): string {
  if (err && typeof err === 'object' && 'name' in err && typeof err.name === 'string' && err.name) return err.name;
  return 'Error';
}
