import * as z from 'zod';
import { sendDigest } from '../../reporting/digest';

/** The schedule's input: which controller's digest (one schedule per controller that declares one). */
const digestEvent = z.object({ controllerId: z.string().min(1) });

/** Scheduled per controller at the register's `digest.schedule`. */
export const handler = async (event: unknown) => sendDigest(digestEvent.parse(event).controllerId);
