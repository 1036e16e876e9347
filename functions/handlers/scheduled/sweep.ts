import { sweep } from '../../workflow/sweep';

/** Scheduled every 15 minutes, and run by the local runtime at start. */
export const handler = async () => sweep();
