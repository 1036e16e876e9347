import * as z from '../../domain/validation';
import { configure } from '../../platform/config';
import { sendDigest } from '../../reporting/digest';

// The composition root: what this function is given, checked at cold start.
await configure('REQUESTS_TABLE', 'SENDER_EMAIL', 'SES_CONFIGURATION_SET', 'PUBLIC_BASE_URL');

/** The schedule's input: which controller's digest (one schedule per controller that declares one). */
const digestEvent = z.object({ controllerId: z.string().check(z.minLength(1)) });

/** Scheduled per controller at the register's `digest.schedule`. */
export const handler = async (event: unknown) => sendDigest(digestEvent.parse(event).controllerId);
