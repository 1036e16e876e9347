/**
 * A service behind the handler refused the work or could not do it for now (SES refused a send, a
 * quota ran out): nothing about the request was wrong, so a caller is answered 503 and asked to try
 * again, and a workflow step fails to be retried. Its message names no person.
 */
export class Unavailable extends Error {}
